"""OCR text gets back the circumflex, breve or horn Tesseract lost on a letter whose tone mark
it kept ("QUYÉT" for "QUYẾT"); native text keeps every spelling (validator.normalize)."""

from __future__ import annotations

import pytest

from validator.model import SourceLine
from validator.normalize import lost_mark_repairs, normalize

OCR = 90.0


def _lines(*texts: str, confidence: float | None = OCR) -> list[SourceLine]:
    return [SourceLine(page=1, line=i, text=t, confidence=confidence)
            for i, t in enumerate(texts, 1)]


def test_lost_circumflex_on_a_heading_is_restored_and_the_heading_stands_alone() -> None:
    lines = _lines("Xã An Bình, ngày 05 tháng 10 năm 2023", "QUYÉT ĐỊNH",
                   "Về việc thành lập Ban Chỉ đạo")
    text = normalize(lines)
    assert [line.text for line in text.lines] == [
        "Xã An Bình, ngày 05 tháng 10 năm 2023", "QUYẾT ĐỊNH", "Về việc thành lập Ban Chỉ đạo"]
    # The map back to the page still quotes what the scan says.
    start = text.text.index("QUYẾT")
    assert [span.text for span in text.spans(start, start + 5)] == ["QUYÉT"]


@pytest.mark.parametrize(("read", "meant"), [
    ("QUYÉT", "QUYẾT"),  # circumflex lost, acute kept
    ("VIEN", "VIÊN"),  # "thành viên" elsewhere in the document
    ("TRUỞNG", "TRƯỞNG"),  # one horn of ươ lost
    ("TRUONG", "TRƯƠNG"),  # both horns of ươ: one mark of the pair
    ("BẢNG", "BẢNG"),  # a syllable already: never touched
    ("UBND", "UBND"),  # an abbreviation: no mark makes it a syllable
])
def test_one_supported_restoration(read: str, meant: str) -> None:
    lines = _lines(f"{read} BAN", "Các thành viên, Trưởng ban, ông Trương Văn Hùng")
    assert normalize(lines).lines[0].text == f"{meant} BAN"


def test_restoration_needs_support_from_the_document_or_the_vocabulary() -> None:
    # "ĐIEM" could only be "ĐIÊM": a syllable no document line and no administrative word uses.
    assert lost_mark_repairs(_lines("ĐIEM DANH")) == {}
    assert lost_mark_repairs(_lines("ĐIEM DANH", "điêm")) == {"ĐIEM": "ĐIÊM"}


def test_two_supported_restorations_leave_the_word_as_read() -> None:
    # nguoi -> nguôi or ngươi: both syllables, both used by the document.
    assert lost_mark_repairs(_lines("NGUOI", "nguôi ngươi")) == {}
    assert lost_mark_repairs(_lines("NGUOI", "ngươi")) == {"NGUOI": "NGƯƠI"}


def test_native_text_keeps_its_spelling() -> None:
    lines = _lines("QUYÉT ĐỊNH", "Quyết định này", confidence=None)
    assert lost_mark_repairs(lines) == {}
    assert normalize(lines).lines[0].text == "QUYÉT ĐỊNH"
