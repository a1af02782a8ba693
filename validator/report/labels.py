"""How reports name verdicts, outcomes, severities, document types and levels.

Severities are named as a reviewer acts on them: an error is a defect to fix ("Phải sửa"), a
warning a point to check ("Nên xem lại"), an info result a note ("Ghi chú") - never a failure.
"""

from __future__ import annotations

from validator.i18n import N_, Lang, gettext_for
from validator.model import RuleResult, Severity

__all__ = ["Lang", "doc_type_label", "level_label", "outcome_label", "severity_label",
           "verdict_label"]

VERDICTS = {
    "non_compliant": N_("Non-compliant"),
    "error": N_("Unreadable"),
    "compliant": N_("Compliant"),
    "not_applicable": N_("Not applicable"),
}
# The order in which summaries list documents: what needs action first.
VERDICT_ORDER = tuple(VERDICTS)

SEVERITIES: dict[Severity, str] = {
    "error": N_("To fix"),
    "warning": N_("To check"),
    "info": N_("Note"),
}
SEVERITY_ORDER: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}

_OUTCOMES = {
    "pass": N_("Pass"),
    "not_applicable": N_("Not applicable"),
}

DOC_TYPES = {
    "decision": N_("Decision"),
    "regulation": N_("Regulation"),
    "combined": N_("Decision with regulation"),
    "other": N_("Other document"),
}
LEVELS = {
    "province": N_("Province"),
    "district": N_("District"),
    "commune": N_("Commune"),
    "unknown": N_("Level unknown"),
}
NONE = "—"


def _label(table: dict[str, str], value: str | None, lang: Lang) -> str:
    if value is None:
        return NONE
    message = table.get(value)
    return gettext_for(lang)(message) if message is not None else value


def verdict_label(verdict: str, lang: Lang) -> str:
    return _label(VERDICTS, verdict, lang)


def severity_label(severity: str, lang: Lang) -> str:
    """What a failed rule of this severity is to a reviewer: to fix, to check, a note."""
    return _label(SEVERITIES, severity, lang)  # type: ignore[arg-type]


def outcome_label(result: RuleResult, lang: Lang) -> str:
    """A rule's result in one word: passed, not applicable, or (failed) its severity's name."""
    if result.status == "fail":
        return severity_label(result.severity, lang)
    return _label(_OUTCOMES, result.status, lang)


def doc_type_label(doc_type: str | None, lang: Lang) -> str:
    return _label(DOC_TYPES, doc_type, lang)


def level_label(level: str | None, lang: Lang) -> str:
    return _label(LEVELS, level, lang)
