"""PDF reader: pypdfium2 for glyphs and positions, pdfplumber's geometry for ruled tables,
Tesseract (validator.read.ocr) for scanned pages and fonts without a Unicode map.

Modules: glyphs (pdfium's characters and boxes), lines (glyphs -> rows of cells), layout
(rows -> numbered lines, header columns, borderless tables), tables (ruled tables), quality
(checks on the text), guard (refuses form bombs before pdfium loads them), page (one page),
notes (the reading notes this reader adds).
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from validator.model import ReadFailure, ReadResult, SourcePage
from validator.read.limits import DEFAULT_LIMITS, limit_detail
from validator.read.pdf import notes
from validator.read.pdf.guard import MAX_FORM_DRAWS, check_form_expansion
from validator.read.pdf.page import OcrMode, PageReader
from validator.read.pdf.tables import join_split_tables

__all__ = ["MAX_PAGES", "OcrMode", "read_pdf"]

MAX_PAGES = DEFAULT_LIMITS.max_pages  # a decision with its regulation and annexes: tens


def read_pdf(data: bytes, ocr: OcrMode = "auto", max_pages: int = MAX_PAGES,
             max_form_draws: int = MAX_FORM_DRAWS,
             max_pixels: int = DEFAULT_LIMITS.max_pixels) -> ReadResult:
    """Read a PDF's pages; raises ReadFailure for what cannot be read or is beyond a limit."""
    check_form_expansion(data, max_form_draws, max_pages + 1)
    pdf = _open(data)
    read: list[SourcePage | Future[SourcePage]] = []
    try:
        if len(pdf) > max_pages:
            raise ReadFailure("too_large", limit_detail("max_pages", len(pdf), max_pages))
        reader = PageReader(pdf, ocr, max_pixels)
        for index in range(len(pdf)):
            try:
                read.append(reader.read(index))
            except pdfium.PdfiumError:  # a page pdfium cannot load (a looping page tree)
                reader.notes.append(notes.page_unreadable(index + 1))
        pages = [_scanned(p.result()) if isinstance(p, Future) else p for p in read]
    finally:
        for page in read:  # pages still waiting for OCR when another page failed
            if isinstance(page, Future):
                page.cancel()
        pdf.close()
    if not any(page.lines for page in pages):
        raise ReadFailure("no_text" if pages else "corrupt", reader.ocr_problem or "")
    return ReadResult(format="pdf", encoding=reader.encoding, pages=join_split_tables(pages),
                      notes=tuple(reader.notes))


def _scanned(page: SourcePage) -> SourcePage:
    """An OCR'd page with its tables numbered by page (OCR numbers them from 1 on each page,
    in its own threads), the way borderless tables of text pages are."""
    if all(line.table is None for line in page.lines):
        return page
    return replace(page, lines=tuple(
        replace(line, table=1000 * page.number + line.table) if line.table is not None
        else line for line in page.lines))


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(
            exc
        ).lower():
            raise ReadFailure("encrypted") from exc
        raise ReadFailure("corrupt") from exc
    # Before anything else touches the document: form fields get their appearances, which
    # is what flattening draws into the page.
    pdf.init_forms()
    if len(pdf) == 0:
        pdf.close()
        raise ReadFailure("corrupt")
    return pdf
