"""OCR of scanned pages: preprocessing, Tesseract through tesserocr, orientation and layout.

    preprocess   stamp colours, blank pages, skew, rules, speckle, blur
    engine       Tesseract kept loaded, one API per thread; availability and install hints
    orientation  pages scanned on their side or upside down (Tesseract OSD)
    reread       doubtful pieces of a page read again in isolation
    lost         lines the page layout lost: ink no word covers
    numbers      numbers run into the word before them
    layout       word boxes into lines: header columns, signer block, table rows
    pages        one page from pixels to a SourcePage; many pages in parallel threads
    images       image files, one page a frame
    syllables    whether text looks like Vietnamese (text layers that need OCR)

Names are imported on first use (PEP 562): the PDF reader asks page_text_is_garbage about
every page with an image, and that must not load NumPy, Pillow and Tesseract.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "DPI": "pages",
    "LOW_CONFIDENCE": "engine",
    "configure": "pages",
    "ocr_image": "pages",
    "ocr_pages": "pages",
    "ocr_pdf_page": "pages",
    "page_text_is_garbage": "syllables",
    "read_images": "images",
    "render_pdf_page": "pages",
    "submit_pdf_page": "pages",
    "tesseract_problem": "engine",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
