"""Matching keys, each as long as the text it is made from, so an offset found in a key is an
offset in the text: lower case (match_key), without diacritics (loose_key), with the tone marks
OCR confuses read as one (fold_key)."""

from __future__ import annotations

import unicodedata

from validator.normalize.chars import ACUTE, HOOK, TILDE


def _lower_same_length(text: str) -> str:
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    # A few letters (İ) lower-case to two characters; keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _loose_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "d"}
    for start, end in ((0xC0, 0x250), (0x1E00, 0x1F00)):
        for code in range(start, end):
            base = unicodedata.normalize("NFD", chr(code))[0]
            if base != chr(code) and base.isascii():
                table[code] = base.lower()
    return table


LOOSE = _loose_table()


def match_key(text: str) -> str:
    """Lower-case form, same length as the input."""
    return _lower_same_length(text)


def loose_key(text: str) -> str:
    """Lower-case, diacritic-free form (đ -> d), same length as the input."""
    return _lower_same_length(text).translate(LOOSE)


# ------------------------------------------------------------- OCR tone confusions

# Tesseract's Vietnamese model reads hỏi as sắc (Tổ -> Tố, kể -> kế) on about 1 % of the words of
# a scan, and ngã as hỏi now and then: at 200-300 dpi the three small marks look alike. The other
# tones (none, huyền, nặng) are seldom confused with them, and keeping them apart is what tells
# "Trưởng bản" from "Trưởng ban".
_CONFUSED_TONES = (HOOK, TILDE)  # folded into ACUTE


def _fold_table() -> dict[int, str]:
    table = {}
    for start, end in ((0xC0, 0x250), (0x1E00, 0x1F00)):
        for code in range(start, end):
            decomposed = unicodedata.normalize("NFD", chr(code))
            if any(tone in decomposed for tone in _CONFUSED_TONES):
                for tone in _CONFUSED_TONES:
                    decomposed = decomposed.replace(tone, ACUTE)
                folded = unicodedata.normalize("NFC", decomposed)
                if len(folded) == 1:
                    table[code] = folded
    return table


_FOLD = _fold_table()


def fold_key(text: str) -> str:
    """Lower-case form with hỏi and ngã read as sắc, same length as the input.

    Two words with the same fold key differ only by the tone marks OCR confuses (tổ / tố,
    bản / bán); words that differ in any other mark (ban / bản, văn / vẫn) keep different keys.
    """
    return _lower_same_length(text).translate(_FOLD)


def fold_tones(text: str) -> str:
    """hỏi and ngã read as sắc, case and everything else kept (for regex sources)."""
    return text.translate(_FOLD)
