"""The "members" sample topic: every shape of member list, header and signer, in every format.

scripts/samples_members.py writes each invented document as DOCX, PDF, .doc and text, with a
manifest of what it must read as; each file goes through its reader and the structure step.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.normalize import normalize_string
from validator.read import read_path
from validator.structure import build_document
from validator.structure.document import Document

FOLDER = Path(__file__).resolve().parents[2] / "samples" / "members"
MANIFEST = FOLDER / "manifest.json"


def entries() -> list[dict]:
    if not MANIFEST.exists():
        return []
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]


def label(entry: dict) -> str:
    return f"{entry['file']}:{'+'.join(entry['shapes'])}"


def clean(text: str | None) -> str | None:
    return None if text is None else " ".join(normalize_string(text).split())


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {}


def document_of(entry: dict, cache: dict[str, Document]) -> Document:
    if entry["file"] not in cache:
        read = read_path(FOLDER / entry["file"], ocr="never")
        cache[entry["file"]] = build_document(read, entry["file"])
    return cache[entry["file"]]


@pytest.mark.parametrize("entry", entries(), ids=label)
def test_members(entry: dict, documents: dict[str, Document]) -> None:
    document = document_of(entry, documents)
    expected = entry["expect"]["members"]
    got = [{"honorific": m.honorific, "name": m.name, "position": clean(m.position),
            "role": m.role, "agency": clean(m.agency)} for m in document.members]
    want = [{"honorific": m["honorific"], "name": m["name"], "position": clean(m["position"]),
             "role": m["role"], "agency": clean(m.get("agency"))} for m in expected]
    for row, wanted in zip(got, expected, strict=False):
        if "agency" not in wanted:
            row["agency"] = None  # agency asserted only where a heading or column gives it
    assert got == want
    missing = entry["expect"]["members_in_missing_annex"]
    assert (document.members_in_missing_annex is not None) == missing
    assert any(n.code == "attachment_missing" for n in document.notes) == missing


@pytest.mark.parametrize("entry", entries(), ids=label)
def test_header(entry: dict, documents: dict[str, Document]) -> None:
    document = document_of(entry, documents)
    meta, header = document.metadata, entry["expect"]["header"]
    got = {
        "number": meta.number, "symbol": meta.symbol,
        "date": meta.date.isoformat() if meta.date else None, "place": meta.place,
        "type_name": meta.type_name.text if meta.type_name else None, "kind": meta.kind,
        "summary": clean(meta.summary.text) if meta.summary else None,
    }
    want = {key: clean(value) if key == "summary" else value
            for key, value in header.items() if key != "issued_by"}
    assert got == want
    assert document.doc_type == entry["expect"]["doc_type"]
    issued = header.get("issued_by")
    if issued:
        attachment = document.attachment
        assert attachment is not None
        assert (attachment.decision_number, attachment.decision_symbol,
                str(attachment.decision_date)) == (issued["number"], issued["symbol"],
                                                   issued["date"])


@pytest.mark.parametrize("entry", entries(), ids=label)
def test_signers(entry: dict, documents: dict[str, Document]) -> None:
    meta = document_of(entry, documents).metadata
    got = [{"authority": s.authority, "position": s.position, "name": s.name,
            "chain": list(s.chain)} for s in meta.signers]
    assert got == entry["expect"]["signers"]
    assert meta.signer == (meta.signers[0] if meta.signers else None)


@pytest.mark.parametrize("entry", [e for e in entries() if e["format"] == "txt"], ids=label)
def test_members_point_to_their_lines(entry: dict, documents: dict[str, Document]) -> None:
    """Page 1, line N of a text file is the line that names the member (or its office)."""
    source = (FOLDER / entry["file"]).read_text(encoding="utf-8").splitlines()
    for member in document_of(entry, documents).members:
        written = normalize_string(source[member.line - 1])
        words = member.name or " ".join((member.position or "").split()[:3])
        assert member.page == 1 and words in written, (member, written)


def test_every_shape_has_a_sample() -> None:
    shapes = {shape for entry in entries() for shape in entry["shapes"]}
    assert {"roles-long-forms", "position-then-name", "invited", "role-group-headings",
            "agency-headings", "roles-to", "roles-council", "roles-doi", "annex-file",
            "annex-table", "role-heading-dot", "minority-names", "ranks-titles",
            "caps-group-headings", "office-only", "missing-annex", "table-header-repeated",
            "table-row-split", "table-flattened", "tab-stops", "cong-van", "number-with-space",
            "invitation-no-summary", "nested-authority", "signed-mark", "summary-then-body",
            "place-broken", "summary-into-authority", "draft-number", "blank-date",
            "damaged-date", "signer-interleaved", "signer-glued", "signer-before-recipients",
            "signer-name-with-footnote",
            "two-signers", "other-subject-committee", "member-replaced",
            "other-subject-regulation", "issued-by-line"} <= shapes
