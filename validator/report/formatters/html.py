"""One self-contained HTML page for reviewers, from the Jinja2 template `report.html.j2`.

First the run (when, tool and rule-pack versions), the totals and a summary table - issuing
body, number, date, level, verdict and the defects to fix - with non-compliant documents first;
then per document its defects to fix, points to check and notes, each with its message, failed
parts and quoted evidence, the passed and not-applicable rules folded under <details>. No
script, no network: the style is inline and a Content-Security-Policy forbids everything else.
The template autoescapes every piece of document text, so a submission cannot inject markup.

Document sections are spooled to temporary files, one per verdict, while the run streams, so
the summary table comes first and sections follow in the same order without holding the
reports in memory.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from typing import IO, Any

from validator.model import DocumentReport, Summary
from validator.report import view
from validator.report.formatters.base import StreamFormatter
from validator.report.labels import VERDICT_ORDER
from validator.report.templating import template_module

_SPOOL_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    """One line of the summary table."""

    anchor: str
    path: str
    verdict: str
    issuer: str
    number: str
    issued: str
    level: str | None
    defects: tuple[tuple[str, str, str], ...]  # (severity, rule id, title)
    error: str  # why an unreadable document could not be read
    dossier: str | None


class HtmlFormatter(StreamFormatter):
    def start(self) -> None:
        self._page: Any = template_module("report.html.j2", self.run.lang, run=self.run)
        self._rows: list[Row] = []
        self._spools: dict[str, IO[str]] = {}

    def document(self, doc: DocumentReport) -> None:
        lang = self.run.lang
        anchor = f"doc-{len(self._rows) + 1}"
        self._rows.append(Row(
            anchor=anchor, path=doc.path, verdict=doc.verdict, issuer=view.issuer(doc),
            number=view.number(doc), issued=view.issued(doc), level=doc.level,
            defects=tuple((r.severity, r.rule_id, view.title(r, lang)) for r in view.defects(doc)),
            error=view.error_message(doc, lang), dossier=doc.dossier,
        ))
        self._spool(doc.verdict).write(str(self._page.document(doc, anchor)))

    def _spool(self, verdict: str) -> IO[str]:
        if verdict not in self._spools:
            self._spools[verdict] = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed in finish
                _SPOOL_BYTES, mode="w+", encoding="utf-8"
            )
        return self._spools[verdict]

    def finish(self, summary: Summary) -> None:
        rank = {verdict: index for index, verdict in enumerate(VERDICT_ORDER)}
        rows = sorted(self._rows, key=lambda row: rank.get(row.verdict, len(rank)))
        self.out.write(str(self._page.head(summary, rows)))
        for verdict in sorted(self._spools, key=lambda v: rank.get(v, len(rank))):
            spool = self._spools[verdict]
            spool.seek(0)
            shutil.copyfileobj(spool, self.out)
            spool.close()
        self.out.write(str(self._page.tail()))
