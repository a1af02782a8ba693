"""The limits that keep one document from taking a batch's time and memory.

One `Limits` value travels with a run (settings `[limits]` in validator.toml, `--max-size` on the
command line) to every reader. A reader that meets a limit either reads within it and says so in
a `truncated` or `page_downscaled` reading note, or gives up with `ReadFailure("too_large",
limit_detail(...))`, so the entry names the limit. A file that is merely large is never
`corrupt`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

_MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * _MIB  # one file, or one member of an archive
    max_pages: int = 500  # pages of a PDF or frames of a TIFF that are read
    max_paragraphs: int = 50_000  # paragraphs (and table rows) of a Word document
    max_chars: int = 2_000_000  # characters handed to the later steps (~1,000 pages of text)
    max_pixels: int = 20_000_000  # pixels a scanned page or image is read at (scaled down beyond)
    archive_members: int = 500  # documents in one archive, nested archives included
    archive_bytes: int = 500 * _MIB  # inflated bytes of one archive, nested archives included
    archive_ratio: int = 200  # inflated / compressed size of one member (past 1 MiB)
    archive_depth: int = 3  # archives inside archives
    memory_mb: int = 1024  # resident memory of one worker with its helper processes

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(field.name for field in fields(cls))


DEFAULT_LIMITS = Limits()


def limit_detail(name: str, value: int | float, limit: int | float) -> str:
    """'max_pages: 2000 > 500': the detail of a `too_large` entry names the setting to raise."""
    return f"{name}: {value} > {limit}"


def size_detail(size: int, limit: int) -> str:
    """'max_size: 60.2 MB > 50 MB': the file size limit is set in MB (`max_size`, --max-size)."""
    return f"max_size: {size / _MIB:.1f} MB > {limit / _MIB:.0f} MB"


def memory_detail(limit_mb: int) -> str:
    return f"memory_mb: > {limit_mb} MB"
