"""Plain text for a reviewer at a terminal: per document the verdict first, what the document
is, then the defects to fix, the points to check and the notes, each with its message, the
failed parts, the quoted evidence with page and line, and where the check looked; last the
dossiers, if any.

Whatever comes from a document or a file name passes through `terminal_safe` before it is
written: control characters are shown, never obeyed."""

from __future__ import annotations

import click

from validator.i18n import gettext_for
from validator.model import DocumentReport, RuleResult, Severity, Summary
from validator.report import view
from validator.report.formatters.base import StreamFormatter, terminal_safe
from validator.report.labels import (
    doc_type_label,
    level_label,
    severity_label,
    verdict_label,
)
from validator.report.summary import totals_text

_VERDICT_COLOURS = {
    "compliant": "green",
    "non_compliant": "red",
    "not_applicable": "blue",
    "error": "magenta",
}
_SEVERITY_COLOURS: dict[Severity, str] = {"error": "red", "warning": "yellow", "info": "cyan"}
# A cross only for what must be fixed: a point to check is flagged, a note is a note.
MARKS: dict[Severity, str] = {"error": "✗", "warning": "!", "info": "·"}


class TextFormatter(StreamFormatter):
    def _style(self, text: str, colour: str, bold: bool = False) -> str:
        return click.style(text, fg=colour, bold=bold) if self.run.color else text

    def _line(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def _safe(self, text: str = "") -> None:
        self._line(terminal_safe(text))

    def document(self, doc: DocumentReport) -> None:
        lang = self.run.lang
        verdict = verdict_label(doc.verdict, lang).upper()
        styled = self._style(verdict, _VERDICT_COLOURS[doc.verdict], bold=True)
        self._line(f"{styled}  {terminal_safe(doc.path)}")
        if doc.error is not None:
            self._safe(f"  [{doc.error.code}] {view.error_message(doc, lang)}")
            self._line()
            return
        self._safe("  " + " · ".join(self._identity(doc)))
        for note in view.reading_notes(doc, lang):
            self._safe(f"  ({note})")
        failed = view.failures(doc)
        for severity in ("error", "warning", "info"):
            group = [r for r in failed if r.severity == severity]
            if group:
                self._line(f"  {severity_label(severity, lang)} ({len(group)}):")
                for result in group:
                    self._failed_rule(result)
        self._counts(doc)
        self._line()

    def _identity(self, doc: DocumentReport) -> list[str]:
        lang = self.run.lang
        _ = gettext_for(lang)
        parts = [doc_type_label(doc.doc_type, lang), level_label(doc.level, lang)]
        if issuer := view.issuer(doc):
            parts.append(issuer)
        if number := view.number(doc):
            parts.append(_("No. {number}").format(number=number))
        if issued := view.issued(doc):
            parts.append(issued)
        return parts

    def _failed_rule(self, result: RuleResult) -> None:
        lang = self.run.lang
        colour = _SEVERITY_COLOURS[result.severity]
        mark = self._style(f"{MARKS[result.severity]} {result.rule_id}", colour, bold=True)
        self._line(f"  {mark} {terminal_safe(view.title(result, lang))}")
        parts = view.explanation(result, lang)
        for part in parts:
            self._safe(f"      - {part}" if len(parts) > 1 else f"      {part}")
        for evidence in result.evidence:
            self._safe(f"      {view.evidence_text(evidence, lang)}")
        if more := view.more_evidence(result, lang):
            self._line(f"      {more}")
        if looked := view.looked_in(result, lang):
            self._safe(f"      {looked}")

    def _counts(self, doc: DocumentReport) -> None:
        lang = self.run.lang
        passed = view.rules_passed(len(view.with_status(doc, "pass")), lang)
        skipped = view.rules_not_applicable(len(view.with_status(doc, "not_applicable")), lang)
        self._line(f"  {passed} · {skipped}")

    def finish(self, summary: Summary) -> None:
        lang = self.run.lang
        _ = gettext_for(lang)
        for dossier in summary.dossiers:
            verdict = verdict_label(dossier.verdict, lang).upper()
            styled = self._style(verdict, _VERDICT_COLOURS[dossier.verdict], bold=True)
            self._line(f"{_('Dossier')} {styled}  {terminal_safe(dossier.id)}")
            if dossier.message:
                self._safe(f"  {dossier.message}")
        if summary.dossiers:
            self._line()
        self._line(totals_text(summary, lang))
        if not summary.complete:
            self._line(_("The run was stopped: the results above are incomplete."))
