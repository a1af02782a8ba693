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
    "ocr_image": "pages",
    "ocr_pages": "pages",
    "ocr_pdf_page": "pages",
    "page_text_is_garbage": "syllables",
    "read_images": "images",
    "render_pdf_page": "pages",
    "submit_pdf_page": "pages",
    "tesseract_problem": "engine",
}
__all__ = sorted([*_HOMES, "configure"])

_threads: int | None = None


def configure(threads: int | None = None) -> None:
    """How many pages of one file are read at a time. None: one per CPU in the main process
    (a file checked alone), one in a worker process of a batch, which already reads a file
    per CPU; a batch with more workers than files sets more. Kept here, not in `pages`, so
    that a worker can be told before it knows whether it will OCR anything."""
    global _threads
    _threads = threads


def configured_threads() -> int | None:
    return _threads


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
