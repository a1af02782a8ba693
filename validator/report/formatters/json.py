"""The JSON of SPEC section 8: a `Report`, written piece by piece so memory stays flat.

The bytes parse to exactly what `Report.model_dump_json` would give for the same documents.
"""

from __future__ import annotations

import json

from validator.model import DocumentReport, Summary
from validator.report.formatters.base import StreamFormatter

_INDENT = "  "


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _nested(text: str, depth: int) -> str:
    return text.replace("\n", "\n" + _INDENT * depth)


class JsonFormatter(StreamFormatter):
    _first = True

    def start(self) -> None:
        tool = _nested(_dump(self.run.tool.model_dump(mode="json")), 1)
        self.out.write(f'{{\n  "schema_version": "1",\n  "tool": {tool},\n  "documents": [')

    def document(self, doc: DocumentReport) -> None:
        separator = "\n" if self._first else ",\n"
        self._first = False
        self.out.write(separator + _INDENT * 2 + _nested(_dump(doc.model_dump(mode="json")), 2))

    def finish(self, summary: Summary) -> None:
        closing = "]" if self._first else f"\n{_INDENT}]"
        body = _nested(_dump(summary.model_dump(mode="json")), 1)
        self.out.write(f'{closing},\n  "summary": {body}\n}}\n')

