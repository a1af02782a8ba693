"""Names of bodies and places as Vietnamese prose writes them.

A letterhead prints "ỦY BAN NHÂN DÂN XÃ AN BÌNH"; a letter's "Kính gửi:" and its sentences say
"Ủy ban nhân dân xã An Bình". The words after the last administrative unit (tỉnh, huyện, xã...)
are the place's name and keep their capitals; acronyms, Roman numerals and numbers stay as they
are; the rest is lower case.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân"}
_UNITS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "khu vực", "tỉnh", "huyện", "quận", "xã",
          "phường")
_UNIT = re.compile(r"\b(" + "|".join(_UNITS) + r")\b(?! hội\b)")
_KEEP = re.compile(r"^(?:[IVXLC]+|\w*\d\w*|BHXH|BHYT|BHTN|MTTQ|TCCB|CP)$")
_FIXED = {"việt nam": "Việt Nam", "ban chỉ đạo": "Ban Chỉ đạo"}


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def prose_name(text: str) -> str:
    """`text` as a sentence names it; text already in mixed case is kept as written."""
    text = " ".join(text.split())
    if not text or text != text.upper():
        return text
    words = text.split(" ")
    lowered = [word if _KEEP.match(word.strip(",.;:()")) else word.lower() for word in words]
    first = lowered[0].lower()
    if first in _ABBREVIATIONS:
        lowered[0] = _ABBREVIATIONS[first]
    result = " ".join(lowered)
    for phrase, fixed in _FIXED.items():
        result = result.replace(phrase, fixed)
    units = list(_UNIT.finditer(result))
    if units:
        end = units[-1].end()
        place = " ".join(_capitalised(word) for word in result[end:].split(" "))
        result = result[:end] + place
    return _capitalised(result)


def locality(name: str) -> str:
    """The place a prose name ends with ("xã An Bình"), or "" when it names none."""
    units = list(_UNIT.finditer(name))
    return name[units[-1].start():] if units else ""
