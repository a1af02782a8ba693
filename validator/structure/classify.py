"""SPEC §4: what kind of document this is and which tier of government issued it."""

from __future__ import annotations

import re

from validator.model import ArticleNode, DocType, Level, Located
from validator.normalize import fold_key, fold_tones
from validator.structure.vocab import UNIT, UY, type_kind


def _folded(pattern: str) -> re.Pattern[str]:
    """A pattern on tone-folded text (fold_key): a scan's "bảo hiếm" still names insurance."""
    return re.compile(fold_tones(pattern))


_COMMITTEE = _folded(r"ban chỉ đạo|bcđ")
_INSURANCE = _folded(r"bhxh|bhyt|bảo hiểm xã hội|bảo hiểm y tế")
# The committee's own name ends where the sentence turns to its members or its seat.
_COMMITTEE_NAME = _folded(
    r"(?:ban chỉ đạo|bcđ)(?P<subject>(?:(?!\sgồm\b|\sdo\s|\scó\s)[^.;:()\n]){0,160})"
)
_ESTABLISHES = _folded(r"thành lập|kiện toàn|hợp nhất|củng cố")
_ISSUES_REGULATION = _folded(r"ban hành\s+(?:kèm theo\s+)?quy chế")
# A committee's own letterhead (not folded): a steering committee, a council, a working group.
_COMMITTEE_WORDS = re.compile(r"ban chỉ đạo|bcđ|hội đồng(?! nhân dân)|tổ công tác|tổ giúp việc")
_GOVERNMENT = re.compile(rf"{UY} ban nhân dân|ubnd|hđnd|hội đồng nhân dân")
# Cities under the central government: a "thành phố" with no parent line is a province then.
_CENTRAL_CITIES = re.compile(r"hà nội|hồ chí minh|hải phòng|đà nẵng|cần thơ|huế")
_LEVELS: dict[str, Level] = {
    "xã": "commune", "phường": "commune", "thị trấn": "commune", "đặc khu": "commune",
    "huyện": "district", "quận": "district", "thị xã": "district", "tỉnh": "province",
}


def doc_type(type_name: Located | None, summary: Located | None,
             articles: list[ArticleNode], has_regulation: bool) -> DocType:
    """decision / regulation / combined / other, from the type name and what the summary says.

    The committee must be one on social and health insurance by its own name: a committee on
    another subject is `other` even when its members include the BHXH office.
    """
    kind = type_kind(type_name.text) if type_name else ""
    about = _about(summary, articles)
    on_committee = any(_INSURANCE.search(s) for s in _subjects(about))
    if kind == "quy chế":
        return "regulation" if on_committee else "other"
    if kind != "quyết định" or not on_committee:
        return "other"
    if _ESTABLISHES.search(about):
        return "combined" if has_regulation else "decision"
    if _ISSUES_REGULATION.search(about):
        return "regulation"
    return "other"  # replacing a member, assigning targets ...


def _subjects(text: str) -> list[str]:
    """What each steering committee named in `text` is about, by the words after its name."""
    return [m.group("subject") for m in _COMMITTEE_NAME.finditer(text)]


def _about(summary: Located | None, articles: list[ArticleNode]) -> str:
    """The summary says what a decision does; when it names no committee, the first article."""
    text = fold_key(summary.text) if summary else ""
    if _COMMITTEE.search(text):
        return text
    first = _first_article(articles)
    if first is not None:
        text = fold_key(f"{text} {first.heading} {first.text[:400]}")
    return text


def _first_article(nodes: list[ArticleNode]) -> ArticleNode | None:
    for node in nodes:
        if node.kind == "article":
            return node
        found = _first_article(node.children)
        if found is not None:
            return found
    return None


def level(issuer: Located | None, parent: Located | None,
          authority: Located | None) -> Level:
    """province / district / commune from the issuing body, its parent, or the authority line."""
    issuer_key = issuer.text.lower() if issuer else ""
    parent_key = parent.text.lower() if parent else ""
    if issuer_key and not _GOVERNMENT.search(issuer_key) and _COMMITTEE_WORDS.search(issuer_key):
        # A committee's own letterhead: "UBND XÃ AN BÌNH / BAN CHỈ ĐẠO ..." is a commune's,
        # "UBND TỈNH X / HỘI ĐỒNG XÉT DUYỆT ..." a province's.
        if _GOVERNMENT.search(parent_key):
            return _level_of(parent_key, "")
        return _level_of(issuer_key, parent_key)
    if _GOVERNMENT.search(issuer_key):
        return _level_of(issuer_key, parent_key)
    if not issuer_key and authority is not None:
        return _level_of(authority.text.lower(), "")
    return "unknown"


def _level_of(name: str, parent: str) -> Level:
    match = UNIT.search(name)
    if match is None:
        return "unknown"
    unit = match.group("unit")
    if unit != "thành phố":
        return _LEVELS[unit]
    if UNIT.search(parent) or _GOVERNMENT.search(parent):
        return "district"  # a city inside a province (or inside a central city: Thủ Đức)
    return "province" if _CENTRAL_CITIES.search(name[match.end():]) else "district"
