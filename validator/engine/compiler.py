"""Compiling the checks of one rule: each part with the messages it gives when it fails.

A message keyed by a reason the check never gives, or naming a placeholder it never fills, is
a pack error with file, line and key path, like every other mistake in a pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from validator.engine.checks import ALL_PLACEHOLDERS, CHECK_KINDS, Check, CheckKind, PackContext
from validator.engine.checks.logic import AllCheck, AnyCheck, NotCheck
from validator.engine.parts import ANY_REASON, Part, placeholders
from validator.engine.patterns import PatternError
from validator.engine.schema import AllNode, AnyNode, CheckNode, LeafNode, NotNode, PartMessages
from validator.engine.yamlsource import line_of
from validator.model import Messages


class PackError(Exception):
    """A rule pack that cannot be used; str() reads "file:line: reason"."""

    def __init__(self, path: Path | str | None, line: int | None, reason: str) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.reason = reason
        where = str(self.path) if self.path else "rules"
        super().__init__(f"{where}:{line}: {reason}" if line else f"{where}: {reason}")


def validation_error(path: Path, raw: Any, base: list[Any], exc: ValidationError) -> PackError:
    error = exc.errors()[0]
    loc = [*base, *error["loc"]]
    key_path = ".".join(str(step) for step in loc)
    reason = error["msg"]
    if error["type"] == "extra_forbidden":
        reason = "unknown key"
    return PackError(path, line_of(raw, loc), f"{key_path}: {reason}" if key_path else reason)


@dataclass
class Compiler:
    """Compiles the checks of one rule, collecting the messages its parts can give."""

    path: Path
    raw: Any
    context: PackContext
    problems: list[Messages]

    def node(self, where: list[Any], node: CheckNode) -> Check:
        if isinstance(node, AllNode):
            check: Check = AllCheck(self._children([*where, "all"], node.all))
            return self._described(where, check, node.message, ANY_REASON, ALL_PLACEHOLDERS)
        if isinstance(node, AnyNode):
            check = AnyCheck(self._children([*where, "any"], node.any))
            return self._described(where, check, node.message, "none", ALL_PLACEHOLDERS)
        if isinstance(node, NotNode):
            check = NotCheck(self.node([*where, "not"], node.not_))
            return self._described(where, check, node.message, ANY_REASON, ALL_PLACEHOLDERS)
        assert isinstance(node, LeafNode)
        return self._leaf(where, node)

    def _children(self, where: list[Any], nodes: list[CheckNode]) -> tuple[Check, ...]:
        return tuple(self.node([*where, i], n) for i, n in enumerate(nodes))

    def _described(
        self, where: list[Any], check: Check, message: Messages | None, reason: str,
        allowed: frozenset[str],
    ) -> Check:  # fmt: skip
        if message is None:
            return check
        self._check_placeholders([*where, "message"], message, allowed)
        self.problems.append(message)
        return Part(check, {reason: message})

    def _leaf(self, where: list[Any], node: LeafNode) -> Check:
        kind = CHECK_KINDS.get(node.kind)
        if kind is None:
            known = ", ".join(CHECK_KINDS)
            raise PackError(
                self.path, line_of(self.raw, [*where, "kind"]),
                f"unknown check kind {node.kind!r} ({known})",
            )  # fmt: skip
        try:
            params = kind.params.model_validate(node.params)
            if kind.validate is not None:
                kind.validate(params)
            check = kind.build(params, self.context)
        except ValidationError as exc:
            raise validation_error(self.path, self.raw, [*where, "params"], exc) from exc
        except (PatternError, ValueError, re.error) as exc:
            line = line_of(self.raw, [*where, "params"])
            raise PackError(self.path, line, f"{node.kind}: {exc}") from exc
        messages = self._leaf_messages([*where, "message"], kind, params, node.message)
        return Part(check, messages) if messages else check

    def _leaf_messages(
        self, where: list[Any], kind: CheckKind, params: Any, given: PartMessages | None
    ) -> dict[str, Messages]:
        """By reason: the pack's own, else the kind's default, else the pack's general one."""
        own = {ANY_REASON: given} if isinstance(given, Messages) else dict(given or {})
        known = kind.reasons(params) | {ANY_REASON}
        for reason, message in own.items():
            if reason not in known:
                raise PackError(
                    self.path, line_of(self.raw, [*where, reason]),
                    f"message for {reason!r}: a {kind.summary} check gives "
                    f"{', '.join(sorted(known))}",
                )  # fmt: skip
            self._check_placeholders([*where, reason], message, kind.placeholders)
            self.problems.append(message)
        general = {ANY_REASON: own[ANY_REASON]} if ANY_REASON in own else {}
        specific = {r: m for r, m in own.items() if r != ANY_REASON}
        defaults = {r: m for r, m in kind.defaults.items() if r in known}
        return {**general, **defaults, **specific}

    def _check_placeholders(
        self, where: list[Any], message: Messages, allowed: frozenset[str]
    ) -> None:
        unknown = placeholders(message) - allowed
        if unknown:
            raise PackError(
                self.path, line_of(self.raw, where),
                f"unknown placeholder {{{sorted(unknown)[0]}}} (known: "
                f"{', '.join(sorted(allowed))})",
            )  # fmt: skip
