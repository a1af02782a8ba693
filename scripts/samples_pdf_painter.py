"""PDFs drawn directly with reportlab (no Word involved): TCVN3 fonts, an encrypted file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from samples_blocks import MOTTO_1, MOTTO_2, Block, Letterhead, Para, SignBlock, Table
from samples_decisions import Doc
from samples_legacy import cp1252_view

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


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
