"""Whether text looks like Vietnamese: for text layers that need OCR and doubtful OCR words."""

from __future__ import annotations

import re
import unicodedata

# A Vietnamese syllable, diacritics removed: initial consonant(s), 1-3 vowels, final.
_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?"
)
# A Latin (English, French) word: no four consonants in a row, some vowel.
_LATIN = re.compile(r"(?=.*[aeiouy])(?!.*[b-df-hj-np-tv-xz]{4})[a-z]+")
_PRIVATE_OR_BROKEN = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]")


def _skeleton(token: str) -> str:
    """ASCII letters of a token. Accented letters lose their marks; any other non-ASCII
    letter is most likely a vowel of a legacy encoding (TCVN3 'µ', VNI 'ä'), read as 'a'."""
    plain = unicodedata.normalize("NFD", token.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return "".join(ch if ch.isascii() else "a" for ch in plain).lower()


def plausible(token: str) -> bool:
    skeleton = _skeleton(token)
    if _SYLLABLE.fullmatch(skeleton):
        return True
    if token.isupper():
        # Abbreviations (BHXH, UBND, HĐND, QĐ) are short and carry one vowel at most;
        # shifted glyph codes in capitals ("WKH TXLFN EURZQ") are neither.
        return len(token) <= 4 and sum(ch in "aeiouy" for ch in skeleton) <= 1
    return bool(_LATIN.fullmatch(skeleton))


def page_text_is_garbage(text: str) -> bool:
    """True when a page's text layer is unusable and the page should be OCR'd.

    Unusable: almost empty (a scan with a page number), broken glyphs (private-use,
    replacement or control characters from fonts without a Unicode map), mostly non-letters,
    or letters that do not form Vietnamese syllables or Latin words (shifted glyph codes).
    Legacy TCVN3/VNI text is not garbage: the legacy reader converts it.
    """
    visible = [ch for ch in text if not ch.isspace()]
    if len(visible) < 20:
        return True
    if len(_PRIVATE_OR_BROKEN.findall(text)) > 0.05 * len(visible):
        return True
    if sum(ch.isalpha() for ch in visible) < 0.5 * len(visible):
        return True
    tokens = [t for t in re.findall(r"[^\W\d_]{2,}", text)]
    if len(tokens) < 5:
        return False
    return sum(plausible(t) for t in tokens) < 0.6 * len(tokens)


def is_word(text: str) -> bool:
    """Each run of letters in text is a Vietnamese syllable, abbreviation or Latin word."""
    return all(plausible(token) for token in re.findall(r"[^\W\d_]+", text))
