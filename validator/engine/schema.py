"""The pydantic schema of a rule pack (rules/*.yaml).

Header keys of a rule are validated here; the `params` of each check are validated by the
check kind's own model when the loader compiles the pack (see checks/__init__.py), so a typo
anywhere is an error with file, line and key path.

Every part of a check may carry its own `message` (vi, en): what to tell the reviewer when
that part fails. A leaf's message may instead be keyed by the reasons its kind gives
("missing", "near.0", "unless" ...), with "*" for the rest; {placeholders} are filled from the
check's details. A composed part's message replaces the messages of its parts.

Dates: a pack is `effective` from its source's date; a rule may start later (`applies_to.from`)
or stop (`until`). A document issued earlier is not_applicable. A document whose date cannot be
read keeps the rule: a reviewer would rather see it checked than silently skipped (drafts carry
no date; a damaged scan may lose it).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from validator.engine.forms import FORMS, Form
from validator.model import DocType, Level, Messages, Severity, Status

RULE_ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_]*-[A-Za-z0-9_.-]+$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


PartMessages = Messages | dict[str, Messages]  # one for any failure, or one per reason


class LeafNode(Strict):
    """One check: `kind` names an entry of the check registry, `params` are its parameters."""

    kind: str
    params: dict[str, Any] = {}
    message: PartMessages | None = None


class AllNode(Strict):
    all: list[CheckNode] = Field(min_length=1)
    message: Messages | None = None


class AnyNode(Strict):
    any: list[CheckNode] = Field(min_length=1)
    message: Messages | None = None


class NotNode(Strict):
    not_: CheckNode = Field(alias="not")
    message: Messages | None = None


def _node_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        for tag in ("all", "any", "not", "kind"):
            if tag in value:
                return tag
        return None
    if isinstance(value, BaseModel):
        return {LeafNode: "kind", AllNode: "all", AnyNode: "any", NotNode: "not"}.get(type(value))
    return None


CheckNode = Annotated[
    Annotated[LeafNode, Tag("kind")]
    | Annotated[AllNode, Tag("all")]
    | Annotated[AnyNode, Tag("any")]
    | Annotated[NotNode, Tag("not")],
    Discriminator(
        _node_tag,
        custom_error_type="check_node",
        custom_error_message="a check is {kind: ..., params: ...} or {all: [...]}, "
        "{any: [...]}, {not: ...}",
    ),
]


class AppliesTo(Strict):
    doc_types: list[DocType] = ["decision", "regulation", "combined", "other"]
    levels: list[Level] = ["province", "district", "commune", "unknown"]
    forms: list[Form] = list(FORMS)  # how the paper is written (a công văn, an attached Quy chế)
    from_date: dt.date | None = Field(default=None, alias="from")  # issued on or after
    until_date: dt.date | None = Field(default=None, alias="until")  # issued on or before
    when: CheckNode | None = None  # a further condition, e.g. "cites Công văn 3036"
    # The condition of `when` in words: "Chỉ áp dụng cho {note}." when it is not met.
    note: Messages | None = None


class RuleMessages(Strict):
    pass_: Messages = Field(alias="pass")
    fail: Messages


class DossierHook(Strict):
    """How a rule is judged again across the documents of one dossier (SPEC section 7), by a
    kind `validator.dossier` knows: `issuing_decision` (a regulation's issuing decision is
    filed beside it: number and date must match), `companion` (a failed rule of a decision is
    met by its regulation filed beside it). The messages may use {decision}, {regulation},
    {named} (what the regulation names) and {found} (the decision's own number and date)."""

    kind: Literal["issuing_decision", "companion"]
    messages: RuleMessages


class Example(Strict):
    """A document (or fragment) the rule must judge as `expect`."""

    text: str | None = None
    template: str | None = None  # a pack template, its {{slots}} filled from `fill`
    fill: dict[str, str] = {}
    doc_type: DocType | None = None  # overrides for fragments
    level: Level | None = None
    date: dt.date | None = None
    expect: Status
    note: Messages | str = ""  # why the example passes or fails
    says: str | None = None  # words the Vietnamese message must hold (a failure's reason)


class RuleSpec(Strict):
    id: str = Field(pattern=RULE_ID_PATTERN)
    title: Messages
    severity: Severity
    source: str
    description: Messages
    applies_to: AppliesTo = AppliesTo()
    check: CheckNode
    messages: RuleMessages
    dossier: DossierHook | None = None
    examples: list[Example] = []


class Template(Strict):
    """A realistic document with {{slot}} placeholders shared by many examples."""

    text: str
    defaults: dict[str, str] = {}
    doc_type: DocType | None = None
    level: Level | None = None


class PackSpec(Strict):
    pack: str
    document: str  # the source document of the rules, as cited
    short: str | None = None  # the source as a message cites it: "Nghị định 30/2020/NĐ-CP"
    effective: dt.date | None = None  # the rules apply to documents issued on or after
    synonyms: dict[str, list[str]] = {}  # {name} in a phrase expands to these variants
    templates: dict[str, Template] = {}
    rules: list[RuleSpec] = Field(min_length=1)


for _model in (AllNode, AnyNode, NotNode, AppliesTo, RuleSpec):
    _model.model_rebuild()
