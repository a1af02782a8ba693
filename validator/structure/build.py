"""Fill a Document from its normalised text: every parser runs once over its part of the lines."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from validator.model import ArticleNode, Attachment, LegalReference, Metadata
from validator.structure import classify
from validator.structure.articles import parse_articles
from validator.structure.closing import Closing, closing_end, find_closing, parse_closing
from validator.structure.document import Document
from validator.structure.header import Header, parse_header
from validator.structure.lines import Lines
from validator.structure.members import find_members
from validator.structure.nlp import get_nlp
from validator.structure.ocr_fields import mark_unsure_fields
from validator.structure.parts import issued_by, regulation_start
from validator.structure.references import references


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
    found = find_members(lines, main.articles, (header.body_start, main_end),
                         (header.body_start, total))
    document.members, document.member_list_span = found.members, found.span

    spacy_doc = get_nlp()(document.text.text)
    document.spacy_doc = spacy_doc
    document.sentences = _sentences(spacy_doc)
    found_refs = references(spacy_doc, document.text)
    document.references = [ref for _, ref in found_refs]
    bases = [ref for offset, ref in found_refs
             if any(begin <= offset < end for begin, end in header.basis_spans)]
    document.metadata = _metadata(header, closing, bases)
    document.doc_type = classify.doc_type(header.type_name, header.summary, main.articles,
                                          has_regulation=reg_start is not None)
    document.level = classify.level(header.issuer, header.parent, header.authority_line)
    mark_unsure_fields(document)


def _type(header: Header) -> str:
    return header.type_name.text.lower() if header.type_name else ""


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
        summary=header.summary, national_motto=header.national_motto,
        authority_line=header.authority_line, legal_bases=bases,
        legal_basis_lines=header.legal_basis_lines, signer=closing.signer,
        recipients=closing.recipients,
    )


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for sent in doc.sents:
        text = sent.text
        begin = sent.start_char + len(text) - len(text.lstrip())
        end = sent.start_char + len(text.rstrip())
        if end > begin:
            spans.append((begin, end))
    return spans
