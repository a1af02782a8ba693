"""What every check kind shares: the finding it returns and what it gets at compile time.

A check says *whether* and *why not* (a `reason` key and `details` to fill a message with);
the words are the pack's. Each kind lists the reasons it can give and the placeholders its
details fill, so the loader can reject a message keyed by a reason the kind never gives or
naming a placeholder it never fills.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from validator.engine.context import SCOPE_NAMES, DocContext, Range
from validator.engine.patterns import PhraseSet, compile_phrases
from validator.model import Messages

ScopeName = Literal[
    "all", "header", "summary", "legal_bases", "main", "first_article", "regulation",
    "body", "members", "recipients",
]  # fmt: skip
assert set(SCOPE_NAMES) == set(ScopeName.__args__)  # type: ignore[attr-defined]

Detail = str | Messages  # a quote (any language) or words (one per language)


@dataclass(frozen=True, slots=True)
class Finding:
    """A check's answer.

    matched    did the document satisfy it
    spans      offsets into doc.text to quote: what satisfied it, or on a failure the
               nearest thing it found and rejected
    looked_in  where it looked, in words a reviewer knows
    reason     on a failure, why: a key of the kind's reasons ("missing", "near.0" ...)
    details    values for the message's {placeholders}
    near       the failure is a near miss (something was found and rejected), so an `any`
               reports it rather than its own general message
    problems   the messages of the failed parts; filled by the engine, never by a check
    """

    matched: bool
    spans: tuple[Range, ...] = ()
    looked_in: Messages | None = None
    reason: str | None = None
    details: Mapping[str, Detail] = field(default_factory=dict)
    near: bool = False
    problems: tuple[Messages, ...] = ()


@dataclass(frozen=True)
class PackContext:
    """Pack-level data a check needs to compile its parameters."""

    synonyms: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def phrases(self, variants: Sequence[str], marks: bool = False) -> PhraseSet:
        return compile_phrases(variants, self.synonyms, marks)


class Check(Protocol):
    def run(self, ctx: DocContext) -> Finding: ...


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


class ScopedParams(Params):
    scope: list[ScopeName] = Field(default=["body"], min_length=1)

    @field_validator("scope", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


def quoted(texts: Sequence[str], limit: int = 4) -> str:
    """«a», «b», «c» (và 2 mục khác): member entries or phrases named in a message."""
    shown = ", ".join(f"«{text.strip()}»" for text in texts[:limit])
    rest = len(texts) - limit
    return f"{shown} (+{rest})" if rest > 0 else shown
