"""The package around a DOCX: found by its relationships, opened within limits, never a crash."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

from validator.model import ReadFailure
from validator.read import read_bytes
from validator.read.docx import read_docx
from validator.read.sniff import sniff

from .docx_helpers import docx_bytes, paragraphs, xml


def failure(data: bytes) -> ReadFailure:
    with pytest.raises(ReadFailure) as caught:
        read_bytes(data)
    return caught.value


def test_main_part_under_another_name_is_found_through_the_relationships() -> None:
    data = xml.word_online(docx_bytes(paragraphs("Điều 1. Nội dung")))
    assert "word/document.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert sniff(data) == "docx"
    assert [line.text for line in read_bytes(data).lines] == ["Điều 1. Nội dung"]


def test_zip_without_a_word_main_part_is_not_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")  # no relationships at all
    assert sniff(buffer.getvalue()) != "docx"


def test_macro_enabled_document_is_read() -> None:
    data = xml.stable_zip(docx_bytes(paragraphs("Điều 1. Nội dung")), replaced={
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml":
        "application/vnd.ms-word.document.macroEnabled.main+xml"})
    assert b"macroEnabled" in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    assert [line.text for line in read_bytes(data).lines] == ["Điều 1. Nội dung"]


def _lying_member(real_size: int, declared_size: int) -> bytes:
    """A DOCX plus one member whose directory entry declares less than it inflates to."""
    original = docx_bytes(paragraphs("Điều 1."))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/media/padding.bin", b"\0" * real_size)
    data = bytearray(buffer.getvalue())
    name = b"word/media/padding.bin"
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_offset, declared_size)
            start += 4
    return bytes(data)


def test_zip_bomb_is_caught_by_what_inflates_not_what_is_declared() -> None:
    data = _lying_member(real_size=120 * 1024 * 1024, declared_size=1000)
    assert failure(data).code == "corrupt"


def test_unpacked_size_limit_is_named() -> None:
    """Members that inflate honestly but too far in total: too_large, with the limit."""
    original = docx_bytes(paragraphs("Điều 1."))
    buffer = io.BytesIO()
    noise = zlib.compress(bytes(range(256)) * 4)  # incompressible enough: ratio stays low
    with zipfile.ZipFile(io.BytesIO(original)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        for index in range(5):
            count = 45 * 1024 * 1024 // len(noise)
            target.writestr(f"word/media/image{index}.bin", noise * count)
    caught = failure(buffer.getvalue())
    assert caught.code == "too_large" and "MB" in caught.detail


def test_too_many_paragraphs_is_too_large_naming_the_limit() -> None:
    data = docx_bytes(paragraphs(*(f"Dòng {i}" for i in range(60))))
    with pytest.raises(ReadFailure) as caught:
        read_docx(data, limits=type("Limits", (), {"max_paragraphs": 50})())
    assert caught.value.code == "too_large"
    assert caught.value.detail == "max_paragraphs: 60 > 50"


def test_huge_text_node_is_a_limit_not_damage() -> None:
    data = xml.stable_zip(docx_bytes(paragraphs("Điều 1. CHỖ")),
                          replaced={"CHỖ": "A" * (11 * 1024 * 1024)})
    caught = failure(data)
    assert caught.code == "too_large" and "XML" in caught.detail


def test_damaged_document_part_is_corrupt() -> None:
    data = xml.stable_zip(docx_bytes(paragraphs("Điều 1. Nội dung")),
                          replaced={"</w:body>": "</w:bod>"})
    assert failure(data).code == "corrupt"
