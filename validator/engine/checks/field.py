"""field: a metadata field is present, matches a pattern, equals another field, or (for a
date line) holds a real calendar date written with the leading zeros Nghị định 30 asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import Field, field_validator

from validator.engine.checks.base import Finding, PackContext, Params
from validator.engine.checks.fields import (
    as_text,
    check_path,
    evidence_range,
    leading_zero_ok,
    real_date,
    resolve,
    written_date,
)
from validator.engine.context import DocContext
from validator.model import DocType, Messages
from validator.normalize import normalize_string


class FieldParams(Params):
    field: str
    present: bool = True
    pattern: str | None = None  # regex on the normalised value, case-insensitive
    pattern_for: dict[DocType, str] = Field(
        default_factory=dict
    )  # a further regex by document type
    equals: str | None = None  # another field path with the same value
    valid_date: bool = False
    leading_zero: bool = False
    min_words: int = 0

    @field_validator("field", "equals")
    @classmethod
    def _path(cls, value: str | None) -> str | None:
        return None if value is None else check_path(value)

    @field_validator("pattern")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value is not None:
            _compile(value)
        return value

    @field_validator("pattern_for")
    @classmethod
    def _regexes(cls, value: dict[DocType, str]) -> dict[DocType, str]:
        for pattern in value.values():
            _compile(pattern)
        return value


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc


@dataclass(frozen=True)
class FieldCheck:
    params: FieldParams

    def run(self, ctx: DocContext) -> Finding:
        value, trail = resolve(ctx.doc, self.params.field)
        text = as_text(value)
        where = evidence_range(ctx, self.params.field, trail)
        spans = (where,) if where and text else ()
        looked_in = Messages(vi=f"trường {self.params.field}", en=f"field {self.params.field}")
        if not self.params.present:
            return Finding(matched=text is None, spans=spans, looked_in=looked_in)
        ok = text is not None and self._value_ok(ctx, normalize_string(text))
        return Finding(matched=ok, spans=spans, looked_in=looked_in)

    def _value_ok(self, ctx: DocContext, text: str) -> bool:
        params = self.params
        if params.pattern and not _compile(params.pattern).search(text):
            return False
        extra = params.pattern_for.get(ctx.doc.doc_type)
        if extra and not _compile(extra).search(text):
            return False
        if params.min_words and len(text.split()) < params.min_words:
            return False
        if params.equals is not None:
            other = as_text(resolve(ctx.doc, params.equals)[0])
            if other is None or normalize_string(other).casefold() != text.casefold():
                return False
        if params.valid_date or params.leading_zero:
            parts = written_date(text)
            if parts is None or (params.valid_date and real_date(parts) is None):
                return False
            if params.leading_zero and not leading_zero_ok(parts):
                return False
        return True


def build(params: FieldParams, pack: PackContext) -> FieldCheck:
    return FieldCheck(params=params)
