"""section: an article or chapter whose heading matches and whose body provides the thing.

A heading alone proves nothing: the body (the node's text after its heading line) must be at
least `body_min_chars` long and, when `body` is given, hold one of those phrases (words inside
a stock phrase of `ignore` do not count). A failure names the nearest article it rejected:
`short` (a heading with no real body) or `body` (a body without the phrases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from validator.engine.checks.base import Detail, Finding, PackContext, ScopedParams
from validator.engine.checks.phrase import scope_words
from validator.engine.context import DocContext, Range, iter_nodes
from validator.engine.patterns import PhraseSet
from validator.model import ArticleNode, Messages

NodeKind = Literal["chapter", "section", "article", "clause"]
_TITLE_NUMBER = re.compile(r"^\s*(?:điều|chương|mục)\s+[\dIVXLC]+\s*[.:]?\s*", re.IGNORECASE)
PLACEHOLDERS = frozenset({"where", "heading", "scope", "min", "count"})
DEFAULTS = {
    "scope": Messages(vi="Không tìm thấy {scope} trong văn bản.", en="No {scope} was found."),
}


class SectionParams(ScopedParams):
    scope: list[Literal["main", "regulation", "body"]] = Field(  # type: ignore[assignment]
        default=["regulation"], min_length=1
    )
    kinds: tuple[NodeKind, ...] = ("chapter", "article")
    heading: list[str] = Field(min_length=1)
    heading_unless: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    body_min_chars: int = Field(default=40, ge=0)
    min: int = Field(default=1, ge=1)
    marks: bool = False


def reasons(params: SectionParams) -> frozenset[str]:
    return frozenset({"scope", "none", "short", "body", "min"})


@dataclass(frozen=True)
class _Judged:
    reason: str | None  # None: the node provides the thing
    spans: tuple[Range, ...]
    node: ArticleNode


@dataclass(frozen=True)
class SectionCheck:
    params: SectionParams
    heading: PhraseSet
    heading_unless: PhraseSet | None
    body: PhraseSet | None
    ignore: PhraseSet | None

    def run(self, ctx: DocContext) -> Finding:
        ranges = ctx.scope(self.params.scope)
        looked_in = ctx.describe(self.params.scope, ranges)
        details: dict[str, Detail] = {
            "scope": scope_words(list(self.params.scope)),
            "min": str(self.params.min),
        }
        if not ranges:
            return Finding(matched=False, looked_in=looked_in, reason="scope", details=details)
        judged = [
            self._judge(ctx, node)
            for node in _nodes(ctx)
            if node.kind in self.params.kinds and any(s <= node.start < e for s, e in ranges)
        ]
        headed = [j for j in judged if j is not None]
        provided = [j for j in headed if j.reason is None]
        spans = tuple(span for j in provided for span in j.spans)
        if len(provided) >= self.params.min:
            return Finding(matched=True, spans=spans, looked_in=looked_in)
        if provided:
            details["count"] = str(len(provided))
            return Finding(False, spans, looked_in, "min", details, near=True)
        # The nearest rejected article: one whose body lacks the phrases before a bare heading.
        nearest = next((j for j in headed if j.reason == "body"), None) or next(iter(headed), None)
        if nearest is None:
            return Finding(matched=False, looked_in=looked_in, reason="none", details=details)
        details["where"] = _where(ctx, nearest.node)
        details["heading"] = _TITLE_NUMBER.sub("", ctx.heading_text(nearest.node)).strip()
        return Finding(False, nearest.spans, looked_in, nearest.reason, details, near=True)

    def _judge(self, ctx: DocContext, node: ArticleNode) -> _Judged | None:
        """None when the heading does not match; else whether the body provides the thing."""
        heading_range = ctx.heading_range(node)
        heading_text = ctx.heading_text(node)
        if not self.heading.search_string(heading_text):
            return None
        if self.heading_unless is not None and self.heading_unless.search_string(heading_text):
            return None
        body = (heading_range[1], node.end)
        raw = ctx.text.text[slice(*body)]
        body_text = raw.strip()
        if len(body_text) < self.params.body_min_chars:
            shown = (heading_range, body) if body_text else (heading_range,)
            return _Judged("short", shown, node)
        lead = body[0] + len(raw) - len(raw.lstrip())
        if self.body is None:
            return _Judged(None, (heading_range,), node)
        holes = ctx.hits(self.ignore, [body]) if self.ignore is not None else []
        hit = next(
            (
                h
                for h in ctx.hits(self.body, [body])
                if not any(s <= h[0] and h[1] <= e for s, e in holes)
            ),
            None,
        )
        if hit is None:
            return _Judged("body", (heading_range, ctx.sentence_at((lead, lead + 1))), node)
        return _Judged(None, (heading_range, ctx.sentence_at(hit)), node)


def _where(ctx: DocContext, node: ArticleNode) -> Detail:
    if node.kind == "chapter":
        return f"Chương {node.number}"
    return ctx.place_of(node.start)


def _nodes(ctx: DocContext) -> list[ArticleNode]:
    nodes = list(iter_nodes(ctx.doc.articles))
    if ctx.doc.attachment is not None:
        nodes += iter_nodes(ctx.doc.attachment.articles)
    return nodes


def build(params: SectionParams, pack: PackContext) -> SectionCheck:
    def compiled(variants: tuple[str, ...] | list[str]) -> PhraseSet | None:
        return pack.phrases(variants, params.marks) if variants else None

    heading = compiled(params.heading)
    assert heading is not None
    return SectionCheck(
        params=params,
        heading=heading,
        heading_unless=compiled(params.heading_unless),
        body=compiled(params.body),
        ignore=compiled(params.ignore),
    )
