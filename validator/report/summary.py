"""Running totals of a batch, the exit status they lead to (SPEC section 7), and the totals and
per-rule statistics in words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Literal, Protocol

from validator.i18n import Lang, ngettext_for
from validator.model import DocumentReport, Severity, Summary
from validator.report.labels import SEVERITY_ORDER, severity_label

FailOn = Literal["error", "warning", "never"]

EXIT_OK = 0
EXIT_NON_COMPLIANT = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3


class Tally:
    """Counts documents by verdict, and each rule's outcomes, as they stream past; keeps
    nothing else of them."""

    def __init__(self) -> None:
        self.summary = Summary()
        self.failed_warnings = 0
        self.failed: Counter[str] = Counter()  # rule id -> documents failing it
        self.passed: Counter[str] = Counter()
        self.not_applicable: Counter[str] = Counter()

    def add(self, doc: DocumentReport) -> None:
        self.summary.documents += 1
        setattr(self.summary, doc.verdict, getattr(self.summary, doc.verdict) + 1)
        if any(r.status == "fail" and r.severity == "warning" for r in doc.results):
            self.failed_warnings += 1
        for result in doc.results:
            counter = {"fail": self.failed, "pass": self.passed}.get(
                result.status, self.not_applicable
            )
            counter[result.rule_id] += 1

    def exit_status(self, fail_on: FailOn) -> int:
        """3 if any document was unreadable, else 1 if the run fails under `fail_on`, else 0."""
        if self.summary.error:
            return EXIT_UNREADABLE
        if fail_on == "never":
            return EXIT_OK
        if self.summary.non_compliant:
            return EXIT_NON_COMPLIANT
        if fail_on == "warning" and self.failed_warnings:
            return EXIT_NON_COMPLIANT
        return EXIT_OK


def totals_text(summary: Summary, lang: Lang) -> str:
    """"61 documents: 31 compliant, 20 non-compliant, 6 not applicable, 4 unreadable."."""
    ngettext = ngettext_for(lang)
    return ngettext(
        "{documents} document: {compliant} compliant, {non_compliant} non-compliant, "
        "{not_applicable} not applicable, {error} unreadable.",
        "{documents} documents: {compliant} compliant, {non_compliant} non-compliant, "
        "{not_applicable} not applicable, {error} unreadable.",
        summary.documents,
    ).format(**summary.model_dump(exclude={"dossiers"}))


class _RuleLike(Protocol):
    id: str
    severity: Severity

    def title(self, lang: Lang) -> str: ...


def statistics_text(tally: Tally, rules: Iterable[_RuleLike], lang: Lang) -> str:
    """Per rule that failed anywhere: how many documents, errors first (`--statistics`)."""
    ngettext = ngettext_for(lang)
    failing = [rule for rule in rules if tally.failed[rule.id]]
    failing.sort(key=lambda rule: (SEVERITY_ORDER[rule.severity], -tally.failed[rule.id]))
    width = max((len(severity_label(r.severity, lang)) for r in failing), default=0)
    lines = []
    for rule in failing:
        count = tally.failed[rule.id]
        documents = ngettext("{count} document", "{count} documents", count).format(count=count)
        severity = severity_label(rule.severity, lang)
        lines.append(f"{rule.id:<12} {severity:<{width}}  {documents:>14}  {rule.title(lang)}")
    return "\n".join(lines)
