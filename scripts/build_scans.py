"""Make scanned-looking copies of the sample PDFs, for the OCR tests and bench.

Each page is rendered to a bitmap, a semi-transparent red stamp and a blue scribbled
signature are put over the signer block (the way ink lies on paper: multiplied), the page
is rotated 1-2 degrees, blurred slightly, speckled, and saved as JPEG inside an image-only
PDF under samples/scanned/, plus a PNG and a multi-page TIFF example.

    .venv/bin/python scripts/build_scans.py            # every samples/*.pdf (+ the demo)
    .venv/bin/python scripts/build_scans.py --demo     # only the built-in demo decision

The demo is a commune decision (two-column header, articles, member list, a table, the
signer "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn Bình") with its attached regulation,
drawn with reportlab, so the scans can be built before any sample exists.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCANNED = SAMPLES / "scanned"
DEMO_PDF = SCANNED / "demo-decision-native.pdf"
# Liberation Serif 2 (Times New Roman metrics, full Vietnamese), Debian's fonts-liberation2.
# The older liberation/ folder lacks precomposed Vietnamese capitals, so it is not used, and
# there is no fallback: another font lays the demo out over other pages, and the tests that
# read it would check a different document.
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONT_PACKAGE = "fonts-liberation2"
MAX_BYTES = 1_500_000
BUILT = time.gmtime(1_704_067_200)  # 2024-01-01, the scans' PDF dates: the same on every build
A4_HEIGHT = 841.89
SIGNER_NAME = "Nguyễn Văn Bình"
AUTHORITY_WORDS = ("CHỦ TỊCH", "TRƯỞNG BAN", "GIÁM ĐỐC", "KT.", "TM.")


# ------------------------------------------------------------------ demo decision

HEADER_LEFT = [("ỦY BAN NHÂN DÂN", False), ("XÃ AN BÌNH", True), ("", False),
               ("Số: 57/QĐ-UBND", False)]
HEADER_RIGHT = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
                ("Độc lập - Tự do - Hạnh phúc", True), ("", False),
                ("An Bình, ngày 05 tháng 10 năm 2023", False)]
# The typed copy an office signs: the number and the day are left blank and written in by
# hand after signing (see handwriting_layer); the blanks are the "........" runs.
BLANK_NUMBER = "Số: ........ /QĐ-UBND"
BLANK_DATE = "An Bình, ngày ...... tháng ...... năm 2023"
HANDWRITTEN = ("57", "05", "10")  # what is written into the three blanks
HEADER_SIZE = 12.5  # points
# Bold capitals whose circumflex a worn print, a fax or a coarse scan loses while the acute
# or dot below stays: what Tesseract then reads ("QUYÉT ĐỊNH"), printed so.
WORN_MARKS = {"QUYẾT": "QUYÉT", "VIỆT": "VIẸT"}

DECISION_BODY = [
    ("title", "QUYẾT ĐỊNH"),
    ("center", "Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, "
               "bảo hiểm y tế xã An Bình"),
    ("title", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH"),
    ("para", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
    ("para", "Căn cứ Nghị định số 33/2023/NĐ-CP ngày 10 tháng 6 năm 2023 của Chính phủ quy "
             "định về cán bộ, công chức, người hoạt động không chuyên trách ở cấp xã;"),
    ("para", "Căn cứ Công văn số 2657/BHXH-TCCB ngày 25 tháng 8 năm 2023 của Bảo hiểm xã hội "
             "Việt Nam về việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT;"),
    ("para", "Theo đề nghị của công chức Văn hóa - Xã hội xã."),
    ("title", "QUYẾT ĐỊNH:"),
    ("para", "Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm "
             "y tế xã An Bình (sau đây gọi tắt là Ban Chỉ đạo), gồm các ông, bà có tên sau:"),
    ("item", "1. Ông Nguyễn Văn Bình, Phó Chủ tịch UBND xã - Trưởng ban;"),
    ("item", "2. Bà Trần Thị Tố Uyên, Giám đốc Bảo hiểm xã hội huyện Phú Giáo - Phó Trưởng ban;"),
    ("item", "3. Ông Lê Văn Hùng, công chức Văn hóa - Xã hội xã - Phó Trưởng ban Thường trực;"),
    ("item", "4. Bà Phạm Thị Lan, Chủ tịch Hội Liên hiệp Phụ nữ xã - Thành viên;"),
    ("item", "5. Ông Hoàng Văn Nam, Chủ tịch Hội Nông dân xã - Thành viên;"),
    ("item", "6. Ông Đỗ Minh Tuấn, Bí thư Đoàn Thanh niên xã - Thành viên;"),
    ("item", "7. Ông Vũ Văn Kế, Trưởng thôn Đông Hòa - Thành viên;"),
    ("item", "8. Bà Ngô Thị Hoa, Tổ trưởng Tổ dân phố số 3 - Thành viên;"),
    ("item", "9. Bà Đặng Thị Mai, nhân viên Điểm thu Bưu điện xã An Bình - Thành viên."),
    ("para", "Điều 2. Ban Chỉ đạo có nhiệm vụ giúp Ủy ban nhân dân xã chỉ đạo thực hiện chính "
             "sách bảo hiểm xã hội, bảo hiểm y tế trên địa bàn; hoạt động theo Quy chế ban hành "
             "kèm theo Quyết định này. Quyết định này có hiệu lực kể từ ngày ký và thay thế "
             "Quyết định số 12/QĐ-UBND ngày 15 tháng 3 năm 2021."),
    ("para", "Điều 3. Văn phòng HĐND và UBND xã, các thành viên Ban Chỉ đạo và các cá nhân "
             "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."),
]

RECIPIENTS = ["Nơi nhận:", "- Như Điều 3;", "- BHXH huyện Phú Giáo;", "- Lưu: VT."]
SIGNER = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]

REGULATION_BODY = [
    ("title", "QUY CHẾ"),
    ("center", "Hoạt động của Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế "
               "xã An Bình"),
    ("center", "(Ban hành kèm theo Quyết định số 57/QĐ-UBND ngày 05 tháng 10 năm 2023 của "
               "Chủ tịch Ủy ban nhân dân xã An Bình)"),
    ("title", "Chương I"),
    ("title", "QUY ĐỊNH CHUNG"),
    ("para", "Điều 1. Quy chế này quy định nhiệm vụ, trách nhiệm của Ban Chỉ đạo và của từng "
             "thành viên, chế độ sơ kết, tổng kết và chế độ thông tin, báo cáo."),
    ("title", "Chương II"),
    ("title", "NHIỆM VỤ, TRÁCH NHIỆM"),
    ("para", "Điều 2. Ban Chỉ đạo xây dựng kế hoạch phát triển người tham gia bảo hiểm xã hội, "
             "bảo hiểm y tế hằng năm; giao chỉ tiêu cho từng thành viên và từng thôn, tổ dân phố."),
    ("para", "Điều 3. Trưởng ban chỉ đạo chung; Phó Trưởng ban Thường trực tổng hợp tình hình; "
             "Tổ trưởng Tổ dân phố và Trưởng thôn tuyên truyền, vận động người dân tham gia. "
             "Thành viên là nhân viên Điểm thu chịu trách nhiệm tổ chức thu và đối soát."),
    ("title", "Chương III"),
    ("title", "CHẾ ĐỘ THÔNG TIN, BÁO CÁO"),
    ("para", "Điều 4. Định kỳ hằng quý các thành viên báo cáo Trưởng ban kết quả thực hiện; "
             "Ban Chỉ đạo sơ kết 6 tháng, tổng kết năm, đánh giá từng thành viên và báo cáo "
             "Ủy ban nhân dân xã, Bảo hiểm xã hội huyện trước ngày 15 của tháng cuối quý."),
    ("para", "Điều 5. Chỉ tiêu phát triển người tham gia năm 2024 giao cho từng thành viên:"),
]

TARGET_TABLE = [
    ("STT", "Thành viên", "BHXH tự nguyện", "BHYT hộ gia đình"),
    ("1", "Hội Liên hiệp Phụ nữ xã", "25 người", "120 người"),
    ("2", "Hội Nông dân xã", "30 người", "150 người"),
    ("3", "Đoàn Thanh niên xã", "15 người", "80 người"),
    ("4", "Tổ dân phố số 3", "10 người", "60 người"),
]


class MissingFontError(FileNotFoundError):
    """The scan fixtures need a font that is not installed; the message names the package."""


def _font_path(bold: bool = False, italic: bool = False) -> Path:
    serif = "LiberationSerif-" + ("BoldItalic" if bold and italic else "Bold" if bold
                                  else "Italic" if italic else "Regular") + ".ttf"
    path = FONT_DIR / serif
    if not path.exists():
        raise MissingFontError(
            f"{path} is missing: install the Debian package {FONT_PACKAGE} "
            f"(scripts/install-system-packages.sh does)")
    return path


def make_demo_pdf(path: Path = DEMO_PDF, blanks: bool = False,
                  worn: dict[str, str] | None = None) -> Path:
    """Write the demo decision + regulation as a native (text) PDF and return its path;
    blanks=True leaves the number and the day blank for handwriting; worn words (WORN_MARKS)
    are printed without the marks a worn copy lost."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name, bold in (("Body", False), ("Bold", True)):
        pdfmetrics.registerFont(TTFont(name, str(_font_path(bold=bold))))
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    margin_left, margin_right = 85.0, 57.0
    text_width = width - margin_left - margin_right

    class Cursor:
        y = height - 57.0

    def line(text: str, x: float, font: str = "Body", size: float = 12, how: str = "left"):
        for printed, lost in (worn or {}).items():
            text = text.replace(printed, lost)
        pdf.setFont(font, size)
        if how == "center":
            pdf.drawCentredString(x, Cursor.y, text)
        else:
            pdf.drawString(x, Cursor.y, text)

    def flow(kind: str, text: str) -> None:
        font = "Bold" if kind == "title" else "Body"
        indent = 28.0 if kind in ("para", "item") else 0.0
        for number, part in enumerate(simpleSplit(text, font, 12, text_width - indent)):
            if Cursor.y < 70:
                pdf.showPage()
                Cursor.y = height - 57.0
            if kind in ("title", "center"):
                line(part, margin_left + text_width / 2, font, 12, "center")
            else:
                line(part, margin_left + (indent if number == 0 else 0), font)
            Cursor.y -= 16.5
        Cursor.y -= 3

    # Header: two centred columns, the way Nghị định 30 lays them out.
    left_column, right_column = list(HEADER_LEFT), list(HEADER_RIGHT)
    if blanks:
        left_column[-1], right_column[-1] = (BLANK_NUMBER, False), (BLANK_DATE, False)
    for (left, left_bold), (right, right_bold) in zip(left_column, right_column, strict=True):
        line(left, 150, "Bold" if left_bold else "Body", HEADER_SIZE, "center")
        line(right, 395, "Bold" if right_bold else "Body", HEADER_SIZE, "center")
        Cursor.y -= 18
    Cursor.y -= 18
    for kind, text in DECISION_BODY:
        flow(kind, text)
    _signer_block(pdf, Cursor, line)
    pdf.showPage()
    Cursor.y = height - 57.0
    for kind, text in REGULATION_BODY:
        flow(kind, text)
    _table(pdf, Cursor, margin_left)
    pdf.showPage()
    pdf.save()
    return path


def _signer_block(pdf, cursor, line) -> None:
    if cursor.y < 150:  # the signer block is never split across pages
        pdf.showPage()
        cursor.y = A4_HEIGHT - 57.0
    cursor.y -= 12
    top = cursor.y
    for number, text in enumerate(RECIPIENTS):
        line(text, 85, "Bold" if number == 0 else "Body", 11)
        cursor.y -= 15
    cursor.y = top
    for text in SIGNER:
        line(text, 420, "Bold", 13, "center")
        cursor.y -= 18
    cursor.y -= 56  # room for the signature and stamp
    line(SIGNER_NAME, 420, "Bold", 13, "center")
    cursor.y -= 30


def _table(pdf, cursor, left: float) -> None:
    columns = [left, left + 40, left + 215, left + 345]
    for number, row in enumerate(TARGET_TABLE):
        pdf.setFont("Bold" if number == 0 else "Body", 12)
        for x, cell in zip(columns, row, strict=True):
            pdf.drawString(x, cursor.y, cell)
        pdf.setLineWidth(0.5)
        pdf.line(left - 4, cursor.y - 6, left + 470, cursor.y - 6)
        cursor.y -= 22


# ------------------------------------------------------------------- scan effects


@dataclass(frozen=True)
class ScanSettings:
    dpi: int = 200
    angle: float = 1.5  # degrees, counter-clockwise
    blur: float = 0.7
    speckle: float = 0.0015  # share of pixels turned into dust
    grain: float = 5.0  # paper grain, standard deviation in gray levels (0 keeps PNGs small)
    jpeg_quality: int = 55
    stamp: bool = True
    seal: tuple[int, int, int] = (215, 35, 45)  # red ink; some offices' seals are blue
    seed: int = 7


def render_pages(pdf_path: Path, dpi: int) -> list[Image.Image]:
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def signer_anchor(pdf_path: Path) -> tuple[int, float, float] | None:
    """(page index, x, y) in points from the top-left, just under the last authority line."""
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        for index in reversed(range(len(document))):
            page = document[index]
            text_page = page.get_textpage()
            height = page.get_height()
            found = None
            for word in AUTHORITY_WORDS:
                searcher = text_page.search(word, match_case=True)
                while (hit := searcher.get_next()) is not None:
                    left, bottom, right, _top = text_page.get_charbox(hit[0] + hit[1] - 1)
                    if found is None or height - bottom > found[2]:
                        found = (index, (left + right) / 2, height - bottom)
            if found is not None:
                return found
        return None
    finally:
        document.close()


def _multiply(page: Image.Image, ink: Image.Image) -> Image.Image:
    """Lay RGBA ink on the page the way ink lies on paper: colours multiply."""
    base = np.asarray(page, dtype=np.float32) / 255
    layer = np.asarray(ink, dtype=np.float32) / 255
    alpha = layer[..., 3:4]
    tinted = base * (1 - alpha + alpha * layer[..., :3])
    return Image.fromarray((tinted * 255).astype(np.uint8), "RGB")


def stamp_layer(size: tuple[int, int], centre: tuple[float, float], radius: float,
                rng: random.Random, ink: tuple[int, int, int] = (215, 35, 45)) -> Image.Image:
    """A round seal: two rings, text around them, a star and a line of text inside."""
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    red = (*ink, 200)
    cx, cy = centre
    for scale, width in ((1.0, max(3, int(radius / 25))), (0.78, max(2, int(radius / 45)))):
        r = radius * scale
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=width)
    font = ImageFont.truetype(str(_font_path(bold=True)), int(radius * 0.16))
    ring_text = "ỦY BAN NHÂN DÂN * XÃ AN BÌNH * TỈNH BÌNH DƯƠNG * "
    for index, char in enumerate(ring_text):
        angle = 2 * math.pi * index / len(ring_text) - math.pi / 2
        glyph = Image.new("RGBA", (int(radius * 0.3),) * 2, (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), char, font=font,
                                   fill=red, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        r = radius * 0.89
        layer.alpha_composite(glyph, (int(cx + r * math.cos(angle) - glyph.width / 2),
                                      int(cy + r * math.sin(angle) - glyph.height / 2)))
    star = []
    for k in range(10):  # a five-pointed star: outer and inner points alternate
        reach = radius * (0.2 if k % 2 == 0 else 0.08)
        angle = math.pi * k / 5 - math.pi / 2
        star.append((cx + reach * math.cos(angle), cy - radius * 0.25 + reach * math.sin(angle)))
    draw.polygon(star, fill=red)
    inner = ImageFont.truetype(str(_font_path(bold=True)), int(radius * 0.17))
    draw.text((cx, cy + radius * 0.2), "CHỦ TỊCH", font=inner, fill=red, anchor="mm")
    # Ink is uneven: thin it out at random so the seal looks pressed, not printed.
    alpha = np.asarray(layer, dtype=np.uint8).copy()
    holes = np.random.default_rng(rng.randrange(2**32)).random(alpha.shape[:2]) < 0.18
    alpha[..., 3][holes] //= 3
    return Image.fromarray(alpha, "RGBA")


def signature_layer(size: tuple[int, int], box: tuple[float, float, float, float],
                    rng: random.Random) -> Image.Image:
    """A blue pen scribble inside box (x0, y0, x1, y1): a few loops and a long tail."""
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    x0, y0, x1, y1 = box
    points = []
    steps = 220
    loops = rng.uniform(3, 5)
    for step in range(steps):
        t = step / steps
        x = x0 + (x1 - x0) * t + (x1 - x0) * 0.06 * math.sin(2 * math.pi * loops * t)
        y = (y0 + y1) / 2 + (y1 - y0) * 0.45 * math.sin(2 * math.pi * loops * t + 1) * (1 - t)
        points.append((x, y + (y1 - y0) * 0.3 * t))
    draw.line(points, fill=(35, 60, 170, 230), width=max(2, int((y1 - y0) / 30)), joint="curve")
    return layer


# Digits as pen strokes in a unit box (x right, y down): what a hand writes, not a font.
DIGIT_STROKES = {
    "0": [[(0.5 + 0.42 * math.cos(t / 8 * math.pi), 0.5 + 0.5 * math.sin(t / 8 * math.pi))
           for t in range(17)]],
    "1": [[(0.2, 0.3), (0.55, 0.0), (0.5, 1.0)]],
    "2": [[(0.1, 0.3), (0.3, 0.03), (0.7, 0.03), (0.88, 0.3), (0.7, 0.6), (0.08, 1.0),
           (0.95, 0.97)]],
    "3": [[(0.12, 0.1), (0.8, 0.05), (0.42, 0.45), (0.88, 0.65), (0.72, 0.97), (0.1, 0.88)]],
    "4": [[(0.72, 1.0), (0.7, 0.0), (0.05, 0.68), (0.95, 0.7)]],
    "5": [[(0.88, 0.0), (0.22, 0.02), (0.15, 0.45), (0.62, 0.4), (0.9, 0.68), (0.68, 0.97),
           (0.1, 0.9)]],
    "6": [[(0.8, 0.04), (0.32, 0.3), (0.12, 0.72), (0.42, 1.0), (0.8, 0.84), (0.74, 0.55),
           (0.3, 0.56), (0.15, 0.72)]],
    "7": [[(0.05, 0.02), (0.95, 0.0), (0.38, 1.0)]],
    "8": [[(0.5, 0.5), (0.15, 0.24), (0.5, 0.0), (0.85, 0.24), (0.5, 0.5), (0.1, 0.76),
           (0.5, 1.0), (0.9, 0.76), (0.5, 0.5)]],
    "9": [[(0.85, 0.35), (0.5, 0.0), (0.15, 0.28), (0.5, 0.52), (0.85, 0.35), (0.78, 1.0)]],
}


def blank_boxes(pdf_path: Path) -> list[tuple[int, float, float, float, float]]:
    """(page index, x0, top, x1, baseline) in points of every run of six dots or more: the
    blanks a typed copy leaves for handwriting, one line of header print high."""
    document = pdfium.PdfDocument(str(pdf_path))
    boxes = []
    try:
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            height = page.get_height()
            text = text_page.get_text_range()
            for run in re.finditer(r"\.{6,}", text):
                first = text_page.get_charbox(run.start())
                last = text_page.get_charbox(run.end() - 1)
                baseline = height - min(first[1], last[1])
                boxes.append((index, first[0], baseline - HEADER_SIZE, last[2], baseline))
    finally:
        document.close()
    return boxes


def handwriting_layer(size: tuple[int, int], text: str, box: tuple[float, float, float, float],
                      rng: random.Random) -> Image.Image:
    """Digits written with a pen over a dotted blank (x0, top, x1, bottom in pixels): taller
    than the print beside them, slanted, each stroke a little off."""
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    x0, top, x1, bottom = box
    height = (bottom - top) * 1.1
    width = height * 0.55
    x = x0 + ((x1 - x0) - len(text) * width * 1.15) / 2
    base = bottom - height * 0.9
    for digit in text:
        slant = rng.uniform(0.15, 0.3)
        for stroke in DIGIT_STROKES[digit]:
            points = [(x + (px + slant * (1 - py)) * width + rng.uniform(-1, 1) * width * 0.05,
                       base + py * height + rng.uniform(-1, 1) * height * 0.04)
                      for px, py in stroke]
            draw.line(points, fill=(25, 30, 75, 235), width=max(2, round(height / 14)),
                      joint="curve")
        x += width * rng.uniform(1.05, 1.25)
    return layer


def scan_page(page: Image.Image, settings: ScanSettings, anchor: tuple[float, float] | None,
              rng: random.Random) -> Image.Image:
    """One page as a scanner would return it; anchor (pixels) is where the stamp goes."""
    if settings.stamp and anchor is not None:
        x, y = anchor
        inch = settings.dpi
        signature = signature_layer(page.size, (x - 0.9 * inch, y + 0.05 * inch,
                                                x + 0.8 * inch, y + 1.05 * inch), rng)
        page = _multiply(page, signature)
        stamp = stamp_layer(page.size, (x - 0.75 * inch, y + 0.55 * inch), 0.72 * inch, rng,
                            settings.seal)
        page = _multiply(page, stamp)
    page = page.rotate(settings.angle, resample=Image.Resampling.BICUBIC, fillcolor="white")
    page = page.filter(ImageFilter.GaussianBlur(settings.blur))
    return speckle(page, settings.speckle, settings.grain, rng)


def speckle(page: Image.Image, share: float, grain: float, rng: random.Random) -> Image.Image:
    noise = np.random.default_rng(rng.randrange(2**32))
    pixels = np.asarray(page, dtype=np.int16).copy()
    pixels += noise.normal(0, grain, pixels.shape[:2]).astype(np.int16)[..., None]
    dust = noise.random(pixels.shape[:2]) < share
    pixels[dust] = noise.integers(0, 90, (int(dust.sum()), 1))
    page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(page)
    for _ in range(int(page.width * page.height * share / 4000)):  # a few larger specks
        cx, cy, r = rng.uniform(0, page.width), rng.uniform(0, page.height), rng.uniform(1, 2.5)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(40, 40, 40))
    return page


def scan_pdf(pdf_path: Path, settings: ScanSettings = ScanSettings(),
             handwriting: tuple[str, ...] = ()) -> list[Image.Image]:
    """Scanned-looking bitmaps of every page of a PDF, stamped on the signer's page; the
    texts of `handwriting` are written into the PDF's dotted blanks, in order."""
    rng = random.Random(settings.seed)
    pages = render_pages(pdf_path, settings.dpi)
    anchor = signer_anchor(pdf_path)
    scale = settings.dpi / 72
    for text, (index, *box) in zip(handwriting, blank_boxes(pdf_path), strict=False):
        pixels = tuple(v * scale for v in box)
        pages[index] = _multiply(pages[index], handwriting_layer(pages[index].size, text,
                                                                 pixels, rng))
    result = []
    for index, page in enumerate(pages):
        here = (anchor[1] * scale, anchor[2] * scale) if anchor and anchor[0] == index else None
        result.append(scan_page(page, settings, here, rng))
    return result


def save_pdf(pages: list[Image.Image], path: Path, settings: ScanSettings) -> Path:
    """Image-only PDF of JPEG pages; quality is lowered until it fits MAX_BYTES."""
    path.parent.mkdir(parents=True, exist_ok=True)
    quality = settings.jpeg_quality
    while True:
        buffer = io.BytesIO()
        pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:],
                      resolution=settings.dpi, quality=quality, creationDate=BUILT,
                      modDate=BUILT)
        if buffer.tell() <= MAX_BYTES or quality <= 25:
            path.write_bytes(buffer.getvalue())
            return path
        quality -= 10


def build(pdf_path: Path, out_dir: Path = SCANNED, settings: ScanSettings = ScanSettings(),
          images: bool = False) -> Path:
    """Scan one PDF into out_dir/<stem>-scan.pdf (and .png/.tiff examples when asked)."""
    pages = scan_pdf(pdf_path, settings)
    stem = pdf_path.stem.removesuffix("-native")
    target = save_pdf(pages, out_dir / f"{stem}-scan.pdf", settings)
    if images:  # lossless formats: without paper grain, or they would weigh megabytes
        pages = scan_pdf(pdf_path, replace(settings, grain=0.0))
        pages[0].save(out_dir / f"{stem}-scan-p1.png", dpi=(settings.dpi, settings.dpi),
                      optimize=True)
        gray = [page.convert("L") for page in pages]
        gray[0].save(out_dir / f"{stem}-scan.tiff", save_all=True, append_images=gray[1:],
                     compression="tiff_adobe_deflate", dpi=(settings.dpi, settings.dpi))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo", action="store_true", help="only the built-in demo decision")
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    demo = make_demo_pdf()
    sources = [demo] if args.demo else [demo, *sorted(SAMPLES.glob("*.pdf"))]
    for number, source in enumerate(sources):
        angle = (1.0 + (number % 3) * 0.5) * (-1 if number % 2 else 1)
        settings = ScanSettings(dpi=args.dpi, angle=angle, seed=number + 7)
        try:
            target = build(source, settings=settings, images=source == demo)
        except pdfium.PdfiumError as exc:  # the deliberately broken samples (bad-*.pdf)
            print(f"{source.name}: skipped ({exc})")
            continue
        print(f"{source.name} -> {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
