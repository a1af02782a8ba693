"""Legacy Vietnamese 8-bit encodings: TCVN3 (ABC) and VNI, to Unicode and back.

Text typed in a legacy font reaches us as the *latin-1 view* of its bytes: Word, DOCX and PDF
give one Unicode character U+0000-U+00FF per byte, a .txt gives the bytes themselves
(``data.decode("latin-1")`` turns them into the same view).

- TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime, .VnArial ...) is one byte per letter. It has
  codes for every lower-case letter but only seven capitals (Ă Â Ê Ô Ơ Ư Đ); capitals with a tone
  mark are typed in the "H" fonts (.VnTimeH ...), which draw the lower-case codes as capitals.
  Careful: 'ư' is 0xAD, the soft hyphen.
- VNI (VNI-Times, VNI-Helve ...) writes a vowel followed by one modifier byte that carries the
  circumflex/breve and the tone together ("Vieät" = "Việt"); đ, ơ, ư and the i-with-tone letters
  (and ỵ) have a single precomposed byte.

The tables below were written from the standards and checked code point by code point against
two public converters (see tests/read/test_legacy.py for the fixed samples).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Literal

LegacyEncoding = Literal["tcvn3", "vni"]

# Combining tone marks in the order every table below uses: huyền, hỏi, ngã, sắc, nặng.
_TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")


def _with_tone(letter: str, tone_index: int) -> str:
    return unicodedata.normalize("NFC", letter + _TONES[tone_index])


# --------------------------------------------------------------------------- tables: TCVN3

# Lower-case vowel -> its five toned codes (huyền, hỏi, ngã, sắc, nặng).
_TCVN3_TONED = {
    "a": "\xb5\xb6\xb7\xb8\xb9",
    "ă": "\xbb\xbc\xbd\xbe\xc6",
    "â": "\xc7\xc8\xc9\xca\xcb",
    "e": "\xcc\xce\xcf\xd0\xd1",
    "ê": "\xd2\xd3\xd4\xd5\xd6",
    "i": "\xd7\xd8\xdc\xdd\xde",
    "o": "\xdf\xe1\xe2\xe3\xe4",
    "ô": "\xe5\xe6\xe7\xe8\xe9",
    "ơ": "\xea\xeb\xec\xed\xee",
    "u": "\xef\xf1\xf2\xf3\xf4",
    "ư": "\xf5\xf6\xf7\xf8\xf9",
    "y": "\xfa\xfb\xfc\xfd\xfe",
}
# Tone-less letters outside ASCII, including the only capitals TCVN3 has.
_TCVN3_PLAIN = {
    "Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6", "Đ": "\xa7",
    "ă": "\xa8", "â": "\xa9", "ê": "\xaa", "ô": "\xab", "ơ": "\xac", "ư": "\xad", "đ": "\xae",
}  # fmt: skip

# --------------------------------------------------------------------------- tables: VNI

_VNI_TONE_MARKS = "øûõùï"  # after a, e, o, u, y, ơ, ư
_VNI_CIRCUMFLEX_MARKS = ("â", "àåãáä")  # after a, e, o: (tone-less, toned)
_VNI_BREVE_MARKS = ("ê", "èúüéë")  # after a only
# Letters with a single precomposed VNI byte (lower case; capitals are the upper() of both).
_VNI_SINGLE = {
    "đ": "ñ", "ơ": "ô", "ư": "ö",
    "ì": "ì", "ỉ": "æ", "ĩ": "ó", "í": "í", "ị": "ò", "ỵ": "î",
}  # fmt: skip


def _vni_lower_sequences() -> dict[str, str]:
    """Lower-case Unicode letter -> VNI sequence (base byte + modifier byte, or one byte)."""
    table = dict(_VNI_SINGLE)
    for base in "aeouy":
        for index, mark in enumerate(_VNI_TONE_MARKS):
            table.setdefault(_with_tone(base, index), base + mark)
    for letter, vni_base in (("ơ", "ô"), ("ư", "ö")):
        for index, mark in enumerate(_VNI_TONE_MARKS):
            table[_with_tone(letter, index)] = vni_base + mark
    for base, (plain_mark, toned_marks), letter in (
        ("a", _VNI_CIRCUMFLEX_MARKS, "â"),
        ("e", _VNI_CIRCUMFLEX_MARKS, "ê"),
        ("o", _VNI_CIRCUMFLEX_MARKS, "ô"),
        ("a", _VNI_BREVE_MARKS, "ă"),
    ):
        table[letter] = base + plain_mark
        for index, mark in enumerate(toned_marks):
            table[_with_tone(letter, index)] = base + mark
    return table


def _both_cases(lower: dict[str, str]) -> dict[str, str]:
    table = dict(lower)
    table.update({letter.upper(): code.upper() for letter, code in lower.items()})
    return table


# --------------------------------------------------------------------------- derived tables


def _cp1252_punctuation() -> dict[str, str]:
    """Bytes 0x80-0x9F as Windows-1252 punctuation (curly quotes, dashes typed in old fonts)."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[chr(byte)] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


_CP1252 = _cp1252_punctuation()
_CP1252_BYTES = {text: byte for byte, text in _CP1252.items()}


@cache
def _tcvn3_encode_table() -> dict[str, str]:
    table = dict(_TCVN3_PLAIN)
    for vowel, codes in _TCVN3_TONED.items():
        for index, code in enumerate(codes):
            toned = _with_tone(vowel, index)
            table[toned] = code
            table[toned.upper()] = code  # no own code: a document would use an H font
    return table


@cache
def _tcvn3_decode_table() -> dict[int, str]:
    table = {ord(code): letter for letter, code in _TCVN3_PLAIN.items()}
    for vowel, codes in _TCVN3_TONED.items():
        table.update({ord(code): _with_tone(vowel, index) for index, code in enumerate(codes)})
    table.update({ord(byte): text for byte, text in _CP1252.items()})
    return table


@cache
def _vni_encode_table() -> dict[str, str]:
    return _both_cases(_vni_lower_sequences())


@cache
def _vni_decode_table() -> dict[str, str]:
    """VNI sequence -> letter; the base decides the case, the modifier may be either case."""
    table: dict[str, str] = {}
    for letter, code in _vni_lower_sequences().items():
        if len(code) == 1:
            table[code] = letter
            table[code.upper()] = letter.upper()
            continue
        base, mark = code
        for mark_form in (mark, mark.upper()):
            table[base + mark_form] = letter
            table[base.upper() + mark_form] = letter.upper()
    table.update(_CP1252)
    return table


@cache
def _vni_pattern() -> re.Pattern[str]:
    """A base letter followed by a modifier, or a single-byte letter.

    Bases, modifiers and single bytes are disjoint sets, so one left-to-right pass is exact.
    """
    keys = _vni_decode_table()
    bases = {key[0] for key in keys if len(key) == 2}
    marks = {key[1] for key in keys if len(key) == 2}
    singles = {key for key in keys if len(key) == 1}
    return re.compile(f"{_char_class(bases)}{_char_class(marks)}|{_char_class(singles)}")


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"


def _vni_replace(match: re.Match[str]) -> str:
    table = _vni_decode_table()
    found = match.group()
    if found in table:
        return table[found]
    base, mark = found  # a modifier that cannot go on this base ("uâ"): keep the modifier byte
    return table.get(base, base) + mark


# --------------------------------------------------------------------------- decode / encode


def decode(text: str, encoding: LegacyEncoding, capitals: bool = False) -> str:
    """Turn the latin-1 view of legacy-encoded text into Unicode (NFC).

    ``capitals`` is for the TCVN3 "H" fonts (.VnTimeH ...), which draw every letter as a capital.
    """
    if encoding == "tcvn3":
        result = text.translate(_tcvn3_decode_table())
    elif encoding == "vni":
        result = _vni_pattern().sub(_vni_replace, text)
    else:
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    return result.upper() if capitals else result


def encode(text: str, encoding: LegacyEncoding) -> str:
    """Unicode -> latin-1 view of the legacy bytes (``encode(...).encode("latin-1")`` = bytes).

    Characters the encoding cannot hold become "?"; TCVN3 capitals with a tone get the
    lower-case code (the document would set them in an H font).
    """
    if encoding == "tcvn3":
        table = _tcvn3_encode_table()
    elif encoding == "vni":
        table = _vni_encode_table()
    else:
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    used = _used_codes(encoding)
    return "".join(_encode_char(char, table, used) for char in unicodedata.normalize("NFC", text))


def _encode_char(char: str, table: dict[str, str], used: frozenset[str]) -> str:
    if char < "\x80":
        return char
    if char in table:
        return table[char]
    if char in _CP1252_BYTES:
        return _CP1252_BYTES[char]
    if char <= "\xff" and char not in used:
        return char
    return "?"


@cache
def _used_codes(encoding: LegacyEncoding) -> frozenset[str]:
    table = _tcvn3_encode_table() if encoding == "tcvn3" else _vni_encode_table()
    return frozenset("".join(table.values()))


def decode_cp1258(data: bytes) -> str:
    """Windows-1258 bytes -> NFC Unicode (the codec leaves tone marks as combining characters)."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


# --------------------------------------------------------------------------- font names

_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX = re.compile(
    r"(?:[-,_ ]*(?:bold|italic|oblique|regular|normal|semibold|medium|light|roman|mt|ps))+$",
    re.IGNORECASE,
)
_VNI_FONT = re.compile(r"^vni[-_ ]?[a-z]", re.IGNORECASE)
_TCVN3_FONT = re.compile(r"^(?:\.[Vv][Nn]|Vn[A-Z])")


def encoding_from_font(font_name: str | None) -> tuple[LegacyEncoding | None, bool]:
    """(encoding, capitals) implied by a font name; (None, False) for a Unicode font.

    Accepts Word names (".VnTimeH", ".VnArial NarrowH", "VNI-Helve-Condense") and PDF names
    ("ABCDEF+VnTime-Bold", "VnTimeH,BoldItalic").
    """
    if not font_name:
        return None, False
    name = _SUBSET_PREFIX.sub("", font_name.strip()).replace("#2E", ".").replace("#20", " ")
    if _VNI_FONT.match(name):
        return "vni", False
    if _TCVN3_FONT.match(name):
        family = _STYLE_SUFFIX.sub("", name)
        return "tcvn3", family.endswith(("H", "h"))
    return None, False


# --------------------------------------------------------------------------- detection

_WORD = re.compile(r"[A-Za-z\u00a1-\u024f\u1e00-\u1eff]+")
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_NUCLEUS = (
    "uyê|uya|uyu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|"
    "oa|oă|oe|oo|uâ|uê|uy|uơ|iê|yê|ia|ua|uô|ưa|ươ|"
    "ai|ay|ây|ao|au|âu|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|[aăâeêioôơuưy]"
)
_SYLLABLE = re.compile(f"(?:{_ONSET})?(?:{_NUCLEUS})(?:ch|nh|ng|[cmnpt])?")
_TONE_MARKS = frozenset(_TONES)
_COMMON_TEXT = (
    "của và các được thực hiện quyết định ủy uỷ ban nhân dân điều xã huyện tỉnh cộng hòa hoà "
    "hội chủ nghĩa việt độc lập tự hạnh phúc số ngày tháng năm về việc những có không theo "
    "người này trong với đã để tại từ một bảo hiểm y tế thành phố trưởng phó ký"
)
_COMMON_WORDS = frozenset(_COMMON_TEXT.split())
_MOTTO = ("cộng hòa xã hội chủ nghĩa việt nam", "cộng hoà xã hội chủ nghĩa việt nam", "độc lập")
_SAMPLE_CHARS = 20_000


def _is_syllable(word: str) -> bool:
    """A lower-case NFC word that is a well-formed Vietnamese syllable with at most one tone."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(char in _TONE_MARKS for char in decomposed)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def _word_score(word: str) -> int:
    if word.isascii():
        return 0
    lower = word.lower()
    if not _is_syllable(lower):
        return -1
    return 3 if lower in _COMMON_WORDS else 1


def _motto_bonus(decoded: str) -> int:
    lower = decoded.lower()
    return sum(10 for phrase in _MOTTO if phrase in lower)


def _unicode_score(sample: str) -> int:
    text = sample.replace("\xad", "")
    return sum(_word_score(word) for word in _WORD.findall(text)) + _motto_bonus(text)


def _legacy_score(sample: str, encoding: LegacyEncoding) -> int:
    score = 0
    for word in _WORD.findall(sample):
        if any(char > "\xff" and char not in _CP1252_BYTES for char in word):
            score -= 1  # a letter no 8-bit font can hold: this word is Unicode already
        else:
            score += _word_score(decode(word, encoding))
    return score + _motto_bonus(decode(sample, encoding))


# Vietnamese letters outside Latin-1 (ă đ ơ ư and the toned vowels of U+1EA0-U+1EF9): a
# legacy text seen through Latin-1 never contains them.
_UNICODE_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_UNICODE_ONLY_ENOUGH = 20


def detect(text: str) -> Literal["unicode", "tcvn3", "vni"]:
    """Guess how text with no font information was encoded, from the words it decodes to.

    Each hypothesis scores +1 per word that reads as a Vietnamese syllable, +3 for a very common
    word, -1 for a word with non-ASCII letters that reads as garbage, +10 for the national motto.
    A legacy encoding must beat Unicode strictly; plain ASCII and ties stay "unicode".
    """
    sample = unicodedata.normalize("NFC", text[:_SAMPLE_CHARS])
    if len(_UNICODE_ONLY.findall(sample)) >= _UNICODE_ONLY_ENOUGH:
        return "unicode"  # letters no 8-bit font can hold: the text is Unicode already
    best: Literal["unicode", "tcvn3", "vni"] = "unicode"
    best_score = max(_unicode_score(sample), 0)
    for encoding in ("tcvn3", "vni"):
        score = _legacy_score(sample, encoding)
        if score > best_score:
            best, best_score = encoding, score
    return best
