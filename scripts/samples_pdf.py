"""PDF text layers as offices' tools write them (topic "pdf" of scripts/build_samples.py).

Each sample is a commune's decision setting up its steering committee for social and health
insurance (invented places and people), drawn with reportlab the way one class of real
PDFs draws its text: bold faked by drawing glyphs twice, letters spaced apart, combining
accents drawn as glyphs of their own, glyphs and runs drawn out of reading order, the
number and the day written into blanks by annotations and form fields, a font without a
Unicode map, every glyph placed on its own. manifest.json says what each must read as.

Run: .venv/bin/python scripts/build_samples.py --topic pdf
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FONTS = Path("/usr/share/fonts/truetype/liberation2")
FONT_PACKAGE = "fonts-liberation2"
PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0
LEFT, RIGHT = 85.0, 540.0
LEFT_CENTRE, RIGHT_CENTRE = 170.0, 400.0


@dataclass(frozen=True)
class Member:
    honorific: str
    name: str
    position: str
    role: str


@dataclass(frozen=True)
class Decision:
    commune: str
    number: str  # "25/QĐ-UBND"
    day: int
    month: int
    chair: str
    members: tuple[Member, ...]
    year: int = 2025

    @property
    def place_date(self) -> str:
        return f"{self.commune}, ngày {self.day:02d} tháng {self.month} năm {self.year}"

    @property
    def summary(self) -> tuple[str, str]:
        return ("Về việc thành lập Ban Chỉ đạo thực hiện chính sách",
                f"bảo hiểm xã hội, bảo hiểm y tế xã {self.commune}")


@dataclass(frozen=True)
class Line:
    """One printed line: what it says, where its baseline starts, and how it is set."""

    text: str
    x: float
    y: float
    size: float = 13.0
    style: str = "regular"  # regular, bold, italic
    role: str = "body"  # header-left, header-right, title, summary, body, member, signer
    centred: bool = False

    @property
    def font(self) -> str:
        return {"regular": "Serif", "bold": "SerifBold", "italic": "SerifItalic"}[self.style]


Drawer = Callable[[Any, Line], None]  # draws a line on a reportlab canvas


@dataclass
class Sample:
    name: str
    defect: str
    decision: Decision
    draw: dict[str, Drawer] = field(default_factory=dict)  # by line role; default: plain
    order: Callable[[list[Line]], list[Line]] = list  # the order lines are drawn in
    blanks: bool = False  # number and day left blank in the page, written by annotations
    after: Callable[[Path], None] | None = None  # changes to the finished file
    notes: tuple[str, ...] = ()
    error: str | None = None  # without OCR


# ------------------------------------------------------------------------ layout


def layout(decision: Decision, blanks: bool = False) -> list[Line]:
    """The decision's printed lines, top to bottom (header columns side by side)."""
    number = "Số:        /QĐ-UBND" if blanks else f"Số: {decision.number}"
    place_date = (f"{decision.commune}, ngày       tháng {decision.month} năm {decision.year}"
                  if blanks else decision.place_date)
    lines = [
        _centred("ỦY BAN NHÂN DÂN", LEFT_CENTRE, 800, 12, "bold", "header-left"),
        _centred(f"XÃ {decision.commune.upper()}", LEFT_CENTRE, 785, 12, "bold",
                 "header-left"),
        _centred(number, LEFT_CENTRE, 758, 13, "regular", "header-left"),
        _centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT_CENTRE, 800, 12, "bold",
                 "header-right"),
        _centred("Độc lập - Tự do - Hạnh phúc", RIGHT_CENTRE, 785, 13, "bold",
                 "header-right"),
        _centred(place_date, RIGHT_CENTRE, 758, 13, "italic", "header-right"),
        _centred("QUYẾT ĐỊNH", 297, 725, 14, "bold", "title"),
        *(_centred(text, 297, 708 - 16 * k, 13, "bold", "summary")
          for k, text in enumerate(decision.summary)),
        _centred(f"ỦY BAN NHÂN DÂN XÃ {decision.commune.upper()}", 297, 655, 13, "bold",
                 "title"),
    ]
    body = [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024;",
        "Theo đề nghị của công chức Văn hóa - Xã hội xã.",
    ]
    y = 625.0
    for text in body:
        lines.append(Line(text, LEFT + 28, y))
        y -= 20
    lines.append(_centred("QUYẾT ĐỊNH:", 297, y - 4, 14, "bold", "title"))
    y -= 30
    lines.append(Line("Điều 1. Thành lập Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội,",
                      LEFT + 28, y))
    lines.append(Line(f"bảo hiểm y tế xã {decision.commune}, gồm các ông, bà có tên sau:",
                      LEFT, y - 20))
    y -= 44
    for k, member in enumerate(decision.members, 1):
        lines.append(Line(f"{k}. {member.honorific} {member.name}, {member.position} - "
                          f"{member.role};", LEFT + 28, y, role="member"))
        y -= 20
    lines.append(Line("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", LEFT + 28, y))
    y -= 34
    lines += [
        Line("Nơi nhận:", LEFT, y, 12, "bold", "signer"),
        Line("- Như Điều 2;", LEFT, y - 15, 11, "regular", "signer"),
        Line("- Lưu: VT.", LEFT, y - 29, 11, "regular", "signer"),
        _centred("TM. ỦY BAN NHÂN DÂN", 420, y, 13, "bold", "signer"),
        _centred("CHỦ TỊCH", 420, y - 16, 13, "bold", "signer"),
        _centred(decision.chair, 420, y - 80, 13, "bold", "signer"),
    ]
    return lines


def _centred(text: str, centre: float, y: float, size: float, style: str, role: str) -> Line:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = {"regular": "Serif", "bold": "SerifBold", "italic": "SerifItalic"}[style]
    return Line(text, centre - stringWidth(text, font, size) / 2, y, size, style, role, True)


# ----------------------------------------------------------------------- drawers


def plain(canvas, line: Line) -> None:
    canvas.setFont(line.font, line.size)
    canvas.drawString(line.x, line.y, line.text)


def glyph_by_glyph(extra: float = 0.0, shuffle: random.Random | None = None,
                   twice: float = 0.0) -> Drawer:
    """Every glyph drawn on its own, `extra` points apart (letter spacing), in a shuffled
    order, or twice with an offset of `twice` points (fake bold)."""

    def draw(canvas, line: Line) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        placed, x = [], line.x - (extra * len(line.text) / 2 if line.centred else 0.0)
        for char in line.text:
            if not char.isspace():
                placed.append((x, char))
            x += stringWidth(char, line.font, line.size) + extra
        if shuffle is not None:
            shuffle.shuffle(placed)
        canvas.setFont(line.font, line.size)
        for x, char in placed:
            canvas.drawString(x, line.y, char)
            if twice:
                canvas.drawString(x + twice, line.y, char)

    return draw


def letter_spaced(spacing: float) -> Drawer:
    """A run set with character spacing (Word's "expanded" text)."""

    def draw(canvas, line: Line) -> None:
        shift = spacing * len(line.text) / 2 if line.centred else 0.0  # stay centred
        text = canvas.beginText(line.x - shift, line.y)
        text.setFont(line.font, line.size)
        text.setCharSpace(spacing)
        text.textOut(line.text)
        text.setCharSpace(0)  # the spacing would outlive the text object otherwise
        canvas.drawText(text)

    return draw


def duplicated_run(offset: float) -> Drawer:
    """The line drawn whole, then again word by word with a small offset (fake bold by a
    second, differently split run)."""

    def draw(canvas, line: Line) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        plain(canvas, line)
        x = line.x + offset
        for word in line.text.split(" "):
            canvas.drawString(x, line.y - offset / 2, word)
            x += stringWidth(word + " ", line.font, line.size)

    return draw


def decomposed(canvas, line: Line) -> None:
    """Accents as combining marks after their letters (NFD), each its own glyph."""
    canvas.setFont(line.font, line.size)
    canvas.drawString(line.x, line.y, unicodedata.normalize("NFD", line.text))


def marks_afterwards(canvas, line: Line) -> None:
    """Letters first, then every combining mark drawn over its letter in a second pass."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    letters, marks, x = [], [], line.x
    for char in unicodedata.normalize("NFD", line.text):
        if unicodedata.combining(char):
            marks.append((letters[-1][0], char))
            continue
        letters.append((x, char))
        x += stringWidth(char, line.font, line.size)
    canvas.setFont(line.font, line.size)
    canvas.drawString(line.x, line.y, "".join(char for _x, char in letters))
    for x, mark in marks:  # a zero-width mark's ink is centred on its origin
        width = stringWidth(next(c for p, c in letters if p == x), line.font, line.size)
        canvas.drawString(x + width / 2, line.y, mark)


def bottom_up(lines: list[Line]) -> list[Line]:
    """The right header column before the left one, the body from the last line up."""
    right = [line for line in lines if line.role == "header-right"]
    left = [line for line in lines if line.role == "header-left"]
    rest = [line for line in lines if not line.role.startswith("header")]
    return right + left + rest[::-1]


# -------------------------------------------------------------------- annotations


def write_into_blanks(canvas, decision: Decision, lines: list[Line]) -> None:
    """The number as a FreeText annotation with an appearance stream, the day as a text
    field (a widget), where a signing tool writes them: into the blanks."""
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.pdfmetrics import stringWidth

    number_line = next(line for line in lines if line.text.startswith("Số:"))
    date_line = next(line for line in lines if ", ngày" in line.text)
    number = decision.number.split("/")[0]
    left = number_line.x + stringWidth("Số: ", number_line.font, number_line.size)
    width = stringWidth(number, "Helvetica", 13) + 4
    canvas.beginForm("number", 0, 0, width, 18)
    canvas.setFont("Helvetica", 13)
    canvas.drawString(2, 4, number)
    canvas.endForm()
    form = canvas._doc.Reference(canvas._doc.idToObject["FormXob.number"])
    canvas.freeTextAnnotation(number, DA="/Helv 13 Tf 0 g",
                              Rect=(left, number_line.y - 4, left + width, number_line.y + 14),
                              AP=pdfdoc.PDFDictionary({"N": form}))
    day_left = date_line.x + stringWidth(f"{decision.commune}, ngày ", date_line.font,
                                         date_line.size)
    canvas.acroForm.textfield(name="day", value=f"{decision.day:02d}", x=day_left,
                              y=date_line.y - 4, width=20, height=17, borderWidth=0,
                              fontName="Helvetica", fontSize=12, fillColor=None)


# ------------------------------------------------------------------------ building


def remove_unicode_maps(path: Path) -> None:
    """The "font lỗi" PDF: fonts without a ToUnicode map (blanked, offsets kept)."""
    data = path.read_bytes()
    path.write_bytes(re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), data))


def samples() -> list[Sample]:
    shuffle = random.Random("samples_pdf")
    return [
        Sample("fake-bold.pdf", "bold drawn twice: glyph by glyph with an offset, and as a "
               "second run split differently", _decision("Phước Sơn", 25, 15, 10),
               draw={"title": glyph_by_glyph(twice=1.2), "summary": duplicated_run(0.8),
                     "header-left": duplicated_run(0.8),
                     "header-right": glyph_by_glyph(twice=1.2)}),
        Sample("letter-spaced.pdf", "letters spaced apart: character spacing, and glyphs "
               "placed one by one with extra space", _decision("Tân Hòa", 31, 3, 11),
               draw={"title": letter_spaced(3.0), "header-right": letter_spaced(1.2),
                     "member": glyph_by_glyph(extra=0.8)}),
        Sample("combining-marks.pdf", "accents drawn as combining marks of their own, after "
               "their letters and in a second pass", _decision("Mỹ Lộc", 18, 22, 9),
               draw={"body": decomposed, "member": decomposed, "title": marks_afterwards,
                     "summary": marks_afterwards, "header-right": decomposed,
                     "signer": marks_afterwards}),
        Sample("out-of-order.pdf", "lines drawn bottom up, the right header column first, "
               "glyphs of some lines in a shuffled order", _decision("Đông Xuyên", 42, 7, 8),
               draw={"title": glyph_by_glyph(shuffle=shuffle),
                     "member": glyph_by_glyph(shuffle=shuffle),
                     "header-left": glyph_by_glyph(shuffle=shuffle)}, order=bottom_up),
        Sample("annotations.pdf", "number and day left blank in the page and written by a "
               "FreeText annotation and a form field", _decision("Bình Lợi", 57, 28, 10),
               blanks=True),
        Sample("no-tounicode.pdf", "fonts without a Unicode map (\"font lỗi\"): read by OCR, "
               "or no text when OCR is off", _decision("Hòa Khánh", 63, 5, 12),
               after=remove_unicode_maps, notes=("unmapped_font",), error="no_text"),
        Sample("many-glyphs.pdf", "every glyph placed on its own, as Word and signing tools "
               "export", _decision("An Thạnh", 76, 12, 11),
               draw={role: glyph_by_glyph() for role in
                     ("header-left", "header-right", "title", "summary", "body", "member",
                      "signer")}),
    ]


def _decision(commune: str, number: int, day: int, month: int) -> Decision:
    people = random.Random(commune)
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Huỳnh", "Đặng", "Bùi"]
    middles = {"Ông": ["Văn", "Minh", "Hữu", "Quang"], "Bà": ["Thị", "Ngọc", "Thanh"]}
    given = {"Ông": ["Khánh", "Đức", "Tùng", "Lộc", "Dũng", "Hòa"],
             "Bà": ["Hà", "Ánh", "Phượng", "Thảo", "Quý", "Mai"]}

    def name(honorific: str) -> str:
        return (f"{people.choice(surnames)} {people.choice(middles[honorific])} "
                f"{people.choice(given[honorific])}")

    chair = name("Ông")
    members = (
        Member("Ông", chair, "Chủ tịch UBND xã", "Trưởng ban"),
        Member("Bà", name("Bà"), "Phó Chủ tịch UBND xã", "Phó Trưởng ban"),
        Member("Ông", name("Ông"), "Công chức Văn hóa - Xã hội", "Thành viên"),
        Member("Bà", name("Bà"), "Trạm trưởng Trạm Y tế xã", "Thành viên"),
        Member("Ông", name("Ông"), "Viên chức Bảo hiểm xã hội khu vực", "Thành viên"),
    )
    return Decision(commune=commune, number=f"{number}/QĐ-UBND", day=day, month=month,
                    chair=chair, members=members)


def register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = {"Serif": "LiberationSerif-Regular.ttf", "SerifBold": "LiberationSerif-Bold.ttf",
             "SerifItalic": "LiberationSerif-Italic.ttf"}
    for name, file in files.items():
        if not (FONTS / file).exists():
            raise SystemExit(f"{FONTS / file} is missing: apt-get install {FONT_PACKAGE}")
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))


def write(sample: Sample, path: Path) -> list[Line]:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)
    canvas.setTitle(f"Quyết định thành lập Ban Chỉ đạo - {sample.decision.commune}")
    lines = layout(sample.decision, sample.blanks)
    for line in sample.order(lines):
        sample.draw.get(line.role, plain)(canvas, line)
    if sample.blanks:
        write_into_blanks(canvas, sample.decision, lines)
    canvas.showPage()
    canvas.save()
    if sample.after is not None:
        sample.after(path)
    return lines


def manifest_entry(sample: Sample, lines: list[Line]) -> dict:
    """What the sample must read as: every printed line (the signer block's two columns
    share rows), the header columns, number, date, type name, summary, reading notes."""
    decision = sample.decision
    printed = layout(decision)  # as printed, the blanks filled in
    return {
        "file": sample.name,
        "defect": sample.defect,
        "lines": [line.text for line in printed if line.role != "signer"],
        "signer_lines": [line.text for line in printed if line.role == "signer"],
        "header_left": [line.text for line in printed if line.role == "header-left"],
        "header_right": [line.text for line in printed if line.role == "header-right"],
        "number": decision.number,
        "date": f"{decision.year}-{decision.month:02d}-{decision.day:02d}",
        "type_name": "QUYẾT ĐỊNH",
        "summary": " ".join(decision.summary),
        "notes": list(sample.notes),
        "error_without_ocr": sample.error,
        "drawn_lines": len(lines),
    }


def build(folder: Path) -> None:
    register_fonts()
    entries = []
    for sample in samples():
        lines = write(sample, folder / sample.name)
        entries.append(manifest_entry(sample, lines))
    manifest = {"generated_by": "scripts/samples_pdf.py", "files": entries}
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
