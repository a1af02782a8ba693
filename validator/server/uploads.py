"""Uploaded files onto disk: generated names, format from the content, size and count limits.

The client's file name is kept only as a label (no folders, no control characters); the file
itself goes to `uploads/<job id>/<position>.<format>`, a name the server makes up.
"""

from __future__ import annotations

import shutil
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from validator.read.sniff import sniff
from validator.server.errors import ApiError, megabytes
from validator.server.store import NewUpload

ARCHIVE = "zip"
_SNIFF_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
_NAME_CHARS = 200


@dataclass(frozen=True)
class Incoming:
    """One file of a request: the name the client gave and the spooled content."""

    filename: str | None
    file: IO[bytes]


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int  # a document; an archive may use the whole request
    max_request_bytes: int
    max_files: int


def display_name(raw: str | None, position: int) -> str:
    """The label an upload is shown under: the last part of its name, printable, NFC."""
    name = unicodedata.normalize("NFC", (raw or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:_NAME_CHARS] or f"{position + 1:03d}"


def upload_format(path: Path) -> str:
    """`sniff`'s answer from the first bytes, or `zip` for an archive that is not a DOCX."""
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if head.startswith(b"PK") and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                is_word = "word/document.xml" in archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            is_word = False
        return "docx" if is_word else ARCHIVE
    return sniff(head)


def save_uploads(files: Sequence[Incoming], folder: Path, limits: Limits) -> list[NewUpload]:
    """Store every file of one request under `folder`; all or nothing."""
    if not files:
        raise ApiError("no_files")
    if len(files) > limits.max_files:
        raise ApiError("too_many_files", limit=limits.max_files)
    try:
        folder.mkdir(parents=True, exist_ok=False)
        return [_save(incoming, position, folder, limits)
                for position, incoming in enumerate(files)]
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise ApiError("storage", detail=exc.strerror or type(exc).__name__) from exc
    except ApiError:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _save(incoming: Incoming, position: int, folder: Path, limits: Limits) -> NewUpload:
    name = display_name(incoming.filename, position)
    partial = folder / f"{position:05d}.part"
    incoming.file.seek(0)
    with partial.open("wb") as out:
        shutil.copyfileobj(incoming.file, out, _CHUNK)
    size = partial.stat().st_size
    found = upload_format(partial)
    if found == "unknown":
        raise ApiError("unsupported_format", name=name)
    limit = limits.max_request_bytes if found == ARCHIVE else limits.max_file_bytes
    if size > limit:
        raise ApiError("file_too_large", name=name, limit=megabytes(limit))
    stored = partial.rename(folder / f"{position:05d}.{found}")
    return NewUpload(name=name, stored=f"{folder.name}/{stored.name}", size=size, format=found)
