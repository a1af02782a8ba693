"""The data model shared by every step: read -> normalise -> structure -> engine -> report.

Every layer imports this module and the layers before it, never the ones after.
Records that cross a process boundary (batch runs) are pydantic models so they pickle
and serialise to the JSON of SPEC section 8 without hand-written converters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

Format = Literal["pdf", "docx", "doc", "txt", "image"]
Encoding = Literal["unicode", "tcvn3", "vni", "cp1258"]
ErrorCode = Literal[
    "empty", "corrupt", "encrypted", "unsupported_format", "no_text", "too_large", "timeout",
    "unreadable",  # the file could not be opened: permissions, a dangling link, a special file
]
DocType = Literal["decision", "regulation", "combined", "other"]
Level = Literal["province", "district", "commune", "unknown"]
Status = Literal["pass", "fail", "not_applicable"]
Severity = Literal["error", "warning", "info"]
Verdict = Literal["compliant", "non_compliant", "not_applicable", "error"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- read


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in page coordinates (points, origin top-left)."""

    x0: float
    top: float
    x1: float
    bottom: float


# The read records below are plain dataclasses, not pydantic models: readers build one per
# line of every page, and validation there cost as much as the text extraction itself.


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line as the reader found it, already decoded to Unicode but not normalised.

    A table row is one line whose cells are separated by TAB; `table` numbers the table
    within the document so rows of one table can be told from rows of the next.
    """

    page: int  # from 1
    line: int  # from 1 within the page
    text: str
    box: Box | None = None
    table: int | None = None
    confidence: float | None = None  # OCR word confidence average, 0-100
    unsure: tuple[str, ...] = ()  # words of the text OCR read below its confidence threshold


@dataclass(frozen=True, slots=True)
class SourcePage:
    number: int
    lines: tuple[SourceLine, ...] = ()
    scanned: bool = False
    ocr_confidence: float | None = None  # mean word confidence 0-100 when OCR read it
    width: float | None = None
    height: float | None = None
    notes: tuple[ReadingNote, ...] = ()  # about this page (OCR: turned upright, downscaled)


class DocumentError(Frozen):
    code: ErrorCode
    message: str  # Vietnamese
    message_en: str


class ReadingNote(Frozen):
    """Something a reviewer should know about how the text was read (SPEC section 3).

    Readers and the structure step add them; reports show them so no verdict silently rests on
    doubtful text. `code` is a stable identifier (see NOTE_CODES); `page` is None when the note
    is about the whole document.
    """

    code: str
    message: str  # Vietnamese
    message_en: str
    page: int | None = None


# Stable reading-note codes. Add new ones here, with a short comment, so reports and
# integrators have one list to look at.
NOTE_CODES: dict[str, str] = {
    "ocr_low_confidence": "a page read by OCR with low average confidence",
    "ocr_field_unsure": "a header field (number, date, signer) read by OCR too unsure to trust",
    "page_rotated": "a scanned page was turned upright before OCR",
    "page_downscaled": "a page too large in pixels was rendered at a lower resolution",
    "damaged_text": "text that looks damaged (legacy-conversion debris, spaced or doubled glyphs)",
    "unmapped_font": "a PDF font without a usable Unicode map; the page was read by OCR",
    "plain_text_fallback": "PDF line assembly failed its quality check; plain text used",
    "tracked_changes": "the DOCX has unaccepted tracked changes; read with changes accepted",
    "bad_bytes": "the text file has bytes that are not valid in its encoding",
    "attachment_missing": "a member list or regulation said to be attached is not in the file",
    "truncated": "the document is longer than a limit; only the first part was checked",
    "page_unreadable": "a PDF page could not be opened (broken page tree); the others were read",
}


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader hands to normalisation: pages of decoded lines with positions."""

    format: Format
    encoding: Encoding = "unicode"
    pages: tuple[SourcePage, ...] = ()
    notes: tuple[ReadingNote, ...] = ()

    def __post_init__(self) -> None:
        # The notes a reader attached to a page are the document's notes too, after its own.
        from_pages = tuple(n for p in self.pages for n in p.notes if n not in self.notes)
        if from_pages:
            object.__setattr__(self, "notes", self.notes + from_pages)

    @property
    def scanned_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.scanned]

    @property
    def lines(self) -> list[SourceLine]:
        return [line for page in self.pages for line in page.lines]


class ReadFailure(Exception):
    """Raised inside the read step; the pipeline turns it into a DocumentError entry."""

    def __init__(self, code: ErrorCode, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code: ErrorCode = code
        self.detail = detail


# ---------------------------------------------------------------------- structure


class Located(Frozen):
    """A piece of normalised text with where its first character came from."""

    text: str
    page: int
    line: int


class LegalReference(Frozen):
    kind: str  # "Nghị định", "Công văn", "Quyết định", "Luật", ...
    number: str | None = None  # "33", "3036"
    symbol: str | None = None  # "2023/NĐ-CP", "BHXH-BT"
    date: dt.date | None = None
    text: str
    page: int
    line: int


class Signer(Frozen):
    authority: str | None = None  # "TM.", "KT.", "Q.", "TL.", "TUQ." (the last one given)
    authority_body: str | None = None  # "ỦY BAN NHÂN DÂN" after TM.
    position: str | None = None  # "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    name: str | None = None
    # Every authority line as printed, outermost first: ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN
    # PHÒNG") above "PHÓ CHÁNH VĂN PHÒNG"; empty when the head signs without a prefix.
    chain: tuple[str, ...] = ()
    signed: bool = False  # "(Đã ký)" stands where the signature would be
    page: int
    line: int


class Member(Frozen):
    honorific: str | None = None  # Ông, Bà, Anh, Chị, Đồng chí
    name: str | None = None
    position: str | None = None  # position and agency
    agency: str | None = None  # from a heading ("Sở Y tế:") when the line names none
    role: str | None = None  # Trưởng ban, Phó Trưởng ban, Thành viên, ...
    text: str  # the whole entry, normalised
    page: int
    line: int


class ArticleNode(BaseModel):
    kind: Literal["chapter", "section", "article", "clause", "point"]
    number: str  # "IV", "3", "2", "đ"
    heading: str = ""
    text: str = ""  # the node's own text (without children)
    page: int
    line: int
    start: int = 0  # offsets into NormalizedText.text covering the node and its children
    end: int = 0
    children: list[ArticleNode] = []


class Metadata(BaseModel):
    issuer: Located | None = None
    parent: Located | None = None
    number: str | None = None
    symbol: str | None = None
    number_line: Located | None = None  # "Số: 57/QĐ-UBND" as written
    place: str | None = None
    date: dt.date | None = None
    date_line: Located | None = None
    type_name: Located | None = None
    # The kind of document in ND30's words, lower-case: the type name ("quyết định", "quy
    # chế", "tờ trình" ...), or "công văn" for a letter with a "V/v ..." summary under its
    # number and no type name; None when neither is there.
    kind: str | None = None
    summary: Located | None = None
    national_motto: Located | None = None
    authority_line: Located | None = None
    legal_bases: list[LegalReference] = []
    legal_basis_lines: list[Located] = []
    signer: Signer | None = None  # the first signer block (the only one, usually)
    signers: list[Signer] = []  # every signer block: a joint document has two or more
    recipients: list[Located] = []


class Attachment(BaseModel):
    """The regulation attached to a decision, or the issuing line of a standalone one."""

    type_name: Located | None = None
    title: Located | None = None
    decision_number: str | None = None
    decision_symbol: str | None = None
    decision_date: dt.date | None = None
    issued_by_line: Located | None = None  # "(Ban hành kèm theo Quyết định số ... ngày ...)"
    start: int = 0
    end: int = 0
    articles: list[ArticleNode] = []


# ------------------------------------------------------------------------ results


class Evidence(Frozen):
    text: str  # quoted original text
    page: int
    line: int
    low_confidence: bool = False  # the text came from OCR below the confidence threshold


class Messages(Frozen):
    vi: str
    en: str


class RuleResult(Frozen):
    rule_id: str
    status: Status
    severity: Severity
    title: Messages
    message: str  # in the language of the run
    messages: Messages
    evidence: tuple[Evidence, ...] = ()
    more_evidence: int = 0  # matching lines not quoted in `evidence` (never cut silently)
    # One entry per failed part of a composed check, each a sentence a reviewer can copy
    # into a reply letter ("Danh sách thành viên không có Phó Trưởng ban").
    problems: tuple[Messages, ...] = ()
    looked_in: str | None = None  # where a failed rule looked ("Chương IV, Điều 9-11")
    source: str


class DecisionRef(Frozen):
    """The decision a regulation names as issuing it: "(Ban hành kèm theo Quyết định số …
    ngày …)", so a dossier can match the regulation with its decision filed beside it."""

    number: str | None = None
    symbol: str | None = None
    date: dt.date | None = None
    line: Located | None = None


class DocumentReport(BaseModel):
    path: str
    sha256: str | None = None
    verdict: Verdict
    error: DocumentError | None = None
    format: Format | None = None
    encoding: Encoding | None = None
    doc_type: DocType | None = None
    level: Level | None = None
    scanned_pages: list[int] = []
    ocr_confidence: dict[int, float] = {}
    metadata: Metadata | None = None
    members: list[Member] = []
    results: list[RuleResult] = []
    notes: list[ReadingNote] = []
    dossier: str | None = None  # the dossier (ZIP or folder) this document belongs to
    issued_by: DecisionRef | None = None  # a regulation's issuing decision, as it names it


class PackInfo(Frozen):
    name: str  # "cv3036"
    version: str  # content digest or declared version
    path: str | None = None  # where it was loaded from, for packs added with --rules


class Tool(Frozen):
    name: str = "validator"
    version: str
    packs: tuple[PackInfo, ...] = ()
    settings: str | None = None  # the settings file the run used, if any


class DossierSummary(BaseModel):
    id: str
    verdict: Verdict
    documents: list[str] = []  # paths of its documents
    message: str | None = None  # why, in the run's language (e.g. "thiếu Quy chế")


class Summary(BaseModel):
    documents: int = 0
    compliant: int = 0
    non_compliant: int = 0
    not_applicable: int = 0
    error: int = 0
    dossiers: list[DossierSummary] = []
    complete: bool = True  # False when the run was stopped (Ctrl-C, SIGTERM) before the end


class Report(BaseModel):
    schema_version: Literal["1"] = "1"
    tool: Tool
    documents: list[DocumentReport]
    summary: Summary
