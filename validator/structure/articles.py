"""The article tree: Chương / Mục / Điều / khoản "1." / điểm "a)".

One pass over the body lines with a stack of open nodes; a line that opens no node belongs to
the deepest open one. Offsets (start, end) cover a node and its children so a rule can quote
"Điều 9" whole or look only inside it.
"""

from __future__ import annotations

import re

from validator.model import ArticleNode
from validator.structure.lines import Lines
from validator.structure.vocab import is_upper_text

# Vietnamese alphabet order of points: a, b, c, d, đ, e, g, h, i, k, ... (no f, j, w, z).
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
_DEPTH = {"chapter": 0, "section": 1, "article": 2, "clause": 3, "point": 4}

# A scan damages the numeral after "Chương": lost ("Chương" alone on its line), cut short
# (III -> II), or read with look-alike glyphs (l, 1, |, ! for I; IHI for III). Such a line still
# opens a chapter; its number is worked out from the chapters before it (_ChapterNumbers).
_CHAPTER = re.compile(
    r"^\s*chương(?:\s+(?P<num>[ivxlc]+|\d+|[ivxlch1|!]+)(?![^\s.:\-–])\s*[.:\-–]?|\s*[.:\-–]?\s*$)"
    r"\s*"
)
_ROMAN_LOOKALIKES = str.maketrans({"l": "i", "1": "i", "|": "i", "!": "i", "h": None})
_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90),
          ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
_SECTION = re.compile(r"^\s*mục\s+(?P<num>\d+|[ivxlc]+)(?![^\s.:\-–])\s*[.:\-–]?\s*")
_ARTICLE = re.compile(r"^\s*điều\s+(?P<num>\d{1,3})(?![\d/])\s*(?P<mark>[.:])?\s*")
_CLAUSE = re.compile(r"^\s*(?P<num>\d{1,2})\s*[.)](?!\d)\s*")
_CITED = re.compile(r"(?:quy chế|quyết định|nghị định|thông tư|luật|chương|khoản)\b")
_POINT = re.compile(rf"^\s*(?P<num>[{POINT_LETTERS}])\s*\)\s*")


def node_start(key: str, text: str) -> tuple[str, str, int] | None:
    """(kind, number, where the heading starts) when a line opens a node."""
    for kind, pattern in (("chapter", _CHAPTER), ("section", _SECTION)):
        match = pattern.match(key)
        if match:
            return kind, (match.group("num") or "").upper(), match.end()
    match = _ARTICLE.match(key)
    if match and _is_article_heading(match, text):
        return "article", match.group("num"), match.end()
    for kind, pattern in (("clause", _CLAUSE), ("point", _POINT)):
        match = pattern.match(key)
        if match:
            return kind, match.group("num"), match.end()
    return None


def _is_article_heading(match: re.Match[str], text: str) -> bool:
    """ "Điều 3. Tổ chức thực hiện" opens an article; "Điều 5 Quy chế này quy định" wrapped to the
    start of a line does not, nor does "Điều 2 của Quyết định"."""
    if match.group("mark"):
        return True
    rest = text[match.end():].strip()
    return not rest or (rest[0].isupper() and _CITED.match(rest.lower()) is None)


def roman(value: int) -> str:
    """1 -> "I", 4 -> "IV" ..."""
    digits = []
    for numeral, amount in _ROMAN:
        count, value = divmod(value, amount)
        digits.append(numeral * count)
    return "".join(digits).upper()


def roman_value(numeral: str) -> int | None:
    """ "IV" -> 4; None unless `numeral` is a well-formed Roman numeral."""
    key = numeral.lower()
    value, at = 0, 0
    for digits, amount in _ROMAN:
        while key.startswith(digits, at):
            value, at = value + amount, at + len(digits)
    return value if value and at == len(key) and roman(value) == numeral.upper() else None


class _ChapterNumbers:
    """Chapter numbers, worked out when a scan damaged them: chapters go I, II, III ... so
    "Chương IHI", "Chương lI" (l for I; in the key L and l are one) or a bare "Chương" after
    Chương II is Chương III, and so is a numeral that does not go forward (II after II: a lost I).
    The first chapter and Arabic numbers are taken as printed."""

    def __init__(self) -> None:
        self.last = 0

    def next(self, printed: str) -> str:
        if printed.isdigit():
            self.last = int(printed)
            return printed
        expected = self.last + 1
        as_printed = roman_value(printed)
        read_again = roman_value(printed.lower().translate(_ROMAN_LOOKALIKES))
        if expected in (as_printed, read_again) or as_printed is None or self.last:
            value = expected
        else:
            value = as_printed  # the first chapter: nothing to go by but the print
        self.last = value
        return roman(value)


def parse_articles(lines: Lines, start: int, stop: int) -> list[ArticleNode]:
    """The tree of lines[start:stop]; text before the first node (preamble) is not in it."""
    builder = _TreeBuilder(lines)
    for index in range(start, stop):
        builder.add(index)
    builder.close_to(-1, stop - 1)
    return builder.roots


class _TreeBuilder:
    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.roots: list[ArticleNode] = []
        self.stack: list[ArticleNode] = []
        self.texts: dict[int, list[str]] = {}
        self.last = -1
        self.chapters = _ChapterNumbers()

    def add(self, index: int) -> None:
        text = self.lines.texts[index]
        opened = node_start(self.lines.keys[index], text)
        if opened is None:
            self._append_text(index, text.strip())
        else:
            self._open(index, *opened)
        self.last = index

    def _open(self, index: int, kind: str, number: str, begin: int) -> None:
        depth = _DEPTH[kind]
        self.close_to(depth, index - 1)
        if kind == "chapter":
            number = self.chapters.next(number)
        rest = self.lines.texts[index][begin:].strip()
        located = self.lines.located(index)
        node = ArticleNode(kind=kind, number=number, page=located.page, line=located.line,
                           start=self.lines.offset(index))
        if kind in ("chapter", "section", "article"):
            node.heading = rest
            self.texts[id(node)] = []
        else:
            self.texts[id(node)] = [rest] if rest else []
        (self.stack[-1].children if self.stack else self.roots).append(node)
        self.stack.append(node)

    def _append_text(self, index: int, text: str) -> None:
        if not self.stack or not text or self.lines.is_blank(index):
            return
        node = self.stack[-1]
        # "Chương I" then "QUY ĐỊNH CHUNG" on the next line: the heading, not text.
        if node.kind in ("chapter", "section") and not node.heading and is_upper_text(text):
            node.heading = text
            return
        self.texts[id(node)].append(text)

    def close_to(self, depth: int, last_index: int) -> None:
        """Close every open node at `depth` or deeper; they end at line `last_index`."""
        while self.stack and _DEPTH[self.stack[-1].kind] >= depth:
            node = self.stack.pop()
            node.text = "\n".join(self.texts.pop(id(node), []))
            node.end = self.lines.end_offset(last_index) if last_index >= 0 else node.start
