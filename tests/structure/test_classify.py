import pytest

from validator.model import Located
from validator.structure import document_from_text
from validator.structure.classify import doc_type, level

from .texts import CLOSING, DUTIES, LETTERHEAD, MEMBERS, OPENING, compose


def at(text: str | None) -> Located | None:
    return Located(text=text, page=1, line=1) if text else None


@pytest.mark.parametrize(("issuer", "parent", "expected"), [
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", None, "province"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", None, "province"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ QUẢNG NGÃI", "UBND TỈNH QUẢNG NGÃI", "district"),
    ("ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN", "UBND TỈNH QUẢNG NGÃI", "district"),
    ("ỦY BAN NHÂN DÂN QUẬN 3", None, "district"),
    ("ỦY BAN NHÂN DÂN THỊ XÃ HƯƠNG THỦY", None, "district"),  # thị xã is no xã
    ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "UBND HUYỆN BÌNH SƠN", "commune"),
    ("ỦY BAN NHÂN DÂN PHƯỜNG THỦY DƯƠNG", "UBND THỊ XÃ HƯƠNG THỦY", "commune"),
    ("ỦY BAN NHÂN DÂN THỊ TRẤN CHÂU Ổ", None, "commune"),
    # since 1/7/2025: no district between province and commune
    ("ỦY BAN NHÂN DÂN XÃ MỸ HIỆP", "TỈNH ĐỒNG THÁP", "commune"),
    ("ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO", "THÀNH PHỐ HỒ CHÍ MINH", "commune"),
    # a committee's own letterhead takes the level of the government above it
    ("BAN CHỈ ĐẠO THỰC HIỆN CHÍNH SÁCH BHXH, BHYT", "UBND XÃ PHÚ THỊNH", "commune"),
    ("BAN CHỈ ĐẠO THỰC HIỆN CHÍNH SÁCH BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ TỈNH NAM ĐỊNH", None,
     "province"),
    ("HỘI ĐỒNG XÉT DUYỆT HỒ SƠ", "UBND TỈNH QUẢNG NGÃI", "province"),
    ("HỘI ĐỒNG NHÂN DÂN XÃ AN BÌNH", None, "commune"),
    # "xã hội" in an agency's name is no commune
    ("BẢO HIỂM XÃ HỘI VIỆT NAM", None, "unknown"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "UBND TỈNH QUẢNG NGÃI", "unknown"),
])
def test_level(issuer, parent, expected):
    assert level(at(issuer), at(parent), None) == expected


def test_level_from_authority_line_when_no_issuer():
    assert level(None, None, at("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH")) == "commune"


@pytest.mark.parametrize(("type_name", "summary", "regulation", "expected"), [
    ("QUYẾT ĐỊNH", "Về việc thành lập Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã", False,
     "decision"),
    ("QUYẾT ĐỊNH", "Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT", True,
     "combined"),
    ("QUYẾT ĐỊNH", "Về việc hợp nhất Ban Chỉ đạo phát triển BHYT toàn dân", False, "decision"),
    ("QUYẾT ĐỊNH", "Về việc ban hành Quy chế hoạt động của Ban Chỉ đạo thực hiện chính sách "
     "BHXH, BHYT xã", False, "regulation"),
    ("QUYẾT ĐỊNH", "Về việc ban hành Quy chế hoạt động của Ban Chỉ đạo thực hiện chính sách "
     "BHXH, BHYT xã", True, "regulation"),
    ("QUY CHẾ", "Hoạt động của Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã", False,
     "regulation"),
    # a steering committee on something else, and a decision on insurance without one
    ("QUYẾT ĐỊNH", "Về việc kiện toàn Ban Chỉ đạo phòng, chống thiên tai xã", False, "other"),
    ("QUYẾT ĐỊNH", "Về việc giao chỉ tiêu phát triển người tham gia BHXH, BHYT", False, "other"),
    ("KẾ HOẠCH", "Thực hiện chính sách BHXH, BHYT của Ban Chỉ đạo năm 2024", False, "other"),
    (None, "V/v kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT", False, "other"),
])
def test_doc_type(type_name, summary, regulation, expected):
    assert doc_type(at(type_name), at(summary), [], regulation) == expected


def test_summary_missing_falls_back_to_article_1():
    document = document_from_text(compose(
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số: 57/QĐ-UBND", "QUYẾT ĐỊNH",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", "QUYẾT ĐỊNH:",
        "Điều 1. Thành lập Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình.", CLOSING))
    assert document.metadata.summary is None
    assert (document.doc_type, document.level) == ("decision", "commune")


def test_whole_decision(decision_text):
    document = document_from_text(decision_text())
    assert (document.doc_type, document.level) == ("decision", "commune")


def test_unrelated_committee_decision_is_other():
    opening = OPENING.replace("thực hiện chính sách BHXH, BHYT", "phòng, chống thiên tai")
    members = MEMBERS.replace("thực hiện chính sách BHXH, BHYT", "phòng, chống thiên tai")
    document = document_from_text(compose(LETTERHEAD, opening, members, DUTIES, CLOSING))
    assert document.doc_type == "other"
    assert document.members  # the structure is still read; only the rules differ
