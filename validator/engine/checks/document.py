"""document: what the document is (type, level, an attached regulation), for conditions such
as "in a combined file the numbers must match"."""

from __future__ import annotations

from dataclasses import dataclass

from validator.engine.checks.base import Finding, PackContext, Params
from validator.engine.context import DocContext
from validator.model import DocType, Level


class DocumentParams(Params):
    doc_types: tuple[DocType, ...] = ()
    levels: tuple[Level, ...] = ()
    has_attachment: bool | None = None


@dataclass(frozen=True)
class DocumentCheck:
    params: DocumentParams

    def run(self, ctx: DocContext) -> Finding:
        doc, params = ctx.doc, self.params
        matched = (
            (not params.doc_types or doc.doc_type in params.doc_types)
            and (not params.levels or doc.level in params.levels)
            and (
                params.has_attachment is None
                or (doc.attachment is not None) == params.has_attachment
            )
        )
        # A condition on the document, not a place: nothing to quote, nowhere it looked.
        return Finding(matched=matched)


def build(params: DocumentParams, pack: PackContext) -> DocumentCheck:
    return DocumentCheck(params=params)
