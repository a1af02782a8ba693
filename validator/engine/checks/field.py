"""field: a metadata field is present, matches a pattern, equals another field, or (for a
date line) holds a real calendar date written with the leading zeros Nghị định 30 asks for.

The tests run in a fixed order and the first that fails is the reason: `missing`, `pattern`,
`pattern_for.<form>` (a further pattern for one kind of paper: QĐ for a decision, no type
abbreviation for a công văn), `min_words`, `equals`, `valid_date`, `leading_zero`; with
`present: false`, `present` (the field should not be there). Details quote the value and, for
dates, the fix («ngày 5» → «ngày 05»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import Field, field_validator

from validator.engine.checks.base import Detail, Finding, PackContext, Params
from validator.engine.checks.fields import (
    as_text,
    check_path,
    evidence_range,
    field_place,
    leading_zero_fixes,
    real_date,
    resolve,
    written_date,
)
from validator.engine.context import DocContext
from validator.engine.forms import FORM_LABELS, Form
from validator.normalize import loose_key, normalize_string

PLACEHOLDERS = frozenset({"value", "other", "fix", "date", "form", "min_words"})


class FieldParams(Params):
    field: str
    present: bool = True
    pattern: str | None = None  # regex on the normalised value, case-insensitive
    pattern_for: dict[Form, str] = Field(default_factory=dict)  # a further regex by form
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
    def _regexes(cls, value: dict[Form, str]) -> dict[Form, str]:
        for pattern in value.values():
            _compile(pattern)
        return value


def reasons(params: FieldParams) -> frozenset[str]:
    return frozenset(
        {"missing", "present", "pattern", "min_words", "equals", "valid_date", "leading_zero"}
        | {f"pattern_for.{form}" for form in params.pattern_for}
    )


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
        spans = (where,) if where else ()
        looked_in = field_place(self.params.field)
        if not self.params.present:
            if text is None:
                return Finding(matched=True, looked_in=looked_in)
            return Finding(False, spans, looked_in, "present", {"value": text}, near=True)
        if text is None:
            # Quote the line the value should have been read from ("Số:    /QĐ-UBND").
            return Finding(False, spans, looked_in, "missing", {"min_words": self._min_words})
        reason, details = self._value_problem(ctx, normalize_string(text))
        if reason is None:  # the value too, for a `not` that quotes what it found
            return Finding(True, spans, looked_in, details={"value": normalize_string(text)})
        return Finding(False, spans, looked_in, reason, details, near=True)

    @property
    def _min_words(self) -> str:
        return str(self.params.min_words)

    def _value_problem(self, ctx: DocContext, text: str) -> tuple[str | None, dict[str, Detail]]:
        params = self.params
        details: dict[str, Detail] = {"value": text, "min_words": self._min_words}
        if params.pattern and not _compile(params.pattern).search(text):
            return "pattern", details
        extra = params.pattern_for.get(ctx.form)
        if extra and not _compile(extra).search(text):
            return f"pattern_for.{ctx.form}", {**details, "form": FORM_LABELS[ctx.form]}
        if params.min_words and len(text.split()) < params.min_words:
            return "min_words", details
        if params.equals is not None:
            other = as_text(resolve(ctx.doc, params.equals)[0])
            if other is None or normalize_string(other).casefold() != text.casefold():
                return "equals", {**details, "other": other or "—"}
        if params.valid_date or params.leading_zero:
            return _date_problem(text, params.valid_date, params.leading_zero, details)
        return None, details


def _date_problem(
    text: str, valid: bool, leading_zero: bool, details: dict[str, Detail]
) -> tuple[str | None, dict[str, Detail]]:
    parts = written_date(text)
    if parts is None:
        return "valid_date", {**details, "date": text}
    day, month, year = parts
    details = {**details, "date": f"{day}/{month}/{year}"}
    if valid and real_date(parts) is None:
        return "valid_date", details
    fixes = leading_zero_fixes(parts) if leading_zero else []
    if fixes and "ngay" not in loose_key(text):  # written 5/9/2023, not "ngày 5 tháng 9"
        fixes = [f"«{day}/{month}/{year}» → «{int(day):02d}/{int(month):02d}/{year}»"]
    if fixes:
        return "leading_zero", {**details, "fix": ", ".join(fixes)}
    return None, details


def build(params: FieldParams, pack: PackContext) -> FieldCheck:
    return FieldCheck(params=params)
