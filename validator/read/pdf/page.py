"""One PDF page -> a SourcePage: text layer, legacy fonts, OCR when the text cannot be used."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace
from typing import Literal

import pypdfium2 as pdfium

from validator.model import Encoding, ReadingNote, SourceLine, SourcePage
from validator.read import legacy
from validator.read.limits import DEFAULT_LIMITS
from validator.read.pdf import notes
from validator.read.pdf.annotations import load_flattened
from validator.read.pdf.layout import source_lines
from validator.read.pdf.lines import Row, Segment, assemble
from validator.read.pdf.pieces import PageText, Pieces, sample_fonts
from validator.read.pdf.quality import damage, has_unmapped_font, same_characters
from validator.read.pdf.tables import (
    Decode,
    PageObjects,
    TableCounter,
    page_objects,
    with_ruled_tables,
)

OcrMode = Literal["auto", "always", "never"]

MIN_TEXT_CHARS = 16  # fewer letters than this on a page over an image: a scan


class PageReader:
    """Reads a document page by page, remembering what the pages have in common."""

    def __init__(self, pdf: pdfium.PdfDocument, ocr: OcrMode,
                 max_pixels: int = DEFAULT_LIMITS.max_pixels) -> None:
        self.pdf = pdf
        self.ocr = ocr
        self.max_pixels = max_pixels  # a scanned page is read at most this large
        self.encoding: Encoding = "unicode"
        self.ocr_problem: str | None = None
        self.notes: list[ReadingNote] = []
        self._detected = False
        self._tables = TableCounter()

    def read(self, index: int) -> SourcePage | Future[SourcePage]:
        loaded = load_flattened(self.pdf, index)
        page, number = loaded.page, index + 1
        try:
            width, height = page.get_size()
            text = PageText(page, page.get_textpage(), loaded.notes)
            objects = page_objects(page)
            own = text.text if loaded.own_text is None else loaded.own_text
            if self.ocr == "always" or _no_usable_text(objects, own, text.broken):
                return self._scanned_page(page, number, width, height)
            if has_unmapped_font(text):
                page_ocr = self._scanned_page(page, number, width, height)
                self.notes.append(notes.unmapped_font(number, self._unavailable()))
                return page_ocr
            rows, pieces, decode = self._rows(text, number)
            rows_or_tables = with_ruled_tables(page, objects, text, pieces, number, rows,
                                               self._tables, decode)
            if decode is not _unchanged:
                rows_or_tables = [Row([decode(s) for s in item.segments])
                                  if isinstance(item, Row) else item for item in rows_or_tables]
            lines = source_lines(number, rows_or_tables, first_page=index == 0)
            self._check_damage(number, lines)
            return SourcePage(number=number, lines=tuple(lines), width=width, height=height)
        finally:
            page.close()

    # ----------------------------------------------------------------------- text layer

    def _rows(self, text: PageText, number: int) -> tuple[list[Row], Pieces, Decode]:
        """The page's rows, still in the PDF's encoding, its pieces of text, and how to
        decode a segment."""
        legacy_fonts = any(legacy.encoding_from_font(f)[0]
                           for f in sample_fonts(text.textpage))
        pieces = text.pieces()
        if legacy_fonts:  # .VnTime and .VnTimeH alternate within a line
            pieces = text.with_fonts(pieces)
        assembly = assemble(pieces)
        if assembly.apart is not None:
            pieces = text.glyphs(pieces, assembly.apart)
            assembly = assemble(pieces)
        rows = assembly.rows
        texts = (seg.text for row in rows for seg in row.segments)
        if not same_characters(texts, text, assembly.dropped, assembly.composed):
            self.notes.append(notes.plain_text_fallback(number))
            rows = _plain_rows(pieces)
        if legacy_fonts:
            return rows, pieces, self._decode_by_font
        if not self._detected:
            # The first page with text carries the national motto: decide there, once.
            self._detected = True
            self.encoding = legacy.detect(" ".join(s.text for r in rows for s in r.segments))
        return rows, pieces, (self._decode_by_document if self.encoding in ("tcvn3", "vni")
                              else _unchanged)

    def _decode_by_document(self, seg: Segment) -> Segment:
        assert self.encoding in ("tcvn3", "vni")
        return replace(seg, text=legacy.decode(seg.text, self.encoding))

    def _decode_by_font(self, seg: Segment) -> Segment:
        """Each stretch of a segment decoded by its own font (.VnTime, .VnTimeH, VNI-...)."""
        if not seg.fonts:  # pdfium's plain text (the fallback): no fonts to go by
            return seg
        bounds = [offset for offset, _font in seg.fonts[1:]] + [len(seg.text)]
        pieces = []
        for (start, font), end in zip(seg.fonts, bounds, strict=True):
            encoding, capitals = legacy.encoding_from_font(font)
            piece = seg.text[start:end]
            if encoding is not None:
                self.encoding = encoding
                piece = legacy.decode(piece, encoding, capitals=capitals)
            pieces.append(piece)
        return replace(seg, text="".join(pieces))

    def _check_damage(self, number: int, lines: list[SourceLine]) -> None:
        pieces = damage("\n".join(line.text for line in lines))
        if pieces:
            self.notes.append(notes.damaged_text(number, pieces))

    # -------------------------------------------------------------------- scanned pages

    def _unavailable(self) -> str | None:
        return "--ocr never" if self.ocr == "never" else self.ocr_problem

    def _scanned_page(self, page: pdfium.PdfPage, number: int, width: float,
                      height: float) -> SourcePage | Future[SourcePage]:
        """The page read by OCR: a promise of it, read in OCR's page threads (the render
        happens now, since pdfium is not thread-safe; OCR caps its pixels with a note)."""
        blank = SourcePage(number=number, scanned=True, width=width, height=height)
        if self.ocr == "never":
            return blank
        from validator.read import ocr  # imported late: Tesseract is only needed for scans

        self.ocr_problem = self.ocr_problem or ocr.tesseract_problem()
        if self.ocr_problem:
            return blank
        return ocr.submit_pdf_page(page, number, max_pixels=self.max_pixels)


def _unchanged(seg: Segment) -> Segment:
    return seg


def _no_usable_text(objects: PageObjects, text: str, broken: int) -> bool:
    """No text layer of the page's own, or one too thin or garbled to trust over a page that
    holds an image (glyphs without a character are the unmapped-font check's)."""
    if not text or text.isspace():
        return not broken
    if not objects.images:
        return False
    if sum(map(str.isalpha, text)) < MIN_TEXT_CHARS:
        return True
    from validator.read import ocr

    return ocr.page_text_is_garbage(text)


def _plain_rows(pieces: Pieces) -> list[Row]:
    """pdfium's plain text, one row per line, each with the box of its pieces."""
    rows = []
    start = 0
    for line in pieces.text.split("\r\n"):
        inside = (pieces.first >= start) & (pieces.last < start + len(line))
        start += len(line) + 2
        if not line.strip() or not inside.any():
            continue
        rows.append(Row([Segment(text=" ".join(line.split()),
                                 x0=float(pieces.x0[inside].min()),
                                 top=float(pieces.top[inside].min()),
                                 x1=float(pieces.x1[inside].max()),
                                 bottom=float(pieces.bottom[inside].max()))]))
    return rows
