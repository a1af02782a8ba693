"""The `RunInfo` of a check: the tool, the rule packs with their versions, the settings file
and when it ran - what a report prints in its heading so that a result can be traced."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from validator import __version__
from validator.engine.loader import packaged_pack_paths
from validator.i18n import Lang
from validator.model import PackInfo, Tool
from validator.report.formatters.base import RuleInfo, RuleLike, RunInfo

TOOL_NAME = "validator"
_DIGEST_CHARS = 12


class _PackRule(RuleLike, Protocol):
    pack: str
    path: Path


class RuleSetLike(Protocol):
    @property
    def rules(self) -> Sequence[_PackRule]: ...


def pack_infos(rules: Sequence[_PackRule], shipped: Sequence[Path] = ()) -> tuple[PackInfo, ...]:
    """One entry per pack the rules come from, in load order: its name, a digest of its file
    and, for a pack that is not shipped with the tool, where it was loaded from."""
    packs: dict[Path, str] = {}
    for rule in rules:
        path, name = getattr(rule, "path", None), getattr(rule, "pack", None)
        if path is not None and name is not None:
            packs.setdefault(path, name)
    shipped_paths = {path.resolve() for path in shipped}
    infos = []
    for path, name in packs.items():
        try:
            version = hashlib.sha256(path.read_bytes()).hexdigest()[:_DIGEST_CHARS]
        except OSError:
            version = "?"
        own = path.resolve() in shipped_paths
        infos.append(PackInfo(name=name, version=version, path=None if own else str(path)))
    return tuple(infos)


def run_info(ruleset: RuleSetLike, lang: Lang, *, color: bool = False,
             settings: str | None = None, checked_at: dt.datetime | None = None) -> RunInfo:
    """Everything a report says about the run, from the loaded rule set."""
    tool = Tool(name=TOOL_NAME, version=__version__,
                packs=pack_infos(ruleset.rules, packaged_pack_paths()), settings=settings)
    return RunInfo(
        tool=tool,
        rules=tuple(RuleInfo.from_rule(rule) for rule in ruleset.rules),
        lang=lang,
        color=color,
        checked_at=checked_at or dt.datetime.now().astimezone(),
    )
