"""Per-document lookups shared by the checks: scopes, provision units, line locations.

Everything is expressed as (start, end) offsets into doc.text.text; the engine turns offsets
into quoted original text with page and line only when it writes a result.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from validator.engine.forms import Form, document_form, issue_date
from validator.engine.patterns import PhraseSet
from validator.model import ArticleNode, Located, Messages
from validator.normalize import match_key

if TYPE_CHECKING:  # the structure step (and spaCy) are not needed to load rule packs
    from validator.structure.document import Document

Range = tuple[int, int]
Unit = tuple[Range, ...]  # a provision may be discontiguous: the article heading + one khoản
Within = Literal["segment", "line", "sentence", "provision", "article", "scope"]

SCOPE_NAMES = (
    "all", "header", "summary", "legal_bases", "main", "first_article", "regulation",
    "body", "members", "recipients",
)  # fmt: skip
# Where a check looked, in the words of a reviewer who has the paper in front of them.
_SCOPE_LABELS = {
    "all": ("toàn văn", "whole text"),
    "header": ("phần đầu văn bản", "document header"),
    "summary": ("trích yếu", "summary line"),
    "legal_bases": ("phần căn cứ", "legal bases"),
    "main": ("các điều của quyết định", "articles of the decision"),
    "first_article": ("điều thành lập Ban Chỉ đạo", "establishing article"),
    "regulation": ("Quy chế", "regulation"),
    "body": ("nội dung văn bản", "body of the document"),
    "members": ("danh sách thành viên", "member list"),
    "recipients": ("Nơi nhận", "recipients"),
}
HEADER_FALLBACK_LINES = 12
# Lines a reviewer names by their opening words: proposals and bases the header missed.
_OPENING_LINE = re.compile(r"\s*(?:(?:xet|theo) de nghi|can cu)")


def scope_label(name: str) -> Messages:
    vi, en = _SCOPE_LABELS.get(name, (name, name))
    return Messages(vi=vi, en=en)


def iter_nodes(nodes: Sequence[ArticleNode]) -> Iterator[ArticleNode]:
    for node in nodes:
        yield node
        yield from iter_nodes(node.children)


def merge(ranges: Sequence[Range]) -> list[Range]:
    merged: list[Range] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def subtract(ranges: Sequence[Range], holes: Sequence[Range]) -> list[Range]:
    result = list(merge(ranges))
    for hole_start, hole_end in merge(holes):
        pieces: list[Range] = []
        for start, end in result:
            if hole_end <= start or hole_start >= end:
                pieces.append((start, end))
                continue
            if start < hole_start:
                pieces.append((start, hole_start))
            if hole_end < end:
                pieces.append((hole_end, end))
        result = pieces
    return result


# Documents run to hundreds of thousands of characters, with as many lines, sentences, hits
# and scope pieces: every "which of these ranges ..." question below is answered by binary
# search over sorted bounds, never by comparing every range with every other.


class Cover:
    """Whether a span (or a point) lies inside one of some ranges, which may overlap."""

    def __init__(self, ranges: Sequence[Range]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        # the furthest end among the ranges that start at or before each one
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def _furthest(self, offset: int) -> int | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._reach[index] if index >= 0 else None

    def __contains__(self, span: Range) -> bool:
        """Inside one range: start <= span start and span end <= end."""
        reach = self._furthest(span[0])
        return reach is not None and span[1] <= reach

    def holds(self, offset: int) -> bool:
        """In one range: start <= offset < end."""
        reach = self._furthest(offset)
        return reach is not None and offset < reach


class Clipper:
    """Units clipped to some ranges: the parts of each unit inside them, merged."""

    def __init__(self, ranges: Sequence[Range]) -> None:
        # Clipping to the ranges or to their union is the same, and the union's pieces are
        # sorted and apart, so the pieces a unit meets are found by bisection.
        self._pieces = merge(ranges)
        self._starts = [start for start, _ in self._pieces]

    def clip(self, unit: Unit) -> Unit:
        parts: list[Range] = []
        for start, end in unit:
            index = max(bisect.bisect_right(self._starts, start) - 1, 0)
            while index < len(self._pieces) and self._pieces[index][0] < end:
                low = max(start, self._pieces[index][0])
                high = min(end, self._pieces[index][1])
                if high > low:
                    parts.append((low, high))
                index += 1
        return tuple(merge(parts))


class HitIndex:
    """Hits by position, to list those inside a unit in their original order."""

    def __init__(self, hits: Sequence[Range]) -> None:
        self._hits = hits
        self._order = sorted(range(len(hits)), key=lambda i: hits[i][0])
        self._starts = [hits[i][0] for i in self._order]

    def within(self, unit: Unit) -> list[Range]:
        """The hits inside one piece of `unit`, in the order they were given."""
        inside: set[int] = set()
        for start, end in unit:
            first = bisect.bisect_left(self._starts, start)
            for position in range(first, bisect.bisect_right(self._starts, end)):
                index = self._order[position]
                if self._hits[index][1] <= end:
                    inside.add(index)
        return [self._hits[index] for index in sorted(inside)]


class DocContext:
    """Caches what several rules ask of one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self._scopes: dict[str, list[Range]] = {}
        self._hits: dict[tuple[str, bool], list[Range]] = {}
        self.token_hits: dict[str, list[Range]] = {}  # spaCy patterns (as JSON) -> their hits

    @cached_property
    def form(self) -> Form:
        return document_form(self.doc)

    @cached_property
    def issue_date(self) -> dt.date | None:
        return issue_date(self.doc)

    def hits(self, phrases: PhraseSet, ranges: Sequence[Range] | None = None) -> list[Range]:
        """Matches of a phrase set inside `ranges`; the whole text is scanned once per
        pattern and document, since many rules share a pattern ({duty}, {bhxh} ...)."""
        key = (phrases.source, phrases.marks)
        if key not in self._hits:
            self._hits[key] = list(phrases.finditer(self.text, 0, len(self.text.text)))
        found = self._hits[key]
        if ranges is None:
            return found
        cover = Cover(ranges)
        return [hit for hit in found if hit in cover]

    # ------------------------------------------------------------------ lines

    @cached_property
    def _line_keys(self) -> list[tuple[int, int]]:
        return [(line.page, line.line) for line in self.text.lines]

    def line_range(self, page: int, line: int) -> Range | None:
        """The logical line that holds source line (page, line)."""
        index = bisect.bisect_right(self._line_keys, (page, line)) - 1
        if index < 0:
            return None
        found = self.text.lines[index]
        return (found.start, found.end)

    def locate(self, item: Located | None) -> Range | None:
        """Offsets of a structured item (summary, signer, member entry ...)."""
        if item is None:
            return None
        return self.locate_text(item.text, item.page, item.line)

    def locate_text(self, text: str, page: int, line: int) -> Range | None:
        anchor = self.line_range(page, line)
        needle = match_key(text.strip())[:60]
        if needle:
            begin = anchor[0] if anchor else 0
            found = self.text.key.find(needle, begin)
            if found >= 0 and (anchor is None or found <= anchor[1]):
                return (found, min(len(self.text.text), found + len(text.strip())))
        return anchor

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.doc.sentences]

    def sentence_at(self, span: Range, limit: int = 400) -> Range:
        """The sentence around a hit, or its logical line, so a quote reads as a whole."""
        # Sentences are in text order and apart: only the last one starting at or before the
        # hit can hold it.
        index = bisect.bisect_right(self._sentence_starts, span[0]) - 1
        if index >= 0:
            start, end = self.doc.sentences[index]
            if span[0] < end and end - start <= limit and span[1] <= end:
                return (start, end)
        line = self.text.line_at(span[0])
        if line.end - line.start <= limit and span[1] <= line.end:
            return (line.start, line.end)
        return span

    # ----------------------------------------------------------------- scopes

    def scope(self, names: Sequence[str]) -> list[Range]:
        ranges: list[Range] = []
        for name in names:
            if name not in self._scopes:
                self._scopes[name] = merge(getattr(self, f"_scope_{name}")())
            ranges.extend(self._scopes[name])
        return merge(ranges)

    def _scope_all(self) -> list[Range]:
        return [(0, len(self.text.text))]

    def _scope_summary(self) -> list[Range]:
        found = self.locate(self.doc.metadata.summary)
        return [found] if found else []

    def _scope_legal_bases(self) -> list[Range]:
        return [r for r in map(self.locate, self.doc.metadata.legal_basis_lines) if r]

    def _scope_recipients(self) -> list[Range]:
        return [r for r in map(self.locate, self.doc.metadata.recipients) if r]

    def _scope_members(self) -> list[Range]:
        return [self.doc.member_list_span] if self.doc.member_list_span else []

    def _scope_main(self) -> list[Range]:
        return [(n.start, n.end) for n in self.doc.articles]

    def _scope_first_article(self) -> list[Range]:
        for node in iter_nodes(self.doc.articles):
            if node.kind == "article":
                return [(node.start, node.end)]
        return []

    def _scope_regulation(self) -> list[Range]:
        attachment = self.doc.attachment
        if attachment is not None and attachment.articles:
            return [(n.start, n.end) for n in attachment.articles]
        if self.doc.doc_type == "regulation":
            return self._scope_main()
        if attachment is not None and attachment.end > attachment.start:
            return [(attachment.start, attachment.end)]
        return []

    def _scope_body(self) -> list[Range]:
        articles = self._scope_main() + self._scope_regulation()
        if articles:
            return articles
        holes = self._scope_header() + self._scope_legal_bases() + self._scope_recipients()
        return subtract(self._scope_all(), holes)

    def _scope_header(self) -> list[Range]:
        """Above the document type name (Quốc hiệu, issuing body, number, place and date)."""
        # Not the summary: a công văn prints its "V/v" line in the left column, before the
        # Quốc hiệu of the right column.
        meta = self.doc.metadata
        # A công văn prints no type name: the one structure names it by is not a line.
        printed = meta.type_name if meta.kind != "công văn" else None
        marks = [self.locate(printed), *self._scope_legal_bases()[:1]]
        marks += [(n.start, n.end) for n in self.doc.articles[:1]]
        starts = [r[0] for r in marks if r]
        if starts and min(starts) > 0:
            return [(0, min(starts))]
        lines = self.text.lines[:HEADER_FALLBACK_LINES]
        return [(0, lines[-1].end)] if lines else []

    # ------------------------------------------------------------------ units

    def units(self, within: Within, ranges: Sequence[Range]) -> list[Unit]:
        if not ranges:
            return []
        if within == "scope":
            return [tuple(ranges)]
        if within == "segment":
            raw: list[Unit] = [(piece,) for piece in self._segments()]
        elif within == "line":
            raw = [((line.start, line.end),) for line in self.text.lines]
        elif within == "sentence":
            raw = [(s,) for s in self.doc.sentences] or [
                ((line.start, line.end),) for line in self.text.lines
            ]
        elif within == "article":
            raw = [((n.start, n.end),) for n in self._all_nodes() if n.kind == "article"]
        else:
            raw = self._provisions()
        clipper = Clipper(ranges)
        units = [clipper.clip(unit) for unit in raw]
        return [u for u in units if u] or [tuple(ranges)]

    def _segments(self) -> list[Range]:
        """Lines cut at semicolons and after article headings: "Trưởng ban ...; Phó Trưởng
        ban ...; các thành viên ..." gives each role its own piece."""
        cuts = sorted({self.heading_range(n)[1] for n in self._all_nodes()
                       if n.kind == "article"})
        pieces = []
        for line in self.text.lines:
            start = line.start
            for offset in _segment_marks(line.start, line.text, cuts):
                is_semicolon = line.text[offset - line.start] == ";"
                if is_semicolon or offset > start:
                    end = offset + 1 if is_semicolon else offset
                    pieces.append((start, end))
                    start = end
            pieces.append((start, line.end))
        return [p for p in pieces if p[1] > p[0]]

    def _all_nodes(self) -> list[ArticleNode]:
        return self._nodes

    @cached_property
    def _nodes(self) -> list[ArticleNode]:
        nodes = list(iter_nodes(self.doc.articles))
        if self.doc.attachment is not None:
            nodes += iter_nodes(self.doc.attachment.articles)
        return nodes

    def heading_range(self, node: ArticleNode) -> Range:
        """The node's first source line: a heading the normaliser joined with its body
        ("Điều 2. Nhiệm vụ" + the next line) must not count the body as heading."""
        line = self.text.line_at(node.start)
        end = min(node.end, line.end)
        first = self.text.position(node.start)
        low, high = node.start + 1, end  # smallest offset on another source line
        while low < high:
            middle = (low + high) // 2
            if self.text.position(middle) != first:
                high = middle
            else:
                low = middle + 1
        return (node.start, low)

    def heading_ranges(self) -> list[Range]:
        """Article headings and chapter titles: a content rule is not met by a heading alone."""
        return self._heading_ranges

    @cached_property
    def _heading_ranges(self) -> list[Range]:
        ranges = []
        for node in self._all_nodes():
            if node.kind in ("article", "section"):
                ranges.append(self.heading_range(node))
            elif node.kind == "chapter":
                title_end = node.children[0].start if node.children else node.end
                ranges.append((node.start, title_end))
        return merge(ranges)

    def heading_text(self, node: ArticleNode) -> str:
        if node.kind == "chapter" and node.heading:
            return node.heading
        return self.text.text[slice(*self.heading_range(node))]

    def _provisions(self) -> list[Unit]:
        """The smallest provisions: each khoản with its article's heading, or a whole article."""
        units: list[Unit] = []
        for node in self._all_nodes():
            if node.kind != "article":
                continue
            clauses = [c for c in node.children if c.kind == "clause"]
            if not clauses:
                units.append(((node.start, node.end),))
                continue
            heading = self.heading_range(node)
            lead = (node.start, clauses[0].start)  # text before khoản 1 belongs to all
            units.extend(tuple(merge([heading, lead, (c.start, c.end)])) for c in clauses)
        return units

    # -------------------------------------------------------------- describing

    def describe(self, names: Sequence[str], ranges: Sequence[Range]) -> Messages:
        """Where a check looked, for a failed rule: "quy chế: Chương II-IV, Điều 4-12"."""
        labels = [scope_label(name) for name in names]
        vi, en = [m.vi for m in labels], [m.en for m in labels]
        where = self.article_span_label(ranges)
        suffix = f": {where}" if where else ""
        if not ranges:
            return Messages(
                vi=", ".join(vi) + " (không tìm thấy)", en=", ".join(en) + " (not found)"
            )
        return Messages(vi=", ".join(vi) + suffix, en=", ".join(en) + suffix)

    def place_of(self, offset: int) -> Messages:
        """Where a piece of text stands, as a reviewer cites it: "khoản 2 Điều 6", "phần căn
        cứ", "Nơi nhận", else its page and line."""
        for name in ("summary", "legal_bases", "recipients"):
            if any(s <= offset < e for s, e in self.scope([name])):
                vi, en = _SCOPE_LABELS[name]
                return Messages(vi=vi, en=en)
        provision = self.provision_label(offset)
        if provision:
            return Messages(vi=provision, en=provision)
        line = self.text.line_at(offset)
        opening = _OPENING_LINE.match(self.text.loose, line.start, line.end)
        if opening is not None:
            words = self.text.text[line.start : line.start + len(opening.group(0))].strip()
            return Messages(vi=f"dòng «{words} ...»", en=f"the line «{words} ...»")
        if any(s <= offset < e for s, e in self.scope(["header"])):
            vi, en = _SCOPE_LABELS["header"]
            return Messages(vi=vi, en=en)
        page, line = self.text.position(offset)
        return Messages(vi=f"trang {page}, dòng {line}", en=f"page {page}, line {line}")

    def article_at(self, offset: int) -> ArticleNode | None:
        return next(
            (n for n in self._all_nodes() if n.kind == "article" and n.start <= offset < n.end),
            None,
        )

    def provision_label(self, offset: int) -> str:
        """ "khoản 2 Điều 6" (of the Quy chế, in a combined file), or "" outside articles."""
        regulation = self.doc.attachment.articles if self.doc.attachment is not None else []
        for nodes, suffix in ((self.doc.articles, ""), (regulation, " Quy chế")):
            if suffix and self.doc.doc_type == "regulation":
                suffix = ""
            for node in iter_nodes(nodes):
                if node.kind != "article" or not node.start <= offset < node.end:
                    continue
                clause = next(
                    (c for c in node.children if c.kind == "clause" and c.start <= offset < c.end),
                    None,
                )
                label = f"Điều {node.number}{suffix}"
                return f"khoản {clause.number} {label}" if clause is not None else label
        return ""

    def article_span_label(self, ranges: Sequence[Range]) -> str:
        chapters, articles = [], []
        cover = Cover(ranges)
        for node in self._all_nodes():
            if not cover.holds(node.start):
                continue
            if node.kind == "chapter":
                chapters.append(node.number)
            elif node.kind == "article":
                articles.append(node.number)
        parts = []
        if chapters:
            parts.append("Chương " + _span_of(chapters))
        if articles:
            parts.append("Điều " + _span_of(articles))
        return ", ".join(parts)


def _segment_marks(start: int, text: str, cuts: Sequence[int]) -> list[int]:
    """Offsets in a line (at `start`) where a segment may end: its semicolons, and the ends of
    article headings (`cuts`, sorted) that fall on it, in order."""
    marks = set()
    found = text.find(";")
    while found >= 0:
        marks.add(start + found)
        found = text.find(";", found + 1)
    index = bisect.bisect_left(cuts, start)
    while index < len(cuts) and cuts[index] < start + len(text):
        marks.add(cuts[index])
        index += 1
    return sorted(marks)


def _span_of(numbers: Sequence[str]) -> str:
    return numbers[0] if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
