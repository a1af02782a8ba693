"""Layout: OCR word boxes into lines in reading order.

Word boxes, not Tesseract's plain text, are turned into lines: the two header columns and
the signer block come out column by column, table rows come out as one line with
TAB-separated cells, and stamp or signature debris is dropped.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from validator.read.ocr.engine import Word
from validator.read.ocr.preprocess import Border

COLUMN_GAP = 1.2  # line heights: the least gap between two header columns set close together
# Mean confidence under which a piece read twice (see reread) is stamp or signature, not text.
JUNK_CONFIDENCE = 35.0

@dataclass(slots=True)
class Segment:
    """Consecutive words of one visual line with no wide gap between them."""

    words: list[Word]

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def is_junk(self) -> bool:
        """Stamp or signature remnants: no letter or digit, a few doubtful ones, or text
        that even the second reading (see reread) could not make sense of."""
        alnum = sum(ch.isalnum() for w in self.words for ch in w.text)
        mean = sum(w.confidence for w in self.words) / len(self.words)
        return alnum == 0 or (alnum <= 2 and mean < 70) or (alnum <= 4 and mean < 55) or (
            mean < JUNK_CONFIDENCE)


Row = list[Segment]  # segments side by side, left to right


def segments(
    words: Sequence[Word], gap: float, borders: Sequence[Border] = ()
) -> list[Segment]:
    """Split Tesseract's lines where two neighbouring words are more than `gap` apart or a
    table border runs between them."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    result = []
    for line_words in lines.values():
        result.extend(_split(sorted(line_words, key=lambda w: w.left), gap, borders))
    return result


def _split(words: Sequence[Word], gap: float, borders: Sequence[Border] = ()) -> list[Segment]:
    """Words of one line into segments at gaps wider than `gap`, at table borders, and at
    one column gap (see _column_gap); never inside a date whose day or month was left
    blank or written by hand and lost ("ngày ... tháng ... năm")."""
    column = _column_gap(words, gap)
    parts = [Segment([words[0]])]
    for index, word in enumerate(words[1:], start=1):
        last = parts[-1].words[-1]
        if (word.left - parts[-1].right > gap or index == column
                or any(b.separates(last, word) for b in borders)) and not _blank_date(
                    last, word):
            parts.append(Segment([]))
        parts[-1].words.append(word)
    return parts


def _blank_date(before: Word, after: Word) -> bool:
    return (before.text.lower(), after.text.lower()) in (("ngày", "tháng"), ("tháng", "năm"))


def _column_gap(words: Sequence[Word], gap: float) -> int | None:
    """Index of the word after the gap between two header columns set close together.

    When the issuer's name is long ("THỦ TƯỚNG CHÍNH PHỦ" beside the national motto) the
    two capital headings of the first row can stand less than the usual `gap` apart. Such
    a gap is still several times the line's word spacing (a justified line spreads its
    spacing evenly) and has two capital words or more on either side.
    """
    if len(words) < 4 or not all(_capitals(w.text) for w in words):
        return None
    gaps = [b.left - a.right for a, b in pairwise(words)]
    spacing = statistics.median(gaps)
    widest = max(range(len(gaps)), key=gaps.__getitem__)
    line_height = gap / 2  # the caller's gap is two line heights
    if (COLUMN_GAP * line_height <= gaps[widest] <= gap and gaps[widest] >= 3 * max(spacing, 1)
            and 2 <= widest + 1 <= len(words) - 2):
        return widest + 1
    return None


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def rows(parts: Iterable[Segment], gap: float, borders: Sequence[Border] = ()) -> list[Row]:
    """Segments grouped into visual rows (vertical overlap of half a line or more).

    Tesseract sometimes puts one visual line in two blocks (a misread list number in one,
    the text in the next): pieces of a row closer than `gap` are joined again, and what is
    left as stamp or signature debris is dropped (see Segment.is_junk, _lone_letter).
    """
    grouped: list[Row] = []
    for part in sorted(parts, key=lambda s: (s.top + s.bottom) / 2):
        if grouped and _same_row(grouped[-1], part):
            grouped[-1].append(part)
        else:
            grouped.append([part])
    result = []
    for row in grouped:
        words = sorted((w for part in row for w in part.words), key=lambda w: w.left)
        kept = [part for part in _split(words, gap, borders) if not part.is_junk]
        if kept and not _lone_letter(kept):
            result.append(kept)
    return result


def _lone_letter(row: Row) -> bool:
    """A row that is one letter and nothing else: a signature's loop read as "J" or "ì",
    never a line of a document (a lone digit may be a page number)."""
    letters = [ch for part in row for ch in part.text if ch.isalnum()]
    return len(letters) == 1 and letters[0].isalpha()


def _same_row(row: Row, part: Segment) -> bool:
    top = min(s.top for s in row)
    bottom = max(s.bottom for s in row)
    overlap = min(bottom, part.bottom) - max(top, part.top)
    smaller = min(bottom - top, part.bottom - part.top)
    return overlap >= 0.5 * max(smaller, 1) and not any(_overlaps_x(s, part) for s in row)


def _overlaps_x(a: Segment, b: Segment) -> bool:
    return min(a.right, b.right) > max(a.left, b.left)


def _overlap(x0: int, x1: int, left: int, right: int) -> int:
    return min(x1, right) - max(x0, left)


@dataclass(slots=True)
class Region:
    """Consecutive rows laid out in the same columns (a two-column header, a table)."""

    rows: list[Row]
    columns: list[tuple[int, int]]  # x ranges, left to right

    def _hits(self, part: Segment) -> list[int]:
        return [i for i, (x0, x1) in enumerate(self.columns)
                if _overlap(x0, x1, part.left, part.right) > 0]

    def column_of(self, left: int, right: int) -> int:
        """The column a piece of text belongs to: the one it overlaps most, else the nearest."""
        def closeness(index: int) -> tuple[int, float]:
            x0, x1 = self.columns[index]
            return _overlap(x0, x1, left, right), -abs((x0 + x1) - (left + right))
        return max(range(len(self.columns)), key=closeness)

    def fits(self, row: Row) -> bool:
        """Every piece of the row falls in one column, no two in the same."""
        hits = [self._hits(part) for part in row]
        return all(len(h) == 1 for h in hits) and len({h[0] for h in hits}) == len(hits)

    def refines(self, row: Row) -> bool:
        """The row has more pieces than there are columns and splits some of them: a table
        whose header cells were read as one piece ("STT Họ và tên"). A new column starts
        where a word of the rows above starts or between two; one starting inside a word
        ("CỘNG HÒA ... NGHĨA" over a date line with a gap where a handwritten month was
        lost) is no column."""
        hits = [self._hits(part) for part in row]
        starts = [part.left for part in row[1:]]
        return (
            len(row) > len(self.columns) > 1
            and all(len(h) == 1 for h in hits)
            and {h[0] for h in hits} == set(range(len(self.columns)))
            and not any(w.left + w.height / 4 < x < w.right - w.height / 4
                        for old in self.rows for part in old for w in part.words
                        for x in starts)
        )

    def add(self, row: Row) -> None:
        if self.refines(row):
            self.columns = [(part.left, part.right) for part in row]
        else:
            for part in row:
                index = self.column_of(part.left, part.right)
                x0, x1 = self.columns[index]
                self.columns[index] = (min(x0, part.left), max(x1, part.right))
        self.rows.append(row)

    def cells(self, row: Row) -> list[list[Word]]:
        result: list[list[Word]] = [[] for _ in self.columns]
        for part in row:
            for word in part.words:
                result[self.column_of(word.left, word.right)].append(word)
        return result

    @property
    def is_table(self) -> bool:
        """Three or more columns filled on two rows, or two left-aligned columns on three
        rows and on at least half of them.

        A header or signer block has two columns but its lines are centred, so their left
        edges wander; the cells of a real table start at the same x. Three short centred
        signer lines can happen to start at one x, but beside a longer recipient list most
        rows of a signer block have one side empty.
        """
        full = [cells for cells in map(self.cells, self.rows) if all(cells)]
        if len(self.columns) >= 3:
            return len(full) >= 2
        if len(self.columns) != 2 or len(full) < max(3, len(self.rows) / 2):
            return False
        height = statistics.median(w.height for cells in full for cell in cells for w in cell)
        return all(
            max(c[i][0].left for c in full) - min(c[i][0].left for c in full) < height
            for i in range(2)
        )


def regions(page_rows: Sequence[Row], line_height: float) -> list[Region]:
    """Rows grouped into regions; a region ends at a row that crosses its columns or a gap."""
    result: list[Region] = []
    for row in page_rows:
        last = result[-1] if result else None
        if (
            last is not None
            and len(last.columns) > 1
            and (last.fits(row) or last.refines(row))
            and row[0].top - max(s.bottom for s in last.rows[-1]) < 3 * line_height
        ):
            last.add(row)
        else:
            result.append(Region([row], [(s.left, s.right) for s in row]))
    return result


@dataclass(frozen=True, slots=True)
class LayoutLine:
    """A line of the page before it becomes a SourceLine: text, words, table flag."""

    text: str
    words: tuple[Word, ...]
    in_table: bool = False
    table_start: bool = False  # first row of a table


def layout(words: Sequence[Word], borders: Sequence[Border] = ()) -> list[LayoutLine]:
    """Words into lines in reading order: column regions column by column, tables by row.

    borders are the page's vertical table borders: text on either side is in two cells.
    """
    if not words:
        return []
    line_height = statistics.median(w.height for w in words)
    gap = 2.0 * line_height  # about 1.5 em: wider than any justified space
    page_rows = rows(segments(words, gap, borders), gap, borders)
    result: list[LayoutLine] = []
    for region in regions(page_rows, line_height):
        if region.is_table:
            result.extend(_table_lines(region))
        else:
            result.extend(_column_lines(region))
    return result


def _column_lines(region: Region) -> Iterator[LayoutLine]:
    for index in range(len(region.columns)):
        for row in region.rows:
            for part in row:
                if region.column_of(part.left, part.right) == index:
                    yield LayoutLine(part.text, tuple(part.words))


def _table_lines(region: Region) -> Iterator[LayoutLine]:
    """One line per table row; a row with an empty first cell continues the row above.

    A row whose only empty cell is the first is a new row whose number Tesseract missed
    (lone digits are its weak spot), not the wrapped text of the row above.
    """
    merged: list[list[list[Word]]] = []
    for row in region.rows:
        cells = region.cells(row)
        if merged and not cells[0] and not all(cells[1:]):
            for previous, more in zip(merged[-1], cells, strict=True):
                previous.extend(more)
        else:
            merged.append(cells)
    for number, cells in enumerate(merged):
        text = "\t".join(" ".join(w.text for w in cell) for cell in cells)
        words = tuple(w for cell in cells for w in cell)
        yield LayoutLine(text, words, in_table=True, table_start=number == 0)



def confidence(words: Iterable[Word]) -> float | None:
    """Mean word confidence weighted by word length: a long misread word weighs more."""
    pairs = [(w.confidence, len(w.text)) for w in words if w.confidence >= 0]
    total = sum(n for _, n in pairs)
    return round(sum(c * n for c, n in pairs) / total, 1) if total else None
