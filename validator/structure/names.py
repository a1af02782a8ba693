"""Vietnamese personal names as decisions print them.

A name is 2-5 capitalised words: family name, middle names, given name ("Nguyễn Văn An"), in
capitals on a signer block or a member line ("TRẦN VĂN BÌNH"), with the single letters and
apostrophes of the Central Highlands languages ("Kpă Y Sơn", "K' Thoan", "H'Lim Niê", "Rah Lan
Thuận", "Ksor Y Đhin") or run together by a scan ("VănHùng"). Where a name stands after a job
title with no separator ("Phó Chủ tịch UBND tỉnh Nguyễn Văn An") the family name tells where
it starts; the list below is the common Vietnamese surnames and the family names of the
Central Highlands peoples, from general knowledge of Vietnamese naming.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from validator.normalize import is_syllable

_FAMILY_NAMES = (
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "đinh", "đoàn", "lâm", "mai", "trịnh", "trương", "đào", "cao",
    "lương", "hà", "tô", "tạ", "châu", "quách", "thái", "lưu", "tăng", "lại", "kiều", "hứa",
    "mạc", "khổng", "la", "đàm", "đồng", "giang", "kim", "lạc", "lục", "mã", "nông", "phí",
    "phùng", "quan", "tôn", "triệu", "từ", "thân", "thạch", "vương", "vi", "viên", "ung", "âu",
    "bạch", "bế", "chu", "chung", "cù", "diệp", "doãn", "đường", "giáp", "hàn", "hầu", "khúc",
    "khương", "kha", "lã", "lò", "lữ", "mẫn", "nghiêm", "ninh", "sầm", "tiêu", "tòng", "trình",
    "trà", "vòng", "xa", "lường", "quàng", "cầm", "lộc", "nhữ", "ksor", "nay", "rah", "kpă",
    "kpa", "siu", "rơ", "rcom", "niê", "êban", "adrơng", "mlô", "byă", "buôn", "điểu", "k'", "h'",
    "y", "bon", "đậu", "bàng", "bì", "biện", "cấn", "cù", "dư", "đái", "đổng", "đới", "hạ",
    "khiếu", "khuất", "lam", "lăng", "lều", "liêu", "liễu", "lỗ", "mông", "ngụy", "nguỵ", "nhan",
    "quản", "sử", "tào", "tất", "thi", "thiều", "tiết", "tống", "trang", "vy", "yên", "ân",
    "cung", "diêm", "điền", "hoa", "mạch", "nhâm", "sùng", "giàng", "vàng", "mùa", "lầu", "thào",
    "chảo", "tẩn", "phàn", "bàn", "cà", "vì", "ma", "sằm", "puih", "hmok", "ya",
)
FAMILY_NAMES = frozenset(_FAMILY_NAMES)

_APOSTROPHE = "'"
# Initial of a Central Highlands given name: K' Thoan, H'Lim, Y Sơn.
_INITIAL = re.compile(rf"^[A-ZĐ]{_APOSTROPHE}?$")
_TRIM = ",;:.()"


def is_name_word(token: str) -> bool:
    """A word a personal name can hold: Capitalised, a capital syllable, an initial, H'Lim."""
    token = token.strip(_TRIM)
    if not token or not token[0].isupper():
        return False
    if _INITIAL.match(token):
        return True
    parts = [p for p in token.split(_APOSTROPHE) if p]
    if not parts or not all(p.isalpha() for p in parts):
        return False
    if token.isupper():
        # TRẦN, VĂN: capital syllables; UBND, HĐND are not names.
        return all(is_syllable(p) or len(p) == 1 for p in parts)
    return all(_capitalised_runs(p) for p in parts)


def _capitalised_runs(part: str) -> bool:
    """ "Thoan", "MLô", "VănHùng": pieces that each start with one or two capitals."""
    pieces = unglue(part)
    return all(p[:1].isupper() and (p[1:].islower() or len(p) <= 2 or (p[1:2].isupper()
                                    and p[2:].islower())) for p in pieces)


def unglue(token: str) -> list[str]:
    """ "VănHùng" -> ["Văn", "Hùng"]: a new word starts at a capital after a small letter."""
    cuts = [i for i in range(1, len(token)) if token[i].isupper() and token[i - 1].islower()]
    return [token[a:b] for a, b in zip([0, *cuts], [*cuts, len(token)], strict=True)]


def is_family_name(word: str) -> bool:
    word = word.strip(_TRIM).lower()
    if word in FAMILY_NAMES:
        return True
    # "H'Lim", "K'Thoan": the apostrophe initial opens the name.
    return len(word) > 2 and word[1] == _APOSTROPHE


def clean_name(words: list[str]) -> str:
    """The words of a name as one string; glued scan words split ("VănHùng" -> "Văn Hùng")."""
    out = []
    for word in words:
        word = word.strip(_TRIM)
        out.extend(unglue(word) if not word.isupper() and "'" not in word else [word])
    return " ".join(out)


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


_WORDS = re.compile(r"\S+")


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    return [Word(m.group(), m.start(), m.end())
            for m in _WORDS.finditer(text, start, len(text) if end is None else end)]


def _mixed_name_word(token: str) -> bool:
    """A name word in ordinary writing: capitals only for an initial (UBND is no name)."""
    bare = token.strip(_TRIM)
    return is_name_word(bare) and (not bare.isupper() or _INITIAL.match(bare) is not None)


def trailing_name(text: str, units: re.Pattern[str],
                  places: frozenset[str] = frozenset()) -> tuple[int, str] | None:
    """A name ending `text` after a job title: (where it starts, the name) or None.

    "Phó Chủ tịch UBND tỉnh Nguyễn Văn An" -> "Nguyễn Văn An". The capitalised run at the end
    may begin with the place the job belongs to ("UBND tỉnh Bắc Lâm Nguyễn Văn An"): a place
    the document names elsewhere (`places`, lower-cased) is skipped, and after an
    administrative unit word (`units`) a place of one to three words is tried first.
    """
    found = words(text)
    run = len(found)
    while run > 0 and _mixed_name_word(found[run - 1].text):
        run -= 1
    # A unit word written with a capital ("Công an Xã Hà Lâm") ends the job inside the run.
    units_inside = [n for n in range(run, len(found))
                    if units.fullmatch(found[n].text.lower().strip(_TRIM))]
    if units_inside:
        run = units_inside[-1] + 1
    tail = found[run:]
    if len(tail) < 2 or run == 0:
        return None
    before = found[run - 1].text.lower().strip(_TRIM)
    after_unit = units.fullmatch(before) is not None
    lowered = [w.text.lower().strip(_TRIM) for w in tail]
    known = [n for n in range(1, len(tail)) if " ".join(lowered[:n]) in places]
    # After a unit word a place of one to three words comes first; elsewhere the name starts at
    # the first family name ("Bộ Lao động - Thương binh và Xã Hội Lê Văn A").
    order = [*known[::-1], *((2, 1, 3, 0) if after_unit else range(len(tail) - 1))]
    for skip in order:
        name = tail[skip:]
        if not 2 <= len(name) <= 5 or not is_family_name(name[0].text):
            continue
        if " ".join(lowered[skip:]) in places:
            continue  # "Bí thư Huyện đoàn Bình Sơn": the district, not a person
        if after_unit and skip == 0 and len(tail) not in (3, 4):
            continue  # "xã Hà Lâm" is a place; "tỉnh Trần Thị Bình" a name
        return name[0].start, clean_name([w.text for w in name])
    return None


_PLACE = re.compile(
    r"(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|quận|thị xã|đặc khu|khu vực)\s+"
    r"(?P<place>[A-ZĐÀ-Ỹ][^\s,.;:()]*(?:\s+[A-ZĐÀ-Ỹ][^\s,.;:()]*){0,3})"
)


def place_names(text: str) -> frozenset[str]:
    """Places a document names after a unit word ("huyện Bình Sơn" -> "bình sơn"), lower-cased.

    Every leading part of a place counts too: "xã An Bình Tây" may be written "An Bình".
    """
    found = set()
    for match in _PLACE.finditer(text):
        parts = match.group("place").lower().split()
        found.update(" ".join(parts[:n]) for n in range(2, len(parts) + 1))
    return frozenset(found)
