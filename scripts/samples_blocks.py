"""What a composed sample document is made of: letterhead, paragraphs, tables, signer block.

The writers (samples_docx_writer, samples_pdf_painter, plain text) all read these blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"


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
