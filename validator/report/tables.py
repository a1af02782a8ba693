"""The tables a spreadsheet shows, shared by XLSX and CSV: one row per document (summary), one
row per document and rule (details), one row per rule (how many documents fail it), one row
per dossier. Headers are messages of the catalogue; cells are the words of the run's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from validator.i18n import N_, Lang, gettext_for
from validator.model import DocumentReport, DossierSummary, RuleResult
from validator.report import view
from validator.report.formatters.base import RuleInfo
from validator.report.labels import (
    doc_type_label,
    level_label,
    outcome_label,
    severity_label,
    verdict_label,
)
from validator.report.summary import Tally

Cell = str | int | dt.date | None
READ_ERROR_ID = "READ-ERROR"


@dataclass(frozen=True)
class Column:
    title: str  # message id
    width: float  # in Excel character widths
    wrap: bool = False


SUMMARY = (
    Column(N_("File"), 42),
    Column(N_("Issuing body"), 34, wrap=True),
    Column(N_("Level"), 12),
    Column(N_("Number"), 16),
    Column(N_("Date"), 12),
    Column(N_("Type"), 22),
    Column(N_("Verdict"), 15),
    Column(N_("To fix"), 10),
    Column(N_("To check"), 10),
    Column(N_("Defects to fix or check"), 90, wrap=True),
    Column(N_("Notes"), 50, wrap=True),
    Column(N_("Dossier"), 20),
)
DETAILS = (
    Column(N_("File"), 42),
    Column(N_("Rule id"), 12),
    Column(N_("Rule"), 45, wrap=True),
    Column(N_("Result"), 14),
    Column(N_("Finding"), 70, wrap=True),
    Column(N_("Evidence"), 70, wrap=True),
    Column(N_("Page"), 7),
    Column(N_("Line"), 7),
    Column(N_("Source"), 30, wrap=True),
)
RULES = (
    Column(N_("Rule id"), 12),
    Column(N_("Rule"), 60, wrap=True),
    Column(N_("Severity"), 14),
    Column(N_("Source"), 40, wrap=True),
    Column(N_("Documents flagged"), 12),
    Column(N_("Documents passing"), 12),
    Column(N_("Not applicable"), 12),
)
DOSSIERS = (
    Column(N_("Dossier"), 30),
    Column(N_("Verdict"), 15),
    Column(N_("Documents"), 60, wrap=True),
    Column(N_("Remarks"), 60, wrap=True),
)


def headers(columns: Sequence[Column], lang: Lang) -> list[str]:
    _ = gettext_for(lang)
    return [_(column.title) for column in columns]


def _notes(doc: DocumentReport, lang: Lang) -> str:
    lines = [view.error_message(doc, lang)] if doc.error else []
    lines += [f"{r.rule_id}: {view.findings_text(r, lang)}" for r in view.notes(doc)]
    lines += view.reading_notes(doc, lang)
    return "\n".join(line for line in lines if line)


def summary_row(doc: DocumentReport, lang: Lang) -> list[Cell]:
    defects = view.defects(doc)
    meta = doc.metadata
    return [
        doc.path,
        view.issuer(doc),
        level_label(doc.level, lang) if doc.level else "",
        view.number(doc),
        meta.date if meta is not None else None,
        doc_type_label(doc.doc_type, lang) if doc.doc_type else "",
        verdict_label(doc.verdict, lang),
        sum(r.severity == "error" for r in defects),
        sum(r.severity == "warning" for r in defects),
        view.defect_summary(defects, lang),
        _notes(doc, lang),
        doc.dossier or "",
    ]


def _finding(result: RuleResult, lang: Lang) -> str:
    parts = view.explanation(result, lang)
    lines = [f"- {part}" for part in parts] if len(parts) > 1 else parts
    if looked := view.looked_in(result, lang):
        lines.append(looked)
    return "\n".join(lines)


def _evidence(result: RuleResult, lang: Lang) -> str:
    lines = [view.evidence_text(e, lang) for e in result.evidence]
    if more := view.more_evidence(result, lang):
        lines.append(more)
    return "\n".join(lines)


def detail_rows(doc: DocumentReport, lang: Lang) -> Iterable[list[Cell]]:
    """A row per rule, failures first (errors, warnings, notes), then passes, then the rest."""
    if doc.error is not None:
        title = gettext_for(lang)("The document could not be read")
        yield [doc.path, READ_ERROR_ID, title, verdict_label("error", lang),
               f"[{doc.error.code}] {view.error_message(doc, lang)}", "", None, None, ""]
        return
    ordered = [*view.failures(doc), *view.with_status(doc, "pass"),
               *view.with_status(doc, "not_applicable")]
    for result in ordered:
        first = result.evidence[0] if result.evidence else None
        yield [
            doc.path,
            result.rule_id,
            view.title(result, lang),
            outcome_label(result, lang),
            _finding(result, lang),
            _evidence(result, lang),
            first.page if first else None,
            first.line if first else None,
            result.source,
        ]


def rule_rows(rules: Iterable[RuleInfo], tally: Tally, lang: Lang) -> Iterable[list[Cell]]:
    for rule in rules:
        yield [rule.id, rule.title(lang), severity_label(rule.severity, lang), rule.source,
               tally.failed[rule.id], tally.passed[rule.id], tally.not_applicable[rule.id]]


def dossier_row(dossier: DossierSummary, lang: Lang) -> list[Cell]:
    return [dossier.id, verdict_label(dossier.verdict, lang), "\n".join(dossier.documents),
            dossier.message or ""]
