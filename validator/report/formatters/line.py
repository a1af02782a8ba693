"""One line per finding, as compilers and linters print them, for grep and editors:

    path:page:line: RULE [to fix] message; failed part; failed part.

Errors first, then points to check, then notes. The place is the first quoted evidence; a
finding about something missing points at page 1, line 1 (as SARIF does). An unreadable
document gives one `READ-ERROR` line.
"""

from __future__ import annotations

from validator.model import DocumentReport
from validator.report import view
from validator.report.formatters.base import StreamFormatter
from validator.report.labels import severity_label

READ_ERROR_ID = "READ-ERROR"


def _one_line(text: str) -> str:
    return " ".join(text.split())


class LineFormatter(StreamFormatter):
    def document(self, doc: DocumentReport) -> None:
        lang = self.run.lang
        if doc.error is not None:
            label = severity_label("error", lang).lower()
            message = _one_line(view.error_message(doc, lang))
            self.out.write(f"{doc.path}:1:1: {READ_ERROR_ID} [{label}] {message}\n")
            return
        for result in view.failures(doc):
            first = result.evidence[0] if result.evidence else None
            page, line = (first.page, first.line) if first else (1, 1)
            label = severity_label(result.severity, lang).lower()
            message = _one_line(view.findings_text(result, lang))
            self.out.write(f"{doc.path}:{page}:{line}: {result.rule_id} [{label}] {message}\n")
