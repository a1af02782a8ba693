"""Index-based access to the logical lines of a normalised text, with their match keys.

Every parser walks these lines once; a `Located` is cut from a line with the page and line of
the source character it starts at (a logical line may join several source lines).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from validator.model import Located
from validator.normalize import NormalizedText

_SEPARATOR = re.compile(r"^[\s\-_=*.~–—…]*$")


class Lines:
    def __init__(self, text: NormalizedText) -> None:
        self.source = text
        self.items = text.lines
        self.texts = [line.text for line in self.items]
        self.keys = [text.key[line.start:line.end] for line in self.items]
        self._starts = [line.start for line in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def loose(self, index: int) -> str:
        """The line without marks, lower-cased (NormalizedText.loose): "QUYÉT" is "quyet"."""
        item = self.items[index]
        return self.source.loose[item.start:item.end]

    def located(self, index: int, begin: int = 0, end: int | None = None) -> Located:
        """The stripped text of line[begin:end] and where it starts."""
        raw = self.texts[index]
        end = len(raw) if end is None else end
        piece = raw[begin:end]
        lead = len(piece) - len(piece.lstrip())
        page, line = self.source.position(self.items[index].start + begin + lead)
        return Located(text=piece.strip(), page=page, line=line)

    def located_text(self, index: int, text: str, begin: int = 0) -> Located:
        """A Located whose text was assembled from several lines, anchored at line[begin]."""
        page, line = self.source.position(self.items[index].start + begin)
        return Located(text=text, page=page, line=line)

    def source_line_end(self, index: int, begin: int) -> int:
        """Where, in line `index`, the source line that holds line[begin] ends."""
        start = self.items[index].start
        where = self.source.position(start + begin)
        text = self.texts[index]
        return next((at for at in range(begin + 1, len(text))
                     if self.source.position(start + at) != where), len(text))

    def index_at(self, offset: int) -> int:
        """The line holding text offset `offset` (the line before, on a line break)."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def offset(self, index: int) -> int:
        return self.items[index].start

    def end_offset(self, index: int) -> int:
        return self.items[index].end

    def is_blank(self, index: int) -> bool:
        return _SEPARATOR.match(self.texts[index]) is not None

    def is_table_row(self, index: int) -> bool:
        return self.items[index].table is not None
