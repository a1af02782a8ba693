"""phrase: variants found in one provision of a scope, with companions and exclusions.

A unit (sentence, khoản, article ...) counts when it holds one of `find`, one variant of every
group in `near`, and none of `unless`. `heading` narrows the scope to the articles or chapters
whose heading matches. `tokens` adds spaCy Matcher patterns as further alternatives of `find`
for what token attributes say better than a phrase (numbers, lists of words). `ignore` names
stock phrases whose words do not count ("thực hiện nhiệm vụ do Trưởng ban phân công" holds no
duty of its own). `opens` asks the phrase to open its unit (after numbering such as "2." or
"b)"): "Phó Trưởng ban: ..." is about the deputy, "... giúp Phó Trưởng ban ..." is not.

On a failure the check names the nearest unit it rejected and why (`near.N`: it lacks the
N-th group of `near`; `unless`: it holds an excluded phrase), or where the phrase occurs
outside the scope (`outside`), so the message can say "Điều 6 nói đến báo cáo nhưng không nêu
kỳ hạn" rather than "không đạt".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import Field, model_validator

from validator.engine.checks.base import Detail, Finding, PackContext, ScopedParams
from validator.engine.context import (
    Cover,
    DocContext,
    HitIndex,
    Range,
    Unit,
    Within,
    iter_nodes,
    scope_label,
    subtract,
)
from validator.engine.patterns import PhraseSet
from validator.model import Messages

BASE_REASONS = ("scope", "none", "outside", "min", "unless")
# What may stand before a phrase that opens its unit: spaces, bullets, "2.", "b)", "II.".
_OPENING = re.compile(r"[\s\-+•*.,:;]*(?:(?:\d{1,3}|[a-zđ]|[ivxlc]{1,5})\s*[.)]\s*)?", re.I)
PLACEHOLDERS = frozenset({"where", "phrase", "found_in", "count", "min", "scope"})
DEFAULTS = {
    "scope": Messages(vi="Không tìm thấy {scope} trong văn bản.", en="No {scope} was found."),
    "outside": Messages(
        vi="«{phrase}» chỉ có ở {found_in}, không ở {scope}.",
        en="«{phrase}» occurs only in {found_in}, not in {scope}.",
    ),
}


class PhraseParams(ScopedParams):
    find: tuple[str, ...] = ()
    tokens: tuple[list[dict[str, Any]], ...] = ()
    near: tuple[list[str], ...] = ()
    unless: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    within: Within = "sentence"
    heading: tuple[str, ...] = ()
    min: int = Field(default=1, ge=1)
    marks: bool = False  # match with diacritics (bản is not ban)
    headings: bool = True  # False: article headings and chapter titles do not count
    opens: bool = False  # the phrase opens its unit

    @model_validator(mode="after")
    def _something_to_find(self) -> PhraseParams:
        if not self.find and not self.tokens:
            raise ValueError("a phrase check needs `find` or `tokens`")
        return self


def reasons(params: PhraseParams) -> frozenset[str]:
    return frozenset(BASE_REASONS) | {f"near.{i}" for i in range(len(params.near))}


@dataclass(frozen=True)
class TokenPatterns:
    """spaCy Matcher patterns, built lazily against the vocabulary of the document's nlp."""

    patterns_json: str

    def hits(self, ctx: DocContext) -> list[Range]:
        """Where the patterns match; once per document (a Matcher pass over every token is
        the dearest step of a rule, and rules share patterns)."""
        spacy_doc = ctx.doc.spacy_doc
        if spacy_doc is None:
            return []
        if self.patterns_json not in ctx.token_hits:
            matcher = _matcher(self.patterns_json, spacy_doc.vocab)
            ctx.token_hits[self.patterns_json] = [
                (span.start_char, span.end_char) for span in matcher(spacy_doc, as_spans=True)]
        return ctx.token_hits[self.patterns_json]


_MATCHERS: dict[tuple[str, int], Any] = {}


def _matcher(patterns_json: str, vocab: Any) -> Any:
    key = (patterns_json, id(vocab))
    if key not in _MATCHERS:
        from spacy.matcher import Matcher

        matcher = Matcher(vocab, validate=True)
        matcher.add("FIND", json.loads(patterns_json))
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def validate(params: PhraseParams) -> None:
    """Catch a bad Matcher pattern when a pack is compiled, not on a document. It imports
    spaCy, so it runs only when the compiled rule set is not in the cache (engine/compiled.py)."""
    if not params.tokens:
        return
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    Matcher(Vocab(), validate=True).add("CHECK", [list(p) for p in params.tokens])


def headed_ranges(ctx: DocContext, ranges: list[Range], heading: PhraseSet) -> list[Range]:
    """Articles and chapters inside `ranges` whose heading matches."""
    nodes = list(iter_nodes(ctx.doc.articles))
    if ctx.doc.attachment is not None:
        nodes += iter_nodes(ctx.doc.attachment.articles)
    cover = Cover(ranges)
    return [
        (n.start, n.end)
        for n in nodes
        if n.kind in ("chapter", "section", "article")
        and cover.holds(n.start)
        and heading.search_string(ctx.heading_text(n))
    ]


def outside_only(
    ctx: DocContext, phrases: PhraseSet, ranges: list[Range], scope: Messages
) -> Finding | None:
    """Where the phrase occurs although not in `ranges` (the legal bases, the recipients ...),
    as the failure it explains; None when it occurs nowhere else either."""
    cover = Cover(ranges)
    hit = next((h for h in ctx.hits(phrases) if not cover.holds(h[0])), None)
    if hit is None:
        return None
    details: dict[str, Detail] = {
        "phrase": ctx.text.text[hit[0] : hit[1]],
        "found_in": ctx.place_of(hit[0]),
        "scope": scope,
    }
    return Finding(
        matched=False, spans=(ctx.sentence_at(hit),), reason="outside", details=details, near=True
    )


@dataclass(frozen=True)
class _Miss:
    """A unit that holds the key phrase but was rejected."""

    # Nearer first: a unit under an article headed by the phrase itself (the "Chế độ báo cáo"
    # article, where a reviewer looks first), then how many `near` groups it satisfied (+1
    # when only `unless` rejected it).
    rank: tuple[bool, int]
    reason: str
    spans: tuple[Range, ...]


@dataclass(frozen=True)
class PhraseCheck:
    params: PhraseParams
    find: PhraseSet | None
    tokens: TokenPatterns | None
    near: tuple[PhraseSet, ...]
    unless: PhraseSet | None
    ignore: PhraseSet | None
    heading: PhraseSet | None

    @cached_property
    def _scope_words(self) -> Messages:
        return scope_words(self.params.scope)

    def run(self, ctx: DocContext) -> Finding:
        ranges = ctx.scope(self.params.scope)
        details: dict[str, Detail] = {"scope": self._scope_words, "min": str(self.params.min)}
        if not ranges:
            looked_in = ctx.describe(self.params.scope, ranges)
            return Finding(matched=False, looked_in=looked_in, reason="scope", details=details)
        if self.heading is not None:
            ranges = headed_ranges(ctx, ranges, self.heading)
        looked_in = ctx.describe(self.params.scope, ranges)
        if not ranges:
            return Finding(matched=False, looked_in=looked_in, reason="none", details=details)
        counted = ranges if self.params.headings else subtract(ranges, ctx.heading_ranges())
        holes = ctx.hits(self.ignore, counted) if self.ignore is not None else []
        found = _outside(self._find_hits(ctx, counted), holes)
        near = [_outside(ctx.hits(group, counted), holes) for group in self.near]
        unless = ctx.hits(self.unless, counted) if self.unless else []
        matched_units: list[list[Range]] = []
        nearest: _Miss | None = None
        indexes = (HitIndex(found), [HitIndex(group) for group in near], HitIndex(unless))
        for unit in ctx.units(self.params.within, counted):
            evidence, miss = self._judge(ctx, unit, *indexes)
            if evidence:
                matched_units.append(evidence)
            elif miss is not None and (nearest is None or miss.rank > nearest.rank):
                nearest = miss
        spans = tuple(dict.fromkeys(ctx.sentence_at(h) for unit in matched_units for h in unit))
        if len(matched_units) >= self.params.min:
            return Finding(matched=True, spans=spans, looked_in=looked_in)
        if matched_units:
            details["count"] = str(len(matched_units))
            return Finding(False, spans, looked_in, "min", details, near=True)
        if nearest is not None:
            details["where"] = ctx.place_of(nearest.spans[0][0])
            return Finding(False, nearest.spans, looked_in, nearest.reason, details, near=True)
        if self.find is not None:
            elsewhere = outside_only(ctx, self.find, ranges, self._scope_words)
            if elsewhere is not None:
                return Finding(
                    False, elsewhere.spans, looked_in, "outside", {**details, **elsewhere.details},
                    near=True,
                )  # fmt: skip
        return Finding(matched=False, looked_in=looked_in, reason="none", details=details)

    def _judge(
        self,
        ctx: DocContext,
        unit: Unit,
        found: HitIndex,
        near: list[HitIndex],
        unless: HitIndex,
    ) -> tuple[list[Range], _Miss | None]:
        """The hits that make this unit count, else how close it came."""
        first = next((h for h in found.within(unit) if self._opens(ctx, unit, h)), None)
        if first is None:
            return [], None
        companions, missing = [], []
        for index, group in enumerate(near):
            hit = next(iter(group.within(unit)), None)
            if hit is None:
                missing.append(index)
            else:
                companions.append(hit)
        excluded = next(iter(unless.within(unit)), None)
        if not missing and excluded is None:
            return [first, *companions], None
        quote = (ctx.sentence_at(first),)
        headed = self._headed(ctx, first)
        rank = len(near) - len(missing)
        if excluded is not None:  # what disqualifies the unit says more than what it lacks
            quote = tuple(dict.fromkeys((*quote, ctx.sentence_at(excluded))))
            return [], _Miss((headed, rank + 1), "unless", quote)
        return [], _Miss((headed, rank), f"near.{missing[0]}", quote)

    def _headed(self, ctx: DocContext, hit: Range) -> bool:
        """Whether the hit stands in an article whose heading holds the phrase too."""
        if self.find is None:
            return False
        article = ctx.article_at(hit[0])
        return (
            article is not None and self.find.search_string(ctx.heading_text(article)) is not None
        )

    def _opens(self, ctx: DocContext, unit: Unit, hit: Range) -> bool:
        if not self.params.opens:
            return True
        start = next(s for s, e in unit if s <= hit[0] < e)
        return _OPENING.fullmatch(ctx.text.text, start, hit[0]) is not None

    def _find_hits(self, ctx: DocContext, ranges: list[Range]) -> list[Range]:
        hits = ctx.hits(self.find, ranges) if self.find else []
        if self.tokens is not None:
            hits += [h for h in self.tokens.hits(ctx) if any(s <= h[0] < e for s, e in ranges)]
        return sorted(hits)


def _outside(hits: list[Range], holes: list[Range]) -> list[Range]:
    """Hits not inside a stock phrase of `ignore`."""
    if not holes:
        return hits
    cover = Cover(holes)
    return [h for h in hits if h not in cover]


def scope_words(names: list[str]) -> Messages:
    labels = [scope_label(name) for name in names]
    return Messages(vi=", ".join(m.vi for m in labels), en=", ".join(m.en for m in labels))


def build(params: PhraseParams, pack: PackContext) -> PhraseCheck:
    def compiled(variants: tuple[str, ...]) -> PhraseSet | None:
        return pack.phrases(variants, params.marks) if variants else None

    return PhraseCheck(
        params=params,
        find=compiled(params.find),
        tokens=TokenPatterns(json.dumps(list(params.tokens))) if params.tokens else None,
        near=tuple(pack.phrases(group, params.marks) for group in params.near),
        unless=compiled(params.unless),
        ignore=compiled(params.ignore),
        heading=compiled(params.heading),
    )
