"""Running a rule set on a document: applicability, the check, and the stamped result.

Checks know nothing of rules; the engine adds id, severity, messages and source, and turns
offsets into quoted original text with page and line (yamllint's LintProblem pattern).
A failed rule's message is the messages of the parts that failed, joined; evidence is quoted
up to MAX_EVIDENCE lines and the rest counted in `more_evidence`, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from validator.engine.checks import Finding
from validator.engine.context import DocContext, Range
from validator.engine.forms import DOC_TYPE_LABELS, FORM_LABELS, LEVEL_LABELS
from validator.engine.loader import Rule, RuleSet
from validator.engine.parts import join
from validator.model import Evidence, Messages, RuleResult, SourceLine, Status

if TYPE_CHECKING:
    from validator.structure.document import Document

LOW_CONFIDENCE = 60.0  # OCR word confidence below which a quote is flagged
MAX_EVIDENCE = 8


class _Evaluation(DocContext):
    @cached_property
    def _source_lines(self) -> dict[tuple[int, int], SourceLine]:
        return {(line.page, line.line): line for line in self.doc.read.lines}

    def evidence(self, spans: Sequence[Range]) -> tuple[tuple[Evidence, ...], int]:
        """Quotes in document order, at most MAX_EVIDENCE, and how many more there were."""
        quotes: dict[tuple[int, int, str], Evidence] = {}
        for start, end in sorted(set(spans)):
            for span in self.text.spans(start, end):
                quote = span.text.strip()
                if not quote:
                    continue
                source = self._source_lines.get((span.page, span.line))
                confidence = source.confidence if source is not None else None
                low = confidence is not None and confidence < LOW_CONFIDENCE
                quotes.setdefault(
                    (span.page, span.line, quote),
                    Evidence(text=quote, page=span.page, line=span.line, low_confidence=low),
                )
        ordered = sorted(quotes.values(), key=lambda e: (e.page, e.line))
        return tuple(ordered[:MAX_EVIDENCE]), max(0, len(ordered) - MAX_EVIDENCE)


def evaluate(doc: Document, rules: RuleSet, lang: str = "vi") -> list[RuleResult]:
    """One result per rule of the set, in pack order."""
    ctx = _Evaluation(doc)
    return [evaluate_rule(ctx, rule, lang) for rule in rules.rules]


def evaluate_rule(ctx: DocContext | Document, rule: Rule, lang: str = "vi") -> RuleResult:
    if not isinstance(ctx, _Evaluation):
        ctx = _Evaluation(ctx.doc if isinstance(ctx, DocContext) else ctx)
    reason = not_applicable_reason(ctx, rule)
    if reason is not None:
        return _result(rule, "not_applicable", reason, lang)
    finding = rule.check.run(ctx)
    evidence, more = ctx.evidence(finding.spans)
    if finding.matched:
        return _result(rule, "pass", rule.messages.pass_, lang, evidence=evidence, more=more)
    problems = tuple(dict.fromkeys(finding.problems)) or (rule.messages.fail,)
    return _result(rule, "fail", join(problems), lang, finding, evidence, more, problems)


def not_applicable_reason(ctx: DocContext, rule: Rule) -> Messages | None:
    """Why the rule does not apply to this document, in plain words; None when it does."""
    doc, applies = ctx.doc, rule.applies_to
    if doc.doc_type not in applies.doc_types:
        kind = DOC_TYPE_LABELS[doc.doc_type]
        return Messages(vi=f"Không áp dụng cho {kind.vi}.", en=f"Does not apply to {kind.en}.")
    if ctx.form not in applies.forms:
        form = FORM_LABELS[ctx.form]
        return Messages(vi=f"Không áp dụng cho {form.vi}.", en=f"Does not apply to {form.en}.")
    if doc.level not in applies.levels:
        wanted = [LEVEL_LABELS[level] for level in applies.levels if level != "unknown"]
        here = LEVEL_LABELS[doc.level]
        return Messages(
            vi=f"Chỉ áp dụng cho văn bản {', '.join(w.vi for w in wanted)} "
            f"(văn bản này: {here.vi}).",
            en=f"Applies only at {', '.join(w.en for w in wanted)} (this document: {here.en}).",
        )
    issued = ctx.issue_date
    # An unknown date keeps the rule: a reviewer would rather see it checked than skipped.
    if issued is not None and rule.effective is not None and issued < rule.effective:
        return Messages(
            vi=f"Văn bản ban hành ngày {issued:%d/%m/%Y}, trước ngày {rule.effective:%d/%m/%Y}"
            f" là ngày áp dụng {rule.cites}.",
            en=f"Issued on {issued:%d/%m/%Y}, before {rule.effective:%d/%m/%Y}, when "
            f"{rule.cites} applies.",
        )
    if issued is not None and applies.until_date is not None and issued > applies.until_date:
        return Messages(
            vi=f"Văn bản ban hành ngày {issued:%d/%m/%Y}, sau ngày {applies.until_date:%d/%m/%Y}.",
            en=f"Issued on {issued:%d/%m/%Y}, after {applies.until_date:%d/%m/%Y}.",
        )
    if rule.when is not None and not rule.when.run(ctx).matched:
        note = applies.note or Messages(
            vi="văn bản thỏa điều kiện riêng của quy tắc",
            en="documents meeting the rule's own condition",
        )
        return Messages(vi=f"Chỉ áp dụng cho {note.vi}.", en=f"Applies only to {note.en}.")
    return None


def _result(
    rule: Rule,
    status: Status,
    messages: Messages,
    lang: str,
    finding: Finding | None = None,
    evidence: tuple[Evidence, ...] = (),
    more: int = 0,
    problems: tuple[Messages, ...] = (),
) -> RuleResult:
    looked_in = None
    if finding is not None and not finding.matched and finding.looked_in is not None:
        looked_in = finding.looked_in.en if lang == "en" else finding.looked_in.vi
    return RuleResult(
        rule_id=rule.id,
        status=status,
        severity=rule.severity,
        title=rule.title,
        message=messages.en if lang == "en" else messages.vi,
        messages=messages,
        evidence=evidence,
        more_evidence=more,
        problems=problems,
        looked_in=looked_in,
        source=rule.source,
    )
