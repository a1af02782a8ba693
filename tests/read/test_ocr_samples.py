"""The scan samples (samples/scans/, scripts/samples_scans.py) read as their manifest says:
turned pages like the upright one, blank backs skipped, the signer under a blue seal,
handwritten numbers never read as a confident wrong value, and worn capitals that lost their
circumflex read as words again."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest
from script_loader import load_script

from validator.model import ReadResult
from validator.read import ocr, read_path
from validator.read.ocr import engine
from validator.structure import Document, build_document

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "samples" / "scans"
MANIFEST = json.loads((FOLDER / "manifest.json").read_text(encoding="utf-8"))["files"]
# Two readings of the same page scanned the same way, one of it turned: JPEG blocks fall
# differently, so a hỏi/sắc mark or two may differ (measured: 0-3 characters of 1,900).
MAX_CER = 0.005

pytestmark = pytest.mark.skipif(
    ocr.tesseract_problem() is not None, reason="Tesseract with the vie model is not installed"
)
bench = load_script("bench/bench_ocr.py", "bench_ocr")


@cache
def _read(name: str) -> ReadResult:
    return read_path(FOLDER / name)


@cache
def _document(name: str) -> Document:
    return build_document(_read(name), name)


def _entries(key: str) -> list[dict]:
    return [entry for entry in MANIFEST if key in entry]


def _text(read: ReadResult, page: int = 1) -> str:
    return "\n".join(line.text for line in read.pages[page - 1].lines)


def test_manifest_matches_the_files() -> None:
    assert {entry["file"] for entry in MANIFEST} == {p.name for p in FOLDER.glob("*.pdf")}
    for entry in MANIFEST:
        assert len(_read(entry["file"]).pages) == entry["pages"]


def test_topic_is_registered() -> None:
    assert "scans" in load_script("scripts/build_samples.py", "build_samples").TOPICS


@pytest.mark.parametrize("entry", _entries("turned"), ids=lambda e: e["file"])
def test_turned_page_reads_like_the_upright_one(entry: dict) -> None:
    turned, upright = _read(entry["file"]), _read(entry["like"])
    assert bench.character_error_rate(_text(upright), _text(turned)) < MAX_CER
    assert [note.code for note in turned.notes] == ["page_rotated"] * len(entry["turned"])
    assert not upright.notes
    document, reference = _document(entry["file"]), _document(entry["like"])
    assert document.metadata.number == reference.metadata.number == "57"
    assert document.metadata.signer == reference.metadata.signer
    assert [m.name for m in document.members] == [m.name for m in reference.members]
    page = turned.pages[0]
    assert (page.width or 0) < (page.height or 0)  # boxes are on the upright page


@pytest.mark.parametrize("entry", _entries("blank_pages"), ids=lambda e: e["file"])
def test_blank_backs_are_skipped(entry: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    recognize = engine.recognize
    monkeypatch.setattr(engine, "recognize", lambda *a, **k: calls.append(1) or recognize(*a, **k))
    read = read_path(FOLDER / entry["file"])
    blank = [page.number for page in read.pages if not page.lines]
    assert blank == entry["blank_pages"]
    assert all(read.pages[n - 1].ocr_confidence is None for n in blank)
    printed = len(read.pages) - len(blank)
    assert printed <= len(calls) <= 2 * printed  # each page once, plus its second reading


@pytest.mark.parametrize("entry", _entries("signer"), ids=lambda e: e["file"])
def test_signer_is_read_under_the_seal(entry: dict) -> None:
    signer = _document(entry["file"]).metadata.signer
    assert signer is not None
    assert (signer.authority, signer.position, signer.name) == (
        entry["signer"]["authority"], entry["signer"]["position"], entry["signer"]["name"])


@pytest.mark.parametrize("entry", _entries("handwritten"), ids=lambda e: e["file"])
def test_handwritten_number_and_date_are_never_guessed(entry: dict) -> None:
    """Each is read right, or left empty with a note naming the page: never another value."""
    document = _document(entry["file"])
    meta, expected = document.metadata, entry["handwritten"]
    notes = [note for note in document.notes if note.code == "ocr_field_unsure"]
    assert meta.number in (expected["number"], None)
    assert meta.date in (dt.date.fromisoformat(expected["date"]), None)
    assert len(notes) == (meta.number is None) + (meta.date is None)
    assert all(note.page == 1 and note.message and note.message_en for note in notes)
    assert meta.symbol in ("QĐ-UBND", None)
    assert meta.signer is not None and meta.signer.name == "Nguyễn Văn Bình"


@pytest.mark.parametrize("entry", _entries("worn"), ids=lambda e: e["file"])
def test_worn_capitals_get_their_marks_back(entry: dict) -> None:
    """Words read without the circumflex the print lost ("QUYÉT") are words again in the
    document, so the header reads like the intact copy's; the lines keep what the scan says."""
    read = _text(_read(entry["file"]))
    assert all(lost in read for lost in entry["worn"].values())
    document, reference = _document(entry["file"]), _document(entry["like"])
    assert all(lost not in document.text.text for lost in entry["worn"].values())
    meta, expected = document.metadata, reference.metadata
    assert meta.type_name is not None and meta.type_name.text == "QUYẾT ĐỊNH"
    assert meta.summary == expected.summary and meta.summary is not None
    assert meta.national_motto == expected.national_motto
    assert (meta.number, meta.date, meta.signer) == (expected.number, expected.date,
                                                     expected.signer)
