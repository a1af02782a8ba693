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
from validator.read.pdf.glyphs import Glyphs, display_transform
from validator.read.pdf.lines import Row, Segment, assemble

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


def with_ruled_tables(page: pdfium.PdfPage, glyphs: Glyphs, number: int,
                      rows: list[Row], counter: TableCounter,
                      decode: Decode) -> list[Row | SourceLine]:
    """The page's rows with the rows inside a ruled table replaced by the table's rows;
    `decode` turns a cell's text from a legacy font encoding into Unicode."""
    if count_objects(page, pdfium_c.FPDF_PAGEOBJ_PATH, MIN_RULINGS_FOR_TABLE) \
            < MIN_RULINGS_FOR_TABLE:
        return list(rows)
    tables = _find_tables(page, glyphs, number, counter, decode)
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


def count_objects(page: pdfium.PdfPage, kind: int, enough: int) -> int:
    """Top-level page objects of one kind, counted up to `enough` (raw calls: no wrappers)."""
    count = 0
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        if pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, index)) == kind:
            count += 1
            if count >= enough:
                break
    return count


def _find_tables(page: pdfium.PdfPage, glyphs: Glyphs, number: int,
                 counter: TableCounter, decode: Decode) -> list[Table]:
    edges = plumber_table.merge_edges(_ruling_edges(page), 3, 3, 3, 3)
    intersections = plumber_table.edges_to_intersections(edges, 3, 3)
    cells = plumber_table.intersections_to_cells(intersections)
    found = []
    for table_cells in plumber_table.cells_to_tables(cells):
        rows = _grid_rows(glyphs, table_cells, decode)
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


def _grid_rows(glyphs: Glyphs, cells: list, decode: Decode) -> list[list[str]]:
    """Each cell's text, assembled from the glyphs whose centre falls in it."""
    rows: dict[float, list] = {}
    for cell in cells:
        rows.setdefault(round(cell[1]), []).append(cell)
    grid = [sorted(rows[top]) for top in sorted(rows)]
    flat = [cell for row in grid for cell in row]
    centre_x = (glyphs.x0 + glyphs.x1) / 2
    centre_y = (glyphs.top + glyphs.bottom) / 2
    owner = np.full(len(glyphs), -1)
    for number, (x0, top, x1, bottom) in enumerate(flat):
        inside = (centre_x >= x0) & (centre_x <= x1) & (centre_y >= top) & (centre_y <= bottom)
        owner[inside & (owner < 0)] = number
    held = np.flatnonzero(owner >= 0)
    texts: list[list[str]] = [[] for _ in flat]
    for row in assemble(glyphs.subset(held), owner[held]).rows:
        texts[row.group] += [decode(seg).text.strip() for seg in row.segments]
    joined = iter(" ".join(parts) for parts in texts)
    return [[next(joined) for _cell in row] for row in grid]


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
