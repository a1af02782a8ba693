"""What every check kind shares: the finding it returns and what it gets at compile time."""

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


@dataclass(frozen=True, slots=True)
class Finding:
    """A check's answer: did it match, where (offsets into doc.text), and where it looked."""

    matched: bool
    spans: tuple[Range, ...] = ()
    looked_in: Messages | None = None


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
