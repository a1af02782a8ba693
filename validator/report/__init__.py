"""Reports: running totals (summary) and the output formats (formatters)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from validator.model import DocumentReport, DossierSummary
from validator.report.formatters.base import Formatter
from validator.report.summary import Tally


class Progress(Protocol):
    def update(self, n: float = 1) -> object: ...


def write_report(
    reports: Iterable[DocumentReport],
    formatter: Formatter,
    progress: Progress | None = None,
    keep: Callable[[DocumentReport], bool] | None = None,
    dossiers: Sequence[DossierSummary] = (),
) -> Tally:
    """Feed every report to `formatter` as it comes (only those `keep` accepts, when given:
    `--quiet`); the totals count them all and are returned.

    `dossiers` is filled while `reports` is consumed (validator.dossier) and goes into the
    summary. A run stopped by Ctrl-C or SIGTERM (KeyboardInterrupt from `reports`) still gets
    a well-formed report of what was finished, its summary marked `complete: false`."""
    tally = Tally()
    formatter.start()
    try:
        for report in reports:
            if keep is None or keep(report):
                formatter.document(report)
            tally.add(report)
            if progress is not None:
                progress.update(1)
    except KeyboardInterrupt:
        tally.summary.complete = False
        tally.summary.dossiers = list(dossiers)
        formatter.finish(tally.summary)
        raise
    tally.summary.dossiers = list(dossiers)
    formatter.finish(tally.summary)
    return tally
