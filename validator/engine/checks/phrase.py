"""phrase: variants found in one provision of a scope, with companions and exclusions.

A unit (sentence, khoản, article ...) counts when it holds one of `find`, one variant of every
group in `near`, and none of `unless`. `heading` narrows the scope to the articles or chapters
whose heading matches. `tokens` adds spaCy Matcher patterns as further alternatives of `find`
for what token attributes say better than a phrase (numbers, lists of words).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import Field, model_validator

from validator.engine.checks.base import Finding, PackContext, ScopedParams
from validator.engine.context import (
    DocContext,
    Range,
    Unit,
    Within,
    contains,
    iter_nodes,
    subtract,
)
from validator.engine.patterns import PhraseSet

MAX_EVIDENCE_UNITS = 3
NEAR_MISSES = 2


class PhraseParams(ScopedParams):
    find: tuple[str, ...] = ()
    tokens: tuple[list[dict[str, Any]], ...] = ()
    near: tuple[list[str], ...] = ()
    unless: tuple[str, ...] = ()
    within: Within = "sentence"
    heading: tuple[str, ...] = ()
    min: int = Field(default=1, ge=1)
    marks: bool = False  # match with diacritics (bản is not ban)
    headings: bool = True  # False: article headings and chapter titles do not count

    @model_validator(mode="after")
    def _something_to_find(self) -> PhraseParams:
        if not self.find and not self.tokens:
            raise ValueError("a phrase check needs `find` or `tokens`")
        return self


@dataclass(frozen=True)
class TokenPatterns:
    """spaCy Matcher patterns, built lazily against the vocabulary of the document's nlp."""

    patterns_json: str

    def hits(self, ctx: DocContext) -> list[Range]:
        spacy_doc = ctx.doc.spacy_doc
        if spacy_doc is None:
            return []
        matcher = _matcher(self.patterns_json, spacy_doc.vocab)
        return [(span.start_char, span.end_char) for span in matcher(spacy_doc, as_spans=True)]


_MATCHERS: dict[tuple[str, int], Any] = {}


def _matcher(patterns_json: str, vocab: Any) -> Any:
    key = (patterns_json, id(vocab))
    if key not in _MATCHERS:
        from spacy.matcher import Matcher

        matcher = Matcher(vocab, validate=True)
        matcher.add("FIND", json.loads(patterns_json))
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def validate_token_patterns(patterns: list[list[dict[str, Any]]]) -> None:
    """Catch a bad Matcher pattern when the pack loads, not on the first document."""
    if not patterns:
        return
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    Matcher(Vocab(), validate=True).add("CHECK", patterns)


def hits_in(phrases: PhraseSet, ctx: DocContext, ranges: list[Range]) -> list[Range]:
    return ctx.hits(phrases, ranges)


def headed_ranges(ctx: DocContext, ranges: list[Range], heading: PhraseSet) -> list[Range]:
    """Articles and chapters inside `ranges` whose heading matches."""
    nodes = list(iter_nodes(ctx.doc.articles))
    if ctx.doc.attachment is not None:
        nodes += iter_nodes(ctx.doc.attachment.articles)
    return [
        (n.start, n.end)
        for n in nodes
        if n.kind in ("chapter", "section", "article")
        and any(s <= n.start < e for s, e in ranges)
        and heading.search_string(ctx.heading_text(n))
    ]


@dataclass(frozen=True)
class PhraseCheck:
    params: PhraseParams
    find: PhraseSet | None
    tokens: TokenPatterns | None
    near: tuple[PhraseSet, ...]
    unless: PhraseSet | None
    heading: PhraseSet | None

    def run(self, ctx: DocContext) -> Finding:
        ranges = ctx.scope(self.params.scope)
        if self.heading is not None:
            ranges = headed_ranges(ctx, ranges, self.heading)
        looked_in = ctx.describe(self.params.scope, ranges)
        if not self.params.headings:
            ranges = subtract(ranges, ctx.heading_ranges())
        found = self._find_hits(ctx, ranges)
        near = [hits_in(group, ctx, ranges) for group in self.near]
        unless = hits_in(self.unless, ctx, ranges) if self.unless else []
        matched_units: list[list[Range]] = []
        for unit in ctx.units(self.params.within, ranges):
            evidence = _unit_evidence(unit, found, near, unless)
            if evidence:
                matched_units.append(evidence)
        matched = len(matched_units) >= self.params.min
        shown = matched_units[:MAX_EVIDENCE_UNITS]
        if not matched_units:
            # Near misses: where the key phrase occurs without what must go with it.
            shown = [[hit] for hit in found[:NEAR_MISSES]]
        spans = tuple(ctx.sentence_at(hit) for unit in shown for hit in unit)
        return Finding(
            matched=matched,
            spans=tuple(dict.fromkeys(spans)),
            looked_in=looked_in,
        )

    def _find_hits(self, ctx: DocContext, ranges: list[Range]) -> list[Range]:
        hits = hits_in(self.find, ctx, ranges) if self.find else []
        if self.tokens is not None:
            hits += [h for h in self.tokens.hits(ctx) if any(s <= h[0] < e for s, e in ranges)]
        return sorted(hits)


def _unit_evidence(
    unit: Unit, found: list[Range], near: list[list[Range]], unless: list[Range]
) -> list[Range]:
    """The hits that make this unit count, or [] when it does not."""
    first = next((h for h in found if contains(unit, h)), None)
    if first is None or any(contains(unit, h) for h in unless):
        return []
    companions = []
    for group in near:
        hit = next((h for h in group if contains(unit, h)), None)
        if hit is None:
            return []
        companions.append(hit)
    return [first, *companions]


def build(params: PhraseParams, pack: PackContext) -> PhraseCheck:
    validate_token_patterns([list(p) for p in params.tokens])
    return PhraseCheck(
        params=params,
        find=pack.phrases(params.find, params.marks) if params.find else None,
        tokens=TokenPatterns(json.dumps(list(params.tokens))) if params.tokens else None,
        near=tuple(pack.phrases(group, params.marks) for group in params.near),
        unless=pack.phrases(params.unless, params.marks) if params.unless else None,
        heading=pack.phrases(params.heading, params.marks) if params.heading else None,
    )
