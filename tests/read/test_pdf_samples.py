"""The PDF defect-class samples (scripts/samples_pdf.py) read as printed.

One sample per way offices' tools write text layers: fake bold, letter spacing, separate
combining marks, out-of-order drawing, annotations and form fields filling blanks, a font
without a Unicode map, every glyph placed on its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.model import ReadFailure, ReadResult
from validator.read import ocr, read_path
from validator.read.pdf.quality import damage

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "pdf"
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["files"]
TEXT_LAYERS = [e for e in MANIFEST if e["error_without_ocr"] is None]
needs_tesseract = pytest.mark.skipif(
    ocr.tesseract_problem() is not None, reason="Tesseract with the vie model is not installed"
)


def read(entry: dict, ocr_mode: str = "never") -> ReadResult:
    return read_path(SAMPLES / entry["file"], ocr=ocr_mode)


@pytest.mark.parametrize("entry", TEXT_LAYERS, ids=[e["file"] for e in TEXT_LAYERS])
def test_every_printed_line_reads_as_printed(entry: dict) -> None:
    result = read(entry)
    lines = [line.text for line in result.lines]
    assert [text for text in entry["lines"] if text not in lines] == []
    signer_rows = " | ".join(lines[-len(entry["signer_lines"]):])
    assert [text for text in entry["signer_lines"] if text not in signer_rows] == []


@pytest.mark.parametrize("entry", TEXT_LAYERS, ids=[e["file"] for e in TEXT_LAYERS])
def test_header_columns_stay_apart_in_reading_order(entry: dict) -> None:
    lines = [line.text for line in read(entry).lines]
    left, right = entry["header_left"], entry["header_right"]
    assert max(lines.index(text) for text in left) < min(lines.index(text) for text in right)
    assert lines.index(right[-1]) < lines.index("QUYẾT ĐỊNH")
    assert lines[:len(left) + len(right)] == left + right


@pytest.mark.parametrize("entry", TEXT_LAYERS, ids=[e["file"] for e in TEXT_LAYERS])
def test_text_is_clean_and_needs_no_note(entry: dict) -> None:
    result = read(entry)
    assert damage("\n".join(line.text for line in result.lines)) == []
    assert result.notes == ()


@pytest.mark.parametrize("entry", TEXT_LAYERS, ids=[e["file"] for e in TEXT_LAYERS])
def test_lines_keep_page_and_box(entry: dict) -> None:
    page = read(entry).pages[0]
    assert [line.line for line in page.lines] == list(range(1, len(page.lines) + 1))
    for line in page.lines:
        assert line.page == 1 and line.box is not None
        assert 0 <= line.box.x0 < line.box.x1 <= page.width
        assert 0 <= line.box.top < line.box.bottom <= page.height
    tops = {line.text: line.box.top for line in page.lines}
    assert tops[entry["header_left"][0]] < tops["QUYẾT ĐỊNH"] < tops[entry["lines"][-1]]


def test_annotation_and_field_fill_the_blanks_where_they_sit() -> None:
    entry = next(e for e in MANIFEST if e["file"] == "annotations.pdf")
    lines = [line.text for line in read(entry).lines]
    day = entry["date"][8:]
    assert f"Số: {entry['number']}" in lines
    assert any(f", ngày {day} tháng" in text for text in lines)


def test_font_without_unicode_map_is_no_text_without_ocr() -> None:
    entry = next(e for e in MANIFEST if e["notes"] == ["unmapped_font"])
    with pytest.raises(ReadFailure) as caught:
        read(entry)
    assert caught.value.code == entry["error_without_ocr"]


@needs_tesseract
def test_font_without_unicode_map_is_read_by_ocr_with_a_note() -> None:
    entry = next(e for e in MANIFEST if e["notes"] == ["unmapped_font"])
    result = read(entry, "auto")
    assert [(note.code, note.page) for note in result.notes] == [("unmapped_font", 1)]
    assert result.pages[0].scanned
    text = "\n".join(line.text for line in result.lines)
    assert "QUYẾT ĐỊNH" in text
    assert entry["number"] in text.replace(" ", "")
