"""Every reader on the sample corpus: format, encoding, error code, and text as composed."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from validator.model import ReadFailure
from validator.read import read_path
from validator.read.names import is_document_name

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["files"]
READABLE = [e for e in MANIFEST if e["error"] is None]


def words(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFC", text).lower().replace("\u00a0", " ")
    return Counter(re.findall(r"[^\W_]+", text))


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["file"] for e in MANIFEST])
def test_sample_format_encoding_and_error(entry: dict) -> None:
    path = SAMPLES / entry["file"]
    if entry["error"]:
        with pytest.raises(ReadFailure) as caught:
            read_path(path, ocr="never")
        assert caught.value.code == entry["error"]
        return
    result = read_path(path, ocr="never")
    assert result.format == entry["format"]
    assert result.encoding == entry["encoding"]
    assert not result.scanned_pages


@pytest.mark.parametrize("entry", READABLE, ids=[e["file"] for e in READABLE])
def test_sample_text_matches_what_was_composed(entry: dict) -> None:
    """At least 99% of the composed words come back, in any reader and encoding."""
    source = words((SAMPLES / entry["source"]).read_text(encoding="utf-8"))
    read = words("\n".join(line.text for line in read_path(SAMPLES / entry["file"]).lines))
    missing = source - read
    assert sum(missing.values()) <= 0.01 * sum(source.values()), missing.most_common(10)


def test_pdf_lines_carry_positions_and_page_numbers() -> None:
    result = read_path(SAMPLES / "qd-xa-an-binh-2023.pdf")
    assert len(result.pages) >= 2
    for page in result.pages:
        assert [line.line for line in page.lines] == list(range(1, len(page.lines) + 1))
        for line in page.lines:
            assert line.page == page.number
            if line.table is None:
                assert line.box is not None and 0 <= line.box.x0 < line.box.x1 <= page.width


def test_pdf_header_columns_come_apart() -> None:
    lines = [line.text for line in read_path(SAMPLES / "qd-xa-an-binh-2023.pdf").lines]
    assert lines.index("ỦY BAN NHÂN DÂN") < lines.index("XÃ AN BÌNH")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert not any("DÂN CỘNG HÒA" in line for line in lines)


def test_pdf_member_table_rows_are_cells_across_the_page_break() -> None:
    result = read_path(SAMPLES / "qd-tinh-2020-table.pdf")
    rows = [line for line in result.lines if line.table is not None]
    assert {line.table for line in rows} == {1}
    assert {line.page for line in rows} == {1, 2}
    cells = [row.text.split("\t") for row in rows]
    assert all(len(c) == 4 for c in cells)
    assert ["1", "Ông Ngô Văn Thành", "Phó Chủ tịch UBND tỉnh", "Trưởng ban"] in cells


def test_tcvn3_pdf_font_names_decode_capitals() -> None:
    result = read_path(SAMPLES / "qd-huyen-thanh-chuong-2020-tcvn3.pdf")
    texts = [line.text for line in result.lines]
    assert result.encoding == "tcvn3"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert any("Độc lập - Tự do - Hạnh phúc" in t for t in texts)


def test_doc_member_table_becomes_rows() -> None:
    result = read_path(SAMPLES / "qd-huyen-2020.doc")
    assert result.format == "doc"
    assert any("Ban Chỉ đạo" in line.text for line in result.lines)


def test_scanned_pdf_without_ocr_has_no_text() -> None:
    with pytest.raises(ReadFailure) as caught:
        read_path(SAMPLES / "scanned" / "demo-decision-scan.pdf", ocr="never")
    assert caught.value.code == "no_text"


def test_docx_named_pdf_is_read_as_docx() -> None:
    assert read_path(SAMPLES / "bad-docx-named.pdf").format == "docx"


def test_make_run_sees_each_sample_document_once() -> None:
    """`make run` checks every document under samples/: each is a sample its folder's
    manifest describes (scanned/ holds scans that are not ours). The composed source texts
    the readers are compared with are test data (tests/data/sources), not documents to check."""
    for path in sorted(SAMPLES.rglob("*")):
        if not path.is_file() or not is_document_name(path.name) or path.parent.name == "scanned":
            continue
        manifest = path.parent / "manifest.json"
        assert manifest.is_file(), f"{path.relative_to(SAMPLES)} is in no sample folder"
        listed = {entry["file"] for entry in json.loads(manifest.read_text("utf-8"))["files"]}
        assert path.name in listed, f"{path.relative_to(SAMPLES)} is no sample of its manifest"
    assert all((SAMPLES / entry["source"]).is_file() for entry in MANIFEST if entry["source"])
