"""all / any / not: how the engine composes checks. Not in the registry: they are syntax.

What a failed composition reports:
- `all`: the problems of every part that failed (each part says what it missed);
- `any`: the problems of the first alternative that came close (a near miss: it found
  something and rejected it), else its own message (reason "none"), else the problems of
  the first alternative that has some;
- `not`: its own message (reason "not"), with the details of what was found.
Details of the failed parts are passed up, so a composed message can quote a field value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from validator.engine.checks.base import Check, Detail, Finding
from validator.engine.context import DocContext
from validator.model import Messages


def _join_looked_in(findings: Sequence[Finding]) -> Messages | None:
    parts = [f.looked_in for f in findings if f.looked_in is not None]
    if not parts:
        return None
    vi = "; ".join(dict.fromkeys(p.vi for p in parts))
    en = "; ".join(dict.fromkeys(p.en for p in parts))
    return Messages(vi=vi, en=en)


def _details(findings: Sequence[Finding]) -> dict[str, Detail]:
    merged: dict[str, Detail] = {}
    for finding in reversed(findings):  # the first part's values win
        merged.update(finding.details)
    return merged


def _spans(findings: Sequence[Finding]) -> tuple[tuple[int, int], ...]:
    return tuple(dict.fromkeys(s for f in findings for s in f.spans))


@dataclass(frozen=True)
class AllCheck:
    checks: tuple[Check, ...]

    def run(self, ctx: DocContext) -> Finding:
        findings = [check.run(ctx) for check in self.checks]
        failed = [f for f in findings if not f.matched]
        if not failed:
            return Finding(True, _spans(findings), _join_looked_in(findings))
        # A failure quotes what the failed parts found (or, if nothing, what the others did)
        # and reports where the missing parts were looked for.
        return Finding(
            matched=False,
            spans=_spans(failed) or _spans(findings),
            looked_in=_join_looked_in(failed),
            reason=failed[0].reason,
            details=_details(failed),
            near=any(f.near for f in failed),
            problems=tuple(p for f in failed for p in f.problems),
        )


@dataclass(frozen=True)
class AnyCheck:
    checks: tuple[Check, ...]

    def run(self, ctx: DocContext) -> Finding:
        findings = []
        for check in self.checks:
            finding = check.run(ctx)
            if finding.matched:
                return finding
            findings.append(finding)
        closest = next((f for f in findings if f.near and f.problems), None)
        if closest is not None:
            return Finding(
                False, closest.spans, closest.looked_in, "near", closest.details, True,
                closest.problems,
            )  # fmt: skip
        worded = next((f for f in findings if f.problems), None)
        return Finding(
            matched=False,
            spans=_spans(findings),
            looked_in=_join_looked_in(findings),
            reason="none",
            details=_details(findings),
            problems=worded.problems if worded is not None else (),
        )


@dataclass(frozen=True)
class NotCheck:
    check: Check

    def run(self, ctx: DocContext) -> Finding:
        inner = self.check.run(ctx)
        if not inner.matched:
            return Finding(matched=True, looked_in=inner.looked_in)
        # The negated thing was found: it is the evidence of the failure. Not a near miss: a
        # `not` is mostly a guard ("unless this is a công văn").
        return Finding(False, inner.spans, inner.looked_in, "not", inner.details)
