"""cites: a legal reference is among the document's bases (Căn cứ ...).

Structured references are compared by kind, number and symbol; `text` variants are a fallback
searched in the legal-basis lines, for references the structure step could not parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import model_validator

from validator.engine.checks.base import Finding, PackContext, Params
from validator.engine.context import DocContext, Range
from validator.engine.patterns import PhraseSet
from validator.model import LegalReference
from validator.normalize import loose_key, normalize_string

PLACEHOLDERS = frozenset({"count"})


class CitesParams(Params):
    kind: tuple[str, ...] = ()  # "Công văn", "Nghị định" ...
    number: str | None = None
    symbol: str | None = None  # regex over the diacritic-free symbol ("bhxh-bt")
    text: tuple[str, ...] = ()
    where: Literal["legal_bases", "anywhere"] = "legal_bases"

    @model_validator(mode="after")
    def _something(self) -> CitesParams:
        if self.number is None and not self.text:
            raise ValueError("a cites check needs `number` or `text`")
        if self.symbol is not None:
            re.compile(self.symbol)
        return self


def reasons(params: CitesParams) -> frozenset[str]:
    return frozenset({"missing"})


@dataclass(frozen=True)
class CitesCheck:
    params: CitesParams
    kinds: tuple[str, ...]
    symbol: re.Pattern[str] | None
    text: PhraseSet | None

    def run(self, ctx: DocContext) -> Finding:
        in_bases = self.params.where == "legal_bases"
        references = ctx.doc.metadata.legal_bases if in_bases else ctx.doc.references
        scope = ["legal_bases"] if in_bases else ["all"]
        looked_in = ctx.describe(scope, ctx.scope(scope))
        for reference in references:
            if self._is_cited(reference):
                where = ctx.locate_text(reference.text, reference.page, reference.line)
                return Finding(matched=True, spans=(where,) if where else (), looked_in=looked_in)
        if self.text is not None:
            hits: list[Range] = ctx.hits(self.text, ctx.scope(scope))
            if hits:
                return Finding(matched=True, spans=(ctx.sentence_at(hits[0]),), looked_in=looked_in)
        return Finding(False, (), looked_in, "missing", {"count": str(len(references))})

    def _is_cited(self, reference: LegalReference) -> bool:
        if self.params.number is None or reference.number != self.params.number:
            return False
        if self.kinds and not loose_key(normalize_string(reference.kind)).startswith(self.kinds):
            return False
        symbol = loose_key(normalize_string(reference.symbol or ""))
        return self.symbol is None or bool(self.symbol.search(symbol))


def build(params: CitesParams, pack: PackContext) -> CitesCheck:
    return CitesCheck(
        params=params,
        kinds=tuple(loose_key(normalize_string(k)) for k in params.kind),
        symbol=re.compile(params.symbol, re.IGNORECASE) if params.symbol else None,
        text=pack.phrases(params.text) if params.text else None,
    )
