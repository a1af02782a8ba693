"""Running a rule's own examples (the test suite and `rules explain` use this)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from validator.engine.evaluate import evaluate_rule
from validator.engine.loader import Rule, RuleExample
from validator.model import RuleResult

if TYPE_CHECKING:
    from validator.structure.document import Document


def example_document(example: RuleExample) -> Document:
    from validator.structure import document_from_text

    doc = document_from_text(example.text)
    if example.doc_type is not None:
        doc.doc_type = example.doc_type
    if example.level is not None:
        doc.level = example.level
    if example.date is not None:
        doc.metadata = doc.metadata.model_copy(update={"date": example.date})
        if doc.attachment is not None:
            doc.attachment = doc.attachment.model_copy(update={"decision_date": example.date})
    return doc


def run_example(rule: Rule, example: RuleExample, lang: str = "vi") -> RuleResult:
    return evaluate_rule(example_document(example), rule, lang)
