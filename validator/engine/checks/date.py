"""date: a document date compared with a constant or with another date field.

Reasons: `missing` (no date could be read), `compare` (the comparison is false); details give
both dates as a reviewer writes them (dd/mm/yyyy)."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import field_validator, model_validator

from validator.engine.checks.base import Finding, PackContext, Params
from validator.engine.checks.fields import check_path, evidence_range, field_place, resolve
from validator.engine.context import DocContext

PLACEHOLDERS = frozenset({"date", "limit"})

Comparison = Literal["before", "on_or_before", "after", "on_or_after", "equal"]
_OPERATORS: dict[Comparison, Callable[[dt.date, dt.date], bool]] = {
    "before": operator.lt,
    "on_or_before": operator.le,
    "after": operator.gt,
    "on_or_after": operator.ge,
    "equal": operator.eq,
}


class DateParams(Params):
    field: str = "metadata.date"
    op: Comparison
    value: dt.date | None = None
    other: str | None = None

    @field_validator("field", "other")
    @classmethod
    def _path(cls, value: str | None) -> str | None:
        return None if value is None else check_path(value)

    @model_validator(mode="after")
    def _one_operand(self) -> DateParams:
        if (self.value is None) == (self.other is None):
            raise ValueError("a date check compares with exactly one of `value` or `other`")
        return self


def reasons(params: DateParams) -> frozenset[str]:
    return frozenset({"missing", "compare"})


@dataclass(frozen=True)
class DateCheck:
    params: DateParams

    def run(self, ctx: DocContext) -> Finding:
        value, trail = resolve(ctx.doc, self.params.field)
        against = self.params.value
        if self.params.other is not None:
            against = resolve(ctx.doc, self.params.other)[0]
        where = evidence_range(ctx, self.params.field, trail)
        spans = (where,) if where else ()
        looked_in = field_place(self.params.field)
        details = {"date": _written(value), "limit": _written(against)}
        if not isinstance(value, dt.date) or not isinstance(against, dt.date):
            return Finding(False, spans, looked_in, "missing", details)
        if _OPERATORS[self.params.op](value, against):
            return Finding(matched=True, spans=spans, looked_in=looked_in)
        return Finding(False, spans, looked_in, "compare", details, near=True)


def _written(value: object) -> str:
    return f"{value:%d/%m/%Y}" if isinstance(value, dt.date) else "—"


def build(params: DateParams, pack: PackContext) -> DateCheck:
    return DateCheck(params=params)
