"""Checks on a page's text: did line assembly keep exactly pdfium's characters, does the
page use fonts without a Unicode map, does the text still look damaged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from itertools import compress, islice
from operator import eq

import numpy as np

from validator.read.pdf.pieces import SPACING_ACCENTS, PageText, whitespace_codes

UNMAPPED_SHARE = 0.05  # of a page's glyphs without a character: the page is OCR'd instead
UNMAPPED_MIN = 3
SPACED_RUN = 4  # this many one-letter words in a row are a letter-spaced word
DOUBLED_MIN = 3  # a page with this many different doubled syllables looks damaged

def has_unmapped_font(text: PageText) -> bool:
    """Enough glyphs without a character that the page's text cannot be trusted."""
    total = text.broken + text.visible_count
    return text.broken >= UNMAPPED_MIN and text.broken >= UNMAPPED_SHARE * total


def same_characters(texts: Iterable[str], text: PageText, dropped: Counter[str],
                    composed: bool) -> bool:
    """The assembled text holds pdfium's characters (`text.text`), each once, plus nothing.

    Compared as multisets of non-space characters, so the order of lines and spaces does
    not matter, after canonical decomposition when marks were `composed` with their
    letters; the text left out as drawn twice is counted back in. Without composed marks
    every piece is a slice of pdfium's text and the pieces do not overlap, so equal counts
    of visible characters are equal multisets: counting is enough.
    """
    ours = "".join(texts) + "".join(char * count for char, count in dropped.items())
    if not composed:
        return sum(map(len, ours.split())) == text.visible_count
    return np.array_equal(_characters(ours), _characters(text.text))


def _characters(text: str) -> np.ndarray:
    """The sorted code points of the text's visible characters, decomposed."""
    text = unicodedata.normalize("NFD", text)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    codes = _FOLD[np.minimum(codes, 0xFFFF)] if codes.size else codes
    return np.sort(codes[codes > 32])


# Code point -> what it counts as: spacing accents as the combining marks they were read as,
# spaces and control characters as nothing (0); U+FFFF stands for anything above the BMP.
_FOLD = np.arange(0x10000, dtype=np.uint32)
_FOLD[whitespace_codes()] = 0
_FOLD[[ord(a) for a in SPACING_ACCENTS]] = [ord(m) for m in SPACING_ACCENTS.values()]


# --------------------------------------------------------------------------- damage

_LETTER = r"[^\W\d_]"
_ONE_LETTER_WORDS = re.compile(r" \S (?=\S )")
_SPACED = re.compile(rf"(?<!\S)(?:\S ){{{SPACED_RUN - 1},}}\S(?!\S)")
# A capitalised syllable whose vowel became a doubled consonant ("ĐNNH" for "ĐỊNH"): no
# vowel, a syllable's final cluster, and a letter twice - acronyms ("ĐĐN", "UBND") have none
# of the three together.
_CONSONANTS = "BCDĐGHKLMNPQRSTVX"
_DOUBLED_CAPITAL = re.compile(rf"([{_CONSONANTS}])\1")
_LOST_VOWEL = re.compile(rf"(?<!{_LETTER})[{_CONSONANTS}]{{2,}}(?:NH|NG|CH)(?!{_LETTER})")
_TWICE = re.compile(r"(.)\1")
# Latin-1 symbols that TCVN3 and VNI bytes leave behind inside words when conversion fails.
_DEBRIS_SYMBOLS = "¢£¤¥¦§¨©ª«¬®¯°±²³µ¶·¸¹º»¼½¾¿×Þßð÷þ"
_DEBRIS_SYMBOL = re.compile(f"[{_DEBRIS_SYMBOLS}]")
_LEGACY_DEBRIS = re.compile(rf"{_LETTER}[{_DEBRIS_SYMBOLS}]|[{_DEBRIS_SYMBOLS}]{_LETTER}")


def damage(text: str) -> list[str]:
    """Pieces of a page's text that look damaged: letter-spaced words, doubled syllables,
    legacy-conversion debris ("QUYẾT ĐNNH", "D¢N"). Empty when the page looks sound.
    Cheap searches go first: most pages have none of these."""
    found = []
    if _ONE_LETTER_WORDS.search(text):
        found += [m.group() for m in _SPACED.finditer(text)
                  if m.group().replace(" ", "").isalpha()]
    words = text.split()
    doubled = [word for word in compress(words, map(eq, words, islice(words, 1, None)))
               if len(word) >= 2 and word.isalpha()]
    if len(set(doubled)) >= DOUBLED_MIN:  # "Luật Luật sư" is a law's name, said often
        found += [f"{word} {word}" for word in doubled]
    if _DOUBLED_CAPITAL.search(text):
        found += [m.group() for m in _LOST_VOWEL.finditer(text) if _TWICE.search(m.group())]
    if _DEBRIS_SYMBOL.search(text):
        found += [m.group() for m in _LEGACY_DEBRIS.finditer(text)]
    return found
