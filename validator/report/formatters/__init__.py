"""Every output format, by the name `--format` takes. One module per format."""

from __future__ import annotations

from validator.report.formatters.base import FormatterFactory
from validator.report.formatters.csv import CsvFormatter
from validator.report.formatters.html import HtmlFormatter
from validator.report.formatters.json import JsonFormatter
from validator.report.formatters.jsonl import JsonLinesFormatter
from validator.report.formatters.junit import JunitFormatter
from validator.report.formatters.sarif import SarifFormatter
from validator.report.formatters.text import TextFormatter

FORMATTERS: dict[str, FormatterFactory] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "jsonl": JsonLinesFormatter,
    "csv": CsvFormatter,
    "sarif": SarifFormatter,
    "junit": JunitFormatter,
    "html": HtmlFormatter,
}
