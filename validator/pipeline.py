"""One document through every step: read -> normalise -> structure -> rules -> report entry.

Nothing here raises for bad input: an unreadable file becomes an entry with an error code,
so a batch never stops on one bad file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from validator.model import (
    DecisionRef,
    DocumentReport,
    Level,
    ReadFailure,
    ReadingNote,
    ReadResult,
)
from validator.read import DEFAULT_MAX_BYTES, read_bytes, read_path
from validator.read.errors import document_error
from validator.read.limits import DEFAULT_LIMITS, Limits, size_detail

if TYPE_CHECKING:
    from validator.engine import RuleSet
    from validator.structure.document import Document


@dataclass(frozen=True)
class Options:
    ocr: Literal["auto", "always", "never"] = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    level: Level | None = None  # forces the level when the reviewer knows it better
    limits: Limits = DEFAULT_LIMITS  # pages, characters, pixels, archives (read/limits.py)


def file_sha256(path: str | Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def build(path: str | Path, options: Options = Options()) -> Document:
    """Read and structure one file; raises ReadFailure when it cannot be read."""
    read = read_path(path, ocr=options.ocr, max_bytes=options.max_bytes, limits=options.limits)
    return _structure(read, str(path), options)


def build_data(data: bytes, name: str, options: Options = Options()) -> Document:
    """Read and structure a document held in memory (an upload, an archive member)."""
    if len(data) > options.max_bytes:
        raise ReadFailure("too_large", size_detail(len(data), options.max_bytes))
    return _structure(read_bytes(data, ocr=options.ocr, limits=options.limits), name, options)


def _structure(read: ReadResult, name: str, options: Options) -> Document:
    from validator.structure import build_document

    document = build_document(read, name)
    if options.level is not None:
        document.level = options.level
    return document


def notes_of(document: Document) -> list[ReadingNote]:
    """The reading notes of the read step and of the structure step, in page order."""
    notes = [*document.read.notes, *document.notes]
    return sorted(notes, key=lambda note: (note.page is not None, note.page or 0))


def inspect_file(path: str | Path, options: Options = Options()) -> dict[str, Any]:
    """The JSON entry of `validate inspect`: what was read and understood, no rules."""
    return _inspect(lambda: build(path, options), str(path))


def inspect_data(data: bytes, name: str, options: Options = Options()) -> dict[str, Any]:
    """`inspect_file` for a document held in memory (an archive member, a file read once)."""
    return _inspect(lambda: build_data(data, name, options), name)


def _inspect(build_document: Callable[[], Document], name: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": name, "format": None, "encoding": None,
                             "scanned_pages": [], "error": None}
    try:
        document = build_document()
    except ReadFailure as failure:
        entry["error"] = document_error(failure.code, failure.detail).model_dump()
        return entry
    read = document.read
    entry.update(
        format=read.format,
        encoding=read.encoding,
        scanned_pages=read.scanned_pages,
        ocr_confidence=_ocr_confidence(read),
        notes=[note.model_dump(mode="json") for note in notes_of(document)],
        doc_type=document.doc_type,
        level=document.level,
        metadata=document.metadata.model_dump(mode="json"),
        articles=[a.model_dump(mode="json") for a in document.articles],
        attachment=document.attachment.model_dump(mode="json") if document.attachment else None,
        members=[m.model_dump(mode="json") for m in document.members],
        text=document.text.text,
        pages=[_page_entry(document, page.number) for page in read.pages],
    )
    return entry


def _ocr_confidence(read: ReadResult) -> dict[int, float]:
    return {p.number: p.ocr_confidence for p in read.pages if p.ocr_confidence is not None}


def _page_entry(document: Document, number: int) -> dict[str, Any]:
    lines = [
        {"line": n.line, "page": n.page, "offset": n.start, "text": n.text}
        for n in document.text.lines if n.page == number
    ]
    return {"page": number, "lines": lines}


def check_file(path: str | Path, options: Options, rules: RuleSet,
               lang: str = "vi") -> DocumentReport:
    """Check one file against the rules; never raises for a bad file."""
    sha256 = file_sha256(path)
    try:
        document = build(path, options)
    except ReadFailure as failure:
        return _error_report(str(path), sha256, failure)
    return report_of(document, rules, lang, sha256)


def check_data(data: bytes, name: str, options: Options, rules: RuleSet,
               lang: str = "vi") -> DocumentReport:
    """Check a document held in memory; `name` is the path reports show."""
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        document = build_data(data, name, options)
    except ReadFailure as failure:
        return _error_report(name, sha256, failure)
    return report_of(document, rules, lang, sha256)


def _error_report(name: str, sha256: str | None, failure: ReadFailure) -> DocumentReport:
    return DocumentReport(path=name, sha256=sha256, verdict="error",
                          error=document_error(failure.code, failure.detail))


def report_of(document: Document, rules: RuleSet, lang: str,
              sha256: str | None) -> DocumentReport:
    """The report entry of a structured document: its rules evaluated, its verdict."""
    from validator.engine import evaluate, verdict

    results = evaluate(document, rules, lang=lang)
    read = document.read
    return DocumentReport(
        path=document.path,
        sha256=sha256,
        verdict=verdict(document.doc_type, results),
        format=read.format,
        encoding=read.encoding,
        doc_type=document.doc_type,
        level=document.level,
        scanned_pages=read.scanned_pages,
        ocr_confidence=_ocr_confidence(read),
        metadata=document.metadata,
        members=document.members,
        results=results,
        notes=notes_of(document),
        issued_by=issuing_decision(document),
    )


def issuing_decision(document: Document) -> DecisionRef | None:
    """The decision a regulation names in its "(Ban hành kèm theo Quyết định số … ngày …)"."""
    attachment = document.attachment
    if attachment is None or attachment.issued_by_line is None:
        return None
    return DecisionRef(number=attachment.decision_number, symbol=attachment.decision_symbol,
                       date=attachment.decision_date, line=attachment.issued_by_line)
