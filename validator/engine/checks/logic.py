"""all / any / not: how the engine composes checks. Not in the registry: they are syntax."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from validator.engine.checks.base import Check, Finding
from validator.engine.context import DocContext
from validator.model import Messages


def _join_looked_in(findings: Sequence[Finding]) -> Messages | None:
    parts = [f.looked_in for f in findings if f.looked_in is not None]
    if not parts:
        return None
    vi = "; ".join(dict.fromkeys(p.vi for p in parts))
    en = "; ".join(dict.fromkeys(p.en for p in parts))
    return Messages(vi=vi, en=en)


@dataclass(frozen=True)
class AllCheck:
    checks: tuple[Check, ...]

    def run(self, ctx: DocContext) -> Finding:
        findings = [check.run(ctx) for check in self.checks]
        failed = [f for f in findings if not f.matched]
        spans = tuple(s for f in findings for s in f.spans)
        # A failure reports where the missing parts were looked for; a pass shows everything.
        return Finding(
            matched=not failed, spans=spans, looked_in=_join_looked_in(failed or findings)
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
        spans = tuple(s for f in findings for s in f.spans)
        return Finding(matched=False, spans=spans, looked_in=_join_looked_in(findings))


@dataclass(frozen=True)
class NotCheck:
    check: Check

    def run(self, ctx: DocContext) -> Finding:
        inner = self.check.run(ctx)
        # When the negated thing is found, its spans are the evidence of the failure.
        spans = inner.spans if inner.matched else ()
        return Finding(matched=not inner.matched, spans=spans, looked_in=inner.looked_in)
