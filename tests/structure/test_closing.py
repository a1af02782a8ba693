import pytest

from validator.structure import document_from_text

from .texts import LETTERHEAD, MEMBERS, OPENING, compose


def closing_of(*lines: str):
    return document_from_text(compose(LETTERHEAD, OPENING, MEMBERS, *lines)).metadata


def test_left_column_first():
    meta = closing_of("Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
                      "CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn An")
    signer = meta.signer
    assert (signer.authority, signer.authority_body, signer.position, signer.name) == (
        "TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An")
    assert [r.text for r in meta.recipients] == ["Như Điều 3;", "Lưu: VT."]


def test_interleaved_columns():
    meta = closing_of("Nơi nhận: KT. CHỦ TỊCH", "- Như Điều 4; PHÓ CHỦ TỊCH",
                      "- UBND huyện Bình Sơn (b/c);", "- Lưu: VT.", "Trần Thị Bình")
    signer = meta.signer
    assert (signer.authority, signer.position, signer.name) == ("KT.", "PHÓ CHỦ TỊCH",
                                                               "Trần Thị Bình")
    assert [r.text for r in meta.recipients] == [
        "Như Điều 4;", "UBND huyện Bình Sơn (b/c);", "Lưu: VT."]


def test_signer_first_and_committee_prefix():
    meta = closing_of("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Hoàng Đức Thắng", "Nơi nhận:",
                      "- Các thành viên BCĐ;", "- Lưu: VT.")
    assert (meta.signer.authority_body, meta.signer.position, meta.signer.name) == (
        "BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Hoàng Đức Thắng")
    assert [r.text for r in meta.recipients] == ["Các thành viên BCĐ;", "Lưu: VT."]


def test_no_prefix_position_only():
    meta = closing_of("Nơi nhận:", "- Như Điều 4;", "CHỦ TỊCH", "Mai Xuân Trường")
    assert (meta.signer.authority, meta.signer.position, meta.signer.name) == (
        None, "CHỦ TỊCH", "Mai Xuân Trường")


def test_body_mentioning_the_chairman_is_not_the_signer():
    meta = closing_of("Chủ tịch UBND xã chịu trách nhiệm thi hành Quyết định này./.")
    assert meta.signer is None and meta.recipients == []


def test_name_after_a_speck_read_as_a_dash():
    """A scan reads a mark before the name as "-": the line looks like a recipient."""
    meta = closing_of("Nơi nhận:", "- Như Điều 4;", "- Lưu: VT.", "CHỦ TỊCH", "-Mai Xuân Trường")
    assert (meta.signer.position, meta.signer.name) == ("CHỦ TỊCH", "Mai Xuân Trường")


def test_nested_authority_keeps_the_chain():
    meta = closing_of("Nơi nhận:", "- Như Điều 4;", "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG",
                      "PHÓ CHÁNH VĂN PHÒNG", "(Đã ký)", "Mai Xuân Trường")
    signer = meta.signer
    assert signer.chain == ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG")
    assert (signer.authority, signer.position, signer.name, signer.signed) == (
        "KT.", "PHÓ CHÁNH VĂN PHÒNG", "Mai Xuân Trường", True)


def test_closing_read_as_table_rows():
    """The recipients and signer columns read as rows of one table (TAB between the cells)."""
    meta = closing_of("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- Như Điều 4;\tCHỦ TỊCH",
                      "- Lưu: VT.\t", "\tMai Xuân Trường")
    assert (meta.signer.authority, meta.signer.position, meta.signer.name) == (
        "TM.", "CHỦ TỊCH", "Mai Xuân Trường")
    assert [r.text for r in meta.recipients] == ["Như Điều 4;", "Lưu: VT."]


def test_two_signers_side_by_side_in_table_rows():
    meta = closing_of("KT. GIÁM ĐỐC\tKT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC\tPHÓ GIÁM ĐỐC",
                      "Nông Văn Tiệp\tSầm Thị Hoa", "Nơi nhận:", "- Lưu: VT.")
    assert [(s.authority, s.position, s.name) for s in meta.signers] == [
        ("KT.", "PHÓ GIÁM ĐỐC", "Nông Văn Tiệp"), ("KT.", "PHÓ GIÁM ĐỐC", "Sầm Thị Hoa")]
    assert meta.signer == meta.signers[0]


@pytest.mark.parametrize("position, name_line, name", [
    ("GIÁM ĐỐC", "Đại tá Lê Văn Sáu", "Lê Văn Sáu"),
    ("GIÁM ĐÓC", "Thiếu tướng Trần Quốc Bảy", "Trần Quốc Bảy"),  # a scan lost a circumflex
    ("CỤC TRƯỞNG", "Thiêu tướng Phan Văn Tám", "Phan Văn Tám"),  # and a tone mark
    ("CHI CỤC TRƯỞNG", "TS. Đỗ Thị Chín", "Đỗ Thị Chín"),
])
def test_signer_with_a_rank_under_a_head_title(position: str, name_line: str, name: str):
    """Police, army and central agencies: the head's title and a rank or degree before the
    name, after the recipients; the rank is no part of the name."""
    meta = closing_of("Nơi nhận:", "- Như trên;", "- Lưu: VT.", position, name_line)
    assert (meta.signer.position, meta.signer.name) == (position, name)
    assert [r.text for r in meta.recipients] == ["Như trên;", "Lưu: VT."]


@pytest.mark.parametrize("line", ["KT. BỘ TRƯỞNG THỨ TRƯỞNG", "KT. BỘ TRƯỞNG THỨ TRƯỜNG"])
def test_deputy_minister_on_the_authority_line(line: str):
    """ "KT. BỘ TRƯỞNG" and "THỨ TRƯỞNG" read as one line (a scan may damage the second)."""
    meta = closing_of("Nơi nhận:", "- Như trên;", "- Lưu: VT.", line, "Thượng tướng Hồ Văn Mười")
    signer = meta.signer
    assert signer.chain == ("KT. BỘ TRƯỞNG",)
    assert (signer.position, signer.name) == (line.split("TRƯỞNG ", 1)[1], "Hồ Văn Mười")


def test_total_director_is_one_title():
    meta = closing_of("Nơi nhận:", "- Như trên;", "KT. TỔNG GIÁM ĐỐC", "PHÓ TỔNG GIÁM ĐỐC",
                      "Ngô Văn Mười")
    assert meta.signer.chain == ("KT. TỔNG GIÁM ĐỐC",)
    assert (meta.signer.position, meta.signer.name) == ("PHÓ TỔNG GIÁM ĐỐC", "Ngô Văn Mười")
