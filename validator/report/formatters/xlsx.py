"""An Excel workbook for the reviewer's records, streamed with openpyxl's write-only mode so a
batch of ten thousand documents never sits in memory:

- "Tổng hợp" (Summary): one row per document - file, issuing body, level, number, date, type,
  verdict, how many defects to fix and to check, the defects in words, notes;
- "Chi tiết" (Details): one row per document and rule - result, finding, evidence, page, line;
- "Quy tắc" (Rules): per rule, how many documents fail, pass, or are not concerned;
- "Hồ sơ" (Dossiers), when the run judged dossiers.

Headers are bold, frozen and filtered, columns sized, long text wrapped. Text that Excel would
run as a formula (`=`, `+`, `-`, `@` first) is stored as text and marked so, never as a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from validator.i18n import N_, gettext_for
from validator.model import DocumentReport, Summary
from validator.report import tables
from validator.report.formatters.base import StreamFormatter
from validator.report.summary import Tally

SHEETS = {
    "summary": N_("Summary"),
    "details": N_("Details"),
    "rules": N_("Rules"),
    "dossiers": N_("Dossiers"),
}
MAX_CELL = 32_767  # Excel's limit on the characters of one cell
_FORMULA_STARTS = ("=", "+", "-", "@")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_DATE_FORMAT = "DD/MM/YYYY"


class _Sheet:
    """A write-only sheet with its columns: header row, widths, filter, frozen header."""

    def __init__(self, book: Workbook, title: str, columns: Sequence[tables.Column],
                 lang: str) -> None:
        self.sheet: WriteOnlyWorksheet = book.create_sheet(title)
        self.columns = columns
        self.rows = 0
        for index, column in enumerate(columns, 1):
            self.sheet.column_dimensions[get_column_letter(index)].width = column.width
        self.sheet.freeze_panes = "A2"
        header = []
        for text in tables.headers(columns, lang):  # type: ignore[arg-type]
            cell = WriteOnlyCell(self.sheet, value=text)
            cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
            header.append(cell)
        self.sheet.append(header)

    def append(self, values: Sequence[tables.Cell]) -> None:
        self.sheet.append([self._cell(value, column)
                           for value, column in zip(values, self.columns, strict=True)])
        self.rows += 1

    def _cell(self, value: tables.Cell, column: tables.Column) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, int):
            return value
        cell = WriteOnlyCell(self.sheet)
        if isinstance(value, dt.date):
            cell.value, cell.number_format = value, _DATE_FORMAT
            cell.alignment = _TOP
            return cell
        text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        if len(text) > MAX_CELL:
            text = text[: MAX_CELL - 1] + "…"
        cell.value = text
        if text.startswith(_FORMULA_STARTS):
            cell.data_type = "s"  # text, not a formula
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        cell.alignment = _WRAP if column.wrap else _TOP
        return cell

    def close(self) -> None:
        last = get_column_letter(len(self.columns))
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"


class XlsxFormatter(StreamFormatter):
    binary = True

    def start(self) -> None:
        lang = self.run.lang
        _ = gettext_for(lang)
        self._book = Workbook(write_only=True)
        self._summary = _Sheet(self._book, _(SHEETS["summary"]), tables.SUMMARY, lang)
        self._details = _Sheet(self._book, _(SHEETS["details"]), tables.DETAILS, lang)
        self._tally = Tally()

    def document(self, doc: DocumentReport) -> None:
        lang = self.run.lang
        self._summary.append(tables.summary_row(doc, lang))
        for row in tables.detail_rows(doc, lang):
            self._details.append(row)
        self._tally.add(doc)

    def finish(self, summary: Summary) -> None:
        lang = self.run.lang
        _ = gettext_for(lang)
        rules = _Sheet(self._book, _(SHEETS["rules"]), tables.RULES, lang)
        for row in tables.rule_rows(self.run.rules, self._tally, lang):
            rules.append(row)
        sheets = [self._summary, self._details, rules]
        if summary.dossiers:
            dossiers = _Sheet(self._book, _(SHEETS["dossiers"]), tables.DOSSIERS, lang)
            for dossier in summary.dossiers:
                dossiers.append(tables.dossier_row(dossier, lang))
            sheets.append(dossiers)
        for sheet in sheets:
            sheet.close()
        self._book.save(self.out)
