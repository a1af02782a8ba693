"""What every human-readable format says about a document, decided once: which results are
defects (errors to fix, then warnings to check) and which are notes, in that order; the
issuing body, number and date as a reviewer quotes them; the reading notes."""

from __future__ import annotations

from collections.abc import Iterable

from validator.i18n import Lang, gettext_for, ngettext_for
from validator.model import DocumentReport, Evidence, RuleResult
from validator.report.labels import SEVERITY_ORDER


def failures(doc: DocumentReport) -> list[RuleResult]:
    """Failed rules, errors first, then warnings, then notes; pack order within each."""
    failed = [r for r in doc.results if r.status == "fail"]
    return sorted(failed, key=lambda r: SEVERITY_ORDER[r.severity])


def defects(doc: DocumentReport) -> list[RuleResult]:
    """Failed errors and warnings: what a reviewer asks the issuing body to fix or check."""
    return [r for r in failures(doc) if r.severity != "info"]


def notes(doc: DocumentReport) -> list[RuleResult]:
    """Failed info rules: notes, never defects."""
    return [r for r in failures(doc) if r.severity == "info"]


def with_status(doc: DocumentReport, status: str) -> list[RuleResult]:
    return [r for r in doc.results if r.status == status]


def needs_attention(doc: DocumentReport) -> bool:
    """Unreadable, or with a defect to fix or check (what `--quiet` keeps)."""
    return doc.verdict == "error" or bool(defects(doc))


def message(result: RuleResult, lang: Lang) -> str:
    """A rule result's message in `lang`, whatever language the run that made it used."""
    return getattr(result.messages, lang) or result.message


def problems(result: RuleResult, lang: Lang) -> list[str]:
    """The failed parts of a composed rule, one sentence each."""
    return [getattr(problem, lang) for problem in result.problems]


def explanation(result: RuleResult, lang: Lang) -> list[str]:
    """What a failed rule says, once: its failed parts, one sentence each, or its message when
    it has no parts (the message is the parts joined, so showing both repeats every word)."""
    return problems(result, lang) or [message(result, lang)]


def findings_text(result: RuleResult, lang: Lang) -> str:
    """The message and the failed parts as one sentence group (for cells and single lines)."""
    parts = problems(result, lang) or [message(result, lang)]
    return "; ".join(part.rstrip(". ") for part in parts) + "."


def title(result: RuleResult, lang: Lang) -> str:
    return result.title.vi if lang == "vi" else result.title.en


def error_message(doc: DocumentReport, lang: Lang) -> str:
    if doc.error is None:
        return ""
    return doc.error.message if lang == "vi" else doc.error.message_en


def issuer(doc: DocumentReport) -> str:
    meta = doc.metadata
    return meta.issuer.text if meta is not None and meta.issuer is not None else ""


def parent(doc: DocumentReport) -> str:
    meta = doc.metadata
    return meta.parent.text if meta is not None and meta.parent is not None else ""


def number(doc: DocumentReport) -> str:
    """"57/QĐ-UBND" as the document numbers itself, or "" when it has no number."""
    meta = doc.metadata
    if meta is None or not (meta.number or meta.symbol):
        return ""
    return "/".join(part for part in (meta.number, meta.symbol) if part)


def issued(doc: DocumentReport) -> str:
    """The document's date as written in Vietnamese documents, dd/mm/yyyy."""
    meta = doc.metadata
    return f"{meta.date:%d/%m/%Y}" if meta is not None and meta.date is not None else ""


def summary_line(doc: DocumentReport) -> str:
    meta = doc.metadata
    return meta.summary.text if meta is not None and meta.summary is not None else ""


def reading_notes(doc: DocumentReport, lang: Lang) -> list[str]:
    """The reading notes in `lang`, each with its page when it is about one page."""
    _ = gettext_for(lang)
    shown = []
    for note in doc.notes:
        text = note.message if lang == "vi" else note.message_en
        if note.page is not None:
            text = _("Page {page}: {note}").format(page=note.page, note=text)
        shown.append(text)
    return shown


def ocr_pages(doc: DocumentReport) -> list[tuple[int, float]]:
    """(page, mean OCR confidence 0-100) for the pages read by OCR."""
    return sorted(doc.ocr_confidence.items())


def ocr_confidence(page: int, confidence: float, lang: Lang) -> str:
    _ = gettext_for(lang)
    return _("page {page}: {confidence:.0f}%").format(
        page=page, confidence=confidence
    )


def where(evidence: Evidence, lang: Lang) -> str:
    _ = gettext_for(lang)
    return _("page {page}, line {line}").format(
        page=evidence.page, line=evidence.line
    )


def evidence_text(evidence: Evidence, lang: Lang) -> str:
    """«quote» — page, line, flagged when OCR was unsure of it."""
    text = f"«{evidence.text}» — {where(evidence, lang)}"
    if evidence.low_confidence:
        text += " " + low_confidence(lang)
    return text


def low_confidence(lang: Lang) -> str:
    _ = gettext_for(lang)
    return _("(low OCR confidence)")


def more_evidence(result: RuleResult, lang: Lang) -> str:
    """"… and 3 more lines" when the quotes were cut, else ""."""
    return more_lines(result.more_evidence, lang)


def more_lines(count: int, lang: Lang) -> str:
    if not count:
        return ""
    ngettext = ngettext_for(lang)
    return ngettext(
        "… and {count} more line", "… and {count} more lines", count
    ).format(count=count)


def rules_passed(count: int, lang: Lang) -> str:
    ngettext = ngettext_for(lang)
    return ngettext("{count} rule passed", "{count} rules passed", count).format(count=count)


def rules_not_applicable(count: int, lang: Lang) -> str:
    ngettext = ngettext_for(lang)
    return ngettext(
        "{count} rule not applicable", "{count} rules not applicable", count
    ).format(count=count)


def looked_in(result: RuleResult, lang: Lang) -> str:
    if not result.looked_in:
        return ""
    _ = gettext_for(lang)
    return _("Looked in: {where}").format(where=result.looked_in)


def defect_summary(results: Iterable[RuleResult], lang: Lang) -> str:
    """Defects in words, one per line: "CV3036-03 Title: what is wrong."."""
    return "\n".join(f"{r.rule_id} {title(r, lang)}: {findings_text(r, lang)}" for r in results)
