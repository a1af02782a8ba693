"""Structure step: normalised text -> Document (SPEC §3 model, §4 classification).

    build_document(read, path)      a reader's result, normalised here
    document_from_text(text, path)  one page, one source line per text line (rule examples, tests)

Order of work: header -> where an attached regulation starts -> closing (signer, recipients)
-> article trees -> member list -> spaCy pass (sentences, references) -> classification.
"""

from __future__ import annotations

from validator.model import ReadResult, SourceLine, SourcePage
from validator.normalize import normalize
from validator.structure.build import structure
from validator.structure.document import Document

__all__ = ["Document", "build_document", "document_from_text"]


def build_document(read: ReadResult, path: str) -> Document:
    # DOCX and .doc lines are whole paragraphs; PDF, OCR and text lines may be wraps.
    text = normalize(read.lines, paragraphs=read.format in ("docx", "doc"))
    document = Document(path=path, read=read, text=text)
    structure(document)
    return document


def document_from_text(text: str, path: str = "<text>",
                       ocr_confidence: float | None = None) -> Document:
    """A document typed as text; lines holding a TAB are table rows, one table per run of them.

    `ocr_confidence` marks every line as read by OCR with that confidence (tests of OCR text).
    """
    lines: list[SourceLine] = []
    table, in_table = 0, False
    for number, raw in enumerate(text.splitlines(), 1):
        if "\t" in raw and not in_table:
            table += 1
        in_table = "\t" in raw
        lines.append(SourceLine(page=1, line=number, text=raw, table=table if in_table else None,
                                confidence=ocr_confidence))
    read = ReadResult(format="txt", pages=(SourcePage(number=1, lines=tuple(lines)),))
    return build_document(read, path)
