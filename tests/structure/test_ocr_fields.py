"""Header fields OCR read unsure are left empty with a note (structure.ocr_fields)."""

from __future__ import annotations

import datetime as dt

import pytest

from validator.model import ReadResult, SourceLine, SourcePage
from validator.structure import Document, build_document

from .texts import CLOSING, LETTERHEAD, MEMBERS, OPENING, compose

TEXT = compose(LETTERHEAD, OPENING, MEMBERS, CLOSING)


def _scanned(replace: dict[str, tuple[str, tuple[str, ...]]], scanned: bool = True,
             confidence: float = 95.0) -> Document:
    """The composed decision as OCR lines of one page; `replace` swaps a line's text for
    (what OCR read, the words of it read unsure)."""
    lines = []
    for number, text in enumerate(TEXT.splitlines(), 1):
        read, unsure = replace.get(text, (text, ()))
        lines.append(SourceLine(page=1, line=number, text=read, unsure=unsure,
                                confidence=confidence if scanned else None))
    page = SourcePage(number=1, lines=tuple(lines), scanned=scanned)
    return build_document(ReadResult(format="pdf", pages=(page,)), "x.pdf")


def _notes(document: Document) -> list[str]:
    return [note.message_en for note in document.notes if note.code == "ocr_field_unsure"]


def test_printed_fields_read_surely_are_kept() -> None:
    document = _scanned({})
    assert document.metadata.number == "57"
    assert document.metadata.date == dt.date(2023, 10, 5)
    assert document.metadata.signer is not None and document.metadata.signer.name
    assert _notes(document) == []


def test_handwritten_number_read_as_plausible_digits_unsure_is_cleared() -> None:
    document = _scanned({"Số: 57/QĐ-UBND": ("Số: 21/QĐ-UBND", ("21/QĐ-UBND",))})
    assert document.metadata.number is None and document.metadata.symbol == "QĐ-UBND"
    (note,) = _notes(document)
    assert "document number on page 1" in note and "Số: 21/QĐ-UBND" in note
    assert document.metadata.date == dt.date(2023, 10, 5)


@pytest.mark.parametrize("misread", ["Xã An Bình, ngày 05 tháng 1$ năm 2023",
                                     "Xã An Bình, ngày Q5 tháng 10 năm 2023"])
def test_date_with_a_garbled_day_or_month_gets_a_note(misread: str) -> None:
    line = "Xã An Bình, ngày 05 tháng 10 năm 2023"
    document = _scanned({line: (misread, ())})
    assert document.metadata.date is None
    assert len(_notes(document)) == 1 and "date of issue" in _notes(document)[0]


def test_unsure_day_read_as_digits_is_cleared() -> None:
    line = "Xã An Bình, ngày 05 tháng 10 năm 2023"
    document = _scanned({line: ("Xã An Bình, ngày 06 tháng 10 năm 2023", ("06",))})
    assert document.metadata.date is None and len(_notes(document)) == 1


def test_blank_left_blank_is_no_reading() -> None:
    document = _scanned({"Số: 57/QĐ-UBND": ("Số: ........ /QĐ-UBND", ("........",)),
                         "Xã An Bình, ngày 05 tháng 10 năm 2023":
                             ("Xã An Bình, ngày ...... tháng ...... năm 2023", ())})
    assert document.metadata.number is None and _notes(document) == []


def test_signer_name_read_unsure_is_cleared() -> None:
    document = _scanned({"Trần Thị Bình": ("Trần Thị Bính", ("Bính",))})
    signer = document.metadata.signer
    assert signer is not None and signer.name is None and signer.position == "PHÓ CHỦ TỊCH"
    assert len(_notes(document)) == 1 and "signer's name" in _notes(document)[0]


def test_page_read_unsure_clears_its_fields() -> None:
    document = _scanned({}, confidence=55.0)
    assert document.metadata.number is None and document.metadata.date is None
    assert len(_notes(document)) == 3


def test_text_layers_are_never_touched() -> None:
    document = _scanned({"Số: 57/QĐ-UBND": ("Số: 21/QĐ-UBND", ("21/QĐ-UBND",))},
                        scanned=False)
    assert document.metadata.number == "21" and _notes(document) == []


@pytest.mark.parametrize(("read", "unsure"), [
    ("Số: <2 /TTr- UBND(VP)", True),  # a symbol with spaces and brackets after it
    ("Số: 12/2024/QĐ-UBND", False),  # with the year
    ("Số: 02-02/26/PT-VP", False),  # in parts
])
def test_number_shapes(read: str, unsure: bool) -> None:
    document = _scanned({"Số: 57/QĐ-UBND": (read, ())})
    assert (len(_notes(document)) == 1) == unsure


def test_day_glued_to_its_word_is_looked_at() -> None:
    line = "Xã An Bình, ngày 05 tháng 10 năm 2023"
    document = _scanned({line: ("Xã An Bình, ngày,#5 tháng 10 năm 2023", ())})
    assert document.metadata.date is None and len(_notes(document)) == 1


def test_header_read_with_lost_vowel_marks_gets_its_type_name_and_summary() -> None:
    # Tesseract kept the tone and lost the circumflex: "QUYÉT" is no word, "QUYẾT" is.
    clean = _scanned({})
    document = _scanned({"QUYẾT ĐỊNH": ("QUYÉT ĐỊNH", ()),
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM":
                             ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIẸT NAM", ())})
    meta = document.metadata
    assert meta.type_name is not None and meta.type_name.text == "QUYẾT ĐỊNH"
    assert clean.metadata.summary is not None and meta.summary is not None
    assert meta.summary.text == clean.metadata.summary.text
    assert meta.date == clean.metadata.date
    assert meta.national_motto is not None and "VIỆT NAM" in meta.national_motto.text


def test_number_ocr_could_not_read_keeps_its_symbol_and_gets_a_note() -> None:
    document = _scanned({"Số: 57/QĐ-UBND": ("Số: 2f† /QĐ-UBND", ("2f†",))})
    meta = document.metadata
    assert (meta.number, meta.symbol) == (None, "QĐ-UBND")
    assert meta.issuer is not None and "Số" not in meta.issuer.text
    (note,) = _notes(document)
    assert "document number on page 1" in note and "Số: 2f† /QĐ-UBND" in note


def test_date_with_an_unreadable_year_keeps_its_place_and_gets_a_note() -> None:
    line = "Xã An Bình, ngày 05 tháng 10 năm 2023"
    document = _scanned({line: ("Xã An Bình, ngày l5 tháng ?0 năm 2O23", ())})
    meta = document.metadata
    assert (meta.place, meta.date) == ("Xã An Bình", None)
    assert len(_notes(document)) == 1 and "date of issue" in _notes(document)[0]
