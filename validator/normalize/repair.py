"""OCR slips undone where the document itself shows them: a hỏi read as sắc where the same
phrase is spelt otherwise elsewhere (repair_confused_tones), a circumflex, breve or horn lost
under a kept tone mark (lost_mark_repairs). Lengths never change, so offsets hold."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar

from validator.model import SourceLine
from validator.normalize.chars import CLUSTER, QUALITY_MARKS, normalize_string
from validator.normalize.keys import fold_key, match_key
from validator.normalize.syllables import WORD, is_syllable

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
    return frozenset(word.lower() for word in WORD.findall(_ADMINISTRATIVE))


def _restorations(word: str) -> list[str]:
    """The syllables `word` becomes with one lost circumflex, breve or horn put back (the two
    horns of ươ count as one mark: TRUONG -> TRƯƠNG), as many letters long."""
    clusters = CLUSTER.findall(unicodedata.normalize("NFD", word))
    bare = [i for i, cluster in enumerate(clusters) if cluster[0].lower() in _LOST_MARKS
            and not any(mark in cluster for mark in QUALITY_MARKS)]
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
             for line in lines for word in WORD.findall(normalize_string(line.text))}
    used = {word.lower() for _, word in words} | _administrative_words()
    repairs = {}
    for read, word in words:
        if not read or is_syllable(word):
            continue
        supported = [spelt for spelt in _restorations(word) if spelt.lower() in used]
        if len(supported) == 1:
            repairs[word] = supported[0]
    return repairs


def restore_marks(text: str, repairs: dict[str, str]) -> str:
    return WORD.sub(lambda word: repairs.get(word.group(), word.group()), text)
