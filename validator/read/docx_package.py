"""The OOXML package around a Word document: is it one, is it safe to open, open it.

A Word package names its main part through `_rels/.rels` and `[Content_Types].xml`; Word
Online saves it as `word/document2.xml`, so no part name is ever assumed. Members are inflated
in bounded chunks and counted, because a ZIP can lie about its sizes.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import TYPE_CHECKING

from defusedxml import ElementTree as SafeXml

from validator.model import ReadFailure

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

MB = 1024 * 1024
MAX_PARTS = 2000
MAX_UNZIPPED = 200 * MB  # real inflated size of all members together
BOMB_SIZE = 50 * MB  # a member this large that also inflates beyond BOMB_RATIO is a zip bomb
BOMB_RATIO = 500
_CHUNK = MB
_SMALL_PART = 4 * MB  # [Content_Types].xml and _rels/.rels are a few kilobytes

_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_CT_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Same XML as a .docx: macro-enabled documents and templates.
_CT_WORD_ALIKE = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
WORD_MAIN_TYPES = (_CT_WORD, *_CT_WORD_ALIKE)


def is_word_package(data: bytes) -> bool:
    """True when `data` is a ZIP whose main part (by `_rels/.rels`) is a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return main_part(archive) is not None
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError):
        # A truncated DOCX loses its central directory; the local header still names the part.
        return b"word/" in data[:4096]


def main_part(archive: zipfile.ZipFile) -> str | None:
    """The member name of the package's main Word part, or None when it has none."""
    rels = _small_xml(archive, "_rels/.rels")
    types = _small_xml(archive, "[Content_Types].xml")
    if rels is None or types is None:
        return None
    overrides = {
        item.get("PartName", "").lstrip("/"): item.get("ContentType")
        for item in types if item.tag.endswith("}Override")
    }
    for rel in rels:
        if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            name = posixpath.normpath(rel.get("Target", "").lstrip("/"))
            if overrides.get(name) in WORD_MAIN_TYPES:
                return name
    return None


def _small_xml(archive: zipfile.ZipFile, name: str):
    try:
        with archive.open(name) as member:
            content = member.read(_SMALL_PART + 1)
    except (KeyError, zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError):
        return None
    if len(content) > _SMALL_PART:
        return None
    try:
        return SafeXml.fromstring(content)
    except Exception:  # defusedxml refuses entities; ParseError for plain damage
        return None


def check_members(data: bytes) -> None:
    """Inflate every member in bounded chunks, counting what really comes out.

    The declared sizes in the ZIP directory are not trusted: the count stops at the limit,
    so a lying archive costs at most one chunk of memory.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise ReadFailure("too_large", f"{len(infos)} parts > {MAX_PARTS}")
            total = 0
            for info in infos:
                total += _inflate(archive, info, MAX_UNZIPPED - total)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, OSError) as exc:
        raise ReadFailure("corrupt", str(exc)) from exc
    except (RuntimeError, NotImplementedError) as exc:  # ZIP encryption, exotic compression
        raise ReadFailure("encrypted" if "encrypted" in str(exc) else "corrupt") from exc


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> int:
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > BOMB_SIZE and size > max(info.compress_size, 1) * BOMB_RATIO:
                raise ReadFailure("corrupt", "archive expands too much (zip bomb)")
            if size > budget:
                raise ReadFailure("too_large", f"unpacked > {MAX_UNZIPPED // MB} MB")
    return size


def open_document(data: bytes) -> WordDocument:
    """python-docx's Document for a checked package; damage becomes ReadFailure."""
    check_members(data)
    from docx.opc.exceptions import PackageNotFoundError
    from docx.package import Package

    _register_word_alike_parts()

    try:
        part = Package.open(io.BytesIO(data)).main_document_part
    except (KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise ReadFailure("corrupt", str(exc)) from exc
    except Exception as exc:  # lxml raises its own XMLSyntaxError family
        if type(exc).__module__.startswith("lxml"):
            raise _xml_failure(exc) from exc
        raise
    if part.content_type not in WORD_MAIN_TYPES or not hasattr(part, "document"):
        raise ReadFailure("unsupported_format", part.content_type)
    return part.document


def _xml_failure(exc: Exception) -> ReadFailure:
    """libxml2 refuses text nodes over 10 MB and nesting over 256 levels: limits, not damage."""
    message = str(exc)
    if "huge" in message.lower() or "excessive depth" in message.lower():
        return ReadFailure("too_large", f"XML parser limit: {message}")
    return ReadFailure("corrupt", message)


def _register_word_alike_parts() -> None:
    """python-docx builds its DocumentPart only for the .docx content type; macro-enabled
    documents and templates carry the same XML, so they get the same part class."""
    from docx.opc.part import PartFactory
    from docx.parts.document import DocumentPart

    for content_type in _CT_WORD_ALIKE:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
