from __future__ import annotations

import pytest

from validator.report.names import locality, prose_name


@pytest.mark.parametrize(("letterhead", "prose", "place"), [
    ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Ủy ban nhân dân xã An Bình", "xã An Bình"),
    ("UBND THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh",
     "thành phố Hồ Chí Minh"),
    ("UBND THỊ XÃ TÂN UYÊN", "Ủy ban nhân dân thị xã Tân Uyên", "thị xã Tân Uyên"),
    ("BẢO HIỂM XÃ HỘI TỈNH AN GIANG", "Bảo hiểm xã hội tỉnh An Giang", "tỉnh An Giang"),
    ("BẢO HIỂM XÃ HỘI VIỆT NAM", "Bảo hiểm xã hội Việt Nam", ""),
    ("BẢO HIỂM XÃ HỘI KHU VỰC XV", "Bảo hiểm xã hội khu vực XV", "khu vực XV"),
    ("BAN CHỈ ĐẠO THỰC HIỆN CHÍNH SÁCH BHXH, BHYT PHƯỜNG 5",
     "Ban Chỉ đạo thực hiện chính sách BHXH, BHYT phường 5", "phường 5"),
    ("Ủy ban nhân dân xã Hòa Khánh", "Ủy ban nhân dân xã Hòa Khánh", "xã Hòa Khánh"),
    ("", "", ""),
])
def test_letterhead_names_in_prose(letterhead: str, prose: str, place: str) -> None:
    assert prose_name(letterhead) == prose
    assert locality(prose) == place
