"""What every output format receives and the three calls it answers.

A formatter is fed one document at a time, in path order, so a run over ten thousand
files never holds more than one report in memory; `finish` gets the totals. Formatters are
plain functions of reports and a `RunInfo` writing to a stream (text, or bytes when the class
says `binary = True`), with no command-line dependency, so the web application uses them too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import IO, Any, ClassVar, Protocol

from validator.i18n import Lang
from validator.model import DocumentReport, RuleResult, Severity, Summary, Tool
from validator.report import view


class RuleLike(Protocol):
    """The parts of an engine rule the reports need."""

    id: str
    severity: Severity
    source: str

    @property
    def title(self) -> object: ...  # has .vi and .en


@dataclass(frozen=True)
class RuleInfo:
    id: str
    title_vi: str
    title_en: str
    severity: Severity
    source: str

    @classmethod
    def from_rule(cls, rule: RuleLike) -> RuleInfo:
        title = rule.title
        return cls(
            id=rule.id,
            title_vi=str(getattr(title, "vi", title)),
            title_en=str(getattr(title, "en", title)),
            severity=rule.severity,
            source=rule.source,
        )

    def title(self, lang: Lang) -> str:
        return self.title_vi if lang == "vi" else self.title_en


@dataclass(frozen=True)
class RunInfo:
    """The run a report describes: tool and rule packs, loaded rules (in pack order),
    language, colour, and when the check ran (shown by the formats a person reads)."""

    tool: Tool
    rules: tuple[RuleInfo, ...]
    lang: Lang = "vi"
    color: bool = False
    checked_at: dt.datetime | None = None


class Formatter(Protocol):
    def start(self) -> None: ...

    def document(self, doc: DocumentReport) -> None: ...

    def finish(self, summary: Summary) -> None: ...


class FormatterFactory(Protocol):
    binary: bool  # writes bytes (XLSX) rather than text

    def __call__(self, out: IO[Any], run: RunInfo) -> Formatter: ...


class StreamFormatter:
    """Base for formatters: keeps the stream and the run; start and finish do nothing."""

    binary: ClassVar[bool] = False

    def __init__(self, out: IO[Any], run: RunInfo) -> None:
        self.out = out
        self.run = run

    def start(self) -> None:
        return None

    def document(self, doc: DocumentReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        return None


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 (and so HTML and JUnit) cannot carry."""
    return _XML_ILLEGAL.sub("\ufffd", text)


_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def terminal_safe(text: str) -> str:
    """`text` from a document with the characters that drive a terminal (escape sequences,
    carriage returns, bells, bidi overrides) shown as `\\xNN` / `\\uNNNN` instead of obeyed: a
    document must not be able to redraw the reviewer's screen."""
    return _TERMINAL_UNSAFE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def error_message(doc: DocumentReport, lang: Lang) -> str:
    return view.error_message(doc, lang)


def result_message(result: RuleResult, lang: Lang) -> str:
    """A rule result's message in `lang`, whatever language the run that made it used."""
    return view.message(result, lang)
