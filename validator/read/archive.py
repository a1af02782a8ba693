"""ZIP archives of documents (SPEC section 2): a commune's dossier, a province's batch.

`expand` inflates every document of an archive (and of the archives inside it, to
`archive_depth`) into files of a private folder, named by number, never by a name taken from
the archive: path traversal cannot happen because no archive name ever reaches the file
system. Sizes are measured on the bytes actually inflated, in bounded chunks; the sizes an
archive declares are never trusted.

An archive that breaks a limit of the whole (member count, inflated total, compression ratio,
nesting depth) or cannot be opened raises `ReadFailure` before any member is checked, so it is
one entry. A member that alone cannot be read (encrypted, too large, damaged, an unknown
compression) becomes a `Member` carrying its failure: one entry of its own.
"""

from __future__ import annotations

import io
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from validator.model import ReadFailure
from validator.read import legacy
from validator.read.limits import Limits, limit_detail, size_detail
from validator.read.names import display_name, is_document_name, is_litter
from validator.read.sniff import sniff

_CHUNK = 1 << 16
_RATIO_FLOOR = 1 << 20  # a member is judged on its compression ratio past 1 MiB inflated
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_EOCD = b"PK\x05\x06"
_ZIP64_EOCD = b"PK\x06\x06"
_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


@dataclass(frozen=True)
class Member:
    """One document of an archive."""

    name: str  # its path inside the outermost archive, '/'-separated, as reports show it
    archive: str  # the innermost archive holding it, inside the outermost ('' for that one)
    file: Path | None = None  # its inflated bytes
    failure: ReadFailure | None = None  # why it cannot be read, instead of `file`

    def read(self) -> bytes:
        if self.failure is not None:
            raise self.failure
        assert self.file is not None
        return self.file.read_bytes()


@dataclass
class _Budget:
    limits: Limits
    members: int = 0
    inflated: int = 0
    files: int = 0  # names given in the private folder

    def count_member(self) -> None:
        self.members += 1
        if self.members > self.limits.archive_members:
            raise ReadFailure("too_large", limit_detail(
                "archive_members", self.members, self.limits.archive_members))

    def count_bytes(self, size: int) -> None:
        self.inflated += size
        if self.inflated > self.limits.archive_bytes:
            raise ReadFailure("too_large", limit_detail(
                "archive_bytes", self.inflated, self.limits.archive_bytes))


@dataclass
class _Archive:
    data: bytes
    prefix: str  # display path of this archive inside the outermost, with a trailing '/'
    depth: int
    members: list[Member] = field(default_factory=list)


def expand(data: bytes, folder: Path, limits: Limits) -> list[Member]:
    """The documents of the ZIP `data`, inflated into `folder`, sorted by name.

    Raises ReadFailure (`corrupt`, `too_large`, `empty`) when the archive fails as a whole."""
    budget = _Budget(limits)
    members: list[Member] = []
    _expand(_Archive(data, "", 1), folder, budget, members)
    if not members:
        raise ReadFailure("empty", "ZIP")
    return members


def _expand(archive: _Archive, folder: Path, budget: _Budget, out: list[Member]) -> None:
    limits = budget.limits
    if archive.depth > limits.archive_depth:
        raise ReadFailure("too_large", limit_detail(
            "archive_depth", archive.depth, limits.archive_depth))
    _check_entry_count(archive.data, limits)
    try:
        zipped = zipfile.ZipFile(io.BytesIO(archive.data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ReadFailure("corrupt", f"ZIP: {exc}") from exc
    with zipped:
        for info in sorted(_documents(zipped), key=_member_name):
            budget.count_member()
            name = archive.prefix + _member_name(info)
            member = _inflate(zipped, info, folder, budget, name, archive.prefix.rstrip("/"))
            if member.file is not None and _is_archive(member.file):
                inner = _Archive(member.file.read_bytes(), name + "/", archive.depth + 1)
                member.file.unlink()
                _expand_nested(inner, folder, budget, out, member)
            else:
                out.append(member)


def _expand_nested(inner: _Archive, folder: Path, budget: _Budget, out: list[Member],
                   member: Member) -> None:
    """An archive inside an archive: its documents, or itself as one damaged member."""
    try:
        _expand(inner, folder, budget, out)
    except ReadFailure as failure:
        if failure.code == "too_large":
            raise  # a limit of the whole: the outer archive fails with it
        out.append(Member(member.name, member.archive, failure=failure))


def _is_archive(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(4)
    return head == b"PK\x03\x04" and sniff(path.read_bytes()) == "zip"


def _documents(zipped: zipfile.ZipFile) -> Iterator[zipfile.ZipInfo]:
    for info in zipped.infolist():
        if info.is_dir():
            continue
        parts = _member_name(info).split("/")
        if any(is_litter(part) for part in parts[:-1]) or not is_document_name(parts[-1]):
            continue
        yield info


def _inflate(zipped: zipfile.ZipFile, info: zipfile.ZipInfo, folder: Path, budget: _Budget,
             name: str, archive: str) -> Member:
    if info.flag_bits & _ENCRYPTED_FLAG:
        return Member(name, archive, failure=ReadFailure("encrypted"))
    budget.files += 1
    target = folder / f"{budget.files:06d}"
    limits = budget.limits
    size = 0
    try:
        with zipped.open(info) as source, target.open("wb") as sink:
            while chunk := source.read(_CHUNK):
                size += len(chunk)
                budget.count_bytes(len(chunk))
                if size > limits.max_bytes:
                    target.unlink()
                    detail = size_detail(size, limits.max_bytes)
                    return Member(name, archive, failure=ReadFailure("too_large", detail))
                if size > _RATIO_FLOOR and size > info.compress_size * limits.archive_ratio:
                    ratio = -(-size // max(info.compress_size, 1))  # rounded up
                    raise ReadFailure("too_large", limit_detail(
                        "archive_ratio", ratio, limits.archive_ratio))
                sink.write(chunk)
    except NotImplementedError as exc:  # a compression method zipfile does not know
        target.unlink(missing_ok=True)
        return Member(name, archive, failure=ReadFailure("unsupported_format", str(exc)))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        target.unlink(missing_ok=True)
        return Member(name, archive, failure=ReadFailure("corrupt", f"ZIP: {exc}"))
    return Member(name, archive, file=target)


def _check_entry_count(data: bytes, limits: Limits) -> None:
    """Refuse an archive whose directory lists far more entries than the member limit before
    zipfile builds an object for each of them (a 50 MB directory holds a million)."""
    entries = _declared_entries(data)
    ceiling = limits.archive_members * 20  # folders and litter are entries too
    if entries is not None and entries > ceiling:
        raise ReadFailure("too_large", limit_detail("archive_members", entries,
                                                    limits.archive_members))


def _declared_entries(data: bytes) -> int | None:
    end = data.rfind(_EOCD, max(0, len(data) - 65557))
    if end < 0 or end + 22 > len(data):
        return None
    entries = struct.unpack_from("<H", data, end + 10)[0]
    if entries != 0xFFFF:
        return entries
    zip64 = data.rfind(_ZIP64_EOCD, 0, end)
    if zip64 < 0 or zip64 + 56 > len(data):
        return None
    return int(struct.unpack_from("<Q", data, zip64 + 32)[0])


# ------------------------------------------------------------------------------ names


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's path as reports show it: decoded, '/'-separated, without '..' or a root."""
    raw = info.orig_filename
    if not info.flag_bits & _UTF8_FLAG:
        raw = decode_legacy_name(raw.encode("cp437"))
    parts = raw.replace("\\", "/").split("/")
    kept = [unicodedata.normalize("NFC", p) for p in parts if p not in ("", ".", "..")]
    return "/".join(display_name(part) for part in kept) or "_"


def decode_legacy_name(raw: bytes) -> str:
    """A name stored without the UTF-8 flag: UTF-8 all the same (macOS, Linux tools), the
    Vietnamese Windows code page 1258, TCVN3 or VNI, or else code page 437 as the format says."""
    if raw.isascii():
        return raw.decode("ascii")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    latin1 = raw.decode("latin-1")
    candidates = [legacy.decode_cp1258(raw)]
    guess = legacy.detect(latin1)
    if guess != "unicode":
        candidates.insert(0, legacy.decode(latin1, guess))
    best = max(candidates, key=_vietnamese_letters)
    return best if _vietnamese_letters(best) else raw.decode("cp437")


def _vietnamese_letters(name: str) -> int:
    """Letters of the Vietnamese alphabet with a diacritic."""
    count = 0
    for char in name:
        if char in "đĐ":
            count += 1
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        if base.isascii() and base.isalpha() and marks and set(marks) <= _VIETNAMESE_MARKS:
            count += 1
    return count
