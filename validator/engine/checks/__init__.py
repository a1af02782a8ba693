"""The check kinds the engine knows, in one explicit registry (rules name them by `kind`).

Each kind is a params model (unknown keys forbidden) and a builder that compiles the params
once per rule set into an object with `run(ctx) -> Finding`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from validator.engine.checks import cites, date, document, field, member, phrase, section
from validator.engine.checks.base import Check, Finding, PackContext, Params


@dataclass(frozen=True)
class CheckKind:
    params: type[Params]
    build: Callable[[Any, PackContext], Check]
    summary: str


CHECK_KINDS: dict[str, CheckKind] = {
    "phrase": CheckKind(phrase.PhraseParams, phrase.build, "phrases found in one provision"),
    "section": CheckKind(section.SectionParams, section.build, "an article with a real body"),
    "member": CheckKind(member.MemberParams, member.build, "member-list predicates"),
    "field": CheckKind(field.FieldParams, field.build, "a metadata field"),
    "date": CheckKind(date.DateParams, date.build, "a date comparison"),
    "cites": CheckKind(cites.CitesParams, cites.build, "a legal basis is cited"),
    "document": CheckKind(document.DocumentParams, document.build, "document type or level"),
}

__all__ = ["CHECK_KINDS", "Check", "CheckKind", "Finding", "PackContext"]
