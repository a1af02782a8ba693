import datetime as dt
from pathlib import Path

import pytest

from validator.structure import document_from_text
from validator.structure.header import parse_header

from .texts import CLOSING, LETTERHEAD, MEMBERS, OPENING, compose, lines_of

MOTTO_LINES = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


def header_of(text: str):
    lines = lines_of(text)
    return parse_header(lines, 0, len(lines))


def test_left_column_first_letterhead(decision_text):
    meta = document_from_text(decision_text()).metadata
    assert meta.issuer.text == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    assert meta.parent.text == "UBND HUYỆN BÌNH SƠN"
    assert (meta.number, meta.symbol) == ("57", "QĐ-UBND")
    assert meta.number_line.text == "Số: 57/QĐ-UBND" and meta.number_line.line == 4
    assert meta.place == "Xã An Bình" and meta.date == dt.date(2023, 10, 5)
    assert meta.date_line.text == "Xã An Bình, ngày 05 tháng 10 năm 2023"
    assert meta.type_name.text == "QUYẾT ĐỊNH"
    assert meta.summary.text.startswith("Về việc kiện toàn Ban Chỉ đạo")
    assert meta.authority_line.text == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in meta.national_motto.text
    assert "Độc lập - Tự do - Hạnh phúc" in meta.national_motto.text


def test_interleaved_letterhead_splits_off_the_motto():
    text = compose(
        "ỦY BAN NHÂN DÂN HUYỆN CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
        "BÌNH SƠN VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 123/QĐ-UBND Bình Sơn, ngày 15 tháng 10 năm 2020",
        "QUYẾT ĐỊNH",
        "Về việc thành lập Ban Chỉ đạo thực hiện chính sách BHXH, BHYT huyện Bình Sơn",
    )
    header = header_of(text)
    assert header.issuer.text == "ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN"
    assert header.parent is None
    assert header.national_motto.text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert (header.number, header.symbol) == ("123", "QĐ-UBND")
    assert header.place == "Bình Sơn" and header.date == dt.date(2020, 10, 15)


def test_letterhead_as_table_rows():
    text = compose(
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc",
        "-------\t---------------",
        "Số: 1458/QĐ-UBND\tQuảng Ngãi, ngày 15 tháng 10 năm 2020",
        "QUYẾT ĐỊNH",
        "Về việc thành lập Ban Chỉ đạo",
    )
    header = header_of(text)
    assert header.issuer.text == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    assert header.place == "Quảng Ngãi"


def test_impossible_date_keeps_the_line():
    text = LETTERHEAD.replace("ngày 05 tháng 10", "ngày 31 tháng 02")
    header = header_of(compose(text, OPENING))
    assert header.date is None
    assert header.date_line.text == "Xã An Bình, ngày 31 tháng 02 năm 2023"


def test_date_without_leading_zero_is_kept_as_written():
    text = LETTERHEAD.replace("ngày 05 tháng 10", "ngày 5 tháng 9")
    header = header_of(compose(text, OPENING))
    assert header.date == dt.date(2023, 9, 5)
    assert "ngày 5 tháng 9" in header.date_line.text


def test_number_broken_one_piece_per_line():
    text = compose("BẢO HIỂM XÃ HỘI VIỆT NAM", "-------", "Số:", "3036", "/BHXH", "-BT",
                   "Hà Nội, ngày", "24", "tháng", "9", "năm 20", "20", "Kính gửi:")
    header = header_of(text)
    assert (header.number, header.symbol) == ("3036", "BHXH-BT")
    assert header.date == dt.date(2020, 9, 24)


def test_blank_draft_number():
    header = header_of(compose("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số:     /QĐ-UBND", "QUYẾT ĐỊNH"))
    assert header.number is None and header.symbol == "QĐ-UBND"


def test_commune_named_cong_hoa_is_not_the_motto():
    header = header_of(compose("UBND HUYỆN PHÚ BÌNH", "ỦY BAN NHÂN DÂN XÃ CỘNG HÒA",
                               "Số: 5/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                               "QUYẾT ĐỊNH"))
    assert header.issuer.text == "ỦY BAN NHÂN DÂN XÃ CỘNG HÒA"
    assert header.national_motto.text.startswith("CỘNG HÒA XÃ HỘI")


def test_bases_and_proposal(decision_text):
    meta = document_from_text(decision_text()).metadata
    assert [b.text[:20] for b in meta.legal_basis_lines] == [
        "Căn cứ Luật Tổ chức ", "Căn cứ Nghị định số ", "Căn cứ Công văn số 2"]
    kinds = [(r.kind, r.number, r.symbol) for r in meta.legal_bases]
    assert ("Nghị định", "33", "2023/NĐ-CP") in kinds
    assert ("Công văn", "2657", "BHXH-TCCB") in kinds
    # the proposal line is no legal basis
    assert not any("đề nghị" in b.text for b in meta.legal_basis_lines)


def test_so_in_body_is_not_a_number():
    body = compose(LETTERHEAD.replace("Số: 57/QĐ-UBND", "-------"), OPENING, MEMBERS, CLOSING)
    meta = document_from_text(body).metadata
    assert meta.number is None and meta.number_line is None


# Copies of ../shared/seeds, so the suite runs wherever the repository is cloned.
SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def test_seed_3036():
    text = (SEEDS / "cv-3036-BHXH-BT-2020.txt").read_text(encoding="utf-8")
    document = document_from_text(text)
    meta = document.metadata
    assert document.doc_type == "other"
    assert (meta.number, meta.symbol) == ("3036", "BHXH-BT")
    assert meta.date == dt.date(2020, 9, 24)
    assert meta.issuer.text.lower() == "bảo hiểm xã hội việt nam"
    assert meta.summary.text.startswith("V/v tham mưu")
    assert meta.signer.position == "TỔNG GIÁM ĐỐC" and meta.signer.name == "Nguyễn Thế Mạnh"
    assert document.members == []


def test_seed_2657():
    text = (SEEDS / "cv-2657-BHXH-TCCB-2023.txt").read_text(encoding="utf-8")
    document = document_from_text(text)
    meta = document.metadata
    assert document.doc_type == "other" and document.level == "unknown"
    assert (meta.number, meta.symbol, meta.date) == ("2657", "BHXH-TCCB", dt.date(2023, 8, 25))
    # the seed names every future member in its body; a công văn has no member list
    assert document.members == []


def test_scan_joins_the_type_name_to_a_damaged_date_line():
    """OCR read the date row and the centred type name as one line, "QUYẾT" without its hat,
    and a handwritten month as "1$": the place stays, the date is none, the type is found."""
    text = compose("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 57/QĐ-UBND", MOTTO_LINES,
                   "An Bình, ngày 19 tháng 1$ năm 2025 QUYÉT ĐỊNH",
                   "Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình",
                   "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Căn cứ Luật Tổ chức chính quyền địa "
                   "phương ngày 19 tháng 6 năm 2015;", "QUYẾT ĐỊNH:",
                   "Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình.")
    document = document_from_text(text)
    meta = document.metadata
    assert (meta.place, meta.date) == ("An Bình", None)
    assert meta.date_line.text == "An Bình, ngày 19 tháng 1$ năm 2025"
    assert (meta.type_name.text, meta.kind) == ("QUYÉT ĐỊNH", "quyết định")
    assert meta.summary.text.startswith("Về việc kiện toàn")
    assert meta.issuer.text == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    assert document.doc_type == "decision"


# A scan whose number and day were written by hand: OCR reads them as garbage.
OCR_HEAD = ("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 2f† /QĐ-UBND", MOTTO_LINES,
            "An Bình, ngày 1? tháng l$ năm 2025", "QUYẾT ĐỊNH",
            "Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH")


@pytest.mark.parametrize("line", ["Số: 2f† /QĐ-UBND", "Số: .5/. /QĐ-UBND", "Số: Z⁄ /QĐ-UBND"])
def test_unreadable_number_keeps_its_line_and_symbol(line: str):
    header = header_of(compose(*(line if part.startswith("Số") else part for part in OCR_HEAD)))
    assert (header.number, header.symbol) == (None, "QĐ-UBND")
    assert header.number_line.text == line
    assert header.issuer.text == "ỦY BAN NHÂN DÂN XÃ AN BÌNH" and header.parent is None


@pytest.mark.parametrize("line", ["An Bình, ngày 1? tháng l$ năm 2025",
                                  "An Bình, ngày l9 tháng ?2 năm 2O25",
                                  "An Bình, ngày .'. tháng 1$ năm 2025",
                                  "An Bình, ngày. ˆ` tháng 9 năm 2025",
                                  "An Bình, ngày,#8 tháng 12 năm 2025",
                                  "An Bình, ngà: tháng 11 năm 2025"])
def test_unreadable_date_keeps_its_line_and_place(line: str):
    header = header_of(compose(*(line if "ngày" in part else part for part in OCR_HEAD)))
    assert (header.place, header.date) == ("An Bình", None)
    assert header.date_line.text == line
    assert header.type_name.text == "QUYẾT ĐỊNH"
    assert header.issuer.text == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"


def test_unreadable_number_before_a_symbol_broken_after_its_dash():
    text = compose(*(("Số: <2 /TTr- UBND(VP)" if part.startswith("Số") else part)
                     for part in OCR_HEAD))
    header = header_of(text)
    assert (header.number, header.symbol) == (None, "TTr-UBND(VP)")


def test_number_line_without_a_symbol_is_no_issuer():
    text = compose(*(("Số: 2f†" if part.startswith("Số") else part) for part in OCR_HEAD))
    header = header_of(text)
    assert header.number_line is None
    assert header.issuer.text == "ỦY BAN NHÂN DÂN XÃ AN BÌNH" and header.parent is None


def test_words_after_so_are_no_unreadable_number():
    header = header_of(compose("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số hộ/người tham gia",
                               "QUYẾT ĐỊNH"))
    assert header.number_line is None


@pytest.mark.parametrize("banner", [
    "Cơ quan phát hành: ỦY BAN NHÂN DÂN TỈNH BẮC LÂM",
    "Í:~-- Ký bởi: Văn phòng Ủy ban nhân dân tỉnh Bắc Lâm",
    "https://anbinh.baclam.gov.vn/van-ban",
    "VĂN BẢN ĐIỆN TỬ www.bac-lam.vn",
])
def test_banner_above_the_letterhead_is_no_parent(banner: str):
    header = header_of(compose(banner, "UBND HUYỆN BÌNH SƠN", *OCR_HEAD))
    assert header.parent.text == "UBND HUYỆN BÌNH SƠN"
    assert header.issuer.text == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"


def test_ministry_over_its_provincial_office():
    """ "BỘ CÔNG AN" over "CÔNG AN TỈNH ...": the ministry is one name, not "BỘ" and "CÔNG AN"."""
    header = header_of(compose("BỘ CÔNG AN", "CÔNG AN TỈNH BẮC LÂM",
                               *(part for part in OCR_HEAD[2:])))
    assert header.parent.text == "BỘ CÔNG AN"
    assert header.issuer.text == "CÔNG AN TỈNH BẮC LÂM"


@pytest.mark.parametrize("label", ["Só:", "Sô:", "SỐ:", "Số"])
def test_number_label_a_scan_damaged_keeps_its_line_and_symbol(label: str):
    """ "Só:" is the number line (its symbol kept, no part of the issuer); the digits after a
    damaged label are not trusted (they are often written by hand), so the number is left to
    the reviewer, while an intact label keeps its number."""
    header = header_of(compose("BỘ CÔNG AN", f"{label}318 /BCA-X07.", *OCR_HEAD[3:]))
    assert header.issuer.text == "BỘ CÔNG AN" and header.parent is None
    assert header.symbol == "BCA-X07" and header.number_line is not None
    assert header.number == ("318" if label.lower().startswith("số") else None)


@pytest.mark.parametrize("label", ["V/v", "Vív", "V|v", "Vlv"])
def test_congvan_summary_under_a_damaged_slash(label: str):
    """A công văn's "V/v" as a scan reads it: the summary, not more of the issuing body."""
    header = header_of(compose(
        "BỘ CÔNG AN", "Số: 318/BCA-X07", f"{label} triển khai kế hoạch phòng,",
        "chống tác hại của thuốc lá", MOTTO_LINES, "Hà Nội, ngày 12 tháng 3 năm 2025",
        "Kính gửi: Ủy ban nhân dân các tỉnh", "Thực hiện chỉ đạo của Chính phủ, ..."))
    assert header.issuer.text == "BỘ CÔNG AN"
    assert header.summary.text == f"{label} triển khai kế hoạch phòng, chống tác hại của thuốc lá"
    assert header.kind == "công văn"


def test_bases_end_where_the_body_begins():
    """ "Căn cứ ...;" and then the body ("I. ...;", items ending in ";", "Nơi nhận:"): only
    lines that cite a document are further bases; the body and the closing stay theirs."""
    text = compose(
        "BỘ Y TẾ", "Số: 41/BYT-KH", "V/v đề xuất nhu cầu vốn năm 2026", MOTTO_LINES,
        "Hà Nội, ngày 12 tháng 3 năm 2025",
        "Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ;",
        "Luật Đầu tư công ngày 13 tháng 6 năm 2019;",
        "I. Dự kiến mục tiêu, nhiệm vụ giai đoạn 2026 - 2030;",
        "1. Các Bộ, cơ quan trung ương đề xuất nhu cầu vốn;",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Văn Mười")
    document = document_from_text(text)
    bases = [line.text for line in document.metadata.legal_basis_lines]
    assert bases == ["Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ;",
                     "Luật Đầu tư công ngày 13 tháng 6 năm 2019;"]
    assert [r.text for r in document.metadata.recipients] == ["Như trên;", "Lưu: VT."]
    assert document.metadata.signer.name == "Lê Văn Mười"


@pytest.mark.parametrize("type_name", ["PHIẾU TRÌNH", "PHIEU TRINH", "THÔNG CÁO", "PHƯƠNG ÁN",
                                       "GIẤY GIỚI THIỆU", "BẢN GHI NHỚ"])
def test_every_kind_of_nd30_document_is_a_type_name(type_name: str):
    """The kinds of Nghị định 30 (and a scan's unmarked spelling) end the letterhead."""
    header = header_of(compose("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số: 12/PA-UBND", MOTTO_LINES,
                               "An Bình, ngày 05 tháng 3 năm 2025", type_name,
                               "Về việc tuyên truyền chính sách BHXH, BHYT"))
    assert header.type_name.text == type_name
    assert header.issuer.text == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    assert header.summary.text == "Về việc tuyên truyền chính sách BHXH, BHYT"
