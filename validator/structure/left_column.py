"""The left column of a letterhead: which pieces name the issuing body and its parent.

The letterhead reader (letterhead.py) cuts every line into the motto, the number, the place and
date; the pieces left over are the left column. Some of them still name no body: a number or date
line the reader could not make out (a scan's "Số: 2f†"), or what a web portal or a signing tool
printed above the letterhead ("Cơ quan phát hành: ...", a web address). The rest are grouped
into body names: "ỦY BAN NHÂN DÂN" + "XÃ AN BÌNH" is one; the last is the issuer, the one
before it the parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from validator.model import Located
from validator.structure.dates import find_date_line
from validator.structure.lines import Lines
from validator.structure.vocab import UNIT, UY

# Pieces that name no body: a number line the reader could not take, and what a portal or a
# signing tool prints above a letterhead ("Cơ quan phát hành: ...", "Ký bởi: ...", web address).
_NUMBER_LABEL = re.compile(r"^\s*s[ốó]\s*[:.]")  # "Só:" a scan that lost the circumflex
_WEB = re.compile(r"https?://|www\.|\S@\S+\.[^\W\d_]|\.(?:gov|com|org|edu|net)\.vn\b", re.I)
_LABEL = re.compile(r"(?P<word>[^\W\d_]+)\s*:")
_BODY_WORD = re.compile(
    rf"(?:{UY} ban|ubnd|hđnd|hội đồng|ban |bảo hiểm|bhxh|sở |phòng |bộ |chính phủ|tỉnh {UY}"
    rf"|huyện {UY}|thành {UY}|đảng {UY}|văn phòng|trung tâm|công an|mặt trận|liên đoàn"
    r"|đoàn |hội |cục |tổng cục)"
)
# Where a second body name starts inside one logical line ("UBND HUYỆN X ỦY BAN NHÂN DÂN XÃ Y").
_BODY_SPLIT = re.compile(
    rf"(?<=\s)(?:{UY} ban|ubnd|ban chỉ đạo|hđnd|hội đồng nhân dân|sở |bảo hiểm xã hội|bhxh"
    rf"|trung tâm|công an|văn phòng|(?:đảng|huyện|tỉnh|thành) {UY})"
)
# A line ending so goes on in the next: "... chính sách", "BỘ" (BỘ CÔNG AN, BỘ Y TẾ).
_CONTINUES_NEXT = re.compile(r"(?:chính sách|thực hiện|về|của|và|(?<!\S)bộ|[,\-–])\s*$")
_CONTINUATION = re.compile(r"(?:việt nam|và |bhxh,|bảo hiểm y tế|[a-zđà-ỹ])")


@dataclass
class Piece:
    index: int
    begin: int
    end: int


def may_name_a_body(key: str) -> bool:
    """A left-column cell that is no number line and no date line the cutters left over."""
    return not _NUMBER_LABEL.match(key) and find_date_line(key)[0] is None


def banner_at(text: str, begin: int, end: int) -> int | None:
    """Where text[begin:end] shows a web address or a "label:" in small letters (a body name
    is written in capitals, a form stamped on the page is not)."""
    web = _WEB.search(text, begin, end)
    label = next((m for m in _LABEL.finditer(text, begin, end) if m["word"][0].islower()), None)
    found = [m.start() for m in (web, label) if m is not None]
    return min(found) if found else None


def bodies(lines: Lines, pieces: list[Piece]) -> list[Located]:
    """Left-column pieces grouped into body names: "ỦY BAN NHÂN DÂN" + "XÃ AN BÌNH" is one."""
    names: list[tuple[Piece, list[str]]] = []
    for piece in [part for whole in pieces for part in _split_bodies(lines, whole)]:
        text = lines.texts[piece.index][piece.begin:piece.end].strip(" -–—_")
        if not text:
            continue
        key = text.lower()
        if names and _continues(" ".join(names[-1][1]).lower(), key):
            names[-1][1].append(text)
        else:
            names.append((piece, [text]))
    located = []
    for piece, parts in names:
        start = lines.located(piece.index, piece.begin, piece.end)
        located.append(start.model_copy(update={"text": " ".join(parts)}))
    return located


def _split_bodies(lines: Lines, piece: Piece) -> list[Piece]:
    """Normalisation joins consecutive capital lines; cut them again where a body name starts."""
    key = lines.keys[piece.index]
    parts, begin = [], piece.begin
    for match in _BODY_SPLIT.finditer(key, piece.begin, piece.end):
        before = key[begin:match.start()]
        if before.strip() and not _CONTINUES_NEXT.search(before):
            parts.append(Piece(piece.index, begin, match.start()))
            begin = match.start()
    parts.append(Piece(piece.index, begin, piece.end))
    return parts


def _continues(previous: str, key: str) -> bool:
    if _BODY_WORD.match(key) and not UNIT.match(key):
        return bool(_CONTINUES_NEXT.search(previous)) and not key.startswith(("ủy ban", "ubnd"))
    return bool(UNIT.match(key) or _CONTINUATION.match(key) or _CONTINUES_NEXT.search(previous))
