"""A finished job's reports in any format of the report registry, and its draft reply letters,
through the command line's code.

The formatter streams into a spooled temporary file (memory up to a few megabytes, then disk),
which the response then streams out.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO

from validator.config import ReplySettings
from validator.model import DocumentReport, DossierSummary
from validator.report import write_report
from validator.report.formatters import FORMATTERS
from validator.report.formatters.base import RunInfo
from validator.report.reply import write_letters_zip

_SPOOL_BYTES = 8 * 1024 * 1024
_CHUNK = 256 * 1024

# What a browser is told about each format; a format missing here is not offered.
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
LETTERS_MEDIA_TYPE = "application/zip"


def download_formats() -> list[str]:
    """The formats offered for download: those the report registry has, in a fixed order."""
    return [name for name in MEDIA_TYPES if name in FORMATTERS]


def render(name: str, reports: Iterable[DocumentReport], run: RunInfo,
           dossiers: Sequence[DossierSummary] = ()) -> IO[bytes]:
    """The report in format `name`, rewound, for the caller to stream and close; `dossiers`
    fills while `reports` is consumed (Service.results), as on the command line."""
    factory = FORMATTERS[name]

    def write(spool: IO[bytes]) -> None:
        if factory.binary:
            write_report(reports, factory(spool, run), dossiers=dossiers)
            return
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        write_report(reports, factory(text, run), dossiers=dossiers)
        text.flush()
        text.detach()

    return _spooled(write)


def render_letters(reports: Iterable[DocumentReport], office: ReplySettings,
                   today: dt.date | None) -> IO[bytes]:
    """The draft reply letters (DOCX) of the non-compliant documents, in one ZIP."""
    return _spooled(lambda spool: write_letters_zip(reports, office, spool, today))


def _spooled(write: Callable[[IO[bytes]], object]) -> IO[bytes]:
    spool = tempfile.SpooledTemporaryFile(_SPOOL_BYTES)  # noqa: SIM115 - the caller closes it
    try:
        write(spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream's bytes in pieces; closes it at the end."""
    with stream:
        while block := stream.read(_CHUNK):
            yield block
