"""What each sample must be judged: rule statuses and the verdict they lead to."""

from __future__ import annotations

import datetime as dt

from samples_decisions import Doc

SEVERITY = {
    **{f"CV3036-{i:02d}": "error" for i in (1, 3, 5, 6, 7, 9)},
    "CV3036-02": "warning",
    "CV3036-04": "warning",
    "CV3036-08": "warning",
    "CV3036-10": "info",
    **{f"CV2657-{i:02d}": "error" for i in range(1, 7)},
    **{f"ND30-{i:02d}": "error" for i in (1, 2, 3, 5, 6)},
    "ND30-04": "warning",
    "ND30-07": "warning",
    "ND30-08": "warning",
}


def effective_date(doc: Doc) -> dt.date | None:
    if doc.date:
        return doc.date
    if doc.issued_by and doc.issued_by.get("date"):
        return dt.date.fromisoformat(str(doc.issued_by["date"]))
    return None


def expectations(doc: Doc) -> dict[str, list[str]]:
    """Rule statuses the sample was built to produce (rules in doc.unsure are left out)."""
    status: dict[str, str] = {}
    day = effective_date(doc)
    is_dec = doc.doc_type in ("decision", "combined")
    is_reg = doc.doc_type in ("regulation", "combined")
    # A Quy chế issued with a decision has no number, date line, signer or recipients of its
    # own: the format rules that read them do not apply to it.
    attached = doc.doc_type == "regulation" and doc.issued_by is not None
    commune_2657 = (doc.place is not None and doc.place.level == "commune" and day is not None
                    and day >= dt.date(2023, 8, 25) and doc.doc_type != "other")
    for rule in SEVERITY:
        applies = True
        if rule.startswith("CV3036-"):
            n = int(rule[-2:])
            applies = (is_dec if n in (1, 2, 3, 4, 10) else is_reg)
            if n == 10:
                applies = applies and doc.cites_3036
        elif rule.startswith("CV2657-"):
            applies = commune_2657 and (is_reg if rule == "CV2657-06" else is_dec)
        elif rule in ("ND30-03", "ND30-04", "ND30-06", "ND30-07") and attached:
            applies = False
        elif rule == "ND30-03":
            applies = doc.number is not None
        elif rule in ("ND30-06", "ND30-07"):
            applies = doc.has_signer
        elif rule == "ND30-08":
            applies = is_reg
        if not applies:
            status[rule] = "not_applicable"
        elif rule == "CV3036-10":
            late = day is not None and day > dt.date(2020, 10, 31)
            status[rule] = "fail" if late else "pass"
        else:
            status[rule] = "fail" if rule in doc.fail else "pass"
    for rule in doc.unsure:
        status.pop(rule, None)
    return {s: sorted(r for r, v in status.items() if v == s)
            for s in ("pass", "fail", "not_applicable")}


def verdict(doc: Doc, rules: dict[str, list[str]]) -> str:
    if doc.doc_type == "other":
        return "not_applicable"
    if any(SEVERITY[r] == "error" for r in rules["fail"]):
        return "non_compliant"
    return "compliant"
