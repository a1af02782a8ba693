"""Glyphs -> visual lines of text cells, in time near-linear in the number of glyphs.

Real PDFs do not draw text the way it reads: Word and signing tools place glyphs one by
one, draw bold text twice with a small offset, draw a combining accent as a glyph of its
own, space letters apart, add the number and the day in an annotation drawn last, and
draw runs out of reading order. So lines are rebuilt from geometry alone:

1. glyphs that follow each other in drawing order on one baseline form a run;
2. runs are sorted by their vertical middle and grouped into rows (one sweep); a row of
   smaller glyphs inside another row's height (a footnote number) joins it;
3. each row's glyphs are sorted left to right (one sort for the page); a glyph drawn again
   over the same glyph is dropped; a combining mark joins the letter its ink sits on;
4. a row is cut into cells where the gap is wider than CELL_GAP line heights (the two
   header columns, table cells), and words are separated where pdfium's own text has a
   space between two neighbours or, for neighbours pdfium did not draw one after the
   other, where the gap is wider than a letter gap.

The work on every glyph is done on whole columns with NumPy; Python loops only over runs,
rows, and the rare glyphs that need a closer look (overlaps, marks, out-of-order pairs).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

import numpy as np

from validator.model import Box
from validator.read.pdf.glyphs import SPACING_ACCENTS, Glyphs

CELL_GAP = 1.2  # a horizontal gap wider than this many line heights separates cells
ROW_BAND = 0.35  # runs whose middles differ by less than this many heights share a row
WORD_GAP = 0.17  # of the line height, above the letter gap: a space between words
DUPLICATE_OVERLAP = 0.5  # the same glyph overlapping its twin by this much is drawn twice
DUPLICATE_LOOKBACK = 4  # how many kept glyphs to compare a new one with
OVERLAP = 0.5  # points: glyphs overlapping more than kerning does may be drawn twice

_NEW_ROW, _NEW_CELL = "\x02", "\x01"  # separators; control characters are never glyphs


@dataclass
class Segment:
    """A cell of a row: text with its box."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fonts: tuple[tuple[int, str], ...] = ()  # (offset in text, font) where the font changes

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class Row:
    """A visual line: its cells left to right, and the box around them."""

    segments: list[Segment]
    group: int = 0  # the table cell the row lies in, when assembled cell by cell
    box: Box = field(init=False)

    def __post_init__(self) -> None:
        self.box = Box(x0=min(s.x0 for s in self.segments), top=min(s.top for s in self.segments),
                       x1=max(s.x1 for s in self.segments),
                       bottom=max(s.bottom for s in self.segments))

    @property
    def top(self) -> float:
        return self.box.top

    @property
    def bottom(self) -> float:
        return self.box.bottom

    @property
    def cells(self) -> list[str]:
        """Text of the row's cells, left to right (segments are cut at wide gaps)."""
        return [s.text.strip() for s in self.segments]


@dataclass
class Assembly:
    rows: list[Row]
    dropped: Counter[str]  # glyphs left out as drawn twice


def assemble(glyphs: Glyphs, groups: np.ndarray | None = None) -> Assembly:
    """Rows of cells from a page's glyphs. `groups` (a number per glyph, e.g. the table
    cell it lies in) keeps glyphs of different groups on different rows, group by group."""
    if not len(glyphs):
        return Assembly(rows=[], dropped=Counter())
    height = np.maximum(glyphs.bottom - glyphs.top, 1.0)
    band = _bands(glyphs, height)
    if groups is not None:  # one row number per (group, row): groups come first
        band = groups.astype(np.int64) * (int(band.max()) + 1) + band
    order = np.lexsort((glyphs.index, glyphs.x0, band))  # by row, then left to right
    keep, dropped = _drop_twins(glyphs, order, band[order], height)
    chars = _attach_marks(glyphs, order, band[order], keep)
    order = order[keep]
    rows = _rows(glyphs, chars, order, band[order], height)
    if groups is not None:
        first = np.flatnonzero(np.concatenate(([True], np.diff(band[order]) != 0)))
        for row, start in zip(rows, first.tolist(), strict=True):
            row.group = int(groups[order[start]])
    return Assembly(rows=rows, dropped=dropped)


# ---------------------------------------------------------------------- runs and rows


def _bands(glyphs: Glyphs, height: np.ndarray) -> np.ndarray:
    """The row number of every glyph, rows numbered top to bottom."""
    middle = (glyphs.top + glyphs.bottom) / 2
    breaks = np.abs(np.diff(middle)) > ROW_BAND * np.minimum(height[1:], height[:-1])
    starts = np.flatnonzero(np.concatenate(([True], breaks)))
    lengths = np.diff(np.append(starts, len(middle)))
    centre = starts + (lengths - 1) // 2  # a run's middle glyph: a tall capital does not count
    run_middle, run_height = middle[centre].tolist(), height[centre].tolist()
    band_of_run = [0] * len(starts)
    extents: list[tuple[float, float]] = []
    anchor_middle = anchor_height = 0.0
    for run in sorted(range(len(starts)), key=run_middle.__getitem__):
        mid, tall = run_middle[run], run_height[run]
        if not extents or mid - anchor_middle > ROW_BAND * min(anchor_height, tall):
            anchor_middle, anchor_height = mid, tall
            extents.append((mid - tall / 2, mid + tall / 2))
        else:
            top, bottom = extents[-1]
            extents[-1] = (min(top, mid - tall / 2), max(bottom, mid + tall / 2))
        band_of_run[run] = len(extents) - 1
    merged = np.array(_merge_raised(extents))
    return np.repeat(merged[band_of_run], lengths)


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


def _drop_twins(glyphs: Glyphs, order: np.ndarray, band: np.ndarray,
                height: np.ndarray) -> tuple[np.ndarray, Counter[str]]:
    """Which glyphs to keep: not one drawn again over the same glyph (fake bold,
    duplicated runs). Letters of a word abut, so only a glyph overlapping the row's text
    before it (or without width) is compared with the few glyphs kept before it."""
    x0, x1 = glyphs.x0[order], glyphs.x1[order]
    offset = band * 1e7  # running maximum of x1 within each row
    reach = np.maximum.accumulate(x1 + offset) - offset
    suspect = np.zeros(len(order), dtype=bool)
    suspect[1:] = ((x0[1:] < reach[:-1] - OVERLAP) & (band[1:] == band[:-1]))
    suspect |= (x1 - x0) < OVERLAP
    keep = np.ones(len(glyphs), dtype=bool)
    dropped: Counter[str] = Counter()
    for position in np.flatnonzero(suspect).tolist():
        glyph = int(order[position])
        if _has_twin(glyphs, order, band, keep, position, height[glyph]):
            keep[glyph] = False
            dropped[glyphs.chars[glyph]] += 1
    return keep[order], dropped


def _has_twin(glyphs: Glyphs, order: np.ndarray, band: np.ndarray, keep: np.ndarray,
              position: int, height: float) -> bool:
    glyph = int(order[position])
    looked = 0
    for before in range(position - 1, -1, -1):
        if looked >= DUPLICATE_LOOKBACK or band[before] != band[position]:
            break
        other = int(order[before])
        if not keep[other]:
            continue
        looked += 1
        if glyphs.chars[other] == glyphs.chars[glyph] and _twins(glyphs, glyph, other, height):
            return True
    return False


def _twins(glyphs: Glyphs, a: int, b: int, height: float) -> bool:
    """Two glyphs of one character drawn over each other."""
    ink_a, ink_b = glyphs.ink[a], glyphs.ink[b]
    if not np.isnan(ink_a) and not np.isnan(ink_b):
        return abs(ink_a - ink_b) <= 0.1 * height
    narrow = min(glyphs.x1[a] - glyphs.x0[a], glyphs.x1[b] - glyphs.x0[b])
    if narrow <= 0.05 * height:
        return abs(glyphs.x0[a] - glyphs.x0[b]) <= 0.1 * height
    overlap = min(glyphs.x1[a], glyphs.x1[b]) - max(glyphs.x0[a], glyphs.x0[b])
    return overlap >= DUPLICATE_OVERLAP * narrow


def _attach_marks(glyphs: Glyphs, order: np.ndarray, band: np.ndarray,
                  keep: np.ndarray) -> list[str]:
    """A combining mark drawn as its own glyph joins the letter its ink sits on: the
    letter's character is composed with it and the mark is dropped (from `keep`)."""
    marks = np.flatnonzero(keep & ~np.isnan(glyphs.ink[order]))
    if not len(marks):
        return glyphs.chars
    chars = list(glyphs.chars)
    bases = np.flatnonzero(keep & np.isnan(glyphs.ink[order]))
    base_band, base_x0 = band[bases], glyphs.x0[order[bases]]
    for position in marks.tolist():
        mark = int(order[position])
        first, last = np.searchsorted(base_band, band[position], side="left"), np.searchsorted(
            base_band, band[position], side="right")
        base = _base_of(glyphs, mark, order[bases[first:last]], base_x0[first:last])
        if base is not None:
            combining = SPACING_ACCENTS.get(chars[mark], chars[mark])
            chars[base] = unicodedata.normalize("NFC", chars[base] + combining)
            keep[position] = False
    return chars


def _base_of(glyphs: Glyphs, mark: int, bases: np.ndarray, starts: np.ndarray) -> int | None:
    """The letter under a mark's ink; a spacing accent must sit well inside it."""
    ink = glyphs.ink[mark]
    position = int(np.searchsorted(starts, ink, side="right")) - 1
    combining = bool(unicodedata.combining(glyphs.chars[mark][0]))
    height = glyphs.bottom[mark] - glyphs.top[mark]
    for candidate in (position, position + 1):
        if 0 <= candidate < len(bases):
            base = int(bases[candidate])
            width = glyphs.x1[base] - glyphs.x0[base]
            margin = -0.1 * height if combining else 0.1 * width
            if (glyphs.x0[base] + margin <= ink <= glyphs.x1[base] - margin
                    and glyphs.chars[base][0].isalpha()):
                return base
    if combining and position >= 0:
        return int(bases[position])  # a true combining mark always has a base: the one before
    return None  # a spacing accent standing on its own


# ------------------------------------------------------------------- cells and words


def _rows(glyphs: Glyphs, chars: list[str], order: np.ndarray, band: np.ndarray,
          height: np.ndarray) -> list[Row]:
    """The kept glyphs, in row order, joined into rows of segments."""
    if not len(order):
        return []
    x0, x1, index = glyphs.x0[order], glyphs.x1[order], glyphs.index[order]
    new_row = band[1:] != band[:-1]
    row_starts = np.flatnonzero(np.concatenate(([True], new_row)))
    row_height = np.maximum.reduceat(height[order], row_starts)
    pair_height = np.repeat(row_height, np.diff(np.append(row_starts, len(order))))[1:]
    gap = x0[1:] - x1[:-1]
    new_cell = ~new_row & (gap > CELL_GAP * pair_height)
    space = _spaces(glyphs.text, index, gap, pair_height, new_row | new_cell, band)
    separators = np.where(new_row, _NEW_ROW, np.where(new_cell, _NEW_CELL,
                                                      np.where(space, " ", "")))
    pieces: list[str] = [""] * (2 * len(order) - 1)
    pieces[0::2] = [chars[i] for i in order.tolist()]
    pieces[1::2] = separators.tolist()
    starts = np.flatnonzero(np.concatenate(([True], new_row | new_cell)))
    boxes = zip(np.minimum.reduceat(x0, starts).tolist(),
                np.minimum.reduceat(glyphs.top[order], starts).tolist(),
                np.maximum.reduceat(x1, starts).tolist(),
                np.maximum.reduceat(glyphs.bottom[order], starts).tolist(), strict=True)
    fonts = _font_changes(glyphs, order, pieces, starts) if glyphs.fonts else None
    rows: list[Row] = []
    number = 0
    for row_text in "".join(pieces).split(_NEW_ROW):
        segments = []
        for text in row_text.split(_NEW_CELL):
            left, top, right, bottom = next(boxes)
            segments.append(Segment(text, left, top, right, bottom,
                                    fonts[number] if fonts else ()))
            number += 1
        rows.append(Row(segments))
    return rows


def _spaces(text: str, index: np.ndarray, gap: np.ndarray, height: np.ndarray,
            cut: np.ndarray, band: np.ndarray) -> np.ndarray:
    """Whether a space goes between each pair of neighbours on a row.

    pdfium's own text decides between glyphs it drew one after the other: none between
    consecutive characters, one where a single space separates them. Other pairs (out of
    order, an annotation filling a blank) are decided one by one.
    """
    step = index[1:] - index[:-1]
    after = np.minimum(index[:-1] + 1, len(text) - 1)
    space_after = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)[after] == 32
    space = (step == 2) & space_after
    undecided = np.flatnonzero(~cut & (step != 1) & ~space)
    letter_gaps: dict[int, float] = {}
    for pair in undecided.tolist():
        row = int(band[pair])
        if row not in letter_gaps:
            letter_gaps[row] = _letter_gap(gap, step, band, row)
        space[pair] = _space_between(text, int(index[pair]), int(index[pair + 1]),
                                     float(gap[pair]), letter_gaps[row], float(height[pair]))
    return space


def _space_between(text: str, a: int, b: int, gap: float, letter_gap: float,
                   height: float) -> bool:
    """Between glyphs pdfium did not draw next to each other: a space pdfium put between
    them, a gap wider than a letter gap, or a space pdfium put after the first or before
    the second (a number written into a blank)."""
    if a < b <= a + 8:
        between = text[a + 1:b]
        if between.isspace() and "\n" not in between:
            return True
    if gap > letter_gap + WORD_GAP * height:
        return True
    return gap > 0 and (text[a + 1:a + 2] == " " or text[b - 1:b] == " ")


def _letter_gap(gap: np.ndarray, step: np.ndarray, band: np.ndarray, row: int) -> float:
    """The usual gap between letters of a word on a row (wider in letter-spaced text)."""
    letters = gap[(step == 1) & (band[:-1] == row) & (band[1:] == row)]
    return max(0.0, float(np.median(letters))) if len(letters) else 0.0


def _font_changes(glyphs: Glyphs, order: np.ndarray, pieces: list[str],
                  starts: np.ndarray) -> list[tuple[tuple[int, str], ...]]:
    """For each segment, (offset, font) where the font of its glyphs changes."""
    assert glyphs.fonts is not None
    offsets = [0, *accumulate(len(piece) for piece in pieces)]
    segments: list[tuple[tuple[int, str], ...]] = []
    bounds = [*starts.tolist(), len(order)]
    for start, end in pairwise(bounds):
        origin = offsets[2 * start]
        changes: list[tuple[int, str]] = []
        for position in range(start, end):
            font = glyphs.fonts[int(order[position])]
            if not changes or changes[-1][1] != font:
                changes.append((offsets[2 * position] - origin, font))
        segments.append(tuple(changes))
    return segments
