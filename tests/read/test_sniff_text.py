"""Right codes for real files: containers by their magic first, text that mentions %PDF-,
images Pillow reads, UTF-8 with a few bad bytes, special files, limits after every reader."""

from __future__ import annotations

import io
import os
from dataclasses import replace

import pytest
from PIL import Image
from script_loader import load_script

from validator.model import ReadFailure, ReadResult, SourceLine, SourcePage
from validator.read import _within_limits, read_bytes, read_file
from validator.read.limits import Limits
from validator.read.sniff import sniff
from validator.read.text import read_text

hostile = load_script("bench/hostile_inputs.py", "hostile_inputs")
TEXT = hostile.sample(hostile.TEXT)


def image_bytes(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (40, 30), 255).save(buffer, kind)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["BMP", "GIF", "WEBP", "PNG", "JPEG", "TIFF"])
def test_pillow_images_are_images(kind) -> None:
    assert sniff(image_bytes(kind)) == "image"


def test_containers_by_magic_then_pdf_then_text() -> None:
    pdf = hostile.sample(hostile.PASSING)
    assert sniff(hostile.zip_bytes({"a.pdf": pdf, "b.pdf": pdf}, 0)) == "zip"
    assert sniff(hostile.text_mentioning_pdf()) == "txt"
    assert sniff(b"\r\n\r\n" + pdf) == "pdf"  # bytes before the header, as some tools write
    assert sniff(b"BM is how this note starts, not a bitmap.\n" * 3) == "txt"


def test_utf8_with_a_few_bad_bytes_stays_utf8() -> None:
    result = read_text(hostile.text_with_bad_bytes())
    assert result.encoding == "unicode"
    assert [note.code for note in result.notes] == ["bad_bytes"]
    assert "2 " in result.notes[0].message_en  # the stray byte and the cut letter
    text = "\n".join(line.text for line in result.lines)
    assert "PHƯỜNG THUỶ DƯƠNG" in text and "\ufffd" in text


def test_a_text_file_that_mentions_pdf_reads_as_the_decision_it_is() -> None:
    result = read_bytes(hostile.text_mentioning_pdf())
    assert result.format == "txt" and not result.notes


def test_a_huge_single_line_is_read_within_the_character_limit() -> None:
    limits = replace(Limits(), max_chars=100_000)
    result = read_text(hostile.huge_line(5 << 20), limits)
    assert sum(len(line.text) for line in result.lines) == 100_000
    assert [note.code for note in result.notes] == ["truncated"]
    assert "max_chars" in result.notes[0].message


def test_every_reader_is_held_to_the_page_and_character_limits() -> None:
    pages = tuple(SourcePage(number=n, lines=(SourceLine(page=n, line=1, text="x" * 10),))
                  for n in range(1, 8))
    held = _within_limits(ReadResult(format="pdf", pages=pages), replace(Limits(), max_pages=5))
    assert len(held.pages) == 5 and [n.code for n in held.notes] == ["truncated"]
    short = _within_limits(ReadResult(format="pdf", pages=pages),
                           replace(Limits(), max_chars=25))
    assert [len(line.text) for line in short.lines] == [10, 10, 5]
    broken = ReadResult(format="pdf", pages=(SourcePage(number=1, lines=(
        SourceLine(page=1, line=1, text="Quy\ud800ết"),)),))
    assert _within_limits(broken, Limits()).lines[0].text == "Quy\ufffdết"
    whole = ReadResult(format="pdf", pages=pages)
    assert _within_limits(whole, Limits()) is whole


def test_special_files_fail_at_once(tmp_path) -> None:
    os.mkfifo(tmp_path / "fifo.pdf")
    with pytest.raises(ReadFailure) as fifo:
        read_file(tmp_path / "fifo.pdf")  # would block for ever with a plain open()
    assert fifo.value.code == "unreadable" and "FIFO" in fifo.value.detail
    with pytest.raises(ReadFailure) as device:
        read_file("/dev/zero")
    assert device.value.code == "unreadable"
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    with pytest.raises(ReadFailure) as big:
        read_file(tmp_path / "big.txt", max_bytes=1000)
    assert big.value.code == "too_large" and "max_size" in big.value.detail
    with pytest.raises(ReadFailure) as missing:
        read_file(tmp_path / "nope.pdf")
    assert missing.value.code == "unreadable"
