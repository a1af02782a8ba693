"""Tests for validator.normalize: characters, tone marks, line joining, offsets, keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.model import SourceLine
from validator.normalize import (
    NormLine,
    Span,
    is_syllable,
    loose_key,
    match_key,
    normalize,
    normalize_string,
)

# Copies of ../shared/seeds, so the suite runs wherever the repository is cloned.
SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


def source(*texts: str, page: int = 1, table: int | None = None) -> list[SourceLine]:
    return [SourceLine(page=page, line=i + 1, text=t, table=table) for i, t in enumerate(texts)]


def joined(*texts: str) -> str:
    return normalize(source(*texts)).text


def seed_lines(name: str) -> list[SourceLine]:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed {path} not available")
    return source(*path.read_text(encoding="utf-8").split("\n"))


# ------------------------------------------------------------------------- characters


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Quye\u0302\u0301t đi\u0323nh", "Quyết định"),  # decomposed -> NFC
        ("\u00d0iều 1. \u00f0ồng chí", "Điều 1. đồng chí"),  # Icelandic eth -> Vietnamese Đ
        ("Độc lập \u2013 Tự do \u2014 Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
        ("kinh tế \u2212 xã hội", "kinh tế - xã hội"),
        ("Số:\u00a057/QĐ\u2011UBND", "Số: 57/QĐ-UBND"),
        ("Ban\u2009Chỉ\u202fđạo\u2003BHXH", "Ban Chỉ đạo BHXH"),
        ("\ufeffQUY\u200bẾT ĐỊ\u00adNH\u2060", "QUYẾT ĐỊNH"),
        ("“tham mưu” và ‘phối hợp’", "\"tham mưu\" và 'phối hợp'"),
        ("  Căn cứ \t Luật   Tổ chức  ", "Căn cứ Luật Tổ chức"),
    ],
)
def test_character_normalisation(raw: str, expected: str) -> None:
    assert normalize_string(raw) == expected


def test_table_row_keeps_tab_cells() -> None:
    text = normalize(source("1\t Ông  Nguyễn Văn An \tTrưởng ban", table=0)).text
    assert text == "1\tÔng Nguyễn Văn An\tTrưởng ban"


def test_tab_outside_table_is_a_space() -> None:
    assert joined("Trưởng ban\tÔng Nguyễn Văn An") == "Trưởng ban Ông Nguyễn Văn An"


# --------------------------------------------------------------------------- tone marks


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hoà", "hòa"),
        ("hoá", "hóa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Hoà", "Hòa"),
        ("HOÀ", "HÒA"),
        ("tuỳ", "tùy"),
        ("Uỷ ban", "Ủy ban"),
        ("CỘNG HOÀ", "CỘNG HÒA"),
        ("Văn hoá - Xã hội", "Văn hóa - Xã hội"),
    ],
)
def test_open_syllables_take_the_old_tone_placement(raw: str, expected: str) -> None:
    assert normalize_string(raw) == expected


@pytest.mark.parametrize(
    "word", ["quý", "quỳ", "Quỹ", "hoàng", "toán", "thuyền", "khuyến", "ngoài", "khuya", "hòa"]
)
def test_tone_placement_leaves_other_syllables_alone(word: str) -> None:
    assert normalize_string(word) == word


def test_tone_placement_keeps_length() -> None:
    raw = "Uỷ ban hoà giải, thuỷ lợi, sức khoẻ"
    assert len(normalize_string(raw)) == len(raw)


# ---------------------------------------------------------------------------- syllables


@pytest.mark.parametrize(
    "word",
    [
        "a",
        "ư",
        "ở",
        "yên",
        "yêu",
        "quy",
        "quý",
        "quốc",
        "quyết",
        "gì",
        "gìn",
        "giữa",
        "giếng",
        "nghiêng",
        "khuya",
        "khuỷu",
        "thuở",
        "hoạch",
        "ngoài",
        "góa",
        "xoong",
        "Nguyễn",
        "ĐỐC",
        "những",
        "của",
        "được",
        "trưởng",
        "huynh",
        "khuếch",
        "kỳ",
        "Ủy",
    ],
)
def test_valid_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    [
        "nh",
        "ng",
        "t",
        "đ",
        "qu",
        "quyế",
        "triể",
        "cấ",
        "ce",
        "ka",
        "ngi",
        "coa",
        "kiếń",
        "yê",
        "iên",
        "BHXH",
        "XII",
        "ăn̉",
        "tiềt",
        "bát̀",
        "hẹp̃",
        "ă",
        "â",
        "pizza",
    ],
)
def test_invalid_syllables(word: str) -> None:
    assert not is_syllable(word)


def test_stop_codas_take_only_sac_or_nang() -> None:
    assert is_syllable("tiết") and is_syllable("việt")
    assert not is_syllable("tiềt") and not is_syllable("tiểt")


# ------------------------------------------------------------------------ line joining


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("Trong nh", "ữ", "ng", "năm qua"), "Trong những năm qua"),
        (("nợ B", "H", "XH, BHYT"), "nợ BHXH, BHYT"),
        (("Số:", "3036", "/BHXH", "-BT"), "Số: 3036/BHXH-BT"),
        (("ngày", "24", "tháng", "9", "năm 20", "20"), "ngày 24 tháng 9 năm 2020"),
        (("Nghị qu", "yế", "t số"), "Nghị quyết số"),
        (("giải quy", "ết", "và"), "giải quyết và"),
        (("khóa X", "II", ", Nghị"), "khóa XII, Nghị"),
        (("68/2013/", "QH1", "3 của"), "68/2013/QH13 của"),
        (("Nghị quyết số 20-NQ/TW c", "ủ", "a Ban"), "Nghị quyết số 20-NQ/TW của Ban"),
        (("phát tri", "ể", "n người"), "phát triển người"),
        (("BHYT hộ gia", "đì", "nh chưa"), "BHYT hộ gia đình chưa"),
        (("nhiệm vụ: “", "tham", "mưu giúp"), 'nhiệm vụ: "tham mưu giúp'),
        (("cùng cấp quyết định", "”. Để huy"), 'cùng cấp quyết định". Để huy'),
        (("giai đoạn 2022", "-2025."), "giai đoạn 2022-2025."),
        (
            ("ban hành Nghị định số", "33/2023/NĐ-CP quy định"),
            "ban hành Nghị định số 33/2023/NĐ-CP quy định",
        ),
        (
            ("Bảo hiểm xã hội các tỉnh, thành phố", "trực thuộc Trung ương"),
            "Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương",
        ),
        (("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"), "ỦY BAN NHÂN DÂN XÃ AN BÌNH"),
        (("1.", "Báo cáo, tham mưu"), "1. Báo cáo, tham mưu"),
        (("Điều 2.", "Ban Chỉ đạo có nhiệm vụ"), "Điều 2. Ban Chỉ đạo có nhiệm vụ"),
        (("Nguyễn", "Thế Mạnh"), "Nguyễn Thế Mạnh"),
        (("(Kèm theo Quyết định số 12/QĐ-UBND", "của Ủy ban nhân dân tỉnh)"),
         "(Kèm theo Quyết định số 12/QĐ-UBND của Ủy ban nhân dân tỉnh)"),
        (("(gọi tắt là Ban Chỉ đạo) và", "Tổ giúp việc"),
         "(gọi tắt là Ban Chỉ đạo) và Tổ giúp việc"),
    ],
)
def test_broken_lines_are_joined(lines: tuple[str, ...], expected: str) -> None:
    assert joined(*lines) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ("đảm bảo hoàn thành trong năm 2020", "2. Phối hợp với các cơ quan"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
        ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Bảo hiểm xã hội;"),
        ("thực hiện chính sách BHXH, BHYT", "Điều 5. Hiệu lực thi hành"),
        ("Chương I", "Mục 1"),
        ("các nhiệm vụ sau:", "a) Tuyên truyền"),
        ("các nhiệm vụ sau:", "đ) Báo cáo định kỳ"),
        ("- Tuyên truyền chính sách", "- Phát triển người tham gia"),
        ("+ Thành viên", "• Thành viên"),
        ("xem xét, giải quyết./.", "Nơi nhận:"),
        ("Về việc thành lập Ban Chỉ đạo", "QUYẾT ĐỊNH"),
        ("QUYẾT ĐỊNH:", "Điều 1. Thành lập Ban Chỉ đạo"),
        ("Số: 57/QĐ-UBND", "An Bình, ngày 05 tháng 01 năm 2024"),
        ("kết thúc đoạn văn.", "Tiếp theo là đoạn mới"),
        ("TỔNG GIÁM ĐỐC", "Nguyễn Thế Mạnh"),
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        ("-------", "Số: 12/KH-UBND"),
        ("trực thuộc Trung ương", "Trong những năm qua"),
        ("Nguyễn Thế Mạnh", "Tải văn bản gốc"),
        ("Kính gửi:", "Bảo hiểm xã hội tỉnh"),
        # a line-long note ends its paragraph; the list under it starts a new one
        ("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh)",
         "Ông Trần Văn Bình, Giám đốc Sở Y tế: Thành viên;"),
        # a section numbered in Roman numerals opens a line like "1." does
        ("năm học 2025 - 2026", "I. MỤC ĐÍCH, YÊU CẦU"),
        # a place-and-date line is a line of its own, even with OCR garbage in it
        ("Hà Nội, ngày 16 tháng 12 năm 2025", "Thực hiện Nghị quyết số 12/NQ-CP của Chính phủ"),
        ("An Bình, ngày ÁŠ tháng 12 năm 2025", "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh"),
        # a position, then the name behind a degree or under a damaged label
        ("GIÁM ĐỐC", "TS. Trần Văn Bình"),
        ("BỘ CÔNG AN", "SỐ: 12/BCA-X07"),
        ("BỘ CÔNG AN", "Vív triển khai kế hoạch"),
    ],
)
def test_real_breaks_stay(lines: tuple[str, str]) -> None:
    assert joined(*lines) == "\n".join(lines)


def test_two_whole_upper_case_words_never_glue() -> None:
    assert joined("ỦY BAN NHÂN DÂN", "XÃ") == "ỦY BAN NHÂN DÂN XÃ"
    assert joined("UBND", "TỈNH BÌNH ĐỊNH") == "UBND TỈNH BÌNH ĐỊNH"


def test_digits_join_only_into_a_year() -> None:
    assert joined("ngày", "24") == "ngày 24"
    assert joined("năm 2020", "20") == "năm 2020 20"
    assert joined("số 19", "5 thành viên") == "số 19 5 thành viên"


def test_table_rows_never_join() -> None:
    lines = [
        SourceLine(page=1, line=1, text="Danh sách thành viên gồm"),
        SourceLine(page=1, line=2, text="1\tÔng A\tTrưởng ban", table=0),
        SourceLine(page=1, line=3, text="2\tBà B\tPhó Trưởng ban", table=0),
        SourceLine(page=1, line=4, text="và các ông bà có tên", table=None),
    ]
    result = normalize(lines)
    assert [line.text for line in result.lines] == [
        "Danh sách thành viên gồm",
        "1\tÔng A\tTrưởng ban",
        "2\tBà B\tPhó Trưởng ban",
        "và các ông bà có tên",
    ]
    assert [line.table for line in result.lines] == [None, 0, 0, None]


def test_empty_line_breaks() -> None:
    assert joined("Ban Chỉ đạo thực hiện", "", "chính sách BHXH") == (
        "Ban Chỉ đạo thực hiện\nchính sách BHXH"
    )


def test_page_change_between_heading_and_body() -> None:
    lines = [
        SourceLine(page=1, line=30, text="QUY CHẾ HOẠT ĐỘNG"),
        SourceLine(page=2, line=1, text="Ban Chỉ đạo thực hiện chính sách"),
        SourceLine(page=2, line=2, text="bảo hiểm xã hội, bảo hiểm y tế xã"),
        SourceLine(page=3, line=1, text="An Bình có nhiệm vụ"),
        SourceLine(page=3, line=2, text="tham mưu Ủy ban nhân dân xã, và"),
        SourceLine(page=4, line=1, text="phối hợp với các đoàn thể."),
    ]
    assert normalize(lines).text == (
        "QUY CHẾ HOẠT ĐỘNG\nBan Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế xã\n"
        "An Bình có nhiệm vụ tham mưu Ủy ban nhân dân xã, và phối hợp với các đoàn thể."
    )


def test_words_glued_across_lines_follow_the_tone_convention() -> None:
    assert joined("Văn ho", "à", "xã hội") == "Văn hòa xã hội"


# ----------------------------------------------------------------------------- seeds

SEED_PHRASES = {
    "cv-3036-BHXH-BT-2020.txt": [
        "Số: 3036/BHXH-BT",
        "V/v tham mưu cấp ủy, chính quyền lãnh đạo, chỉ đạo tăng cường thực hiện chính sách"
        " BHXH, BHYT",
        "Hà Nội, ngày 24 tháng 9 năm 2020",
        "Trong những năm qua được sự quan tâm",
        "các cấp ủy đảng, chính quyền địa phương, công tác tổ chức thực hiện",
        "công tác giải quyết và chi trả các chế độ BHXH, BHYT kịp thời, đúng quy định",
        "phát triển người tham gia BHXH, BHYT còn hạn chế, số người tham gia BHXH còn rất thấp",
        "phối hợp lãnh đạo, chỉ đạo, tuyên truyền, vận động tại cấp cơ sở để phát triển",
        "BHYT hộ gia đình chưa hiệu quả",
        "Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương khóa XII, Nghị quyết số 28-NQ/TW",
        "Nghị quyết số 68/2013/QH13 của Quốc hội",
        "của Chính phủ đã đề ra.",
        "kiểm điểm hoạt động của Ban chỉ đạo",
        "- Như trên;",
        "- Lưu: VT, BT.",
    ],
    "cv-2657-BHXH-TCCB-2023.txt": [
        "BẢO HIỂM XÃ HỘI VIỆT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 2657/BHXH-TCCB",
        "Hà Nội, ngày 25 tháng 8 năm 2023",
        "Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương",
        "Ngày 10/6/2023 Chính phủ đã ban hành Nghị định số 33/2023/NĐ-CP quy định",
        "tại điểm a khoản 6 Điều 11, công chức Văn hóa - Xã hội",
        'nhiệm vụ: "tham mưu giúp Ủy ban nhân dân cấp xã',
        'cùng cấp quyết định". Để huy động',
        "Tổng Giám đốc BHXH Việt Nam yêu cầu Giám đốc BHXH tỉnh, thành phố trực thuộc Trung"
        " ương thực hiện",
    ],
}

# Tokens of the seeds that are neither syllables nor all-caps abbreviations.
NON_SYLLABLE_TOKENS = {"v", "TTg"}  # "V/v" (về việc), "546/QĐ-TTg"


@pytest.mark.parametrize("name", sorted(SEED_PHRASES))
def test_seed_phrases(name: str) -> None:
    result = normalize(seed_lines(name))
    for phrase in SEED_PHRASES[name]:
        assert phrase in result.text


@pytest.mark.parametrize("name", sorted(SEED_PHRASES))
def test_seed_lines_stand_apart(name: str) -> None:
    lines = [line.text for line in normalize(seed_lines(name)).lines]
    for expected in (
        "Độc lập - Tự do - Hạnh phúc",
        "Nơi nhận:",
        "TỔNG GIÁM ĐỐC",
        "Nguyễn Thế Mạnh",
        "Kính gửi:",
    ):
        assert expected in lines
    assert any(line.startswith("Hà Nội, ngày") for line in lines)


@pytest.mark.parametrize("name", sorted(SEED_PHRASES))
def test_every_seed_word_is_a_syllable(name: str) -> None:
    text = normalize(seed_lines(name)).text
    odd = {
        token
        for token in re.findall(r"[^\W\d_]+", text)
        if not is_syllable(token) and not token.isupper() and token not in NON_SYLLABLE_TOKENS
    }
    assert odd == set()


def test_seed_numbered_points_start_lines() -> None:
    lines = [line.text for line in normalize(seed_lines("cv-3036-BHXH-BT-2020.txt")).lines]
    assert [line[:2] for line in lines if line[:1].isdigit()] == ["1.", "2.", "3."]
    assert not any("2020 2." in line for line in lines)


# --------------------------------------------------------------------------- offsets


def test_positions_point_to_source_lines() -> None:
    lines = source("Trong nh", "ữ", "ng", "năm qua", "1.", "Báo cáo")
    result = normalize(lines)
    assert result.text == "Trong những năm qua\n1. Báo cáo"
    offset = result.text.index("ữ")
    assert result.position(offset) == (1, 2)
    assert result.position(result.text.index("ng năm")) == (1, 3)
    assert result.position(result.text.index("Báo")) == (1, 6)
    assert result.line_at(result.text.index("Báo")) == NormLine("1. Báo cáo", 20, 1, 5)


def test_spans_quote_the_original_text() -> None:
    lines = source("Văn hoá\u00a0-\u00a0Xã hội", "thuộc  Uỷ ban", page=3)
    result = normalize(lines)
    assert result.text == "Văn hóa - Xã hội thuộc Ủy ban"
    start = result.text.index("hóa")
    end = result.text.index("Ủy") + 2
    assert result.spans(start, end) == [
        Span("hoá\u00a0-\u00a0Xã hội", 3, 1),
        Span("thuộc  Uỷ", 3, 2),
    ]


def test_spans_cover_decomposed_and_invisible_characters() -> None:
    raw = "Quye\u0302\u0301t \u200bđi\u0323nh"
    result = normalize(source(raw))
    assert result.text == "Quyết định"
    assert result.spans(0, len(result.text)) == [Span(raw, 1, 1)]
    assert result.spans(6, 10) == [Span("đi\u0323nh", 1, 1)]


def test_keys_share_offsets() -> None:
    result = normalize(source("QUYẾT ĐỊNH thành lập Ban Chỉ đạo"))
    assert result.key == "quyết định thành lập ban chỉ đạo"
    assert result.loose == "quyet dinh thanh lap ban chi dao"
    assert match_key("Ủy BAN") == "ủy ban"
    assert loose_key("Đoàn Thanh niên") == "doan thanh nien"


def test_empty_input() -> None:
    result = normalize([])
    assert result.text == "" and result.lines == []
    with pytest.raises(IndexError):
        result.position(0)


# ------------------------------------------------------------------------- properties

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
ODD = "\u00a0\u2009\u200b\u00ad\ufeff\u2013\u2014\u2212“”‘’\u00d0\u00f0\u0300\u0301\u0309\u0323\t "
alphabet = st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + ODD + "0123456789/-.,;:()\"'")
raw_text = st.text(alphabet, max_size=40)

# Words, fragments, abbreviations, numbers, markers and punctuation as the seeds break them.
PHRASES = (
    "Trong những năm qua Ban Chỉ đạo thực hiện chính sách hòa thủy quý Điều Chương Căn cứ",
    "Nơi nhận Số: QUYẾT ĐỊNH ỦY BAN NHÂN DÂN XÃ BHXH BHYT XII II X B H 1. 2) a) - + 2020 20",
    '24 /BHXH -BT 68/2013/ QH1 3 , . ; : ( ) " nh ữ ng qu yế t ể n c ủ a đ ì Hà Nội, ngày',
)
WORDS = [word for phrase in PHRASES for word in phrase.split()]
line_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)


@given(st.text(max_size=60))
def test_normalize_string_is_idempotent(text: str) -> None:
    once = normalize_string(text)
    assert normalize_string(once) == once


@given(raw_text)
def test_normalize_string_is_idempotent_on_vietnamese(text: str) -> None:
    once = normalize_string(text)
    assert normalize_string(once) == once


@settings(max_examples=300)
@given(st.lists(line_text, max_size=12))
def test_normalising_normalised_lines_changes_nothing(texts: list[str]) -> None:
    once = normalize(source(*texts))
    again = normalize(source(*(line.text for line in once.lines)))
    assert again.text == once.text


@given(st.lists(st.tuples(st.one_of(raw_text, line_text), st.booleans()), max_size=10))
def test_offsets_map_into_the_input(rows: list[tuple[str, bool]]) -> None:
    lines = [
        SourceLine(page=1 + i // 4, line=i + 1, text=text, table=0 if is_row else None)
        for i, (text, is_row) in enumerate(rows)
    ]
    result = normalize(lines)
    assert len(result.key) == len(result.text) == len(result.loose)
    by_position = {(line.page, line.line): line.text for line in lines}
    for offset in range(len(result.text)):
        page, line, column = result.origin(offset)
        assert (page, line) == result.position(offset)
        assert 0 <= column <= len(by_position[(page, line)])
    for line in result.lines:
        assert result.text[line.start : line.end] == line.text
        assert result.line_at(line.start) == line


@given(st.text(max_size=40))
def test_keys_keep_length(text: str) -> None:
    assert len(match_key(text)) == len(text) == len(loose_key(text))


@pytest.mark.parametrize("run", ["_" * 500, "." * 41, "_." * 300, "-=" * 100, "…" * 90])
def test_a_long_run_of_marks_keeps_forty(run: str) -> None:
    """A blank or a rule longer than forty marks says no more than forty; the kept marks
    still point to their columns in the source line."""
    text = normalize([SourceLine(page=1, line=1, text=f"Số: {run}/QĐ-UBND")])
    assert text.text == f"Số: {run[:40]}/QĐ-UBND"
    assert text.position(text.text.index("/QĐ")) == (1, 1)
    assert normalize([SourceLine(page=1, line=1, text="Số: " + "." * 40 + "/QĐ")]).text == \
        "Số: " + "." * 40 + "/QĐ"
