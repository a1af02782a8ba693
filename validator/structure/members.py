"""The committee's member list: who sits on the Ban Chỉ đạo, in what job, with what role.

Where the list is: under the article that names the members ("Điều 2. Thành phần Ban Chỉ đạo
gồm:", "... gồm các ông (bà) có tên sau:"), or in a list or table appended after the signer
("DANH SÁCH THÀNH VIÊN ...", header row "STT | Họ và tên | Chức vụ | Chức danh trong BCĐ").
Nothing outside that region becomes a member: Căn cứ, "Theo đề nghị của ...", duties and
recipients name the same offices in other senses.

How an entry reads: the role may come first ("- Trưởng ban: Ông A, Chủ tịch UBND xã;"), last
("1. Ông A, Chủ tịch UBND xã - Trưởng ban;", "... làm Phó Trưởng ban"), from a group heading
("2. Các Phó Trưởng ban:") or a table column; the person may be missing ("Giám đốc BHXH huyện -
Phó Trưởng ban").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from validator.model import ArticleNode, Member
from validator.structure.articles import node_start
from validator.structure.lines import Lines
from validator.structure.vocab import HONORIFIC, POSITION_START, ROLE, is_upper_text

_ANCHOR = re.compile(
    r"thành phần|gồm (?:các |những )?(?:ông|bà|đồng chí|đ/c|thành viên|cá nhân)|có tên sau"
    r"|danh sách (?:sau|dưới đây|kèm theo)|(?:ban chỉ đạo|bcđ)[^.;:]{0,160}gồm(?:\s+có)?\s*:"
)
_NOT_MEMBERS = re.compile(r"nhiệm vụ|trách nhiệm|quyền hạn|chức năng|quy chế|nguyên tắc")
_APPENDED = re.compile(r"^\s*danh sách(?:\s+các)?\s+(?:thành viên|ban chỉ đạo|bcđ)")
_MARKER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\s*[.)/]|[a-zđ]\s*\)|[-+•*–—]|\(\d{1,2}\))\s*")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
_SEPARATOR = re.compile(r"\s+[-–—]\s*|\s*[-–—]\s+|[,:;(]")
_ROLE_LEAD = re.compile(r"^(?:chức danh|nhiệm vụ|chức vụ trong (?:ban chỉ đạo|bcđ))\s*:?\s*|"
                        r"^(?:là|làm|giữ chức(?: vụ)?|các)\s+")
_ROLE_FIRST = re.compile(rf"^\s*(?:các\s+)?(?:{ROLE.pattern})\s*(?::|[-–—]\s|là\s)\s*")
_ROLE_VERB = re.compile(
    rf"[,\s]+(?:làm|là|giữ chức(?: vụ)?)\s+(?P<role>(?:{ROLE.pattern}))\s*[;.,)]*\s*$"
)
_POSITION_LEAD = re.compile(r"^[\s,:;\-–—]*(?:chức vụ\s*:?\s*)?")
_WORD = re.compile(r"\S+")
_BASE_ROLES = {
    "phó trưởng ban": "Phó Trưởng ban", "phó ban": "Phó Trưởng ban", "trưởng ban": "Trưởng ban",
    "ủy viên": "Ủy viên", "uỷ viên": "Ủy viên", "thành viên": "Thành viên", "thư ký": "Thư ký",
}
_EXTRA_ROLES = {"thường trực": "Thường trực", "trực": "Thường trực",
                "chuyên trách": "chuyên trách", "kiêm thư ký": "kiêm Thư ký"}
_COLUMNS = (
    ("role", re.compile(r"chức danh|nhiệm vụ|trong ban|trong bcđ|vai trò")),
    ("stt", re.compile(r"^\s*(?:s\s*t\s*t|t\s*t|số\s*t\s*t|số thứ tự)\s*$")),
    ("name", re.compile(r"họ (?:và )?tên|họ, tên|^\s*tên\s*$")),
    ("position", re.compile(r"chức vụ|đơn vị|cơ quan|nơi công tác")),
)
_GROUP_ONLY = rf"(?:các\s+)?(?:{ROLE.pattern})(?:\s+(?:gồm|là))?(?:\s+(?:các|có)\s+[^:]*)?"


@dataclass
class MemberList:
    members: list[Member] = field(default_factory=list)
    span: tuple[int, int] | None = None


def find_members(lines: Lines, articles: list[ArticleNode], main: tuple[int, int],
                 whole: tuple[int, int]) -> MemberList:
    """The member list of the decision part `main`; appended lists are looked for in `whole`."""
    for region in _article_regions(lines, articles, main):
        found = _parse_region(lines, *region)
        if found.members:
            return found
    for region in _appended_regions(lines, *whole):
        found = _parse_region(lines, *region)
        if found.members:
            return found
    return MemberList()


# ---------------------------------------------------------------------------- regions


def _walk(nodes: list[ArticleNode]) -> list[ArticleNode]:
    found = []
    for node in nodes:
        if node.kind == "article":
            found.append(node)
        else:
            found.extend(_walk(node.children))
    return found


def _article_regions(lines: Lines, articles: list[ArticleNode],
                     main: tuple[int, int]) -> list[tuple[int, int]]:
    regions = []
    for article in _walk(articles):
        first = lines.index_at(article.start)
        last = min(lines.index_at(max(article.end - 1, article.start)) + 1, main[1])
        for index in range(first, last):
            if _is_anchor(lines.keys[index]):
                regions.append((index + 1, last))
                break
    return regions


def _is_anchor(key: str) -> bool:
    match = _ANCHOR.search(key)
    return match is not None and not _NOT_MEMBERS.search(key[:match.start()])


def _appended_regions(lines: Lines, start: int, stop: int) -> list[tuple[int, int]]:
    regions = []
    tables_seen: set[int] = set()
    for index in range(start, stop):
        item = lines.items[index]
        if _APPENDED.match(lines.keys[index]) and is_upper_text(lines.texts[index]):
            regions.append((index + 1, stop))
        elif item.table is not None and item.table not in tables_seen:
            tables_seen.add(item.table)
            if _header_columns(lines.texts[index].split("\t")):
                regions.append((index, stop))
    return regions


# ---------------------------------------------------------------------------- entries


@dataclass
class _Entry:
    index: int
    parts: list[str]
    context: str | None
    cells: list[str] | None = None
    columns: dict[int, str] | None = None
    last: int = -1

    @property
    def text(self) -> str:
        return " ".join(self.parts)


class _RegionParser:
    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.entries: list[_Entry] = []
        self.context: str | None = None
        self.columns: dict[int, str] | None = None
        self.width = 0

    def feed(self, index: int) -> bool:
        """Take one line; False when the list has ended."""
        text, key = self.lines.texts[index], self.lines.keys[index]
        if self.lines.is_blank(index) or _PAGE_NUMBER.match(text):
            return True
        opened = node_start(key, text)
        if opened is not None and opened[0] in ("article", "chapter", "section"):
            return False
        if self.lines.is_table_row(index):
            self._table_row(index, text.split("\t"))
            return True
        return self._text_line(index, text, key)

    def _text_line(self, index: int, text: str, key: str) -> bool:
        marker = _MARKER.match(text)
        body = text[marker.end():] if marker else text.strip()
        body_key = key[marker.end():] if marker else key.strip()
        if _group_heading(body_key):
            self.context = _role_in(body_key) or self.context
            return True
        starts = marker is not None or HONORIFIC.match(body_key) or _ROLE_FIRST.match(body_key)
        current = self.entries[-1] if self.entries else None
        if starts and self._role_tail(current, index, body, body_key):
            pass
        elif starts:
            self.entries.append(_Entry(index, [body.strip()], self.context, last=index))
        elif current is not None and not current.text.endswith((";", ".")):
            current.parts.append(body.strip())
            current.last = index
        elif self.entries:
            return False
        return True

    def _role_tail(self, current: _Entry | None, index: int, body: str, body_key: str) -> bool:
        """ "- Trưởng ban;" after an entry broken at a page end is that entry's role."""
        if current is None or current.cells is not None or current.text.endswith((";", ".")):
            return False
        if not _whole_role(body_key) or _split_role(current.text)[1] is not None:
            return False
        current.parts.append("- " + body.strip())
        current.last = index
        return True

    def _table_row(self, index: int, cells: list[str]) -> None:
        header = _header_columns(cells)
        if header:
            self.columns, self.width = header, len(cells)
            return
        filled = [c for c in cells if c.strip()]
        if len(filled) == 1 and _role_in(filled[0].lower()):
            self.context = _role_in(filled[0].lower())
            return
        columns = self.columns if self.width == len(cells) else None
        entry = _Entry(index, [" | ".join(c.strip() for c in cells if c.strip())],
                       self.context, cells=cells, columns=columns, last=index)
        self.entries.append(entry)


def _parse_region(lines: Lines, start: int, stop: int) -> MemberList:
    parser = _RegionParser(lines)
    for index in range(start, stop):
        if not parser.feed(index):
            break
    pairs = [(e, m) for e in parser.entries if (m := _member(lines, e)) is not None]
    if not pairs:
        return MemberList()
    first, last = pairs[0][0].index, max(e.last for e, _ in pairs)
    return MemberList([m for _, m in pairs], (lines.offset(first), lines.end_offset(last)))


def _member(lines: Lines, entry: _Entry) -> Member | None:
    fields = _table_fields(entry) if entry.cells is not None else _text_fields(entry.text)
    if fields is None:
        return None
    honorific, name, position, role = fields
    role = role or entry.context
    if not (name or role):
        return None
    located = lines.located(entry.index)
    return Member(honorific=honorific, name=name, position=position or None, role=role,
                  text=entry.text, page=located.page, line=located.line)


# ------------------------------------------------------------------------- one entry

Fields = tuple[str | None, str | None, str | None, str | None]


def _text_fields(text: str) -> Fields | None:
    rest, role = _split_role(text)
    honorific, name, position = _person(rest)
    if not (name or position or role):
        return None
    return honorific, name, position, role


def _split_role(text: str) -> tuple[str, str | None]:
    """(the entry without its committee role, the canonical role)."""
    key = text.lower()
    first = _ROLE_FIRST.match(key)
    if first:
        return text[first.end():], _role_in(key[:first.end()])
    verb = _ROLE_VERB.search(key)
    if verb:
        return text[:verb.start()], _role_in(verb.group("role"))
    for separator in reversed(list(_SEPARATOR.finditer(key))):
        tail = key[separator.end():]
        if _whole_role(tail):
            return text[:separator.start()], _role_in(tail)
        if not tail.strip(" ;.)"):
            continue
    if _whole_role(key):
        return "", _role_in(key)
    return text, None


def _whole_role(segment: str) -> bool:
    segment = _ROLE_LEAD.sub("", segment.strip(" ;.,)(-–—\t"))
    return ROLE.fullmatch(segment.strip(" ;.,)(")) is not None


def _group_heading(key: str) -> bool:
    """ "Trưởng ban:", "2. Các Phó Trưởng ban:", "Các thành viên gồm:" with no person yet."""
    stripped = key.strip()
    if not stripped.endswith(":"):
        return False
    return re.fullmatch(_GROUP_ONLY, stripped.rstrip(": ").strip()) is not None or (
        "thành viên" in stripped and "gồm" in stripped and HONORIFIC.search(stripped) is None)


def _role_in(key: str) -> str | None:
    match = ROLE.search(key)
    if match is None:
        return None
    base = _BASE_ROLES.get(re.sub(r"\s+", " ", match.group("core")),
                           match.group("core").capitalize())
    extras = [_EXTRA_ROLES[e] for e in re.findall(
        r"thường trực|kiêm thư ký|chuyên trách|(?<!thường )trực", match.group("extra"))]
    return " ".join([base, *extras])


def _person(text: str) -> tuple[str | None, str | None, str]:
    """(honorific, name, position) from "Ông Nguyễn Văn A, Chủ tịch UBND xã"."""
    text = text.strip(" ;.,-–—\t")
    key = text.lower()
    honorific = HONORIFIC.match(key)
    begin = honorific.end() if honorific else 0
    title = text[:begin].strip(" .:") or None
    name, end = _name_run(text, begin, need_separator=honorific is None)
    position = _POSITION_LEAD.sub("", text[end:]).strip(" ;.,-–—")
    if title is not None and title.lower().startswith("đ/c"):
        title = "Đồng chí"
    return _capitalise(title), name, position


def _capitalise(title: str | None) -> str | None:
    return title[:1].upper() + title[1:] if title else None


def _name_run(text: str, begin: int, need_separator: bool) -> tuple[str | None, int]:
    """Capitalised words from `begin`; the job title after them is given back."""
    words: list[re.Match[str]] = []
    ended_by_separator = True
    for word in _WORD.finditer(text, begin):
        token = word.group().rstrip(",;:.")
        if word.group() in ("-", "–", "—") or not _is_name_word(token):
            ended_by_separator = word.group() in ("-", "–", "—", "(") or token.startswith("(")
            break
        words.append(word)
        if token != word.group() or len(words) == 6:
            break
    else:
        ended_by_separator = True
    if not ended_by_separator:
        words = _give_back_title(text, words)
    if not words or (need_separator and (len(words) < 2 or not ended_by_separator)):
        return None, begin
    if need_separator and POSITION_START.match(" ".join(w.group() for w in words[:2]).lower()
                                               + " "):
        return None, begin
    name = " ".join(" ".join(_unglued(w.group().rstrip(",;:."))) for w in words)
    return name, words[-1].end()


def _is_name_word(token: str) -> bool:
    if not token.isalpha() or not token[0].isupper():
        return False
    parts = _unglued(token)
    # A scan may lose the space inside a name ("VănHùng"): two capitalised syllables are still
    # two name words.
    if len(parts) > 1:
        return all(p.istitle() for p in parts)
    return token[1:].islower() or token.isupper() or len(token) == 1


def _unglued(token: str) -> list[str]:
    """ "VănHùng" -> ["Văn", "Hùng"]: a new word starts at a capital after a small letter."""
    cuts = [i for i in range(1, len(token)) if token[i].isupper() and token[i - 1].islower()]
    return [token[a:b] for a, b in zip([0, *cuts], [*cuts, len(token)], strict=True)]


def _give_back_title(text: str, words: list[re.Match[str]]) -> list[re.Match[str]]:
    while words:
        after = text[words[-1].end():].split(maxsplit=1)
        pair = f"{words[-1].group()} {after[0] if after else ''}".lower()
        if not POSITION_START.match(pair):
            break
        words = words[:-1]
    return words


# ---------------------------------------------------------------------------- tables


def _header_columns(cells: list[str]) -> dict[int, str] | None:
    columns: dict[int, str] = {}
    for number, cell in enumerate(cells):
        key = cell.lower()
        for kind, pattern in _COLUMNS:
            if kind not in columns.values() and pattern.search(key):
                columns[number] = kind
                break
    kinds = set(columns.values())
    if len(columns) >= 2 and kinds & {"name", "position"} and (kinds - {"stt"}) != {"position"}:
        return columns
    return None


def _table_fields(entry: _Entry) -> Fields | None:
    cells = [c.strip() for c in entry.cells or []]
    columns = entry.columns or _guess_columns(cells)
    # Under a header a column it did not name is ignored; a guessed layout keeps the rest as job.
    other = "other" if entry.columns else "position"
    by_kind: dict[str, list[str]] = {}
    for number, cell in enumerate(cells):
        if cell:
            by_kind.setdefault(columns.get(number, other), []).append(cell)
    role_text = " ".join(by_kind.get("role", []))
    role = _role_in(role_text.lower()) if role_text else None
    name_cell = " ".join(by_kind.get("name", []))
    honorific, name, leftover = _person(name_cell) if name_cell else (None, None, "")
    position = ", ".join(p for p in [leftover, *by_kind.get("position", [])] if p)
    if not (name or position):
        return None
    return honorific, name or None, position or None, role


def _guess_columns(cells: list[str]) -> dict[int, str]:
    """A table without a header row: tell the columns by what they hold."""
    columns: dict[int, str] = {}
    for number, cell in enumerate(cells):
        key = cell.lower()
        if re.fullmatch(r"\d{1,3}\.?|[ivx]+", key.strip()):
            columns[number] = "stt"
        elif _whole_role(key):
            columns[number] = "role"
        elif "name" not in columns.values() and (HONORIFIC.match(key) or _looks_like_name(cell)):
            columns[number] = "name"
    return columns


def _looks_like_name(cell: str) -> bool:
    words = cell.split()
    return 2 <= len(words) <= 5 and all(_is_name_word(w) for w in words) and not \
        POSITION_START.match(cell.lower() + " ")

