"""The "docx" sample topic reads as its manifest says (scripts/samples_docx.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.model import ReadFailure
from validator.read import read_path

FOLDER = Path(__file__).resolve().parents[2] / "samples" / "docx"
MANIFEST = json.loads((FOLDER / "manifest.json").read_text(encoding="utf-8"))["files"]


def _texts(result) -> list[str]:
    return [line.text.strip() for line in result.lines]


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda entry: entry["file"])
def test_docx_sample_reads_as_word_shows_it(entry: dict) -> None:
    path = FOLDER / entry["file"]
    if entry.get("error"):
        with pytest.raises(ReadFailure) as caught:
            read_path(path)
        assert caught.value.code == entry["error"]
        return
    result = read_path(path)
    texts = _texts(result)
    position = 0
    for wanted in entry.get("lines", []):
        assert wanted in texts[position:], f"{wanted!r} missing after line {position}"
        position = texts.index(wanted, position) + 1
    for wanted in entry.get("once", []):
        assert texts.count(wanted) == 1, wanted
    for unwanted in entry.get("absent", []):
        assert not any(unwanted in text for text in texts), unwanted
    assert sorted(note.code for note in result.notes) == sorted(entry.get("notes", []))
    pages = {line.text.strip(): line.page for line in result.lines}
    for text, page in entry.get("pages", {}).items():
        assert pages[text] == page, text
    if "table_rows" in entry:
        rows = [line for line in result.lines if line.table is not None]
        assert [line.text for line in rows] == entry["table_rows"]
        assert len({line.table for line in rows}) == 1


def test_word_online_sample_has_no_word_document_xml() -> None:
    import zipfile

    entry = next(e for e in MANIFEST if e.get("main_part"))
    names = zipfile.ZipFile(FOLDER / entry["file"]).namelist()
    assert entry["main_part"] in names
    assert "word/document.xml" not in names


def test_encrypted_sample_is_a_real_encrypted_package() -> None:
    """The sample is what Word writes: msoffcrypto-tool decrypts it with the password."""
    import io
    import zipfile

    msoffcrypto = pytest.importorskip("msoffcrypto")
    entry = next(e for e in MANIFEST if e["file"].endswith(".docx") and e.get("error"))
    with (FOLDER / entry["file"]).open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        assert office.is_encrypted()
        office.load_key(password="BanChiDao2024")
        plain = io.BytesIO()
        office.decrypt(plain)
    assert "word/document.xml" in zipfile.ZipFile(plain).namelist()
