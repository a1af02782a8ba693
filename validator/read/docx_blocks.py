"""Word's block content — paragraphs, tables, content controls, text boxes — as lines.

Layout tables (the two-column letterhead, the signature block) are read cell by cell, column
by column, so the issuing body comes before the national motto; data tables (the member list)
become one line per row with TAB between cells. A vertically merged cell shows its text in its
first row only; a row marked as a repeated header row is in the XML once and read once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from lxml.etree import _Element

from validator.read import legacy
from validator.read.docx_inline import PAGE, InlineReader, sdt_content
from validator.read.docx_numbering import Numbering
from validator.read.docx_styles import run_font

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_V = "{urn:schemas-microsoft-com:vml}"
_VAL = _W + "val"
_P, _TBL, _TR, _TC, _SDT = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "sdt"
_CUSTOM = _W + "customXml"
_LABEL = re.compile(r"[^\W\d][^\W\d ]*( [^\W\d]+){0,2}:$")
_DATA_HEADING = re.compile(r"(stt|tt|số tt|họ (và )?tên|chức (vụ|danh)|đơn vị|nhiệm vụ)\b",
                           re.IGNORECASE)


class Sink(Protocol):
    page: int

    def add(self, text: str, table: int | None = None) -> None: ...

    def new_page(self) -> None: ...

    def new_table(self) -> int | None: ...


@dataclass
class Lines:
    """A sink that keeps lines in a list and only remembers that a page broke."""

    page: int = 1
    lines: list[str] = field(default_factory=list)
    page_broke: bool = False

    def add(self, text: str, table: int | None = None) -> None:
        self.lines.append(text)

    def new_page(self) -> None:
        self.page_broke = True

    def new_table(self) -> int | None:
        return None


@dataclass
class BlockReader:
    inline: InlineReader
    numbering: Numbering
    sink: Sink
    on_section_end: Callable[[Sink], None] | None = None  # after a paragraph ending a section
    _pending: str | None = None  # text of a paragraph whose mark was deleted: joins the next

    def blocks(self, parent: _Element) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _P:
                self.paragraph(child)
            elif tag == _TBL:
                self.table(child)
            elif tag == _SDT:
                content = sdt_content(child)
                if content is not None:
                    self.blocks(content)
            elif tag == _CUSTOM:
                self.blocks(child)

    def paragraph(self, p: _Element) -> None:
        self.inline.page = self.sink.page
        p_pr = p.find(_W + "pPr")
        content = self.inline.paragraph(p)
        if content.mark_deleted and not content.text.strip() and not content.boxes:
            return  # a deleted paragraph vanishes, number and all
        text = content.text
        if self._pending is not None:
            text, self._pending = self._pending + text, None
        else:
            text = self._label(p_pr, text) + text
        if content.mark_deleted:
            self._pending = text
        else:
            if p_pr is not None and _on(p_pr.find(_W + "pageBreakBefore")):
                self.sink.new_page()
            self._emit(text)
        for box in content.boxes:
            self.box(box)
        if p_pr is not None and self.on_section_end and p_pr.find(_W + "sectPr") is not None:
            self.on_section_end(self.sink)

    def _label(self, p_pr: _Element | None, text: str) -> str:
        if p_pr is None:
            label = self.numbering.label(None)
        else:
            mark = p_pr.find(_W + "rPr")
            if not text and mark is not None and _on(mark.find(_W + "vanish")):
                return ""  # a hidden empty paragraph shows no number either
            label = self.numbering.label(p_pr)
        if label is None:
            return ""
        font = label.font or run_font(p_pr.find(_W + "rPr") if p_pr is not None else None)
        if font is None:
            style = p_pr.find(_W + "pStyle") if p_pr is not None else None
            font = self.numbering.styles.paragraph_font(
                style.get(_VAL) if style is not None else None)
        encoding, capitals = legacy.encoding_from_font(font)
        shown = legacy.decode(label.text, encoding, capitals=capitals) if encoding else label.text
        return shown + label.suffix if text else shown

    def _emit(self, text: str) -> None:
        segments = text.split(PAGE)
        for index, segment in enumerate(segments):
            if index:
                self.sink.new_page()
            if segment or len(segments) == 1:
                for line in segment.split("\n"):
                    self.sink.add(line)

    def box(self, holder: _Element) -> None:
        """A text box's content, or a WordArt text path's string, read as lines."""
        if holder.tag == _V + "textpath":
            if holder.get("string"):
                self.sink.add(holder.get("string"))
            return
        self.blocks(holder)

    def table(self, tbl: _Element) -> None:
        grid = [_cells(tr, self) for tr in _rows(tbl, self)]
        grid = [row for row in grid if row]
        if not grid:
            return
        if _is_layout(grid):
            for band in _bands(grid):
                for column in range(max(len(row) for row in band)):
                    for row in band:
                        if column < len(row) and not row[column][1]:
                            self.blocks(row[column][0])
            return
        index = self.sink.new_table()
        for row in grid:
            texts, broke = [], False
            for tc, continued in row:
                text, cell_broke = ("", False) if continued else self._cell_text(tc)
                texts.append(text)
                broke = broke or cell_broke
            if broke:
                self.sink.new_page()
            self.sink.add("\t".join(texts), table=index)

    def _cell_text(self, tc: _Element) -> tuple[str, bool]:
        lines = Lines(page=self.sink.page)
        outer, self.sink = self.sink, lines
        try:
            self.blocks(tc)
        finally:
            self.sink = outer
        text = " ".join(line.strip() for line in lines.lines if line.strip())
        return text.replace("\t", " "), lines.page_broke


def _rows(tbl: _Element, reader: BlockReader) -> list[_Element]:
    """The table's rows, through content controls; rows deleted as tracked changes are gone."""
    rows = []
    for child in _unwrapped(tbl, _TR):
        tr_pr = child.find(_W + "trPr")
        if tr_pr is not None:
            change = tr_pr.find(_W + "del")
            if change is not None or tr_pr.find(_W + "ins") is not None:
                reader.inline.changes.saw(reader.sink.page)
            if change is not None:
                continue
        rows.append(child)
    return rows


def _cells(tr: _Element, reader: BlockReader) -> list[tuple[_Element, bool]]:
    """(cell, continues a vertical merge) for each cell of a row; a span is one cell."""
    cells = []
    for tc in _unwrapped(tr, _TC):
        tc_pr = tc.find(_W + "tcPr")
        continued = False
        if tc_pr is not None:
            if tc_pr.find(_W + "cellDel") is not None:
                reader.inline.changes.saw(reader.sink.page)
                continue
            merge = tc_pr.find(_W + "vMerge")
            continued = merge is not None and merge.get(_VAL, "continue") == "continue"
        cells.append((tc, continued))
    return cells


def _unwrapped(parent: _Element, tag: str):
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _unwrapped(content, tag)
        elif child.tag == _CUSTOM:
            yield from _unwrapped(child, tag)


def _is_layout(grid: list[list[tuple[_Element, bool]]]) -> bool:
    """A table of at most two columns that places blocks side by side (header, signature).

    A data table has more columns, or a heading row ("STT", "Họ và tên", "Chức vụ").
    """
    if max(len(row) for row in grid) > 2:
        return False
    first = (_plain_text(tc) for tc, _ in grid[0])
    return not any(_DATA_HEADING.match(text) for text in first)


def _bands(grid: list[list[tuple[_Element, bool]]]) -> list[list]:
    """Rows read column by column together; a row whose left cell is only a label ("Kính
    gửi:") starts a band of its own, since its right cell is the label's value."""
    bands: list[list] = []
    for row in grid:
        if not bands or (len(row) == 2 and _LABEL.match(_plain_text(row[0][0]))):
            bands.append([])
        bands[-1].append(row)
    return bands


def _plain_text(tc: _Element) -> str:
    return "".join(t.text or "" for t in tc.iter(_W + "t")).strip()


def _on(flag: _Element | None) -> bool:
    return flag is not None and flag.get(_VAL) not in ("0", "false", "off")
