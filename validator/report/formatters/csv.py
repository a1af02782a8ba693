"""One row per document, with the columns of the workbook's summary sheet (file, issuing body,
level, number, date, type, verdict, defects in words...) in the run's language, then one
column per rule id with that rule's result. UTF-8 with a byte-order mark so that Excel shows
Vietnamese; cells that Excel would run as formulas are neutralised."""

from __future__ import annotations

import csv
import datetime as dt

from validator.model import DocumentReport
from validator.report import tables
from validator.report.formatters.base import StreamFormatter
from validator.report.labels import outcome_label

_BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: tables.Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class CsvFormatter(StreamFormatter):
    def start(self) -> None:
        self.out.write(_BOM)
        self._writer = csv.writer(self.out)
        self._rule_ids = [rule.id for rule in self.run.rules]
        self._writer.writerow([*tables.headers(tables.SUMMARY, self.run.lang), *self._rule_ids])

    def document(self, doc: DocumentReport) -> None:
        lang = self.run.lang
        results = {result.rule_id: result for result in doc.results}
        outcomes = [outcome_label(results[rule_id], lang) if rule_id in results else ""
                    for rule_id in self._rule_ids]
        self._writer.writerow([_cell(v) for v in tables.summary_row(doc, lang)] + outcomes)
