"""Rows -> numbered source lines: header columns in reading order, borderless tables."""

from __future__ import annotations

from dataclasses import replace

from validator.model import SourceLine
from validator.read.pdf.lines import Row


def source_lines(number: int, rows: list[Row | SourceLine], first_page: bool) -> list[SourceLine]:
    """Number the page's lines; rows of three or more cells in a run become table rows."""
    ordered = header_columns_first(rows) if first_page else rows
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
        lines.append(SourceLine(page=number, line=position, text=text, box=item.box,
                                table=table))
    return lines


def header_columns_first(rows: list[Row | SourceLine]) -> list[Row | SourceLine]:
    """Page 1 opens with two columns (issuing body | national motto): left column first.

    The two columns of one visual row are separate cells; the header ends at the first row
    centred on the text block (the document type name, "Kính gửi") or spanning most of it
    (body text).
    """
    segments = [s for row in rows if isinstance(row, Row) for s in row.segments]
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
    left: list[Row | SourceLine] = []
    right: list[Row | SourceLine] = []
    for row in rows[:zone_end]:
        assert isinstance(row, Row)
        left_part = [s for s in row.segments if (s.x0 + s.x1) / 2 < centre]
        right_part = [s for s in row.segments if (s.x0 + s.x1) / 2 >= centre]
        if left_part:
            left.append(Row(left_part))
        if right_part:
            right.append(Row(right_part))
    return left + right + rows[zone_end:]


def _ends_header(row: Row, centre: float, span: float) -> bool:
    if row.box.x1 - row.box.x0 > 0.7 * span and len(row.cells) == 1:
        return True
    if len(row.segments) != 1:
        return False
    seg = row.segments[0]
    return abs((seg.x0 + seg.x1) / 2 - centre) <= 0.05 * span


def _borderless_tables(rows: list[Row | SourceLine]) -> dict[int, int]:
    """Runs of two or more rows with three or more cells: a table drawn without rulings."""
    found: dict[int, int] = {}
    run: list[int] = []
    count = 0
    for index, row in enumerate([*rows, None]):
        if isinstance(row, Row) and len(row.cells) >= 3:
            run.append(index)
            continue
        if len(run) >= 2:
            count += 1
            found.update({i: count for i in run})
        run = []
    return found
