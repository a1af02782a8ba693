"""Vietnamese text normalisation with a map back to the original page and line.

INTERFACE STUB - to be implemented (see the docstrings).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from validator.model import SourceLine


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
    lines  the logical lines
    """

    text: str
    key: str
    loose: str
    lines: list[NormLine]

    def position(self, offset: int) -> tuple[int, int]:
        """(page, line) of the source character behind text[offset]."""
        raise NotImplementedError

    def spans(self, start: int, end: int) -> list[Span]:
        """The original (un-normalised) text behind text[start:end], per source line."""
        raise NotImplementedError

    def line_at(self, offset: int) -> NormLine:
        raise NotImplementedError


def normalize_string(text: str) -> str:
    """Character-level normalisation of a short string (rule phrases, examples)."""
    raise NotImplementedError


def match_key(text: str) -> str:
    """Lower-case form, same length as the input."""
    raise NotImplementedError


def loose_key(text: str) -> str:
    """Lower-case, diacritic-free form (đ -> d), same length as the input."""
    raise NotImplementedError


def normalize(lines: Sequence[SourceLine]) -> NormalizedText:
    raise NotImplementedError
