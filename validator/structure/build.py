"""Fill a Document from its normalised text: every parser runs once over its part of the lines."""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from validator.model import (
    ArticleNode,
    Attachment,
    LegalReference,
    Located,
    Metadata,
    ReadingNote,
)
from validator.structure import classify
from validator.structure.articles import parse_articles
from validator.structure.closing import Closing, closing_end, find_closing, parse_closing
from validator.structure.document import Document
from validator.structure.header import Header, parse_header
from validator.structure.lines import Lines
from validator.structure.members import find_members
from validator.structure.nlp import parse
from validator.structure.ocr_fields import mark_unsure_fields
from validator.structure.parts import issued_by, regulation_start
from validator.structure.references import references
from validator.structure.vocab import type_kind


@dataclass
class _Part:
    header: Header
    articles: list[ArticleNode]
    body_end: int


def structure(document: Document) -> None:
    lines = Lines(document.text)
    total = len(lines)
    header = parse_header(lines, 0, total)
    standalone = _type(header) == "quy chế"
    reg_start = None if standalone else regulation_start(lines, header.body_start, total)
    main_end = total if reg_start is None else reg_start
    main = _part(lines, header, main_end)
    closing_start = main.body_end
    closing = parse_closing(lines, closing_start, closing_end(lines, closing_start, main_end))

    document.articles = main.articles
    if reg_start is not None:
        document.attachment = _attachment(lines, _part(lines, parse_header(
            lines, reg_start, total), total), reg_start, total)
    elif standalone:
        document.attachment = _attachment(lines, main, 0, total)
    found = find_members(lines, main.articles, (header.body_start, main_end), (0, total),
                         _locality(header))
    document.members, document.member_list_span = found.members, found.span
    if found.missing_annex is not None:
        document.members_in_missing_annex = found.missing_annex
        document.notes.append(_missing_annex_note(found.missing_annex))

    spacy_doc = parse(document.text.text)
    document.spacy_doc = spacy_doc
    document.sentences = _sentences(spacy_doc, document.text.text)
    found_refs = references(spacy_doc, document.text)
    document.references = [ref for _, ref in found_refs]
    bases = [ref for offset, ref in found_refs
             if any(begin <= offset < end for begin, end in header.basis_spans)]
    document.metadata = _metadata(header, closing, bases)
    document.doc_type = classify.doc_type(header.type_name, header.summary, main.articles,
                                          has_regulation=reg_start is not None)
    document.level = classify.level(header.issuer, header.parent, header.authority_line)
    mark_unsure_fields(document)
    metadata = document.metadata
    if metadata.signer is not None and metadata.signers:
        metadata.signers[0] = metadata.signer  # the OCR check may have cleared its name


def _locality(header: Header) -> str:
    parts = [header.issuer, header.parent, header.authority_line, header.summary]
    return "\n".join([*(p.text for p in parts if p is not None), header.place or ""])


def _missing_annex_note(sentence: Located) -> ReadingNote:
    return ReadingNote(
        code="attachment_missing",
        message=f"Danh sách thành viên được nói là kèm theo («{sentence.text}») nhưng không có "
                "trong tệp.",
        message_en=f"The member list is said to be attached («{sentence.text}») but the file "
                   "does not contain it.",
        page=sentence.page,
    )


def _type(header: Header) -> str:
    return type_kind(header.type_name.text) if header.type_name else ""


def _part(lines: Lines, header: Header, stop: int) -> _Part:
    body_end = find_closing(lines, header.body_start, stop)
    return _Part(header, parse_articles(lines, header.body_start, body_end), body_end)


def _attachment(lines: Lines, part: _Part, start: int, stop: int) -> Attachment:
    header = part.header
    issued = issued_by(lines, header.type_index if header.type_index is not None else start, stop)
    return Attachment(
        type_name=header.type_name,
        title=header.summary,
        decision_number=issued.number if issued else None,
        decision_symbol=issued.symbol if issued else None,
        decision_date=issued.date if issued else None,
        issued_by_line=issued.line if issued else None,
        start=lines.offset(start) if start < len(lines) else 0,
        end=lines.end_offset(stop - 1) if stop > 0 else 0,
        articles=part.articles,
    )


def _metadata(header: Header, closing: Closing, bases: list[LegalReference]) -> Metadata:
    return Metadata(
        issuer=header.issuer, parent=header.parent, number=header.number,
        symbol=header.symbol, number_line=header.number_line, place=header.place,
        date=header.date, date_line=header.date_line, type_name=header.type_name,
        kind=header.kind, summary=header.summary, national_motto=header.national_motto,
        authority_line=header.authority_line, legal_bases=bases,
        legal_basis_lines=header.legal_basis_lines, signer=closing.signer,
        signers=closing.signers, recipients=closing.recipients,
    )


def _sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The sentences' text spans, blank edges left out. Read from the token arrays: walking
    `doc.sents` makes a Python object of every token and rebuilds each sentence's text."""
    if len(doc) == 0:
        return []
    starts, offsets = doc.to_array([SENT_START, IDX]).T
    bounds = [int(offsets[i]) for i in numpy.flatnonzero(starts == 1)]
    if not bounds or bounds[0] != 0:
        bounds.insert(0, int(offsets[0]))
    spans = []
    for begin, end in zip(bounds, [*bounds[1:], len(text)], strict=True):
        chunk = text[begin:end]
        stripped = chunk.lstrip()
        begin += len(chunk) - len(stripped)
        end = begin + len(stripped.rstrip())
        if end > begin:
            spans.append((begin, end))
    return spans
