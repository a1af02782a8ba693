"""JSON Lines: one `DocumentReport` per line, flushed as soon as it is its turn (path order).

No summary line, so every line has the same shape; a consumer sums verdicts itself.
"""

from __future__ import annotations

from validator.model import DocumentReport
from validator.report.formatters.base import StreamFormatter


class JsonLinesFormatter(StreamFormatter):
    def document(self, doc: DocumentReport) -> None:
        self.out.write(doc.model_dump_json() + "\n")
        self.out.flush()
