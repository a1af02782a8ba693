"""One row per document: path, verdict, doc_type, level, one column per rule id with its status,
and last the error code of an unreadable document. UTF-8 with a byte-order mark so that Excel
shows Vietnamese; cells that Excel would run as formulas are neutralised."""

from __future__ import annotations

import csv

from validator.model import DocumentReport
from validator.report.formatters.base import StreamFormatter

_BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str | None) -> str:
    text = value or ""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class CsvFormatter(StreamFormatter):
    def start(self) -> None:
        self.out.write(_BOM)
        self._writer = csv.writer(self.out)
        self._rule_ids = [rule.id for rule in self.run.rules]
        self._writer.writerow(["path", "verdict", "doc_type", "level", *self._rule_ids, "error"])

    def document(self, doc: DocumentReport) -> None:
        status = {result.rule_id: result.status for result in doc.results}
        self._writer.writerow(
            [
                _cell(doc.path),
                doc.verdict,
                doc.doc_type or "",
                doc.level or "",
                *(status.get(rule_id, "") for rule_id in self._rule_ids),
                doc.error.code if doc.error else "",
            ]
        )
