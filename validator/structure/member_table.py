"""Member lists printed as tables: header row, rows, rows split over a page, flattened tables.

A header row names the columns ("STT | Họ và tên | Chức vụ | Đơn vị công tác | Chức danh trong
BCĐ"); it may repeat at the top of every page, and a row cut by the page break continues on the
next page with its number and name cells empty. Without a header the columns are told by what
they hold. A table copied as text comes one cell per line ("STT", "Họ và tên", ..., "1",
"Nguyễn Văn A", ...): the header cells give the width and the row numbers the rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from validator.structure.member_entry import EntryFields, person, split_role
from validator.structure.names import clean_name, is_family_name, is_name_word
from validator.structure.roles import role_in, whole_role
from validator.structure.vocab import HONORIFIC, POSITION_START, is_upper_text

Columns = dict[int, str]

_STT = re.compile(r"^\s*(?:s\s*t\s*t|t\s*t|số\s*t\s*t|số thứ tự)\s*\.?\s*$")
_ROLE_HEAD = re.compile(
    r"(?:chức danh|chức vụ|nhiệm vụ)\s+(?:trong\s+|tại\s+)?(?:ban|bcđ|hội đồng|tổ|đội)"
    r"|trong ban|trong bcđ|trong hội đồng|trong tổ|trong đội|vai trò|^\s*nhiệm vụ\s*$"
)
_NAME_HEAD = re.compile(r"họ (?:và )?tên|họ, tên|^\s*tên\s*$")
_POSITION_HEAD = re.compile(r"chức vụ|chức danh")
_AGENCY_HEAD = re.compile(r"đơn vị|cơ quan|nơi công tác")
_NOTE_HEAD = re.compile(r"ghi chú")
_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})\s*\.?\s*$")
_CELL_MARKER = re.compile(r"^\s*\d{1,3}\s*[.)]\s+(?=\S)")  # "1. Ông A" in a tab-stop row
_ROMAN = re.compile(r"^\s*[ivxlc]{1,5}\s*\.?\s*$")


def header_columns(cells: list[str]) -> Columns | None:
    """The kind of each column when `cells` is a member table's header row, else None."""
    columns: Columns = {}
    positions = []
    for number, cell in enumerate(cells):
        key = cell.strip().lower()
        if not key:
            continue
        if _STT.match(key):
            columns[number] = "stt"
        elif _NAME_HEAD.search(key):
            columns[number] = "name"
        elif _ROLE_HEAD.search(key) and not re.fullmatch(r"\s*chức danh\s*", key):
            columns[number] = "role"
        elif _POSITION_HEAD.search(key):
            positions.append(number)
        elif _AGENCY_HEAD.search(key):
            columns[number] = "agency"
        elif _NOTE_HEAD.search(key):
            columns[number] = "note"
    for number in positions:
        # "Chức vụ" beside "Chức danh": the second one is the role in the committee.
        bare_title = re.fullmatch(r"\s*chức danh\s*", cells[number].lower()) is not None
        taken = "position" in columns.values()
        columns[number] = "role" if bare_title and taken and "role" not in columns.values() \
            else "position"
    kinds = set(columns.values())
    if len(columns) >= 2 and kinds & {"name", "position"} and (kinds - {"stt"}) != {"position"}:
        return columns
    return None


@dataclass
class TableRow:
    cells: list[str]
    columns: Columns | None

    def kind_of(self, number: int) -> str | None:
        return self.columns.get(number) if self.columns else None

    def cell(self, kind: str) -> str:
        if not self.columns:
            return ""
        return " ".join(self.cells[i].strip() for i, k in self.columns.items()
                        if k == kind and i < len(self.cells)).strip()

    def continues(self, previous: TableRow | None) -> bool:
        """Row cut by a page break: its number and name cells are empty, the rest goes on."""
        if previous is None or self.columns is None or previous.columns != self.columns:
            return False
        kinds = set(self.columns.values())
        if not kinds & {"stt", "name"}:
            return False
        return not any(self.cell(k) for k in ("stt", "name") if k in kinds)

    def merge(self, other: TableRow) -> None:
        for number, cell in enumerate(other.cells):
            if number < len(self.cells) and cell.strip():
                self.cells[number] = f"{self.cells[number].strip()} {cell.strip()}".strip()


def group_cell(cells: list[str]) -> str | None:
    """The text of a row with one filled cell besides its number ("II. CÁC THÀNH VIÊN")."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) == 2 and _ROMAN.match(filled[0].lower()):
        return filled[1]
    return filled[0] if len(filled) == 1 else None


def table_fields(row: TableRow) -> EntryFields | None:
    cells = [c.strip() for c in row.cells]
    columns = row.columns or guess_columns(cells)
    # Under a header a column it did not name is ignored; a guessed layout keeps it as the job.
    other = "other" if row.columns else "position"
    by_kind: dict[str, list[str]] = {}
    for number, cell in enumerate(cells):
        if cell:
            by_kind.setdefault(columns.get(number, other), []).append(cell)
    role_text = " ".join(by_kind.get("role", []))
    role = (whole_role(role_text.lower(), chair=True) or role_in(role_text.lower())) \
        if role_text else None
    name_cell = _CELL_MARKER.sub("", " ".join(by_kind.get("name", [])))
    honorific, name, leftover = person(name_cell) if name_cell else (None, None, "")
    if name_cell and name is None:
        # In a "Họ và tên" column whatever looks like a name is one, known surname or not.
        words = leftover.split()
        if 1 <= len(words) <= 5 and all(is_name_word(w) for w in words):
            name, leftover = clean_name(words), ""
    job = ", ".join(p for p in [leftover, *by_kind.get("position", [])] if p)
    if role is None and job:
        job, role = split_role(job, chair=True)
    agency = ", ".join(by_kind.get("agency", [])) or None
    position = ", ".join(p for p in (job.strip(" ,;"), agency) if p)
    if not (name or position):
        return None
    return EntryFields(honorific, name or None, position or None, role, agency)


def guess_columns(cells: list[str]) -> Columns:
    """A table without a header row: tell the columns by what they hold."""
    columns: Columns = {}
    for number, cell in enumerate(cells):
        key = _CELL_MARKER.sub("", cell.lower().strip())
        if re.fullmatch(r"\d{1,3}\.?|[ivx]+\.?", key):
            columns[number] = "stt"
        elif whole_role(key, chair=True):
            columns[number] = "role"
        elif "name" not in columns.values() and (HONORIFIC.match(key) or looks_like_name(cell)):
            columns[number] = "name"
    return columns


def looks_like_name(cell: str) -> bool:
    words = cell.split()
    return (2 <= len(words) <= 5 and all(is_name_word(w) for w in words)
            and is_family_name(words[0]) and not POSITION_START.match(cell.lower() + " "))


# ------------------------------------------------------------------------ flattened


def flattened_header(texts: list[str]) -> Columns | None:
    """Header cells one per line ("STT", "Họ và tên", "Chức vụ", "Chức danh"): their columns."""
    if len(texts) < 3 or any(len(t) > 40 for t in texts):
        return None
    columns = header_columns(texts)
    if columns is None or len(columns) != len(texts) or columns.get(0) != "stt":
        return None
    return columns


def row_number(text: str) -> int | None:
    match = _ROW_NUMBER.match(text)
    return int(match.group(1)) if match else None


class FlatTable:
    """A table copied one cell per line, after its header cells: rows open at their numbers.

    `where` travels with each row (whatever the caller needs to locate it).
    """

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.width = sum(1 for kind in columns.values() if kind != "stt")
        self.rows: list[tuple[object, TableRow]] = []
        self._cells: list[str] = []
        self._open = False
        self._where: object = None

    def take(self, text: str, where: object) -> bool:
        """One more cell; False when `text` is no longer part of the table."""
        number = row_number(text)
        expected = len(self.rows) + (2 if self._open else 1)
        first = not self.rows and not self._open
        if number is not None and (number == expected or first):
            self.close()
            self._open = True
            return True
        if not self._open:
            return False
        full = len(self._cells) >= self.width
        if full and (text.lstrip().startswith("(") or len(text) > 100 or is_upper_text(text)):
            self.close()
            return False
        if not self._cells:
            self._where = where  # a row is where its first cell is
        self._cells.append(text.strip())
        return True

    def close(self) -> None:
        if self._open and self._cells:
            self.rows.append((self._where, flattened_row(self.columns, self._cells)))
        self._open, self._where, self._cells = False, None, []


def flattened_row(columns: Columns, pieces: list[str]) -> TableRow:
    """The cells of one row from its lines: a cell may wrap over two lines."""
    kinds = [columns[i] for i in sorted(columns) if columns[i] != "stt"]
    merged: list[str] = []
    for piece in pieces:
        if merged and piece[:1].islower():
            merged[-1] = f"{merged[-1]} {piece}"  # "Phó Chủ tịch UBND" / "tỉnh"
        else:
            merged.append(piece)
    if len(merged) > len(kinds) and kinds[-1] == "role":
        for take in (2, 3):  # "Phó Chủ tịch" / "Hội đồng"
            tail = " ".join(merged[-take:])
            if len(merged) - take + 1 >= len(kinds) and whole_role(tail.lower(), chair=True):
                merged = [*merged[:-take], tail]
                break
    while len(merged) > len(kinds):
        index = 1 if kinds[0] == "name" else 0  # extra lines belong to the job
        merged[index:index + 2] = [f"{merged[index]} {merged[index + 1]}"]
    cells = ["", *merged, *[""] * (len(kinds) - len(merged))]
    return TableRow(cells=cells, columns={i + 1: k for i, k in enumerate(kinds)} | {0: "stt"})
