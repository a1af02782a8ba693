"""Joining visual lines into logical lines: where a break fell inside a word, inside a sentence,
or before something that starts a line of its own (a marker, a heading, a place and date); and
the specks a scan leaves at the end of a line ("CHỦ TỊCH .")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from validator.normalize.keys import LOOSE, fold_tones
from validator.normalize.syllables import VOWELS, WORD, is_syllable, is_syllable_prefix

# A "." or "," ending a line after a space or after ":" / ";" is always a speck of the scan: no
# Vietnamese punctuation follows a space. Right after a word it is one only on a heading or a
# name line (_HEADING_MARK).
_LOOSE_MARK = re.compile(r"(?:(?<=[:;])|(?<=\w) ) ?[.,]$")
_HEADING_MARK = re.compile(r"(?<=\w)[.,]$")


def loose_mark_length(line: str) -> int:
    """Characters at the end of a line that are a speck read as "." or "," ("CHỦ TỊCH .")."""
    if not line.endswith((".", ",")):
        return 0  # the regex below would scan the whole line to say so
    match = _LOOSE_MARK.search(line)
    return 0 if match is None else match.end() - match.start()


def heading_mark_length(line: str) -> int:
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


# ------------------------------------------------------------------ joining lines

_LETTER_RUNS = re.compile(r"[^\W\d_]{2,}")
SEPARATOR = re.compile(r"[-_=*.•~ ]{3,}")
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
    | Căn\s+cứ|CĂN\s+CỨ|Nơi\s+nhận|NƠI\s+NHẬN|Kính\s+gửi|KÍNH\s+GỬI|Về\s+việc|VỀ\s+VIỆC
    | V/v|V\s?[íìịil1|]\s?[vy](?=[\s:.])
    | S[ốóôỐÓÔ]\s*:
    | (?:QUYẾT\s+ĐỊNH|QUY\s+CHẾ|CỘNG\s+HÒA|PHỤ\s+LỤC|Độc\s+lập\s*-)
    | (?:PHÓ\s+)?(?:CHỦ\s+TỊCH|TRƯỞNG\s+BAN|(?:TỔNG\s+)?GIÁM\s+ĐỐC)
    | (?:TM|KT|TL|TUQ|Q)\.
    | \((?:Ban\s+hành|[Kk]èm\s+theo)
    """),
    re.X,
)
_PLACE_DATE = re.compile(r"[^\W\d_][\w.]*(?:\s+[\w.]+){0,4},\s*ngày\b")
_DATE_END = re.compile(r"(?:năm\s*\d{4}|\d{1,2}/\d{1,2}/\d{4})\W{0,2}$")
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
# A degree before a name ("TS. Trần A", "ThS.BS. Lê B"): its capitals are no heading's.
_TITLE_LEAD = re.compile(r"(?:(?:GS|PGS|TSKH|TS|ThS|Ths|BS|DS|KS|CN|LS)\.\s*)+[A-ZĐ][a-zđà-ỹ]")
_TAIL_KEPT = 48  # characters of the logical line every end-of-line test needs


def _has_caps_word(text: str) -> bool:
    """True when an upper-case word of `text` is a real syllable (QUYẾT, not BHXH)."""
    return any(w.isupper() and is_syllable(w) for w in _LETTER_RUNS.findall(text))


def _starts_caps_or_mixed(text: str) -> tuple[bool, bool]:
    """(first word is an upper-case syllable, first word has lower-case letters).

    Only the first word counts: the rest of the line may still be glued to what follows.
    A word ending the line may grow too (XÃ|C, O|an), so it is no upper-case word yet.
    """
    word = WORD.search(text)
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
class Logical:
    """What the joiner needs to know about the logical line being built."""

    parts: list[str]
    tail: str
    length: int
    has_lower: bool
    page: int
    open_word: bool = False  # its last piece was a lone fragment glued inside a word

    @classmethod
    def start(cls, text: str, page: int) -> Logical:
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


def _word_glue(cur: Logical, nxt: str) -> bool:
    """True when the break fell inside a word: the end of `cur` and the start of `nxt` are one."""
    left, head_m = _trailing_letters(cur.tail), WORD.match(nxt)
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
    if not (is_syllable(joined) or (alone and is_syllable_prefix(joined))):
        return False
    if not left_ok or not right_ok:
        return True
    if alone and right[0].lower().translate(LOOSE) in VOWELS:
        return True  # quy|ết, tri|ển: a lone vowel-initial fragment
    return cur.open_word and is_syllable(joined)  # c|ủ|a


def _glue(cur: Logical, nxt: str) -> bool:
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


def _is_name_line(cur: Logical) -> bool:
    """A short line of capitalised words only: a signer's name, a place."""
    if cur.length > 40:
        return False
    words = cur.tail.split()
    return 2 <= len(words) <= 5 and all(
        w.isalpha() and w[0].isupper() and w[1:] == w[1:].lower() for w in words
    )


def _breaks(cur: Logical, nxt: str, page: int) -> bool:
    """True when `nxt` starts a new logical line although nothing glues or marks it."""
    next_caps, next_mixed = _starts_caps_or_mixed(nxt)
    if (next_mixed or _TITLE_LEAD.match(nxt)) and cur.is_caps:
        return True  # under a heading or a position: "Trần A", "TS. Trần A"
    if next_caps and cur.has_lower:
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


def joiner_for(cur: Logical, nxt: str, page: int) -> str | None:
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
    if _DATE_END.search(cur.tail) and _PLACE_DATE.match(cur.parts[0]):
        return None  # "Hà Nội, ngày 16 tháng 12 năm 2025" is a line of its own, like the motto

    if _word_glue(cur, nxt):
        return ""
    if cur.is_enumerator:
        return " "
    return None if _breaks(cur, nxt, page) else " "
