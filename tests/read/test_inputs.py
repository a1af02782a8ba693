"""Readers on inputs built in the test: encodings of plain text, bad input of every kind."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import docx
import pytest

from validator.model import ReadFailure
from validator.read import legacy, read_bytes, read_path
from validator.read.sniff import sniff

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
BODY = MOTTO + "QUYẾT ĐỊNH\nVề việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã\n"


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese keyboards wrote it: base letter, then a combining tone."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def failure_code(data: bytes) -> str:
    with pytest.raises(ReadFailure) as caught:
        read_bytes(data)
    return caught.value.code


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (BODY.encode("utf-8"), "unicode"),
        (b"\xef\xbb\xbf" + BODY.encode("utf-8"), "unicode"),
        (BODY.encode("utf-16"), "unicode"),
        (BODY.encode("utf-16-le"), "unicode"),
        (cp1258_bytes(BODY), "cp1258"),
        (legacy.encode(BODY, "vni").encode("latin-1"), "vni"),
        (legacy.encode(BODY.lower(), "tcvn3").encode("latin-1"), "tcvn3"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16-le-no-bom", "cp1258", "vni", "tcvn3"],
)
def test_text_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    result = read_bytes(data)
    text = "\n".join(line.text for line in result.lines)
    assert result.format == "txt"
    assert result.encoding == encoding
    assert "độc lập - tự do - hạnh phúc" in text.lower()
    assert "kiện toàn ban chỉ đạo" in text.lower()
    assert unicodedata.is_normalized("NFC", text)


def test_text_lines_keep_their_numbers_and_form_feeds_make_pages() -> None:
    result = read_bytes("Dòng một\n\nDòng ba\fTrang hai".encode())
    assert [(line.page, line.line, line.text) for line in result.lines] == [
        (1, 1, "Dòng một"), (1, 2, ""), (1, 3, "Dòng ba"), (2, 1, "Trang hai"),
    ]


def test_tab_separated_rows_form_a_table() -> None:
    result = read_bytes("Thành phần:\n1\tÔng A\tTrưởng ban\n2\tBà B\tThành viên\nHết".encode())
    assert [line.table for line in result.lines] == [None, 1, 1, None]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF", "corrupt"),
        (bytes(range(256)) * 40, "unsupported_format"),
        (b"PK\x03\x04" + b"\x00" * 200, "unsupported_format"),
    ],
    ids=["zero-bytes", "whitespace", "pdf-no-pages", "binary", "zip-not-word"],
)
def test_bad_input_gives_an_error_code(data: bytes, code: str) -> None:
    assert failure_code(data) == code


def test_too_large_is_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(BODY.encode() * 1000)
    with pytest.raises(ReadFailure) as caught:
        read_path(path, max_bytes=1000)
    assert caught.value.code == "too_large"
    assert read_path(path).format == "txt"


def _docx_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite_part(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, content if item.filename == name else source.read(item))
    return buffer.getvalue()


def test_docx_external_entity_is_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ MẬT")
    original = _docx_bytes(["Điều 1. Nội dung"])
    xml = zipfile.ZipFile(io.BytesIO(original)).read("word/document.xml").decode()
    doctype = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    xml = xml.replace("?>", "?>" + doctype, 1).replace("Nội dung", "Nội dung &x;")
    data = _rewrite_part(original, "word/document.xml", xml.encode())
    try:
        text = "\n".join(line.text for line in read_bytes(data).lines)
    except ReadFailure as failure:
        assert failure.code == "corrupt"
    else:
        assert "BÍ MẬT" not in text


def test_docx_zip_bomb_is_refused() -> None:
    original = _docx_bytes(["Điều 1."])
    bomb = _rewrite_part(original, "word/media/padding.bin", b"")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bomb)) as source, zipfile.ZipFile(
        buffer, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/media/padding.bin", b"\x00" * (300 * 1024 * 1024))
    assert failure_code(buffer.getvalue()) == "corrupt"


def test_truncated_docx_is_corrupt() -> None:
    data = _docx_bytes(["Điều 1. Nội dung"] * 50)
    assert sniff(data[: len(data) // 2]) == "docx"
    assert failure_code(data[: len(data) // 2]) == "corrupt"


def test_docx_layout_table_reads_left_column_first_and_data_table_as_rows() -> None:
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("XÃ AN BÌNH")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    document.add_paragraph("Điều 2. Thành phần:")
    members = document.add_table(rows=2, cols=4)
    for row, values in zip(members.rows, [("STT", "Họ và tên", "Chức vụ", "Chức danh"),
                                          ("1", "Ông Lê Văn A", "Chủ tịch UBND xã",
                                           "Trưởng ban")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    lines = read_bytes(buffer.getvalue()).lines
    texts = [line.text for line in lines]
    assert texts[:4] == ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc"]
    assert texts[-1] == "1\tÔng Lê Văn A\tChủ tịch UBND xã\tTrưởng ban"
    assert lines[-1].table == lines[-2].table == 1
    assert lines[0].table is None


def test_docx_runs_in_legacy_fonts_are_decoded() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run(legacy.encode("ủy ban nhân dân", "tcvn3"))
    run.font.name = ".VnTimeH"
    paragraph = document.add_paragraph()
    run = paragraph.add_run(legacy.encode("Độc lập - Tự do - Hạnh phúc", "tcvn3"))
    run.font.name = ".VnTime"
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_bytes(buffer.getvalue())
    assert result.encoding == "tcvn3"
    texts = [line.text for line in result.lines]
    assert texts == ["ỦY BAN NHÂN DÂN", "Độc lập - Tự do - Hạnh phúc"]
