"""PDF reader: pypdfium2 for text and positions, pdfplumber only for ruled tables.

pypdfium2's text rectangles already separate runs that stand far apart on one line, which
is what splits the two header columns and the cells of a borderless table; pdfplumber is
~50x slower, so it only runs on pages that carry enough ruling lines to hold a table.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import table as plumber_table

from validator.model import Box, Encoding, ReadFailure, ReadResult, SourceLine, SourcePage
from validator.read import legacy
from validator.read.limits import DEFAULT_LIMITS, Limits

OcrMode = Literal["auto", "always", "never"]

MIN_TEXT_CHARS = 16  # fewer letters than this on a page: no usable text layer
MIN_RULINGS_FOR_TABLE = 12  # path objects on a page before pdfplumber looks for tables
CELL_GAP = 1.2  # a horizontal gap wider than this many line heights separates cells


@dataclass
class _Segment:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class _Row:
    segments: list[_Segment] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)

    @cached_property
    def box(self) -> Box:
        return Box(x0=min(s.x0 for s in self.segments), top=self.top,
                   x1=max(s.x1 for s in self.segments), bottom=self.bottom)

    @cached_property
    def cells(self) -> list[str]:
        """Text of the row, split where the gap between runs is wide (rows are built first)."""
        cells: list[list[_Segment]] = []
        for seg in sorted(self.segments, key=lambda s: s.x0):
            last = cells[-1][-1] if cells else None
            if last is None or seg.x0 - last.x1 > CELL_GAP * max(seg.height, last.height):
                cells.append([seg])
            else:
                cells[-1].append(seg)
        return [" ".join(s.text.strip() for s in cell).strip() for cell in cells]


def read_pdf(data: bytes, ocr: OcrMode = "auto", limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    pdf = _open(data)
    try:
        reader = _PdfReader(pdf, data, ocr)
        pages = [reader.read_page(index) for index in range(len(pdf))]
    finally:
        pdf.close()
    if not any(page.lines for page in pages):
        raise ReadFailure("no_text", reader.ocr_problem or "")
    return ReadResult(format="pdf", encoding=reader.encoding, pages=_join_split_tables(pages))


def _join_split_tables(pages: list[SourcePage]) -> tuple[SourcePage, ...]:
    """A table that runs over a page break is one table: its rows keep the first number."""
    joined: list[SourcePage] = []
    for page in pages:
        previous = joined[-1].lines[-1] if joined and joined[-1].lines else None
        first = page.lines[0] if page.lines else None
        if (previous is not None and first is not None and previous.table is not None
                and first.table is not None
                and previous.text.count("\t") == first.text.count("\t")):
            old, new = first.table, previous.table
            lines = tuple(
                replace(line, table=new) if line.table == old else line
                for line in page.lines
            )
            page = replace(page, lines=lines)
        joined.append(page)
    return tuple(joined)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(
            exc
        ).lower():
            raise ReadFailure("encrypted") from exc
        raise ReadFailure("corrupt") from exc
    if len(pdf) == 0:
        pdf.close()
        raise ReadFailure("corrupt")
    return pdf


class _PdfReader:
    """Reads one document page by page, remembering what the pages have in common."""

    def __init__(self, pdf: pdfium.PdfDocument, data: bytes, ocr: OcrMode) -> None:
        self.pdf = pdf
        self.data = data
        self.ocr = ocr
        self.encoding: Encoding = "unicode"
        self.ocr_problem: str | None = None
        self._detected = False
        self._tables = 0

    def read_page(self, index: int) -> SourcePage:
        page = self.pdf[index]
        number = index + 1
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            segments = _segments(textpage, height)
            if self.ocr == "always" or _no_usable_text(page, segments):
                return self._scanned_page(page, number, width, height)
            segments = self._decode_legacy(textpage, segments, height)
            rows = _rows(segments)
            rulings = _count_objects(page, pdfium_c.FPDF_PAGEOBJ_PATH, MIN_RULINGS_FOR_TABLE)
            if rulings >= MIN_RULINGS_FOR_TABLE:
                rows_or_tables = self._with_ruled_tables(page, textpage, number, rows)
            else:
                rows_or_tables = rows
            lines = self._lines(number, rows_or_tables, width, first_page=index == 0)
            return SourcePage(number=number, lines=tuple(lines), width=width, height=height)
        finally:
            page.close()

    # ------------------------------------------------------------------ scanned pages

    def _scanned_page(self, page: pdfium.PdfPage, number: int, width: float,
                      height: float) -> SourcePage:
        blank = SourcePage(number=number, scanned=True, width=width, height=height)
        if self.ocr == "never":
            return blank
        from validator.read import ocr  # imported late: Tesseract is only needed for scans

        self.ocr_problem = self.ocr_problem or ocr.tesseract_problem()
        if self.ocr_problem:
            return blank
        return self._renumber_tables(ocr.ocr_pdf_page(page, number))

    def _renumber_tables(self, page: SourcePage) -> SourcePage:
        """OCR numbers a page's tables from 1; the document numbers them all in one series."""
        numbers: dict[int, int] = {}
        lines = []
        for line in page.lines:
            if line.table is not None and line.table not in numbers:
                self._tables += 1
                numbers[line.table] = self._tables
            lines.append(replace(line, table=numbers.get(line.table))
                         if line.table is not None else line)
        return replace(page, lines=tuple(lines))

    # --------------------------------------------------------------- legacy encodings

    def _decode_legacy(self, textpage: pdfium.PdfTextPage, segments: list[_Segment],
                       height: float) -> list[_Segment]:
        fonts = _sample_fonts(textpage)
        if any(legacy.encoding_from_font(name)[0] for name in fonts):
            return [self._decode_by_font(textpage, seg, height) for seg in segments]
        if not self._detected:
            # The first page with text carries the national motto: decide there, once.
            self._detected = True
            self.encoding = legacy.detect(" ".join(s.text for s in segments))
        if self.encoding in ("tcvn3", "vni"):
            return [_replace_text(s, legacy.decode(s.text, self.encoding)) for s in segments]
        return segments

    def _decode_by_font(self, textpage: pdfium.PdfTextPage, seg: _Segment,
                        height: float) -> _Segment:
        index = textpage.get_index(seg.x0 + 0.5, height - (seg.top + seg.bottom) / 2, 2, 2)
        encoding, capitals = legacy.encoding_from_font(_font_name(textpage, index))
        if encoding is None:
            return seg
        self.encoding = encoding
        return _replace_text(seg, legacy.decode(seg.text, encoding, capitals=capitals))

    # ------------------------------------------------------------------------ tables

    def _with_ruled_tables(self, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage,
                           number: int, rows: list[_Row]) -> list[_Row | SourceLine]:
        tables = self._find_tables(page, textpage, number)
        if not tables:
            return list(rows)
        merged: list[_Row | SourceLine] = []
        placed: set[int] = set()
        for row in rows:
            hit = _table_holding(tables, row)
            if hit is None:
                merged.append(row)
            elif hit not in placed:
                placed.add(hit)
                merged.extend(tables[hit][1])
        return merged

    def _find_tables(self, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage,
                     number: int) -> list[tuple[tuple[float, float, float, float],
                                                list[SourceLine]]]:
        """Ruled tables: pdfplumber's grid finder on rulings and text read by pypdfium2.

        pdfplumber's own page parsing costs ~50x pypdfium2's, so only its table geometry
        (edges -> intersections -> cells -> tables) is used, fed with pypdfium2's paths.
        """
        height = page.get_size()[1]
        edges = plumber_table.merge_edges(_ruling_edges(page, height), 3, 3, 3, 3)
        intersections = plumber_table.edges_to_intersections(edges, 3, 3)
        cells = plumber_table.intersections_to_cells(intersections)
        found = []
        for table_cells in plumber_table.cells_to_tables(cells):
            rows = _grid_rows(textpage, table_cells, height)
            if len(rows) < 2 or max(len(r) for r in rows) < 2:
                continue
            self._tables += 1
            lines = [SourceLine(page=number, line=1, table=self._tables, text="\t".join(r),
                                box=box) for r, box in zip(rows, _row_boxes(table_cells),
                                                           strict=True)]
            bbox = (min(c[0] for c in table_cells), min(c[1] for c in table_cells),
                    max(c[2] for c in table_cells), max(c[3] for c in table_cells))
            found.append((bbox, lines))
        return found

    # ------------------------------------------------------------------------- lines

    def _lines(self, number: int, rows: list[_Row | SourceLine], width: float,
               first_page: bool) -> list[SourceLine]:
        ordered = _header_columns_first(rows, width) if first_page else rows
        lines: list[SourceLine] = []
        borderless = _borderless_tables(ordered)
        for position, item in enumerate(ordered, 1):
            if isinstance(item, SourceLine):
                lines.append(replace(item, line=position))
                continue
            table = None
            if position - 1 in borderless:
                table = borderless[position - 1] + 1000 * number
            cells = item.cells
            text = "\t".join(cells) if table is not None else " ".join(cells)
            # Values we computed ourselves: skip pydantic's validation on the hot path.
            lines.append(SourceLine(page=number, line=position, text=text,
                                                    box=item.box, table=table))
        return lines


# ---------------------------------------------------------------------- page helpers


def _segments(textpage: pdfium.PdfTextPage, height: float) -> list[_Segment]:
    """Text runs with their rectangles.

    pdfium lists rectangles in character order and its plain text breaks lines in the same
    order, so a visual row of one rectangle takes its line of the plain text; only rows of
    several runs (header columns, table cells) need the slower bounded text per run.
    """
    rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    lines = textpage.get_text_range().split("\r\n")
    rows = _rect_rows(rects)
    if len(rows) != len(lines):
        rows, lines = [[r] for r in rects], [None] * len(rects)
    segments = []
    for row, line in zip(rows, lines, strict=True):
        for left, bottom, right, top in row:
            text = line if line is not None and len(row) == 1 else textpage.get_text_bounded(
                left, bottom, right, top)
            text = text.replace("\r", " ").replace("\n", " ").replace("\x00", "")
            if text.strip():
                segments.append(_Segment(text=text, x0=left, top=height - top, x1=right,
                                         bottom=height - bottom))
    return segments


def _rect_rows(rects: list[tuple[float, float, float, float]]) -> list[list]:
    """Consecutive rectangles whose vertical middles fall in one band form a row."""
    rows: list[list] = []
    band = (0.0, -1.0)
    for rect in rects:
        middle = (rect[1] + rect[3]) / 2
        if rows and band[0] <= middle <= band[1]:
            rows[-1].append(rect)
            band = (min(band[0], rect[1]), max(band[1], rect[3]))
        else:
            rows.append([rect])
            band = (rect[1], rect[3])
    return rows


def _no_usable_text(page: pdfium.PdfPage, segments: list[_Segment]) -> bool:
    """No text layer, or one too thin or garbled to trust, over a page that holds an image."""
    if not any(s.text.strip() for s in segments):
        return True
    if not _count_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE, 1):
        return False
    if sum(map(str.isalpha, "".join(s.text for s in segments))) < MIN_TEXT_CHARS:
        return True
    from validator.read import ocr

    return ocr.page_text_is_garbage(" ".join(s.text for s in segments))


def _rows(segments: list[_Segment]) -> list[_Row]:
    """Group text runs into visual rows: runs whose vertical middles fall in one band."""
    rows: list[_Row] = []
    for seg in sorted(segments, key=lambda s: (s.top, s.x0)):
        middle = (seg.top + seg.bottom) / 2
        row = rows[-1] if rows else None
        if row is not None and row.top - 1 <= middle <= row.bottom + 1:
            row.segments.append(seg)
        else:
            rows.append(_Row([seg]))
    return rows


def _header_columns_first(rows: list[_Row | SourceLine], width: float) -> list[
        _Row | SourceLine]:
    """Page 1 opens with two columns (issuing body | national motto): left column first.

    Pypdfium2 gives the two columns of one visual row as separate runs; the header ends at
    the first row centred on the text block (the document type name, "Kính gửi") or
    spanning most of it (body text).
    """
    segments = [s for row in rows if isinstance(row, _Row) for s in row.segments]
    if not segments:
        return rows
    left_edge = min(s.x0 for s in segments)
    right_edge = max(s.x1 for s in segments)
    centre = (left_edge + right_edge) / 2
    span = right_edge - left_edge
    zone_end = len(rows)
    for index, row in enumerate(rows):
        if isinstance(row, SourceLine) or _ends_header(row, centre, span):
            zone_end = index
            break
    left: list[_Row | SourceLine] = []
    right: list[_Row | SourceLine] = []
    for row in rows[:zone_end]:
        assert isinstance(row, _Row)
        left_part = [s for s in row.segments if (s.x0 + s.x1) / 2 < centre]
        right_part = [s for s in row.segments if (s.x0 + s.x1) / 2 >= centre]
        if left_part:
            left.append(_Row(left_part))
        if right_part:
            right.append(_Row(right_part))
    return left + right + rows[zone_end:]


def _ends_header(row: _Row, centre: float, span: float) -> bool:
    if row.box.x1 - row.box.x0 > 0.7 * span and len(row.cells) == 1:
        return True
    if len(row.segments) != 1:
        return False
    seg = row.segments[0]
    return abs((seg.x0 + seg.x1) / 2 - centre) <= 0.05 * span


def _borderless_tables(rows: list[_Row | SourceLine]) -> dict[int, int]:
    """Runs of two or more rows with three or more cells: a table drawn without rulings."""
    found: dict[int, int] = {}
    run: list[int] = []
    count = 0
    for index, row in enumerate([*rows, None]):
        if isinstance(row, _Row) and len(row.cells) >= 3:
            run.append(index)
            continue
        if len(run) >= 2:
            count += 1
            found.update({i: count for i in run})
        run = []
    return found


def _ruling_edges(page: pdfium.PdfPage, height: float) -> list[dict]:
    """Horizontal and vertical edges of the page's drawn lines and rectangles."""
    edges = []
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = path.get_bounds()
        x0, x1, y0, y1 = left, right, height - top, height - bottom
        if x1 - x0 < 2 and y1 - y0 >= 3:
            middle = (x0 + x1) / 2
            edges.append(_edge(middle, middle, y0, y1, "v"))
        elif y1 - y0 < 2 and x1 - x0 >= 3:
            middle = (y0 + y1) / 2
            edges.append(_edge(x0, x1, middle, middle, "h"))
        elif x1 - x0 >= 3 and y1 - y0 >= 3:
            edges += [_edge(x0, x1, y0, y0, "h"), _edge(x0, x1, y1, y1, "h"),
                      _edge(x0, x0, y0, y1, "v"), _edge(x1, x1, y0, y1, "v")]
    return edges


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}


def _grid_rows(textpage: pdfium.PdfTextPage, cells: list, height: float) -> list[list[str]]:
    rows: dict[float, list] = {}
    for cell in cells:
        rows.setdefault(round(cell[1]), []).append(cell)
    texts = []
    for top in sorted(rows):
        row = []
        for x0, y0, x1, y1 in sorted(rows[top]):
            text = textpage.get_text_bounded(x0, height - y1, x1, height - y0)
            row.append(" ".join(text.replace("\x00", "").split()))
        texts.append(row)
    return texts


def _row_boxes(cells: list) -> list[Box]:
    rows: dict[float, list] = {}
    for cell in cells:
        rows.setdefault(round(cell[1]), []).append(cell)
    return [Box(x0=min(c[0] for c in rows[top]), top=min(c[1] for c in rows[top]),
                x1=max(c[2] for c in rows[top]), bottom=max(c[3] for c in rows[top]))
            for top in sorted(rows)]


def _table_holding(tables: list, row: _Row) -> int | None:
    middle = (row.top + row.bottom) / 2
    for index, (bbox, _lines) in enumerate(tables):
        x0, top, _x1, bottom = bbox
        if top <= middle <= bottom and row.segments[0].x0 >= x0 - 2:
            return index
    return None


def _count_objects(page: pdfium.PdfPage, kind: int, enough: int) -> int:
    """Top-level page objects of one kind, counted up to `enough` (raw calls: no wrappers)."""
    count = 0
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        if pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, index)) == kind:
            count += 1
            if count >= enough:
                break
    return count


def _sample_fonts(textpage: pdfium.PdfTextPage, samples: int = 8) -> set[str]:
    total = textpage.count_chars()
    step = max(1, total // samples)
    return {_font_name(textpage, i) for i in range(0, total, step)} - {""}


def _font_name(textpage: pdfium.PdfTextPage, index: int) -> str:
    if index < 0:
        return ""
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, 128, ctypes.byref(flags))
    return buffer.raw[: max(size - 1, 0)].decode("utf-8", errors="replace")


def _replace_text(seg: _Segment, text: str) -> _Segment:
    return _Segment(text=text, x0=seg.x0, top=seg.top, x1=seg.x1, bottom=seg.bottom)
