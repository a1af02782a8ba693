"""section: an article or chapter whose heading matches and whose body provides the thing.

A heading alone proves nothing: the body (the node's text after its heading line) must be at
least `body_min_chars` long and, when `body` is given, hold one of those phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from validator.engine.checks.base import Finding, PackContext, ScopedParams
from validator.engine.context import DocContext, Range, iter_nodes
from validator.engine.patterns import PhraseSet
from validator.model import ArticleNode

NodeKind = Literal["chapter", "section", "article", "clause"]


class SectionParams(ScopedParams):
    scope: list[Literal["main", "regulation", "body"]] = Field(  # type: ignore[assignment]
        default=["regulation"], min_length=1
    )
    kinds: tuple[NodeKind, ...] = ("chapter", "article")
    heading: list[str] = Field(min_length=1)
    heading_unless: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    body_min_chars: int = Field(default=40, ge=0)
    min: int = Field(default=1, ge=1)
    marks: bool = False


@dataclass(frozen=True)
class SectionCheck:
    params: SectionParams
    heading: PhraseSet
    heading_unless: PhraseSet | None
    body: PhraseSet | None

    def run(self, ctx: DocContext) -> Finding:
        ranges = ctx.scope(self.params.scope)
        candidates = [
            node
            for node in _nodes(ctx)
            if node.kind in self.params.kinds and any(s <= node.start < e for s, e in ranges)
        ]
        provided: list[tuple[Range, ...]] = []
        for node in candidates:
            evidence = self._provides(ctx, node)
            if evidence:
                provided.append(evidence)
        spans = tuple(span for evidence in provided[:3] for span in evidence)
        return Finding(
            matched=len(provided) >= self.params.min,
            spans=spans,
            looked_in=ctx.describe(self.params.scope, ranges),
        )

    def _provides(self, ctx: DocContext, node: ArticleNode) -> tuple[Range, ...]:
        heading_range = ctx.heading_range(node)
        heading_text = ctx.heading_text(node)
        if not self.heading.search_string(heading_text):
            return ()
        if self.heading_unless is not None and self.heading_unless.search_string(heading_text):
            return ()
        body = (heading_range[1], node.end)
        if len(ctx.text.text[slice(*body)].strip()) < self.params.body_min_chars:
            return ()
        if self.body is None:
            return (heading_range,)
        hit = next(iter(ctx.hits(self.body, [body])), None)
        return (heading_range, ctx.sentence_at(hit)) if hit else ()


def _nodes(ctx: DocContext) -> list[ArticleNode]:
    nodes = list(iter_nodes(ctx.doc.articles))
    if ctx.doc.attachment is not None:
        nodes += iter_nodes(ctx.doc.attachment.articles)
    return nodes


def build(params: SectionParams, pack: PackContext) -> SectionCheck:
    return SectionCheck(
        params=params,
        heading=pack.phrases(params.heading, params.marks),
        heading_unless=pack.phrases(params.heading_unless, params.marks)
        if params.heading_unless
        else None,
        body=pack.phrases(params.body, params.marks) if params.body else None,
    )
