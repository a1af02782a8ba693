"""Every output format, by the name `--format` takes. One module per format."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from pathlib import PurePath

from validator.report.formatters.base import FormatterFactory

# name -> (module of validator.report.formatters, class). A module is imported when its
# format is used: XLSX needs openpyxl and HTML Jinja2, which a text report should not load.
_HOMES: dict[str, tuple[str, str]] = {
    "text": ("text", "TextFormatter"),
    "line": ("line", "LineFormatter"),
    "json": ("json", "JsonFormatter"),
    "jsonl": ("jsonl", "JsonLinesFormatter"),
    "csv": ("csv", "CsvFormatter"),
    "xlsx": ("xlsx", "XlsxFormatter"),
    "sarif": ("sarif", "SarifFormatter"),
    "junit": ("junit", "JunitFormatter"),
    "html": ("html", "HtmlFormatter"),
}


class _Formatters(Mapping[str, FormatterFactory]):
    """The formats by name, each imported on first use."""

    def __getitem__(self, name: str) -> FormatterFactory:
        module, attribute = _HOMES[name]
        factory: FormatterFactory = getattr(import_module(f"{__name__}.{module}"), attribute)
        return factory

    def __iter__(self) -> Iterator[str]:
        return iter(_HOMES)

    def __len__(self) -> int:
        return len(_HOMES)


FORMATTERS: Mapping[str, FormatterFactory] = _Formatters()

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
