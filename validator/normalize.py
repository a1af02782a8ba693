"""Vietnamese text normalisation with a map back to the original page and line.

`normalize` turns the reader's source lines into one text in which
- characters are canonical: NFC, one Đ, one dash, plain spaces and quotes, no invisible marks;
- open oa / oe / uy syllables carry their tone mark in one place (hòa, khỏe, thủy);
- lines broken inside a word or a sentence are joined into logical lines;
- OCR slips are undone where the document itself shows them: a hỏi read as sắc where the same
  phrase is spelt otherwise elsewhere (repair_confused_tones), a circumflex, breve or horn lost
  under a kept tone mark ("QUYÉT", lost_mark_repairs), a speck read as "." or "," at the end
  of a heading or name line.
Every character of the result remembers the source line and column it came from, so a match
found in the normalised text can still be quoted from the original with its page and line.

The line joiner leans on a Vietnamese syllable grammar (onset + medial + nucleus + coda + tone):
a piece of a line that is not a syllable was cut out of a word, a piece that is one may stand alone.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar

from validator.model import SourceLine

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
_REMOVED = frozenset(_INVISIBLE)
# Most lines hold none of the characters above; a regex scan is cheaper than translate.
_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _CHAR_TABLE)) + "]")
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CLUSTER = re.compile(f".[{_COMBINING}]*", re.S)
_WS_RUN = re.compile(r"[ \t]+")
SHORT_LINE = 0.15  # a line ending this fraction of the text width short of the edge is short
_WS_IRREGULAR = re.compile(r"[ \t]{2,}|\t|^ | $")
_WS_IRREGULAR_ROW = re.compile(r"  | \t|\t |^ | $")

# ---------------------------------------------------------------------- tone convention

_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_TONES = _GRAVE + _ACUTE + _TILDE + _HOOK + _DOT
_DROP_TONES = str.maketrans("", "", _TONES)
_QUALITY_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: part of the vowel


def _tone_swaps() -> dict[str, str]:
    """'oà' -> 'òa', 'uỷ' -> 'ủy' ... in every letter case: the mark moves to the first vowel."""
    swaps = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                for tone in _TONES:
                    new_style = f + unicodedata.normalize("NFC", s + tone)
                    swaps[new_style] = unicodedata.normalize("NFC", f + tone) + s
    return swaps


_TONE_SWAPS = _tone_swaps()
# Only at the end of a word (open syllable) and never after q: "quý" keeps its mark on y.
_NEW_STYLE = re.compile(
    "(?<![qQ])[oOuU][" + "".join(sorted({k[1] for k in _TONE_SWAPS})) + r"](?![^\W\d_])"
)


def _fix_tones(text: str) -> str:
    return _NEW_STYLE.sub(lambda m: _TONE_SWAPS.get(m.group(), m.group()), text)


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
_VOWELS = frozenset("aăâeêioôơuưy")


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
    toneless = decomposed.translate(_DROP_TONES)
    marks = len(decomposed) - len(toneless)
    if marks > 1:
        return None
    tone = ""
    if marks:
        at = next(i for i, c in enumerate(decomposed) if c in _TONES)
        carrier = decomposed[:at].rstrip(_QUALITY_MARKS)[-1:]
        if carrier not in _VOWELS:  # a tone mark sits on a vowel
            return None
        tone = decomposed[at]
    return unicodedata.normalize("NFC", toneless), tone


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """True when `word` (any case) is a well-formed Vietnamese syllable."""
    return _spelt_with(word, _SYLLABLES)


def _is_syllable_prefix(word: str) -> bool:
    """True when letters may follow `word` to make a syllable (quyế -> quyết)."""
    return _spelt_with(word, _SYLLABLE_PREFIXES)


def _spelt_with(word: str, spellings: frozenset[str]) -> bool:
    split = _split_tone(word)
    if split is None or split[0] not in spellings:
        return False
    base, tone = split
    # A checked stop (-c, -ch, -p, -t) takes only the sắc or nặng tone; nothing can follow it
    # but the h of -ch, so this holds for a prefix too.
    return not (base.endswith(_STOPS) and tone in (_GRAVE, _HOOK, _TILDE))


# ------------------------------------------------------------------------ one line


def _compose(text: str, cols: list[int] | None) -> tuple[str, list[int]]:
    """NFC, keeping for each output character the column of its base character."""
    parts: list[str] = []
    keep: list[int] = []
    for m in _CLUSTER.finditer(text):
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


def _clean(raw: str, row: bool = False) -> tuple[str, list[int] | None]:
    """Character-normalised line and, per character, its column in `raw` (None: unchanged)."""
    text = raw.translate(_CHAR_TABLE) if _SPECIAL.search(raw) else raw
    cols = None
    if len(text) != len(raw):
        cols = [i for i, ch in enumerate(raw) if ch not in _REMOVED]
    if not unicodedata.is_normalized("NFC", text):
        text, cols = _compose(text, cols)
    text, cols = _squeeze(text, cols, row)
    return _fix_tones(text), cols


# A "." or "," ending a line after a space or after ":" / ";" is always a speck of the scan: no
# Vietnamese punctuation follows a space. Right after a word it is one only on a heading or a
# name line (_HEADING_MARK).
_LOOSE_MARK = re.compile(r"(?:(?<=[:;])|(?<=\w) ) ?[.,]$")
_HEADING_MARK = re.compile(r"(?<=\w)[.,]$")


def _loose_mark_length(line: str) -> int:
    """Characters at the end of a line that are a speck read as "." or "," ("CHỦ TỊCH .")."""
    if not line.endswith((".", ",")):
        return 0  # the regex below would scan the whole line to say so
    match = _LOOSE_MARK.search(line)
    return 0 if match is None else match.end() - match.start()


def _heading_mark_length(line: str) -> int:
    """1 when a heading or a name line ends in "." or ",": "QUYẾT ĐỊNH," / "Trần Thị Mai."

    Such a line takes no mark, and with it the parsers would not know it. An abbreviation
    keeps its dot ("KT.", "TM."): it is not a syllable. A one-word line is left alone: whether
    it ends in a mark can decide how it joins the next, and a second pass must join the same.
    """
    match = _HEADING_MARK.search(line)
    if match is None:
        return 0
    words = line[: match.start()].split()
    if len(words) < 2 or len(words[-1]) < 2 or not is_syllable(words[-1]):
        return 0
    letters = [c for c in line if c.isalpha()]
    if all(c.isupper() for c in letters):
        return 1
    return int(len(words) <= 5 and all(w.isalpha() and w.istitle() for w in words))


def normalize_string(text: str) -> str:
    """Character-level normalisation of a short string (rule phrases, examples).

    Line breaks inside `text` become spaces: the string is treated as one line.
    """
    return _clean(text)[0]


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


_LOOSE = _loose_table()


def match_key(text: str) -> str:
    """Lower-case form, same length as the input."""
    return _lower_same_length(text)


def loose_key(text: str) -> str:
    """Lower-case, diacritic-free form (đ -> d), same length as the input."""
    return _lower_same_length(text).translate(_LOOSE)


# ------------------------------------------------------------- OCR tone confusions

# Tesseract's Vietnamese model reads hỏi as sắc (Tổ -> Tố, kể -> kế) on about 1 % of the words of
# a scan, and ngã as hỏi now and then: at 200-300 dpi the three small marks look alike. The other
# tones (none, huyền, nặng) are seldom confused with them, and keeping them apart is what tells
# "Trưởng bản" from "Trưởng ban".
_CONFUSED_TONES = (_HOOK, _TILDE)  # folded into _ACUTE


def _fold_table() -> dict[int, str]:
    table = {}
    for start, end in ((0xC0, 0x250), (0x1E00, 0x1F00)):
        for code in range(start, end):
            decomposed = unicodedata.normalize("NFD", chr(code))
            if any(tone in decomposed for tone in _CONFUSED_TONES):
                for tone in _CONFUSED_TONES:
                    decomposed = decomposed.replace(tone, _ACUTE)
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


_TOKEN = re.compile(r"[^\W_]+")
_PAIR_GAP = re.compile(r"[^\n\t]{1,3}")  # what may stand between two words of one phrase
# How often a spelling must occur, and how many times more often than the variant, before the
# document's own usage is trusted over it: a two-word phrase, or a lone word when no phrase
# around it says anything.
PHRASE_SUPPORT, PHRASE_RATIO = 2, 2
WORD_SUPPORT, WORD_RATIO = 3, 3
REPAIR_PASSES = 3


_S = TypeVar("_S", str, tuple[str, str])  # a word's spelling, or a two-word phrase's


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    key: str  # lower-case word, "#" for a number: "ngày 5 tháng" and "ngày 19 tháng" are one
    fold: str


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        key = "#" if word.isdigit() else match_key(word)
        tokens.append(_Token(match.start(), match.end(), key, fold_key(key)))
    return tokens


def repair_confused_tones(text: str) -> str:
    """Undo OCR tone confusions, judged by how the document itself spells its phrases.

    A word is respelt when a two-word phrase around it is spelt otherwise elsewhere in the
    document, with tone marks that differ only as OCR confuses them, and that spelling is
    clearly the document's: "Chủ tịch" five times against one "Chú tịch"; or "Phó Chủ tịch"
    once against one "PHỎ CHỦ TỊCH" when "phó" is the usual spelling of the word and "phỏ"
    occurs nowhere else. A word is never respelt on its own frequency alone: "Hồ Chí Minh"
    once stays, however often "chỉ đạo" occurs. No word list: the evidence is the document's
    own text, so a native document, which spells each phrase one way, is left as it is.
    Lengths do not change: offsets and the map to the source hold.
    """
    # A respelt phrase is evidence for its words elsewhere: go again until nothing changes.
    for _ in range(REPAIR_PASSES):
        repaired = _repair_pass(text)
        if repaired == text:
            break
        text = repaired
    return text


def _repair_pass(text: str) -> str:
    tokens = _tokens(text)
    words: dict[str, dict[str, int]] = {}
    for token in tokens:
        seen = words.setdefault(token.fold, {})
        seen[token.key] = seen.get(token.key, 0) + 1
    votes = _phrase_votes(text, tokens, words)
    chars = list(text)
    for token in tokens:
        # Phrases that disagree ("Chính phủ" / "Tân Phú,") leave the word as it is.
        wanted = votes.get(token.start, set())
        if len(wanted) == 1 and token.key not in wanted:
            _respell(chars, token, next(iter(wanted)))
    return "".join(chars)


def _phrase_votes(
    text: str, tokens: list[_Token], words: dict[str, dict[str, int]]
) -> dict[int, set[str]]:
    """Token start -> the spellings the clear two-word phrases it is part of ask for."""
    pairs = [
        (left, right)
        for left, right in pairwise(tokens)
        if _PAIR_GAP.fullmatch(text, left.end, right.start) is not None
    ]
    phrases: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
    for left, right in pairs:
        seen = phrases.setdefault((left.fold, right.fold), {})
        seen[(left.key, right.key)] = seen.get((left.key, right.key), 0) + 1
    votes: dict[int, set[str]] = {}
    for left, right in pairs:
        own = (left.key, right.key)
        seen = phrases[(left.fold, right.fold)]
        best = _trusted(seen, own, PHRASE_SUPPORT, PHRASE_RATIO)
        if best is None:
            best = _usual_spelling(seen, own, words[left.fold], words[right.fold])
        if best is not None:
            votes.setdefault(left.start, set()).add(best[0])
            votes.setdefault(right.start, set()).add(best[1])
    return votes


def _trusted(seen: dict[_S, int], own: _S, support: int, ratio: int) -> _S | None:
    """The spelling the document supports (maybe `own`), or None when it is not clear."""
    best, count = max(seen.items(), key=lambda item: item[1])
    if count < support:
        return None
    if best == own:
        return own
    return best if count >= ratio * seen[own] else None


def _usual_spelling(
    seen: dict[tuple[str, str], int],
    own: tuple[str, str],
    left_words: dict[str, int],
    right_words: dict[str, int],
) -> tuple[str, str] | None:
    """A phrase spelt otherwise as often as `own`, whose words are the document's usual
    spelling of them while those of `own` are rare."""
    found = []
    for other, count in seen.items():
        if other == own or count < seen[own]:
            continue
        differing = [
            (words, mine, theirs)
            for words, mine, theirs in zip((left_words, right_words), own, other, strict=True)
            if mine != theirs
        ]
        if all(_trusted(words, mine, WORD_SUPPORT, WORD_RATIO) == theirs
               for words, mine, theirs in differing):
            found.append(other)
    return found[0] if len(found) == 1 else None


def _respell(chars: list[str], token: _Token, spelling: str) -> None:
    """Write `spelling` (lower-case) over the token, keeping each letter's case."""
    for offset, letter in enumerate(spelling):
        at = token.start + offset
        chars[at] = letter.upper() if chars[at].isupper() else letter


# ------------------------------------------------------------- OCR lost vowel marks

# Tesseract now and then drops the circumflex, breve or horn of a letter and keeps the tone
# mark above it, mostly on bold capitals: "QUYẾT" comes out "QUYÉT", "VIỆT" "VIẸT". Such a
# reading is no Vietnamese syllable, which every correct reading of a word is; the header
# parser then misses "QUYẾT ĐỊNH" and the line joiner runs it into the line above. A word
# gets its mark back when exactly one restoration makes it a syllable that the document
# itself or the set phrases of administrative papers use. Lengths do not change.
_LOST_MARKS = {"a": "\u0302\u0306", "e": "\u0302", "o": "\u0302\u031b", "u": "\u031b"}
_HORN = "\u031b"
_ADMINISTRATIVE = """
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc; QUYẾT ĐỊNH, NGHỊ QUYẾT,
CHỈ THỊ, QUY CHẾ, QUY ĐỊNH, THÔNG BÁO, HƯỚNG DẪN, KẾ HOẠCH, BÁO CÁO, TỜ TRÌNH, CÔNG VĂN,
GIẤY MỜI, BIÊN BẢN, PHỤ LỤC, DANH SÁCH, ĐỀ ÁN, PHƯƠNG ÁN; ỦY BAN NHÂN DÂN, HỘI ĐỒNG NHÂN
DÂN, THỦ TƯỚNG CHÍNH PHỦ, BỘ, SỞ, PHÒNG, BAN CHỈ ĐẠO, TỔ CÔNG TÁC, TỈNH, THÀNH PHỐ, HUYỆN,
QUẬN, THỊ XÃ, PHƯỜNG, THỊ TRẤN, THÔN, ẤP, BẢN, KHU PHỐ; TRƯỞNG BAN, PHÓ TRƯỞNG BAN THƯỜNG
TRỰC, ỦY VIÊN, THÀNH VIÊN, THƯ KÝ, CHỦ TỊCH, GIÁM ĐỐC, BỘ TRƯỞNG, THỨ TRƯỞNG, CHÁNH VĂN
PHÒNG, CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC; BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ, THẤT NGHIỆP; Căn cứ
Luật Tổ chức chính quyền địa phương, Nghị định, Thông tư; Theo đề nghị của; Về việc thành
lập, kiện toàn, bổ sung, điều chỉnh, thay thế; Điều, Chương, Mục; Nơi nhận, Như trên, Lưu;
có hiệu lực kể từ ngày ký, chịu trách nhiệm thi hành; Công an, Quân sự, Tài chính, Nội vụ,
Tư pháp, Lao động - Thương binh, Văn hóa, Thông tin, Truyền thông, Giáo dục và Đào tạo,
Nông nghiệp, Môi trường, Kinh tế, Hạ tầng, Mặt trận Tổ quốc, Đoàn Thanh niên Cộng sản, Hội
Liên hiệp Phụ nữ, Cựu chiến binh, Nông dân, Liên đoàn Lao động, Bưu điện, Kho bạc, Thuế
"""


@lru_cache(maxsize=1)
def _administrative_words() -> frozenset[str]:
    return frozenset(word.lower() for word in _WORD.findall(_ADMINISTRATIVE))


def _restorations(word: str) -> list[str]:
    """The syllables `word` becomes with one lost circumflex, breve or horn put back (the two
    horns of ươ count as one mark: TRUONG -> TRƯƠNG), as many letters long."""
    clusters = _CLUSTER.findall(unicodedata.normalize("NFD", word))
    bare = [i for i, cluster in enumerate(clusters) if cluster[0].lower() in _LOST_MARKS
            and not any(mark in cluster for mark in _QUALITY_MARKS)]
    changes = [{i: mark} for i in bare for mark in _LOST_MARKS[clusters[i][0].lower()]]
    changes += [{i: _HORN, j: _HORN} for i, j in pairwise(bare)
                if j == i + 1 and clusters[i][0] in "uU" and clusters[j][0] in "oO"]
    found = []
    for change in changes:
        spelt = unicodedata.normalize("NFC", "".join(
            cluster[0] + change.get(i, "") + cluster[1:] for i, cluster in enumerate(clusters)))
        if len(spelt) == len(word) and is_syllable(spelt):
            found.append(spelt)
    return found


def lost_mark_repairs(lines: Sequence[SourceLine]) -> dict[str, str]:
    """Words of the OCR lines that lost a vowel's circumflex, breve or horn -> the word with
    it put back. Only a word that is no syllable is repaired, and only when exactly one of
    its restorations is a word the document or the administrative vocabulary uses. Native
    lines (no OCR confidence) are evidence, never repaired."""
    if all(line.confidence is None for line in lines):
        return {}
    words = {(line.confidence is not None, word)
             for line in lines for word in _WORD.findall(normalize_string(line.text))}
    used = {word.lower() for _, word in words} | _administrative_words()
    repairs = {}
    for read, word in words:
        if not read or is_syllable(word):
            continue
        supported = [spelt for spelt in _restorations(word) if spelt.lower() in used]
        if len(supported) == 1:
            repairs[word] = supported[0]
    return repairs


def _restore_marks(text: str, repairs: dict[str, str]) -> str:
    return _WORD.sub(lambda word: repairs.get(word.group(), word.group()), text)


# ------------------------------------------------------------------ joining lines

_WORD = re.compile(r"[^\W\d_]+")
_LETTER_RUNS = re.compile(r"[^\W\d_]{2,}")
_SEPARATOR = re.compile(r"[-_=*.•~ ]{3,}")
_CODE_DASH = re.compile(r"-[A-ZĐ0-9](?:[A-ZĐ0-9]|(?=[\s,.;:)/-]|$))")
_CLOSING_START = re.compile(r"""[,.;:!?)\]}%…]|"(?=[\s,.;:!?)]|$)""")
_YEAR_TAIL = re.compile(r"\d{2}[.,;)]?")
_SYMBOL_END = re.compile(r"/[A-ZĐ]+\d+$")  # "68/2013/QH1" + "3"
_FIRST_LETTER = re.compile(r"""[\s"'(\[]*(\w)""")
_ENUMERATOR = r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•*])"
_ENUMERATOR_ONLY = re.compile(_ENUMERATOR + r"|Điều \d+[a-zđ]?\s*[.:]")
# Markers and openers are matched on the tone-folded line (fold_tones): a scan's "QUYỂT ĐỊNH"
# or "PHỎ CHỦ TỊCH" still starts its own line.
# "Điều 5" starts a provision when a dot, the line end or its capitalised title follows;
# "Điều 5 của Luật ..." at the start of a wrapped line does not.
_UPPER_CLASS = re.escape("".join(
    chr(code) for code in range(0x41, 0x1EFA) if chr(code).isupper() and chr(code).isalpha()
))
_MARKER = re.compile(
    fold_tones(_ENUMERATOR
    + r"""(?=\W|$)
    | [-+•*](?=[^\W\d_])
    | (?:Điều|ĐIỀU)\s+\d+[a-zđ]?(?:\s*[.:]|\s*$|\s+(?=[""" + _UPPER_CLASS + r"""]))
    | (?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[IVXLC\d]+\b
    | [IVX]{1,4}\.\s+(?=[""" + _UPPER_CLASS + r"""])
    | (?:Chương|CHƯƠNG)(?:\s+(?!\d+\s*$)[IVXLCHl1|!]*[Hl1|!][IVXLCHl1|!]*)?\s*$
    | Căn\s+cứ|CĂN\s+CỨ|Nơi\s+nhận|NƠI\s+NHẬN|Kính\s+gửi|KÍNH\s+GỬI|V/v|Về\s+việc|VỀ\s+VIỆC
    | S[ốó]\s*:
    | (?:QUYẾT\s+ĐỊNH|QUY\s+CHẾ|CỘNG\s+HÒA|PHỤ\s+LỤC|Độc\s+lập\s*-)
    | (?:PHÓ\s+)?(?:CHỦ\s+TỊCH|TRƯỞNG\s+BAN|(?:TỔNG\s+)?GIÁM\s+ĐỐC)
    | (?:TM|KT|TL|TUQ|Q)\.
    | \((?:Ban\s+hành|[Kk]èm\s+theo)
    """),
    re.X,
)
_PLACE_DATE = re.compile(r"[^\W\d_][\w.]*(?:\s+[\w.]+){0,4},\s*ngày\b")
# Words that open a paragraph; after a line without a full stop they still start a new one.
# Something must follow on the line: a last word may still grow (Để|nh).
# "Chương" with a numeral a scan damaged or lost (IHI, lI, 1I): a line of its own, like a
# whole "Chương III" (which _MARKER knows by its numeral when it starts a line).
_DAMAGED_CHAPTER = re.compile(
    r"(?:Chương|CHƯƠNG)(?:\s+(?!\d+$)[IVXLCHl1|!]*[Hl1|!][IVXLCHl1|!]*)?"
)
_OPENER = re.compile(
    fold_tones(r"(?:Trong|Theo|Để|Ngày|Nay|Xét|Tuy\s+nhiên|Ngoài\s+ra|Đồng\s+thời)(?=\W)")
)
_MOTTO_END = fold_tones("CHỦ NGHĨA VIỆT NAM")
_TAIL_KEPT = 48  # characters of the logical line every end-of-line test needs


def _has_caps_word(text: str) -> bool:
    """True when an upper-case word of `text` is a real syllable (QUYẾT, not BHXH)."""
    return any(w.isupper() and is_syllable(w) for w in _LETTER_RUNS.findall(text))


def _starts_caps_or_mixed(text: str) -> tuple[bool, bool]:
    """(first word is an upper-case syllable, first word has lower-case letters).

    Only the first word counts: the rest of the line may still be glued to what follows.
    A word ending the line may grow too (XÃ|C, O|an), so it is no upper-case word yet.
    """
    word = _WORD.search(text)
    if word is None:
        return False, False
    first = word.group()
    complete = word.end() < len(text) and len(first) > 1
    return complete and first.isupper() and is_syllable(first), first.upper() != first


def _trailing_letters(text: str) -> str:
    start = len(text)
    while start and text[start - 1].isalpha():
        start -= 1
    return text[start:]


def _well_cased(word: str) -> bool:
    rest = word[1:]
    return word.islower() or word.isupper() or (word[0].isupper() and rest == rest.lower())


@dataclass
class _Logical:
    """What the joiner needs to know about the logical line being built."""

    parts: list[str]
    tail: str
    length: int
    has_lower: bool
    page: int
    open_word: bool = False  # its last piece was a lone fragment glued inside a word

    @classmethod
    def start(cls, text: str, page: int) -> _Logical:
        return cls([text], text[-_TAIL_KEPT:], len(text), text.upper() != text, page)

    def add(self, joiner: str, text: str, page: int) -> None:
        self.parts += (joiner, text)
        self.tail = (self.tail + joiner + text)[-_TAIL_KEPT:]
        self.length += len(joiner) + len(text)
        self.has_lower |= text.upper() != text
        self.page = page
        self.open_word = joiner == "" and text.isalpha()

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def is_caps(self) -> bool:
        """An upper-case heading (QUYẾT ĐỊNH, ỦY BAN NHÂN DÂN ...), judged on the whole line as
        a second pass over the joined line would judge it; a long line is no heading."""
        return not self.has_lower and self.length <= 300 and _has_caps_word("".join(self.parts))

    @property
    def is_enumerator(self) -> bool:
        """The line is just "1." / "a)" / "-" / "Điều 5.": its text follows on the next line."""
        return self.length <= 12 and _ENUMERATOR_ONLY.fullmatch(self.tail) is not None


def _word_glue(cur: _Logical, nxt: str) -> bool:
    """True when the break fell inside a word: the end of `cur` and the start of `nxt` are one."""
    left, head_m = _trailing_letters(cur.tail), _WORD.match(nxt)
    if not left or head_m is None:
        return False
    right = head_m.group()
    left_ok, right_ok = is_syllable(left), is_syllable(right)
    if left.isupper() and right.isupper() and not left_ok and not right_ok:
        # Abbreviations and Roman numerals split up (B|H|XH, X|II).
        return min(len(left), len(right)) <= 2
    joined = left + right
    alone = right == nxt  # the next line is just this fragment; the word may go on below
    if not _well_cased(joined):
        return False
    if not (is_syllable(joined) or (alone and _is_syllable_prefix(joined))):
        return False
    if not left_ok or not right_ok:
        return True
    if alone and right[0].lower().translate(_LOOSE) in _VOWELS:
        return True  # quy|ết, tri|ển: a lone vowel-initial fragment
    return cur.open_word and is_syllable(joined)  # c|ủ|a


def _glue(cur: _Logical, nxt: str) -> bool:
    """True when punctuation, a symbol or a year shows `nxt` continues `cur` with no space."""
    tail = cur.tail
    last = tail[-1]
    if nxt[0] == "/" or (last == "/" and tail[-2:-1].isalnum()):
        return True
    if last.isalnum() and _CODE_DASH.match(nxt):
        return True
    if _CLOSING_START.match(nxt) or last in "([{" or (last == '"' and tail[-2:-1] in ("", " ")):
        return True
    if tail[-2:] in ("19", "20") and not tail[-3:-2].isdigit() and _YEAR_TAIL.fullmatch(nxt):
        return True
    return nxt[0].isdigit() and _SYMBOL_END.search(tail[-16:]) is not None


def _is_name_line(cur: _Logical) -> bool:
    """A short line of capitalised words only: a signer's name, a place."""
    if cur.length > 40:
        return False
    words = cur.tail.split()
    return 2 <= len(words) <= 5 and all(
        w.isalpha() and w[0].isupper() and w[1:] == w[1:].lower() for w in words
    )


def _breaks(cur: _Logical, nxt: str, page: int) -> bool:
    """True when `nxt` starts a new logical line although nothing glues or marks it."""
    next_caps, next_mixed = _starts_caps_or_mixed(nxt)
    if (next_mixed and cur.is_caps) or (next_caps and cur.has_lower):
        return True
    first = _FIRST_LETTER.match(nxt)
    capital = first is not None and first.group(1).isupper()
    terminal = cur.tail.rstrip("\"')]")[-1:] in (".", ";", ":", "!", "?")
    if capital and terminal:
        return True
    if capital and cur.parts[0][:1] == "(" and cur.tail.endswith(")"):
        return True  # a line-long note, "(Kèm theo Quyết định số ...)", is a paragraph
    if _OPENER.match(nxt) and cur.tail[-1] != ",":
        return True
    if capital and _is_name_line(cur) and any(w[0].islower() for w in nxt.split()):
        return True
    # Across a page only a plain continuation (no full stop, lower-case start) is a wrap.
    continues = first is not None and (first.group(1).islower() or first.group(1).isdigit())
    return page != cur.page and (terminal or not continues)


def _joiner(cur: _Logical, nxt: str, page: int) -> str | None:
    """'' to glue `nxt` to the logical line, ' ' to join it with a space, None to break.

    `nxt` comes tone-folded (fold_tones), so that a scan's "QUYỂT ĐỊNH" is still a marker.
    """
    if cur.length <= _TAIL_KEPT and _DAMAGED_CHAPTER.fullmatch(cur.tail):
        return None
    if _glue(cur, nxt):
        return ""
    if _MARKER.match(nxt) or (nxt[0].isupper() and _PLACE_DATE.match(nxt)):
        return None
    if fold_tones(cur.tail).endswith(_MOTTO_END):
        return None

    if _word_glue(cur, nxt):
        return ""
    if cur.is_enumerator:
        return " "
    return None if _breaks(cur, nxt, page) else " "


# ------------------------------------------------------------------------- result


@dataclass(frozen=True, slots=True)
class NormLine:
    """A logical line: one or more source lines joined where the break was a wrap."""

    text: str
    start: int  # offset of text in NormalizedText.text
    page: int  # page and line of the first source line
    line: int
    table: int | None = None  # table index when the line is a table row (cells split by TAB)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Span:
    """Original text behind a normalised span, one entry per source line it touches."""

    text: str
    page: int
    line: int


class NormalizedText:
    """Normalised text of a whole document.

    text   logical lines joined by "\\n"
    key    same length as text: lower-cased (for case-insensitive matching)
    loose  same length as text: lower-cased, diacritics removed, đ -> d
    fold   same length as text: lower-cased, the tone marks OCR confuses (hỏi, ngã) read as sắc
    lines  the logical lines

    Each character of text comes from one source line (a "piece" of the text); `_cols` holds
    its column in that line's original text. A space or newline put between two pieces belongs
    to the piece before it and points just past the end of its original line.
    """

    text: str
    key: str
    loose: str
    fold: str
    lines: list[NormLine]

    def __init__(
        self,
        text: str,
        lines: list[NormLine],
        sources: Sequence[SourceLine],
        piece_starts: list[int],
        piece_sources: list[int],
        piece_ends: list[int],
        cols: array,
    ) -> None:
        self.text = text
        self.key = match_key(text)
        self.loose = loose_key(text)
        self.fold = fold_key(text)
        self.lines = lines
        self._sources = sources
        self._piece_starts = piece_starts
        self._piece_sources = piece_sources
        self._piece_ends = piece_ends  # text offset where each piece's own characters end
        self._cols = cols
        self._line_starts = [line.start for line in lines]

    def _piece(self, offset: int) -> int:
        if not self.text:
            raise IndexError("empty text has no positions")
        if offset == len(self.text):
            offset -= 1
        if not 0 <= offset < len(self.text):
            raise IndexError(f"offset {offset} outside text of length {len(self.text)}")
        return bisect_right(self._piece_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """(page, line) of the source character behind text[offset]."""
        source = self._sources[self._piece_sources[self._piece(offset)]]
        return source.page, source.line

    def origin(self, offset: int) -> tuple[int, int, int]:
        """(page, line, column in the line's original text) behind text[offset]."""
        page, line = self.position(offset)
        return page, line, self._cols[min(offset, len(self.text) - 1)]

    def spans(self, start: int, end: int) -> list[Span]:
        """The original (un-normalised) text behind text[start:end], per source line."""
        start, end = max(start, 0), min(end, len(self.text))
        if start >= end:
            return []
        spans = []
        piece = self._piece(start)
        while piece < len(self._piece_starts) and self._piece_starts[piece] < end:
            own_end = self._piece_ends[piece]
            lo, hi = max(start, self._piece_starts[piece]), min(end, own_end)
            if lo < hi:
                source = self._sources[self._piece_sources[piece]]
                col_hi = self._cols[hi] if hi < own_end else self._end_column(piece)
                spans.append(Span(source.text[self._cols[lo] : col_hi], source.page, source.line))
            piece += 1
        return spans

    def _end_column(self, piece: int) -> int:
        """Column just past the original characters of a piece's last character."""
        raw = self._sources[self._piece_sources[piece]].text
        col = self._cols[self._piece_ends[piece] - 1] + 1
        while col < len(raw) and (unicodedata.combining(raw[col]) or raw[col] in _REMOVED):
            col += 1
        return col

    def line_at(self, offset: int) -> NormLine:
        if not self.lines:
            raise IndexError("empty text has no lines")
        return self.lines[max(bisect_right(self._line_starts, offset) - 1, 0)]


def _trim(text: str, cols: list[int] | None, cut: int) -> tuple[str, list[int] | None]:
    """`text` without its last `cut` characters, with their columns."""
    if not cut:
        return text, cols
    return text[:-cut], None if cols is None else cols[:-cut]


class _Builder:
    """Accumulates pieces into logical lines, keeping the per-character column map."""

    def __init__(self, sources: Sequence[SourceLine], short: set[int],
                 repairs: dict[str, str]) -> None:
        self.sources = sources
        self.short = short
        self.repairs = repairs  # OCR words with a lost vowel mark (lost_mark_repairs)
        self.parts: list[str] = []
        self.cols = array("i")
        self.offset = 0
        self.piece_starts: list[int] = []
        self.piece_sources: list[int] = []
        self.piece_ends: list[int] = []
        self.line_spans: list[tuple[int, int, int]] = []  # (start, end, first source index)
        self.current: _Logical | None = None

    def _put(self, separator: str, index: int, text: str, cols: list[int] | None) -> None:
        if separator:
            self.parts.append(separator)
            self.cols.append(len(self.sources[self.piece_sources[-1]].text))
            self.offset += 1
        self.piece_starts.append(self.offset)
        self.piece_sources.append(index)
        self.parts.append(text)
        self.cols.extend(range(len(text)) if cols is None else cols)
        self.offset += len(text)
        self.piece_ends.append(self.offset)

    def begin(self, index: int, text: str, cols: list[int] | None) -> None:
        self.close()
        self._put("\n" if self.parts else "", index, text, cols)
        self.line_spans.append((self.piece_starts[-1], self.offset, index))
        self.current = _Logical.start(text, self.sources[index].page)

    def extend(self, joiner: str, index: int, text: str, cols: list[int] | None) -> None:
        assert self.current is not None
        self._put(joiner, index, text, cols)
        start, _, first = self.line_spans[-1]
        self.line_spans[-1] = (start, self.offset, first)
        self.current.add(joiner, text, self.sources[index].page)

    def close(self) -> None:
        self.current = None

    def add(self, index: int) -> None:
        source = self.sources[index]
        row = source.table is not None
        text, cols = _clean(source.text, row)
        if self.repairs and source.confidence is not None:
            text = _restore_marks(text, self.repairs)  # before joining: QUYẾT ĐỊNH stands alone
        if not text:
            self.close()  # an empty line is a real break
        elif row or _SEPARATOR.fullmatch(text):
            self.begin(index, text, cols)
            self.close()  # table rows and rules stand alone
        else:
            self._add_text(index, text, cols)

    def _add_text(self, index: int, text: str, cols: list[int] | None) -> None:
        # Stray marks go before the line is joined, so that normalising the result again finds
        # nothing more to drop and joins the same lines.
        text, cols = _trim(text, cols, _loose_mark_length(text))
        joiner = None
        if self.current is not None:
            joiner = _joiner(self.current, fold_tones(text), self.sources[index].page)
            if joiner == " " and index - 1 in self.short:
                joiner = None
        # A lone mark, and a heading's mark, are judged on the logical line they would end.
        # Both end in "." or ","; other lines skip building that line (long paragraphs).
        cut = 0
        if text.endswith((".", ",")):
            before = "" if self.current is None or joiner is None else self.current.text + joiner
            cut = max(_loose_mark_length(before + text), _heading_mark_length(before + text))
        if cut >= len(text):
            return  # the line held nothing but the speck
        text, cols = _trim(text, cols, cut)
        if self.current is None or joiner is None:
            self.begin(index, text, cols)
        else:
            self.extend(joiner, index, text, cols)

    def result(self) -> NormalizedText:
        # Words glued from pieces (ho|à) get the tone convention too; lengths do not change.
        text = _fix_tones("".join(self.parts))
        if any(source.confidence is not None for source in self.sources):
            # Only text that OCR read can carry its tone confusions; a native document keeps
            # every spelling it was typed with.
            text = repair_confused_tones(text)
        lines = []
        for start, end, first in self.line_spans:
            source = self.sources[first]
            lines.append(NormLine(text[start:end], start, source.page, source.line, source.table))
        return NormalizedText(
            text,
            lines,
            self.sources,
            self.piece_starts,
            self.piece_sources,
            self.piece_ends,
            self.cols,
        )


def normalize(lines: Sequence[SourceLine], paragraphs: bool = False) -> NormalizedText:
    """Normalise a document's source lines (in reading order) into logical lines.

    `paragraphs` says each source line is already a whole paragraph (DOCX, .doc), so no
    line is joined to the next; otherwise lines are visual lines that may wrap.
    """
    builder = _Builder(lines, _short_lines(lines), lost_mark_repairs(lines))
    for index in range(len(lines)):
        if paragraphs:
            builder.close()
        builder.add(index)
    return builder.result()


def _short_lines(lines: Sequence[SourceLine]) -> set[int]:
    """Lines that stop well short of their page's right text edge: a paragraph ends there.

    Only lines with a position (PDF, OCR) can be judged; "Điều 1. Phạm vi điều chỉnh" above
    its first sentence is the case this is for.
    """
    edges: dict[int, tuple[float, float]] = {}
    for line in lines:
        if line.box is not None and line.table is None:
            left, right = edges.get(line.page, (line.box.x0, line.box.x1))
            edges[line.page] = (min(left, line.box.x0), max(right, line.box.x1))
    short = set()
    for index, line in enumerate(lines):
        if line.box is None or line.page not in edges:
            continue
        left, right = edges[line.page]
        if line.box.x1 < right - SHORT_LINE * (right - left):
            short.add(index)
    return short
