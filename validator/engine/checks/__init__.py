"""The check kinds the engine knows, in one explicit registry (rules name them by `kind`).

Each kind is a params model (unknown keys forbidden), a builder that compiles the params once
per rule set into an object with `run(ctx) -> Finding`, the failure reasons it can give for
those params, the placeholders its details fill, default messages for the reasons that read
the same in every rule (no member list, no regulation in the file), and an optional deep
validation that needs heavy imports (spaCy patterns), run when a pack is compiled.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from validator.engine.checks import cites, date, document, member, phrase, section
from validator.engine.checks import field as field_kind
from validator.engine.checks.base import Check, Finding, PackContext, Params
from validator.model import Messages


@dataclass(frozen=True)
class CheckKind:
    params: type[Params]
    build: Callable[[Any, PackContext], Check]
    summary: str
    reasons: Callable[[Any], frozenset[str]]
    placeholders: frozenset[str]
    defaults: Mapping[str, Messages] = dataclasses.field(default_factory=dict)
    validate: Callable[[Any], None] | None = None


CHECK_KINDS: dict[str, CheckKind] = {
    "phrase": CheckKind(
        phrase.PhraseParams, phrase.build, "phrases found in one provision",
        phrase.reasons, phrase.PLACEHOLDERS, phrase.DEFAULTS, phrase.validate,
    ),
    "section": CheckKind(
        section.SectionParams, section.build, "an article with a real body",
        section.reasons, section.PLACEHOLDERS, section.DEFAULTS,
    ),
    "member": CheckKind(
        member.MemberParams, member.build, "member-list predicates",
        member.reasons, member.PLACEHOLDERS, member.DEFAULTS,
    ),
    "field": CheckKind(
        field_kind.FieldParams, field_kind.build, "a metadata field",
        field_kind.reasons, field_kind.PLACEHOLDERS,
    ),
    "date": CheckKind(
        date.DateParams, date.build, "a date comparison", date.reasons, date.PLACEHOLDERS
    ),
    "cites": CheckKind(
        cites.CitesParams, cites.build, "a legal basis is cited", cites.reasons,
        cites.PLACEHOLDERS,
    ),
    "document": CheckKind(
        document.DocumentParams, document.build, "document type, level or form",
        document.reasons, document.PLACEHOLDERS,
    ),
}  # fmt: skip
ALL_PLACEHOLDERS = frozenset().union(*(kind.placeholders for kind in CHECK_KINDS.values()))

__all__ = ["ALL_PLACEHOLDERS", "CHECK_KINDS", "Check", "CheckKind", "Finding", "PackContext"]
