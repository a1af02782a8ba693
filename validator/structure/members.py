"""The committee's member list: who sits on it, in what job and agency, with what role.

Where the list is: under the article that names the members ("Điều 2. Thành phần Ban Chỉ đạo
gồm:", "... gồm các ông (bà) có tên sau:"), or in a list or table appended after the signer or
filed as an annex ("DANH SÁCH THÀNH VIÊN ...", "PHỤ LỤC / Danh sách thành viên ... (Kèm theo
Quyết định số ...)", header row "STT | Họ và tên | Chức vụ | Chức danh trong BCĐ"). Nothing
outside that region becomes a member: Căn cứ, "Theo đề nghị của ...", duties and recipients
name the same offices in other senses.

Inside the list, headings are not members: a role heading ("2. Các Phó Trưởng ban:", "Tổ phó:",
"Trưởng ban.", "II. CÁC THÀNH VIÊN") gives its role, an agency heading ("a) Sở Nội vụ:", "Sở
Y tế:") its agency, to the entries under it. Each entry is read by member_entry's grammar or,
in a table, by its columns (member_table). A list said to be in an annex that the file does
not hold is reported (`missing_annex`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from validator.model import ArticleNode, Located, Member
from validator.normalize import normalize_string
from validator.structure.articles import node_start
from validator.structure.lines import Lines
from validator.structure.member_entry import EntryFields, agency_of, parse_entry
from validator.structure.member_regions import appended_regions, article_regions, missing_annex
from validator.structure.member_table import (
    Columns,
    FlatTable,
    TableRow,
    flattened_header,
    group_cell,
    header_columns,
    row_number,
    table_fields,
)
from validator.structure.names import place_names
from validator.structure.roles import group_heading, whole_role
from validator.structure.vocab import (
    AGENCY_START,
    HONORIFIC,
    INVITED,
    POSITION_START,
    RANK,
    TITLE,
)

_MARKER = re.compile(
    r"^\s*(?:\d{1,3}(?:\.\d{1,2})*\s*[.)/]|[a-zđ]\s*\)|[ivxlc]{1,5}\s*[.)]|[-+•*–—]|\(\d{1,2}\))\s*"
)
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
_COUNCIL = re.compile(r"hội đồng")
_HONORIFIC_WORD = re.compile(rf"(?<!\w)(?:{HONORIFIC.pattern})")
_LOOK_AHEAD = 4
_FLAT_HEAD = re.compile(r"^\s*(?:s\s*t\s*t|t\s*t|số thứ tự)\s*\.?\s*(?:\s|$)")
_FLAT_WIDTH = 7  # most header cells a flattened table is looked for with
_LEAD_LINES = 6  # lines between a list's title and its first entry


@dataclass
class MemberList:
    members: list[Member] = field(default_factory=list)
    span: tuple[int, int] | None = None
    missing_annex: Located | None = None  # "(có danh sách kèm theo)" with no list in the file


def find_members(lines: Lines, articles: list[ArticleNode], main: tuple[int, int],
                 whole: tuple[int, int], locality: str = "") -> MemberList:
    """The member list of the decision part `main`; appended lists are looked for in `whole`.

    `locality` is what the header says of the issuing body (issuer, place, summary): the place
    names in it are no personal names, wherever a member line writes them.
    """
    places = place_names(locality)
    for region in article_regions(lines, articles, main):
        found = _parse_region(lines, *region, places)
        if found.members:
            return found
    for region in appended_regions(lines, *whole):
        found = _parse_region(lines, *region, places)
        if found.members:
            return found
    return MemberList(missing_annex=missing_annex(lines, articles, main))


# ---------------------------------------------------------------------------- entries


@dataclass
class _Entry:
    index: int
    parts: list[str]
    role: str | None  # from the heading above
    agency: str | None  # from the agency heading above
    row: TableRow | None = None
    last: int = -1
    where: tuple[int, int] | None = None  # (page, line) when not that of line `index`

    @property
    def text(self) -> str:
        if self.row is not None:
            return " | ".join(c.strip() for c in self.row.cells if c.strip())
        return " ".join(self.parts)

    @property
    def closed(self) -> bool:
        return self.row is not None or self.text.endswith((";", "."))


class _RegionParser:
    def __init__(self, lines: Lines, stop: int) -> None:
        self.lines = lines
        self.stop = stop
        self.entries: list[_Entry] = []
        self.role: str | None = None
        self.agency: str | None = None
        self.columns: Columns | None = None
        self.width = 0
        self.flat: FlatTable | None = None  # a table copied one cell per line
        self.skip_to = -1
        self.skipped = 0  # lines before the first entry that are none

    def feed(self, index: int) -> bool:
        """Take one line; False when the list has ended."""
        if index <= self.skip_to:
            return True
        text, key = self.lines.texts[index], self.lines.keys[index]
        if self.lines.is_blank(index) or (_PAGE_NUMBER.match(text) and self.flat is None):
            return True
        opened = node_start(key, text)
        if opened is not None and opened[0] in ("article", "chapter", "section"):
            return False
        if self.lines.is_table_row(index):
            self._table_row(index, text.split("\t"))
            return True
        if self.flat is not None:
            return self._flat_line(index)
        if self._flat_header(index):
            return True
        pieces = self._entry_pieces(index)
        if pieces is None:
            return self._text_line(index, text, key)
        return all(self._text_line(index, piece, piece.lower(), where)
                   for piece, where in pieces)

    # -- text lines

    def _entry_pieces(self, index: int) -> list[tuple[str, tuple[int, int]]] | None:
        """A logical line joined from entries that end without ";" in a text copy or a PDF
        ("Ông A, Chủ tịch UBND xã, Trưởng ban" / "Bà B, ..."): cut again where one starts."""
        item = self.lines.items[index]
        if item.end - item.start < 2 or self.lines.source.position(item.start) == \
                self.lines.source.position(item.end - 1):
            return None
        pieces: list[tuple[str, tuple[int, int]]] = []
        for text, (_, page, line) in self._cells(index):
            key = text.lower()
            if pieces and not (_MARKER.match(key) or _starts_entry(key)):
                pieces[-1] = (f"{pieces[-1][0]} {text}", pieces[-1][1])
            else:
                pieces.append((text, (page, line)))
        return pieces if len(pieces) > 1 else None

    def _text_line(self, index: int, text: str, key: str,
                   where: tuple[int, int] | None = None) -> bool:
        marker = _MARKER.match(key) or _numbered_row(text)
        body = text[marker.end():].strip() if marker else text.strip()
        body_key = key[marker.end():].strip() if marker else key.strip()
        is_heading, role = group_heading(body)
        current = self.entries[-1] if self.entries else None
        if is_heading and not self._role_tail(current, index, body, body_key):
            self.role, self.agency = role, None
            return True
        if self._agency_heading(index, body, body_key, marker is not None):
            return True
        if marker is not None or _starts_entry(body_key):
            if not self._role_tail(current, index, body, body_key):
                self._add(index, body, where)
            return True
        if current is not None and not current.closed and current.row is None:
            current.parts.append(body)
            current.last = index
            return True
        if self.entries and _parses(body):
            self._add(index, body, where)
            return True
        self.skipped += 1
        return not self.entries and self.skipped <= _LEAD_LINES

    def _add(self, index: int, body: str, where: tuple[int, int] | None = None) -> None:
        self.entries.append(_Entry(index, [body], self.role, self.agency, last=index,
                                   where=where))

    def _role_tail(self, current: _Entry | None, index: int, body: str, key: str) -> bool:
        """ "- Thành viên;" after an entry cut by a page end is that entry's role."""
        if current is None or current.closed or whole_role(key) is None:
            return False
        fields = parse_entry(current.text)
        if fields is not None and fields.role is not None:
            return False
        current.parts.append("- " + body)
        current.last = index
        return True

    def _agency_heading(self, index: int, body: str, key: str, marked: bool) -> bool:
        """ "a) Sở Nội vụ:", "Sở Y tế:" (or "a) Sở Nội vụ" above a sub-list): not a member."""
        stripped = key.rstrip()
        if not AGENCY_START.match(stripped) or len(stripped.split()) > 14:
            return False
        if ":" in stripped[:-1] or _HONORIFIC_WORD.search(stripped):
            return False
        heading = stripped.endswith(":") or (
            marked and not stripped.endswith((";", ".")) and self._sub_list_follows(index))
        if not heading:
            return False
        self.agency = body.rstrip(" :")
        return True

    def _sub_list_follows(self, index: int) -> bool:
        """The next line is an entry of a lower level (a dash under "a) Sở Nội vụ")."""
        for probe in range(index + 1, min(self.stop, index + _LOOK_AHEAD)):
            if self.lines.is_blank(probe) or _PAGE_NUMBER.match(self.lines.texts[probe]):
                continue
            return re.match(r"^\s*[-+•*–—]", self.lines.texts[probe]) is not None
        return False

    # -- tables

    def _table_row(self, index: int, cells: list[str]) -> None:
        header = header_columns(cells)
        if header:
            self.columns, self.width = header, len(cells)
            return
        group = group_cell(cells)
        if group is not None:
            self._group_row(group)
            return
        columns = self.columns if self.width == len(cells) else None
        row = TableRow(cells=list(cells), columns=columns)
        previous = self.entries[-1].row if self.entries else None
        if previous is not None and row.continues(previous):
            previous.merge(row)
            self.entries[-1].last = index
            return
        self.entries.append(_Entry(index, [], self.role, self.agency, row=row, last=index))

    def _group_row(self, text: str) -> None:
        key = text.lower()
        is_heading, role = group_heading(text.strip(" :"))
        if is_heading or whole_role(key, chair=True):
            self.role, self.agency = role or whole_role(key, chair=True), None
        elif AGENCY_START.match(key):
            self.agency = text.strip(" :")
        else:
            self.role = None

    # -- tables copied one cell per line

    def _flat_header(self, index: int) -> bool:
        if _FLAT_HEAD.match(self.lines.keys[index]) is None:
            return False
        cells = self._cells(index)
        if len(cells) > 1:  # the cells of a text copy joined into one logical line
            texts = [text for text, _ in cells]
            for count in range(min(len(texts), _FLAT_WIDTH), 2, -1):
                columns = flattened_header(texts[:count])
                if columns is not None:
                    self.flat = FlatTable(columns)
                    for text, where in cells[count:]:
                        if not self.flat.take(text, where):
                            break
                    return True
            return False
        texts, probe = [], index
        while probe < self.stop and len(texts) < _FLAT_WIDTH and not self.lines.is_table_row(probe):
            text = self.lines.texts[probe].strip()
            if not text or len(text) > 40 or row_number(text) is not None:
                break
            texts.append(text)
            probe += 1
        for count in range(len(texts), 2, -1):
            columns = flattened_header(texts[:count])
            if columns is not None:
                self.flat, self.skip_to = FlatTable(columns), index + count - 1
                return True
        return False

    def _flat_line(self, index: int) -> bool:
        assert self.flat is not None
        for text, where in self._cells(index):
            if not self.flat.take(text, where):
                self._end_flat()
                return False
        return True

    def _cells(self, index: int) -> list[tuple[str, tuple[int, int, int]]]:
        """The source lines of a logical line: a text copy's table cells, one per line."""
        item = self.lines.items[index]
        spans = self.lines.source.spans(item.start, item.end)
        if len(spans) <= 1:
            located = self.lines.located(index)
            return [(self.lines.texts[index].strip(), (index, located.page, located.line))]
        return [(normalize_string(span.text).strip(), (index, span.page, span.line))
                for span in spans if span.text.strip()]

    def _end_flat(self) -> None:
        if self.flat is None:
            return
        self.flat.close()
        for where, row in self.flat.rows:
            index, page, line = where  # type: ignore[misc]
            self.entries.append(_Entry(index, [], self.role, self.agency, row=row, last=index,
                                       where=(page, line)))
        self.flat = None

    def finish(self) -> None:
        self._end_flat()


def _numbered_row(text: str) -> re.Match[str] | None:
    """ "1 Ông Nguyễn Văn A ..." : a numbered row whose tab stops became spaces."""
    match = _BARE_NUMBER.match(text)
    if match is None:
        return None
    return match if _starts_entry(text[match.end():].lower()) else None


def _starts_entry(key: str) -> bool:
    return bool(HONORIFIC.match(key) or INVITED.match(key) or RANK.match(key)
                or TITLE.match(key) or _role_first(key))


def _role_first(key: str) -> bool:
    head = key.split(":", 1)[0] if ":" in key[:60] else ""
    return bool(head) and whole_role(head) is not None


def _parses(body: str) -> bool:
    """An unmarked line after a finished entry: another entry when it names a person or role."""
    fields = parse_entry(body)
    return fields is not None and (fields.role is not None or fields.name is not None)


def _names_office(position: str | None) -> bool:
    key = (position or "").lower()
    return bool(POSITION_START.match(key + " ") or AGENCY_START.match(key))


def _parse_region(lines: Lines, start: int, stop: int, places: frozenset[str]) -> MemberList:
    parser = _RegionParser(lines, stop)
    for index in range(start, stop):
        if not parser.feed(index):
            break
    parser.finish()
    council = _COUNCIL.search(lines.keys[max(start - 1, 0)]) is not None
    pairs = [(e, m) for e in parser.entries
             if (m := _member(lines, e, council, places)) is not None]
    if not pairs:
        return MemberList()
    first, last = pairs[0][0].index, max(e.last for e, _ in pairs)
    return MemberList([m for _, m in pairs], (lines.offset(first), lines.end_offset(last)))


def _member(lines: Lines, entry: _Entry, council: bool,
            places: frozenset[str]) -> Member | None:
    fields: EntryFields | None
    if entry.row is not None:
        fields = table_fields(entry.row)
    else:
        fields = parse_entry(entry.text, chair=council, places=places)
    if fields is None:
        return None
    role = fields.role or entry.role
    if not (fields.name or role):
        return None
    if fields.name is None and fields.role is None and not _names_office(fields.position):
        return None  # neither a person nor an office: a sentence that wandered in
    agency = fields.agency or entry.agency or agency_of(fields.position)
    page, line = entry.where or _page_line(lines, entry.index)
    return Member(honorific=fields.honorific, name=fields.name, position=fields.position,
                  agency=agency, role=role, text=entry.text, page=page, line=line)


def _page_line(lines: Lines, index: int) -> tuple[int, int]:
    located = lines.located(index)
    return located.page, located.line
