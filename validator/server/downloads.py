"""A finished job's reports in any format of the report registry, the command line's code.

The formatter streams into a spooled temporary file (memory up to a few megabytes, then disk),
which the response then streams out.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from validator.model import DocumentReport
from validator.report import write_report
from validator.report.formatters import FORMATTERS
from validator.report.formatters.base import RunInfo

_SPOOL_BYTES = 8 * 1024 * 1024
_CHUNK = 256 * 1024

# What a browser is told about each format; a format missing here is not offered.
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def download_formats() -> list[str]:
    """The formats offered for download: those the report registry has, in a fixed order."""
    return [name for name in MEDIA_TYPES if name in FORMATTERS]


def render(name: str, reports: Iterable[DocumentReport], run: RunInfo) -> IO[bytes]:
    """The report in format `name`, rewound, for the caller to stream and close."""
    factory = FORMATTERS[name]
    spool = tempfile.SpooledTemporaryFile(_SPOOL_BYTES)  # noqa: SIM115 - the caller closes it
    try:
        if getattr(factory, "binary", False):
            write_report(reports, factory(spool, run))
        else:
            text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
            write_report(reports, factory(text, run))
            text.flush()
            text.detach()
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
