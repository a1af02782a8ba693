"""What kind of paper a document is (Nghị định 30's forms), and the date its rules go by.

The structure step says what a document is *about* (doc_type); the format rules also need to
know how it is *written*: a công văn has no type-name line and its summary is the "V/v" line;
a Quy chế issued with a decision ("Ban hành kèm theo Quyết định số ...") has no number, date
line, signer or recipients of its own; an annex filed alone (PHỤ LỤC, DANH SÁCH "kèm theo
Quyết định ...") has no header either. Both are read here from what structure found, and from
the opening lines themselves for the "kèm theo" line, which a damaged header parse may take
for a date line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Literal

from validator.model import DocType, Level, Messages
from validator.normalize import loose_key

if TYPE_CHECKING:
    from validator.structure.document import Document

Form = Literal["decision", "regulation", "attached_regulation", "annex", "letter", "other"]
FORMS: tuple[Form, ...] = (
    "decision", "regulation", "attached_regulation", "annex", "letter", "other",
)  # fmt: skip

# Nghị định 30/2020/NĐ-CP, Phụ lục III: abbreviations of document type names. A công văn's
# symbol carries none of them (Số: 17/UBND-VX).
TYPE_ABBREVIATIONS = frozenset(
    loose_key(a)
    for a in (
        "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
        "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
    )
)  # fmt: skip
_LETTER_SUMMARY = re.compile(r"^\s*(?:v\s*/\s*v|ve viec)\b")
_ISSUED_WITH = re.compile(r"^\s*\(?\s*(?:ban hanh )?kem theo (?:quyet dinh|qd)\b")
_OPENING_LINES = 12

FORM_LABELS: dict[Form, Messages] = {
    "decision": Messages(vi="quyết định", en="a decision"),
    "regulation": Messages(vi="Quy chế", en="a regulation"),
    "attached_regulation": Messages(
        vi="Quy chế ban hành kèm theo quyết định", en="a regulation issued with a decision"
    ),
    "annex": Messages(vi="phụ lục kèm theo quyết định", en="an annex of a decision"),
    "letter": Messages(vi="công văn", en="an official letter (công văn)"),
    "other": Messages(vi="văn bản khác", en="another kind of document"),
}
DOC_TYPE_LABELS: dict[DocType, Messages] = {
    "decision": Messages(vi="quyết định về Ban Chỉ đạo", en="a decision on the committee"),
    "regulation": Messages(vi="Quy chế hoạt động", en="an operating regulation"),
    "combined": Messages(
        vi="quyết định kèm Quy chế", en="a decision with its regulation in one file"
    ),
    "other": Messages(
        vi="văn bản không phải quyết định, Quy chế về Ban Chỉ đạo",
        en="a document that is not a decision or regulation of the committee",
    ),
}
LEVEL_LABELS: dict[Level, Messages] = {
    "province": Messages(vi="cấp tỉnh", en="province level"),
    "district": Messages(vi="cấp huyện", en="district level"),
    "commune": Messages(vi="cấp xã", en="commune level"),
    "unknown": Messages(vi="không rõ cấp", en="unknown level"),
}


def document_form(doc: Document) -> Form:
    meta = doc.metadata
    type_name = loose_key(meta.type_name.text) if meta.type_name is not None else ""
    if type_name.startswith("quyet dinh"):
        return "decision"
    issued_by = doc.attachment is not None and doc.attachment.issued_by_line is not None
    if type_name.startswith("quy che"):
        return "attached_regulation" if issued_by or _issued_with(doc) else "regulation"
    if (not type_name or type_name.startswith(("danh sach", "phu luc"))) and _issued_with(doc):
        return "annex"
    if type_name and not type_name.startswith("cong van"):
        return "other"
    # No type name: the symbol's abbreviation says what the paper is (a decision that lost
    # its "QUYẾT ĐỊNH" line is still a decision); without one, a V/v line makes a công văn.
    abbreviation = loose_key(symbol_type(meta.symbol) or "") if meta.symbol else ""
    if abbreviation:
        return {"qd": "decision", "qc": "regulation"}.get(abbreviation, "other")
    letter_summary = meta.summary is not None and _LETTER_SUMMARY.match(
        loose_key(meta.summary.text)
    )
    if type_name or letter_summary or meta.symbol:
        return "letter"
    return "other"


def _issued_with(doc: Document) -> bool:
    """An opening line "(Kèm theo Quyết định số ... ngày ...)": an annex of a decision."""
    return any(_ISSUED_WITH.match(loose_key(line.text)) for line in doc.text.lines[:_OPENING_LINES])


def symbol_type(symbol: str) -> str | None:
    """The type abbreviation a symbol starts with ("QĐ" in "QĐ-UBND"), or None."""
    bare = re.sub(r"^\s*\d{4}\s*/", "", symbol)  # "2023/NĐ-CP": the year comes first
    first = re.split(r"[-/]", bare.strip(), maxsplit=1)[0]
    return first if loose_key(first) in TYPE_ABBREVIATIONS else None


def issue_date(doc: Document) -> dt.date | None:
    """The date a document's rules go by: a Quy chế takes the date of the decision that issues
    it ("Ban hành kèm theo Quyết định số ... ngày ..."), everything else its own date line."""
    attachment = doc.attachment
    if doc.doc_type == "regulation" and attachment is not None and attachment.decision_date:
        return attachment.decision_date
    return doc.metadata.date
