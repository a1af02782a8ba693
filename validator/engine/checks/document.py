"""document: what the document is (type, level, form, an attached regulation), for
conditions such as "in a combined file the numbers must match" or "for a công văn"."""

from __future__ import annotations

from dataclasses import dataclass

from validator.engine.checks.base import Finding, PackContext, Params
from validator.engine.context import DocContext
from validator.engine.forms import FORM_LABELS, Form
from validator.model import DocType, Level

PLACEHOLDERS = frozenset({"form"})


class DocumentParams(Params):
    doc_types: tuple[DocType, ...] = ()
    levels: tuple[Level, ...] = ()
    forms: tuple[Form, ...] = ()
    has_attachment: bool | None = None


def reasons(params: DocumentParams) -> frozenset[str]:
    return frozenset({"document"})


@dataclass(frozen=True)
class DocumentCheck:
    params: DocumentParams

    def run(self, ctx: DocContext) -> Finding:
        doc, params = ctx.doc, self.params
        matched = (
            (not params.doc_types or doc.doc_type in params.doc_types)
            and (not params.levels or doc.level in params.levels)
            and (not params.forms or ctx.form in params.forms)
            and (
                params.has_attachment is None
                or (doc.attachment is not None) == params.has_attachment
            )
        )
        # A condition on the document, not a place: nothing to quote, nowhere it looked.
        if matched:
            return Finding(matched=True)
        return Finding(False, reason="document", details={"form": FORM_LABELS[ctx.form]})


def build(params: DocumentParams, pack: PackContext) -> DocumentCheck:
    return DocumentCheck(params=params)
