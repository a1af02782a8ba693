"""Layout of OCR words: header columns, tables, debris, glued words, lost lines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from validator.read import ocr
from validator.read.ocr import engine, layout, lost, numbers, pages, preprocess, reread
from validator.read.ocr.engine import Word

ROOT = Path(__file__).resolve().parents[2]


def _word(text: str, left: int, top: int, line: int, block: int = 1, width: int = 0,
          confidence: float = 95.0) -> Word:
    return Word(block, 1, line, left, top, width or 22 * len(text), 40, confidence, text)


def _phrase(text: str, left: int, top: int, line: int, block: int = 1,
            space: int = 15) -> list[Word]:
    words, x = [], left
    for token in text.split():
        words.append(_word(token, x, top, line, block))
        x += 22 * len(token) + space
    return words


def _texts(words: list[Word]) -> list[str]:
    return [line.text for line in layout.layout(words)]


def test_header_columns_come_out_separately_left_column_first() -> None:
    words = [
        *_phrase("ỦY BAN NHÂN DÂN", 300, 200, 1), *_phrase("CỘNG HÒA XÃ HỘI", 1300, 200, 1),
        *_phrase("XÃ AN BÌNH", 360, 260, 2), *_phrase("Độc lập - Tự do", 1350, 260, 2),
        *_phrase("Số: 57/QĐ-UBND", 330, 340, 3), *_phrase("An Bình, ngày 05", 1320, 340, 3),
        *_phrase("QUYẾT ĐỊNH", 1000, 480, 4),
        *_phrase("Căn cứ Luật Tổ chức chính quyền địa phương ngày", 300, 560, 5),
    ]
    assert _texts(words) == [
        "ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 57/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "An Bình, ngày 05",
        "QUYẾT ĐỊNH", "Căn cứ Luật Tổ chức chính quyền địa phương ngày",
    ]


def test_header_columns_set_close_together_are_split() -> None:
    """A long issuer name leaves the two capital headings of the first row a little over a
    line height apart: still one column gap, several times the word spacing."""
    issuer = _phrase("BỘ TRƯỞNG BỘ NỘI VỤ", 300, 200, 1)
    motto = _phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", issuer[-1].right + 60, 200, 1)
    assert _texts([*issuer, *motto]) == ["BỘ TRƯỞNG BỘ NỘI VỤ",
                                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def _widened(text: str, after: int, extra: int) -> list[Word]:
    """The phrase with the gap after word `after` widened by `extra` pixels."""
    words = _phrase(text, 300, 200, 1)
    return [w if i <= after else Word(w.block, w.paragraph, w.line, w.left + extra, w.top,
                                      w.width, w.height, w.confidence, w.text)
            for i, w in enumerate(words)]


@pytest.mark.parametrize(("text", "after"), [
    ("Kính gửi: Ủy ban nhân dân tỉnh", 1),  # a label, not two capital headings
    ("TM. ỦY BAN NHÂN DÂN", 0),  # one word on one side
])
def test_lines_without_a_column_gap_stay_whole(text: str, after: int) -> None:
    assert _texts(_widened(text, after, 45)) == [text]
    assert _texts(_widened("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 1, 45)) == [
        "CỘNG HÒA", "XÃ HỘI CHỦ NGHĨA"]


def test_blank_date_is_not_split_where_the_month_was_lost() -> None:
    """A handwritten month Tesseract could not read leaves a gap of two line heights."""
    date = [*_phrase("An Bình, ngày 05 tháng", 1200, 340, 3),
            *_phrase("năm 2023", 1200 + 22 * 18 + 5 * 15 + 110, 340, 3)]
    header = [*_phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1100, 200, 1, block=2),
              *_phrase("ỦY BAN NHÂN DÂN", 300, 200, 1), *_phrase("Số: 57/QĐ-UBND", 330, 340, 3)]
    texts = _texts([*header, *date])
    assert "An Bình, ngày 05 tháng năm 2023" in texts
    assert all("\t" not in text for text in texts)


def test_table_rows_become_tab_separated_cells() -> None:
    columns = (300, 500, 1300)
    rows = [("STT", "Họ và tên", "Chức vụ"), ("1", "Nguyễn Văn Bình", "Trưởng ban"),
            ("2", "Trần Thị Tố Uyên", "Phó Trưởng ban"), ("", "", "Thường trực")]
    words = []
    for number, row in enumerate(rows):
        for x, cell in zip(columns, row, strict=True):
            if cell:
                words += _phrase(cell, x, 200 + 70 * number, number + 1, block=number + 1)
    page = pages.page_from_words(words, 2, (2480, 3508), 300, first_table=3)
    assert [line.text for line in page.lines] == [
        "STT\tHọ và tên\tChức vụ",
        "1\tNguyễn Văn Bình\tTrưởng ban",
        "2\tTrần Thị Tố Uyên\tPhó Trưởng ban Thường trực",  # the wrapped cell is joined
    ]
    assert {line.table for line in page.lines} == {3}
    first = page.lines[0]
    assert first.box is not None and first.box.x0 == pytest.approx(300 * 72 / 300)
    assert first.confidence == pytest.approx(95.0) and page.ocr_confidence == pytest.approx(95.0)


def test_words_read_unsure_are_listed_on_their_line() -> None:
    words = [*_phrase("Số:", 300, 200, 1), _word("2f†", 380, 200, 1, confidence=12.0),
             *_phrase("/QĐ-TTg", 470, 200, 1)]
    page = pages.page_from_words(words, 1, (2480, 3508), 300)
    assert page.lines[0].text == "Số: 2f† /QĐ-TTg" and page.lines[0].unsure == ("2f†",)


def test_stamp_debris_is_dropped_and_split_lines_rejoined() -> None:
    words = [
        _word("*", 1500, 200, 1, block=1), _word("lŠ", 1600, 200, 1, block=1),
        _word("9.", 300, 300, 1, block=2), *_phrase("Bà Đặng Thị Mai", 360, 300, 1, block=3),
    ]
    words[1] = Word(1, 1, 1, 1600, 200, 40, 40, 14.0, "lŠ")
    assert _texts(words) == ["9. Bà Đặng Thị Mai"]


def test_table_border_separates_cells_a_space_apart() -> None:
    words = [_word("1", 300, 200, 1), *_phrase("Ông Ngô Văn Thành", 345, 200, 1)]
    border = preprocess.Border(330, 334, 150, 300)  # the number column's right border
    assert _texts(words) == ["1 Ông Ngô Văn Thành"]
    assert [part.text for part in layout.segments(words, 80, [border])] == [
        "1", "Ông Ngô Văn Thành"]


def test_words_read_apart_with_no_space_are_paired() -> None:
    than, h = _word("Thân", 1813, 3149, 2, width=132), _word("h", 1948, 3149, 1, width=29)
    other = _word("Văn", 1695, 3151, 2, width=102)
    assert reread._split_pairs([other, than, h], tiny=6) == [(than, h)]


def test_number_glued_to_a_word_is_split() -> None:
    glued = _word("ngày19", 1000, 300, 1, width=170)
    code = _word("F0", 1300, 300, 1)
    day, number = numbers.split_glued_numbers([glued, code])[:2]
    assert (day.text, number.text) == ("ngày", "19")
    assert day.left == 1000 and number.right == glued.right and day.right == number.left
    assert numbers.split_glued_numbers([code]) == [code]


@pytest.mark.skipif(ocr.tesseract_problem() is not None, reason="no Tesseract")
def test_line_the_first_reading_lost_is_found_and_read() -> None:
    """A line Tesseract's page layout filed as picture is ink no word covers: it is cut
    out and read on its own."""
    document = pdfium.PdfDocument(str(ROOT / "samples" / "scans" / "demo-thang.pdf"))
    try:
        gray, _ = preprocess.preprocess_page(pages.render_pdf_page(document[0]))
    finally:
        document.close()
    words = engine.recognize(gray, 300)
    name = [w for w in words if w.text in ("Nguyễn", "Văn", "Bình") and w.top > 3000]
    assert len(name) == 3
    without = [w for w in words if w not in name]
    line_height = float(np.median([w.height for w in words]))
    (x0, top, x1, bottom), = [box for box in lost.lost_lines(
        np.asarray(gray), without, line_height) if box[1] > 3000]
    slack = line_height / 2
    assert abs(x0 - name[0].left) < slack and abs(x1 - name[-1].right) < slack
    assert top < (name[0].top + name[0].bottom) / 2 < bottom
    found = reread.reread(gray, without, 300)
    assert [w.text for w in found if w.top > 3000][-3:] == ["Nguyễn", "Văn", "Bình"]


@pytest.mark.parametrize(("first", "second", "sure"), [
    ("57/QĐ-UBND", "57/QĐ-UBND", True),  # print Tesseract rates low, read the same twice
    ("2319/QĐ-TTg", ".2319/QĐ-TTg", True),  # the same again, a speck does not matter
    ("ngày19", "ngày13", False),  # handwriting comes out differently each time
    ("21/NO-CP", "I21/NQ-CP", False),  # the digits agree, the symbol does not
    ("tháng1$", "tháng?", False),
])
def test_doubtful_number_read_twice_alike_is_sure(first: str, second: str, sure: bool) -> None:
    old = _word(first, 500, 400, 3, confidence=55.0)
    strip = reread.Strip(image=None, pieces=((0, 500),), top=380, words=(old,), centre=420,
                         kind="word", box=(480, 380, old.right + 20, 460))
    again = [_word(second, 502, 401, 1, block=9, confidence=60.0)]
    confirmed = reread._confirmed(strip, again)
    assert (confirmed is not None) == sure
    if sure:
        page = pages.page_from_words([confirmed], 1, (2480, 3508), 300)
        assert page.lines[0].unsure == ()  # sure, though read at 55
