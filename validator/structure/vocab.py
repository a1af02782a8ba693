"""Words and patterns of Vietnamese administrative writing, shared by the structure parsers.

Patterns run on the lower-cased match key of normalised text (same length as the text, so a match
offset is a text offset). Both tone-mark placements are accepted where they occur (ủy/uỷ, hóa/hoá,
hòa/hoà) so the parsers do not depend on the convention normalisation picked.
"""

from __future__ import annotations

import re

UY = "(?:ủy|uỷ)"
HOA = "(?:hóa|hoá)"
HOA2 = "(?:hòa|hoà)"

_UPPER = "A-ZĐƯƠÂÊÔĂ"
# "57/QĐ-UBND", "33/2023/NĐ-CP", "21-NQ/TW", "68/2013/QH13"; a draft's number may be blank.
NUMBER_SYMBOL = (
    rf"(?:\d{{1,6}}[a-zA-Z]?|[.…_]*)(?:/\d{{4}})?[/-][{_UPPER}][{_UPPER}a-zđ0-9]*"
    rf"(?:[-/.][{_UPPER}0-9][{_UPPER}a-zđ0-9]*)*"
)

# The first words of a job title: where a run of capitalised name words must stop.
POSITION_START = re.compile(
    rf"(?:chủ tịch|phó |bí thư|giám đốc|tổng giám đốc|trưởng|công chức|cán bộ|chánh |chỉ huy"
    rf"|{UY} viên|đại diện|kế toán|viên chức|hiệu trưởng|trạm trưởng|tổ trưởng|thư ký"
    rf"|chuyên viên|nhân viên|thủ trưởng|văn phòng|công an|bác sĩ|y sĩ|người )"
)

HONORIFIC = re.compile(
    r"(?:đồng chí|đ/c|ông\s*\(bà\)|ông/bà|ông,\s*bà|ông|bà|anh|chị)(?=[\s.:,]|$)\.?\s*:?\s*"
)

# Committee roles. The core word must be the whole segment (see members.py): "Trưởng ban Dân
# vận" is a job, "Trưởng ban" after a dash is a role.
ROLE = re.compile(
    rf"(?P<core>phó trưởng ban|phó ban|trưởng ban|{UY} viên|thành viên|thư ký"
    r"|tổ trưởng tổ giúp việc|tổ phó tổ giúp việc|tổ viên tổ giúp việc)"
    r"(?P<extra>(?:\s+(?:thường trực|trực|chuyên trách|kiêm thư ký|ban chỉ đạo|bcđ))*)"
)

# Administrative units, in the order the issuing body names them.
UNIT = re.compile(
    r"(?<![^\s(,])(?P<unit>thị xã|thị trấn|thành phố|đặc khu|tỉnh|huyện|quận|phường|xã(?! hội))"
    r"(?![^\s),.;])"
)

TYPE_NAMES = (
    "QUYẾT ĐỊNH", "QUY CHẾ", "KẾ HOẠCH", "THÔNG BÁO", "TỜ TRÌNH", "BÁO CÁO", "HƯỚNG DẪN",
    "CHỈ THỊ", "NGHỊ QUYẾT", "QUY ĐỊNH", "CÔNG VĂN", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "GIẤY MỜI",
    "BIÊN BẢN", "CÔNG ĐIỆN", "DANH SÁCH",
)
TYPE_NAME = re.compile(
    "(?P<type>" + "|".join(t.lower() for t in TYPE_NAMES) + r")(?![^\s:.])"
)


def is_upper_text(text: str, share: float = 0.8) -> bool:
    """Mostly capital letters: how headings, body names and signer positions are printed."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return sum(c.isupper() for c in letters) >= share * len(letters)
