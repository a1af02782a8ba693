"""Every output format, by the name `--format` takes. One module per format."""

from __future__ import annotations

from pathlib import PurePath

from validator.report.formatters.base import FormatterFactory
from validator.report.formatters.csv import CsvFormatter
from validator.report.formatters.html import HtmlFormatter
from validator.report.formatters.json import JsonFormatter
from validator.report.formatters.jsonl import JsonLinesFormatter
from validator.report.formatters.junit import JunitFormatter
from validator.report.formatters.line import LineFormatter
from validator.report.formatters.sarif import SarifFormatter
from validator.report.formatters.text import TextFormatter
from validator.report.formatters.xlsx import XlsxFormatter

FORMATTERS: dict[str, FormatterFactory] = {
    "text": TextFormatter,
    "line": LineFormatter,
    "json": JsonFormatter,
    "jsonl": JsonLinesFormatter,
    "csv": CsvFormatter,
    "xlsx": XlsxFormatter,
    "sarif": SarifFormatter,
    "junit": JunitFormatter,
    "html": HtmlFormatter,
}

# The format an output file's extension asks for when --format is not given.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".sarif": "sarif",
    ".xml": "junit",
    ".html": "html",
    ".htm": "html",
}


def format_for_path(path: str | None) -> str | None:
    """The format named by `path`'s extension (`report.html` -> html), or None."""
    if path is None:
        return None
    return EXTENSIONS.get(PurePath(path).suffix.lower())
