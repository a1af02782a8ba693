"""One manifest.json entry per sample file: format, encoding, facts and expected results."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from samples_blocks import Letterhead, Para
from samples_decisions import Doc
from samples_expectations import expectations, verdict
from samples_people import role_class

SOURCE_LINK = "../tests/data/sources"  # SOURCES as the manifest names it, from samples/
ERRORS = {"empty": "empty", "truncated": "corrupt", "encrypted": "encrypted",
          "random": "unsupported_format"}
ENCODING = {"docx-tcvn3": "tcvn3", "doc-tcvn3": "tcvn3", "pdf-tcvn3": "tcvn3", "txt-vni": "vni",
            "txt-cp1258": "cp1258"}


def pdf_text_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def member_manifest(doc: Doc) -> dict:
    roles: dict[str, int] = {}
    for m in doc.members:
        roles[role_class(m.role)] = roles.get(role_class(m.role), 0) + 1
    return {
        "member_count": len(doc.members),
        "member_roles": roles,
        "members": [{"honorific": m.honorific if doc.named else None,
                     "name": m.name if doc.named else None, "role": m.role}
                    for m in doc.members],
    }


def issuer_facts(doc: Doc) -> dict:
    head = next(b for b in doc.blocks if isinstance(b, Letterhead))
    place = doc.place
    parent = place.parent if place and head.left == place.head_left else None
    issuer = place.issuer if place and head.left == place.head_left else None
    if place and head.left != place.head_left:  # the committee's own letterhead
        parent, issuer = head.left[0], " ".join(head.left[1:])
    return {"issuer": issuer, "parent": parent}


def manifest_entry(name: str, doc: Doc | None, how: str, charset: str | None,
                   path: Path) -> dict:
    data = path.read_bytes()
    fmt = {"docx": "docx", "pdf": "pdf", "doc": "doc", "docx-tcvn3": "docx",
           "doc-tcvn3": "doc", "pdf-tcvn3": "pdf", "docx-as-pdf": "docx"}.get(
               how, "txt" if how.startswith("txt-") else None)
    error = ERRORS.get(how)
    if how in ("truncated", "encrypted"):
        fmt = "pdf"
    entry: dict = {
        "file": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
        "format": fmt, "encoding": None if error else ENCODING.get(how, "unicode"),
        "charset": charset, "error": error,
    }
    if how == "docx-as-pdf":
        entry["notes"] = "A DOCX file saved with a .pdf name: the format comes from the bytes."
    if error or doc is None:
        entry.update({"expected_verdict": "error", "doc_type": None, "level": None,
                      "source": f"{SOURCE_LINK}/{doc.id}.txt" if doc else None,
                      "notes": {"empty": "Zero bytes.",
                                "truncated": "The first half of qd-xa-an-binh-2023.pdf.",
                                "encrypted": "Page 1 of qd-xa-an-binh-2023 drawn with "
                                             "reportlab and encrypted (user password "
                                             "'mat-khau-xem', RC4 128).",
                                "random": "4 KB of seeded random bytes with a .pdf name."}[how]})
        return entry
    rules = expectations(doc)
    entry.update({
        "doc_type": doc.doc_type,
        "level": doc.place.level if doc.place else "unknown",
        "era": "after-2025-07-01" if doc.place and doc.place.era == "new" else "before-2025-07-01",
        **issuer_facts(doc),
        "number": doc.number, "symbol": doc.symbol,
        "date": doc.date.isoformat() if doc.date else None,
        "issued_by_decision": doc.issued_by if doc.doc_type == "regulation" else None,
        "source": f"{SOURCE_LINK}/{doc.id}.txt",
        "expected_verdict": verdict(doc, rules),
        "rules": rules,
        "traps": doc.traps,
        "notes": entry.get("notes") or doc.notes,
    })
    if doc.doc_type == "combined":
        reg_ref = re.search(r"Quyết định số (\d+)/([^\s]+) ngày (\d\d)/(\d\d)/(\d{4})",
                            next(b.text for b in doc.blocks if isinstance(b, Para)
                                 and b.text.startswith("(Ban hành kèm")))
        assert reg_ref
        entry["issued_by_decision"] = {
            "number": reg_ref.group(1), "symbol": reg_ref.group(2),
            "date": f"{reg_ref.group(5)}-{reg_ref.group(4)}-{reg_ref.group(3)}"}
    if doc.members:
        entry.update(member_manifest(doc))
    if fmt == "pdf":
        try:
            pages = [re.sub(r"\s+", " ", t) for t in pdf_text_pages(path)]
            entry["pages"] = len(pages)
            if doc.members and doc.named and how == "pdf":
                first, last = doc.members[0].name, doc.members[-1].name
                entry["member_list_pages"] = [
                    next(i + 1 for i, t in enumerate(pages) if first and first in t),
                    next(i + 1 for i, t in enumerate(pages) if last and last in t)]
        except Exception:
            entry["pages"] = None
    return entry
