"""Reports: running totals (summary) and the output formats (formatters)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from validator.model import DocumentReport
from validator.report.formatters.base import Formatter
from validator.report.summary import Tally


class Progress(Protocol):
    def update(self, n: float = 1) -> object: ...


def write_report(
    reports: Iterable[DocumentReport],
    formatter: Formatter,
    progress: Progress | None = None,
    keep: Callable[[DocumentReport], bool] | None = None,
) -> Tally:
    """Feed every report to `formatter` as it comes (only those `keep` accepts, when given:
    `--quiet`); the totals count them all and are returned."""
    tally = Tally()
    formatter.start()
    for report in reports:
        if keep is None or keep(report):
            formatter.document(report)
        tally.add(report)
        if progress is not None:
            progress.update(1)
    formatter.finish(tally.summary)
    return tally
