"""Blocks to a DOCX file with python-docx: Unicode in Times New Roman or a legacy 8-bit font."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from samples_blocks import MOTTO_1, MOTTO_2, Block, Letterhead, Para, SignBlock, Table
from samples_office import stable_zip

FIXED_STAMP = dt.datetime(2024, 1, 1, 8, 0, 0)


@dataclass(frozen=True)
class FontPlan:
    """How text becomes Word runs: Unicode in Times New Roman, or a legacy 8-bit font."""

    runs: Callable[[str], list[tuple[str, str]]]  # text -> [(font name, run text)]


def unicode_runs(text: str) -> list[tuple[str, str]]:
    return [("Times New Roman", text)]


class DocxWriter:
    def __init__(self, plan: FontPlan, repeat_headers: bool = False) -> None:
        """`repeat_headers`: a table's first row repeats on every page, as offices set it."""
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm, Pt

        self.docx = docx
        self.plan = plan
        self.repeat_headers = repeat_headers
        self.doc = docx.Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(2), Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(14)
        self._Pt = Pt
        self._Cm = Cm
        props = self.doc.core_properties
        props.author = "UBND"
        props.last_modified_by = "UBND"
        props.created = props.modified = props.last_printed = FIXED_STAMP
        props.revision = 1
        props.comments = ""

    # -- runs and paragraphs
    def _runs(self, paragraph, text: str, *, bold=False, italic=False, size=14.0) -> None:
        from docx.oxml.ns import qn

        for line_no, line in enumerate(text.split("\n")):
            if line_no:
                paragraph.add_run().add_break()
            for font, chunk in self.plan.runs(line):
                run = paragraph.add_run(chunk)
                run.bold, run.italic = bold, italic
                run.font.size = self._Pt(size)
                run.font.name = font
                rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
                for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                    rfonts.set(qn(attr), font)

    def _paragraph(self, container, text: str, *, align="left", bold=False, italic=False,
                   size=14.0, indent=False, before=0.0, after=3.0):
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        aligns = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                  "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
        paragraph = container.add_paragraph()
        paragraph.alignment = aligns[align]
        fmt = paragraph.paragraph_format
        fmt.space_before, fmt.space_after = self._Pt(before), self._Pt(after)
        fmt.line_spacing = 1.1
        if indent:
            fmt.first_line_indent = self._Cm(1)
        m = re.match(r"(Điều \d+\.)(.*)", text, re.S)
        if m and not bold:
            self._runs(paragraph, m.group(1), bold=True, size=size)
            self._runs(paragraph, m.group(2), italic=italic, size=size)
        else:
            self._runs(paragraph, text, bold=bold, italic=italic, size=size)
        return paragraph

    @staticmethod
    def _first_paragraph(cell):
        return cell.paragraphs[0]

    def _cell_lines(self, cell, lines: Iterable[tuple[str, dict]]) -> None:
        first = True
        for text, fmt in lines:
            if first:
                paragraph = cell.paragraphs[0]
                paragraph.alignment = 1 if fmt.get("align", "center") == "center" else 0
                self._runs(paragraph, text, bold=fmt.get("bold", False),
                           italic=fmt.get("italic", False), size=fmt.get("size", 13.0))
                paragraph.paragraph_format.space_after = self._Pt(0)
                first = False
            else:
                paragraph = self._paragraph(cell, text, align=fmt.get("align", "center"),
                                            bold=fmt.get("bold", False),
                                            italic=fmt.get("italic", False),
                                            size=fmt.get("size", 13.0), after=0)

    def _set_widths(self, table, widths_cm: Sequence[float]) -> None:
        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = self._Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = self._Cm(width)

    # -- blocks
    def letterhead(self, head: Letterhead) -> None:
        left: list[tuple[str, dict]] = []
        for i, line in enumerate(head.left):
            left.append((line, {"bold": i == len(head.left) - 1 or len(head.left) == 1,
                                "size": 13.0}))
        left.append((head.rule, {"size": 13.0}))
        if head.number_line:
            left.append((head.number_line, {"size": 13.0}))
        if head.summary_left:
            left.append((head.summary_left, {"size": 12.0}))
        right = [(MOTTO_1, {"bold": True, "size": 13.0}), (MOTTO_2, {"bold": True}),
                 ("---------------", {})]
        if head.place_date:
            right.append((head.place_date, {"italic": True}))
        if head.row_per_line:
            height = max(len(left), len(right))
            left += [("", {})] * (height - len(left))
            right += [("", {})] * (height - len(right))
            table = self.doc.add_table(rows=height, cols=2)
            for row, pair in zip(table.rows, zip(left, right, strict=True), strict=True):
                self._cell_lines(row.cells[0], [pair[0]])
                self._cell_lines(row.cells[1], [pair[1]])
        else:
            table = self.doc.add_table(rows=1, cols=2)
            self._cell_lines(table.rows[0].cells[0], left)
            self._cell_lines(table.rows[0].cells[1], right)
        self._set_widths(table, (6.0, 10.5))

    def para(self, para: Para) -> None:
        if para.style == "heading":
            self._paragraph(self.doc, para.text, align="center", bold=True, before=6)
        elif para.style == "article":
            self._paragraph(self.doc, para.text, align="justify", bold=True, indent=True,
                            before=3)
        elif para.style == "note":
            self._paragraph(self.doc, para.text, align="center", italic=True)
        elif para.style == "plain":
            self._paragraph(self.doc, para.text, align="left")
        else:
            self._paragraph(self.doc, para.text, align="justify", indent=True)

    def table(self, table: Table) -> None:
        grid = self.doc.add_table(rows=len(table.rows), cols=len(table.rows[0]))
        grid.style = "Table Grid"
        for r, (row, values) in enumerate(zip(grid.rows, table.rows, strict=True)):
            for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                align = "center" if r == 0 or c in (0, len(values) - 1) else "left"
                self._cell_lines(cell, [(value, {"bold": r == 0, "align": align})])
        self._set_widths(grid, table.widths_cm)
        if self.repeat_headers:
            from docx.oxml import OxmlElement
            from docx.oxml.ns import qn

            header = grid.rows[0]._tr.get_or_add_trPr()
            header.append(OxmlElement("w:tblHeader"))
            header[-1].set(qn("w:val"), "true")
        self._paragraph(self.doc, "", after=0)

    def sign_block(self, block: SignBlock) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        left = [(r, {"align": "left", "size": 11.0}) for r in block.recipients[1:]]
        if block.recipients:
            left.insert(0, (block.recipients[0], {"bold": True, "italic": True,
                                                  "align": "left", "size": 12.0}))
        else:
            left = [("", {})]
        right = [(s, {"bold": True, "size": 14.0}) for s in block.signer]
        self._cell_lines(table.rows[0].cells[0], left)
        self._cell_lines(table.rows[0].cells[1], right)
        self._set_widths(table, (8.0, 8.5))

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def write(self, blocks: Sequence[Block], path: Path) -> None:
        for block in blocks:
            if isinstance(block, Letterhead):
                self.letterhead(block)
            elif isinstance(block, Para):
                self.para(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, SignBlock):
                self.sign_block(block)
            else:
                self.page_break()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        path.write_bytes(stable_zip(buffer.getvalue()))
