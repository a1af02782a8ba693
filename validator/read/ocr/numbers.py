"""Numbers on scanned pages: a number run into the word before it, told apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from validator.read.ocr.engine import Word
from validator.read.ocr.syllables import plausible

_GLUED_NUMBER = re.compile(r"([^\W\d_]{2,})(\d\S*)")


def split_glued_numbers(words: Sequence[Word]) -> list[Word]:
    """A lower-case word run into the number after it ("ngày19", "tháng12") as two words.

    Print always spaces them; a number written by hand into the blank after "ngày" often
    comes close enough for Tesseract to miss the space. Codes ("F0", "QĐ1") start with a
    capital and are left alone.
    """
    result = []
    for word in words:
        match = _GLUED_NUMBER.fullmatch(word.text)
        if match is None or not match[1].islower() or not plausible(match[1]):
            result.append(word)
            continue
        cut = word.left + round(word.width * len(match[1]) / len(word.text))
        result += [replace(word, width=cut - word.left, text=match[1]),
                   replace(word, left=cut, width=word.right - cut, text=match[2])]
    return result
