"""The Vietnamese syllable grammar (onset + medial + nucleus + coda + tone), written as a
grammar book lists it: the line joiner and the OCR repairs ask whether a piece of text is a
syllable, or may grow into one."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from validator.normalize.chars import DROP_TONES, GRAVE, HOOK, QUALITY_MARKS, TILDE, TONES

# --------------------------------------------------------------------------- syllables

# Spelling tables, written as a grammar book lists them.
_ONSET_LIST = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x"
_RIMES_BY_NUCLEUS = {
    "a": "a ai ao au ay ac ach am an ang anh ap at",
    "ă": "ăc ăm ăn ăng ăp ăt",
    "â": "âc âm ân âng âp ât âu ây",
    "e": "e eo ec em en eng ep et",
    "ê": "ê êu êch êm ên ênh êp êt",
    "i": "i iu ich im in inh ip it",
    "iê": "ia iêc iêm iên iêng iêp iêt iêu",
    "o": "o oi oc om on ong op ot oong ooc",
    "ô": "ô ôi ôc ôm ôn ông ôp ôt",
    "ơ": "ơ ơi ơm ơn ơp ơt",
    "u": "u ui uc um un ung up ut",
    "uô": "ua uôc uôi uôm uôn uông uôt",
    "ư": "ư ưi ưu ưc ưm ưn ưng ưt",
    "ươ": "ưa ươc ươi ươm ươn ương ươp ươt ươu",
    "y": "y",
    # 'iê' is spelt 'yê' when nothing precedes it (yên, yêu) and after the medial u (uyên).
    "yê": "yêm yên yêt yêu",
    # With the medial o / u (hoa, khoe, tuân, thuở, huy, khuya, chuyên).
    "oa": "oa oai oay oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt",
    "oe": "oe oeo oen oet",
    "uâ": "uân uâng uât uây",
    "uê": "uê uêch uênh",
    "uơ": "uơ",
    "uy": "uy uya uych uynh uyt uyu uyên uyêt",
}
_ONSETS = _ONSET_LIST.split()
_MEDIAL_NUCLEI = ("oa", "oe", "uâ", "uê", "uơ", "uy")
_RIMES = tuple(
    rime
    for nucleus, rimes in _RIMES_BY_NUCLEUS.items()
    if nucleus != "yê" and nucleus not in _MEDIAL_NUCLEI
    for rime in rimes.split()
)
_Y_RIMES = tuple(_RIMES_BY_NUCLEUS["yê"].split())
_MEDIAL_RIMES = tuple(r for n in _MEDIAL_NUCLEI for r in _RIMES_BY_NUCLEUS[n].split())
# After qu the medial is already written: qua, quân, quê, quy, quyết, quốc.
_QU_RIMES = (
    *(r for r in _RIMES if r[0] in "aăâeêơ"),
    *("i", "y", "ynh", "yt", "ych", "yu", "yên", "yêt", "ôc"),
)
_FRONT = "eêiy"
_STOPS = ("c", "ch", "p", "t")
VOWELS = frozenset("aăâeêioôơuưy")


def _rimes_after(onset: str) -> tuple[str, ...]:
    """The rimes an onset may take, by the spelling rules (k/gh/ngh before e ê i y ...)."""
    if onset == "qu":
        return _QU_RIMES
    if onset == "":
        return (*(r for r in _RIMES if not r.startswith("iê")), *_Y_RIMES, *_MEDIAL_RIMES)
    if onset in ("k", "gh", "ngh"):
        return tuple(r for r in _RIMES if r[0] in _FRONT)
    if onset == "c":
        return tuple(r for r in _RIMES if r[0] not in _FRONT)
    if onset == "ng":
        return (*(r for r in _RIMES if r[0] not in _FRONT), *_MEDIAL_RIMES)
    if onset == "g":  # gì, gìn, giếng: the i of gi doubles as the vowel
        return (*(r for r in _RIMES if r[0] not in "eêy"), *_MEDIAL_RIMES)
    if onset == "gi":
        return tuple(r for r in _RIMES if r[0] not in "iy")
    return (*_RIMES, *_MEDIAL_RIMES)


_SYLLABLES = frozenset(o + r for o in ["", *_ONSETS] for r in _rimes_after(o))
_SYLLABLE_PREFIXES = frozenset(s[:i] for s in _SYLLABLES for i in range(1, len(s) + 1))


@lru_cache(maxsize=1 << 16)
def _split_tone(word: str) -> tuple[str, str] | None:
    """(toneless lower-case letters, tone mark or ''), None when more than one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    toneless = decomposed.translate(DROP_TONES)
    marks = len(decomposed) - len(toneless)
    if marks > 1:
        return None
    tone = ""
    if marks:
        at = next(i for i, c in enumerate(decomposed) if c in TONES)
        carrier = decomposed[:at].rstrip(QUALITY_MARKS)[-1:]
        if carrier not in VOWELS:  # a tone mark sits on a vowel
            return None
        tone = decomposed[at]
    return unicodedata.normalize("NFC", toneless), tone


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """True when `word` (any case) is a well-formed Vietnamese syllable."""
    return _spelt_with(word, _SYLLABLES)


def is_syllable_prefix(word: str) -> bool:
    """True when letters may follow `word` to make a syllable (quyế -> quyết)."""
    return _spelt_with(word, _SYLLABLE_PREFIXES)


def _spelt_with(word: str, spellings: frozenset[str]) -> bool:
    split = _split_tone(word)
    if split is None or split[0] not in spellings:
        return False
    base, tone = split
    # A checked stop (-c, -ch, -p, -t) takes only the sắc or nặng tone; nothing can follow it
    # but the h of -ch, so this holds for a prefix too.
    return not (base.endswith(_STOPS) and tone in (GRAVE, HOOK, TILDE))


# ------------------------------------------------------------------------ one line


# A run of letters: a word, or a syllable glued to its neighbours.
WORD = re.compile(r"[^\W\d_]+")
