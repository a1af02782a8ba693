"""File names: which ones are documents, which are litter, and how a name is shown.

Shared by folder runs and archives, so a folder and the same folder zipped check the same files.

Display names are valid UTF-8 without control characters, and lossless: a byte of a file name
that is not UTF-8 (kept by Python as a lone surrogate, PEP 383) is written `\\xNN`, a control
character `\\xNN` too (other invisible characters such as bidi overrides `\\uNNNN`), and a
backslash `\\\\`. Reading `\\\\` as one backslash, `\\xNN` as the byte NN and `\\uNNNN` as the
character gives the name back exactly. Names without any of these are shown as they are.
"""

from __future__ import annotations

import fnmatch
import unicodedata
from collections.abc import Iterable
from pathlib import PurePosixPath

DOCUMENT_SUFFIXES = frozenset({
    ".pdf", ".docx", ".doc", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".zip",
})
# Files operating systems and office programs leave beside documents.
LITTER_NAMES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store", "__macosx"})
_TEMPORARY_SUFFIXES = frozenset({".tmp", ".temp", ".swp", ".part", ".crdownload", ".partial"})


def is_litter(name: str) -> bool:
    """Hidden files and folders, office lock files (`~$x.docx`), backups (`x~`), partial
    downloads, and the system files of Windows and macOS."""
    return (
        name.startswith((".", "~$"))
        or name.endswith("~")
        or name.lower() in LITTER_NAMES
        or PurePosixPath(name).suffix.lower() in _TEMPORARY_SUFFIXES
    )


def is_document_name(name: str) -> bool:
    return not is_litter(name) and PurePosixPath(name).suffix.lower() in DOCUMENT_SUFFIXES


def excluded(relative: str, patterns: Iterable[str]) -> bool:
    """Whether `--exclude` patterns leave out a path: a pattern matches the name, or the path
    relative to the folder being checked ('drafts/*', '*/old/*')."""
    name = relative.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(relative, pattern)
        for pattern in patterns
    )


def display_name(name: str) -> str:
    """`name` as reports show it: valid UTF-8, no control characters, lossless (see above)."""
    if name.isascii() and name.isprintable() and "\\" not in name:
        return name
    return "".join(_shown(char) for char in name)


_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _shown(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if char == "\\":
        return "\\\\"
    if code < 0x80 and not char.isprintable():  # C0 controls and DEL: one byte, as above
        return f"\\x{code:02x}"
    if unicodedata.category(char) in _INVISIBLE:  # C1 controls, bidi overrides, separators
        return f"\\u{code:04x}"
    return char
