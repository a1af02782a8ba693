"""Plain text: UTF-8 (with or without BOM), UTF-16, Windows-1258, TCVN3 and VNI bytes.

A UTF-8 file with a few bad bytes (a stray byte, a file cut in the middle of a letter) stays
UTF-8: the bad bytes become U+FFFD and a `bad_bytes` note says how many. Only bytes that are
mostly not UTF-8 are decoded as a legacy code page.
"""

from __future__ import annotations

import codecs
import unicodedata

from validator.model import Encoding, ReadFailure, ReadingNote, ReadResult, SourceLine, SourcePage
from validator.read import legacy
from validator.read.limits import DEFAULT_LIMITS, Limits

# Share of a file's non-ASCII characters that may be bad bytes for it to count as UTF-8.
_BAD_BYTE_SHARE = 0.05
_REPLACEMENT = "\ufffd"


def read_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    # Four bytes per character at most (UTF-8): the rest of a huge file is never decoded.
    text, encoding, bad = decode_bytes(data[: limits.max_chars * 4 + 4])
    if not text.strip():
        raise ReadFailure("empty")
    truncated = len(text) > limits.max_chars
    if truncated:  # the cut may have split the last letter: count only what is kept
        text = text[: limits.max_chars]
        bad = min(bad, text.count(_REPLACEMENT))
    notes = [_bad_bytes_note(bad)] if bad else []
    if truncated:
        notes.append(_truncated_note(limits.max_chars))
    return ReadResult(format="txt", encoding=encoding, pages=tuple(split_pages(text)),
                      notes=tuple(notes))


def decode_bytes(data: bytes) -> tuple[str, Encoding, int]:
    """Decode a text file's bytes: the text, its encoding, and how many bytes were bad."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decoded(data[len(bom):], codec)
    if data.count(b"\x00") > len(data) // 4:
        codec = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return _decoded(data, codec)
    text, bad = _replace_bad(data, "utf-8")
    if not bad or _mostly_utf8(text, bad):
        return (*_unicode_or_legacy(text), bad)
    latin1_view = data.decode("latin-1")
    guess = legacy.detect(latin1_view)
    if guess != "unicode":
        return legacy.decode(latin1_view, guess), guess, 0
    return legacy.decode_cp1258(data), "cp1258", 0


def _decoded(data: bytes, codec: str) -> tuple[str, Encoding, int]:
    text, bad = _replace_bad(data, codec)
    return (*_unicode_or_legacy(text), bad)


def _replace_bad(data: bytes, codec: str) -> tuple[str, int]:
    """`data` decoded with U+FFFD for each bad sequence, and how many there were (U+FFFD
    written in the file itself is not counted)."""
    text = data.decode(codec, errors="replace")
    if _REPLACEMENT not in text:
        return text, 0
    written = codecs.decode(data, codec, errors="ignore").count(_REPLACEMENT)
    return text, text.count(_REPLACEMENT) - written


def _mostly_utf8(text: str, bad: int) -> bool:
    """A legacy 8-bit text is almost all bad sequences as UTF-8; real UTF-8 has a few."""
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - bad
    return good > 0 and bad <= good * _BAD_BYTE_SHARE + 2


def _unicode_or_legacy(text: str) -> tuple[str, Encoding]:
    """A legacy text re-saved as UTF-8 still carries TCVN3/VNI codes as Latin-1 letters."""
    if text.isascii():
        return text, "unicode"
    guess = legacy.detect(text)
    if guess != "unicode":
        return legacy.decode(text, guess), guess
    return unicodedata.normalize("NFC", text), "unicode"


def _bad_bytes_note(count: int) -> ReadingNote:
    return ReadingNote(
        code="bad_bytes",
        message=f"Tệp có {count} chỗ byte không hợp lệ (tệp có thể bị cắt hoặc lỗi mã hóa); "
        "các chỗ đó được thay bằng ký tự �.",
        message_en=f"The file has {count} invalid byte sequence(s) (cut or mis-encoded); "
        "they were replaced with �.",
    )


def _truncated_note(limit: int) -> ReadingNote:
    return ReadingNote(
        code="truncated",
        message=f"Văn bản dài hơn giới hạn {limit} ký tự (max_chars); chỉ phần đầu được kiểm tra.",
        message_en=f"The text is longer than {limit} characters (max_chars); only the first "
        "part was checked.",
    )


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
