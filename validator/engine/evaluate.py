"""Running a rule set on a document: applicability, the check, and the stamped result.

Checks know nothing of rules; the engine adds id, severity, messages and source, and turns
offsets into quoted original text with page and line (yamllint's LintProblem pattern).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from validator.engine.checks import Finding
from validator.engine.context import DocContext, Range
from validator.engine.loader import Rule, RuleSet
from validator.model import Evidence, Messages, RuleResult, SourceLine
from validator.structure.document import Document

LOW_CONFIDENCE = 60.0  # OCR word confidence below which a quote is flagged
MAX_EVIDENCE = 8


class _Evaluation(DocContext):
    @cached_property
    def _source_lines(self) -> dict[tuple[int, int], SourceLine]:
        return {(line.page, line.line): line for line in self.doc.read.lines}

    def evidence(self, spans: Sequence[Range]) -> tuple[Evidence, ...]:
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
        return tuple(ordered[:MAX_EVIDENCE])


def evaluate(doc: Document, rules: RuleSet, lang: str = "vi") -> list[RuleResult]:
    """One result per rule of the set, in pack order."""
    ctx = _Evaluation(doc)
    return [evaluate_rule(ctx, rule, lang) for rule in rules.rules]


def evaluate_rule(ctx: _Evaluation | Document, rule: Rule, lang: str = "vi") -> RuleResult:
    if isinstance(ctx, Document):
        ctx = _Evaluation(ctx)
    reason = not_applicable_reason(ctx, rule)
    if reason is not None:
        return _result(rule, "not_applicable", reason, lang)
    finding = rule.check.run(ctx)
    status = "pass" if finding.matched else "fail"
    messages = rule.messages.pass_ if finding.matched else rule.messages.fail
    return _result(rule, status, messages, lang, finding, ctx.evidence(finding.spans))


def not_applicable_reason(ctx: DocContext, rule: Rule) -> Messages | None:
    """Why the rule does not apply to this document, or None when it does."""
    doc, applies = ctx.doc, rule.applies_to
    if doc.doc_type not in applies.doc_types:
        return Messages(
            vi=f"Không áp dụng cho loại văn bản này ({doc.doc_type}).",
            en=f"Does not apply to this document type ({doc.doc_type}).",
        )
    if doc.level not in applies.levels:
        return Messages(
            vi=f"Không áp dụng cho cấp này ({doc.level}).",
            en=f"Does not apply at this level ({doc.level}).",
        )
    issued = doc.metadata.date
    # An unknown date keeps the rule: a reviewer would rather see it checked than skipped.
    if issued is not None and applies.from_date is not None and issued < applies.from_date:
        return Messages(
            vi=f"Văn bản ban hành trước ngày {applies.from_date:%d/%m/%Y}.",
            en=f"Issued before {applies.from_date:%d/%m/%Y}.",
        )
    if issued is not None and applies.until_date is not None and issued > applies.until_date:
        return Messages(
            vi=f"Văn bản ban hành sau ngày {applies.until_date:%d/%m/%Y}.",
            en=f"Issued after {applies.until_date:%d/%m/%Y}.",
        )
    if rule.when is not None and not rule.when.run(ctx).matched:
        note = applies.note or Messages(vi="điều kiện áp dụng", en="the applicability condition")
        return Messages(vi=f"Không thỏa mãn: {note.vi}.", en=f"Condition not met: {note.en}.")
    return None


def _result(
    rule: Rule,
    status: str,
    messages: Messages,
    lang: str,
    finding: Finding | None = None,
    evidence: tuple[Evidence, ...] = (),
) -> RuleResult:
    looked_in = None
    if finding is not None and not finding.matched and finding.looked_in is not None:
        looked_in = finding.looked_in.en if lang == "en" else finding.looked_in.vi
    return RuleResult(
        rule_id=rule.id,
        status=status,  # type: ignore[arg-type]
        severity=rule.severity,
        title=rule.title,
        message=messages.en if lang == "en" else messages.vi,
        messages=messages,
        evidence=evidence,
        looked_in=looked_in,
        source=rule.source,
    )
