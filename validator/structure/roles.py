"""Committee roles: what a member is in the committee, as opposed to the job they hold.

Steering committees have a Trưởng ban, Phó Trưởng ban [Thường trực] and Thành viên / Ủy viên;
councils a Chủ tịch / Phó Chủ tịch / Thư ký Hội đồng; working groups a Tổ trưởng / Tổ phó; teams
an Đội trưởng / Phó Đội trưởng. A role is only a role when it stands alone in its place in the
entry ("- Trưởng ban", ": Thành viên", "làm Phó Trưởng ban"): "Trưởng ban Dân vận Huyện ủy" and
"Đội trưởng, Đội Cảnh sát kinh tế" are jobs. Patterns run on the tone-folded key (fold_key, hỏi
and ngã read as sắc), so a scan's "Phó Trướng ban" is still a role.
"""

from __future__ import annotations

import re

from validator.normalize import fold_key, fold_tones
from validator.structure.vocab import UY, is_upper_text

_BODY = r"(?:ban chỉ đạo|bcđ|hội đồng|tiểu ban|tổ giúp việc|tổ công tác|tổ thư ký|đội|tổ|ban|đoàn)"
# Heads and their deputies; "chủ tịch" alone is a job, "chủ tịch hội đồng" a role.
_HEAD = (
    r"trưởng ban(?:\s+(?:chỉ đạo|bcđ))?|trưởng tiểu ban|tổ trưởng|đội trưởng|trưởng đoàn"
    r"|chủ nhiệm|trưởng nhóm|chủ tịch\s+hội đồng"
)
_PLAIN = rf"{UY} viên|thành viên|tổ viên|đội viên|thư ký"
ROLE = re.compile(fold_tones(
    rf"(?P<core>phó\s+(?:{_HEAD}|chủ tịch(?=\s+thường trực\s+hội đồng))|phó ban|tổ phó"
    rf"|{_HEAD}|{_PLAIN})"
    rf"(?P<extra>(?:\s+(?:thường trực|trực|chuyên trách|kiêm thư ký|{_BODY}))*)"
))
# In a role column or under a council's heading "Chủ tịch" alone is the chair.
_BARE_CHAIR = re.compile(fold_tones(r"(?P<core>(?:phó\s+)?chủ tịch)(?P<extra>(?:\s+thường trực)?)"))

_WRITTEN = {
    "phó ban": "Phó Trưởng ban", "trưởng ban chỉ đạo": "Trưởng ban", "trưởng ban bcđ":
    "Trưởng ban", "ủy viên": "Ủy viên", "uỷ viên": "Ủy viên", "thành viên": "Thành viên",
    "thư ký": "Thư ký", "tổ trưởng": "Tổ trưởng", "tổ phó": "Tổ phó", "tổ viên": "Tổ viên",
    "đội trưởng": "Đội trưởng", "đội viên": "Đội viên", "trưởng ban": "Trưởng ban",
    "trưởng tiểu ban": "Trưởng Tiểu ban", "trưởng đoàn": "Trưởng đoàn",
    "chủ nhiệm": "Chủ nhiệm", "trưởng nhóm": "Trưởng nhóm",
    "chủ tịch hội đồng": "Chủ tịch Hội đồng", "chủ tịch": "Chủ tịch",
}
_CANONICAL = {fold_key(written): name for written, name in _WRITTEN.items()}
_EXTRAS = (("thường trực", "Thường trực"), ("kiêm thư ký", "kiêm Thư ký"),
           ("chuyên trách", "chuyên trách"))
# What may stand between the separator and a trailing role: "- là Trưởng ban", "(Trưởng ban)".
_LEAD = re.compile(fold_tones(
    r"^(?:chức danh|nhiệm vụ|chức vụ trong (?:ban chỉ đạo|bcđ|hội đồng|tổ|đội))\s*:?\s*"
    r"|^(?:là|làm|giữ chức(?: vụ)?|kiêm|các)\s+"
))
_STRIP = " ;.,:)(-/\t"


def canonical(match: re.Match[str]) -> str:
    """ "phó trưởng ban chỉ đạo thường trực" -> "Phó Trưởng ban Thường trực"."""
    core = re.sub(r"\s+", " ", match.group("core"))
    if core in _CANONICAL:
        name = _CANONICAL[core]
    elif core.startswith("phó "):
        name = "Phó " + _CANONICAL.get(core[4:], core[4:])
    else:
        name = core.capitalize()
    extra = match.group("extra")
    extras = [label for word, label in _EXTRAS if word in extra]
    if re.search(r"(?<!thường )\btrực\b", extra) and "Thường trực" not in extras:
        extras.append("Thường trực")
    return " ".join([name, *extras])


def role_in(key: str) -> str | None:
    """The first role named in a lower-cased text, canonical ("Phó Trưởng ban Thường trực")."""
    match = ROLE.search(fold_key(key))
    return canonical(match) if match else None


def whole_role(segment: str, chair: bool = False) -> str | None:
    """The role when a lower-cased segment is nothing but a role ("là Phó Trưởng ban;").

    `chair` also accepts a bare "Chủ tịch" / "Phó Chủ tịch" (a role column, a council).
    """
    segment = _LEAD.sub("", fold_key(segment).strip(_STRIP)).strip(_STRIP)
    match = ROLE.fullmatch(segment)
    if match is None and chair:
        match = _BARE_CHAIR.fullmatch(segment)
    return canonical(match) if match else None


def role_class(role: str | None) -> str | None:
    """head / deputy / secretary / member: what a canonical role is, for summaries."""
    if not role:
        return None
    key = role.lower()
    if key.startswith("thư ký"):
        return "secretary"
    if key.startswith(("phó", "tổ phó")):
        return "deputy"
    if key.startswith(("thành viên", "ủy viên", "tổ viên", "đội viên")):
        return "member"
    return "head"


# "2. Các Phó Trưởng ban:", "Tổ phó:", "Các thành viên Hội đồng:", "Trưởng ban.",
# "II. CÁC THÀNH VIÊN BAN CHỈ ĐẠO", "3. Các thành viên Tổ giúp việc gồm:".
_GROUP = re.compile(fold_tones(
    rf"^(?:các\s+)?(?P<role>(?:{ROLE.pattern}))(?:\s+(?!gồm)[^:;,.]{{0,80}}?)?"
    r"(?:\s+gồm(?:\s+có)?(?:\s+các\s+(?:ông|bà|đồng chí)[^:]{0,40})?)?\s*(?P<end>[:.]?)$"
))
_LEADERS = re.compile(fold_tones(rf"^(?:lãnh đạo|thường trực)\s+{_BODY}"))


def group_heading(text: str) -> tuple[bool, str | None]:
    """(is a heading, the role it gives) for a line without its list marker.

    A heading ends in ":" or is printed in capitals; a role alone ending in "." ("Trưởng
    ban.") is one too, with its person on the next line. "I. LÃNH ĐẠO BAN CHỈ ĐẠO" is a
    heading that gives no role (its people carry their own).
    """
    stripped = fold_key(text.strip())
    if _LEADERS.match(stripped) and is_upper_text(text):
        return True, None
    match = _GROUP.match(stripped)
    if match is None:
        return False, None
    if not (match.group("end") or is_upper_text(text)):
        return False, None
    if match.group("end") == "." and whole_role(stripped) is None:
        return False, None
    return True, canonical(ROLE.match(match.group("role")))  # type: ignore[arg-type]
