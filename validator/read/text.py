"""Plain text: UTF-8 (with or without BOM), UTF-16, Windows-1258, TCVN3 and VNI bytes."""

from __future__ import annotations

import codecs
import unicodedata

from validator.model import Encoding, ReadFailure, ReadResult, SourceLine, SourcePage
from validator.read import legacy


def read_text(data: bytes) -> ReadResult:
    text, encoding = decode_bytes(data)
    if not text.strip():
        raise ReadFailure("empty")
    return ReadResult(format="txt", encoding=encoding, pages=tuple(split_pages(text)))


def decode_bytes(data: bytes) -> tuple[str, Encoding]:
    """Decode a text file's bytes, telling which encoding it was in."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _unicode_or_legacy(data[len(bom):].decode(codec, errors="replace"))
    if data.count(b"\x00") > len(data) // 4:
        codec = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return _unicode_or_legacy(data.decode(codec, errors="replace"))
    try:
        return _unicode_or_legacy(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    latin1_view = data.decode("latin-1")
    guess = legacy.detect(latin1_view)
    if guess != "unicode":
        return legacy.decode(latin1_view, guess), guess
    return legacy.decode_cp1258(data), "cp1258"


def _unicode_or_legacy(text: str) -> tuple[str, Encoding]:
    """A legacy text re-saved as UTF-8 still carries TCVN3/VNI codes as Latin-1 letters."""
    if text.isascii():
        return text, "unicode"
    guess = legacy.detect(text)
    if guess != "unicode":
        return legacy.decode(text, guess), guess
    return unicodedata.normalize("NFC", text), "unicode"


def split_pages(text: str) -> list[SourcePage]:
    """Form feeds separate pages in text exported from word processors and antiword.

    Consecutive lines with two or more TABs are the rows of one table.
    """
    pages = []
    tables = 0
    in_table = False
    chunks = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    for number, chunk in enumerate(chunks, 1):
        lines = []
        for index, line in enumerate(chunk.split("\n"), 1):
            is_row = line.count("\t") >= 2
            if is_row and not in_table:
                tables += 1
            in_table = is_row
            lines.append(SourceLine(page=number, line=index, text=line,
                                    table=tables if is_row else None))
        pages.append(SourcePage(number=number, lines=tuple(lines)))
    return pages
