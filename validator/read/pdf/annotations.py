"""Text that annotations and form fields show on a page.

Signing tools write a signed document's number and day into FreeText annotations or
widgets. Those with an appearance stream are drawn into the page by flattening it, so their
text joins pdfium's text where it sits. A FreeText annotation whose appearance draws no
text (none, or an empty one pdfium made up) is shown by viewers from its /Contents and /DA;
its text is taken from there, with the box the viewer would give it.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_HIDDEN = 0x02 | 0x20  # annotation flags Hidden, NoView
_FONT_SIZE = re.compile(r"([\d.]+)\s+Tf")
_DEFAULT_SIZE = 12.0


@dataclass(frozen=True)
class Note:
    """A FreeText annotation's text and where a viewer shows it (page space)."""

    text: str
    left: float
    top: float  # page space: y grows upwards
    size: float  # font size
    rect: tuple[float, float, float, float]  # left, bottom, right, top

    def shown(self, textpage: pdfium.PdfTextPage) -> bool:
        """The flattened page has the annotation's text inside it: its appearance drew it."""
        inside = "".join(textpage.get_text_bounded(*self.rect).split())
        return "".join(self.text.split()) in inside


@dataclass
class LoadedPage:
    page: pdfium.PdfPage  # annotations and form fields drawn into it
    notes: list[Note]  # FreeText annotations, to be read where their appearance drew nothing
    own_text: str | None  # the text of the page without its annotations, if it has any


def load_flattened(pdf: pdfium.PdfDocument, index: int) -> LoadedPage:
    """The page with its annotations and form fields drawn into it.

    The page's own text is kept apart: a scan signed digitally carries the signing tool's
    stamp text, which does not make the scan a text page.
    """
    page = pdf[index]
    count = pdfium_c.FPDFPage_GetAnnotCount(page.raw)
    if count <= 0:
        return LoadedPage(page, [], None)
    own_text = page.get_textpage().get_text_range()
    notes = [note for k in range(count) if (note := _free_text(page, k)) is not None]
    if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) != \
            pdfium_c.FLATTEN_SUCCESS:
        return LoadedPage(page, notes, own_text)
    page.close()  # pdfium shows the flattened content only on a page loaded afresh
    return LoadedPage(pdf[index], notes, own_text)


def _free_text(page: pdfium.PdfPage, k: int) -> Note | None:
    annot = pdfium_c.FPDFPage_GetAnnot(page.raw, k)
    if not annot:
        return None
    try:
        if (pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_FREETEXT
                or pdfium_c.FPDFAnnot_GetFlags(annot) & _HIDDEN):
            return None
        text = " ".join(_string(annot, b"Contents").split())
        if not text:
            return None
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
            return None
        size = _FONT_SIZE.search(_string(annot, b"DA"))
        left, right = sorted((rect.left, rect.right))
        bottom, top = sorted((rect.bottom, rect.top))
        return Note(text=text, left=left + 2, top=top - 2,
                    size=float(size.group(1)) if size else _DEFAULT_SIZE,
                    rect=(left, bottom, right, top))
    finally:
        pdfium_c.FPDFPage_CloseAnnot(annot)


def _string(annot, key: bytes) -> str:
    length = pdfium_c.FPDFAnnot_GetStringValue(annot, key, None, 0)
    if length <= 2:
        return ""
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFAnnot_GetStringValue(annot, key, ctypes.cast(
        buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), length)
    return buffer.raw[:length - 2].decode("utf-16-le", errors="replace")
