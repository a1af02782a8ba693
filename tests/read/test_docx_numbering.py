"""Automatic numbering rendered as Word renders it (validator/read/docx_numbering.py)."""

from __future__ import annotations

import pytest

from validator.read.docx_numbering import format_number

from .docx_helpers import read_lines, with_numbering, xml

DECIMAL = {"text": "%1.", "format": "decimal"}


def numbered(text: str, num_id: int, level: int = 0, **kw) -> str:
    return xml.para(text, extra=xml.numbered(num_id, level), **kw)


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (1999, "upperRoman", "MCMXCIX"),
    (1, "lowerLetter", "a"), (5, "lowerLetter", "e"), (26, "lowerLetter", "z"),
    (27, "lowerLetter", "aa"), (28, "upperLetter", "BB"), (3, "decimalZero", "03"),
    (12, "decimalZero", "12"), (7, "decimal", "7"), (2, "ordinal", "2nd"),
    (11, "ordinal", "11th"), (9, "none", ""), (5, "decimalFullWidth", "5"),
])
def test_number_formats(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


def test_vietnamese_letters_are_words_latin_letters() -> None:
    """Word's lowerLetter has no đ: the fifth point is "e)", as Word shows it."""
    edit = with_numbering([{"text": "%1)", "format": "lowerLetter"}], [(80, 80, None)])
    lines = read_lines("".join(numbered(t, 80) for t in ["một", "hai", "ba", "bốn", "năm"]), edit)
    assert lines == ["a) một", "b) hai", "c) ba", "d) bốn", "e) năm"]


def test_start_value_and_text_around_the_number() -> None:
    edit = with_numbering([{"text": "Điều %1.", "format": "decimal", "start": 5}],
                          [(80, 80, None)])
    assert read_lines(numbered("Hiệu lực", 80) + numbered("Thi hành", 80), edit) == [
        "Điều 5. Hiệu lực", "Điều 6. Thi hành"]


def test_lower_levels_restart_when_a_higher_level_advances() -> None:
    levels = [{"text": "%1.", "format": "decimal"}, {"text": "%1.%2.", "format": "decimal"}]
    edit = with_numbering(levels, [(80, 80, None)])
    body = (numbered("A", 80) + numbered("A1", 80, 1) + numbered("A2", 80, 1)
            + numbered("B", 80) + numbered("B1", 80, 1))
    assert read_lines(body, edit) == ["1. A", "1.1. A1", "1.2. A2", "2. B", "2.1. B1"]


def test_lvl_restart_zero_never_restarts() -> None:
    levels = [{"text": "Chương %1", "format": "upperRoman"},
              {"text": "Điều %2.", "format": "decimal", "restart": 0}]
    edit = with_numbering(levels, [(80, 80, None)])
    body = (numbered("", 80) + numbered("Một", 80, 1) + numbered("", 80)
            + numbered("Hai", 80, 1))
    assert read_lines(body, edit) == ["Chương I", "Điều 1. Một", "Chương II", "Điều 2. Hai"]


def test_lvl_restart_names_the_level_that_restarts() -> None:
    """Level 3 with w:lvlRestart 1 restarts only after a level-1 paragraph, not level 2."""
    levels = [{"text": "%1.", "format": "decimal"}, {"text": "%2)", "format": "lowerLetter"},
              {"text": "(%3)", "format": "decimal", "restart": 1}]
    edit = with_numbering(levels, [(80, 80, None)])
    body = (numbered("x", 80) + numbered("y", 80, 1) + numbered("p", 80, 2)
            + numbered("z", 80, 1) + numbered("q", 80, 2) + numbered("w", 80)
            + numbered("r", 80, 2))
    assert read_lines(body, edit) == ["1. x", "a) y", "(1) p", "b) z", "(2) q", "2. w", "(1) r"]


def test_instances_of_one_list_share_the_count_until_a_start_override() -> None:
    edit = with_numbering([DECIMAL], [(80, 80, None), (81, 80, None), (82, 80, 1)])
    body = (numbered("a", 80) + numbered("b", 80) + xml.para("giữa")
            + numbered("c", 81) + numbered("d", 82) + numbered("e", 82))
    assert read_lines(body, edit) == ["1. a", "2. b", "giữa", "3. c", "1. d", "2. e"]


def test_separate_lists_count_apart() -> None:
    def edit(document) -> None:
        xml.add_numbering(document, [xml.abstract_number(80, [DECIMAL]),
                                     xml.abstract_number(81, [DECIMAL])],
                          [xml.number_instance(80, 80), xml.number_instance(81, 81)])

    body = numbered("a", 80) + numbered("b", 81) + numbered("c", 80)
    assert read_lines(body, edit) == ["1. a", "1. b", "2. c"]


def test_style_linked_numbering_and_its_removal() -> None:
    """A paragraph style carries the list; the level is the one whose w:pStyle names the
    style; numId 0 on a paragraph takes the number away."""
    levels = [{"text": "Chương %1", "format": "upperRoman", "style": "Chuong"},
              {"text": "Điều %2.", "format": "decimal", "style": "Dieu"}]
    edit = with_numbering(levels, [(80, 80, None)], styles={"Chuong": 80, "Dieu": 80})
    body = (xml.para("", style="Chuong") + xml.para("Phạm vi", style="Dieu")
            + xml.para("Không số", style="Dieu", extra=xml.numbered(0))
            + xml.para("Đối tượng", style="Dieu"))
    assert read_lines(body, edit) == ["Chương I", "Điều 1. Phạm vi", "Không số",
                                      "Điều 2. Đối tượng"]


def test_legal_numbering_and_no_suffix() -> None:
    levels = [{"text": "Chương %1", "format": "upperRoman"},
              {"text": "%1.%2", "format": "decimal", "suffix": "nothing"}]
    edit = with_numbering(levels, [(80, 80, None)])
    body = numbered("", 80) + numbered("-Nội dung", 80, 1)
    lines = read_lines(body, edit)
    assert lines == ["Chương I", "I.1-Nội dung"]
    legal = [{"text": "Chương %1", "format": "upperRoman"},
             {"text": "%1.%2.", "format": "decimal"}]

    def edit_legal(document) -> None:
        with_numbering(legal, [(80, 80, None)])(document)
        level = document.part.numbering_part.element.xpath(
            "//w:abstractNum[@w:abstractNumId='80']/w:lvl[@w:ilvl='1']")[0]
        level.append(xml.parse_xml(f"<w:isLgl {xml.NS}/>"))

    assert read_lines(body, edit_legal) == ["Chương I", "1.1. -Nội dung"]


def test_bullets_show_their_character() -> None:
    edit = with_numbering([{"text": "-", "format": "bullet"}], [(80, 80, None)])
    assert read_lines(numbered("Ông A - Thành viên;", 80), edit) == ["- Ông A - Thành viên;"]
    edit = with_numbering([{"text": "\uf0b7", "format": "bullet"}], [(80, 80, None)])
    assert read_lines(numbered("Ông B", 80), edit) == ["• Ông B"]


def test_numbered_cells_in_a_data_table() -> None:
    edit = with_numbering([{"text": "%1", "format": "decimalZero"}], [(80, 80, None)])
    heading = "".join(xml.cell(xml.para(text), 3.0) for text in ("STT", "Họ và tên", "Chức vụ"))
    row = "".join(xml.cell(content, 3.0) for content in (
        numbered("", 80), xml.para("Ông Lê Văn Tám"), xml.para("Trưởng ban")))
    body = xml.table([f"<w:tr>{heading}</w:tr>", f"<w:tr>{row}</w:tr>"], (3.0, 3.0, 3.0))
    assert read_lines(body, edit)[-1] == "01\tÔng Lê Văn Tám\tTrưởng ban"
