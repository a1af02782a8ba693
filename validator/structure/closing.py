"""The closing of a document: recipients (Nơi nhận, left) and the signer block (right).

The two columns arrive left-first, right-first or interleaved row by row ("- Như Điều 3; CHỦ
TỊCH"), so each line is cut where a signer piece starts and the pieces are sorted into the two
columns before either is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from validator.model import Located, Signer
from validator.structure.articles import node_start
from validator.structure.lines import Lines
from validator.structure.signer import (
    POSITION,
    PREFIX,
    SIGNED,
    glued,
    is_position_line,
    leading_name,
    name_words,
    signers,
    without_rank,
)
from validator.structure.vocab import TYPE_NAME, is_upper_text

_RECIPIENTS = re.compile(r"^\s*nơi nhận\s*:?\s*")
_TRAILING_POSITION = re.compile(rf"(?<=\S)\s+(?P<pos>{POSITION.pattern})\s*$")
_POSITION_WORDS = re.compile(rf"(?<=\s)(?:{POSITION.pattern})")
_SIGNED_LEAD = re.compile(r"^\s*[(\[][^)\]]*(?:ký|ấn|dấu)[^)\]]*[)\]]\s*", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-+•*–]\s*")
_TRAILING_NAME = re.compile(  # after a recipient, or after a scan's speck read as "-"
    r"(?<=[\s.;,:-])(?P<name>(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zđà-ỹ]*)\s*$"
)
_CLOSING_END = re.compile(r"^\s*(?:danh sách|cộng h[oò]a xã hội)")


@dataclass
class Closing:
    start: int  # first line of the closing, = end of the body
    signer: Signer | None = None
    signers: list[Signer] = field(default_factory=list)
    recipients: list[Located] = field(default_factory=list)


def find_closing(lines: Lines, body_start: int, stop: int) -> int:
    """First line of the closing: "Nơi nhận", a TM./KT. line or a bare position after the body."""
    scan = body_start
    for index in range(body_start, stop):
        opened = node_start(lines.keys[index], lines.texts[index])
        if opened is not None and opened[0] == "article":
            scan = index
    for index in range(scan, stop):
        if _opens_closing(lines, index):
            return index
    return stop


def _opens_closing(lines: Lines, index: int) -> bool:
    key, text = lines.keys[index], lines.texts[index]
    if _RECIPIENTS.match(key):
        return True
    if is_position_line(text):
        return True
    prefix = PREFIX.search(key)
    return prefix is not None and _upper_after(text, prefix.end())


def _upper_after(text: str, begin: int) -> bool:
    return is_upper_text(" ".join(text[begin:].split()[:2]))


def closing_end(lines: Lines, start: int, stop: int) -> int:
    """The closing stops at an appended list, a new letterhead or a table of its own."""
    for index in range(start + 1, stop):
        key = lines.keys[index]
        table = lines.is_table_row(index) and not _closing_row(lines.texts[index])
        if table or (_CLOSING_END.match(key) and is_upper_text(
                lines.texts[index])) or TYPE_NAME.fullmatch(key.strip()):
            return index
    return stop


def _closing_row(text: str) -> bool:
    """A row of the closing's own two-column table: recipients beside the signer block."""
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    return bool(cells) and all(_BULLET.match(c) or _RECIPIENTS.match(c.lower())
                               or PREFIX.match(c.lower()) or _is_signer_piece(c.lower(), c)
                               for c in cells)


def parse_closing(lines: Lines, start: int, stop: int) -> Closing:
    closing = Closing(start=start)
    left, right = _columns(lines, start, stop)
    closing.recipients = _recipients(lines, left)
    closing.signers = _signers(lines, right, left)
    closing.signer = closing.signers[0] if closing.signers else None
    return closing


@dataclass
class _Cut:
    index: int
    begin: int
    end: int


def _columns(lines: Lines, start: int, stop: int) -> tuple[list[_Cut], list[_Cut]]:
    """Split every closing line into its recipient part (left) and its signer part (right)."""
    left: list[_Cut] = []
    right: list[_Cut] = []
    in_recipients = signed_after = False
    for index in range(start, stop):
        if lines.is_blank(index):
            continue
        key, text = lines.keys[index], lines.texts[index]
        in_recipients = in_recipients or _RECIPIENTS.match(key) is not None
        cut = _signer_cut(key, text)
        if cut is None:
            signer_piece = _is_signer_piece(key, text)
            if in_recipients and signed_after and not signer_piece:
                continue  # after both columns: page furniture, download links
            # No mark either way: a signer piece, or a recipient wrapped without its dash.
            cut = len(text) if in_recipients and not signer_piece else 0
        signed_after = signed_after or (in_recipients and cut < len(text))
        if cut > 0:
            left.append(_Cut(index, 0, cut))
        if cut < len(text):
            right.append(_Cut(index, cut, len(text)))
    return left, right


def _signer_cut(key: str, text: str) -> int | None:
    """Where the signer column starts on this line (len(text): nowhere, None: no mark)."""
    prefix = PREFIX.search(key)
    if prefix is not None and _upper_after(text, prefix.end()):
        return prefix.start()
    if _BULLET.match(text) or _RECIPIENTS.match(key):
        trailing = _TRAILING_POSITION.search(key)
        if trailing and is_upper_text(text[trailing.start("pos"):]):
            return trailing.start("pos")
        for match in _POSITION_WORDS.finditer(key):
            # "- Lưu: VT. PHÓ CHỦ TỊCH Trần A": the position in capitals, its name after it
            if glued(text[match.start():]) is not None:
                return match.start()
        return len(text)
    return None


def _is_signer_piece(key: str, text: str) -> bool:
    if SIGNED.match(key) or is_position_line(text):
        return True
    if glued(text) is not None or leading_name(text) is not None:
        return True
    return name_words(without_rank(_unsigned(text))) is not None


def _unsigned(text: str) -> str:
    """The text without a leading "(Đã ký)" that normalisation may have joined to the name."""
    return _SIGNED_LEAD.sub("", text).strip()


def _recipients(lines: Lines, cuts: list[_Cut]) -> list[Located]:
    items: list[Located] = []
    for cut in cuts:
        text = lines.texts[cut.index][cut.begin:cut.end]
        key = lines.keys[cut.index][cut.begin:cut.end]
        head = _RECIPIENTS.match(key)
        begin = cut.begin + (head.end() if head else 0)
        body = lines.texts[cut.index][begin:cut.end]
        if not body.strip():
            continue
        bullet = _BULLET.match(body)
        if bullet is None and items and not items[-1].text.endswith((";", ".")):
            items[-1] = items[-1].model_copy(update={"text": f"{items[-1].text} {body.strip()}"})
            continue
        skip = bullet.end() if bullet else 0
        if text.strip():
            items.append(lines.located(cut.index, begin + skip, cut.end))
    return items


def _signers(lines: Lines, right: list[_Cut], left: list[_Cut]) -> list[Signer]:
    pieces = []
    for cut in right:
        where = lines.located(cut.index, cut.begin, cut.end)
        pieces.append((lines.texts[cut.index][cut.begin:cut.end], (where.page, where.line)))
    found = signers(pieces)
    if found and found[0].name is None and found[0].position is not None:
        name = _name_in_recipients(lines, left, _position_index(lines, right))
        if name is not None:
            found[0] = found[0].model_copy(update={"name": name})
    return found


def _position_index(lines: Lines, right: list[_Cut]) -> int:
    for cut in right:
        text = lines.texts[cut.index][cut.begin:cut.end].strip()
        if is_position_line(text):
            return cut.index
    return right[0].index


def _name_in_recipients(lines: Lines, left: list[_Cut], after: int) -> str | None:
    """Interleaved columns put the name at the end of a recipient line ("- Lưu: VT. Lê Văn A")."""
    for cut in reversed(left):
        if cut.index <= after:
            break
        match = _TRAILING_NAME.search(lines.texts[cut.index][cut.begin:cut.end])
        if match:
            return match.group("name")
    return None
