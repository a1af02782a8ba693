"""Pieces of text (pieces.py) -> visual lines of cells, in time near-linear in their number.

Real PDFs do not draw text the way it reads: signing tools write the number and the day
into blanks of a line drawn earlier, generators draw bold text twice with a small offset,
draw combining accents as glyphs of their own, or draw runs out of reading order. So lines
are rebuilt from geometry:

1. pieces that follow each other in drawing order on one baseline form a run;
2. runs are sorted by their vertical middle and grouped into rows (one sweep); a row of
   smaller glyphs inside another row's height (a footnote number) joins it;
3. each row's pieces are sorted left to right (one sort for the page); a piece drawn again
   over the same piece is dropped; a combining mark joins the letter its ink sits on; a
   line piece that overlaps another piece is reported, to be taken apart into glyphs;
4. a row is cut into cells where the gap is wider than CELL_GAP line heights (the two
   header columns, table cells), and words are separated where pdfium's own text has a
   space between two neighbours or, for neighbours pdfium did not draw one after the
   other, where the gap is wider than a letter gap.

Plain Python lists: a page has tens of pieces, where NumPy's cost per call outweighs its
speed; only pages taken apart into glyphs have thousands, and every step stays a sort or
a single pass over them.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

import numpy as np

from validator.model import Box
from validator.read.pdf.pieces import CELL_GAP, OVERLAP, SPACING_ACCENTS, Pieces

ROW_BAND = 0.35  # runs whose middles differ by less than this many heights share a row
WORD_GAP = 0.17  # of the line height, above the letter gap: a space between words
DUPLICATE_OVERLAP = 0.5  # the same text overlapping its twin by this much is drawn twice
DUPLICATE_LOOKBACK = 4  # how many kept pieces to compare a new one with


@dataclass(slots=True)
class Segment:
    """A cell of a row: text with its box."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fonts: tuple[tuple[int, str], ...] = ()  # (offset in text, font) where the font changes


@dataclass(slots=True)
class Row:
    """A visual line: its cells left to right, and the box around them."""

    segments: list[Segment]
    box: Box = None  # type: ignore[assignment]  # computed from the segments when not given
    group: int = 0  # the table cell the row lies in, when assembled cell by cell
    cells: list[str] = field(init=False)  # text of the cells, left to right

    def __post_init__(self) -> None:
        segments = self.segments
        if self.box is None:
            self.box = Box(x0=min(s.x0 for s in segments), top=min(s.top for s in segments),
                           x1=max(s.x1 for s in segments),
                           bottom=max(s.bottom for s in segments))
        self.cells = [s.text.strip() for s in segments]

    @property
    def top(self) -> float:
        return self.box.top

    @property
    def bottom(self) -> float:
        return self.box.bottom


@dataclass
class Assembly:
    rows: list[Row]
    dropped: Counter[str]  # text left out as drawn twice
    apart: np.ndarray | None = None  # line pieces overlapping others: take them apart
    composed: bool = False  # marks drawn on their own were composed with their letters


class _Page:
    """The pieces' columns as Python lists, and their texts."""

    def __init__(self, pieces: Pieces) -> None:
        self.text = pieces.text
        self.first, self.last = pieces.first.tolist(), pieces.last.tolist()
        self.x0, self.top = pieces.x0.tolist(), pieces.top.tolist()
        self.x1, self.bottom = pieces.x1.tolist(), pieces.bottom.tolist()
        self.ink = [None if ink != ink else ink for ink in pieces.ink.tolist()]  # NaN: none
        self.height = [max(b - t, 1.0) for t, b in zip(self.top, self.bottom, strict=True)]
        self.strings = [self.text[a:b + 1] for a, b in zip(self.first, self.last, strict=True)]
        self.fonts = pieces.fonts


def assemble(pieces: Pieces, groups: np.ndarray | None = None) -> Assembly:
    """Rows of cells from a page's pieces. `groups` (a number per piece, e.g. the table
    cell it lies in) keeps pieces of different groups on different rows, group by group."""
    if not len(pieces):
        return Assembly(rows=[], dropped=Counter())
    page = _Page(pieces)
    band = _bands(page)
    if groups is not None:  # one row number per (group, row): groups come first
        width = max(band) + 1
        band = [group * width + row for group, row in zip(groups.tolist(), band, strict=True)]
    x0, first = page.x0, page.first
    order = sorted(range(len(band)), key=lambda p: (band[p], x0[p], first[p]))
    keep, dropped, apart = _overlaps(page, order, band)
    if apart:
        mask = np.zeros(len(pieces), dtype=bool)
        mask[list(apart)] = True
        return Assembly(rows=[], dropped=dropped, apart=mask)
    composed = _attach_marks(page, order, band, keep)
    order = [p for p in order if keep[p]]
    rows = _rows(page, composed, order, band)
    if groups is not None:
        group_of = groups.tolist()
        starts = [order[0]] + [b for a, b in pairwise(order)
                               if band[a] != band[b]]
        for row, piece in zip(rows, starts, strict=True):
            row.group = group_of[piece]
    return Assembly(rows=rows, dropped=dropped, composed=bool(composed))


# ---------------------------------------------------------------------- runs and rows


def _bands(page: _Page) -> list[int]:
    """The row number of every piece, rows numbered top to bottom."""
    top, bottom, height = page.top, page.bottom, page.height
    middle = [(t + b) / 2 for t, b in zip(top, bottom, strict=True)]
    runs: list[list[int]] = []  # pieces consecutive in drawing order on one baseline
    for piece in range(len(middle)):
        if runs and abs(middle[piece] - middle[piece - 1]) <= ROW_BAND * min(
                height[piece], height[piece - 1]):
            runs[-1].append(piece)
        else:
            runs.append([piece])
    centre = [run[(len(run) - 1) // 2] for run in runs]  # a tall capital does not count
    band = [0] * len(middle)
    extents: list[tuple[float, float]] = []
    anchor_middle = anchor_height = 0.0
    for run in sorted(range(len(runs)), key=lambda r: middle[centre[r]]):
        mid, tall = middle[centre[run]], height[centre[run]]
        if not extents or mid - anchor_middle > ROW_BAND * min(anchor_height, tall):
            anchor_middle, anchor_height = mid, tall
            extents.append((mid - tall / 2, mid + tall / 2))
        else:
            upper, lower = extents[-1]
            extents[-1] = (min(upper, mid - tall / 2), max(lower, mid + tall / 2))
        for piece in runs[run]:
            band[piece] = len(extents) - 1
    merged = _merge_raised(extents)
    return [merged[row] for row in band]


def _merge_raised(extents: list[tuple[float, float]]) -> list[int]:
    """A row of smaller glyphs inside the next or previous row's height (a superscript
    footnote number, a smaller annotation text) joins that row: new row numbers."""
    numbers = list(range(len(extents)))
    kept: list[int] = []
    for band in range(len(extents)):
        if band + 1 < len(extents) and _inside(extents[band], extents[band + 1]):
            numbers[band] = band + 1
            extents[band + 1] = (min(extents[band][0], extents[band + 1][0]),
                                 max(extents[band][1], extents[band + 1][1]))
        elif kept and _inside(extents[band], extents[kept[-1]]):
            numbers[band] = kept[-1]
        else:
            kept.append(band)
    for band in reversed(range(len(numbers))):  # follow the chains of joined rows
        numbers[band] = numbers[numbers[band]]
    return numbers


def _inside(small: tuple[float, float], big: tuple[float, float]) -> bool:
    small_height, big_height = small[1] - small[0], big[1] - big[0]
    if small_height > 0.8 * big_height:
        return False
    overlap = min(small[1], big[1]) - max(small[0], big[0])
    return overlap >= 0.6 * small_height


# ------------------------------------------------------------------ twins and marks


def _overlaps(page: _Page, order: list[int],
              band: list[int]) -> tuple[list[bool], Counter[str], set[int]]:
    """Pieces drawn over others. A piece drawn again over the same text (fake bold,
    duplicated runs) is dropped: returned are which pieces to keep, what was dropped, and
    which line pieces overlap a different piece (to take apart into glyphs).

    Letters of a word abut, so only a piece overlapping the row's text before it (or
    without width) is compared with the few pieces kept before it.
    """
    x0, x1, glyph = page.x0, page.x1, [a == b for a, b in zip(page.first, page.last,
                                                               strict=True)]
    keep = [True] * len(x0)
    apart: set[int] = set()
    dropped: Counter[str] = Counter()
    reach, owner, row = float("-inf"), -1, None
    for position, piece in enumerate(order):
        if band[piece] != row:
            reach, owner, row = float("-inf"), -1, band[piece]
        thin = x1[piece] - x0[piece] < OVERLAP  # a mark, or a glyph drawn again in place
        if x0[piece] < reach - OVERLAP or (thin and x0[piece] <= reach + OVERLAP):
            if _has_twin(page, order, band, keep, position):
                keep[piece] = False
                dropped[page.strings[piece]] += 1
                continue
            if owner >= 0 and not (glyph[piece] and glyph[owner]):
                apart.update(p for p in (piece, owner) if not glyph[p])
        if x1[piece] >= reach:
            reach, owner = x1[piece], piece
    return keep, dropped, apart


def _has_twin(page: _Page, order: list[int], band: list[int], keep: list[bool],
              position: int) -> bool:
    piece = order[position]
    text = page.strings[piece]
    looked = 0
    for before in range(position - 1, -1, -1):
        other = order[before]
        if looked >= DUPLICATE_LOOKBACK or band[other] != band[piece]:
            break
        if not keep[other]:
            continue
        looked += 1
        if page.strings[other] == text and _twins(page, piece, other):
            return True
    return False


def _twins(page: _Page, a: int, b: int) -> bool:
    """Two pieces of one text drawn over each other."""
    height = page.height[a]
    if page.ink[a] is not None and page.ink[b] is not None:
        return abs(page.ink[a] - page.ink[b]) <= 0.1 * height
    narrow = min(page.x1[a] - page.x0[a], page.x1[b] - page.x0[b])
    if narrow <= 0.05 * height:
        return abs(page.x0[a] - page.x0[b]) <= 0.1 * height
    overlap = min(page.x1[a], page.x1[b]) - max(page.x0[a], page.x0[b])
    return overlap >= DUPLICATE_OVERLAP * narrow


def _attach_marks(page: _Page, order: list[int], band: list[int],
                  keep: list[bool]) -> dict[int, str]:
    """A combining mark drawn as its own glyph joins its letter: the letter drawn just
    before it (a mark follows its letter in most PDFs, wherever the font puts its ink), or
    else the letter its ink sits on. The letter's character is composed with it (returned:
    piece -> composed character) and the mark is dropped (from `keep`)."""
    composed: dict[int, str] = {}
    marks = sorted((p for p in order if keep[p] and page.ink[p] is not None),
                   key=page.first.__getitem__)
    if not marks:
        return composed
    bases = [p for p in order if keep[p] and page.ink[p] is None]  # by row, left to right
    rows = [band[p] for p in bases]
    letter_at = {page.last[p]: p for p in bases if page.strings[p].isalpha()}
    for mark in marks:
        base = letter_at.get(page.first[mark] - 1)
        if base is None or band[base] != band[mark]:
            low, high = bisect_left(rows, band[mark]), bisect_right(rows, band[mark])
            base = _base_of(page, mark, bases[low:high])
        if base is not None:
            char = page.strings[mark]
            letter = composed.get(base, page.strings[base])
            composed[base] = unicodedata.normalize("NFC", letter + SPACING_ACCENTS.get(char, char))
            keep[mark] = False
            letter_at[page.first[mark]] = base  # a second mark on the same letter
            if page.first[mark] == page.last[base] + 1:
                page.last[base] = page.first[mark]  # the letter now ends where its mark did
    return composed


def _base_of(page: _Page, mark: int, bases: list[int]) -> int | None:
    """The letter under a mark's ink, among a row's pieces; a spacing accent must sit
    well inside it."""
    ink = page.ink[mark]
    assert ink is not None
    position = bisect_right([page.x0[b] for b in bases], ink) - 1
    combining = bool(unicodedata.combining(page.strings[mark]))
    for candidate in (position, position + 1):
        if 0 <= candidate < len(bases):
            base = bases[candidate]
            width = page.x1[base] - page.x0[base]
            margin = -0.1 * page.height[mark] if combining else 0.1 * width
            if (page.x0[base] + margin <= ink <= page.x1[base] - margin
                    and page.strings[base].isalpha()):
                return base
    if combining and position >= 0:
        return bases[position]  # a true combining mark always has a base: the one before
    return None  # a spacing accent standing on its own


# ------------------------------------------------------------------- cells and words


def _rows(page: _Page, composed: dict[int, str], order: list[int],
          band: list[int]) -> list[Row]:
    """The kept pieces, in row order, joined into rows of segments."""
    rows: list[Row] = []
    start = 0
    for end in range(1, len(order) + 1):
        if end == len(order) or band[order[end]] != band[order[start]]:
            rows.append(_row(page, composed, order[start:end]))
            start = end
    return rows


def _row(page: _Page, composed: dict[int, str], pieces: list[int]) -> Row:
    """One row: cut into segments at wide gaps, words spaced."""
    if len(pieces) == 1:  # most rows: one line as pdfium drew it
        segment = _segment(page, composed, pieces, [False])
        return Row([segment], Box(segment.x0, segment.top, segment.x1, segment.bottom))
    height = max(page.height[p] for p in pieces)
    cell_gap = CELL_GAP * height
    segments: list[Segment] = []
    cell = [pieces[0]]
    letter_gap: float | None = None
    spaces = [False]
    for before, after in pairwise(pieces):
        gap = page.x0[after] - page.x1[before]
        if gap > cell_gap:
            segments.append(_segment(page, composed, cell, spaces))
            cell, spaces = [after], [False]
            continue
        step = page.first[after] - page.last[before]
        space = step != 1 and (step == 2 and page.text[page.last[before] + 1] == " ")
        if step != 1 and not space:
            if letter_gap is None:
                letter_gap = _letter_gap(page, pieces)
            space = _space_between(page.text, page.last[before], page.first[after], gap,
                                   letter_gap, height)
        cell.append(after)
        spaces.append(space)
    segments.append(_segment(page, composed, cell, spaces))
    return Row(segments, Box(min(s.x0 for s in segments), min(s.top for s in segments),
                             max(s.x1 for s in segments), max(s.bottom for s in segments)))


def _segment(page: _Page, composed: dict[int, str], cell: list[int],
             spaces: list[bool]) -> Segment:
    if len(cell) == 1:
        piece = cell[0]
        string = composed.get(piece) or page.strings[piece]
        return Segment(string, page.x0[piece], page.top[piece], page.x1[piece],
                       page.bottom[piece], page.fonts[piece] if page.fonts else ())
    strings = [composed.get(p) or page.strings[p] for p in cell]
    text = "".join(" " + s if space else s for s, space in zip(strings, spaces, strict=True))
    fonts = _font_changes(page, cell, strings, spaces) if page.fonts else ()
    return Segment(text, page.x0[cell[0]], min(page.top[p] for p in cell),
                   max(page.x1[p] for p in cell), max(page.bottom[p] for p in cell), fonts)


def _space_between(text: str, a: int, b: int, gap: float, letter_gap: float,
                   height: float) -> bool:
    """Between pieces pdfium did not draw next to each other: a space pdfium put between
    them, a gap wider than a letter gap, or a space pdfium put after the first or before
    the second (a number written into a blank) - but never beside a slash, which binds a
    number written into "Số:    /QĐ-UBND" or a date to its neighbours."""
    if text[a] == "/" or text[b] == "/":
        return False
    if a < b <= a + 8:
        between = text[a + 1:b]
        if between.isspace() and "\n" not in between:
            return True
    if gap > letter_gap + WORD_GAP * height:
        return True
    return gap > 0 and (text[a + 1:a + 2] == " " or text[b - 1:b] == " ")


def _letter_gap(page: _Page, pieces: list[int]) -> float:
    """The usual gap between letters of a word on a row (wider in letter-spaced text)."""
    letters = [page.x0[b] - page.x1[a] for a, b in pairwise(pieces)
               if page.first[b] == page.last[a] + 1]
    return max(0.0, median(letters)) if letters else 0.0


def _font_changes(page: _Page, cell: list[int], strings: list[str],
                  spaces: list[bool]) -> tuple[tuple[int, str], ...]:
    """(offset in the segment's text, font) where the font changes."""
    assert page.fonts is not None
    changes: list[tuple[int, str]] = []
    offset = 0
    for piece, string, space in zip(cell, strings, spaces, strict=True):
        offset += space
        for at, font in page.fonts[piece]:
            if not changes or changes[-1][1] != font:
                changes.append((offset + at, font))
        offset += len(string)
    return tuple(changes)
