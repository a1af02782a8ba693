"""Words and patterns of Vietnamese administrative writing, shared by the structure parsers.

Patterns run on the lower-cased match key of normalised text (same length as the text, so a match
offset is a text offset). Both tone-mark placements are accepted where they occur (ủy/uỷ, hóa/hoá,
hòa/hoà) so the parsers do not depend on the convention normalisation picked.
"""

from __future__ import annotations

import re
from itertools import pairwise

from validator.normalize import is_syllable, loose_key

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
    rf"(?:chủ tịch|phó[\s/]|bí thư|giám đốc|tổng giám đốc|trưởng|công chức|cán bộ|chánh[\s/]"
    rf"|chỉ huy|{UY} viên|đại diện|kế toán|viên chức|hiệu trưởng|trạm trưởng|tổ trưởng|thư ký"
    rf"|chuyên viên|nhân viên|thủ trưởng|văn phòng|công an|bác sĩ|y sĩ|người |lãnh đạo"
    rf"|đại biểu|trợ lý|kỹ thuật viên|điều tra viên|kiểm sát viên|thanh tra viên|giáo viên"
    rf"|hiệu phó|phóng viên|biên tập viên|đội trưởng|đội phó|tổ phó|thôn trưởng|già làng)"
)

HONORIFIC = re.compile(
    r"(?:đồng chí|đ/c|ông\s*\(bà\)|ông/bà|ông,\s*bà|ông|bà|anh|chị)(?=[\s.:,]|$)\.?\s*:?\s*"
)
# Military and police ranks, academic and professional titles: printed where "Ông" would be
# ("Đại tá Nguyễn Văn A", "TS. Trần Thị B", "BS.CKII Lê Văn C", "ThS.BS. Lê Thị D").
# The kinds of document a legal reference names ("Nghị định số 33/2023/NĐ-CP").
LEGAL_KINDS = (
    "bộ luật", "luật", "pháp lệnh", "nghị định", "nghị quyết", "quyết định", "thông tư liên tịch",
    "thông tư", "chỉ thị", "công văn", "công điện", "kế hoạch", "hướng dẫn", "văn bản",
    "thông báo", "kết luận", "quy định", "quy chế",
)
# "Số", the number's label, as a scan may read it (Só, Sô, Sổ ...): the vowel's marks are the
# small print OCR loses. Lower case: it is matched on a line's key.
NUMBER_LABEL = "s[ốóôồổỗộòỏõọo]"
RANK = re.compile(r"(?:đại|thượng|trung|thiếu)\s+(?:tướng|tá|úy|uý)(?=\s)\s*")
_CK = r"ck(?:ii|i|[12])"
TITLE = re.compile(
    rf"(?:(?:gs|pgs|ts|tskh|ths|bs|ds|ks|cn|ls|nsnd|nsưt|ttnd|ttưt|bs{_CK}|ds{_CK}|{_CK})"
    r"(?:\.\s*|(?=\s)\s*))+"
)
INVITED = re.compile(r"mời\s+(?=ông|bà|đồng chí|đ/c)")

# Where an agency's name starts ("Sở Y tế", "UBND xã", "Hội Nông dân xã", "thôn An Phú").
AGENCY_START = re.compile(
    rf"(?<![^\s(,])(?:sở|phòng|ban(?! chỉ đạo)|{UY} ban|ubnd|hđnd|ubmttq|mttq|văn phòng"
    r"|công an|bảo hiểm xã hội|bhxh|bưu điện|trung tâm|(?<!xã )(?<!đại )hội|đoàn|liên đoàn"
    r"|mặt trận|trường|bệnh viện|trạm|chi cục|cục|(?<!cán )bộ|tổng cục|kho bạc|ngân hàng"
    r"|chi nhánh|công ty|ban chỉ huy|bộ chỉ huy|đồn|thanh tra|tòa án|viện kiểm sát|báo(?! cáo)"
    rf"|đài|thuế|hợp tác xã|đảng {UY}|huyện {UY}|tỉnh {UY}|thành {UY}|liên minh|thôn"
    r"|(?<!văn )bản|ấp|buôn|làng|tổ dân phố"
    r"|khu phố|khu dân cư|quân sự|các sở|các hội|các đoàn thể)(?![^\s,.;:)])"
)

# Administrative units, in the order the issuing body names them.
UNIT = re.compile(
    r"(?<![^\s(,])(?P<unit>thị xã|thị trấn|thành phố|đặc khu|tỉnh|huyện|quận|phường|xã(?! hội))"
    r"(?![^\s),.;])"
)

# The kinds of administrative document of Nghị định 30 (Điều 7), the lists and annexes that
# come with them, and the internal "phiếu trình".
TYPE_NAMES = (
    "QUYẾT ĐỊNH", "QUY CHẾ", "KẾ HOẠCH", "THÔNG BÁO", "TỜ TRÌNH", "BÁO CÁO", "HƯỚNG DẪN",
    "CHỈ THỊ", "NGHỊ QUYẾT", "QUY ĐỊNH", "CÔNG VĂN", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "GIẤY MỜI",
    "BIÊN BẢN", "CÔNG ĐIỆN", "DANH SÁCH", "PHỤ LỤC", "KẾ HOẠCH LIÊN TỊCH",
    "THÔNG TƯ LIÊN TỊCH", "NGHỊ QUYẾT LIÊN TỊCH", "THÔNG CÁO", "PHƯƠNG ÁN", "DỰ ÁN",
    "HỢP ĐỒNG", "BẢN GHI NHỚ", "BẢN THỎA THUẬN", "GIẤY ỦY QUYỀN", "GIẤY GIỚI THIỆU",
    "GIẤY NGHỈ PHÉP", "PHIẾU GỬI", "PHIẾU CHUYỂN", "PHIẾU BÁO", "PHIẾU TRÌNH", "THƯ CÔNG",
)
TYPE_NAME = re.compile(  # longest first: "KẾ HOẠCH LIÊN TỊCH" before "KẾ HOẠCH"
    "(?P<type>" + "|".join(t.lower() for t in sorted(TYPE_NAMES, key=len, reverse=True))
    + r")(?![^\s:.])"
)
# The same on the loose key (no marks): a scan's "QUYÉT ĐỊNH" is still a type name.
_BY_LOOSE = {loose_key(t): t.lower() for t in TYPE_NAMES}
TYPE_NAME_LOOSE = re.compile(
    "(?P<type>" + "|".join(sorted(_BY_LOOSE, key=len, reverse=True)) + r")(?![^\s:.])"
)


def type_kind(written: str) -> str:
    """The type name a written one stands for, lower-case ("QUYÉT ĐỊNH" -> "quyết định")."""
    loose = " ".join(loose_key(written).split())
    return _BY_LOOSE.get(loose, " ".join(written.lower().split()))


def is_upper_text(text: str, share: float = 0.8) -> bool:
    """Mostly capital letters: how headings, body names and signer positions are printed."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return sum(c.isupper() for c in letters) >= share * len(letters)


# The deciding authority under the summary: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH".
AUTHORITY = re.compile(
    rf"^\s*(?:chủ tịch|phó chủ tịch|{UY} ban nhân dân|ubnd|trưởng ban|giám đốc|ban chỉ đạo"
    r"|tổng giám đốc|bộ trưởng|thủ tướng|hội đồng|chủ nhiệm)"
)
_LETTERS = re.compile(r"[^\W\d_]+")


def authority_inside(text: str) -> int | None:
    """Where a summary ran on into the authority line ("... tỉnh X CHỦ TỊCH ỦY BAN ...")."""
    for first, second in pairwise(_LETTERS.finditer(text)):
        capitals = all(w.isupper() and len(w) > 1 and is_syllable(w)
                       for w in (first.group(), second.group()))
        if capitals and any(c.islower() for c in text[:first.start()]) and \
                AUTHORITY.match(text[first.start():].lower()):
            return first.start()
    return None


# Nghị định 30/2020/NĐ-CP, Phụ lục III: abbreviations of document type names. A công văn's
# symbol carries none of them (Số: 17/UBND-VX).
TYPE_ABBREVIATIONS = frozenset(
    loose_key(a)
    for a in (
        "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
        "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
    )
)  # fmt: skip


def symbol_type(symbol: str) -> str | None:
    """The type abbreviation a symbol starts with ("QĐ" in "QĐ-UBND"), or None."""
    bare = re.sub(r"^\s*\d{4}\s*/", "", symbol)  # "2023/NĐ-CP": the year comes first
    first = re.split(r"[-/]", bare.strip(), maxsplit=1)[0]
    return first if loose_key(first) in TYPE_ABBREVIATIONS else None
