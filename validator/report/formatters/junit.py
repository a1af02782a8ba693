"""JUnit XML for CI dashboards: one testsuite per document, one testcase per document × rule.

A failed error-severity rule is a <failure>; a failed warning or info rule passes with its
message in <system-out> (SPEC: they do not make a document non-compliant; `--fail-on warning`
decides the exit status, not the report); a rule that does not apply is <skipped>; every rule
of an unreadable document is an <error> carrying the error code and message.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from validator.model import DocumentReport, RuleResult, Summary
from validator.report import view
from validator.report.formatters.base import (
    StreamFormatter,
    error_message,
    result_message,
    xml_safe,
)


def _attr(value: object) -> str:
    return quoteattr(xml_safe(str(value)))


def _text(value: str) -> str:
    return escape(xml_safe(value))


class JunitFormatter(StreamFormatter):
    def start(self) -> None:
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(f"<testsuites name={_attr(self.run.tool.name)}>\n")

    def document(self, doc: DocumentReport) -> None:
        cases = self._error_cases(doc) if doc.error else [self._case(doc, r) for r in doc.results]
        failures = sum(r.status == "fail" and r.severity == "error" for r in doc.results)
        skipped = sum(r.status == "not_applicable" for r in doc.results)
        errors = len(cases) if doc.error else 0
        self.out.write(
            f"  <testsuite name={_attr(doc.path)} tests=\"{len(cases)}\" failures=\"{failures}\""
            f' errors="{errors}" skipped="{skipped}">\n'
            "    <properties>\n"
            f'      <property name="verdict" value={_attr(doc.verdict)}/>\n'
            f'      <property name="doc_type" value={_attr(doc.doc_type or "")}/>\n'
            f'      <property name="level" value={_attr(doc.level or "")}/>\n'
            "    </properties>\n"
        )
        self.out.writelines(cases)
        self.out.write("  </testsuite>\n")

    def _open(self, doc: DocumentReport, rule_id: str, title: str) -> str:
        return f"    <testcase classname={_attr(doc.path)} name={_attr(f'{rule_id} {title}')}>"

    def _case(self, doc: DocumentReport, result: RuleResult) -> str:
        lang = self.run.lang
        title = result.title.vi if lang == "vi" else result.title.en
        head = self._open(doc, result.rule_id, title)
        message = result_message(result, lang)
        if result.status == "not_applicable":
            return f"{head}<skipped message={_attr(message)}/></testcase>\n"
        if result.status == "pass":
            return f"{head}</testcase>\n"
        lines = [*view.problems(result, lang)]
        lines += [f"{e.text} ({view.where(e, lang)})" for e in result.evidence]
        if more := view.more_evidence(result, lang):
            lines.append(more)
        if looked := view.looked_in(result, lang):
            lines.append(looked)
        details = "\n".join(lines)
        if result.severity != "error":
            note = _text(f"{message}\n{details}")
            return f"{head}<system-out>{note}</system-out></testcase>\n"
        return (
            f"{head}<failure message={_attr(message)} type={_attr(result.severity)}>"
            f"{_text(details)}</failure></testcase>\n"
        )

    def _error_cases(self, doc: DocumentReport) -> list[str]:
        assert doc.error is not None
        message = error_message(doc, self.run.lang)
        tag = f"<error message={_attr(message)} type={_attr(doc.error.code)}/>"
        rules = [(r.id, r.title(self.run.lang)) for r in self.run.rules] or [("READ-ERROR", "")]
        return [f"{self._open(doc, rule_id, title)}{tag}</testcase>\n" for rule_id, title in rules]

    def finish(self, summary: Summary) -> None:
        self.out.write("</testsuites>\n")
