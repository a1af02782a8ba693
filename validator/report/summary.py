"""Running totals of a batch and the exit status they lead to (SPEC section 7)."""

from __future__ import annotations

from typing import Literal

from validator.model import DocumentReport, Summary

FailOn = Literal["error", "warning", "never"]

EXIT_OK = 0
EXIT_NON_COMPLIANT = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3


class Tally:
    """Counts documents by verdict as they stream past; keeps nothing else of them."""

    def __init__(self) -> None:
        self.summary = Summary()
        self.failed_warnings = 0

    def add(self, doc: DocumentReport) -> None:
        self.summary.documents += 1
        setattr(self.summary, doc.verdict, getattr(self.summary, doc.verdict) + 1)
        if any(r.status == "fail" and r.severity == "warning" for r in doc.results):
            self.failed_warnings += 1

    def exit_status(self, fail_on: FailOn) -> int:
        """3 if any document was unreadable, else 1 if the run fails under `fail_on`, else 0."""
        if self.summary.error:
            return EXIT_UNREADABLE
        if fail_on == "never":
            return EXIT_OK
        if self.summary.non_compliant:
            return EXIT_NON_COMPLIANT
        if fail_on == "warning" and self.failed_warnings:
            return EXIT_NON_COMPLIANT
        return EXIT_OK

