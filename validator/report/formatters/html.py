"""One self-contained HTML page: a summary table, then per document every rule with its status,
message and highlighted evidence. No script, no network: styles are inline and a
Content-Security-Policy forbids everything else. Every piece of document text is escaped, so a
submission cannot inject markup.

Document sections are spooled to a temporary file while the run streams, so the summary table
can come first without holding the reports in memory.
"""

from __future__ import annotations

import html
import shutil
import tempfile
from dataclasses import dataclass

from validator.model import DocumentReport, Evidence, RuleResult, Summary
from validator.report.formatters.base import (
    StreamFormatter,
    error_message,
    result_message,
    xml_safe,
)
from validator.report.labels import enum_label, label

_CSS = """
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:2rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
.v-compliant{color:#176b2c}.v-non_compliant{color:#b00020}
.v-not_applicable{color:#2b4c9a}.v-error{color:#7a1f7a}
tr.fail td{background:#fff3f3}tr.not_applicable td{color:#777}
mark{background:#ffe58a;padding:0 .1rem}
blockquote{margin:.2rem 0;padding-left:.5rem;border-left:3px solid #e0c040}
cite{color:#555;font-size:.85em;margin-left:.4rem}
.looked{color:#555;font-size:.9em}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_SPOOL_BYTES = 4 * 1024 * 1024


def esc(text: object) -> str:
    return html.escape(xml_safe(str(text)), quote=True)


@dataclass(frozen=True)
class _Row:
    anchor: str
    path: str
    verdict: str
    doc_type: str | None
    level: str | None
    failed: tuple[str, ...]


class HtmlFormatter(StreamFormatter):
    def start(self) -> None:
        self._rows: list[_Row] = []
        self._sections = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed in finish
            _SPOOL_BYTES, mode="w+", encoding="utf-8"
        )

    def document(self, doc: DocumentReport) -> None:
        anchor = f"doc-{len(self._rows) + 1}"
        failed = tuple(r.rule_id for r in doc.results if r.status == "fail")
        self._rows.append(_Row(anchor, doc.path, doc.verdict, doc.doc_type, doc.level, failed))
        self._sections.write(self._section(anchor, doc))

    def _verdict(self, verdict: str) -> str:
        return f'<strong class="v-{esc(verdict)}">{esc(label(verdict, self.run.lang))}</strong>'

    def _section(self, anchor: str, doc: DocumentReport) -> str:
        lang = self.run.lang
        parts = [
            f'<section id="{anchor}"><h2>{self._verdict(doc.verdict)} {esc(doc.path)}</h2>',
            f"<p>{esc(enum_label('doc_type', doc.doc_type, lang))} · "
            f"{esc(enum_label('level', doc.level, lang))}</p>",
        ]
        if doc.error is not None:
            parts.append(
                f'<p class="error">[{esc(doc.error.code)}] {esc(error_message(doc, lang))}</p>'
            )
        else:
            parts.append(self._results_table(doc.results))
        parts.append("</section>\n")
        return "".join(parts)

    def _results_table(self, results: list[RuleResult]) -> str:
        lang = self.run.lang
        head = "".join(
            f"<th>{esc(label(key, lang))}</th>"
            for key in ("col.rule", "col.status", "col.severity", "col.message", "col.evidence")
        )
        rows = "".join(self._result_row(result) for result in results)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

    def _result_row(self, result: RuleResult) -> str:
        lang = self.run.lang
        title = result.title.vi if lang == "vi" else result.title.en
        evidence = "".join(self._evidence(e) for e in result.evidence) or esc(
            label("no_evidence", lang)
        )
        if result.looked_in:
            looked = label("looked_in", lang, where=result.looked_in)
            evidence += f'<div class="looked">{esc(looked)}</div>'
        return (
            f'<tr class="{esc(result.status)}">'
            f"<td><b>{esc(result.rule_id)}</b><br>{esc(title)}</td>"
            f"<td>{esc(label('status.' + result.status, lang))}</td>"
            f"<td>{esc(label('severity.' + result.severity, lang))}</td>"
            f"<td>{esc(result_message(result, lang))}</td><td>{evidence}</td></tr>"
        )

    def _evidence(self, evidence: Evidence) -> str:
        where = label("page_line", self.run.lang, page=evidence.page, line=evidence.line)
        quote = f"<mark>{esc(evidence.text)}</mark><cite>{esc(where)}</cite>"
        return f"<blockquote>{quote}</blockquote>"

    def _summary_table(self) -> str:
        lang = self.run.lang
        head = "".join(
            f"<th>{esc(label(key, lang))}</th>"
            for key in ("col.document", "col.verdict", "col.doc_type", "col.level", "col.failed")
        )
        rows = "".join(
            f'<tr><td><a href="#{row.anchor}">{esc(row.path)}</a></td>'
            f"<td>{self._verdict(row.verdict)}</td>"
            f"<td>{esc(enum_label('doc_type', row.doc_type, lang))}</td>"
            f"<td>{esc(enum_label('level', row.level, lang))}</td>"
            f"<td>{esc(', '.join(row.failed))}</td></tr>"
            for row in self._rows
        )
        return f'<table id="summary"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'

    def finish(self, summary: Summary) -> None:
        lang = self.run.lang
        title = esc(label("report_title", lang))
        tool = self.run.tool
        self.out.write(
            f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title><style>{_CSS}</style></head><body>\n"
            f"<h1>{title}</h1>\n"
            f'<p id="totals">{esc(label("summary", lang, **summary.model_dump()))}</p>\n'
            f"{self._summary_table()}\n"
        )
        self._sections.seek(0)
        shutil.copyfileobj(self._sections, self.out)
        self._sections.close()
        generated = label("generated_by", lang, tool=tool.name, version=tool.version)
        self.out.write(f"<footer><p>{esc(generated)}</p></footer>\n</body></html>\n")
