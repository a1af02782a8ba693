"""The letterhead (Nghị định 30, Phụ lục I): issuing body, number, motto, place and date.

Two-column letterheads reach us in three shapes: left column then right column (Word-exported
PDF, DOCX layout tables), or one line per printed row with both columns on it ("ỦY BAN NHÂN DÂN
HUYỆN CỘNG HÒA XÃ HỘI CHỦ NGHĨA ..."), or every word on its own line (copied web text, see the
seeds). Each line is therefore cut into pieces - motto, slogan, number, place-date - and what is
left over belongs to the left column, where the issuing body and its parent are printed.

A công văn prints its "V/v ..." summary under the number and may put "Kính gửi:" in the left
column, above the motto and the date of the right column: both are read here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields

from validator.model import Located
from validator.structure.dates import find_date, find_date_line
from validator.structure.left_column import Piece, banner_at, bodies, may_name_a_body
from validator.structure.lines import Lines
from validator.structure.vocab import HOA2, NUMBER_LABEL, TYPE_NAME_LOOSE, authority_inside

_MOTTO = re.compile(rf"cộng {HOA2} xã hội(?P<rest>\s+chủ nghĩa(?P<vn>\s+việt nam)?)?")
_MOTTO_REST = re.compile(r"chủ nghĩa(?:\s+việt nam)?|việt nam")
_SLOGAN = re.compile(r"độc lập\s*[-–—]\s*tự do\s*[-–—]\s*hạnh phúc")
# The number is digits, a blank left in a draft, or a handwritten number a scan could not read
# ("Số: 2f† /QĐ-TTg"): then no number, but the line and its symbol are still the number line.
# A symbol starts with a letter or digit and may be broken after a dash ("TTr- UBND").
_NUMBER = re.compile(
    r"(?<!\S)" + NUMBER_LABEL
    + r"\s*[:.]?\s*(?P<num>\d+[a-z]?|[.…_\s]*|[^\s:]{1,8}?(?:\s[^\s:]{1,8}?)?)\s*/\s*"
    r"(?P<sym>[^\W_](?:[^\s,;]*[^\s,;/-])?(?:(?:\s*[-/]|[-/]\s)[^\s,;/-][^\s,;]*)*)"
)
_LABEL = re.compile(NUMBER_LABEL)
_WRITTEN_NUMBER = re.compile(r"\d+[a-z]?(?:[-.]\d+[a-z]?)*")  # 57, 12a, 02-02
_CELL = re.compile(r"[^\t]+")  # a letterhead read as table rows: TAB between the columns
_GLUED = re.compile(r"^[-/][^\W\d_]")  # "/BHXH", "-BT": the rest of a broken symbol
_LETTERHEAD_END = re.compile(
    r"^\s*(?:căn cứ|điều\s+\d|chương\s+[ivxlc\d]|kính gửi|theo đề nghị|xét đề nghị|\(\s*kèm theo"
    r"|\(\s*ban hành kèm)"
)
_KINH_GUI = re.compile(r"^\s*kính gửi")
# "V/v", also as a scan reads its slash (Vív, V|v, Vlv, V/y).
_CONGVAN_SUMMARY = re.compile(r"^\s*(?:v\s?[/íìịil1|\\]\s?[vy]|về việc)(?![^\s:.])")
# A date line is a place and a date; one in a sentence ("... Quyết định số 12 ngày ...") is not.
_NOT_PLACE = re.compile(r"[(/\d]|(?<!\S)(?:số|kèm theo|quyết định|căn cứ|ban hành)(?!\S)")
_PLACE_WORDS = 6
# A unit word that may open a place name broken over two lines ("Thành phố Hồ Chí" / "Minh").
_PLACE_UNIT = re.compile(r"(?:thành phố|thị xã|thị trấn|tp\.?|xã|phường|huyện|quận|tỉnh)$")


@dataclass
class Opening:
    """What the letterhead reads and the header (header.py) keeps."""

    number: str | None = None
    symbol: str | None = None
    number_line: Located | None = None
    place: str | None = None
    date: dt.date | None = None
    date_line: Located | None = None
    national_motto: Located | None = None
    type_name: Located | None = None
    type_index: int | None = None
    summary: Located | None = None  # a công văn's "V/v ..." under its number

    def opening(self) -> dict[str, object]:
        """The fields of an Opening, by name (for the header built from a letterhead)."""
        return {f.name: getattr(self, f.name) for f in fields(Opening)}


@dataclass
class Letterhead(Opening):
    bodies: list[Located] = field(default_factory=list)  # left column, parent first
    end: int = 0  # first line after the letterhead


def read_letterhead(lines: Lines, start: int, stop: int) -> Letterhead:
    reader = _Reader(lines)
    reader.read(start, stop)
    result = reader.result
    result.bodies = bodies(lines, reader.left)
    return result


class _Reader:
    """One pass over the letterhead lines, cutting each into its pieces."""

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.result = Letterhead()
        self.left: list[Piece] = []
        self.motto_pending = False
        self.slogan: Located | None = None
        self.skip_to = -1
        self.addressed = False  # "Kính gửi:" seen before the motto (a công văn's left column)
        self._extra_cut: tuple[int, int] | None = None

    def read(self, start: int, stop: int) -> None:
        index = start
        for index in range(start, stop):
            if index <= self.skip_to:
                continue
            key = self.lines.keys[index]
            if self._addressed_first(key):
                self.addressed = True
                continue
            if _LETTERHEAD_END.match(key) or self._type_line(index):
                break
            if self.result.number_line is not None and _CONGVAN_SUMMARY.match(key):
                self._congvan_summary(index, stop)
                continue
            self._cut(index)
            if self.result.type_index == index or (
                    self.addressed and self.result.date_line is not None):
                index += 1
                break
        else:
            index = stop
        self._finish_motto()
        self.result.end = index

    def _addressed_first(self, key: str) -> bool:
        """ "Kính gửi:" above the motto: the right column (motto, date) is still to come."""
        return bool(_KINH_GUI.match(key)) and self.result.national_motto is None \
            and self.result.number_line is not None

    def _type_line(self, index: int) -> bool:
        loose = self.lines.loose(index)
        lead = len(loose) - len(loose.lstrip())
        return self._type_at(index, lead)

    def _type_at(self, index: int, begin: int) -> bool:
        """A type name ("QUYẾT ĐỊNH", a scan's "QUYÉT ĐỊNH") in capitals at line[begin:]."""
        match = TYPE_NAME_LOOSE.match(self.lines.loose(index), begin)
        if match is None or self.result.type_index is not None:
            return False
        if not self.lines.texts[index][begin:match.end()].isupper():
            return False
        self.result.type_index = index
        self.result.type_name = self.lines.located(index, begin, match.end())
        return True

    def _congvan_summary(self, index: int, stop: int) -> None:
        """A công văn prints its "V/v ..." under the number, in the left column."""
        parts = [self.lines.texts[index].strip()]
        last = index
        while last + 1 < stop and self._summary_continues(last + 1):
            last += 1
            parts.append(self.lines.texts[last].strip())
        text = " ".join(parts)
        self.result.summary = self.lines.located_text(index, text[:authority_inside(text)])
        self.skip_to = last

    def _summary_continues(self, index: int) -> bool:
        key = self.lines.keys[index]
        if self.lines.is_blank(index) or _MOTTO.search(key) or _SLOGAN.search(key):
            return False
        return find_date(key)[0] is None and not _LETTERHEAD_END.match(key)

    def _cut(self, index: int) -> None:
        key = self.lines.keys[index]
        taken: list[tuple[int, int]] = []
        self._extra_cut = None
        for cutter in (self._motto, self._slogan, self._number):
            found = cutter(index, key)
            if found is not None:
                taken.append(found)
        if self._extra_cut is not None:
            taken.append(self._extra_cut)
        found = self._date(index, key, taken)  # after the number: "Số: 57/QĐ-UBND Xã A, ngày"
        if found is not None:
            taken.append(found)
        if self.lines.is_blank(index) or self.addressed:
            return  # under "Kính gửi:" the left column holds addressees, not the issuer
        for begin, end in _gaps(key, sorted(taken)):
            for cell in _CELL.finditer(key, begin, end):
                first = self._after_banner(index, cell.start(), cell.end())
                piece = key[first:cell.end()]
                # a page number is no body
                if piece.strip(" -–—_.,0123456789") and may_name_a_body(piece):
                    self.left.append(Piece(index, first, cell.end()))

    def _after_banner(self, index: int, begin: int, end: int) -> int:
        """Where line[begin:end] goes on after what a portal or a signing tool printed above
        the letterhead ("Cơ quan phát hành: ...", "Ký bởi: ...", a web address): that source
        line, which normalisation may have joined to the letterhead's first line, is no body."""
        text = self.lines.texts[index]
        while (found := banner_at(text, begin, end)) is not None:
            begin = min(self.lines.source_line_end(index, found), end)
        return begin

    def _motto(self, index: int, key: str) -> tuple[int, int] | None:
        match = _MOTTO.search(key)
        result = self.result
        if match is not None:
            if result.national_motto is None:
                result.national_motto = self.lines.located(index, match.start(), match.end())
            self.motto_pending = match.group("vn") is None
            rest = _motto_rest(key, match.end()) if self.motto_pending else None
            if rest is not None:
                # joined lines: "...CỘNG HÒA XÃ HỘI CHỦ NGHĨA BÌNH SƠN VIỆT NAM"
                self.motto_pending = False
                self._extend_motto(self.lines.texts[index][rest[0]:rest[1]])
                self._extra_cut = rest
            return match.start(), match.end()
        if self.motto_pending:
            rest = _motto_rest(key)
            if rest is not None:
                self.motto_pending = False
                self._extend_motto(self.lines.texts[index][rest[0]:rest[1]])
                return rest
        return None

    def _extend_motto(self, words: str) -> None:
        motto = self.result.national_motto
        if motto is not None:
            self.result.national_motto = motto.model_copy(
                update={"text": f"{motto.text} {words.strip()}"})

    def _slogan(self, index: int, key: str) -> tuple[int, int] | None:
        match = _SLOGAN.search(key)
        if match is None:
            return None
        if self.slogan is None:
            self.slogan = self.lines.located(index, match.start(), match.end())
        return match.start(), match.end()

    def _finish_motto(self) -> None:
        """Keep the slogan with the motto: ND30-01 wants both, the model has one field."""
        motto, slogan = self.result.national_motto, self.slogan
        if slogan is None:
            return
        if motto is None:
            self.result.national_motto = slogan
        else:
            text = f"{motto.text}\n{slogan.text}"
            self.result.national_motto = motto.model_copy(update={"text": text})

    def _number(self, index: int, key: str) -> tuple[int, int] | None:
        if self.result.number_line is not None or not _LABEL.search(key):
            return None
        text, joined, last = self._with_following(index, _has_number)
        match = _NUMBER.search(joined)
        if match is None or joined[:match.start()].strip():
            return None
        number = match.group("num").strip(" ._…")
        symbol = re.sub(r"\s+", "", text[match.start("sym"):match.end("sym")]).strip(".")
        if number and not _WRITTEN_NUMBER.fullmatch(number):
            if not symbol[:1].isupper():
                return None  # "Số người/hộ ...": words, not an unreadable number
            number = ""
        if not joined[match.start():].startswith("số"):
            # "Só:564": a scan that damaged the label may have misread the digits too (often
            # written by hand); the line and its symbol stand, the number is to be read on it.
            number = ""
        self.result.number = number or None
        self.result.symbol = symbol or None
        written = text[match.start():match.end()]
        self.result.number_line = self.lines.located_text(index, written, match.start())
        self.skip_to = max(self.skip_to, last)
        return (match.start(), match.end()) if last == index else (match.start(), len(key))

    def _date(self, index: int, key: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
        if self.result.date_line is not None or "ng" not in key:  # "ngày", a damaged "ngà"
            return None
        text, joined, last = self._with_following(index, _has_date)
        match, value = find_date(joined)
        if match is None:  # a date a scan damaged, read on its own line
            text, last = self.lines.texts[index], index
            joined = text.lower()
            match, value = find_date_line(joined)
        if match is None:
            return None
        floor = max((end for _, end in taken if end <= match.start()), default=0)
        place_begin, place = _place(text, floor, match.start())
        if place is not None and (_NOT_PLACE.search(place) or len(place.split()) > _PLACE_WORDS):
            return None  # a date inside a sentence is no date line
        place = self._place_from_above(index, place_begin, place)
        result = self.result
        result.place, result.date = place, value
        written = text[place_begin:match.end()].strip()
        result.date_line = self.lines.located_text(index, written, place_begin)
        self.skip_to = max(self.skip_to, last)
        if last != index:
            return place_begin, len(key)
        after = len(key) - len(key[match.end():].lstrip())
        if after < len(key) and self._type_at(index, after):
            return place_begin, len(key)  # "..., ngày 19 tháng 12 năm 2025 QUYẾT ĐỊNH"
        return place_begin, match.end()

    def _place_from_above(self, index: int, begin: int, place: str | None) -> str | None:
        """ "Thành phố Hồ Chí" / "Minh, ngày ...": the place began on the line above."""
        if place is None or self.lines.texts[index][:begin].strip() or not self.left:
            return place
        last = self.left[-1]
        if last.index != index - 1:
            return place
        piece = self.lines.texts[last.index][last.begin:last.end].rstrip()
        head = _place_head(piece)
        if head is None:
            return place
        last.end = last.begin + head
        if not piece[:head].strip(" -–—_.,"):
            self.left.pop()
        return f"{piece[head:].strip()} {place}"

    def _with_following(self, index: int, complete: Callable[[str], bool]) -> tuple[str, str, int]:
        """A number or date broken one word per line ("Số:", "3036", "/BHXH", "-BT") rejoined."""
        text, last = self.lines.texts[index], index
        while last + 1 < len(self.lines) and last - index < 8:
            piece = self.lines.texts[last + 1].strip()
            if not piece or len(piece) > 14 or self.lines.is_blank(last + 1):
                break
            if complete(text.lower()) and not _GLUED.match(piece):
                break
            last += 1
            glue = "" if _GLUED.match(piece) or text.endswith(("/", "-")) else " "
            text = f"{text.rstrip()}{glue}{piece}"
        return text, text.lower(), last


def _place_head(piece: str) -> int | None:
    """Where the capitalised words ending `piece` start ("... Thành phố Hồ Chí"), if any."""
    found = list(re.finditer(r"\S+", piece))
    start = len(found)
    while start > 0 and found[start - 1].group()[:1].isupper():
        start -= 1
    if start == len(found) or piece[found[start].start():].isupper():
        return None
    for size in (2, 1):  # "Thành phố", "Tp."
        if start >= size and _PLACE_UNIT.match(
                " ".join(w.group() for w in found[start - size:start]).lower()):
            start -= size
            break
    return found[start].start()


def _has_number(key: str) -> bool:
    return _NUMBER.search(key) is not None


def _has_date(key: str) -> bool:
    return find_date(key)[0] is not None


def _motto_rest(key: str, start: int = 0) -> tuple[int, int] | None:
    """The words of a wrapped motto on the next line, at the right end or alone."""
    for match in _MOTTO_REST.finditer(key, start):
        if not key[match.end():].strip() or not key[start:match.start()].strip():
            return match.start(), match.end()
    return None


def _gaps(key: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    gaps, cursor = [], 0
    for begin, end in taken:
        if begin > cursor:
            gaps.append((cursor, begin))
        cursor = max(cursor, end)
    if cursor < len(key):
        gaps.append((cursor, len(key)))
    return gaps


def _place(text: str, floor: int, date_start: int) -> tuple[int, str | None]:
    """Place name before ", ngày": the trailing words that are not the left column's capitals."""
    before = text[floor:date_start]
    words = [w for w in re.finditer(r"\S+", before) if any(c.isalpha() for c in w.group())]
    keep = len(words)
    capitals = [w for w in words if w.group().strip(",").isupper()]
    if len(capitals) >= 2 and len(capitals) < len(words):
        while keep > 0 and not words[len(words) - keep].group().strip(",").isupper():
            keep -= 1
        while keep > 0 and words[len(words) - keep].group().strip(",").isupper():
            keep -= 1
    chosen = words[len(words) - keep:] if keep else []
    if not chosen:
        return date_start, None
    begin = floor + chosen[0].start()
    place = text[begin:date_start].strip(" ,")
    return begin, place or None
