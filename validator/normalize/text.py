"""The normalised text of a document, its logical lines, and the map from every character back
to the source line and column it came from."""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from validator.model import SourceLine
from validator.normalize.chars import REMOVED
from validator.normalize.keys import fold_key, loose_key, match_key

# ------------------------------------------------------------------------- result


@dataclass(frozen=True, slots=True)
class NormLine:
    """A logical line: one or more source lines joined where the break was a wrap."""

    text: str
    start: int  # offset of text in NormalizedText.text
    page: int  # page and line of the first source line
    line: int
    table: int | None = None  # table index when the line is a table row (cells split by TAB)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Span:
    """Original text behind a normalised span, one entry per source line it touches."""

    text: str
    page: int
    line: int


class NormalizedText:
    """Normalised text of a whole document.

    text   logical lines joined by "\\n"
    key    same length as text: lower-cased (for case-insensitive matching)
    loose  same length as text: lower-cased, diacritics removed, đ -> d
    fold   same length as text: lower-cased, the tone marks OCR confuses (hỏi, ngã) read as sắc
    lines  the logical lines

    Each character of text comes from one source line (a "piece" of the text); `_cols` holds
    its column in that line's original text. A space or newline put between two pieces belongs
    to the piece before it and points just past the end of its original line.
    """

    text: str
    key: str
    loose: str
    fold: str
    lines: list[NormLine]

    def __init__(
        self,
        text: str,
        lines: list[NormLine],
        sources: Sequence[SourceLine],
        piece_starts: list[int],
        piece_sources: list[int],
        piece_ends: list[int],
        cols: array,
    ) -> None:
        self.text = text
        self.key = match_key(text)
        self.loose = loose_key(text)
        self.fold = fold_key(text)
        self.lines = lines
        self._sources = sources
        self._piece_starts = piece_starts
        self._piece_sources = piece_sources
        self._piece_ends = piece_ends  # text offset where each piece's own characters end
        self._cols = cols
        self._line_starts = [line.start for line in lines]

    def _piece(self, offset: int) -> int:
        if not self.text:
            raise IndexError("empty text has no positions")
        if offset == len(self.text):
            offset -= 1
        if not 0 <= offset < len(self.text):
            raise IndexError(f"offset {offset} outside text of length {len(self.text)}")
        return bisect_right(self._piece_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """(page, line) of the source character behind text[offset]."""
        source = self._sources[self._piece_sources[self._piece(offset)]]
        return source.page, source.line

    def origin(self, offset: int) -> tuple[int, int, int]:
        """(page, line, column in the line's original text) behind text[offset]."""
        page, line = self.position(offset)
        return page, line, self._cols[min(offset, len(self.text) - 1)]

    def spans(self, start: int, end: int) -> list[Span]:
        """The original (un-normalised) text behind text[start:end], per source line."""
        start, end = max(start, 0), min(end, len(self.text))
        if start >= end:
            return []
        spans = []
        piece = self._piece(start)
        while piece < len(self._piece_starts) and self._piece_starts[piece] < end:
            own_end = self._piece_ends[piece]
            lo, hi = max(start, self._piece_starts[piece]), min(end, own_end)
            if lo < hi:
                source = self._sources[self._piece_sources[piece]]
                col_hi = self._cols[hi] if hi < own_end else self._end_column(piece)
                spans.append(Span(source.text[self._cols[lo] : col_hi], source.page, source.line))
            piece += 1
        return spans

    def _end_column(self, piece: int) -> int:
        """Column just past the original characters of a piece's last character."""
        raw = self._sources[self._piece_sources[piece]].text
        col = self._cols[self._piece_ends[piece] - 1] + 1
        while col < len(raw) and (unicodedata.combining(raw[col]) or raw[col] in REMOVED):
            col += 1
        return col

    def line_at(self, offset: int) -> NormLine:
        if not self.lines:
            raise IndexError("empty text has no lines")
        return self.lines[max(bisect_right(self._line_starts, offset) - 1, 0)]
