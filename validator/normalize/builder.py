"""`normalize`: a document's source lines, cleaned one by one and joined into logical lines,
with the map back to the source kept character by character."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from validator.model import SourceLine
from validator.normalize.chars import clean, fix_tones
from validator.normalize.joining import (
    SEPARATOR,
    Logical,
    heading_mark_length,
    joiner_for,
    loose_mark_length,
)
from validator.normalize.keys import fold_tones
from validator.normalize.repair import lost_mark_repairs, repair_confused_tones, restore_marks
from validator.normalize.text import NormalizedText, NormLine

SHORT_LINE = 0.15  # a line ending this fraction of the text width short of the edge is short


def _trim(text: str, cols: list[int] | None, cut: int) -> tuple[str, list[int] | None]:
    """`text` without its last `cut` characters, with their columns."""
    if not cut:
        return text, cols
    return text[:-cut], None if cols is None else cols[:-cut]


class _Builder:
    """Accumulates pieces into logical lines, keeping the per-character column map."""

    def __init__(self, sources: Sequence[SourceLine], short: set[int],
                 repairs: dict[str, str]) -> None:
        self.sources = sources
        self.short = short
        self.repairs = repairs  # OCR words with a lost vowel mark (lost_mark_repairs)
        self.parts: list[str] = []
        self.cols = array("i")
        self.offset = 0
        self.piece_starts: list[int] = []
        self.piece_sources: list[int] = []
        self.piece_ends: list[int] = []
        self.line_spans: list[tuple[int, int, int]] = []  # (start, end, first source index)
        self.current: Logical | None = None

    def _put(self, separator: str, index: int, text: str, cols: list[int] | None) -> None:
        if separator:
            self.parts.append(separator)
            self.cols.append(len(self.sources[self.piece_sources[-1]].text))
            self.offset += 1
        self.piece_starts.append(self.offset)
        self.piece_sources.append(index)
        self.parts.append(text)
        self.cols.extend(range(len(text)) if cols is None else cols)
        self.offset += len(text)
        self.piece_ends.append(self.offset)

    def begin(self, index: int, text: str, cols: list[int] | None) -> None:
        self.close()
        self._put("\n" if self.parts else "", index, text, cols)
        self.line_spans.append((self.piece_starts[-1], self.offset, index))
        self.current = Logical.start(text, self.sources[index].page)

    def extend(self, joiner: str, index: int, text: str, cols: list[int] | None) -> None:
        assert self.current is not None
        self._put(joiner, index, text, cols)
        start, _, first = self.line_spans[-1]
        self.line_spans[-1] = (start, self.offset, first)
        self.current.add(joiner, text, self.sources[index].page)

    def close(self) -> None:
        self.current = None

    def add(self, index: int) -> None:
        source = self.sources[index]
        row = source.table is not None
        text, cols = clean(source.text, row)
        if self.repairs and source.confidence is not None:
            text = restore_marks(text, self.repairs)  # before joining: QUYẾT ĐỊNH stands alone
        if not text:
            self.close()  # an empty line is a real break
        elif row or SEPARATOR.fullmatch(text):
            self.begin(index, text, cols)
            self.close()  # table rows and rules stand alone
        else:
            self._add_text(index, text, cols)

    def _add_text(self, index: int, text: str, cols: list[int] | None) -> None:
        # Stray marks go before the line is joined, so that normalising the result again finds
        # nothing more to drop and joins the same lines.
        text, cols = _trim(text, cols, loose_mark_length(text))
        joiner = None
        if self.current is not None:
            joiner = joiner_for(self.current, fold_tones(text), self.sources[index].page)
            if joiner == " " and index - 1 in self.short:
                joiner = None
        # A lone mark, and a heading's mark, are judged on the logical line they would end.
        # Both end in "." or ","; other lines skip building that line (long paragraphs).
        cut = 0
        if text.endswith((".", ",")):
            before = "" if self.current is None or joiner is None else self.current.text + joiner
            cut = max(loose_mark_length(before + text), heading_mark_length(before + text))
        if cut >= len(text):
            return  # the line held nothing but the speck
        text, cols = _trim(text, cols, cut)
        if self.current is None or joiner is None:
            self.begin(index, text, cols)
        else:
            self.extend(joiner, index, text, cols)

    def result(self) -> NormalizedText:
        # Words glued from pieces (ho|à) get the tone convention too; lengths do not change.
        text = fix_tones("".join(self.parts))
        if any(source.confidence is not None for source in self.sources):
            # Only text that OCR read can carry its tone confusions; a native document keeps
            # every spelling it was typed with.
            text = repair_confused_tones(text)
        lines = []
        for start, end, first in self.line_spans:
            source = self.sources[first]
            lines.append(NormLine(text[start:end], start, source.page, source.line, source.table))
        return NormalizedText(
            text,
            lines,
            self.sources,
            self.piece_starts,
            self.piece_sources,
            self.piece_ends,
            self.cols,
        )


def normalize(lines: Sequence[SourceLine], paragraphs: bool = False) -> NormalizedText:
    """Normalise a document's source lines (in reading order) into logical lines.

    `paragraphs` says each source line is already a whole paragraph (DOCX, .doc), so no
    line is joined to the next; otherwise lines are visual lines that may wrap.
    """
    builder = _Builder(lines, _short_lines(lines), lost_mark_repairs(lines))
    for index in range(len(lines)):
        if paragraphs:
            builder.close()
        builder.add(index)
    return builder.result()


def _short_lines(lines: Sequence[SourceLine]) -> set[int]:
    """Lines that stop well short of their page's right text edge: a paragraph ends there.

    Only lines with a position (PDF, OCR) can be judged; "Điều 1. Phạm vi điều chỉnh" above
    its first sentence is the case this is for.
    """
    edges: dict[int, tuple[float, float]] = {}
    for line in lines:
        if line.box is not None and line.table is None:
            left, right = edges.get(line.page, (line.box.x0, line.box.x1))
            edges[line.page] = (min(left, line.box.x0), max(right, line.box.x1))
    short = set()
    for index, line in enumerate(lines):
        if line.box is None or line.page not in edges:
            continue
        left, right = edges[line.page]
        if line.box.x1 < right - SHORT_LINE * (right - left):
            short.add(index)
    return short
