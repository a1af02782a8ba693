"""The structure of every sample against what samples/manifest.json says it was built to be.

Sources (tests/data/sources/*.txt, the text as composed) go through document_from_text; the files
themselves go through the readers. Files whose reader output is known to be damaged are listed
with the reason rather than skipped silently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.model import ReadFailure
from validator.normalize import normalize_string
from validator.structure import build_document, document_from_text
from validator.structure.document import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MANIFEST = SAMPLES / "manifest.json"
# LibreOffice's TCVN3 .doc: the reader loses "ư"/"ơ" and capitals (reported to the read step).



def entries() -> list[dict]:
    if not MANIFEST.exists():
        return []
    return [e for e in json.loads(MANIFEST.read_text())["files"] if not e.get("error")]


def by_source() -> list[dict]:
    seen: dict[str, dict] = {}
    for entry in entries():
        if entry.get("source"):
            seen.setdefault(entry["source"], entry)
    return list(seen.values())


def same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    return normalize_string(" ".join(a.split())).lower() == b.lower()


def check(document: Document, entry: dict) -> None:
    meta = document.metadata
    assert document.doc_type == entry["doc_type"]
    assert document.level == entry["level"]
    assert same(entry.get("issuer"), meta.issuer.text if meta.issuer else None)
    assert same(entry.get("parent"), meta.parent.text if meta.parent else None)
    assert (meta.number, meta.symbol) == (entry.get("number"), entry.get("symbol"))
    assert (meta.date.isoformat() if meta.date else None) == entry.get("date")
    expected = entry.get("members") or []
    got = [(m.honorific, m.name, (m.role or "").lower()) for m in document.members]
    assert got == [(m.get("honorific"), m.get("name"), (m.get("role") or "").lower())
                   for m in expected]
    issued = entry.get("issued_by_decision")
    if issued:
        attachment = document.attachment
        assert attachment is not None
        assert attachment.decision_number == issued.get("number")
        assert attachment.decision_symbol == issued.get("symbol")


@pytest.mark.parametrize("entry", by_source(), ids=lambda e: e["source"])
def test_source_text(entry: dict) -> None:
    check(document_from_text((SAMPLES / entry["source"]).read_text(encoding="utf-8")), entry)


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e["file"])
def test_real_file(entry: dict) -> None:
    read = pytest.importorskip("validator.read")
    try:
        result = read.read_path(SAMPLES / entry["file"], ocr="never")
    except ReadFailure as failure:
        pytest.skip(f"not readable here: {failure}")
    check(build_document(result, entry["file"]), entry)


@pytest.mark.skipif(not entries(), reason="samples not built")
def test_member_list_pages_of_pdfs() -> None:
    read = pytest.importorskip("validator.read")
    for entry in entries():
        if entry.get("member_list_pages") and entry["file"].endswith(".pdf"):
            document = build_document(read.read_path(SAMPLES / entry["file"], ocr="never"), "x")
            pages = [m.page for m in document.members]
            # the manifest gives the first and the last page of the list
            assert [min(pages), max(pages)] == entry["member_list_pages"], entry["file"]
