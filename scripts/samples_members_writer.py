"""Member-list samples as files: DOCX whose table headers repeat on every page, and PDFs
drawn by hand where the layout itself is the point (tab stops, a place on two lines).
"""

from __future__ import annotations

from pathlib import Path

from samples_blocks import MOTTO_1, MOTTO_2, Letterhead, Para, SignBlock
from samples_docx_writer import DocxWriter, FontPlan, unicode_runs
from samples_members_parts import Sample
from samples_pdf_painter import SERIF

CM = 28.35  # points per centimetre
PAGE_LINES = 46


def write_docx(sample: Sample, path: Path) -> None:
    """DOCX by the corpus writer; a table's first row repeats on every page, as offices set it."""
    DocxWriter(FontPlan(unicode_runs), repeat_headers=True).write(sample.blocks, path)


def _rows(sample: Sample) -> list[list[tuple[float, str, bool]]]:
    """Printed rows (x in cm, text, centred) of a sample drawn by hand."""
    if not sample.blocks:
        return _text_rows(sample.plain())
    rows: list[list[tuple[float, str, bool]]] = []
    for block in sample.blocks:
        if isinstance(block, Letterhead):
            left = [*block.left, block.rule, *([block.number_line] if block.number_line else [])]
            right = [MOTTO_1, MOTTO_2, "---------------", block.place_date or ""]
            rows += _columns(left, right)
        elif isinstance(block, Para) and "      " in block.text:
            cells = block.text.split("      ")
            rows.append([(x, c, False) for x, c in zip((2.0, 7.0, 15.5), cells, strict=True)])
        elif isinstance(block, Para):
            centred = block.style in ("heading", "note")
            rows += [[(10.5 if centred else 2.5, line, centred)] for line in _wrap(block.text)]
        elif isinstance(block, SignBlock):
            rows += _columns(list(block.recipients), list(block.signer), signer=True)
    return rows


def _columns(left: list[str], right: list[str], signer: bool = False):
    rows = []
    for i in range(max(len(left), len(right))):
        row = []
        if i < len(left) and left[i]:
            row.append((2.5, left[i], False) if signer else (5.0, left[i], True))
        if i < len(right) and right[i]:
            row.append((14.0, right[i], True))
        rows.append(row)
    return rows


def _text_rows(text: str) -> list[list[tuple[float, str, bool]]]:
    """A text sample whose first nine lines are a two-column letterhead."""
    lines = text.splitlines()
    rows = _columns(lines[:4], lines[4:9])
    for line in lines[9:]:
        centred = line.isupper() or line.startswith("Về việc")
        rows += [[(10.5 if centred else 2.5, part, centred)] for part in _wrap(line)]
    return rows


def _wrap(text: str, width: int = 88) -> list[str]:
    out, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*out, current] if current else out


def draw_pdf(sample: Sample, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(SERIF)))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    rows = _rows(sample)
    for start in range(0, len(rows), PAGE_LINES):
        y = A4[1] - 2 * CM
        for row in rows[start:start + PAGE_LINES]:
            for x, text, centred in row:
                pdf.setFont("DejaVuSerif", 10)
                (pdf.drawCentredString if centred else pdf.drawString)(x * CM, y, text)
            y -= 15
        pdf.showPage()
    pdf.save()
