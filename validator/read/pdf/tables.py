"""Ruled tables: pdfplumber's grid finder on the page's rulings, cell text read by pypdfium2.

pdfplumber's own page parsing costs ~50x pypdfium2's, so only its table geometry (edges ->
intersections -> cells -> tables) is used, fed with pypdfium2's paths, and only on pages
that carry enough ruling lines to hold a table.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import table as plumber_table

from validator.model import Box, SourceLine, SourcePage
from validator.read.pdf.lines import Row, Segment, assemble
from validator.read.pdf.pieces import PageText, Pieces, display_transform, unchecked

MIN_RULINGS_FOR_TABLE = 12  # path objects on a page before pdfplumber looks for tables


@dataclass(frozen=True)
class Table:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    lines: list[SourceLine]


class TableCounter:
    """Numbers ruled tables in one series over the document."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> int:
        self.count += 1
        return self.count


Decode = Callable[[Segment], Segment]


def with_ruled_tables(page: pdfium.PdfPage, objects: PageObjects, text: PageText,
                      pieces: Pieces, number: int, rows: list[Row], counter: TableCounter,
                      decode: Decode) -> list[Row | SourceLine]:
    """The page's rows with the rows inside a ruled table replaced by the table's rows;
    `decode` turns a cell's text from a legacy font encoding into Unicode."""
    if objects.paths < MIN_RULINGS_FOR_TABLE:
        return list(rows)
    tables = _find_tables(page, text, pieces, number, counter, decode)
    if not tables:
        return list(rows)
    merged: list[Row | SourceLine] = []
    placed: set[int] = set()
    for row in rows:
        hit = _table_holding(tables, row)
        if hit is None:
            merged.append(row)
        elif hit not in placed:
            placed.add(hit)
            merged.extend(tables[hit].lines)
    return merged


def join_split_tables(pages: list[SourcePage]) -> tuple[SourcePage, ...]:
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


@dataclass(frozen=True)
class PageObjects:
    paths: int  # counted up to MIN_RULINGS_FOR_TABLE
    images: int  # counted up to 1


def page_objects(page: pdfium.PdfPage) -> PageObjects:
    """Count the page's top-level path and image objects, stopping once both are known
    to be enough (one pass of raw pdfium calls: text pages hold hundreds of objects)."""
    paths = images = 0
    raw = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        kind = _OBJECT_TYPE(ctypes.c_void_p(_GET_OBJECT(raw, index)))
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        if paths >= MIN_RULINGS_FOR_TABLE and images:
            break
    return PageObjects(min(paths, MIN_RULINGS_FOR_TABLE), min(images, 1))


_GET_OBJECT = unchecked(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)
_OBJECT_TYPE = unchecked(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)


def _find_tables(page: pdfium.PdfPage, text: PageText, pieces: Pieces, number: int,
                 counter: TableCounter, decode: Decode) -> list[Table]:
    edges = plumber_table.merge_edges(_ruling_edges(page), 3, 3, 3, 3)
    intersections = plumber_table.edges_to_intersections(edges, 3, 3)
    cells = plumber_table.intersections_to_cells(intersections)
    found = []
    for table_cells in plumber_table.cells_to_tables(cells):
        rows = _grid_rows(text, pieces, table_cells, decode)
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        table = counter.next()
        lines = [SourceLine(page=number, line=1, table=table, text="\t".join(r), box=box)
                 for r, box in zip(rows, _row_boxes(table_cells), strict=True)]
        bbox = (min(c[0] for c in table_cells), min(c[1] for c in table_cells),
                max(c[2] for c in table_cells), max(c[3] for c in table_cells))
        found.append(Table(bbox, lines))
    return found


def _ruling_edges(page: pdfium.PdfPage) -> list[dict]:
    """Horizontal and vertical edges of the page's drawn lines and outlined rectangles."""
    transform = display_transform(page)
    edges = []
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = path.get_bounds()
        x0, y0, x1, y1 = transform(left, top, right, bottom)
        if x1 - x0 < 2 and y1 - y0 >= 3:
            middle = (x0 + x1) / 2
            edges.append(_edge(middle, middle, y0, y1, "v"))
        elif y1 - y0 < 2 and x1 - x0 >= 3:
            middle = (y0 + y1) / 2
            edges.append(_edge(x0, x1, middle, middle, "h"))
        elif x1 - x0 >= 3 and y1 - y0 >= 3 and _stroked(path):
            edges += [_edge(x0, x1, y0, y0, "h"), _edge(x0, x1, y1, y1, "h"),
                      _edge(x0, x0, y0, y1, "v"), _edge(x1, x1, y0, y1, "v")]
    return edges


def _stroked(path: pdfium.PdfObject) -> bool:
    """A rectangle drawn with an outline; a filled one is shading behind text, not a cell."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(path.raw, ctypes.byref(fill), ctypes.byref(stroke))
    return bool(stroke.value)


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}


def _grid_rows(text: PageText, pieces: Pieces, cells: list,
               decode: Decode) -> list[list[str]]:
    """Each cell's text, assembled from the pieces whose centre falls in it; a piece that
    runs over a cell border is taken apart into glyphs first."""
    rows: dict[float, list] = {}
    for cell in cells:
        rows.setdefault(round(cell[1]), []).append(cell)
    grid = [sorted(rows[top]) for top in sorted(rows)]
    flat = [cell for row in grid for cell in row]
    owner = _owners(pieces, flat)
    spill = np.zeros(len(pieces), dtype=bool)
    for number, (left, _upper, right, _lower) in enumerate(flat):
        spill |= (owner == number) & ((pieces.x0 < left - 1) | (pieces.x1 > right + 1))
    if spill.any():
        pieces = text.glyphs(pieces, spill)
        owner = _owners(pieces, flat)
    held = np.flatnonzero(owner >= 0)
    texts: list[list[str]] = [[] for _ in flat]
    for row in assemble(pieces.subset(held), owner[held]).rows:
        texts[row.group] += [decode(seg).text.strip() for seg in row.segments]
    joined = iter(" ".join(parts) for parts in texts)
    return [[next(joined) for _cell in row] for row in grid]


def _owners(pieces: Pieces, cells: list) -> np.ndarray:
    """The cell holding each piece's centre, or -1."""
    centre_x = (pieces.x0 + pieces.x1) / 2
    centre_y = (pieces.top + pieces.bottom) / 2
    owner = np.full(len(pieces), -1)
    for number, (left, upper, right, lower) in enumerate(cells):
        inside = (centre_x >= left) & (centre_x <= right) & (centre_y >= upper) & (
            centre_y <= lower)
        owner[inside & (owner < 0)] = number
    return owner


def _row_boxes(cells: list) -> list[Box]:
    rows: dict[float, list] = {}
    for cell in cells:
        rows.setdefault(round(cell[1]), []).append(cell)
    return [Box(x0=min(c[0] for c in rows[top]), top=min(c[1] for c in rows[top]),
                x1=max(c[2] for c in rows[top]), bottom=max(c[3] for c in rows[top]))
            for top in sorted(rows)]


def _table_holding(tables: list[Table], row: Row) -> int | None:
    middle = (row.top + row.bottom) / 2
    for index, table in enumerate(tables):
        x0, top, _x1, bottom = table.bbox
        if top <= middle <= bottom and row.segments[0].x0 >= x0 - 2:
            return index
    return None
