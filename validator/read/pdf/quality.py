"""Checks on a page's text: did line assembly keep exactly pdfium's characters, does the
page use fonts without a Unicode map, does the text still look damaged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from validator.read.pdf.glyphs import SPACING_ACCENTS, Glyphs

UNMAPPED_SHARE = 0.05  # of a page's glyphs without a character: the page is OCR'd instead
UNMAPPED_MIN = 3
SPACED_RUN = 4  # this many one-letter words in a row are a letter-spaced word
DOUBLED_MIN = 3  # a page with this many different doubled syllables looks damaged



def has_unmapped_font(glyphs: Glyphs) -> bool:
    """Enough glyphs without a character that the page's text cannot be trusted."""
    total = glyphs.broken + len(glyphs)
    return glyphs.broken >= UNMAPPED_MIN and glyphs.broken >= UNMAPPED_SHARE * total


def same_characters(texts: Iterable[str], plain: str, dropped: Counter[str]) -> bool:
    """The assembled text holds pdfium's characters, each once, plus nothing.

    Compared as multisets of non-space characters after canonical decomposition, so the
    order of lines, spaces and composed marks do not matter; the glyphs left out as drawn
    twice are counted back in.
    """
    ours = _characters("".join(texts))
    for char, count in dropped.items():
        for part in _characters(char):
            ours[part] += count
    return ours == _characters(plain)


def _characters(text: str) -> Counter[str]:
    counts = Counter(unicodedata.normalize("NFD", text))
    for char in [c for c in counts if c.isspace() or c < " " or c in SPACING_ACCENTS]:
        count = counts.pop(char)
        if char in SPACING_ACCENTS:  # read as a combining mark where it sat on a letter
            counts[SPACING_ACCENTS[char]] += count
    return counts


# --------------------------------------------------------------------------- damage

_LETTER = r"[^\W\d_]"
_SPACED = re.compile(rf"(?<!\S)(?:{_LETTER} ){{{SPACED_RUN - 1},}}{_LETTER}(?!\S)")
_DOUBLED = re.compile(rf"(?<!\S)({_LETTER}{{2,}}) \1(?!\S)")
# A capitalised syllable whose vowel became a doubled consonant ("ĐNNH" for "ĐỊNH"): no
# vowel, a syllable's final cluster, and a letter twice - acronyms ("ĐĐN", "UBND") have none
# of the three together.
_CONSONANTS = "BCDĐGHKLMNPQRSTVX"
_LOST_VOWEL = re.compile(rf"(?<!{_LETTER})[{_CONSONANTS}]{{2,}}(?:NH|NG|CH)(?!{_LETTER})")
_TWICE = re.compile(r"(.)\1")
# Latin-1 symbols that TCVN3 and VNI bytes leave behind inside words when conversion fails.
_DEBRIS_SYMBOLS = "¢£¤¥¦§¨©ª«¬®¯°±²³µ¶·¸¹º»¼½¾¿×Þßð÷þ"
_LEGACY_DEBRIS = re.compile(rf"{_LETTER}[{_DEBRIS_SYMBOLS}]|[{_DEBRIS_SYMBOLS}]{_LETTER}")


def damage(text: str) -> list[str]:
    """Pieces of a page's text that look damaged: letter-spaced words, doubled syllables,
    legacy-conversion debris ("QUYẾT ĐNNH", "D¢N"). Empty when the page looks sound."""
    found = [m.group() for m in _SPACED.finditer(text)]
    doubled = [m.group() for m in _DOUBLED.finditer(text)]
    if len(set(doubled)) >= DOUBLED_MIN:  # "Luật Luật sư" is a law's name, said often
        found += doubled
    found += [m.group() for m in _LOST_VOWEL.finditer(text) if _TWICE.search(m.group())]
    found += [m.group() for m in _LEGACY_DEBRIS.finditer(text)]
    return found
