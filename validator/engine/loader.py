"""Loading rule packs: YAML -> pydantic schema -> compiled checks, with file:line errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from validator.engine.checks import CHECK_KINDS, Check, PackContext
from validator.engine.checks.logic import AllCheck, AnyCheck, NotCheck
from validator.engine.patterns import PatternError
from validator.engine.schema import (
    AllNode,
    AnyNode,
    AppliesTo,
    CheckNode,
    DossierHook,
    LeafNode,
    NotNode,
    PackSpec,
    RuleMessages,
    RuleSpec,
    Template,
)
from validator.engine.yamlsource import DuplicateKeyError, line_of, load_with_lines
from validator.model import DocType, Level, Messages, Severity, Status

PACK_SUFFIXES = (".yaml", ".yml")
_SLOT = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


class PackError(Exception):
    """A rule pack that cannot be used; str() reads "file:line: reason"."""

    def __init__(self, path: Path | str | None, line: int | None, reason: str) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.reason = reason
        where = str(self.path) if self.path else "rules"
        super().__init__(f"{where}:{line}: {reason}" if line else f"{where}: {reason}")


@dataclass(frozen=True)
class RuleExample:
    text: str
    expect: Status
    doc_type: DocType | None = None
    level: Level | None = None
    date: dt.date | None = None
    note: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    title: Messages
    severity: Severity
    source: str
    description: Messages
    applies_to: AppliesTo
    messages: RuleMessages
    check: Check
    when: Check | None
    examples: tuple[RuleExample, ...]
    pack: str
    path: Path
    line: int | None = None
    dossier: DossierHook | None = None  # judged again across a dossier (validator.dossier)


@dataclass
class RuleSet:
    rules: list[Rule]
    version: str
    packs: list[Path] = field(default_factory=list)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


# ------------------------------------------------------------------- public


def load_rules(
    extra_paths: Sequence[str | Path] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> RuleSet:
    """The packaged packs plus `extra_paths` (files or folders), filtered by id or prefix."""
    paths = packaged_pack_paths() + [p for extra in extra_paths for p in _pack_files(Path(extra))]
    sources = [(path, _read(path)) for path in paths]
    loaded = [(path, text, *_parse(path, text)) for path, text in sources]
    templates = _collect_templates(loaded)
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path, _text, spec, raw in loaded:
        context = PackContext(synonyms=spec.synonyms)
        for index, rule_spec in enumerate(spec.rules):
            where = ["rules", index]
            if rule_spec.id in seen:
                raise PackError(
                    path,
                    line_of(raw, [*where, "id"]),
                    f"duplicate rule id {rule_spec.id} (also in {seen[rule_spec.id]})",
                )
            seen[rule_spec.id] = path
            rules.append(_compile_rule(path, raw, where, rule_spec, spec.pack, context, templates))
    chosen = _filter(rules, select, ignore)
    digest = hashlib.sha256()
    for path, text in sources:
        digest.update(path.name.encode() + b"\0" + text.encode() + b"\0")
    digest.update(("|".join(r.id for r in chosen)).encode())
    return RuleSet(rules=chosen, version=digest.hexdigest()[:16], packs=paths)


def packaged_pack_paths() -> list[Path]:
    """Packs shipped as package data `validator/rules`, else the repository's rules/ folder."""
    try:
        packaged = resources.files("validator.rules")
        names = sorted(
            item.name for item in packaged.iterdir() if item.name.endswith(PACK_SUFFIXES)
        )
        if names:
            return [Path(str(packaged.joinpath(name))) for name in names]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError, TypeError):
        pass
    return _pack_files(Path(__file__).resolve().parents[2] / "rules")


def matches_selector(rule_id: str, selector: str) -> bool:
    return rule_id == selector or rule_id.startswith(selector)


# ------------------------------------------------------------------ reading


def _pack_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in PACK_SUFFIXES and p.is_file())
    if path.is_file():
        return [path]
    raise PackError(path, None, "no such rule pack file or folder")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(path, None, f"cannot read the pack: {exc}") from exc


def _parse(path: Path, text: str) -> tuple[PackSpec, Any]:
    try:
        raw = load_with_lines(text)
    except DuplicateKeyError as exc:
        raise PackError(path, exc.line, str(exc)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise PackError(path, line, f"not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    try:
        return PackSpec.model_validate(raw), raw
    except ValidationError as exc:
        raise _validation_error(path, raw, [], exc) from exc


def _validation_error(path: Path, raw: Any, base: list[Any], exc: ValidationError) -> PackError:
    error = exc.errors()[0]
    loc = [*base, *error["loc"]]
    key_path = ".".join(str(step) for step in loc)
    reason = error["msg"]
    if error["type"] == "extra_forbidden":
        reason = "unknown key"
    return PackError(path, line_of(raw, loc), f"{key_path}: {reason}" if key_path else reason)


def _collect_templates(loaded: Iterable[tuple[Path, str, PackSpec, Any]]) -> dict[str, Template]:
    templates: dict[str, Template] = {}
    for path, _text, spec, raw in loaded:
        for name, template in spec.templates.items():
            if name in templates:
                raise PackError(
                    path, line_of(raw, ["templates", name]), f"duplicate template {name}"
                )
            templates[name] = template
    return templates


# ---------------------------------------------------------------- compiling


def _compile_rule(
    path: Path,
    raw: Any,
    where: list[Any],
    spec: RuleSpec,
    pack: str,
    context: PackContext,
    templates: dict[str, Template],
) -> Rule:
    when = spec.applies_to.when
    return Rule(
        id=spec.id,
        title=spec.title,
        severity=spec.severity,
        source=spec.source,
        description=spec.description,
        applies_to=spec.applies_to,
        messages=spec.messages,
        check=_compile_node(path, raw, [*where, "check"], spec.check, context),
        when=None
        if when is None
        else _compile_node(path, raw, [*where, "applies_to", "when"], when, context),
        examples=tuple(
            _resolve_example(path, raw, [*where, "examples", i], example, templates)
            for i, example in enumerate(spec.examples)
        ),
        pack=pack,
        path=path,
        line=line_of(raw, where),
        dossier=spec.dossier,
    )


def _compile_node(
    path: Path, raw: Any, where: list[Any], node: CheckNode, context: PackContext
) -> Check:
    if isinstance(node, AllNode):
        return AllCheck(tuple(_compile_children(path, raw, [*where, "all"], node.all, context)))
    if isinstance(node, AnyNode):
        return AnyCheck(tuple(_compile_children(path, raw, [*where, "any"], node.any, context)))
    if isinstance(node, NotNode):
        return NotCheck(_compile_node(path, raw, [*where, "not"], node.not_, context))
    assert isinstance(node, LeafNode)
    return _compile_leaf(path, raw, where, node, context)


def _compile_children(
    path: Path, raw: Any, where: list[Any], nodes: list[CheckNode], context: PackContext
) -> list[Check]:
    return [_compile_node(path, raw, [*where, i], n, context) for i, n in enumerate(nodes)]


def _compile_leaf(
    path: Path, raw: Any, where: list[Any], node: LeafNode, context: PackContext
) -> Check:
    kind = CHECK_KINDS.get(node.kind)
    if kind is None:
        known = ", ".join(CHECK_KINDS)
        raise PackError(
            path, line_of(raw, [*where, "kind"]), f"unknown check kind {node.kind!r} ({known})"
        )
    try:
        params = kind.params.model_validate(node.params)
        return kind.build(params, context)
    except ValidationError as exc:
        raise _validation_error(path, raw, [*where, "params"], exc) from exc
    except (PatternError, ValueError, re.error) as exc:
        raise PackError(path, line_of(raw, [*where, "params"]), f"{node.kind}: {exc}") from exc


def _resolve_example(
    path: Path, raw: Any, where: list[Any], example: Any, templates: dict[str, Template]
) -> RuleExample:
    line = line_of(raw, where)
    doc_type, level = example.doc_type, example.level
    if example.template is None:
        if example.text is None:
            raise PackError(path, line, "an example needs `text` or `template`")
        text = example.text
    else:
        template = templates.get(example.template)
        if template is None:
            raise PackError(path, line, f"unknown template {example.template!r}")
        text = _fill(path, line, template, example.fill)
        doc_type = doc_type or template.doc_type
        level = level or template.level
    return RuleExample(
        text=text,
        expect=example.expect,
        doc_type=doc_type,
        level=level,
        date=example.date,
        note=example.note,
        line=line,
    )


def _fill(path: Path, line: int | None, template: Template, fill: dict[str, str]) -> str:
    """Fill {{slots}}; a default may hold further slots (article2 holds regulation_clause)."""
    sources = [template.text, *template.defaults.values()]
    slots = {slot for source in sources for slot in _SLOT.findall(source)}
    unknown = set(fill) - slots
    if unknown:
        raise PackError(path, line, f"the template has no slot {', '.join(sorted(unknown))}")
    values = {**template.defaults, **fill}
    text = template.text
    for _ in range(3):
        missing = set(_SLOT.findall(text)) - set(values)
        if missing:
            raise PackError(path, line, f"slot {', '.join(sorted(missing))} is not filled")
        text = _SLOT.sub(lambda m: values[m.group(1)].rstrip("\n"), text)
    return text


def _filter(rules: list[Rule], select: Sequence[str], ignore: Sequence[str]) -> list[Rule]:
    for selector in [*select, *ignore]:
        if not any(matches_selector(r.id, selector) for r in rules):
            raise PackError(None, None, f"no rule id matches {selector!r}")
    chosen = [r for r in rules if not select or any(matches_selector(r.id, s) for s in select)]
    return [r for r in chosen if not any(matches_selector(r.id, s) for s in ignore)]
