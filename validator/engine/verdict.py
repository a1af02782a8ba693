"""The document verdict of SPEC section 5 ("error" is the caller's: unreadable files)."""

from __future__ import annotations

from collections.abc import Iterable

from validator.model import DocType, RuleResult, Verdict


def verdict(doc_type: DocType | None, results: Iterable[RuleResult]) -> Verdict:
    """not_applicable for a document on another subject or one no rule applies to (issued
    before every pack's date); non_compliant when an error-severity rule failed."""
    results = list(results)
    if doc_type is None or doc_type == "other":
        return "not_applicable"
    if all(r.status == "not_applicable" for r in results):
        return "not_applicable"
    failed = any(r.status == "fail" and r.severity == "error" for r in results)
    return "non_compliant" if failed else "compliant"
