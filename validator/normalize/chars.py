"""Characters of one line: NFC, one Đ, one dash, plain spaces and quotes, no invisible marks,
blanks squeezed, and open oa / oe / uy syllables with their tone mark in one place (hòa, khỏe,
thủy). `clean` keeps, per character, the column it came from in the source line."""

from __future__ import annotations

import re
import unicodedata

# ------------------------------------------------------------------------- characters

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u02d7"
# Odd spaces and the line/paragraph separators a reader may leave inside one line.
_SPACES = "\u00a0\u1680\u202f\u205f\u3000\n\r\x0b\x0c\x85\u2028\u2029" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff\x7f" + "".join(
    chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"
)
_CHAR_TABLE = str.maketrans(
    _DASHES + _SPACES + "\u00d0\u00f0\u0189“”„‟″‘’‚‛′",
    "-" * len(_DASHES) + " " * len(_SPACES) + "ĐđĐ" + '"' * 5 + "'" * 5,
    _INVISIBLE,
)
REMOVED = frozenset(_INVISIBLE)
# Most lines hold none of the characters above; a regex scan is cheaper than translate.
_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _CHAR_TABLE)) + "]")
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
CLUSTER = re.compile(f".[{_COMBINING}]*", re.S)
_WS_RUN = re.compile(r"[ \t]+")
_WS_IRREGULAR = re.compile(r"[ \t]{2,}|\t|^ | $")
_WS_IRREGULAR_ROW = re.compile(r"  | \t|\t |^ | $")

# ---------------------------------------------------------------------- tone convention

GRAVE, ACUTE, TILDE, HOOK, DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
TONES = GRAVE + ACUTE + TILDE + HOOK + DOT
DROP_TONES = str.maketrans("", "", TONES)
QUALITY_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: part of the vowel


def _tone_swaps() -> dict[str, str]:
    """'oà' -> 'òa', 'uỷ' -> 'ủy' ... in every letter case: the mark moves to the first vowel."""
    swaps = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                for tone in TONES:
                    new_style = f + unicodedata.normalize("NFC", s + tone)
                    swaps[new_style] = unicodedata.normalize("NFC", f + tone) + s
    return swaps


_TONE_SWAPS = _tone_swaps()
# Only at the end of a word (open syllable) and never after q: "quý" keeps its mark on y.
_NEW_STYLE = re.compile(
    "(?<![qQ])[oOuU][" + "".join(sorted({k[1] for k in _TONE_SWAPS})) + r"](?![^\W\d_])"
)


def fix_tones(text: str) -> str:
    return _NEW_STYLE.sub(lambda m: _TONE_SWAPS.get(m.group(), m.group()), text)


def _compose(text: str, cols: list[int] | None) -> tuple[str, list[int]]:
    """NFC, keeping for each output character the column of its base character."""
    parts: list[str] = []
    keep: list[int] = []
    for m in CLUSTER.finditer(text):
        composed = unicodedata.normalize("NFC", m.group())
        parts.append(composed)
        keep.extend([m.start()] * len(composed))
    result = "".join(parts)
    if not unicodedata.is_normalized("NFC", result):
        # Composition across clusters (not Vietnamese): map proportionally, columns stay in range.
        result = unicodedata.normalize("NFC", text)
        scale = len(text) / len(result)
        keep = [min(int(i * scale), len(text) - 1) for i in range(len(result))]
    return result, keep if cols is None else [cols[k] for k in keep]


def _squeeze(text: str, cols: list[int] | None, row: bool) -> tuple[str, list[int] | None]:
    """One space per run of blanks, no blanks at the ends; a table row keeps its TABs."""
    if not (_WS_IRREGULAR_ROW if row else _WS_IRREGULAR).search(text):
        return text, cols
    parts: list[str] = []
    keep: list[int] = []
    pos = 0
    for m in _WS_RUN.finditer(text):
        start, run = m.start(), m.group()
        parts.append(text[pos:start])
        keep.extend(range(pos, start))
        if row and "\t" in run:
            parts.append("\t" * run.count("\t"))
            keep.extend(start + i for i, ch in enumerate(run) if ch == "\t")
        elif pos < start and m.end() < len(text):  # inner run: one space
            parts.append(" ")
            keep.append(start)
        pos = m.end()
    parts.append(text[pos:])
    keep.extend(range(pos, len(text)))
    return "".join(parts), keep if cols is None else [cols[k] for k in keep]


# A run of marks longer than this (a blank of dots or underscores, a rule of dashes, "_._._")
# keeps this many: the rest says nothing, and a run of 200,000 would be one token that the
# language pipeline's tokenizer strips a mark at a time, in quadratic time.
RUN_KEPT = 40
_LONG_RUN = re.compile(rf"(?:[^\w\s/]|_){{{RUN_KEPT + 1},}}")  # a slash belongs to a symbol


def _shorten_runs(text: str, cols: list[int] | None) -> tuple[str, list[int] | None]:
    if not _LONG_RUN.search(text):
        return text, cols
    parts: list[str] = []
    keep: list[int] = []
    pos = 0
    for match in _LONG_RUN.finditer(text):
        end = match.start() + RUN_KEPT
        parts.append(text[pos:end])
        keep.extend(range(pos, end))
        pos = match.end()
    parts.append(text[pos:])
    keep.extend(range(pos, len(text)))
    return "".join(parts), keep if cols is None else [cols[k] for k in keep]


def clean(raw: str, row: bool = False) -> tuple[str, list[int] | None]:
    """Character-normalised line and, per character, its column in `raw` (None: unchanged)."""
    text = raw.translate(_CHAR_TABLE) if _SPECIAL.search(raw) else raw
    cols = None
    if len(text) != len(raw):
        cols = [i for i, ch in enumerate(raw) if ch not in REMOVED]
    if not unicodedata.is_normalized("NFC", text):
        text, cols = _compose(text, cols)
    text, cols = _squeeze(text, cols, row)
    text, cols = _shorten_runs(text, cols)
    text = fix_tones(text)
    if not unicodedata.is_normalized("NFC", text):
        # A second tone mark on a syllable the convention moved ("OÀ̀"): compose what is left.
        text, cols = _compose(text, cols)
    return text, cols


def normalize_string(text: str) -> str:
    """Character-level normalisation of a short string (rule phrases, examples).

    Line breaks inside `text` become spaces: the string is treated as one line.
    """
    return clean(text)[0]
