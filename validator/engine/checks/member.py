"""member: the member list has at least `min` entries whose position / role match.

Only the structured member list is read, never the same words in the legal bases, proposals,
recipients or duties. `every` turns the count into "each entry": e.g. each member has a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from validator.engine.checks.base import Finding, PackContext, Params
from validator.engine.context import DocContext, Range
from validator.engine.patterns import PhraseSet
from validator.model import Member, Messages

MemberField = Literal["honorific", "name", "position", "role"]
MAX_EVIDENCE_MEMBERS = 6


class MemberParams(Params):
    min: int = Field(default=1, ge=1)
    every: bool = False
    role: tuple[str, ...] = ()
    role_unless: tuple[str, ...] = ()
    position: tuple[str, ...] = ()
    position_unless: tuple[str, ...] = ()
    require: tuple[MemberField, ...] = ()
    marks: bool = False


@dataclass(frozen=True)
class MemberCheck:
    params: MemberParams
    role: PhraseSet | None
    role_unless: PhraseSet | None
    position: PhraseSet | None
    position_unless: PhraseSet | None

    def run(self, ctx: DocContext) -> Finding:
        members = ctx.doc.members
        counted = [m for m in members if self._counts(m)]
        if self.params.every:
            matched = bool(members) and len(counted) == len(members)
            shown = [m for m in members if not self._counts(m)] or counted
        else:
            matched = len(counted) >= self.params.min
            shown = counted
        spans = tuple(r for r in map(_member_range(ctx), shown[:MAX_EVIDENCE_MEMBERS]) if r)
        return Finding(matched=matched, spans=spans, looked_in=_describe(members))

    def _counts(self, member: Member) -> bool:
        if any(not getattr(member, name) for name in self.params.require):
            return False
        role = member.role or member.text
        position = member.position or member.text
        return (
            _matches(self.role, role, True)
            and not _matches(self.role_unless, role, False)
            and _matches(self.position, position, True)
            and not _matches(self.position_unless, position, False)
        )


def _matches(phrases: PhraseSet | None, value: str, default: bool) -> bool:
    return default if phrases is None else phrases.search_string(value) is not None


def _member_range(ctx: DocContext):
    def locate(member: Member) -> Range | None:
        return ctx.locate_text(member.text, member.page, member.line)

    return locate


def _describe(members: list[Member]) -> Messages:
    pages = sorted({m.page for m in members})
    where = ""
    if pages:
        where = f", tr. {pages[0]}" if len(pages) == 1 else f", tr. {pages[0]}–{pages[-1]}"
    return Messages(
        vi=f"danh sách thành viên, {len(members)} mục{where}",
        en=f"member list, {len(members)} entries{where.replace('tr.', 'p.')}",
    )


def build(params: MemberParams, pack: PackContext) -> MemberCheck:
    def compiled(variants: list[str]) -> PhraseSet | None:
        return pack.phrases(variants, params.marks) if variants else None

    return MemberCheck(
        params=params,
        role=compiled(params.role),
        role_unless=compiled(params.role_unless),
        position=compiled(params.position),
        position_unless=compiled(params.position_unless),
    )
