"""Header fields read by OCR too unsure to trust: left empty, with a reading note.

Offices write the number and the day of a decision by hand into the blanks the typed copy
leaves ("Số:    /QĐ-UBND", "ngày    tháng 12 năm 2025"). Tesseract reads handwriting
badly: as garbage ("2f†", "Q5") or as plausible digits read unsure ("2764" as "21"), which
would become a confident wrong number. The number and the day, month and year are looked at
where they stand on their OCR line: one that is not plain digits, or that OCR marked as
read below its confidence threshold (SourceLine.unsure), or a whole line read unsure,
clears the field, and a note tells the reviewer to read it on the scan. A field the header
parser could not make out at all gets the same note. The signer's name is cleared when
words of it were read unsure. A blank left blank ("Số: ..... /QĐ-UBND") is no reading and
gets no note.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from validator.model import Located, ReadingNote, SourceLine
from validator.read.ocr import LOW_CONFIDENCE
from validator.structure.document import Document
from validator.structure.vocab import NUMBER_LABEL

# The number and date stand in the first lines of the first page; the header's left column
# comes first and may hold a three-line summary ("V/v ...") before the right one.
HEADER_LINES = 12
# The number between "Số:" and its symbol ("/QĐ-UBND"); the day after "ngày", the month
# after "tháng", the year after "năm". A number is digits, maybe in parts ("12/2024" with the
# year of a legal document, "02-02/26").
# The label as a scan may damage it ("Só:"): then the digits after it are not trusted either.
_NUMBER = re.compile(
    rf"^\s*(?P<label>{NUMBER_LABEL})\s*[:.]?\s*(?P<value>.*?)\s*/\s*[^\W\d_]", re.IGNORECASE)
_DIGITS = re.compile(r"\d+(?:[-/.]\d+)*")
_DATE_PARTS = re.compile(r"\b(?:ngày|tháng|năm)[\s.,:]*(?P<value>[^\s.,]\S*)", re.IGNORECASE)
# The date line: not a legal basis ("Căn cứ Luật ... ngày 19 tháng 6 năm 2015").
_DATE_LINE = re.compile(r"^(?!\s*Căn cứ).*\bngày\b.*\btháng\b.*\bnăm\b", re.IGNORECASE)
_BLANK = re.compile(r"[\s.…_]*")
_FIELDS = {  # field: (Vietnamese name, English name)
    "number": ("Số hiệu văn bản", "The document number"),
    "date": ("Ngày ban hành", "The date of issue"),
    "signer": ("Họ tên người ký", "The signer's name"),
}


def mark_unsure_fields(document: Document) -> None:
    """Clear the number, date and signer's name when OCR read them unsure; note each."""
    sources = {(line.page, line.line): line for page in document.read.pages if page.scanned
               for line in page.lines if line.confidence is not None}
    if not sources:
        return
    meta = document.metadata
    first = min(page for page, _ in sources)
    header = [line for (page, _), line in sorted(sources.items()) if page == first]
    header = header[:HEADER_LINES]
    number = _line_of(sources, meta.number_line) or _first(header, _NUMBER.search)
    if number is not None and _unsure(number, _NUMBER):
        meta.number = None
        _note(document, "number", number)
    date = _line_of(sources, meta.date_line) or _first(header, _DATE_LINE.search)
    if date is not None and _unsure(date, _DATE_PARTS):
        meta.date = None
        _note(document, "date", date)
    signer = meta.signer
    if signer is not None and signer.name:
        line = _line_with(sources, signer.page, signer.name)
        if line is not None and (_low(line) or _shares_words(line.unsure, signer.name)):
            meta.signer = signer.model_copy(update={"name": None})
            _note(document, "signer", line)


def _line_of(sources: dict[tuple[int, int], SourceLine],
             located: Located | None) -> SourceLine | None:
    return None if located is None else sources.get((located.page, located.line))


def _first(lines: list[SourceLine], matches: Callable[[str], object]) -> SourceLine | None:
    return next((line for line in lines if matches(line.text)), None)


def _line_with(sources: dict[tuple[int, int], SourceLine], page: int,
               name: str) -> SourceLine | None:
    """The OCR line of `page` (or the next) that holds the name's last word."""
    last = name.split()[-1]
    found = [line for (number, _), line in sorted(sources.items())
             if number in (page, page + 1) and last in line.text.split()]
    return found[0] if found else None


def _low(line: SourceLine) -> bool:
    return line.confidence is not None and line.confidence < LOW_CONFIDENCE


def _unsure(line: SourceLine, field: re.Pattern[str]) -> bool:
    """A value of the field on the line is not plain digits, or was read unsure."""
    for match in field.finditer(line.text):
        value = match["value"].strip(" .,;:…_")
        if _BLANK.fullmatch(match["value"]) or value.lower() in ("tháng", "năm"):
            continue  # left blank
        damaged = match.groupdict().get("label", "số").lower() != "số"
        if (damaged or _low(line) or not _DIGITS.fullmatch(value)
                or any(value in word for word in line.unsure)):
            return True
    return False


def _shares_words(unsure: tuple[str, ...], value: str) -> bool:
    words = {word.strip(".,;:") for word in value.split()}
    return any(word.strip(".,;:") in words for word in unsure)


def _note(document: Document, field: str, line: SourceLine) -> None:
    name, name_en = _FIELDS[field]
    document.notes.append(ReadingNote(
        code="ocr_field_unsure",
        message=f"{name} ở trang {line.page} đọc bằng nhận dạng chữ không chắc chắn "
                f"(\u201c{line.text}\u201d), có thể viết tay: để trống, cần xem bản quét.",
        message_en=f"{name_en} on page {line.page} was read by OCR without confidence "
                   f"(\u201c{line.text}\u201d), perhaps handwritten: left empty, read it on "
                   "the scan.",
        page=line.page))
