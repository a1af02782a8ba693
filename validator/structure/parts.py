"""A file may hold a decision and the regulation it issues; find where the regulation starts.

The regulation opens with "QUY CHẾ" in capitals after the decision's articles, usually under a
repeated letterhead, and names its decision: "(Ban hành kèm theo Quyết định số 57/QĐ-UBND ngày
05/10/2023 của ...)". The letterhead lines above "QUY CHẾ" go with the regulation, so they are
not read as the decision's signer block.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from validator.model import Located
from validator.structure.articles import node_start
from validator.structure.dates import find_date
from validator.structure.lines import Lines
from validator.structure.vocab import UNIT, is_upper_text

_REGULATION = re.compile(r"^\s*quy chế(?![^\s:.])")
_ISSUED_BY = re.compile(
    r"\(\s*(?:được\s+)?(?:ban hành\s+)?kèm theo\s+(?:quyết định|qđ)\s*(?:số)?\s*:?\s*"
    r"(?P<num>\d+[a-z]?|[.…_\s]*)\s*/\s*(?P<sym>[^\s,;)]+)"
)
_ISSUED_BY_START = re.compile(r"^\s*\(\s*(?:được\s+)?(?:ban hành\s+)?kèm theo")
_LETTERHEAD = re.compile(
    r"^\s*(?:cộng h[oò]a xã hội|độc lập|số\s*[:.]|(?:ủy|uỷ) ban|ubnd|ban chỉ đạo|bảo hiểm)"
)
_LOOK_AHEAD = 8


@dataclass
class IssuedBy:
    line: Located
    number: str | None
    symbol: str | None
    date: dt.date | None
    index: int  # last line of it


def regulation_start(lines: Lines, start: int, stop: int) -> int | None:
    """First line of an attached regulation (its letterhead included), or None."""
    seen_article = False
    for index in range(start, stop):
        key = lines.keys[index]
        opened = node_start(key, lines.texts[index])
        if opened is not None and opened[0] == "article":
            seen_article = True
        elif seen_article and _is_regulation_title(lines, index, stop):
            return _letterhead_above(lines, index, start)
    return None


def _is_regulation_title(lines: Lines, index: int, stop: int) -> bool:
    text = lines.texts[index]
    match = _REGULATION.match(lines.keys[index])
    if match is None or not is_upper_text(text):
        return False
    ahead = range(index + 1, min(stop, index + _LOOK_AHEAD))
    return any(_ISSUED_BY_START.match(lines.keys[i]) or "ban chỉ đạo" in lines.keys[i]
               for i in ahead)


def _letterhead_above(lines: Lines, index: int, floor: int) -> int:
    first = index
    while first - 1 > floor and _is_letterhead_line(lines, first - 1):
        first -= 1
    return first


def _is_letterhead_line(lines: Lines, index: int) -> bool:
    key, text = lines.keys[index], lines.texts[index]
    if lines.is_blank(index) or _LETTERHEAD.match(key):
        return True
    if UNIT.match(key.lstrip()) and is_upper_text(text):
        return True
    match, _ = find_date(key)
    return match is not None and len(text) < 80 and ", ngày" in key


def issued_by(lines: Lines, start: int, stop: int) -> IssuedBy | None:
    """The "(Ban hành kèm theo Quyết định số ... ngày ...)" line near the top of a regulation."""
    for index in range(start, min(stop, start + 3 * _LOOK_AHEAD)):
        if not _ISSUED_BY_START.match(lines.keys[index]):
            continue
        parts, last = [lines.texts[index].strip()], index
        while ")" not in parts[-1] and last + 1 < stop and last - index < 3:
            last += 1
            parts.append(lines.texts[last].strip())
        text = " ".join(parts)
        return _parse_issued_by(lines, index, last, text)
    return None


def _parse_issued_by(lines: Lines, index: int, last: int, text: str) -> IssuedBy:
    key = text.lower()
    match = _ISSUED_BY.search(key)
    number = symbol = None
    date = None
    if match is not None:
        number = match.group("num").strip(" ._…") or None
        symbol = text[match.start("sym"):match.end("sym")].strip(".") or None
        _, date = find_date(key, match.end())
    located = lines.located(index).model_copy(update={"text": text})
    return IssuedBy(line=located, number=number, symbol=symbol, date=date, index=last)
