"""The opening of a document (Nghị định 30, Phụ lục I): letterhead, type name, summary, bases.

After the letterhead (letterhead.py) come the type name ("QUYẾT ĐỊNH"), the summary (trích
yếu, "Về việc ..."), the deciding authority ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ..."), the legal
bases and the proposal. A công văn has no type name: its summary is the "V/v ..." line under
its number. A giấy mời or thông báo may go straight from its type name to the body, whose
first paragraph is no summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from validator.model import Located
from validator.structure.letterhead import Opening, read_letterhead
from validator.structure.lines import Lines
from validator.structure.vocab import (
    AUTHORITY,
    LEGAL_KINDS,
    authority_inside,
    is_upper_text,
    symbol_type,
    type_kind,
)

_SUMMARY_STOP = re.compile(
    r"^\s*(?:căn cứ|\(\s*ban hành kèm|\(\s*kèm theo|điều\s+\d|chương\s+[ivxlc\d]|mục\s+\d"
    r"|theo đề nghị|xét đề nghị|kính gửi|nơi nhận|quyết định\s*:|[ivx]{1,4}\s*[.)]\s"
    r"|\d{1,2}\s*[.)]\s|[a-zđ]\)\s|[-+•]\s)"
)
# The first words of a body paragraph; with a long line or a sentence end they are no summary.
_OPENER = re.compile(
    r"^\s*(?:ngày\s+\d|(?:thực hiện|căn cứ|theo|xét|để|nhằm|sau khi|trong|hiện nay|tiếp theo"
    r"|trên cơ sở|vừa qua|thời gian qua|ủy ban nhân dân|ubnd)(?!\S))"
)
_BODY_LENGTH = 250
_SENTENCE_END = (".", ":", ";")
_BASIS = re.compile(r"^\s*căn cứ")
_PROPOSAL = re.compile(r"^\s*(?:theo|xét) đề nghị")
_VERB_LINE = re.compile(r"^\s*(?:quyết định|ban hành|quy định)\s*:?\s*$")
# A further basis under a "Căn cứ" line names the document it cites.
_CITED = re.compile(rf"^\s*(?:{'|'.join(LEGAL_KINDS)}|hiến pháp)(?!\S)")
_BASIS_STOP = re.compile(r"^\s*(?:theo đề nghị|xét đề nghị|quyết định|điều\s+\d|chương\s)")
_LETTERHEAD_LINES = 40
_SUMMARY_LINES = 5


@dataclass
class Header(Opening):
    issuer: Located | None = None
    parent: Located | None = None
    kind: str | None = None  # "quyết định", "quy chế", "công văn" ... (see Metadata.kind)
    authority_line: Located | None = None
    legal_basis_lines: list[Located] = field(default_factory=list)
    basis_spans: list[tuple[int, int]] = field(default_factory=list)  # text offsets
    body_start: int = 0  # first line after the opening


def parse_header(lines: Lines, start: int, stop: int) -> Header:
    """Read the opening of the part lines[start:stop]."""
    head = read_letterhead(lines, start, min(stop, start + _LETTERHEAD_LINES))
    header = Header(
        **head.opening(),
        issuer=head.bodies[-1] if head.bodies else None,
        parent=head.bodies[-2] if len(head.bodies) > 1 else None,
        body_start=start,
    )
    index = head.end
    if header.type_index is not None:
        index = _summary(lines, header, header.type_index, stop)
        index = _authority(lines, header, index, stop)
    header.kind = _kind(header)
    if header.type_name is None and header.kind == "công văn" and header.summary is not None:
        # A công văn prints no type name (Nghị định 30, Phụ lục I); its kind is the type name
        # a reviewer names it by, placed at the "V/v" line that makes it one.
        header.type_name = Located(text="CÔNG VĂN", page=header.summary.page,
                                   line=header.summary.line)
    index = _bases(lines, header, index, stop)
    header.body_start = _after_proposal(lines, index, stop)
    return header


def _kind(header: Header) -> str | None:
    """The document's kind: its type name, or "công văn" for a letter with a "V/v" summary."""
    if header.type_name is not None:
        return type_kind(header.type_name.text)
    if header.number_line is None or header.summary is None:
        return None
    # A decision that lost its "QUYẾT ĐỊNH" line still says what it is in its symbol (QĐ-UBND);
    # a công văn's symbol carries no type abbreviation (Số: 17/UBND-VX).
    return "công văn" if not (header.symbol and symbol_type(header.symbol)) else None


# ---------------------------------------------------------------------------- summary


def _summary(lines: Lines, header: Header, type_index: int, stop: int) -> int:
    """Trích yếu: the lines under the type name, up to the authority line or the bases."""
    parts: list[str] = []
    anchor: tuple[int, int] | None = None
    type_name = header.type_name
    rest_begin = _after_type(lines, type_index, type_name)
    if lines.texts[type_index][rest_begin:].strip(" :"):
        anchor = (type_index, rest_begin)
        parts.append(lines.texts[type_index][rest_begin:].strip(" :"))
    index = type_index + 1
    while index < stop and len(parts) < _SUMMARY_LINES:
        key, text = lines.keys[index], lines.texts[index]
        if lines.is_blank(index):
            if parts:
                index += 1
                break
        elif _SUMMARY_STOP.match(key) or _is_authority(lines, index) or _is_body(text, key):
            break
        else:
            cut = authority_inside(text) if parts or not is_upper_text(text) else None
            if anchor is None:
                anchor = (index, 0)
            parts.append(text[:cut].strip())
            if cut is not None:
                _authority_at(lines, header, index, cut)
                index += 1
                break
        index += 1
    if anchor is not None:
        lead = len(lines.texts[anchor[0]][anchor[1]:]) - len(lines.texts[anchor[0]][anchor[1]:]
                                                             .lstrip())
        header.summary = lines.located_text(anchor[0], " ".join(parts), anchor[1] + lead)
    return index


def _is_body(text: str, key: str) -> bool:
    """A body paragraph, not a summary line: a sentence that opens a text, or a long one."""
    stripped = text.strip()
    if len(stripped) > _BODY_LENGTH:
        return True
    return bool(_OPENER.match(key)) and (len(stripped) > 120 or stripped.endswith(_SENTENCE_END))


def _authority_at(lines: Lines, header: Header, index: int, begin: int) -> None:
    header.authority_line = lines.located(index, begin)


def _after_type(lines: Lines, index: int, type_name: Located | None) -> int:
    text = lines.texts[index]
    if type_name is None:
        return len(text)
    return text.find(type_name.text) + len(type_name.text)


def _is_authority(lines: Lines, index: int) -> bool:
    return bool(AUTHORITY.match(lines.keys[index])) and is_upper_text(lines.texts[index])


def _authority(lines: Lines, header: Header, index: int, stop: int) -> int:
    """The deciding authority: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", maybe on two lines."""
    if header.authority_line is not None:
        return index
    while index < stop and lines.is_blank(index):
        index += 1
    if index >= stop or not _is_authority(lines, index):
        return index
    first, parts = index, []
    while (index < stop and len(parts) < 3 and is_upper_text(lines.texts[index])
           and not _VERB_LINE.match(lines.keys[index]) and not lines.is_blank(index)):
        parts.append(lines.texts[index].strip())
        index += 1
    header.authority_line = lines.located(first).model_copy(update={"text": " ".join(parts)})
    return index


# ------------------------------------------------------------------------------ bases


def _bases(lines: Lines, header: Header, index: int, stop: int) -> int:
    """Căn cứ lines; a basis wrapped over several lines ends with ";" or "."."""
    while index < stop and (lines.is_blank(index) or _VERB_LINE.match(lines.keys[index])):
        index += 1
    first: int | None = None
    parts: list[str] = []
    while index < stop:
        key, text = lines.keys[index], lines.texts[index].strip()
        if _BASIS.match(key):
            _close_basis(lines, header, first, index, parts)
            first, parts = index, [text]
        elif first is None or _BASIS_STOP.match(key) or lines.is_blank(index) or (
                is_upper_text(text)):
            break
        elif parts[-1].endswith((";", ".")):
            if not _CITED.match(key):
                break  # a finished basis, then the body: "Thực hiện ...", "I. ...", "Nơi nhận"
            # "Căn cứ Luật A;" then "Luật B ..." on its own line: one more basis, same group.
            _close_basis(lines, header, first, index, parts)
            first, parts = index, [text]
        else:
            parts.append(text)
        index += 1
    _close_basis(lines, header, first, index, parts)
    return index


def _close_basis(lines: Lines, header: Header, first: int | None, end: int,
                 parts: list[str]) -> None:
    if first is None or not parts:
        return
    header.legal_basis_lines.append(
        lines.located(first).model_copy(update={"text": " ".join(parts)}))
    header.basis_spans.append((lines.offset(first), lines.end_offset(end - 1)))


def _after_proposal(lines: Lines, index: int, stop: int) -> int:
    """Skip "Theo đề nghị của ..." and the "QUYẾT ĐỊNH:" line that opens the articles."""
    while index < stop:
        key = lines.keys[index]
        if _PROPOSAL.match(key) or _VERB_LINE.match(key) or lines.is_blank(index):
            index += 1
            continue
        break
    return index
