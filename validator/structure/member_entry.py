"""One entry of a member list, read by a small grammar rather than one pattern per layout.

    entry      := [agency ":"] [role-first] person [role-last]
    person     := ["Mời"] (honorific | rank | title)* NAME [sep] POSITION  "Ông A, Chủ tịch xã"
                | POSITION sep honorific NAME                          "Chủ tịch xã - Ông A"
                | POSITION NAME                              "Phó Chủ tịch UBND tỉnh Trần A"
                | POSITION                             "Đại diện lãnh đạo Sở Tài chính"
    role-first := ROLE (":" | "-" | "là")                             "Trưởng ban: ..."
    role-last  := sep ROLE | ("làm" | "là" | "giữ chức") ROLE | "(" ROLE ")" | " " ROLE

`sep` is a dash, comma, colon or semicolon; a role stands alone in its segment (see roles.py).
The result keeps the job and its agency together as `position`, as the entry writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from validator.normalize import fold_key, fold_tones
from validator.structure.names import clean_name, is_family_name, is_name_word, trailing_name
from validator.structure.roles import ROLE, canonical, whole_role
from validator.structure.vocab import (
    AGENCY_START,
    HONORIFIC,
    INVITED,
    POSITION_START,
    RANK,
    TITLE,
)

# On the tone-folded key, as ROLE itself (roles.py).
_ROLE_FIRST = re.compile(rf"^\s*(?:các\s+)?(?P<role>{ROLE.pattern})\s*(?::|[-–—]\s|là\s)\s*")
_ROLE_VERB = re.compile(fold_tones(
    rf"[,\s]+(?:làm|là|giữ chức(?: vụ)?|kiêm)\s+(?P<role>{ROLE.pattern})\s*[;.,)]*\s*$"
))
_ROLE_BARE = re.compile(rf"(?<=\S)\s+(?P<role>{ROLE.pattern})\s*[;.,]*\s*$")
_PARTY_RANK = (fold_key("ủy viên"), fold_key("uỷ viên"))
_NOT_BEFORE_BARE = re.compile(fold_tones(r"(?:tỉnh|huyện|thành|đảng|xã|chi|đoàn|hội)\s*$"))
_SEPARATOR = re.compile(r"\s+[-–—]\s*|\s*[-–—]\s+|[,:;(]")
_POSITION_LEAD = re.compile(r"^[\s,:;\-–—]*(?:chức vụ\s*:?\s*)?")
_INSIDE_HONORIFIC = re.compile(r"(?:\s[-–—]|[,:(])\s*(?=(?:ông|bà|đồng chí|đ/c)\s)")
_AGENCY_REMARK = re.compile(r"\s*\(|\s+phụ trách\b|\s+kiêm\b")
_DASHES = ("-", "–", "—")
_STRIP = " ;.,-–—\t"
_PERSON_WORDS = 5
# The word before a name that follows a job title with a place: "UBND tỉnh Bắc Lâm Nguyễn A".
_UNIT_WORDS = re.compile(r"tỉnh|huyện|xã|phường|trấn|phố|quận|thôn|bản|ấp|khu|vực|làng|buôn|sóc")


@dataclass(frozen=True)
class EntryFields:
    honorific: str | None
    name: str | None
    position: str | None
    role: str | None
    agency: str | None = None  # "c) Văn phòng UBND tỉnh: Ông A - ..." names it before the person


def parse_entry(text: str, chair: bool = False,
                places: frozenset[str] = frozenset()) -> EntryFields | None:
    """The fields of one entry (its list marker already removed), or None when it names nobody.

    `chair` lets a bare "Chủ tịch" be a role (a council's list); `places` are the document's
    place names, which a name written after a job title is not.
    """
    text = text.strip(_STRIP)
    agency, text = _agency_head(text)
    rest, role = split_role(text, chair)
    honorific, name, position = person(rest, places)
    if not (name or position or role):
        return None
    return EntryFields(honorific, name, position or None, role, agency)


def _agency_head(text: str) -> tuple[str | None, str]:
    """ "Văn phòng UBND tỉnh: Ông Trần A - ..." -> ("Văn phòng UBND tỉnh", "Ông Trần A - ...")."""
    colon = text.find(":")
    if colon <= 0:
        return None, text
    head, after = text[:colon].strip(), text[colon + 1:].strip()
    key = head.lower()
    if not AGENCY_START.match(key) or HONORIFIC.match(key) or len(head.split()) > 12:
        return None, text
    if not _starts_person(after):
        return None, text
    return head, after


def _starts_person(text: str) -> bool:
    key = text.lower()
    if INVITED.match(key) or HONORIFIC.match(key) or RANK.match(key) or TITLE.match(key):
        return True
    first = text.split(maxsplit=1)
    return bool(first) and is_family_name(first[0]) and is_name_word(first[0])


# ------------------------------------------------------------------------------- roles


def split_role(text: str, chair: bool = False) -> tuple[str, str | None]:
    """(the entry without its committee role, the canonical role)."""
    key = fold_key(text)
    first = _ROLE_FIRST.match(key)
    if first:
        return text[first.end():], canonical(first)
    verb = _ROLE_VERB.search(key)
    if verb:
        return text[:verb.start()], canonical(ROLE.match(verb.group("role")))  # type: ignore[arg-type]
    for separator in reversed(list(_SEPARATOR.finditer(key))):
        tail = key[separator.end():]
        role = whole_role(tail, chair)
        if role is not None:
            return text[:separator.start()], role
        if tail.strip(" ;.)"):
            break
    role = whole_role(key, chair)
    if role is not None:
        return "", role
    return _bare_role(text, key)


def _bare_role(text: str, key: str) -> tuple[str, str | None]:
    """A role after the job with no separator: tab stops lost in a PDF ("... xã Trưởng ban")."""
    match = _ROLE_BARE.search(key)
    if match is None or not text[match.start("role")].isupper():
        return text, None
    party = match.group("role").startswith(_PARTY_RANK)
    if party and _NOT_BEFORE_BARE.search(key[:match.start("role")]):
        return text, None  # "Tỉnh ủy viên" is a party rank
    return text[:match.start()], canonical(ROLE.match(match.group("role")))  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ person


def person(text: str,
           places: frozenset[str] = frozenset()) -> tuple[str | None, str | None, str]:
    """(honorific, name, position) from "Ông Nguyễn Văn A, Chủ tịch UBND xã" and the rest."""
    text = text.strip(_STRIP)
    key = text.lower()
    begin, titles = _titles(text, key)
    name, end = _name_run(text, begin, need_separator=not titles)
    if name is not None:
        position = _POSITION_LEAD.sub("", text[end:]).strip(_STRIP)
        return _honorific(titles), name, position
    inner = _INSIDE_HONORIFIC.search(key)
    if inner is not None:
        honorific, name, after = person(text[inner.end():], places)
        if name is not None:
            position = " ".join(p for p in (text[:inner.start()].strip(_STRIP), after) if p)
            return honorific, name, position
    found = trailing_name(text[begin:], _UNIT_WORDS, places)
    if found is not None:
        return _honorific(titles), found[1], text[begin:begin + found[0]].strip(_STRIP)
    return _honorific(titles), None, text[begin:].strip(_STRIP)


def _titles(text: str, key: str) -> tuple[int, list[str]]:
    begin = 0
    invited = INVITED.match(key)
    if invited:
        begin = invited.end()
    titles: list[str] = []
    while True:
        match = HONORIFIC.match(key, begin) or RANK.match(key, begin) or TITLE.match(key, begin)
        if match is None or match.end() == begin:
            return begin, titles
        titles.append(text[match.start():match.end()])
        begin = match.end()


def _honorific(titles: list[str]) -> str | None:
    """ "Ông", "Đồng chí", "Đại tá", "TS.", "Bà" for "Mời bà" and "Đ/c"."""
    words = []
    for title in titles:
        word = title.strip(" :,")
        key = word.lower()
        if key.startswith("đ/c"):
            word = "Đồng chí"
        elif HONORIFIC.fullmatch(key):
            word = word.rstrip(".")
        words.append(word[:1].upper() + word[1:])
    return " ".join(words) or None


def _name_run(text: str, begin: int, need_separator: bool) -> tuple[str | None, int]:
    """Capitalised words from `begin`; the job title after them is given back."""
    words: list[re.Match[str]] = []
    ended_by_separator = True
    for word in re.finditer(r"\S+", text[begin:]):
        token = word.group().rstrip(",;:.")
        if word.group() in _DASHES or not is_name_word(token):
            ended_by_separator = word.group() in _DASHES or token.startswith("(")
            break
        words.append(word)
        if token != word.group() or len(words) > _PERSON_WORDS:
            break
    if not ended_by_separator:
        words = _give_back_title(text[begin:], words)
    if not words or len(words) > _PERSON_WORDS:
        return None, begin
    if need_separator and not _bare_name(words, ended_by_separator):
        return None, begin
    return clean_name([w.group() for w in words]), begin + words[-1].end()


def _bare_name(words: list[re.Match[str]], ended_by_separator: bool) -> bool:
    """A name with no honorific before it: a family name first, then a separator."""
    if len(words) < 2 or not ended_by_separator or not is_family_name(words[0].group()):
        return False
    head = " ".join(w.group() for w in words[:2]).lower() + " "
    return POSITION_START.match(head) is None and AGENCY_START.match(head) is None


def _give_back_title(text: str, words: list[re.Match[str]]) -> list[re.Match[str]]:
    while words:
        after = text[words[-1].end():].split(maxsplit=1)
        pair = f"{words[-1].group()} {after[0] if after else ''}".lower()
        if not (POSITION_START.match(pair) or AGENCY_START.match(pair)):
            break
        words = words[:-1]
    return words


# ------------------------------------------------------------------------------ agency


def agency_of(position: str | None) -> str | None:
    """The agency inside a position: the last ", Sở Tư pháp" segment, else from "Sở"/"UBND"."""
    if not position:
        return None
    segments = [s.strip() for s in position.split(",")]
    for segment in reversed(segments[1:]):
        if AGENCY_START.match(segment.lower()):
            return _agency_end(segment)
    match = AGENCY_START.search(position.lower())
    return _agency_end(position[match.start():].split(",")[0]) if match else None


def _agency_end(text: str) -> str | None:
    """An agency name ends where its remarks start: "Sở Tư pháp (phụ trách ...)"."""
    cut = _AGENCY_REMARK.search(text)
    return text[:cut.start() if cut else len(text)].strip(_STRIP) or None
