"""What the pages show of a report: the row of the results table and the order of findings.

Defects come first everywhere: documents that fail or cannot be read head the table, and in
one document's report the failed errors, then failed warnings, lead.
"""

from __future__ import annotations

from dataclasses import dataclass

from validator.model import DocumentReport, RuleResult
from validator.report.labels import Lang

_VERDICT_ORDER = {"non_compliant": 0, "error": 1, "compliant": 2, "not_applicable": 3}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Row:
    index: int  # from 1, in upload order: the document's page is /jobs/{id}/documents/{index}
    path: str
    verdict: str
    issuer: str
    number: str
    date: str
    defects: tuple[str, ...]  # "CV3036-06: message"
    error: str


def issuer(doc: DocumentReport) -> str:
    meta = doc.metadata
    return meta.issuer.text if meta and meta.issuer else ""


def number(doc: DocumentReport) -> str:
    meta = doc.metadata
    if meta is None or not (meta.number or meta.symbol):
        return ""
    return "/".join(part for part in (meta.number, meta.symbol) if part)


def date(doc: DocumentReport) -> str:
    meta = doc.metadata
    return meta.date.strftime("%d/%m/%Y") if meta and meta.date else ""


def failed(doc: DocumentReport) -> list[RuleResult]:
    """Failed rules, errors first, then warnings, then notes; pack order within each."""
    fails = [r for r in doc.results if r.status == "fail"]
    return sorted(fails, key=lambda r: _SEVERITY_ORDER[r.severity])


def message(result: RuleResult, lang: Lang) -> str:
    return getattr(result.messages, lang) or result.message


def problems(result: RuleResult, lang: Lang) -> list[str]:
    return [getattr(problem, lang) for problem in result.problems]


def error_text(doc: DocumentReport, lang: Lang) -> str:
    if doc.error is None:
        return ""
    return doc.error.message if lang == "vi" else doc.error.message_en


def row(index: int, doc: DocumentReport, lang: Lang) -> Row:
    defects = tuple(f"{r.rule_id}: {message(r, lang)}" for r in failed(doc)
                    if r.severity != "info")
    return Row(index=index, path=doc.path, verdict=doc.verdict, issuer=issuer(doc),
               number=number(doc), date=date(doc), defects=defects, error=error_text(doc, lang))


def defects_first(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (_VERDICT_ORDER.get(r.verdict, 9), r.index))
