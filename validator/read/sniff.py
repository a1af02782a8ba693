"""Decide a file's format from its first bytes, never from its name.

Containers are recognised by the magic bytes at offset 0 first: a ZIP that stores PDFs
uncompressed is a ZIP (an archive of documents), however many `%PDF-` it holds. Only then is
`%PDF-` looked for a little later in the file (some generators put bytes before it), and
then only when the file does not read as text that merely mentions it.
"""

from __future__ import annotations

import re
from typing import Literal

Sniffed = Literal["pdf", "docx", "doc", "txt", "image", "zip", "unknown"]

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
    b"GIF87a",
    b"GIF89a",
)
_PDF_LATE = re.compile(rb"%PDF-\d\.\d")
_PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
_BMP_HEADER_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def sniff(data: bytes) -> Sniffed:
    head = data[:1024]
    if head.startswith(_ZIP):
        return "docx" if _is_word_zip(data) else "zip"
    if head.startswith(_OLE2):
        return "doc"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(_IMAGES) or _is_bmp(head) or _is_webp(head):
        return "image"
    text = _looks_like_text(data[:65536])
    if _PDF_LATE.search(head) and (not text or _PDF_OBJECT.search(data[:65536])):
        return "pdf"
    return "txt" if text else "unknown"


def _is_word_zip(data: bytes) -> bool:
    """The package's own relationships name a Word main part (any part name: Word Online
    saves `word/document2.xml`)."""
    from validator.read.docx_package import is_word_package

    return is_word_package(data)


def _is_bmp(head: bytes) -> bool:
    """'BM', then a DIB header of a known size: two letters alone could start a text."""
    return (
        len(head) >= 18
        and head.startswith(b"BM")
        and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES
    )


def _is_webp(head: bytes) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"


def _looks_like_text(sample: bytes) -> bool:
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a BOM: every other byte of Vietnamese/ASCII text is zero or small.
        return _utf16_without_bom(sample)
    control = len(sample) - len(sample.translate(None, _CONTROL))
    return control <= len(sample) // 100


def _utf16_without_bom(sample: bytes) -> bool:
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > len(even) * 0.3 or odd.count(0) > len(odd) * 0.3
