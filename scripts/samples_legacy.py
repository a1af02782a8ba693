"""Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) and the plain-text samples."""

from __future__ import annotations

import contextlib
import importlib
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from samples_decisions import Doc

ROOT = Path(__file__).resolve().parents[1]


def load_encoder() -> Callable[[str, str], str] | None:
    sys.path.insert(0, str(ROOT))
    try:
        module = importlib.import_module("validator.read.legacy")
    except Exception as exc:
        print(f"legacy encoder unavailable ({exc}); legacy samples skipped", file=sys.stderr)
        return None
    return getattr(module, "encode", None)


def cp1252_view(latin1_view: str) -> str:
    """The legacy bytes as Word and PDF fonts show them: 0x80-0x9F as Windows-1252."""
    out = []
    for ch in latin1_view:
        if 0x80 <= ord(ch) < 0xA0:
            with contextlib.suppress(UnicodeDecodeError):
                ch = bytes([ord(ch)]).decode("cp1252")
        out.append(ch)
    return "".join(out)


def tcvn3_runs(encode: Callable[[str, str], str]) -> Callable[[str], list[tuple[str, str]]]:
    """Word runs of TCVN3 text: .VnTime, and .VnTimeH (lower-case codes) for capitals.

    A line in capitals is set entirely in .VnTimeH; elsewhere a capital with a tone mark,
    which .VnTime cannot hold, is set alone in .VnTimeH as typists did.
    """

    def runs(text: str) -> list[tuple[str, str]]:
        letters = [c for c in text if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and len(letters) > 3:
            return [(".VnTimeH", cp1252_view(encode(text.lower(), "tcvn3")))]
        out: list[tuple[str, str]] = []
        for ch in text:
            capital = ch.isupper() and encode(ch, "tcvn3") == encode(ch.lower(), "tcvn3")
            font = ".VnTimeH" if capital else ".VnTime"
            code = cp1252_view(encode(ch.lower() if capital else ch, "tcvn3"))
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + code)
            else:
                out.append((font, code))
        return out

    return runs


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 the way Vietnamese Windows wrote it: vowel shapes precomposed, tones apart."""
    shapes = {"\u0302", "\u0306", "\u031b"}
    out: list[str] = []
    for cluster in re.findall(r".[\u0300-\u036f]*", unicodedata.normalize("NFD", text), re.S):
        marks = cluster[1:]
        base = unicodedata.normalize("NFC", cluster[0] + "".join(m for m in marks if m in shapes))
        out.append(base + "".join(m for m in marks if m not in shapes))
    return "".join(out).encode("cp1258")


def write_text(doc: Doc, path: Path, variant: str, encode=None) -> str:
    text = doc.text()
    if variant == "txt-utf8":
        path.write_bytes(text.encode("utf-8"))
        return "utf-8"
    if variant == "txt-utf8-bom":
        path.write_bytes(text.encode("utf-8-sig"))
        return "utf-8-sig"
    crlf = text.replace("\n", "\r\n")
    if variant == "txt-utf16":
        path.write_bytes(crlf.encode("utf-16"))
        return "utf-16"
    if variant == "txt-cp1258":
        path.write_bytes(cp1258_bytes(crlf))
        return "cp1258"
    if variant == "txt-vni":
        path.write_bytes(encode(crlf, "vni").encode("latin-1"))
        return "vni"
    raise ValueError(variant)
