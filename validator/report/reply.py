"""Draft reply letters (SPEC section 7): for a non-compliant document, the công văn a reviewing
office sends back asking the issuing body to fix it, as a DOCX for the reviewer to edit and
sign, in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): the office and its parent over the
national motto, "Số:" and the date left for the office's clerk, the "V/v" line, "Kính gửi:"
the issuing body, the defects as numbered points citing the directive each comes from, points
to check, the request to resubmit, Nơi nhận and the signer.

The words come from the template `letter.txt.j2`; this module only lays them out. A letter is
always in Vietnamese: it goes to a Vietnamese authority whatever the language of the run.

    write_letter(report, office, stream)          # one DOCX
    write_letters_zip(reports, office, stream)    # a ZIP of the letters (the web application)
    LetterWriter(out, run, folder, office)        # a Formatter: one DOCX per document needing it
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from validator.config import ReplySettings
from validator.i18n import gettext_for
from validator.model import DocumentReport, RuleResult, Summary
from validator.report import view
from validator.report.formatters.base import RunInfo, StreamFormatter, xml_safe
from validator.report.names import locality, prose_name
from validator.report.templating import template_module

FONT = "Times New Roman"
_BLANK = "......................................"
_KINDS = {
    "decision": "Quyết định",
    "regulation": "Quy chế hoạt động",
    "combined": "Quyết định và Quy chế hoạt động",
}
_SUBJECT = re.compile(r"^(về việc|v/v)\b", re.IGNORECASE)
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')  # not allowed in a Windows file name


def needs_reply(doc: DocumentReport) -> bool:
    """Only a readable, non-compliant document gets a letter."""
    return doc.verdict == "non_compliant"


@dataclass(frozen=True)
class Defect:
    text: str  # what is wrong, in words the issuing body can act on
    source: str  # the directive and point it comes from


@dataclass(frozen=True)
class Letter:
    """What the template needs, decided from the report and the office's settings."""

    office: str  # in prose: "Bảo hiểm xã hội tỉnh An Giang"
    kind: str  # "Quyết định", "Quy chế hoạt động"...
    document: str  # "Quyết định số 58/QĐ-UBND ngày 16/05/2024"
    issuer: str  # "Ủy ban nhân dân xã An Bình"
    locality: str  # "xã An Bình"
    summary: str  # "về việc kiện toàn Ban Chỉ đạo ..."
    sources: tuple[str, ...]  # the directives the defects come from
    to_fix: tuple[Defect, ...]
    to_check: tuple[Defect, ...]


def _defect(result: RuleResult) -> Defect:
    return Defect(text=view.findings_text(result, "vi").rstrip("."), source=result.source)


def letter_of(doc: DocumentReport, office: ReplySettings) -> Letter:
    kind = _KINDS.get(doc.doc_type or "", "văn bản")
    reference = "Quyết định" if doc.doc_type == "combined" else kind
    if number := view.number(doc):
        reference += f" số {number}"
    if issued := view.issued(doc):
        reference += f" ngày {issued}"
    if doc.doc_type == "combined":
        reference += " (kèm theo Quy chế hoạt động)"
    issuer = prose_name(view.issuer(doc))
    summary = view.summary_line(doc)
    summary = summary[:1].lower() + summary[1:] if _SUBJECT.match(summary) else ""
    defects = view.defects(doc)
    to_fix = tuple(_defect(r) for r in defects if r.severity == "error")
    to_check = tuple(_defect(r) for r in defects if r.severity == "warning")
    sources = tuple(dict.fromkeys(d.source.split(",")[0].strip() for d in to_fix + to_check))
    return Letter(
        office=prose_name(office.office) if office.office else "Bảo hiểm xã hội ......",
        kind=kind, document=reference, issuer=issuer, locality=locality(issuer),
        summary=summary, sources=sources, to_fix=to_fix, to_check=to_check,
    )


# ------------------------------------------------------------------------- layout


def _paragraph(container: Any, text: str = "", *, bold: bool = False, italic: bool = False,
               size: float = 13, align: int = WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False,
               underline: bool = False, after: float = 0) -> Any:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(after)
    if indent:
        fmt.first_line_indent = Cm(1)
    lines = xml_safe(text).split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size, run.font.name = Pt(size), FONT
        if index < len(lines) - 1:
            run.add_break()  # a line break inside the paragraph (signer title on two lines)
    return paragraph


def _setup(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(13)


def _two_columns(document: Any, widths: Sequence[float]) -> tuple[Any, Any]:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    for column, cell, width in zip(table.columns, (left, right), widths, strict=True):
        column.width = cell.width = Cm(width)  # Word reads the cells, LibreOffice the grid
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return left, right


def _heading(document: Any, office: ReplySettings, letter: Letter, words: Any,
             year: int) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    left, right = _two_columns(document, (6.5, 10))
    if office.parent:
        _paragraph(left, office.parent.upper(), size=12, align=center)
    _paragraph(left, (office.office or _BLANK).upper(), bold=True, size=12, align=center)
    _paragraph(left, "―――――", size=8, align=center, after=4)
    _paragraph(left, "Số:         /", size=13, align=center)
    _paragraph(left, str(words.subject(letter)), size=12, align=center)
    _paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=center)
    _paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=center,
               underline=True, after=10)
    place = office.place or "............"
    _paragraph(right, f"{place}, ngày      tháng      năm {year}", italic=True, size=13,
               align=center)


def _signature(document: Any, office: ReplySettings, words: Any, letter: Letter) -> None:
    left, right = _two_columns(document, (8, 8.5))
    _paragraph(left, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(left, str(words.recipients(letter)), size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(right, (office.signer_title or "GIÁM ĐỐC").upper(), bold=True, size=13,
               align=center, after=60)
    _paragraph(right, office.signer_name or "", bold=True, size=13, align=center)


def write_letter(doc: DocumentReport, office: ReplySettings, out: IO[bytes],
                 today: dt.date | None = None) -> None:
    """The draft reply letter for `doc`, as DOCX bytes on `out`."""
    letter = letter_of(doc, office)
    words = template_module("letter.txt.j2", "vi")
    document = new_document()
    _setup(document)
    _heading(document, office, letter, words, (today or dt.date.today()).year)
    _paragraph(document, after=6)
    _paragraph(document, f"Kính gửi: {words.addressee(letter)}.", size=14,
               align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _paragraph(document, str(words.received(letter)), indent=True, after=6)
    _paragraph(document, str(words.compared(letter)), indent=True, after=6)
    for number, defect in enumerate(letter.to_fix, 1):
        _paragraph(document, f"{number}. {words.point(defect)}", indent=True, after=6)
    if letter.to_check:
        _paragraph(document, str(words.review_intro(letter)), indent=True, after=6)
        for defect in letter.to_check:
            _paragraph(document, f"- {words.point(defect)}", indent=True, after=6)
    _paragraph(document, str(words.request(letter)), indent=True, after=6)
    _paragraph(document, str(words.closing(letter)), indent=True, after=12)
    _signature(document, office, words, letter)
    document.save(out)


# ---------------------------------------------------------------- a folder of them


def letter_name(doc: DocumentReport, taken: set[str] | None = None) -> str:
    """"tra-loi-qd-xa-an-binh.docx" for "…/qd-xa-an-binh.pdf"; with "-2", "-3"… when the name
    is in `taken` (which then holds it)."""
    stem = PurePosixPath(doc.path.replace("\\", "/")).stem
    stem = "tra-loi-" + (_UNSAFE.sub("_", stem).strip(" .") or "van-ban")
    name, count = f"{stem}.docx", 1
    while taken is not None and name in taken:
        count += 1
        name = f"{stem}-{count}.docx"
    if taken is not None:
        taken.add(name)
    return name


def write_letters_zip(docs: Iterable[DocumentReport], office: ReplySettings, out: IO[bytes],
                      today: dt.date | None = None) -> int:
    """A ZIP of the letters of the documents that need one; returns how many."""
    taken: set[str] = set()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for doc in docs:
            if needs_reply(doc):
                with archive.open(letter_name(doc, taken), "w") as member:
                    write_letter(doc, office, member, today)
    return len(taken)


class LetterWriter(StreamFormatter):
    """A Formatter that writes the letters into `folder` and lists them on its stream."""

    def __init__(self, out: IO[str], run: RunInfo, folder: str | Path,
                 office: ReplySettings) -> None:
        super().__init__(out, run)
        self.folder = Path(folder)
        self.office = office
        self.written: list[Path] = []

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._names: set[str] = set()

    def document(self, doc: DocumentReport) -> None:
        if not needs_reply(doc):
            return
        target = self.folder / letter_name(doc, self._names)
        partial = target.with_name(f".{target.name}.partial")
        try:
            with partial.open("wb") as handle:
                write_letter(doc, self.office, handle, self.run.checked_at)
            os.replace(partial, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
        self.written.append(target)
        _ = gettext_for(self.run.lang)
        self.out.write(_("Wrote {path} for {document}").format(path=target, document=doc.path)
                       + "\n")

    def finish(self, summary: Summary) -> None:
        if not self.written:
            _ = gettext_for(self.run.lang)
            self.out.write(_("No document needs a reply letter.") + "\n")
