"""Build the sample corpus in samples/ (documents, their source texts and manifest.json).

Every sample is composed here as a list of blocks (letterhead, paragraphs, tables, signer
block), then written in one or more formats: DOCX with python-docx, PDF and DOC through
LibreOffice, plain text in several encodings, TCVN3/VNI through validator.read.legacy.encode,
and a few PDFs drawn directly with reportlab. The composed text of each document goes to
tests/data/sources/<id>.txt so tests can compare what a reader extracts with what was written
(kept out of samples/, where `make run` would check every document twice).

Run: .venv/bin/python scripts/build_samples.py
The output is deterministic except where LibreOffice writes .doc files (OLE timestamps).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib
import importlib.util
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SOURCES = ROOT / "tests" / "data" / "sources"  # the composed texts: test data, not samples
SOURCE_LINK = "../tests/data/sources"  # SOURCES as the manifest names it, from samples/
FIXED_STAMP = dt.datetime(2024, 1, 1, 8, 0, 0)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

SEVERITY = {
    **{f"CV3036-{i:02d}": "error" for i in (1, 3, 5, 6, 7, 9)},
    "CV3036-02": "warning",
    "CV3036-04": "warning",
    "CV3036-08": "warning",
    "CV3036-10": "info",
    **{f"CV2657-{i:02d}": "error" for i in range(1, 7)},
    **{f"ND30-{i:02d}": "error" for i in (1, 2, 3, 5, 6)},
    "ND30-04": "warning",
    "ND30-07": "warning",
    "ND30-08": "warning",
}


# ----------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Letterhead:
    """The two-column header of Nghị định 30: issuing body left, national motto right."""

    left: tuple[str, ...]  # parent body and issuing body, in capitals, as printed
    number_line: str | None  # "Số: 57/QĐ-UBND"
    place_date: str | None  # "Xã An Bình, ngày 05 tháng 10 năm 2023"
    row_per_line: bool = False  # one table row per printed line instead of one row in all
    rule: str = "-------"
    summary_left: str | None = None  # a công văn prints "V/v ..." under its number


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body, heading, article, note, plain


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]  # first row is the header
    widths_cm: tuple[float, ...]


@dataclass(frozen=True)
class SignBlock:
    recipients: tuple[str, ...]  # "Nơi nhận:" then "- ..." lines
    signer: tuple[str, ...]  # "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn A"


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Letterhead | Para | Table | SignBlock | PageBreak


def letterhead_lines(head: Letterhead) -> list[str]:
    """The letterhead as text: left column, then right column (reading order of a copy)."""
    lines = [*head.left, head.rule]
    if head.number_line:
        lines.append(head.number_line)
    if head.summary_left:
        lines.append(head.summary_left)
    lines += [MOTTO_1, MOTTO_2, "---------------"]
    if head.place_date:
        lines.append(head.place_date)
    return lines


def blocks_to_text(blocks: Sequence[Block]) -> str:
    """Plain text of a composed document; table cells are separated by TAB."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Letterhead):
            out += letterhead_lines(block)
        elif isinstance(block, Para):
            out += block.text.split("\n")
        elif isinstance(block, Table):
            out += ["\t".join(cell.replace("\n", " ") for cell in row) for row in block.rows]
        elif isinstance(block, SignBlock):
            out += [*block.recipients, *(s for s in block.signer if s)]
        elif isinstance(block, PageBreak):
            out.append("")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------ DOCX writer


@dataclass(frozen=True)
class FontPlan:
    """How text becomes Word runs: Unicode in Times New Roman, or a legacy 8-bit font."""

    runs: Callable[[str], list[tuple[str, str]]]  # text -> [(font name, run text)]


def unicode_runs(text: str) -> list[tuple[str, str]]:
    return [("Times New Roman", text)]


class DocxWriter:
    def __init__(self, plan: FontPlan) -> None:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm, Pt

        self.docx = docx
        self.plan = plan
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


def stable_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with fixed timestamps so the bytes do not change between runs."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def stable_pdf(data: bytes, seed: str) -> bytes:
    """Replace LibreOffice's creation time and random file ID by fixed same-length values."""

    def fixed_date(match: re.Match[bytes]) -> bytes:
        value = b"D:20240101080000"
        return match.group(1) + value + b" " * (len(match.group(2)) - len(value)) + b")"

    data = re.sub(rb"(/CreationDate\s*\()([^)]*)\)", fixed_date, data)
    digest = hashlib.sha256(seed.encode()).hexdigest().upper().encode()

    def fixed_id(match: re.Match[bytes]) -> bytes:
        return re.sub(rb"<[0-9A-Fa-f]+>", b"<" + digest[:32] + b">", match.group(0))

    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", b"/DocChecksum /" + digest[32:64], data)
    return re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]", fixed_id, data)


# ---------------------------------------------------------------------------- content


@dataclass(frozen=True)
class Place:
    """An issuing locality and the words its documents use."""

    level: str  # province, district, commune
    era: str  # "old" (three tiers, before 1/7/2025) or "new" (two tiers)
    kind: str  # "tỉnh", "huyện", "xã", "phường", "đặc khu"
    name: str  # "An Bình"
    upper: str  # the level above, with its kind: "huyện Châu Thành"
    bhxh: str  # the social-insurance office serving it: "BHXH huyện Châu Thành"
    vhxh: str  # who carries the Văn hóa - Xã hội duties
    village_head: str  # "Trưởng ấp", "Trưởng thôn", "Tổ trưởng tổ dân phố"
    village: str  # "ấp", "thôn", "tổ dân phố"
    head_left: tuple[str, ...]  # letterhead, left column, as printed
    parent: str | None  # the parent line(s) of head_left, joined
    issuer: str  # the issuing-body line(s) of head_left, joined
    place_word: str  # before the date: "Xã An Bình", "Côn Đảo"

    @property
    def unit(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def UNIT(self) -> str:
        return self.unit.upper()

    @property
    def ubnd(self) -> str:
        return f"UBND {self.kind}"


def commune_old(name: str, district: str, *, village="thôn", kind="xã", with_parent=False,
                district_kind="huyện") -> Place:
    parent = f"UBND {district_kind.upper()} {district.upper()}"
    issuer_lines = ("ỦY BAN NHÂN DÂN", f"{kind.upper()} {name.upper()}")
    head = ((parent, f"ỦY BAN NHÂN DÂN {kind.upper()} {name.upper()}") if with_parent
            else issuer_lines)
    return Place(
        level="commune", era="old", kind=kind, name=name, upper=f"{district_kind} {district}",
        bhxh=f"BHXH {district_kind} {district}", vhxh=f"Công chức Văn hóa - Xã hội {kind}",
        village_head="Tổ trưởng tổ dân phố" if village == "tổ dân phố" else f"Trưởng {village}",
        village=village, head_left=head, parent=parent if with_parent else None,
        issuer=" ".join(head[1:] if with_parent else head),
        place_word=f"{kind.capitalize()} {name}" if kind == "xã" else name,
    )


def commune_new(name: str, province: str, bhxh_base: str, *, kind="xã",
                village="thôn") -> Place:
    parent = f"TỈNH {province.upper()}" if not province.startswith("Thành phố") else \
        province.upper()
    issuer = f"ỦY BAN NHÂN DÂN {kind.upper()} {name.upper()}"
    return Place(
        level="commune", era="new", kind=kind, name=name,
        upper=province if province.startswith("Thành phố") else f"tỉnh {province}",
        bhxh=f"BHXH cơ sở {bhxh_base}", vhxh=f"Phòng Văn hóa - Xã hội {kind}",
        village_head="Tổ trưởng tổ dân phố" if village == "tổ dân phố" else f"Trưởng {village}",
        village=village, head_left=(parent, issuer), parent=parent, issuer=issuer,
        place_word=name,
    )


def district_place(name: str, province: str) -> Place:
    return Place(
        level="district", era="old", kind="huyện", name=name, upper=f"tỉnh {province}",
        bhxh=f"BHXH huyện {name}", vhxh="Phòng Lao động - Thương binh và Xã hội huyện",
        village_head="Trưởng thôn", village="thôn",
        head_left=("ỦY BAN NHÂN DÂN", f"HUYỆN {name.upper()}"), parent=None,
        issuer=f"ỦY BAN NHÂN DÂN HUYỆN {name.upper()}", place_word=name,
    )


def province_place(name: str) -> Place:
    return Place(
        level="province", era="old", kind="tỉnh", name=name, upper="Chính phủ",
        bhxh="BHXH tỉnh", vhxh="Sở Lao động - Thương binh và Xã hội",
        village_head="Trưởng thôn", village="thôn",
        head_left=("ỦY BAN NHÂN DÂN", f"TỈNH {name.upper()}"), parent=None,
        issuer=f"ỦY BAN NHÂN DÂN TỈNH {name.upper()}", place_word=name,
    )


@dataclass(frozen=True)
class Member:
    honorific: str | None
    name: str | None
    position: str
    role: str  # Trưởng ban, Phó Trưởng ban Thường trực, Phó Trưởng ban, Thành viên ...


def role_class(role: str) -> str:
    if role.startswith("Phó Trưởng ban"):
        return "Phó Trưởng ban"
    if role.startswith("Trưởng ban"):
        return "Trưởng ban"
    return "Thành viên"


def members_from(rows: Sequence[tuple[str, str, str, str]]) -> list[Member]:
    return [Member(h or None, n or None, p, r) for h, n, p, r in rows]


TB, PTT, PT, TVT, TV = ("Trưởng ban", "Phó Trưởng ban Thường trực", "Phó Trưởng ban",
                        "Thành viên thường trực", "Thành viên")


def member_blocks(members: Sequence[Member], shape: str) -> list[Block]:
    """The member list of Điều 2 in one of the shapes offices use."""
    last = len(members) - 1
    end = [";" if i < last else "." for i in range(len(members))]
    if shape == "numbered":
        return [Para(f"{i + 1}. {m.honorific} {m.name}, {m.position} - {m.role}{end[i]}")
                for i, m in enumerate(members)]
    if shape == "dash":
        return [Para(f"- {m.honorific} {m.name}, {m.position} - {m.role}{end[i]}")
                for i, m in enumerate(members)]
    if shape == "lam":
        return [Para(f"{i + 1}. {m.honorific} {m.name}, {m.position} làm "
                     f"{m.role if m.role != TV else 'thành viên'}{end[i]}")
                for i, m in enumerate(members)]
    if shape == "position":
        return [Para(f"{i + 1}. {m.position[0].upper()}{m.position[1:]} - {m.role}{end[i]}")
                for i, m in enumerate(members)]
    if shape == "role_first":
        heads = [m for m in members if role_class(m.role) == "Trưởng ban"]
        deputies = [m for m in members if role_class(m.role) == "Phó Trưởng ban"]
        others = [m for m in members if role_class(m.role) == "Thành viên"]
        out: list[Block] = [Para(f"1. Trưởng ban: {m.honorific} {m.name}, {m.position}.")
                            for m in heads]
        out.append(Para("2. Các Phó Trưởng ban:"))
        out += [Para(f"- {m.role}: {m.honorific} {m.name}, {m.position};") for m in deputies]
        out.append(Para("3. Các thành viên gồm:"))
        out += [Para(f"- {m.honorific} {m.name}, {m.position}"
                     f"{' (thành viên thường trực)' if m.role == TVT else ''}"
                     f"{';' if i < len(others) - 1 else '.'}")
                for i, m in enumerate(others)]
        return out
    if shape == "table":
        rows = [("STT", "Họ và tên", "Chức vụ, đơn vị", "Chức danh trong Ban Chỉ đạo")]
        rows += [(str(i + 1), f"{m.honorific} {m.name}", m.position[0].upper() + m.position[1:],
                  m.role) for i, m in enumerate(members)]
        return [Table(tuple(rows), (1.2, 4.3, 7.0, 3.8))]
    raise ValueError(shape)


def date_words(day: dt.date, *, zeros: bool = True) -> str:
    """"ngày 05 tháng 10 năm 2023": Nghị định 30 pads days 1-9 and months 1-2."""
    d = f"{day.day:02d}" if zeros else str(day.day)
    m = f"{day.month:02d}" if zeros and day.month < 3 else str(day.month)
    return f"ngày {d} tháng {m} năm {day.year}"


def dmy(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


LAW_2015 = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa "
            "đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
            "địa phương ngày 22 tháng 11 năm 2019;")
LAW_2025 = ("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm "
            "2025;")
LAW_INSURANCE = ("Căn cứ Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014; Luật Bảo hiểm y tế "
                 "ngày 14 tháng 11 năm 2008 và Luật sửa đổi, bổ sung một số điều của Luật Bảo "
                 "hiểm y tế ngày 13 tháng 6 năm 2014;")
ND33 = ("Căn cứ Nghị định số 33/2023/NĐ-CP ngày 10 tháng 6 năm 2023 của Chính phủ quy định về "
        "cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân "
        "phố;")
CV3036 = ("Căn cứ Công văn số 3036/BHXH-BT ngày 24/9/2020 của Bảo hiểm xã hội Việt Nam về việc "
          "tham mưu cấp ủy, chính quyền lãnh đạo, chỉ đạo tăng cường thực hiện chính sách BHXH, "
          "BHYT;")
CV2657 = ("Căn cứ Công văn số 2657/BHXH-TCCB ngày 25/8/2023 của Bảo hiểm xã hội Việt Nam về việc "
          "triển khai thực hiện nhiệm vụ theo Nghị định số 33/2023/NĐ-CP ngày 10/6/2023 của Chính "
          "phủ, trong đó có nội dung kiện toàn Ban Chỉ đạo có công chức Văn hóa - Xã hội tham "
          "gia;")


@dataclass
class Doc:
    """A composed document and the facts a test can check about it."""

    id: str
    blocks: list[Block]
    doc_type: str
    place: Place | None
    number: str | None = None
    symbol: str | None = None
    date: dt.date | None = None
    members: list[Member] = field(default_factory=list)
    cites_3036: bool = False
    fail: set[str] = field(default_factory=set)  # rules deliberately made to fail
    unsure: set[str] = field(default_factory=set)  # rules not asserted either way
    issued_by: dict[str, str | None] | None = None  # the decision a regulation names
    traps: list[str] = field(default_factory=list)
    notes: str = ""
    named: bool = True  # members are listed with their names (not by position only)
    has_signer: bool = True

    def text(self) -> str:
        return blocks_to_text(self.blocks)


def letterhead(place: Place, number: str | None, day: dt.date | None, *, zeros=True,
               rows=False, rule="-------", left: tuple[str, ...] | None = None,
               summary_left: str | None = None) -> Letterhead:
    return Letterhead(
        left=left or place.head_left,
        number_line=f"Số: {number}" if number else None,
        place_date=f"{place.place_word}, {date_words(day, zeros=zeros)}" if day else None,
        row_per_line=rows, rule=rule, summary_left=summary_left,
    )


def committee(place: Place, *, short: bool = False) -> str:
    policy = "BHXH, BHYT" if short else "bảo hiểm xã hội, bảo hiểm y tế"
    return f"Ban Chỉ đạo thực hiện chính sách {policy} {place.unit}"


@dataclass
class DecisionParts:
    """The varying pieces of an establishing decision."""

    number: str
    day: dt.date
    members: list[Member]
    shape: str
    bases: list[str]
    proposal: str
    signer: tuple[str, ...]
    recipients: tuple[str, ...]
    collective: bool = False  # "ỦY BAN NHÂN DÂN ..." decides (signer TM.) vs the Chủ tịch
    verb: str = "Kiện toàn"
    committee_name: str | None = None
    art1: str | None = None
    attach_regulation: bool = False
    replaces: str = ""
    zeros: bool = True
    rows: bool = False
    rule: str = "-------"
    extra_art3: tuple[str, ...] = ()


def executor(place: Place) -> str:
    """Who is first charged with carrying out a decision, by level."""
    if place.level == "commune" and place.era == "old":
        return "Công chức Văn phòng - Thống kê"
    if place.level == "province":
        return "Chánh Văn phòng UBND tỉnh"
    return f"Chánh Văn phòng HĐND và UBND {place.kind}"


def decision_blocks(place: Place, p: DecisionParts) -> list[Block]:
    name = p.committee_name or committee(place)
    authority = (f"ỦY BAN NHÂN DÂN {place.UNIT}" if p.collective
                 else f"CHỦ TỊCH ỦY BAN NHÂN DÂN {place.UNIT}")
    art1 = p.art1 or (
        f"{p.verb} {name} (sau đây gọi tắt là Ban Chỉ đạo) trên cơ sở hợp nhất Ban Chỉ đạo "
        f"phát triển người tham gia bảo hiểm xã hội và Ban Chỉ đạo thực hiện bảo hiểm y tế "
        f"toàn dân {place.unit}.")
    if p.attach_regulation:
        regulation = ("Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo "
                      f"thực hiện chính sách BHXH, BHYT {place.unit}.")
    else:
        regulation = ("Trưởng ban Chỉ đạo ban hành Quy chế hoạt động của Ban Chỉ đạo, phân công "
                      "nhiệm vụ cụ thể cho từng thành viên trong thời hạn 15 ngày kể từ ngày "
                      "Quyết định này có hiệu lực thi hành.")
    blocks: list[Block] = [
        letterhead(place, p.number, p.day, zeros=p.zeros, rows=p.rows, rule=p.rule),
        Para("QUYẾT ĐỊNH", "heading"),
        Para(f"Về việc {p.verb.lower()} {name}", "heading"),
        Para(authority, "heading"),
        *(Para(b) for b in p.bases),
        Para(p.proposal),
        Para("QUYẾT ĐỊNH:", "heading"),
        Para(f"Điều 1. {art1}"),
        Para("Điều 2. Thành phần Ban Chỉ đạo gồm các ông (bà) có tên sau:"),
        *member_blocks(p.members, p.shape),
        Para("Điều 3. Nhiệm vụ, quyền hạn của Ban Chỉ đạo"),
        Para(f"1. Giúp {'Ủy ban nhân dân' if p.collective else 'Chủ tịch Ủy ban nhân dân'} "
             f"{place.unit} lãnh đạo, chỉ đạo, điều phối các cơ quan, đơn vị, tổ chức trên "
             "địa bàn thực hiện chính sách BHXH, BHYT; xây dựng kế hoạch phát triển người tham "
             "gia BHXH, BHYT hằng năm."),
        Para(f"2. {regulation}"),
        *(Para(x) for x in p.extra_art3),
        Para("3. Ban Chỉ đạo được sử dụng con dấu của Ủy ban nhân dân "
             f"{place.unit} trong quá trình hoạt động; các thành viên Ban Chỉ đạo làm việc "
             "theo chế độ kiêm nhiệm."),
        Para(f"Điều 4. Quyết định này có hiệu lực kể từ ngày ký{p.replaces}."),
        Para(f"{executor(place)}, Thủ trưởng các cơ quan, đơn vị có liên quan và các "
             "ông (bà) có tên tại Điều 2 chịu trách nhiệm thi hành Quyết định này./."),
        SignBlock(p.recipients, p.signer),
    ]
    return blocks


def parse_markup(markup: str, ctx: dict[str, str]) -> list[Block]:
    """A small markup for long texts: one paragraph per line, indented lines continue it.

    Leading marks: ^ centred bold heading, # bold article heading, ~ centred italic note.
    "Điều #." is numbered in order of appearance.
    """
    paras: list[list[str]] = []
    for raw in markup.strip("\n").splitlines():
        if raw.startswith("  ") and paras:
            paras[-1][1] += " " + raw.strip()
        elif raw.strip():
            mark = raw[0] if raw[0] in "^#~" else ""
            paras.append([mark, raw[len(mark):].strip()])
    styles = {"^": "heading", "#": "article", "~": "note", "": "body"}
    blocks: list[Block] = []
    article = 0
    for mark, text in paras:
        if "Điều #." in text:
            article += 1
            text = text.replace("Điều #.", f"Điều {article}.")
        blocks.append(Para(text.format_map(ctx), styles[mark]))
    return blocks


REG_TITLE = """
^QUY CHẾ
^Hoạt động của Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế {unit}
~(Ban hành kèm theo Quyết định số {dec_ref} ngày {dec_date} của {dec_by})
"""

REG_COMMUNE_1 = """
^Chương I
^NHỮNG QUY ĐỊNH CHUNG
#Điều #. Phạm vi điều chỉnh và đối tượng áp dụng
1. Quy chế này quy định nhiệm vụ của Ban Chỉ đạo thực hiện chính sách BHXH, BHYT {unit}
  (sau đây gọi là Ban Chỉ đạo); trách nhiệm của Trưởng ban, Phó Trưởng ban và các thành
  viên; chế độ làm việc, sơ kết, tổng kết và chế độ thông tin, báo cáo của Ban Chỉ đạo.
2. Quy chế này áp dụng đối với các thành viên Ban Chỉ đạo và các cơ quan, đơn vị, tổ chức có
  liên quan trên địa bàn {unit}.
#Điều #. Nguyên tắc hoạt động
1. Ban Chỉ đạo làm việc theo nguyên tắc tập trung dân chủ, đề cao trách nhiệm cá nhân của
  Trưởng ban và của từng thành viên.
2. Các thành viên Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm, thực hiện nhiệm vụ theo chức
  năng, nhiệm vụ của cơ quan, đơn vị mình.
^Chương II
^NHIỆM VỤ CỦA BAN CHỈ ĐẠO VÀ TRÁCH NHIỆM CỦA CÁC THÀNH VIÊN
#Điều #. Nhiệm vụ của Ban Chỉ đạo
1. Giúp {UBND_full} lãnh đạo, chỉ đạo, tổ chức thực hiện chính sách BHXH, BHYT trên địa bàn;
  xây dựng kế hoạch thực hiện chỉ tiêu phát triển người tham gia BHXH, BHYT hằng năm trình
  {ubnd} phê duyệt.
2. Chỉ đạo, hướng dẫn các {village}, các ban, ngành, đoàn thể tuyên truyền, phổ biến chính sách,
  pháp luật về BHXH, BHYT đến từng hộ gia đình và người dân.
3. Chỉ đạo rà soát, lập danh sách người chưa tham gia BHXH, BHYT; vận động người lao động
  tham gia BHXH tự nguyện, hộ gia đình tham gia BHYT.
4. Kiểm tra, đôn đốc việc thực hiện chính sách BHXH, BHYT của các cơ quan, đơn vị, doanh
  nghiệp trên địa bàn; đề xuất xử lý các trường hợp vi phạm.
5. Đề xuất khen thưởng tập thể, cá nhân có thành tích trong thực hiện chính sách BHXH, BHYT.
"""

REG_COMMUNE_DUTIES = """
#Điều #. Trách nhiệm của Trưởng ban
1. Chịu trách nhiệm trước {UBND_full} và {upper_bcd} về toàn bộ hoạt động của Ban Chỉ đạo.
2. Phân công nhiệm vụ cho Phó Trưởng ban và từng thành viên; giao chỉ tiêu phát triển người
  tham gia BHXH, BHYT cho từng thành viên.
3. Chủ trì các cuộc họp định kỳ, đột xuất và hội nghị sơ kết, tổng kết của Ban Chỉ đạo.
#Điều #. Trách nhiệm của Phó Trưởng ban
1. Phó Trưởng ban Thường trực giúp Trưởng ban điều hành hoạt động của Ban Chỉ đạo; thay mặt
  Trưởng ban giải quyết công việc khi Trưởng ban vắng mặt; trực tiếp chỉ đạo {vh_official}
  tổng hợp tình hình, tham mưu kế hoạch hoạt động.
2. Phó Trưởng ban là lãnh đạo {bhxh}: chỉ đạo viên chức {bhxh} phối hợp với {ubnd} cung cấp
  danh sách người tham gia BHXH, BHYT, người có thẻ BHYT hết hạn sử dụng; hướng dẫn thủ tục
  tham gia, giải quyết chế độ; tập huấn nghiệp vụ cho nhân viên tổ chức dịch vụ thu.
#Điều #. Trách nhiệm của các thành viên
1. {vh_official_cap} (thành viên thường trực): tham mưu {UBND_full} trong công tác BHXH, BHYT;
  xây dựng tiêu chí phát triển người tham gia BHXH, BHYT trong kế hoạch phát triển kinh tế -
  xã hội hằng năm; theo dõi, tổng hợp kết quả thực hiện của các thành viên, dự thảo báo cáo
  của Ban Chỉ đạo.
2. Viên chức {bhxh} phụ trách địa bàn: cung cấp số liệu người tham gia, người chưa tham gia
  BHXH, BHYT theo từng {village}; phối hợp tổ chức hội nghị tuyên truyền, đối thoại chính sách.
3. Ủy ban Mặt trận Tổ quốc Việt Nam {kind}, Hội Nông dân, Hội Liên hiệp Phụ nữ, Đoàn Thanh
  niên, Hội Cựu chiến binh {kind}: tuyên truyền, vận động hội viên, đoàn viên và gia đình tham
  gia BHXH tự nguyện, BHYT hộ gia đình; giám sát việc thực hiện chính sách BHXH, BHYT.
4. Trạm Y tế {kind}: tổ chức tốt khám bệnh, chữa bệnh BHYT; tuyên truyền quyền lợi của người
  có thẻ BHYT.
5. {finance}: tham mưu bố trí kinh phí hoạt động của Ban Chỉ đạo và kinh phí hỗ trợ đóng BHXH,
  BHYT theo quy định.
6. {village_heads}: rà soát, lập danh sách hộ gia đình, người lao động chưa tham gia BHXH, BHYT
  trên địa bàn {village}; phối hợp với tổ chức dịch vụ thu vận động từng hộ tham gia.
7. Bưu điện {kind} (tổ chức dịch vụ thu có điểm thu tại {kind}): bố trí điểm thu, nhân viên thu;
  thu tiền đóng, trả thẻ BHYT, cung cấp danh sách người đến hạn đóng BHXH tự nguyện, BHYT hộ
  gia đình cho {village_heads}.
"""

REG_ASSIGNED_ONLY = """
#Điều #. Trách nhiệm của các thành viên Ban Chỉ đạo
Các thành viên Ban Chỉ đạo thực hiện nhiệm vụ do Trưởng ban phân công và chịu trách nhiệm
  trước Trưởng ban về kết quả thực hiện nhiệm vụ được giao.
"""

REG_MEETINGS = """
^Chương III
^CHẾ ĐỘ LÀM VIỆC, SƠ KẾT, TỔNG KẾT VÀ THÔNG TIN BÁO CÁO
#Điều #. Chế độ làm việc
1. Ban Chỉ đạo họp định kỳ mỗi quý một lần; họp đột xuất khi có yêu cầu của Trưởng ban.
2. Thường trực Ban Chỉ đạo (Phó Trưởng ban Thường trực, {vh_official}) giao ban hằng tháng để
  đánh giá tiến độ thực hiện chỉ tiêu.
"""

REG_MEETINGS_LOOSE = """
^Chương III
^CHẾ ĐỘ LÀM VIỆC
#Điều #. Chế độ làm việc
Ban Chỉ đạo họp khi cần thiết theo triệu tập của Trưởng ban.
"""

REG_REVIEWS = """
#Điều #. Sơ kết, tổng kết
1. Ban Chỉ đạo tổ chức sơ kết 6 tháng, tổng kết năm để đánh giá, kiểm điểm hoạt động của Ban
  Chỉ đạo và của từng thành viên; so sánh kết quả đạt được với chỉ tiêu đã giao.
2. Thành viên không hoàn thành nhiệm vụ, chỉ tiêu được giao phải kiểm điểm, làm rõ nguyên nhân
  tại hội nghị sơ kết, tổng kết; kết quả đánh giá là căn cứ bình xét thi đua cuối năm.
3. Trên cơ sở kết quả sơ kết, tổng kết, Ban Chỉ đạo đề ra giải pháp, nhiệm vụ cho thời gian
  tới.
#Điều #. Giải pháp, nhiệm vụ thời gian tới
Hằng năm, Ban Chỉ đạo tập trung thực hiện các giải pháp, nhiệm vụ sau:
a) Đẩy mạnh tuyên truyền, đối thoại chính sách BHXH, BHYT tại các {village}, lồng ghép trong
  các buổi sinh hoạt của hội, đoàn thể;
b) Rà soát, phân loại đối tượng chưa tham gia; vận động theo từng hộ gia đình;
c) Phối hợp với tổ chức dịch vụ thu duy trì điểm thu tại {kind}, bảo đảm thuận lợi cho người
  tham gia;
d) Vận động nhà hảo tâm, doanh nghiệp hỗ trợ tặng thẻ BHYT, sổ BHXH cho người có hoàn cảnh
  khó khăn;
đ) Kiểm tra, đôn đốc các đơn vị, doanh nghiệp đóng BHXH, BHYT đầy đủ cho người lao động.
"""

REG_REPORTING = """
#Điều #. Chế độ thông tin, báo cáo
1. Các thành viên Ban Chỉ đạo báo cáo kết quả thực hiện nhiệm vụ, chỉ tiêu được giao về Trưởng
  ban (qua {vh_official}) định kỳ hằng tháng, trước ngày 20 của tháng.
2. {village_heads} báo cáo danh sách hộ gia đình, người đã vận động tham gia về Ban Chỉ đạo
  hằng tháng.
3. Ban Chỉ đạo báo cáo {UBND_full} và {upper_bcd} định kỳ hằng quý (trước ngày 20 của tháng
  cuối quý), 6 tháng (trước ngày 15 tháng 6), hằng năm (trước ngày 15 tháng 12) và báo cáo
  đột xuất khi có yêu cầu.
4. {bhxh} cung cấp số liệu người tham gia BHXH, BHYT trên địa bàn cho thường trực Ban Chỉ đạo
  hằng tháng.
"""

REG_REPORTING_MEETING_ONLY = """
#Điều #. Chế độ thông tin, báo cáo
Các thành viên báo cáo kết quả tại cuộc họp của Ban Chỉ đạo.
"""

REG_TARGETS = """
#Điều #. Giao chỉ tiêu phát triển người tham gia BHXH, BHYT
1. Hằng năm, căn cứ chỉ tiêu được {target_giver} giao, Trưởng ban giao chỉ tiêu phát triển
  người tham gia BHXH, BHYT cho Ban Chỉ đạo {kind} và cho từng thành viên Ban Chỉ đạo, từng
  {village} (Phụ lục kèm theo Quy chế).
2. Chỉ tiêu năm {year}: Ban Chỉ đạo {kind} phát triển mới {t1} người tham gia BHXH tự nguyện và
  {t2} người tham gia BHYT hộ gia đình; mỗi Hội, đoàn thể vận động ít nhất 15 người; mỗi
  {village_head} vận động ít nhất 10 người; Bưu điện {kind} phát triển ít nhất 30 người.
3. Kết quả thực hiện chỉ tiêu là căn cứ đánh giá mức độ hoàn thành nhiệm vụ của từng thành
  viên.
"""

REG_CLOSING = """
^Chương IV
^TỔ CHỨC THỰC HIỆN
#Điều #. Trách nhiệm thi hành
Các thành viên Ban Chỉ đạo, các cơ quan, đơn vị và tổ chức có liên quan chịu trách nhiệm thực
  hiện Quy chế này.
#Điều #. Sửa đổi, bổ sung Quy chế
Trong quá trình thực hiện, nếu có vướng mắc, các thành viên phản ánh về thường trực Ban Chỉ
  đạo để tổng hợp, trình Trưởng ban xem xét, sửa đổi, bổ sung cho phù hợp./.
"""

REG_UPPER = """
^Chương I
^QUY ĐỊNH CHUNG
#Điều #. Phạm vi điều chỉnh
Quy chế này quy định nhiệm vụ, quyền hạn của Ban Chỉ đạo thực hiện chính sách BHXH, BHYT
  {unit} (sau đây gọi là Ban Chỉ đạo), trách nhiệm của các thành viên, chế độ làm việc và
  thông tin, báo cáo của Ban Chỉ đạo.
#Điều #. Nguyên tắc làm việc
Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm; thành viên Ban Chỉ đạo chịu trách nhiệm trước
  Trưởng ban về lĩnh vực được phân công.
^Chương II
^NHIỆM VỤ, QUYỀN HẠN CỦA BAN CHỈ ĐẠO VÀ TRÁCH NHIỆM CỦA THÀNH VIÊN
#Điều #. Nhiệm vụ, quyền hạn của Ban Chỉ đạo
1. Giúp {UBND_full} chỉ đạo, điều phối các sở, ngành, đoàn thể và {lower} thực hiện chính sách
  BHXH, BHYT; xây dựng chương trình, kế hoạch thực hiện các chỉ tiêu về BHXH, BHYT.
2. Chỉ đạo công tác tuyên truyền, phổ biến chính sách, pháp luật về BHXH, BHYT.
3. Chỉ đạo, hướng dẫn {lower} kiện toàn Ban Chỉ đạo cấp dưới; kiểm tra, đôn đốc việc thực hiện
  chính sách BHXH, BHYT; chỉ đạo xử lý tình trạng chậm đóng, trốn đóng BHXH, BHYT.
4. Được yêu cầu các cơ quan, đơn vị có liên quan cung cấp thông tin phục vụ hoạt động của Ban
  Chỉ đạo.
#Điều #. Trách nhiệm của Trưởng ban và các Phó Trưởng ban
1. Trưởng ban lãnh đạo, điều hành toàn bộ hoạt động của Ban Chỉ đạo; phân công nhiệm vụ cho
  các thành viên; chủ trì các cuộc họp, hội nghị sơ kết, tổng kết.
2. Phó Trưởng ban Thường trực (Giám đốc {bhxh}): giúp Trưởng ban điều hành công việc thường
  xuyên; sử dụng bộ máy của {bhxh} làm cơ quan thường trực; tổng hợp, xây dựng báo cáo của Ban
  Chỉ đạo.
3. Phó Trưởng ban ({labour_head}): chỉ đạo rà soát, quản lý lao động trong các doanh nghiệp;
  kiểm tra, thanh tra việc chấp hành pháp luật lao động, BHXH.
#Điều #. Trách nhiệm của các thành viên
1. {health}: chỉ đạo các cơ sở khám bệnh, chữa bệnh bảo đảm quyền lợi người có thẻ BHYT; phối
  hợp kiểm soát chi phí khám bệnh, chữa bệnh BHYT.
2. {finance}: tham mưu bố trí ngân sách đóng, hỗ trợ đóng BHYT cho các đối tượng theo quy định.
3. {tax}: cung cấp thông tin về doanh nghiệp, người lao động để rà soát đối tượng phải tham gia
  BHXH bắt buộc.
4. {edu}: chỉ đạo các trường tổ chức thực hiện BHYT học sinh, sinh viên đạt 100%.
5. {info}: chỉ đạo các cơ quan báo chí, hệ thống thông tin cơ sở tuyên truyền chính sách BHXH,
  BHYT.
6. Ủy ban Mặt trận Tổ quốc Việt Nam, Liên đoàn Lao động, Hội Nông dân, Hội Liên hiệp Phụ nữ,
  Đoàn Thanh niên, Hội Cựu chiến binh: tuyên truyền, vận động đoàn viên, hội viên tham gia BHXH
  tự nguyện, BHYT hộ gia đình; giám sát việc thực hiện chính sách.
7. {post}: tổ chức mạng lưới điểm thu, nhân viên thu BHXH tự nguyện, BHYT hộ gia đình đến các
  xã.
"""

REG_UPPER_REVIEW_REPORT = """
^Chương III
^CHẾ ĐỘ LÀM VIỆC VÀ THÔNG TIN BÁO CÁO
#Điều #. Chế độ họp, sơ kết, tổng kết
1. Ban Chỉ đạo họp định kỳ 6 tháng một lần; họp đột xuất theo triệu tập của Trưởng ban.
2. Cuối năm, Ban Chỉ đạo tổ chức tổng kết, đánh giá kết quả hoạt động của Ban Chỉ đạo và mức
  độ hoàn thành nhiệm vụ của từng thành viên; 6 tháng đầu năm tổ chức sơ kết.
3. Hội nghị tổng kết đề ra giải pháp, nhiệm vụ trọng tâm cho năm tiếp theo, gồm: tăng cường
  tuyên truyền; mở rộng mạng lưới đại lý thu; xử lý nợ đóng BHXH, BHYT; phấn đấu đạt chỉ tiêu
  bao phủ BHYT và tỷ lệ người lao động tham gia BHXH được giao.
"""

REG_UPPER_REPORT_FULL = """
#Điều #. Chế độ thông tin, báo cáo
1. Các thành viên Ban Chỉ đạo báo cáo kết quả thực hiện nhiệm vụ được phân công về cơ quan
  thường trực ({bhxh}) định kỳ hằng quý, trước ngày 15 của tháng cuối quý.
2. {lower_bcd} báo cáo Ban Chỉ đạo {unit} định kỳ 6 tháng, hằng năm.
3. Cơ quan thường trực tổng hợp, giúp Ban Chỉ đạo báo cáo {report_to} 6 tháng (trước ngày
  20 tháng 6) và năm (trước ngày 20 tháng 12).
"""

REG_UPPER_CLOSING = """
^Chương IV
^ĐIỀU KHOẢN THI HÀNH
#Điều #. Tổ chức thực hiện
Thành viên Ban Chỉ đạo, Thủ trưởng các cơ quan, đơn vị và {lower} chịu trách nhiệm thực hiện
  Quy chế này. Trong quá trình thực hiện nếu có vướng mắc, phản ánh về cơ quan thường trực để
  tổng hợp, báo cáo Trưởng ban xem xét, sửa đổi, bổ sung./.
"""


def commune_ctx(place: Place, *, year: int, dec_ref: str, dec_date: str, dec_by: str,
                t1: int = 120, t2: int = 450) -> dict[str, str]:
    old = place.era == "old"
    vh_official = ("công chức Văn hóa - Xã hội" if old
                   else f"Phòng Văn hóa - Xã hội {place.kind}")
    heads = {"ấp": "Trưởng các ấp", "thôn": "Trưởng các thôn", "bản": "Trưởng các bản",
             "tổ dân phố": "Tổ trưởng các tổ dân phố"}[place.village]
    return {
        "unit": place.unit, "kind": place.kind, "ubnd": place.ubnd,
        "UBND_full": f"Ủy ban nhân dân {place.unit}", "bhxh": place.bhxh,
        "vh_official": vh_official,
        "vh_official_cap": (f"Công chức Văn hóa - Xã hội {place.kind}" if old
                            else f"Trưởng phòng Văn hóa - Xã hội {place.kind}"),
        "upper_bcd": (f"Ban Chỉ đạo thực hiện chính sách BHXH, BHYT {place.upper}" if old
                      else f"Ủy ban nhân dân {place.upper}"),
        "target_giver": f"Ủy ban nhân dân {place.upper}",
        "finance": "Công chức Tài chính - Kế toán" if old else f"Phòng Kinh tế {place.kind}",
        "village": place.village, "village_head": place.village_head, "village_heads": heads,
        "year": str(year), "t1": str(t1), "t2": str(t2),
        "dec_ref": dec_ref, "dec_date": dec_date, "dec_by": dec_by,
    }


def commune_regulation(ctx: dict[str, str], *, duties="full", reporting="full",
                       targets=True) -> list[Block]:
    parts = [REG_TITLE, REG_COMMUNE_1,
             REG_COMMUNE_DUTIES if duties == "full" else REG_ASSIGNED_ONLY,
             REG_MEETINGS if reporting == "full" else REG_MEETINGS_LOOSE, REG_REVIEWS,
             REG_REPORTING if reporting == "full" else REG_REPORTING_MEETING_ONLY]
    if targets:
        parts.append(REG_TARGETS)
    parts.append(REG_CLOSING)
    return parse_markup("\n".join(parts), ctx)


def upper_regulation(ctx: dict[str, str], *, reporting="full") -> list[Block]:
    parts = [REG_TITLE, REG_UPPER, REG_UPPER_REVIEW_REPORT,
             REG_UPPER_REPORT_FULL if reporting == "full" else REG_REPORTING_MEETING_ONLY,
             REG_UPPER_CLOSING]
    return parse_markup("\n".join(parts), ctx)


def old_style(text: str) -> str:
    """Old tone-mark placement and en dashes, as in documents typed years ago."""
    for new, old in (("hóa", "hoá"), ("Hóa", "Hoá"), ("HÓA", "HOÁ"), ("ủy", "uỷ"), ("Ủy", "Uỷ"),
                     ("ỦY", "UỶ"), ("thủy", "thuỷ"), ("Thủy", "Thuỷ"), ("THỦY", "THUỶ"),
                     ("hòa", "hoà"), ("Hòa", "Hoà"), ("HÒA", "HOÀ"), (" - Xã hội", " – Xã hội")):
        text = text.replace(new, old)
    return text


def restyle(blocks: Sequence[Block], fn: Callable[[str], str]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Para):
            out.append(Para(fn(b.text), b.style))
        elif isinstance(b, Letterhead):
            out.append(Letterhead(tuple(fn(x) for x in b.left), b.number_line,
                                  fn(b.place_date) if b.place_date else None, b.row_per_line,
                                  b.rule, b.summary_left))
        elif isinstance(b, Table):
            out.append(Table(tuple(tuple(fn(c) for c in r) for r in b.rows), b.widths_cm))
        elif isinstance(b, SignBlock):
            out.append(SignBlock(tuple(fn(x) for x in b.recipients), tuple(fn(x)
                                                                         for x in b.signer)))
        else:
            out.append(b)
    return out


# -------------------------------------------------------------------------- documents

MEN = ["Nguyễn Văn Hùng", "Lê Văn Tâm", "Võ Minh Trí", "Huỳnh Văn Lợi", "Đặng Văn Phúc",
       "Trương Văn Sơn", "Phan Văn Út", "Trần Quốc Việt", "Hoàng Đức Thắng", "Bùi Văn Khải",
       "Đỗ Minh Quang", "Ngô Văn Thành", "Dương Văn Hải", "Lý Văn Nghĩa", "Tạ Quang Vinh",
       "Mai Xuân Trường", "Hồ Văn Tuấn", "Vũ Đình Dũng", "Châu Văn Lực", "Kiều Văn Thịnh"]
WOMEN = ["Trần Thị Mai", "Phạm Thị Hồng", "Nguyễn Thị Lan", "Lý Thị Thu", "Đỗ Thị Kim",
         "Cao Thị Nga", "Lê Thị Hạnh", "Hà Thị Yến", "Đinh Thị Thủy", "Vương Thị Hoa",
         "Lưu Thị Phương", "Tô Thị Nhung"]


class NamePool:
    """Deterministic people for a document (seeded by the document id)."""

    def __init__(self, seed: str) -> None:
        rng = random.Random(seed)
        self.men = rng.sample(MEN, len(MEN))
        self.women = rng.sample(WOMEN, len(WOMEN))

    def man(self) -> tuple[str, str]:
        return "Ông", self.men.pop()

    def woman(self) -> tuple[str, str]:
        return "Bà", self.women.pop()

    def any(self, i: int) -> tuple[str, str]:
        return self.woman() if i % 3 == 1 else self.man()


def commune_members(place: Place, pool: NamePool, villages: Sequence[str], *, vhxh="commune",
                    post="collector", abbrev=False) -> list[Member]:
    """The member list 2657 expects of a commune committee, with deliberate variations."""
    k = place.kind
    ub = "UBND" if abbrev else "Ủy ban nhân dân"
    mttq = "UB MTTQ VN" if abbrev else "Ủy ban Mặt trận Tổ quốc Việt Nam"
    rows = [
        (*pool.man(), f"Chủ tịch {ub} {k}", TB),
        (*pool.woman(), f"Phó Chủ tịch {ub} {k}", PTT),
        (*pool.man(), f"Phó Giám đốc {place.bhxh}", PT),
    ]
    if vhxh == "commune" and place.era == "old":
        label = "Công chức VH-XH" if abbrev else "Công chức Văn hóa - Xã hội"
        rows.append((*pool.woman(), f"{label} {k}", TVT))
    elif vhxh == "commune":
        rows.append((*pool.woman(), f"Trưởng phòng Văn hóa - Xã hội {k}", TVT))
        rows.append((*pool.man(), f"Chuyên viên Phòng Văn hóa - Xã hội {k}", TV))
    elif vhxh == "district_vhtt":
        rows.append((*pool.woman(), f"Chuyên viên Phòng Văn hóa và Thông tin {place.upper}",
                     TV))
    rows += [
        (*pool.man(), f"Viên chức {place.bhxh} phụ trách địa bàn {k}", TV),
        (*pool.man(), f"Chủ tịch {mttq} {k}", TV),
        (*pool.man(), f"Chủ tịch Hội Nông dân {k}", TV),
        (*pool.woman(), f"Chủ tịch Hội Liên hiệp Phụ nữ {k}", TV),
        (*pool.man(), f"Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh {k}", TV),
        (*pool.man(), f"Chủ tịch Hội Cựu chiến binh {k}", TV),
        (*pool.woman(), f"Trạm trưởng Trạm Y tế {k}", TV),
    ]
    rows += [(*pool.any(i), f"{place.village_head} {v}", TV) for i, v in enumerate(villages)]
    if post == "collector":
        rows.append((*pool.woman(), f"Trưởng Bưu điện văn hóa {k} {place.name} (tổ chức dịch "
                     f"vụ thu có điểm thu tại {k})", TV))
    elif post == "clerk":
        rows.append((*pool.man(), f"nhân viên Bưu điện {k} (phụ trách chuyển phát báo chí, "
                     "bưu phẩm)", TV))
    return members_from(rows)


def commune_bases(place: Place, day: dt.date, *, cite_2657=True) -> list[str]:
    bases = [LAW_2025 if place.era == "new" else LAW_2015, LAW_INSURANCE]
    if day >= dt.date(2023, 6, 10):
        bases.append(ND33)
    bases.append(CV3036)
    if cite_2657 and day >= dt.date(2023, 8, 25):
        bases.append(CV2657)
    return bases


def commune_recipients(place: Place, *, post_line: str | None = None) -> tuple[str, ...]:
    upper = f"- UBND {place.upper} (b/c);" if place.era == "old" else "- UBND tỉnh (b/c);"
    lines = ["Nơi nhận:", "- Như Điều 4;", upper, f"- {place.bhxh};"]
    if place.era == "new":
        lines.append(f"- Phòng Văn hóa - Xã hội {place.kind};")
    lines += ["- TT Đảng ủy, TT HĐND " + place.kind + ";",
              post_line or f"- Bưu điện {place.upper};", "- Lưu: VT."]
    return tuple(lines)


def commune_decision(doc_id: str, place: Place, *, number: str, day: dt.date, shape: str,
                     villages: Sequence[str], signer: str = "kt", fail: Iterable[str] = (),
                     **kw) -> Doc:
    pool = NamePool(doc_id)
    members = kw.pop("members", None) or commune_members(
        place, pool, villages, vhxh=kw.pop("vhxh", "commune"), post=kw.pop("post", "collector"),
        abbrev=kw.pop("abbrev", False))
    head = next(m for m in members if m.role == TB)
    deputy = next(m for m in members if m.role == PTT) if any(
        m.role == PTT for m in members) else head
    signers = {
        "kt": ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", deputy.name or ""),
        "ct": ("CHỦ TỊCH", "", "", "", head.name or ""),
        "tm": ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", head.name or ""),
    }
    proposal = kw.pop("proposal", None) or (
        f"Theo đề nghị của Công chức Văn hóa - Xã hội {place.kind}." if place.era == "old"
        else f"Theo đề nghị của Trưởng phòng Văn hóa - Xã hội {place.kind}.")
    parts = DecisionParts(
        number=number, day=day, members=members, shape=shape,
        bases=kw.pop("bases", None) or commune_bases(place, day),
        proposal=proposal, signer=signers[signer],
        recipients=kw.pop("recipients", None) or commune_recipients(place),
        collective=signer == "tm",
        replaces=kw.pop("replaces", None) or (
            f" và thay thế Quyết định số 102/QĐ-UBND ngày 12/11/2020 của Chủ tịch UBND "
            f"{place.unit} về việc thành lập Ban Chỉ đạo thực hiện chính sách BHXH, BHYT "
            f"{place.unit}"),
        **{k: kw.pop(k) for k in list(kw) if k in DecisionParts.__dataclass_fields__},
    )
    n, sym = number.split("/", 1)
    return Doc(id=doc_id, blocks=decision_blocks(place, parts), doc_type="decision",
               place=place, number=n, symbol=sym, date=day, members=members,
               cites_3036=CV3036 in parts.bases, fail=set(fail), **kw)


def district_members(place: Place, pool: NamePool, *, deputies=True) -> list[Member]:
    h = "huyện"
    rows = [(*pool.man(), f"Chủ tịch UBND {h}", TB)]
    if deputies:
        rows += [(*pool.woman(), f"Phó Chủ tịch UBND {h}", PTT),
                 (*pool.man(), f"Giám đốc {place.bhxh}", PT),
                 (*pool.man(), f"Trưởng phòng Lao động - Thương binh và Xã hội {h}", PT)]
    else:
        rows += [(*pool.woman(), f"Phó Chủ tịch UBND {h}", TV),
                 (*pool.man(), f"Giám đốc {place.bhxh}", TV)]
    rows += [
        (*pool.man(), f"Trưởng phòng Tài chính - Kế hoạch {h}", TV),
        (*pool.woman(), f"Trưởng phòng Y tế {h}", TV),
        (*pool.man(), f"Giám đốc Trung tâm Y tế {h}", TV),
        (*pool.man(), f"Trưởng phòng Giáo dục và Đào tạo {h}", TV),
        (*pool.man(), f"Trưởng phòng Văn hóa và Thông tin {h}", TV),
        (*pool.man(), f"Chi cục trưởng Chi cục Thuế khu vực {place.name}", TV),
        (*pool.woman(), f"Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam {h}", TV),
        (*pool.man(), f"Chủ tịch Liên đoàn Lao động {h}", TV),
        (*pool.man(), f"Chủ tịch Hội Nông dân {h}", TV),
        (*pool.woman(), f"Chủ tịch Hội Liên hiệp Phụ nữ {h}", TV),
        (*pool.man(), f"Bí thư Huyện đoàn {place.name}", TV),
        (*pool.man(), f"Giám đốc Bưu điện {h} {place.name}", TV),
    ]
    return members_from(rows)


def district_decision(doc_id: str, place: Place, *, number: str, day: dt.date, shape: str,
                      deputies=True, fail: Iterable[str] = (), **kw) -> Doc:
    pool = NamePool(doc_id)
    members = district_members(place, pool, deputies=deputies)
    bases = [LAW_2015, LAW_INSURANCE, CV3036,
             f"Căn cứ Công văn số 2458/UBND-VX ngày 02/10/2020 của UBND {place.upper} về việc "
             "kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT các cấp;"]
    deputy = members[1]
    parts = DecisionParts(
        number=number, day=day, members=members, shape=shape, bases=bases,
        proposal=f"Theo đề nghị của Giám đốc Bảo hiểm xã hội huyện {place.name} và Trưởng phòng "
                 "Nội vụ huyện.",
        signer=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", deputy.name or ""),
        recipients=("Nơi nhận:", "- Như Điều 4;", f"- UBND {place.upper};",
                    f"- BHXH {place.upper};", "- TT Huyện ủy, TT HĐND huyện;",
                    "- CT, các PCT UBND huyện;", "- UBND các xã, thị trấn;", "- Lưu: VT."),
        replaces=(f" và thay thế Quyết định số 1520/QĐ-UBND ngày 14/5/2018 của Chủ tịch UBND "
                  f"huyện {place.name} về việc kiện toàn Ban Chỉ đạo phát triển người tham gia "
                  "BHXH và Ban Chỉ đạo thực hiện BHYT toàn dân huyện"),
        **{k: kw.pop(k) for k in list(kw) if k in DecisionParts.__dataclass_fields__},
    )
    n, sym = number.split("/", 1)
    return Doc(id=doc_id, blocks=decision_blocks(place, parts), doc_type="decision",
               place=place, number=n, symbol=sym, date=day, members=members,
               cites_3036=True, fail=set(fail), **kw)


def province_decision_2020() -> Doc:
    place = province_place("Quảng Ngãi")
    pool = NamePool("qd-tinh-2020")
    rows = [
        (*pool.man(), "Phó Chủ tịch UBND tỉnh", TB),
        (*pool.man(), "Giám đốc Bảo hiểm xã hội tỉnh", PTT),
        (*pool.woman(), "Giám đốc Sở Lao động - Thương binh và Xã hội", PT),
        (*pool.man(), "Giám đốc Sở Y tế", PT),
        (*pool.man(), "Phó Trưởng Ban Tuyên giáo Tỉnh ủy", TV),
        (*pool.man(), "Phó Giám đốc Sở Tài chính", TV),
        (*pool.man(), "Phó Giám đốc Sở Kế hoạch và Đầu tư", TV),
        (*pool.woman(), "Phó Giám đốc Sở Giáo dục và Đào tạo", TV),
        (*pool.man(), "Phó Giám đốc Sở Thông tin và Truyền thông", TV),
        (*pool.man(), "Phó Cục trưởng Cục Thuế tỉnh", TV),
        (*pool.man(), "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", TV),
        (*pool.man(), "Phó Chủ tịch Liên đoàn Lao động tỉnh", TV),
        (*pool.man(), "Phó Chủ tịch Hội Nông dân tỉnh", TV),
        (*pool.woman(), "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", TV),
        (*pool.man(), "Phó Bí thư Tỉnh đoàn", TV),
        (*pool.man(), "Phó Chủ tịch Hội Cựu chiến binh tỉnh", TV),
        (*pool.man(), "Phó Giám đốc Bưu điện tỉnh, phụ trách mạng lưới đại lý thu BHXH, BHYT "
         "tại các xã, phường, thị trấn", TV),
        (*pool.woman(), "Phó Giám đốc Đài Phát thanh - Truyền hình tỉnh", TV),
    ]
    members = members_from(rows)
    day = dt.date(2020, 10, 15)
    parts = DecisionParts(
        number="1458/QĐ-UBND", day=day, members=members, shape="table",
        bases=[LAW_2015, LAW_INSURANCE,
               "Căn cứ Nghị quyết số 28-NQ/TW ngày 23 tháng 5 năm 2018 của Ban Chấp hành Trung "
               "ương về cải cách chính sách bảo hiểm xã hội;", CV3036],
        proposal="Theo đề nghị của Giám đốc Bảo hiểm xã hội tỉnh tại Tờ trình số 812/TTr-BHXH "
                 "ngày 06 tháng 10 năm 2020 và Giám đốc Sở Nội vụ.",
        signer=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", members[0].name or ""),
        recipients=("Nơi nhận:", "- Như Điều 4;", "- Bảo hiểm xã hội Việt Nam (Ban Thu);",
                    "- TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh;",
                    "- UBND các huyện, thị xã, thành phố;", "- VPUB: PCVP, KGVX, CBTH;",
                    "- Lưu: VT, KGVX(tvh)."),
        verb="Thành lập", rows=True,
        art1=("Thành lập Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế tỉnh "
              "Quảng Ngãi (sau đây gọi tắt là Ban Chỉ đạo) trên cơ sở hợp nhất Ban Chỉ đạo phát "
              "triển người tham gia bảo hiểm xã hội tỉnh và Ban Chỉ đạo thực hiện lộ trình tiến "
              "tới bảo hiểm y tế toàn dân tỉnh."),
        replaces=(" và thay thế Quyết định số 395/QĐ-UBND ngày 07/6/2019 và Quyết định số "
                  "1187/QĐ-UBND ngày 22/8/2016 của Chủ tịch UBND tỉnh"),
    )
    blocks = decision_blocks(place, parts)
    return Doc(id="qd-tinh-2020-table", blocks=blocks, doc_type="decision", place=place,
               number="1458", symbol="QĐ-UBND", date=day, members=members, cites_3036=True,
               notes="Province decision, letterhead as one table row per printed line, member "
                     "list as a 4-column table (STT | Họ và tên | Chức vụ, đơn vị | Chức danh).")


def upper_ctx(place: Place, dec_ref: str, dec_date: str, dec_by: str) -> dict[str, str]:
    if place.level == "province":
        return {
            "unit": place.unit, "UBND_full": f"Ủy ban nhân dân {place.unit}",
            "bhxh": "Bảo hiểm xã hội tỉnh", "lower": "UBND các huyện, thị xã, thành phố",
            "lower_bcd": "Ban Chỉ đạo cấp huyện",
            "report_to": "Ban Thường vụ Tỉnh ủy, UBND tỉnh và Bảo hiểm xã hội Việt Nam (qua "
                         "Ban Thu)",
            "labour_head": "Giám đốc Sở Lao động - Thương binh và Xã hội", "health": "Sở Y tế",
            "finance": "Sở Tài chính", "tax": "Cục Thuế tỉnh",
            "edu": "Sở Giáo dục và Đào tạo", "info": "Sở Thông tin và Truyền thông",
            "post": "Bưu điện tỉnh",
            "dec_ref": dec_ref, "dec_date": dec_date, "dec_by": dec_by,
        }
    return {
        "unit": place.unit, "UBND_full": f"Ủy ban nhân dân {place.unit}", "bhxh": place.bhxh,
        "lower": "UBND các xã, thị trấn", "lower_bcd": "Ban Chỉ đạo các xã, thị trấn",
        "report_to": f"UBND {place.upper} và Bảo hiểm xã hội {place.upper}",
        "labour_head": "Trưởng phòng Lao động - Thương binh và Xã hội",
        "health": "Phòng Y tế, Trung tâm Y tế huyện", "finance": "Phòng Tài chính - Kế hoạch",
        "tax": "Chi cục Thuế khu vực", "edu": "Phòng Giáo dục và Đào tạo",
        "info": "Phòng Văn hóa và Thông tin", "post": "Bưu điện huyện",
        "dec_ref": dec_ref, "dec_date": dec_date, "dec_by": dec_by,
    }


def regulation_doc(doc_id: str, place: Place, body: list[Block], *, head: Letterhead,
                   signer: tuple[str, ...] | None, dec: tuple[str, str, dt.date],
                   fail: Iterable[str] = (), unsure: Iterable[str] = (), notes="",
                   number: str | None = None, day: dt.date | None = None,
                   traps: Sequence[str] = ()) -> Doc:
    blocks: list[Block] = [head, *body]
    if signer:
        blocks.append(SignBlock((), signer))
    n, sym = (number.split("/", 1) if number else (None, None))
    return Doc(id=doc_id, blocks=blocks, doc_type="regulation", place=place, number=n,
               symbol=sym, date=day, fail=set(fail), unsure=set(unsure), notes=notes,
               has_signer=signer is not None, traps=list(traps),
               issued_by={"number": dec[0], "symbol": dec[1], "date": dec[2].isoformat()})


def combined_doc(decision: Doc, regulation: list[Block], *, fail: Iterable[str] = (),
                 reg_head: Letterhead | None = None, notes="") -> Doc:
    blocks = [*decision.blocks, PageBreak()]
    if reg_head:
        blocks.append(reg_head)
    blocks += regulation
    decision.blocks = blocks
    decision.doc_type = "combined"
    decision.fail |= set(fail)
    decision.notes = notes
    return decision


def other_cong_van() -> Doc:
    place = commune_old("An Bình", "Châu Thành", village="ấp", with_parent=False)
    day = dt.date(2023, 10, 10)
    head = letterhead(place, "215/UBND-VHXH", day,
                      summary_left="V/v báo cáo kết quả kiện toàn Ban Chỉ đạo thực hiện chính "
                                   "sách BHXH, BHYT xã")
    body = [
        Para("Kính gửi: Bảo hiểm xã hội huyện Châu Thành.", "heading"),
        Para("Thực hiện Công văn số 2657/BHXH-TCCB ngày 25/8/2023 của Bảo hiểm xã hội Việt Nam "
             "và hướng dẫn của Bảo hiểm xã hội huyện Châu Thành, Ủy ban nhân dân xã An Bình báo "
             "cáo kết quả kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã như sau:"),
        Para("1. Ngày 05/10/2023, Chủ tịch UBND xã đã ban hành Quyết định số 57/QĐ-UBND về việc "
             "kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình gồm 17 thành viên, "
             "trong đó có công chức Văn hóa - Xã hội, viên chức BHXH huyện, các hội, đoàn thể, "
             "Trưởng các ấp và Bưu điện văn hóa xã (tổ chức dịch vụ thu)."),
        Para("2. Ban Chỉ đạo đang xây dựng Quy chế hoạt động, dự kiến ban hành trước ngày "
             "20/10/2023, trong đó giao chỉ tiêu phát triển người tham gia BHXH, BHYT cho từng "
             "thành viên."),
        Para("Ủy ban nhân dân xã An Bình kính báo cáo Bảo hiểm xã hội huyện Châu Thành tổng "
             "hợp./."),
        SignBlock(("Nơi nhận:", "- Như trên;", "- UBND huyện Châu Thành (b/c);",
                   "- Lưu: VT, VHXH."),
                  ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "",
                   "Trần Thị Mai")),
    ]
    return Doc(id="other-cong-van-2023", blocks=[head, *body], doc_type="other", place=place,
               number="215", symbol="UBND-VHXH", date=day,
               traps=["names the committee, its members and the regulation, but is a report "
                      "(công văn), not a decision"],
               notes="Công văn (no type name line; trích yếu as 'V/v ...' under the number).")


def other_disaster_decision() -> Doc:
    place = commune_old("An Bình", "Châu Thành", village="ấp")
    pool = NamePool("other-qd-thien-tai-2023")
    members = members_from([
        (*pool.man(), "Chủ tịch UBND xã", TB),
        (*pool.man(), "Phó Chủ tịch UBND xã", PTT),
        (*pool.man(), "Chỉ huy trưởng Ban Chỉ huy Quân sự xã", PT),
        (*pool.man(), "Trưởng Công an xã", PT),
        (*pool.woman(), "Công chức Văn hóa - Xã hội xã", TV),
        (*pool.man(), "Công chức Địa chính - Xây dựng - Nông nghiệp và Môi trường xã", TV),
        (*pool.woman(), "Trạm trưởng Trạm Y tế xã", TV),
        (*pool.man(), "Chủ tịch Hội Chữ thập đỏ xã", TV),
        (*pool.man(), "Trưởng ấp An Phú", TV),
        (*pool.man(), "Trưởng ấp An Lợi", TV),
    ])
    day = dt.date(2023, 3, 2)
    blocks: list[Block] = [
        letterhead(place, "18/QĐ-UBND", day),
        Para("QUYẾT ĐỊNH", "heading"),
        Para("Về việc kiện toàn Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn xã An "
             "Bình năm 2023", "heading"),
        Para("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", "heading"),
        Para(LAW_2015),
        Para("Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013; Luật sửa đổi, bổ sung "
             "một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm "
             "2020;"),
        Para("Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06 tháng 7 năm 2021 của Chính phủ quy định "
             "chi tiết thi hành một số điều của Luật Phòng, chống thiên tai;"),
        Para("Theo đề nghị của Công chức Địa chính - Xây dựng - Nông nghiệp và Môi trường xã."),
        Para("QUYẾT ĐỊNH:", "heading"),
        Para("Điều 1. Kiện toàn Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn xã An "
             "Bình năm 2023 gồm các ông (bà) có tên sau:"),
        *member_blocks(members, "numbered"),
        Para("Điều 2. Ban Chỉ đạo có nhiệm vụ tham mưu, giúp UBND xã tổ chức phòng ngừa, ứng phó "
             "và khắc phục hậu quả thiên tai trên địa bàn; Trưởng ban phân công nhiệm vụ cho "
             "từng thành viên."),
        Para("Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số "
             "21/QĐ-UBND ngày 10/3/2022 của Chủ tịch UBND xã An Bình. Công chức Văn phòng - "
             "Thống kê, các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định "
             "này./."),
        SignBlock(("Nơi nhận:", "- Như Điều 3;", "- BCH PCTT và TKCN huyện;", "- Lưu: VT."),
                  ("CHỦ TỊCH", "", "", "", members[0].name or "")),
    ]
    return Doc(id="other-qd-thien-tai-2023", blocks=blocks, doc_type="other", place=place,
               number="18", symbol="QĐ-UBND", date=day, members=members,
               traps=["a decision that consolidates a 'Ban Chỉ đạo' with Trưởng ban, Phó Trưởng "
                      "ban, công chức Văn hóa - Xã hội and Trưởng ấp — but on disaster "
                      "prevention, not BHXH/BHYT"],
               notes="Unrelated decision: doc_type other, only ND30 rules run.")


def an_binh_members() -> list[Member]:
    return members_from([
        ("Ông", "Nguyễn Văn Hùng", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã", TB),
        ("Bà", "Trần Thị Mai", "Phó Chủ tịch UBND xã", PTT),
        ("Ông", "Lê Văn Tâm", "Phó Giám đốc BHXH huyện Châu Thành", PT),
        ("Bà", "Phạm Thị Hồng", "Công chức Văn hóa - Xã hội xã", TVT),
        ("Ông", "Võ Minh Trí", "Viên chức BHXH huyện Châu Thành, phụ trách thu BHXH, BHYT trên "
         "địa bàn xã An Bình", TV),
        ("Ông", "Huỳnh Văn Lợi", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã", TV),
        ("Bà", "Nguyễn Thị Lan", "Chủ tịch Hội Liên hiệp Phụ nữ xã", TV),
        ("Ông", "Đặng Văn Phúc", "Chủ tịch Hội Nông dân xã", TV),
        ("Ông", "Trương Văn Sơn", "Chủ tịch Hội Cựu chiến binh xã", TV),
        ("Anh", "Lê Quốc Bảo", "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", TV),
        ("Ông", "Phan Văn Út", "Trạm trưởng Trạm Y tế xã", TV),
        ("Bà", "Lý Thị Thu", "Công chức Tài chính - Kế toán xã", TV),
        ("Ông", "Nguyễn Văn Bé", "Trưởng ấp An Phú", TV),
        ("Ông", "Trần Văn Hai", "Trưởng ấp An Lợi", TV),
        ("Ông", "Lâm Văn Năm", "Trưởng ấp An Hòa", TV),
        ("Bà", "Đỗ Thị Kim", "Trưởng Bưu điện văn hóa xã An Bình (tổ chức dịch vụ thu có điểm "
         "thu tại xã)", TV),
        ("Bà", "Cao Thị Nga", "Nhân viên thu BHXH, BHYT của Bưu điện huyện Châu Thành tại điểm "
         "thu xã An Bình", TV),
    ])


def compose_all() -> list[Doc]:
    docs: list[Doc] = []

    # 1. Commune before 2025, decision only, numbered lines, compliant; the list crosses a page.
    an_binh = commune_old("An Bình", "Châu Thành", village="ấp")
    docs.append(commune_decision(
        "qd-xa-an-binh-2023", an_binh, number="57/QĐ-UBND", day=dt.date(2023, 10, 5),
        shape="numbered", villages=(), members=an_binh_members(),
        traps=["'Theo đề nghị của Công chức Văn hóa - Xã hội xã' (proposal line)",
               "'Bưu điện huyện Châu Thành' in Nơi nhận"],
        notes="The reference commune decision (before 1/7/2025): every CV3036/CV2657 decision "
              "rule passes; long entries wrap over two lines and the member list crosses from "
              "page 1 to page 2 in the PDF."))

    # 2. Combined decision + regulation, role-first member list, TM. signer.
    tan_phu = commune_old("Tân Phú", "Đức Hòa", village="ấp", with_parent=True)
    day = dt.date(2024, 2, 6)
    dec = commune_decision(
        "qd-qc-xa-tan-phu-2024", tan_phu, number="19/QĐ-UBND", day=day, shape="role_first",
        villages=("Tân Hòa", "Tân Lập", "Tân Thành", "Bàu Sen"), signer="tm",
        attach_regulation=True)
    ctx = commune_ctx(tan_phu, year=2024, dec_ref="19/QĐ-UBND", dec_date=dmy(day),
                      dec_by="Ủy ban nhân dân xã Tân Phú")
    docs.append(combined_doc(
        dec, commune_regulation(ctx),
        reg_head=Letterhead(("ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"), None, None),
        notes="Combined file: the decision (parent line UBND HUYỆN ĐỨC HÒA over the issuer) "
              "and, after a page break, the regulation it issues; role-first member list "
              "('- Phó Trưởng ban Thường trực: Bà ...'); every rule passes."))

    # 3. Province, 2020, member table (DOCX and PDF).
    docs.append(province_decision_2020())

    # 4. The province's regulation as UTF-16 text.
    qn = province_place("Quảng Ngãi")
    ctx = upper_ctx(qn, "1458/QĐ-UBND", "15/10/2020", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi")
    docs.append(regulation_doc(
        "qc-tinh-2020-utf16", qn, upper_regulation(ctx),
        head=Letterhead(qn.head_left, None, None), signer=None,
        dec=("1458", "QĐ-UBND", dt.date(2020, 10, 15)),
        notes="Regulation issued with qd-tinh-2020-table (same number and date); no signer, "
              "no date line of its own."))

    # 5. District 2020, "... làm Trưởng ban" (Word 97-2003 .doc).
    yen_thanh = district_place("Yên Thành", "Nghệ An")
    docs.append(district_decision(
        "qd-huyen-2020", yen_thanh, number="2895/QĐ-UBND", day=dt.date(2020, 10, 28),
        shape="lam", notes="District decision, members written '... làm Phó Trưởng ban'."))

    # 6. That district's regulation: reporting is a passing 'báo cáo kết quả tại cuộc họp'.
    ctx = upper_ctx(yen_thanh, "2895/QĐ-UBND", "28/10/2020", "Chủ tịch UBND huyện Yên Thành")
    docs.append(regulation_doc(
        "qc-huyen-2020-bao-cao-hop", yen_thanh, upper_regulation(ctx, reporting="meeting"),
        head=Letterhead(yen_thanh.head_left, None, None),
        signer=("CHỦ TỊCH", "", "", "", docs[-1].members[0].name or ""),
        dec=("2895", "QĐ-UBND", dt.date(2020, 10, 28)), fail={"CV3036-09"},
        notes="Heading 'Chế độ thông tin, báo cáo' whose only content is 'Các thành viên báo "
              "cáo kết quả tại cuộc họp của Ban Chỉ đạo.': no who-to-whom-how-often regime."))

    # 7. District 2021, members by position only; late for 3036.
    luc_ngan = district_place("Lục Ngạn", "Bắc Giang")
    docs.append(district_decision(
        "qd-huyen-2021-chuc-danh", luc_ngan, number="112/QĐ-UBND", day=dt.date(2021, 1, 12),
        shape="position", named=False, fail={"CV3036-10"},
        notes="Members given by position only ('Giám đốc BHXH huyện Lục Ngạn - Phó Trưởng "
              "ban'): ex-officio members need no names, so CV3036-03 passes; issued after "
              "31/10/2020 (CV3036-10, a note)."))

    # 8. District 2022 with no Phó Trưởng ban.
    htb = district_place("Hàm Thuận Bắc", "Bình Thuận")
    docs.append(district_decision(
        "qd-huyen-2022-khong-pho-truong-ban", htb, number="1876/QĐ-UBND",
        day=dt.date(2022, 6, 20), shape="numbered", deputies=False,
        fail={"CV3036-03", "CV3036-10"},
        traps=["the Phó Chủ tịch and the BHXH director are members, not Phó Trưởng ban"],
        notes="A Trưởng ban and members but no Phó Trưởng ban."))

    # 9. Commune after 1/7/2025, no district level, member table.
    my_hiep = commune_new("Mỹ Hiệp", "Đồng Tháp", "Cao Lãnh", village="ấp")
    docs.append(commune_decision(
        "qd-xa-my-hiep-2025-table", my_hiep, number="245/QĐ-UBND", day=dt.date(2025, 8, 15),
        shape="table", villages=("Mỹ Phú", "Mỹ Thới", "Mỹ Hưng"), signer="ct",
        fail={"CV3036-10"},
        traps=["'Phòng Văn hóa - Xã hội xã' in Nơi nhận"],
        notes="Commune after 1/7/2025: letterhead TỈNH ĐỒNG THÁP / ỦY BAN NHÂN DÂN XÃ MỸ HIỆP, "
              "BHXH cơ sở Cao Lãnh, Trưởng phòng and Chuyên viên Phòng Văn hóa - Xã hội xã; "
              "signed by the Chủ tịch without prefix."))

    # 10. Phường, old tone marks, en dashes, abbreviations; one entry hard-wrapped (UTF-8).
    thuy_duong = commune_old("Thủy Dương", "Hương Thủy", village="tổ dân phố", kind="phường",
                             with_parent=True, district_kind="thị xã")
    doc = commune_decision(
        "qd-phuong-thuy-duong-2024", thuy_duong, number="86/QĐ-UBND", day=dt.date(2024, 3, 12),
        shape="dash", villages=("1", "4", "7"), abbrev=True, fail={"CV3036-10"},
        notes="Phường under a thị xã; old tone marks (hoá, uỷ, Thuỷ), 'Văn hoá – Xã hội' with "
              "an en dash, abbreviations (UBND, UB MTTQ VN, VH-XH); Tổ trưởng tổ dân phố; one "
              "member entry broken over two lines as in text copied from a PDF.")
    doc.blocks = restyle(doc.blocks, old_style)
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Para) and "Bưu điện văn hoá phường" in b.text and b.text.startswith("-"):
            cut = b.text.index("(tổ chức")
            doc.blocks[i] = Para(b.text[:cut].rstrip() + "\n" + b.text[cut:])
    docs.append(doc)

    # 11. Đặc khu (2025), UTF-8 with BOM.
    con_dao = commune_new("Côn Đảo", "Thành phố Hồ Chí Minh", "Côn Đảo", kind="đặc khu",
                          village="tổ dân phố")
    docs.append(commune_decision(
        "qd-dac-khu-con-dao-2025", con_dao, number="31/QĐ-UBND", day=dt.date(2025, 9, 22),
        shape="lam", villages=("1", "2", "5"), signer="tm", fail={"CV3036-10"},
        notes="Đặc khu (commune level since 1/7/2025) under Thành phố Hồ Chí Minh; "
              "'... làm thành viên' list; TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH."))

    # 12. Standalone regulation under the committee's own letterhead.
    phu_thinh = commune_old("Phú Thịnh", "Tam Nông", village="thôn")
    day = dt.date(2024, 1, 8)
    ctx = commune_ctx(phu_thinh, year=2024, dec_ref="03/QĐ-BCĐ", dec_date=dmy(day),
                      dec_by="Trưởng Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Phú Thịnh",
                      t1=85, t2=300)
    docs.append(regulation_doc(
        "qc-xa-phu-thinh-letterhead-2024", phu_thinh, commune_regulation(ctx),
        head=Letterhead(("UBND XÃ PHÚ THỊNH", "BAN CHỈ ĐẠO THỰC HIỆN", "CHÍNH SÁCH BHXH, BHYT"),
                        None, None),
        signer=("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "", "", "", "Hoàng Đức Thắng"),
        dec=("03", "QĐ-BCĐ", day),
        notes="Regulation under the committee's letterhead (UBND XÃ PHÚ THỊNH / BAN CHỈ ĐẠO "
              "THỰC HIỆN CHÍNH SÁCH BHXH, BHYT), issued by decision 03/QĐ-BCĐ of the "
              "Trưởng ban; every regulation rule passes."))

    # 13. Regulation whose only responsibility is 'do Trưởng ban phân công'.
    quang_phu = commune_old("Quảng Phú", "Quảng Xương", village="thôn")
    day = dt.date(2024, 3, 12)
    ctx = commune_ctx(quang_phu, year=2024, dec_ref="85/QĐ-UBND", dec_date=dmy(day),
                      dec_by="Chủ tịch UBND xã Quảng Phú")
    docs.append(regulation_doc(
        "qc-xa-quang-phu-2024-phan-cong", quang_phu, commune_regulation(ctx, duties="assigned"),
        head=Letterhead(quang_phu.head_left, None, None),
        signer=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Lê Thị Hạnh"),
        dec=("85", "QĐ-UBND", day), fail={"CV3036-06"},
        traps=["Điều 1 lists 'trách nhiệm của Trưởng ban, Phó Trưởng ban và các thành viên' "
               "as scope only"],
        notes="The only responsibilities: 'Các thành viên Ban Chỉ đạo thực hiện nhiệm vụ do "
              "Trưởng ban phân công'."))

    # 14. BHYT-only committee (2021), Windows-1258 text.
    tan_loc = commune_old("Tân Lộc", "Thới Bình", village="ấp")
    day = dt.date(2021, 4, 9)
    docs.append(commune_decision(
        "qd-xa-tan-loc-2021-bhyt", tan_loc, number="64/QĐ-UBND", day=day, shape="numbered",
        villages=("Tân Hòa", "Tân Thành"),
        bases=[LAW_2015, "Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008 và Luật sửa đổi, "
               "bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014;",
               "Căn cứ Kế hoạch số 45/KH-UBND ngày 02/3/2021 của UBND huyện Thới Bình về "
               "thực hiện bao phủ bảo hiểm y tế toàn dân;"],
        committee_name="Ban Chỉ đạo thực hiện bảo hiểm y tế toàn dân xã Tân Lộc",
        art1=("Kiện toàn Ban Chỉ đạo thực hiện bảo hiểm y tế toàn dân xã Tân Lộc (sau đây gọi "
              "tắt là Ban Chỉ đạo) để chỉ đạo công tác phát triển người tham gia bảo hiểm y tế "
              "trên địa bàn."),
        replaces=" và thay thế Quyết định số 40/QĐ-UBND ngày 15/3/2019 của Chủ tịch UBND xã",
        fail={"CV3036-01"},
        notes="Committee named for BHYT only ('Ban Chỉ đạo thực hiện bảo hiểm y tế toàn dân'); "
              "dated before 25/8/2023, so CV2657 rules do not apply."))

    # 15. Date without leading zeros.
    vinh_thanh = commune_old("Vĩnh Thạnh", "Lấp Vò", village="ấp")
    docs.append(commune_decision(
        "qd-xa-vinh-thanh-2023-ngay-5-9", vinh_thanh, number="112/QĐ-UBND",
        day=dt.date(2023, 9, 5), shape="numbered", villages=("Vĩnh Bình", "Vĩnh Lợi"),
        zeros=False, fail={"ND30-04", "CV3036-10"},
        notes="Date line 'ngày 5 tháng 9 năm 2023' (day without its leading zero): ND30-04 "
              "warning only, the document stays compliant."))

    # 16. Commune list without the Văn hóa - Xã hội official, who is named elsewhere.
    hop_thinh = commune_old("Hợp Thịnh", "Hiệp Hòa", village="thôn")
    docs.append(commune_decision(
        "qd-xa-hop-thinh-2023-thieu-vhxh", hop_thinh, number="205/QĐ-UBND",
        day=dt.date(2023, 12, 8), shape="numbered", villages=("Đồng Tân", "Hợp Hòa"),
        vhxh="none", fail={"CV2657-01", "CV3036-10"},
        extra_art3=("Giao Công chức Văn hóa - Xã hội xã làm đầu mối giúp Ban Chỉ đạo tổng hợp "
                    "tình hình, báo cáo kết quả thực hiện.",),
        recipients=("Nơi nhận:", "- Như Điều 4;", "- UBND huyện Hiệp Hòa (b/c);",
                    "- BHXH huyện Hiệp Hòa;", "- Công chức VH-XH xã;", "- Lưu: VT."),
        traps=["'Công chức Văn hóa - Xã hội' in Căn cứ (2657), the proposal line, Điều 3 and "
               "Nơi nhận — never in the member list"],
        notes="Member list lacks the commune Văn hóa - Xã hội official."))

    # 17. A district Phòng Văn hóa và Thông tin officer instead of the commune official.
    nghia_trung = commune_old("Nghĩa Trung", "Tư Nghĩa", village="thôn")
    docs.append(commune_decision(
        "qd-xa-nghia-trung-2024-phong-vhtt", nghia_trung, number="58/QĐ-UBND",
        day=dt.date(2024, 5, 16), shape="lam", villages=("Phú Sa", "Xuân Đình"),
        vhxh="district_vhtt", fail={"CV2657-01", "CV3036-10"},
        traps=["'Chuyên viên Phòng Văn hóa và Thông tin huyện Tư Nghĩa' shares words with the "
               "required title but is a district officer"],
        notes="A district culture-and-information officer stands where the commune Văn hóa - "
              "Xã hội official should be."))

    # 18. A post-office clerk with no collection role; the collection agent only in Nơi nhận.
    binh_minh = commune_old("Bình Minh", "Thăng Bình", village="thôn")
    docs.append(commune_decision(
        "qd-xa-binh-minh-2024-nhan-vien-buu-dien", binh_minh, number="77/QĐ-UBND",
        day=dt.date(2024, 7, 2), shape="numbered", villages=("Phước Cẩm", "Bình Trúc"),
        post="clerk", fail={"CV2657-05", "CV3036-10"},
        recipients=commune_recipients(
            binh_minh, post_line="- Bưu điện huyện Thăng Bình (đại lý thu BHXH, BHYT);"),
        traps=["'nhân viên Bưu điện xã (phụ trách chuyển phát báo chí, bưu phẩm)' is a member "
               "without a collection role", "'đại lý thu' appears only in Nơi nhận"],
        notes="No collection-service organisation among the members."))

    # 19. Combined file whose regulation cites another decision number.
    long_hung = commune_old("Long Hưng", "Văn Lâm", village="thôn")
    day = dt.date(2023, 11, 20)
    dec = commune_decision(
        "qd-qc-xa-long-hung-2023-so-lech", long_hung, number="57/QĐ-UBND", day=day,
        shape="numbered", villages=("Ngọc Đà", "Long Hưng"), attach_regulation=True,
        traps=["the regulation says 'Quyết định số 75/QĐ-UBND' while the decision is 57"])
    ctx = commune_ctx(long_hung, year=2024, dec_ref="75/QĐ-UBND", dec_date=dmy(day),
                      dec_by="Chủ tịch UBND xã Long Hưng")
    docs.append(combined_doc(
        dec, commune_regulation(ctx), fail={"ND30-08", "CV3036-10"},
        reg_head=Letterhead(long_hung.head_left, None, None),
        notes="Combined file: 'Số: 57/QĐ-UBND' but the attached regulation is 'Ban hành kèm "
              "theo Quyết định số 75/QĐ-UBND ngày 20/11/2023'."))

    # 20-21. Other documents.
    docs.append(other_cong_van())
    docs.append(other_disaster_decision())

    # 22-24. Sources of the legacy-encoded samples (compliant).
    quynh_lam = commune_old("Quỳnh Lâm", "Quỳnh Lưu", village="thôn")
    docs.append(commune_decision(
        "qd-xa-quynh-lam-2023-tcvn3", quynh_lam, number="146/QĐ-UBND",
        day=dt.date(2023, 9, 18), shape="numbered", villages=("3", "7", "10"),
        fail={"CV3036-10"},
        notes="Typed in TCVN3 (ABC): body in .VnTime, capital lines in .VnTimeH."))
    thanh_chuong = district_place("Thanh Chương", "Nghệ An")
    docs.append(district_decision(
        "qd-huyen-thanh-chuong-2020-tcvn3", thanh_chuong, number="3120/QĐ-UBND",
        day=dt.date(2020, 10, 20), shape="lam",
        notes="District decision drawn as a PDF whose text layer is TCVN3 in a font named "
              ".VnTime (.VnTimeH for capital lines)."))
    hoa_khanh = commune_old("Hòa Khánh", "Cái Bè", village="ấp")
    docs.append(commune_decision(
        "qd-xa-hoa-khanh-2024-vni", hoa_khanh, number="09/QĐ-UBND", day=dt.date(2024, 1, 15),
        shape="numbered", villages=("Hòa Quý", "Hòa Lợi"), fail={"CV3036-10"},
        notes="Plain text in the VNI encoding (VNI-Times)."))
    return docs


# ------------------------------------------------------------------- rule expectations

ND30_BASE = ["ND30-01", "ND30-02", "ND30-05"]


def effective_date(doc: Doc) -> dt.date | None:
    if doc.date:
        return doc.date
    if doc.issued_by and doc.issued_by.get("date"):
        return dt.date.fromisoformat(str(doc.issued_by["date"]))
    return None


def expectations(doc: Doc) -> dict[str, list[str]]:
    """Rule statuses the sample was built to produce (rules in doc.unsure are left out)."""
    status: dict[str, str] = {}
    day = effective_date(doc)
    is_dec = doc.doc_type in ("decision", "combined")
    is_reg = doc.doc_type in ("regulation", "combined")
    # A Quy chế issued with a decision has no number, date line, signer or recipients of its
    # own: the format rules that read them do not apply to it.
    attached = doc.doc_type == "regulation" and doc.issued_by is not None
    commune_2657 = (doc.place is not None and doc.place.level == "commune" and day is not None
                    and day >= dt.date(2023, 8, 25) and doc.doc_type != "other")
    for rule in SEVERITY:
        applies = True
        if rule.startswith("CV3036-"):
            n = int(rule[-2:])
            applies = (is_dec if n in (1, 2, 3, 4, 10) else is_reg)
            if n == 10:
                applies = applies and doc.cites_3036
        elif rule.startswith("CV2657-"):
            applies = commune_2657 and (is_reg if rule == "CV2657-06" else is_dec)
        elif rule in ("ND30-03", "ND30-04", "ND30-06", "ND30-07") and attached:
            applies = False
        elif rule == "ND30-03":
            applies = doc.number is not None
        elif rule in ("ND30-06", "ND30-07"):
            applies = doc.has_signer
        elif rule == "ND30-08":
            applies = is_reg
        if not applies:
            status[rule] = "not_applicable"
        elif rule == "CV3036-10":
            late = day is not None and day > dt.date(2020, 10, 31)
            status[rule] = "fail" if late else "pass"
        else:
            status[rule] = "fail" if rule in doc.fail else "pass"
    for rule in doc.unsure:
        status.pop(rule, None)
    return {s: sorted(r for r, v in status.items() if v == s)
            for s in ("pass", "fail", "not_applicable")}


def verdict(doc: Doc, rules: dict[str, list[str]]) -> str:
    if doc.doc_type == "other":
        return "not_applicable"
    if any(SEVERITY[r] == "error" for r in rules["fail"]):
        return "non_compliant"
    return "compliant"


# ------------------------------------------------------------------------ writers


def cp1252_view(latin1_view: str) -> str:
    """The legacy bytes as Word and PDF fonts show them: 0x80-0x9F as Windows-1252."""
    out = []
    for ch in latin1_view:
        if 0x80 <= ord(ch) < 0xA0:
            with contextlib.suppress(UnicodeDecodeError):
                ch = bytes([ord(ch)]).decode("cp1252")
        out.append(ch)
    return "".join(out)


def tcvn3_runs(encode: Callable[[str, str], str]) -> Callable[[str], list[tuple[str, str]]]:
    """Word runs of TCVN3 text: .VnTime, and .VnTimeH (lower-case codes) for capitals.

    A line in capitals is set entirely in .VnTimeH; elsewhere a capital with a tone mark,
    which .VnTime cannot hold, is set alone in .VnTimeH as typists did.
    """

    def runs(text: str) -> list[tuple[str, str]]:
        letters = [c for c in text if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and len(letters) > 3:
            return [(".VnTimeH", cp1252_view(encode(text.lower(), "tcvn3")))]
        out: list[tuple[str, str]] = []
        for ch in text:
            capital = ch.isupper() and encode(ch, "tcvn3") == encode(ch.lower(), "tcvn3")
            font = ".VnTimeH" if capital else ".VnTime"
            code = cp1252_view(encode(ch.lower() if capital else ch, "tcvn3"))
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + code)
            else:
                out.append((font, code))
        return out

    return runs


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 the way Vietnamese Windows wrote it: vowel shapes precomposed, tones apart."""
    shapes = {"\u0302", "\u0306", "\u031b"}
    out: list[str] = []
    for cluster in re.findall(r".[\u0300-\u036f]*", unicodedata.normalize("NFD", text), re.S):
        marks = cluster[1:]
        base = unicodedata.normalize("NFC", cluster[0] + "".join(m for m in marks if m in shapes))
        out.append(base + "".join(m for m in marks if m not in shapes))
    return "".join(out).encode("cp1258")


def write_text(doc: Doc, path: Path, variant: str, encode=None) -> str:
    text = doc.text()
    if variant == "txt-utf8":
        path.write_bytes(text.encode("utf-8"))
        return "utf-8"
    if variant == "txt-utf8-bom":
        path.write_bytes(text.encode("utf-8-sig"))
        return "utf-8-sig"
    crlf = text.replace("\n", "\r\n")
    if variant == "txt-utf16":
        path.write_bytes(crlf.encode("utf-16"))
        return "utf-16"
    if variant == "txt-cp1258":
        path.write_bytes(cp1258_bytes(crlf))
        return "cp1258"
    if variant == "txt-vni":
        path.write_bytes(encode(crlf, "vni").encode("latin-1"))
        return "vni"
    raise ValueError(variant)


def soffice(paths: Sequence[Path], target: str, outdir: Path, profile: str) -> None:
    """Convert with LibreOffice in its own profile so parallel runs do not collide."""
    cmd = ["soffice", f"-env:UserInstallation=file:///tmp/lo-build-samples-{profile}",
           "--headless", "--convert-to", target, "--outdir", str(outdir), *map(str, paths)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)


def renamed_font(source: Path, name: str, out: Path) -> Path:
    """A copy of a TrueType font whose internal names say `name` (e.g. ".VnTime")."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), recalcTimestamp=False)
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6, 16):
            record.string = name
    font.save(str(out))
    return out


@dataclass
class Line:
    text: str
    font: str
    size: float
    x: float  # left edge, or centre when centred
    centred: bool = False


class PdfPainter:
    """Lays a composed document out on A4 pages with reportlab (no Word involved)."""

    def __init__(self, fonts: dict[str, str], transform: Callable[[str, str], str]) -> None:
        self.fonts = fonts  # role -> registered font name: "body", "bold", "caps"
        self.transform = transform  # (text, role) -> text to draw

    def layout(self, blocks: Sequence[Block]) -> list[list[Line]]:
        from reportlab.lib.units import cm
        from reportlab.pdfbase.pdfmetrics import stringWidth

        left, width, size = 3 * cm, 16.5 * cm, 12.5
        pages: list[list[Line]] = [[]]
        rows: list[list[Line]] = []

        def wrap(text: str, font: str, w: float, sz: float) -> list[str]:
            lines, cur = [], ""
            for word in text.split(" "):
                probe = f"{cur} {word}".strip()
                if cur and stringWidth(self.transform(probe, "body"), font, sz) > w:
                    lines.append(cur)
                    cur = word
                else:
                    cur = probe
            return [*lines, cur]

        def role(text: str) -> str:
            letters = [c for c in text if c.isalpha()]
            return "caps" if letters and all(c.isupper() for c in letters) else "body"

        for block in blocks:
            if isinstance(block, Letterhead):
                lcol = [*block.left, block.rule] + ([block.number_line] if block.number_line
                                                    else [])
                rcol = [MOTTO_1, MOTTO_2, "---------------"] + (
                    [block.place_date] if block.place_date else [])
                for i in range(max(len(lcol), len(rcol))):
                    row = []
                    if i < len(lcol):
                        row.append(Line(lcol[i], role(lcol[i]), 11.5, left + 3 * cm, True))
                    if i < len(rcol):
                        row.append(Line(rcol[i], role(rcol[i]), 11.5, left + 11.3 * cm, True))
                    rows.append(row)
                rows.append([])
            elif isinstance(block, Para):
                centred = block.style in ("heading", "note")
                for part in wrap(block.text, self.fonts["body"], width, size):
                    r = role(part) if centred else "body"
                    rows.append([Line(part, r, size, left + width / 2 if centred else left,
                                      centred)])
            elif isinstance(block, Table):
                for row in block.rows:
                    rows.append([Line("  ".join(row), "body", size, left)])
            elif isinstance(block, SignBlock):
                lcol = list(block.recipients)
                rcol = list(block.signer)
                for i in range(max(len(lcol), len(rcol))):
                    row = []
                    if i < len(lcol):
                        row.append(Line(lcol[i], "body", 10.5, left))
                    if i < len(rcol) and rcol[i]:
                        row.append(Line(rcol[i], role(rcol[i]), 12, left + 12 * cm, True))
                    rows.append(row)
            else:
                rows.append([Line("\f", "body", size, left)])
        y_lines = int((29.7 - 4) * cm // (size * 1.35))
        for row in rows:
            if (row and row[0].text == "\f") or len(pages[-1]) >= y_lines:
                pages.append([])
                if row and row[0].text == "\f":
                    continue
            pages[-1].append(row or [])  # type: ignore[arg-type]
        return pages  # type: ignore[return-value]

    def paint(self, blocks: Sequence[Block], path: Path, *, encrypt=None,
              max_pages: int | None = None) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import cm
        from reportlab.pdfgen import canvas

        pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt,
                            pageCompression=1)
        pdf.setTitle("")
        pages = self.layout(blocks)[:max_pages]
        for page in pages:
            y = A4[1] - 2 * cm
            for row in page:
                for line in row:  # type: ignore[union-attr]
                    font = self.fonts[line.font]
                    text = self.transform(line.text, line.font)
                    pdf.setFont(font, line.size)
                    if line.centred:
                        pdf.drawCentredString(line.x, y, text)
                    else:
                        pdf.drawString(line.x, y, text)
                y -= 12.5 * 1.35
            pdf.showPage()
        pdf.save()


# --------------------------------------------------------------------------- pipeline

# file name -> (document id or None, how it is made)
OUTPUTS: list[tuple[str, str | None, str]] = [
    ("qd-xa-an-binh-2023.pdf", "qd-xa-an-binh-2023", "pdf"),
    ("qd-qc-xa-tan-phu-2024.pdf", "qd-qc-xa-tan-phu-2024", "pdf"),
    ("qd-tinh-2020-table.docx", "qd-tinh-2020-table", "docx"),
    ("qd-tinh-2020-table.pdf", "qd-tinh-2020-table", "pdf"),
    ("qc-tinh-2020-utf16.txt", "qc-tinh-2020-utf16", "txt-utf16"),
    ("qd-huyen-2020.doc", "qd-huyen-2020", "doc"),
    ("qc-huyen-2020-bao-cao-hop.pdf", "qc-huyen-2020-bao-cao-hop", "pdf"),
    ("qd-huyen-2021-chuc-danh.pdf", "qd-huyen-2021-chuc-danh", "pdf"),
    ("qd-huyen-2022-khong-pho-truong-ban.docx", "qd-huyen-2022-khong-pho-truong-ban", "docx"),
    ("qd-xa-my-hiep-2025-table.docx", "qd-xa-my-hiep-2025-table", "docx"),
    ("qd-phuong-thuy-duong-2024.txt", "qd-phuong-thuy-duong-2024", "txt-utf8"),
    ("qd-dac-khu-con-dao-2025-bom.txt", "qd-dac-khu-con-dao-2025", "txt-utf8-bom"),
    ("qc-xa-phu-thinh-letterhead-2024.docx", "qc-xa-phu-thinh-letterhead-2024", "docx"),
    ("qc-xa-quang-phu-2024-phan-cong.docx", "qc-xa-quang-phu-2024-phan-cong", "docx"),
    ("qd-xa-tan-loc-2021-bhyt-cp1258.txt", "qd-xa-tan-loc-2021-bhyt", "txt-cp1258"),
    ("qd-xa-vinh-thanh-2023-ngay-5-9.docx", "qd-xa-vinh-thanh-2023-ngay-5-9", "docx"),
    ("qd-xa-hop-thinh-2023-thieu-vhxh.pdf", "qd-xa-hop-thinh-2023-thieu-vhxh", "pdf"),
    ("qd-xa-nghia-trung-2024-phong-vhtt.docx", "qd-xa-nghia-trung-2024-phong-vhtt", "docx"),
    ("qd-xa-binh-minh-2024-nhan-vien-buu-dien.doc", "qd-xa-binh-minh-2024-nhan-vien-buu-dien",
     "doc"),
    ("qd-qc-xa-long-hung-2023-so-lech.pdf", "qd-qc-xa-long-hung-2023-so-lech", "pdf"),
    ("other-cong-van-2023.docx", "other-cong-van-2023", "docx"),
    ("other-qd-thien-tai-2023.pdf", "other-qd-thien-tai-2023", "pdf"),
    ("qd-xa-quynh-lam-2023-tcvn3.docx", "qd-xa-quynh-lam-2023-tcvn3", "docx-tcvn3"),
    ("qd-xa-quynh-lam-2023-tcvn3.doc", "qd-xa-quynh-lam-2023-tcvn3", "doc-tcvn3"),
    ("qd-huyen-thanh-chuong-2020-tcvn3.pdf", "qd-huyen-thanh-chuong-2020-tcvn3", "pdf-tcvn3"),
    ("qd-xa-hoa-khanh-2024-vni.txt", "qd-xa-hoa-khanh-2024-vni", "txt-vni"),
    ("bad-empty.pdf", None, "empty"),
    ("bad-truncated.pdf", "qd-xa-an-binh-2023", "truncated"),
    ("bad-encrypted.pdf", "qd-xa-an-binh-2023", "encrypted"),
    ("bad-docx-named.pdf", "qd-xa-nghia-trung-2024-phong-vhtt", "docx-as-pdf"),
    ("bad-random.pdf", None, "random"),
]
LEGACY = {"docx-tcvn3", "doc-tcvn3", "pdf-tcvn3", "txt-vni"}
ERRORS = {"empty": "empty", "truncated": "corrupt", "encrypted": "encrypted",
          "random": "unsupported_format"}
ENCODING = {"docx-tcvn3": "tcvn3", "doc-tcvn3": "tcvn3", "pdf-tcvn3": "tcvn3", "txt-vni": "vni",
            "txt-cp1258": "cp1258"}


def load_encoder() -> Callable[[str, str], str] | None:
    sys.path.insert(0, str(ROOT))
    try:
        module = importlib.import_module("validator.read.legacy")
    except Exception as exc:
        print(f"legacy encoder unavailable ({exc}); legacy samples skipped", file=sys.stderr)
        return None
    return getattr(module, "encode", None)


def pdf_text_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def build(out: Path) -> list[dict]:
    docs = {d.id: d for d in compose_all()}
    encode = load_encoder()
    work = Path(tempfile.mkdtemp(prefix="build-samples-"))
    SOURCES.mkdir(parents=True, exist_ok=True)
    try:
        for doc in docs.values():
            (SOURCES / f"{doc.id}.txt").write_text(doc.text(), encoding="utf-8")
        # Word files first: the PDF and DOC samples are converted from them.
        word = {name: docs[d] for name, d, how in OUTPUTS if d and how in (
            "docx", "pdf", "doc", "docx-as-pdf", "truncated")}
        word_files: dict[str, Path] = {}
        for doc in {d.id: d for d in word.values()}.values():
            path = work / f"{doc.id}.docx"
            DocxWriter(FontPlan(unicode_runs)).write(doc.blocks, path)
            word_files[doc.id] = path
        if encode:
            doc = docs["qd-xa-quynh-lam-2023-tcvn3"]
            path = work / "tcvn3" / f"{doc.id}.docx"
            path.parent.mkdir()
            DocxWriter(FontPlan(tcvn3_runs(encode))).write(doc.blocks, path)
            word_files["tcvn3"] = path
        pdf_ids = sorted({d for _, d, how in OUTPUTS if how in ("pdf", "truncated") and d})
        doc_ids = sorted({d for _, d, how in OUTPUTS if how == "doc" and d})
        (work / "pdf").mkdir()
        (work / "doc").mkdir()
        soffice([word_files[i] for i in pdf_ids], "pdf", work / "pdf", "pdf")
        doc_inputs = [word_files[i] for i in doc_ids]
        if encode:
            doc_inputs.append(word_files["tcvn3"])
        soffice(doc_inputs, "doc:MS Word 97", work / "doc", "doc")

        entries = []
        for name, doc_id, how in OUTPUTS:
            if how in LEGACY and not encode:
                continue
            target = out / name
            doc = docs.get(doc_id) if doc_id else None
            charset = None
            if how == "docx":
                shutil.copyfile(word_files[doc_id], target)
            elif how == "pdf":
                data = (work / "pdf" / f"{doc_id}.pdf").read_bytes()
                target.write_bytes(stable_pdf(data, name))
            elif how in ("doc", "doc-tcvn3"):
                shutil.copyfile(work / "doc" / f"{doc_id}.doc", target)
            elif how == "docx-tcvn3":
                shutil.copyfile(word_files["tcvn3"], target)
            elif how.startswith("txt-"):
                charset = write_text(doc, target, how, encode)
            elif how == "pdf-tcvn3":
                paint_tcvn3(doc, target, work, encode)
            elif how == "empty":
                target.write_bytes(b"")
            elif how == "truncated":
                data = stable_pdf((work / "pdf" / f"{doc_id}.pdf").read_bytes(), name)
                target.write_bytes(data[: len(data) // 2])
            elif how == "encrypted":
                paint_encrypted(doc, target)
            elif how == "docx-as-pdf":
                shutil.copyfile(word_files[doc_id], target)
            elif how == "random":
                rng = random.Random("bad-random.pdf")
                target.write_bytes(b"\x00\x9c" + rng.randbytes(4094))
            entries.append(manifest_entry(name, doc, how, charset, target))
        return entries
    finally:
        shutil.rmtree(work, ignore_errors=True)


def paint_tcvn3(doc: Doc, target: Path, work: Path, encode) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    body = renamed_font(SERIF, ".VnTime", work / "vntime.ttf")
    caps = renamed_font(SERIF, ".VnTimeH", work / "vntimeh.ttf")
    pdfmetrics.registerFont(TTFont(".VnTime", str(body)))
    pdfmetrics.registerFont(TTFont(".VnTimeH", str(caps)))

    def transform(text: str, role: str) -> str:
        if role == "caps":
            return cp1252_view(encode(text.lower(), "tcvn3"))
        return cp1252_view(encode(text, "tcvn3"))

    PdfPainter({"body": ".VnTime", "caps": ".VnTimeH"}, transform).paint(doc.blocks, target)


def paint_encrypted(doc: Doc, target: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    encryption = StandardEncryption("mat-khau-xem", ownerPassword="mat-khau-chu", strength=128)
    PdfPainter({"body": "DejaVuSans", "caps": "DejaVuSans"}, lambda t, r: t).paint(
        doc.blocks, target, encrypt=encryption, max_pages=1)


def member_manifest(doc: Doc) -> dict:
    roles: dict[str, int] = {}
    for m in doc.members:
        roles[role_class(m.role)] = roles.get(role_class(m.role), 0) + 1
    return {
        "member_count": len(doc.members),
        "member_roles": roles,
        "members": [{"honorific": m.honorific if doc.named else None,
                     "name": m.name if doc.named else None, "role": m.role}
                    for m in doc.members],
    }


def issuer_facts(doc: Doc) -> dict:
    head = next(b for b in doc.blocks if isinstance(b, Letterhead))
    place = doc.place
    parent = place.parent if place and head.left == place.head_left else None
    issuer = place.issuer if place and head.left == place.head_left else None
    if place and head.left != place.head_left:  # the committee's own letterhead
        parent, issuer = head.left[0], " ".join(head.left[1:])
    return {"issuer": issuer, "parent": parent}


def manifest_entry(name: str, doc: Doc | None, how: str, charset: str | None,
                   path: Path) -> dict:
    data = path.read_bytes()
    fmt = {"docx": "docx", "pdf": "pdf", "doc": "doc", "docx-tcvn3": "docx",
           "doc-tcvn3": "doc", "pdf-tcvn3": "pdf", "docx-as-pdf": "docx"}.get(
               how, "txt" if how.startswith("txt-") else None)
    error = ERRORS.get(how)
    if how in ("truncated", "encrypted"):
        fmt = "pdf"
    entry: dict = {
        "file": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
        "format": fmt, "encoding": None if error else ENCODING.get(how, "unicode"),
        "charset": charset, "error": error,
    }
    if how == "docx-as-pdf":
        entry["notes"] = "A DOCX file saved with a .pdf name: the format comes from the bytes."
    if error or doc is None:
        entry.update({"expected_verdict": "error", "doc_type": None, "level": None,
                      "source": f"{SOURCE_LINK}/{doc.id}.txt" if doc else None,
                      "notes": {"empty": "Zero bytes.",
                                "truncated": "The first half of qd-xa-an-binh-2023.pdf.",
                                "encrypted": "Page 1 of qd-xa-an-binh-2023 drawn with "
                                             "reportlab and encrypted (user password "
                                             "'mat-khau-xem', RC4 128).",
                                "random": "4 KB of seeded random bytes with a .pdf name."}[how]})
        return entry
    rules = expectations(doc)
    entry.update({
        "doc_type": doc.doc_type,
        "level": doc.place.level if doc.place else "unknown",
        "era": "after-2025-07-01" if doc.place and doc.place.era == "new" else "before-2025-07-01",
        **issuer_facts(doc),
        "number": doc.number, "symbol": doc.symbol,
        "date": doc.date.isoformat() if doc.date else None,
        "issued_by_decision": doc.issued_by if doc.doc_type == "regulation" else None,
        "source": f"{SOURCE_LINK}/{doc.id}.txt",
        "expected_verdict": verdict(doc, rules),
        "rules": rules,
        "traps": doc.traps,
        "notes": entry.get("notes") or doc.notes,
    })
    if doc.doc_type == "combined":
        reg_ref = re.search(r"Quyết định số (\d+)/([^\s]+) ngày (\d\d)/(\d\d)/(\d{4})",
                            next(b.text for b in doc.blocks if isinstance(b, Para)
                                 and b.text.startswith("(Ban hành kèm")))
        assert reg_ref
        entry["issued_by_decision"] = {
            "number": reg_ref.group(1), "symbol": reg_ref.group(2),
            "date": f"{reg_ref.group(5)}-{reg_ref.group(4)}-{reg_ref.group(3)}"}
    if doc.members:
        entry.update(member_manifest(doc))
    if fmt == "pdf":
        try:
            pages = [re.sub(r"\s+", " ", t) for t in pdf_text_pages(path)]
            entry["pages"] = len(pages)
            if doc.members and doc.named and how == "pdf":
                first, last = doc.members[0].name, doc.members[-1].name
                entry["member_list_pages"] = [
                    next(i + 1 for i, t in enumerate(pages) if first and first in t),
                    next(i + 1 for i, t in enumerate(pages) if last and last in t)]
        except Exception:
            entry["pages"] = None
    return entry


# Defect-class corpora, one module each: scripts/samples_<topic>.py defines
# `build(folder: Path) -> None`, which writes samples/<topic>/ (documents and a manifest.json
# of what each one must read as). `build_samples.py --topic NAME` rebuilds one of them alone.
TOPICS: tuple[str, ...] = ("docx", "dossiers", "members", "pdf", "scans")


def build_topic(topic: str) -> None:
    module = _topic_module(topic)
    folder = SAMPLES / topic
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    module.build(folder)
    print(f"samples/{topic}/: {sum(1 for _ in folder.iterdir())} files")


def _topic_module(topic: str):
    path = Path(__file__).with_name(f"samples_{topic}.py")
    spec = importlib.util.spec_from_file_location(f"samples_{topic}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--topic"] and len(args) == 2:
        build_topic(args[1])
        return 0
    SAMPLES.mkdir(exist_ok=True)
    # Remove only what this script writes: other people keep their own files in samples/.
    for name, _, _ in OUTPUTS:
        (SAMPLES / name).unlink(missing_ok=True)
    if SOURCES.exists():
        shutil.rmtree(SOURCES)
    entries = build(SAMPLES)
    manifest = {
        "generated_by": "scripts/build_samples.py",
        "rule_severity": SEVERITY,
        "files": entries,
    }
    (SAMPLES / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    total = sum(e["bytes"] for e in entries)
    print(f"{len(entries)} samples, {total / 1024:.0f} KB in {SAMPLES}")
    for topic in TOPICS:
        build_topic(topic)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
