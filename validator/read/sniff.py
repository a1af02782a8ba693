"""Decide a file's format from its first bytes, never from its name."""

from __future__ import annotations

from typing import Literal

Sniffed = Literal["pdf", "docx", "doc", "txt", "image", "unknown"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def sniff(data: bytes) -> Sniffed:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if _is_word_zip(data) else "unknown"
    if head.startswith(_OLE2):
        return "doc"
    if head.startswith(_IMAGES):
        return "image"
    return "txt" if _looks_like_text(data[:65536]) else "unknown"


def _is_word_zip(data: bytes) -> bool:
    """The package's own relationships name a Word main part (any part name: Word Online
    saves `word/document2.xml`)."""
    from validator.read.docx_package import is_word_package

    return is_word_package(data)


def _looks_like_text(sample: bytes) -> bool:
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a BOM: every other byte of Vietnamese/ASCII text is zero or small.
        return _utf16_without_bom(sample)
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control <= len(sample) // 100


def _utf16_without_bom(sample: bytes) -> bool:
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > len(even) * 0.3 or odd.count(0) > len(odd) * 0.3
