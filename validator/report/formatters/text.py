"""Plain text for a reviewer at a terminal: per document the verdict first, then each failed
rule with its message, the quoted evidence with page and line, and where the check looked.

Whatever comes from a document or a file name passes through `terminal_safe` before it is
written: control characters are shown, never obeyed. Last come the dossiers, if any."""

from __future__ import annotations

import click

from validator.model import DocumentReport, Evidence, RuleResult, Summary
from validator.report.formatters.base import (
    StreamFormatter,
    error_message,
    result_message,
    terminal_safe,
)
from validator.report.labels import enum_label, label

_VERDICT_COLOURS = {
    "compliant": "green",
    "non_compliant": "red",
    "not_applicable": "blue",
    "error": "magenta",
}
_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
_FAIL_MARK = "✗"


class TextFormatter(StreamFormatter):
    def _style(self, text: str, colour: str, bold: bool = False) -> str:
        return click.style(text, fg=colour, bold=bold) if self.run.color else text

    def _line(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def _safe(self, text: str = "") -> None:
        self._line(terminal_safe(text))

    def document(self, doc: DocumentReport) -> None:
        lang = self.run.lang
        verdict = self._style(label(doc.verdict, lang), _VERDICT_COLOURS[doc.verdict], bold=True)
        self._line(f"{verdict}  {terminal_safe(doc.path)}")
        if doc.error is not None:
            self._safe(f"  [{doc.error.code}] {error_message(doc, lang)}")
        else:
            kind = enum_label("doc_type", doc.doc_type, lang)
            level = enum_label("level", doc.level, lang)
            self._line(f"  {kind} · {level}")
            for result in doc.results:
                if result.status == "fail":
                    self._failed_rule(result)
            self._counts(doc)
        self._line()

    def _failed_rule(self, result: RuleResult) -> None:
        lang = self.run.lang
        colour = _SEVERITY_COLOURS[result.severity]
        rule_id = self._style(f"{_FAIL_MARK} {result.rule_id}", colour, bold=True)
        severity = label(f"severity.{result.severity}", lang)
        title = result.title.vi if lang == "vi" else result.title.en
        self._line(f"  {rule_id} [{severity}] {terminal_safe(title)}")
        self._safe(f"      {result_message(result, lang)}")
        for evidence in result.evidence:
            self._safe(f"      {self._evidence(evidence)}")
        if result.looked_in:
            self._safe("      " + label("looked_in", lang, where=result.looked_in))

    def _evidence(self, evidence: Evidence) -> str:
        lang = self.run.lang
        where = label("page_line", lang, page=evidence.page, line=evidence.line)
        text = f"«{evidence.text}» — {where}"
        if evidence.low_confidence:
            text += " " + label("low_confidence", lang)
        return text

    def _counts(self, doc: DocumentReport) -> None:
        passed = sum(r.status == "pass" for r in doc.results)
        not_applicable = sum(r.status == "not_applicable" for r in doc.results)
        lang = self.run.lang
        self._line(
            "  "
            + label("passed_rules", lang, count=passed)
            + " · "
            + label("na_rules", lang, count=not_applicable)
        )

    def finish(self, summary: Summary) -> None:
        lang = self.run.lang
        for dossier in summary.dossiers:
            verdict = self._style(label(dossier.verdict, lang), _VERDICT_COLOURS[dossier.verdict],
                                  bold=True)
            self._line(f"{label('dossier', lang)} {verdict}  {terminal_safe(dossier.id)}")
            if dossier.message:
                self._safe(f"  {dossier.message}")
        if summary.dossiers:
            self._line()
        counts = summary.model_dump(exclude={"dossiers", "complete"})
        self._line(label("summary", lang, **counts))
        if not summary.complete:
            self._line(label("incomplete", lang))
