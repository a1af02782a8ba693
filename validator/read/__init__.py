"""Read step: bytes -> pages of decoded text lines with positions.

The format comes from the content (magic bytes), never from the file name. The readers get
the run's limits they take (`Limits`, or its `max_pages`); whatever a reader returns is also
held to the page and character limits here, and cleared of lone surrogates, so no later step
or output format meets text that cannot be written as UTF-8.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from validator.model import ReadFailure, ReadingNote, ReadResult, SourceLine, SourcePage
from validator.read.limits import DEFAULT_LIMITS, Limits, size_detail
from validator.read.sniff import sniff

if TYPE_CHECKING:
    from validator.read.pdf import OcrMode

DEFAULT_MAX_BYTES = DEFAULT_LIMITS.max_bytes
_CHUNK = 1 << 20


def read_path(path: str | Path, ocr: OcrMode = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
              limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read a file; raises ReadFailure with an error code for anything unreadable."""
    return read_bytes(read_file(path, max_bytes), ocr=ocr, limits=limits)


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most `max_bytes` of them.

    Opened without blocking and checked to be a regular file before anything is read, so a
    FIFO, a socket or a device named in place of a document fails at once instead of
    waiting or reading forever. Reads in chunks, so a file that grows is still bounded.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ReadFailure("unreadable", exc.strerror or str(exc)) from exc
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadFailure("unreadable", special_file_kind(info.st_mode))
        if info.st_size > max_bytes:
            raise ReadFailure("too_large", size_detail(info.st_size, max_bytes))
        chunks, total = [], 0
        try:
            while total <= max_bytes and (chunk := handle.read(_CHUNK)):
                chunks.append(chunk)
                total += len(chunk)
        except OSError as exc:
            raise ReadFailure("unreadable", exc.strerror or str(exc)) from exc
    if total > max_bytes:
        raise ReadFailure("too_large", size_detail(total, max_bytes))
    return b"".join(chunks)


def special_file_kind(mode: int) -> str:
    """What a path that is not a regular file is, in words for an error entry."""
    for test, vi, en in (
        (stat.S_ISFIFO, "ống dẫn FIFO", "a FIFO"),
        (stat.S_ISSOCK, "socket", "a socket"),
        (stat.S_ISCHR, "thiết bị ký tự", "a character device"),
        (stat.S_ISBLK, "thiết bị khối", "a block device"),
        (stat.S_ISDIR, "thư mục", "a folder"),
    ):
        if test(mode):
            return f"{vi} / {en}"
    return "không phải tệp thường / not a regular file"


def read_bytes(data: bytes, ocr: OcrMode = "auto", limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    if not data.strip():
        raise ReadFailure("empty")
    return _within_limits(_read_sniffed(data, ocr, limits), limits)


def _read_sniffed(data: bytes, ocr: OcrMode, limits: Limits) -> ReadResult:
    kind = sniff(data)
    if kind == "pdf":
        from validator.read.pdf import read_pdf

        return read_pdf(data, ocr=ocr, max_pages=limits.max_pages, max_pixels=limits.max_pixels)
    if kind == "docx":
        from validator.read.docx import read_docx

        return read_docx(data, limits=limits)
    if kind == "doc":
        from validator.read.doc import read_doc

        return read_doc(data)
    if kind == "txt":
        from validator.read.text import read_text

        return read_text(data, limits)
    if kind == "image":
        return _read_image(data, ocr, limits)
    if kind == "zip":  # archives are opened by the batch, which reports each member
        raise ReadFailure("unsupported_format", "ZIP")
    raise ReadFailure("unsupported_format")


def _read_image(data: bytes, ocr: OcrMode, limits: Limits) -> ReadResult:
    from validator.read import ocr as ocr_engine

    problem = ocr_engine.tesseract_problem()
    if ocr == "never" or problem:
        raise ReadFailure("no_text", problem or "--ocr never")
    pages: list[SourcePage] = ocr_engine.read_images(
        data, max_pages=limits.max_pages, max_pixels=limits.max_pixels)
    if not any(page.lines for page in pages):
        raise ReadFailure("no_text")
    return ReadResult(format="image", pages=tuple(pages))


# ------------------------------------------------------------------ after every reader


def _within_limits(result: ReadResult, limits: Limits) -> ReadResult:
    """At most `max_pages` pages and `max_chars` characters, without lone surrogates."""
    budget = limits.max_chars
    pages: list[SourcePage] = []
    notes = list(result.notes)
    if len(result.pages) > limits.max_pages:
        notes.append(_truncated("max_pages", limits.max_pages))
    for page in result.pages[: limits.max_pages]:
        page = _without_surrogates(page)
        size = sum(len(line.text) for line in page.lines)
        if size > budget:
            pages.append(replace(page, lines=_cut(page.lines, budget)))
            notes.append(_truncated("max_chars", limits.max_chars))
            break
        budget -= size
        pages.append(page)
    if len(notes) == len(result.notes) and all(
        new is old for new, old in zip(pages, result.pages, strict=True)
    ):
        return result
    return replace(result, pages=tuple(pages), notes=tuple(notes))


def _cut(lines: tuple[SourceLine, ...], budget: int) -> tuple[SourceLine, ...]:
    kept: list[SourceLine] = []
    for line in lines:
        if len(line.text) >= budget:
            kept.append(replace(line, text=line.text[:budget]))
            break
        budget -= len(line.text)
        kept.append(line)
    return tuple(kept)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(page: SourcePage) -> SourcePage:
    """Broken PDFs can give lone UTF-16 surrogates; they become U+FFFD."""
    if not any(_SURROGATE.search(line.text) for line in page.lines if not line.text.isascii()):
        return page
    lines = tuple(replace(line, text=_SURROGATE.sub("\ufffd", line.text)) for line in page.lines)
    return replace(page, lines=lines)


_TRUNCATED = {
    "max_pages": ("trang", "pages"),
    "max_chars": ("ký tự", "characters"),
}


def _truncated(name: str, limit: int) -> ReadingNote:
    vi, en = _TRUNCATED[name]
    return ReadingNote(
        code="truncated",
        message=f"Văn bản dài hơn giới hạn {limit} {vi} ({name}); chỉ phần đầu được kiểm tra.",
        message_en=f"The document is longer than {limit} {en} ({name}); only the first part "
        "was checked.",
    )
