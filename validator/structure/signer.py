"""Signer blocks: authority chain, position and name, one block or several.

A block is printed as authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; nested: "TL. CHỦ
TỊCH" / "KT. CHÁNH VĂN PHÒNG"), the signer's position ("PHÓ CHÁNH VĂN PHÒNG"; the head signs
with no authority line), maybe a second position line ("CHỦ TỊCH UBND TỈNH" under "TRƯỞNG
BAN"), the signature or "(Đã ký)", and the name. A joint document has two blocks, one after
the other or side by side. The pieces come from closing.py, already cut from the recipients.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from validator.model import Signer
from validator.normalize import loose_key
from validator.structure.names import is_family_name, is_name_word
from validator.structure.vocab import (
    AGENCY_START,
    POSITION_START,
    RANK,
    TITLE,
    TYPE_NAME,
    is_upper_text,
)

PREFIX = re.compile(r"(?<!\S)(?P<prefix>tm|kt|tl|tuq|q)\s*\.\s*(?=\S)")
POSITION = re.compile(
    r"(?:(?:phó|q\.)\s+)?(?:chủ tịch|trưởng ban|phó trưởng ban|tổng giám đốc|giám đốc"
    r"|bộ trưởng|thứ trưởng|thủ trưởng|chánh văn phòng|trưởng phòng|bí thư|thủ tướng|chủ nhiệm"
    r"|cục trưởng|chi cục trưởng|viện trưởng|hiệu trưởng|tổ trưởng|đội trưởng)"
    r"(?:\s+[^\s,;:.]+){0,8}"
)
POSITION_LINE = re.compile(rf"^\s*{POSITION.pattern}\s*$")
# The same without diacritics, for a scan that damaged them ("GIÁM ĐÓC", "CỤC TRUỞNG").
_POSITION_LINE_LOOSE = re.compile(loose_key(POSITION_LINE.pattern))
# A rank before a signer's name ("Thiếu tướng Trương A"), matched without diacritics: a scan's
# "Thiêu tướng".
_RANK_LOOSE = re.compile(loose_key(RANK.pattern))
SIGNED = re.compile(r"^\s*[(\[]?\s*(?:đã ký|ký|ký tên|đã ký và đóng dấu)[^)\]]*[)\]]?\s*$")
_SIGNED_LEAD = re.compile(r"^\s*[(\[][^)\]]*(?:ký|ấn|dấu)[^)\]]*[)\]]\s*", re.IGNORECASE)
_GLUE = re.compile(r"([A-ZĐÀ-Ỹ]{2})([A-ZĐ][a-zđà-ỹ])")  # "TỊCHNguyễn": a lost space
_INITIAL = re.compile(r"^[A-ZĐ]'?$")
_POSITION_WORDS = 12  # the most words a position printed before a name has
_CAPITAL_WORD = re.compile(r"[A-ZĐÀ-Ỹ][a-zđà-ỹ']*|[A-ZĐÀ-Ỹ]+'?")
# Where a second position starts on a line that holds two blocks side by side, or under an
# authority line read as one with it ("KT. BỘ TRƯỞNG THỨ TRƯỞNG"); on the diacritic-free key,
# so that a scan's "THỨ TRƯỜNG" still splits.
_POSITION_HEAD = re.compile(
    r"(?<=\S)(?<!pho)(?<!tong)(?<!chi)\s+(?=(?:pho\s+)?(?:chu tich|truong ban|tong giam doc"
    r"|giam doc|bi thu|bo truong|thu truong|chu nhiem|chanh van phong|cuc truong)(?!\S))"
)


@dataclass
class _Block:
    chain: list[str] = field(default_factory=list)
    body: str | None = None
    position: str | None = None
    name: str | None = None
    signed: bool = False
    first: tuple[int, int] | None = None  # index of the piece that opened it, and its order

    @property
    def done(self) -> bool:
        return self.name is not None


def is_position_line(text: str) -> bool:
    """A signer's position printed on its own line, in capitals ("PHÓ CHỦ TỊCH", "CỤC
    TRƯỞNG"), its diacritics as a scan may have damaged them."""
    if not is_upper_text(text):
        return False
    return POSITION_LINE.match(text.lower()) is not None or \
        _POSITION_LINE_LOOSE.match(loose_key(text)) is not None


def without_rank(text: str) -> str:
    """The text after a rank or title that stands before a name ("Thiếu tướng", "TS.")."""
    match = _RANK_LOOSE.match(loose_key(text)) or TITLE.match(text.lower())
    return text[match.end():] if match else text


def signers(pieces: list[tuple[str, tuple[int, int]]]) -> list[Signer]:
    """Signer blocks from the right-column pieces (text, (page, line)), in reading order.

    Side-by-side blocks reach us as rows with TAB between the columns; each column is read on
    its own.
    """
    columns = _side_by_side(pieces) or _side_by_side_text(pieces)
    if columns is not None:
        return [s for column in columns for s in signers(column)]
    blocks: list[_Block] = []
    for text, where in pieces:
        text = text.strip()
        if not text:
            continue
        if not blocks or _starts_new(blocks[-1], text):
            blocks.append(_Block(first=where))
        _take(blocks[-1], text)
    found = [_signer(b) for b in blocks if b.chain or b.position]
    return [s for s in found if s is not None]


def _side_by_side(pieces: list[tuple[str, tuple[int, int]]]) \
        -> list[list[tuple[str, tuple[int, int]]]] | None:
    rows = [(t.split("\t"), w) for t, w in pieces]
    width = max((len([c for c in cells if c.strip()]) for cells, _ in rows), default=0)
    if width < 2:
        return None
    columns: list[list[tuple[str, tuple[int, int]]]] = [[] for _ in range(width)]
    for cells, where in rows:
        filled = [c for c in cells if c.strip()]
        for number, cell in enumerate(filled):
            columns[min(number + width - len(filled), width - 1)].append((cell, where))
    return columns


def _side_by_side_text(pieces: list[tuple[str, tuple[int, int]]]) \
        -> list[list[tuple[str, tuple[int, int]]]] | None:
    """Two blocks printed side by side and read as one line per printed row."""
    rows = [(_two_halves(t.strip()), w) for t, w in pieces]
    if not any(len(parts) == 2 and name_words(parts[0]) for parts, _ in rows):
        return None  # two names side by side, or it is one block after all
    left: list[tuple[str, tuple[int, int]]] = []
    right: list[tuple[str, tuple[int, int]]] = []
    for parts, where in rows:
        left.append((parts[0], where))
        if len(parts) == 2:
            right.append((parts[1], where))
        elif SIGNED.match(parts[0].lower()):
            right.append((parts[0], where))
    return [left, right]


def _two_halves(text: str) -> list[str]:
    key = text.lower()
    prefixes = list(PREFIX.finditer(key))
    if len(prefixes) == 2 and prefixes[1].start() > 0:
        return [text[:prefixes[1].start()].strip(), text[prefixes[1].start():].strip()]
    if is_upper_text(text):
        parts = split_positions(text)
        if len(parts) == 2 and all(POSITION_LINE.match(p.lower()) for p in parts):
            return parts
        return [text]
    words = name_words(text)
    if words is not None and len(words) >= 4:
        return split_names(text) or [text]
    return [text]


def _starts_new(block: _Block, text: str) -> bool:
    """After a name, an authority or position line opens the next signer's block."""
    if not block.done:
        return False
    key = text.lower()
    return PREFIX.match(key) is not None or is_position_line(text)


def _take(block: _Block, text: str) -> None:
    key = text.lower()
    prefix = PREFIX.match(key)
    if prefix is not None:
        parts = split_positions(text[prefix.end():])
        block.chain.append(" ".join(f"{text[:prefix.end()]}{parts[0]}".split()))
        if prefix.group("prefix") == "tm" and block.body is None:
            block.body = parts[0].strip()
        for rest in parts[1:]:  # "KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG" joined as one line
            _take(block, rest)
        return
    if SIGNED.match(key) or _SIGNED_LEAD.match(text):
        block.signed = True
        text = _SIGNED_LEAD.sub("", text).strip()
        if not text or SIGNED.match(text.lower()):
            return
        key = text.lower()
    if block.position is None and is_position_line(text):
        block.position = text
        return
    glued_pair = glued(text)
    if glued_pair is not None and block.position is None:
        block.position, block.name = glued_pair
        return
    if block.name is None and (block.position is not None or block.chain):
        words = name_words(without_rank(text)) or leading_name(text)
        if words is not None and len(words) >= 2:
            block.name = " ".join(words)
        elif words is not None:
            block.name = words[0]  # "Nguyễn" / "Thế Mạnh": the rest comes next
    elif block.name is not None and " " not in block.name:
        more = name_words(text)
        if more is not None:
            block.name = f"{block.name} {' '.join(more)}"


def glued(text: str) -> tuple[str, str] | None:
    """ "PHÓ CHỦ TỊCHNguyễn Văn A", "CHỦ TỊCH Y Kroa Mlô": position and name on one line."""
    tokens = _GLUE.sub(r"\1 \2", text).split()
    for cut in range(1, min(len(tokens) - 1, _POSITION_WORDS + 1)):
        head, rest = tokens[:cut], tokens[cut:]
        if not head[-1].isupper():
            break  # the position is the capitals the line starts with
        if POSITION_LINE.match(" ".join(head).lower()) is None:
            continue
        first = rest[0]
        if first.isupper() and not _INITIAL.match(first):
            continue
        words = name_words(" ".join(rest))
        if words is not None and len(words) >= 2:
            return " ".join(head), " ".join(words)
    return None


def _signer(block: _Block) -> Signer | None:
    if block.first is None:
        return None
    # The prefix that governs the position ("KT." before "PHÓ CHỦ TỊCH"); a TM. above it
    # stays visible through authority_body and the chain.
    authority = None
    if block.chain:
        authority = PREFIX.match(block.chain[-1].lower()).group().replace(" ", "")  # type: ignore[union-attr]
        authority = authority.upper()
    return Signer(authority=authority, authority_body=block.body, position=block.position,
                  name=block.name, chain=tuple(block.chain), signed=block.signed,
                  page=block.first[0], line=block.first[1])


def name_words(text: str) -> list[str] | None:
    """Capitalised words without digits or job titles: how a signer's name is printed."""
    words = text.split()
    if not 1 <= len(words) <= 6 or any(not _CAPITAL_WORD.fullmatch(w) and not is_name_word(w)
                                       for w in words):
        return None
    key = text.lower()
    if POSITION_START.match(key + " ") or POSITION.match(key) or TYPE_NAME.match(key):
        return None
    if text.isupper() and (len(words) < 2 or not is_family_name(words[0])
                           or AGENCY_START.match(key)):
        return None  # "SỞ GIÁO DỤC VÀ ĐÀO TẠO" under a position is the agency, not a name
    return words


def leading_name(text: str) -> list[str] | None:
    """A name followed by something else on its line: a footnote ("Trần Văn A 1 (1) ...")."""
    tokens = text.split()
    count = 0
    while count < min(len(tokens), 5) and _CAPITAL_WORD.fullmatch(tokens[count]) and \
            not tokens[count].isupper():
        count += 1
    if count < 2 or count == len(tokens) or not is_family_name(tokens[0]):
        return None
    follower = tokens[count]
    if follower[:1].isdigit() or follower[:1] in "([":
        return tokens[:count]
    return None


def split_names(text: str) -> list[str] | None:
    """Two names printed side by side on one line ("Nguyễn Văn An Trần Thị Bình")."""
    words = text.split()
    for cut in range(2, len(words) - 1):
        if is_family_name(words[cut]) and 2 <= cut <= 4 and 2 <= len(words) - cut <= 4:
            return [" ".join(words[:cut]), " ".join(words[cut:])]
    return None


def split_positions(text: str) -> list[str]:
    """ "GIÁM ĐỐC SỞ Y TẾ GIÁM ĐỐC BẢO HIỂM XÃ HỘI TỈNH": two positions side by side."""
    key = loose_key(text)
    cuts = [m.end() for m in _POSITION_HEAD.finditer(key)]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
