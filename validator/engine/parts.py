"""The words of a failed part: the engine stamps each part of a rule with its messages.

A check returns a reason and details; the part of the pack it was compiled from says what
that means to a reviewer ("Danh sách thành viên không có Phó Trưởng ban"), with {placeholders}
filled from the details («ngày 5» → «ngày 05»). Checks never hold words (yamllint's lesson).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from validator.engine.checks.base import Check, Detail, Finding
from validator.engine.context import DocContext
from validator.model import Messages

ANY_REASON = "*"
_MISSING_VALUE = "…"


@dataclass(frozen=True)
class Part:
    """A compiled check with the messages for its failures, by reason ("*": any reason)."""

    check: Check
    messages: Mapping[str, Messages]

    def run(self, ctx: DocContext) -> Finding:
        finding = self.check.run(ctx)
        if finding.matched:
            return finding
        message = self.messages.get(finding.reason or "") or self.messages.get(ANY_REASON)
        if message is None:
            return finding
        return replace(finding, problems=(fill(message, finding.details),))


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return _MISSING_VALUE


def fill(message: Messages, details: Mapping[str, Detail]) -> Messages:
    def values(lang: str) -> _Values:
        return _Values(
            {
                key: (getattr(value, lang) if isinstance(value, Messages) else value)
                for key, value in details.items()
            }
        )

    return Messages(vi=message.vi.format_map(values("vi")), en=message.en.format_map(values("en")))


def placeholders(message: Messages) -> set[str]:
    """The {names} a message uses; the loader checks them against what the checks fill."""
    names = set()
    for text in (message.vi, message.en):
        for _, name, _, _ in string.Formatter().parse(text):
            if name is not None:
                names.add(name)
    return names


def join(problems: Iterable[Messages]) -> Messages:
    """The problems of a failed rule as one message, each once, in order."""
    unique = list(dict.fromkeys(problems))
    return Messages(vi=" ".join(p.vi for p in unique), en=" ".join(p.en for p in unique))
