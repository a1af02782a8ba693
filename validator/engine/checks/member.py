"""member: the member list has at least `min` entries whose position / role match.

Only the structured member list is read, never the same words in the legal bases, proposals,
recipients or duties. `every` turns the count into "each entry": e.g. each member has a
position. A failure always quotes the member list it read, and says why it counted nobody:
the list is in an annex the file lacks (`annex_missing`), no list at all (`no_list`), members
that came close (`unless`: excluded by a `*_unless` phrase; `similar`: they match `similar`
but not the predicate), the words only outside the list (`outside`), too few (`too_few`), or
the entries that lack a field (`every`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from validator.engine.checks.base import Detail, Finding, PackContext, Params, quoted
from validator.engine.context import DocContext, Range
from validator.engine.patterns import PhraseSet
from validator.model import Member, Messages

MemberField = Literal["honorific", "name", "position", "agency", "role"]
REASONS = frozenset(
    {"no_list", "annex_missing", "missing", "outside", "similar", "unless", "too_few", "every"}
)
PLACEHOLDERS = frozenset({"count", "min", "total", "who", "phrase", "found_in"})
DEFAULTS = {
    "no_list": Messages(
        vi="Không tìm thấy danh sách thành viên Ban Chỉ đạo trong văn bản.",
        en="No member list of the committee was found in the document.",
    ),
    "annex_missing": Messages(
        vi="Danh sách thành viên được ghi là kèm theo quyết định nhưng tệp không có danh sách này.",
        en="The member list is said to be attached, but the file does not contain it.",
    ),
}
WHO_LENGTH = 90


class MemberParams(Params):
    min: int = Field(default=1, ge=1)
    every: bool = False
    role: tuple[str, ...] = ()
    role_unless: tuple[str, ...] = ()
    position: tuple[str, ...] = ()
    position_unless: tuple[str, ...] = ()
    similar: tuple[str, ...] = ()  # near misses: named in the message when nobody counts
    require: tuple[MemberField, ...] = ()
    marks: bool = False


def reasons(params: MemberParams) -> frozenset[str]:
    return REASONS


@dataclass(frozen=True)
class MemberCheck:
    params: MemberParams
    role: PhraseSet | None
    role_unless: PhraseSet | None
    position: PhraseSet | None
    position_unless: PhraseSet | None
    similar: PhraseSet | None

    def run(self, ctx: DocContext) -> Finding:
        members = ctx.doc.members
        looked_in = _describe(members)
        details: dict[str, Detail] = {"min": str(self.params.min), "total": str(len(members))}
        if not members:
            return self._no_members(ctx, looked_in, details)
        counted = [m for m in members if self._counts(m)]
        every_entry = _ranges(ctx, members)
        if self.params.every:
            failing = [m for m in members if m not in counted]
            if not failing:
                return Finding(matched=True, spans=_ranges(ctx, counted), looked_in=looked_in)
            details.update(count=str(len(failing)), who=_who(failing, full=True))
            return Finding(False, every_entry, looked_in, "every", details, near=True)
        if len(counted) >= self.params.min:
            return Finding(matched=True, spans=_ranges(ctx, counted), looked_in=looked_in)
        details["count"] = str(len(counted))
        if counted:
            details["who"] = _who(counted)
            return Finding(False, every_entry, looked_in, "too_few", details, near=True)
        excluded = [m for m in members if self._counts(m, exclusions=False)]
        if excluded:
            details["who"] = _who(excluded)
            return Finding(False, every_entry, looked_in, "unless", details, near=True)
        alike = [m for m in members if self._is_similar(m)]
        if alike:
            details["who"] = _who(alike)
            return Finding(False, every_entry, looked_in, "similar", details, near=True)
        outside = self._outside(ctx)
        if outside is not None:
            hit, place = outside
            details.update(phrase=ctx.text.text[hit[0] : hit[1]], found_in=place)
            spans = (*every_entry, ctx.sentence_at(hit))
            return Finding(False, spans, looked_in, "outside", details, near=True)
        return Finding(False, every_entry, looked_in, "missing", details)

    def _no_members(
        self, ctx: DocContext, looked_in: Messages, details: dict[str, Detail]
    ) -> Finding:
        annex = ctx.doc.members_in_missing_annex
        if annex is not None:
            where = ctx.locate(annex)
            spans = (ctx.sentence_at(where),) if where else ()
            return Finding(False, spans, looked_in, "annex_missing", details)
        # Quote where the list should have been: the establishing article's first sentence.
        first = ctx.scope(["first_article"])
        spans = (ctx.sentence_at((first[0][0], first[0][0] + 1)),) if first else ()
        return Finding(False, spans, looked_in, "no_list", details)

    def _counts(self, member: Member, exclusions: bool = True) -> bool:
        if any(not getattr(member, name) for name in self.params.require):
            return False
        role = member.role or member.text
        position = member.position or member.text
        if not (_matches(self.role, role, True) and _matches(self.position, position, True)):
            return False
        if not exclusions:
            return bool(self.role_unless or self.position_unless) and not self._counts(member)
        return not _matches(self.role_unless, role, False) and not _matches(
            self.position_unless, position, False
        )

    def _is_similar(self, member: Member) -> bool:
        return self.similar is not None and _matches(
            self.similar, member.position or member.text, False
        )

    def _outside(self, ctx: DocContext) -> tuple[Range, Detail] | None:
        """The position words found elsewhere (recipients, duties, proposal lines)."""
        if self.position is None:
            return None
        listed = [r for r in (_member_range(ctx, m) for m in ctx.doc.members) if r]
        if ctx.doc.member_list_span:
            listed.append(ctx.doc.member_list_span)
        for hit in ctx.hits(self.position):
            if not any(s <= hit[0] < e for s, e in listed):
                return hit, ctx.place_of(hit[0])
        return None


def _matches(phrases: PhraseSet | None, value: str, default: bool) -> bool:
    return default if phrases is None else phrases.search_string(value) is not None


def _member_range(ctx: DocContext, member: Member) -> Range | None:
    return ctx.locate_text(member.text, member.page, member.line)


def _ranges(ctx: DocContext, members: Sequence[Member]) -> tuple[Range, ...]:
    return tuple(r for r in (_member_range(ctx, m) for m in members) if r)


def _who(members: Sequence[Member], full: bool = False) -> str:
    """The members a message names: their position (or the whole entry when that is what is
    wrong with them), shortened."""
    texts = []
    for member in members:
        text = member.text if full or not member.position else member.position
        text = " ".join(text.replace("\t", " ").split())
        texts.append(text if len(text) <= WHO_LENGTH else text[: WHO_LENGTH - 1] + "…")
    return quoted(texts)


def _describe(members: list[Member]) -> Messages:
    pages = sorted({m.page for m in members})
    if not members:
        return Messages(vi="danh sách thành viên (không tìm thấy)", en="member list (not found)")
    where = f"trang {pages[0]}" if len(pages) == 1 else f"trang {pages[0]}–{pages[-1]}"
    return Messages(
        vi=f"danh sách thành viên ({len(members)} người, {where})",
        en=f"member list ({len(members)} entries, {where.replace('trang', 'page')})",
    )


def build(params: MemberParams, pack: PackContext) -> MemberCheck:
    def compiled(variants: tuple[str, ...]) -> PhraseSet | None:
        return pack.phrases(variants, params.marks) if variants else None

    return MemberCheck(
        params=params,
        role=compiled(params.role),
        role_unless=compiled(params.role_unless),
        position=compiled(params.position),
        position_unless=compiled(params.position_unless),
        similar=compiled(params.similar),
    )
