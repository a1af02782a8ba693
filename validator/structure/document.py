"""The structured document handed to the rule engine.

INTERFACE - fields are fixed; the structure step fills them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from validator.model import (
    ArticleNode,
    Attachment,
    DocType,
    LegalReference,
    Level,
    Located,
    Member,
    Metadata,
    ReadingNote,
    ReadResult,
)
from validator.normalize import NormalizedText


@dataclass
class Document:
    path: str
    read: ReadResult  # format, encoding, pages (scanned flags, OCR confidence)
    text: NormalizedText
    doc_type: DocType = "other"
    level: Level = "unknown"
    metadata: Metadata = field(default_factory=Metadata)
    articles: list[ArticleNode] = field(default_factory=list)  # the main part's article tree
    attachment: Attachment | None = None  # the regulation part of a combined file
    members: list[Member] = field(default_factory=list)
    member_list_span: tuple[int, int] | None = None  # offsets of the member list in text
    references: list[LegalReference] = field(default_factory=list)  # all legal refs in the text
    sentences: list[tuple[int, int]] = field(default_factory=list)  # sentence offsets in text
    spacy_doc: Any = None  # spacy.tokens.Doc over text.text, for Matcher patterns
    notes: list[ReadingNote] = field(default_factory=list)  # what structure found doubtful
    # The sentence that puts the member list in an annex ("danh sách kèm theo"), set only when
    # that annex is not in the file: the member rules then fail with exactly that reason.
    members_in_missing_annex: Located | None = None
