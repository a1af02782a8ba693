"""The `RunInfo` of a check: the tool, the rule packs with their versions, the settings file
and when it ran - what a report prints in its heading so that a result can be traced."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from validator import __version__
from validator.i18n import Lang
from validator.model import PackInfo, Tool
from validator.report.formatters.base import RuleInfo, RuleLike, RunInfo

TOOL_NAME = "validator"


class RuleSetLike(Protocol):
    @property
    def rules(self) -> Sequence[RuleLike]: ...

    @property
    def packs(self) -> tuple[PackInfo, ...]: ...


def run_info(ruleset: RuleSetLike, lang: Lang, *, color: bool = False,
             settings: str | None = None, checked_at: dt.datetime | None = None) -> RunInfo:
    """Everything a report says about the run, from the loaded rule set."""
    tool = Tool(name=TOOL_NAME, version=__version__,
                packs=ruleset.packs, settings=settings)
    return RunInfo(
        tool=tool,
        rules=tuple(RuleInfo.from_rule(rule) for rule in ruleset.rules),
        lang=lang,
        color=color,
        checked_at=checked_at or dt.datetime.now().astimezone(),
    )
