"""Loading rule packs: YAML -> pydantic schema -> compiled checks, with file:line errors.

Each part of a check is compiled with its messages (engine/parts.py); a message keyed by a
reason the check never gives, or naming a placeholder it never fills, is a pack error.
A compiled rule set is cached on disk by the digest of its packs (engine/compiled.py), so a
run costs a few file reads and an unpickling instead of parsing and compiling every pack;
patterns read back from the cache are compiled again on first use.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from validator.engine import compiled
from validator.engine.checks import Check, PackContext
from validator.engine.compiler import Compiler, PackError, validation_error
from validator.engine.schema import (
    AppliesTo,
    DossierHook,
    PackSpec,
    RuleMessages,
    RuleSpec,
    Template,
)
from validator.engine.yamlsource import DuplicateKeyError, line_of, load_with_lines
from validator.model import DocType, Level, Messages, PackInfo, Severity, Status

PACK_SUFFIXES = (".yaml", ".yml")
_SLOT = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


class UnknownSelectorError(ValueError):
    """`--select` / `--ignore` names no rule: a usage error, not a broken pack."""

    def __init__(self, selector: str, known: Sequence[str]) -> None:
        super().__init__(f"no rule id matches {selector!r}")
        self.selector = selector
        # A selector is an id ("ND30-04") or a prefix ("CV2657"): compare like with like.
        wanted = selector.strip().upper()
        if "-" in wanted.rstrip("-"):
            candidates = list(known)
        else:
            candidates = list(dict.fromkeys(rule_id.split("-", 1)[0] for rule_id in known))
        close = difflib.get_close_matches(wanted, candidates, n=1, cutoff=0.6)
        self.suggestion = close[0] if close else None

    def message(self, lang: str = "vi") -> str:
        if lang == "en":
            hint = f" Did you mean {self.suggestion}?" if self.suggestion else ""
            return f"No rule id matches {self.selector!r}.{hint} See: validate rules"
        hint = f" Có phải {self.suggestion}?" if self.suggestion else ""
        return f"Không có quy tắc nào có mã «{self.selector}».{hint} Xem: validate rules"


@dataclass(frozen=True)
class RuleExample:
    text: str
    expect: Status
    doc_type: DocType | None = None
    level: Level | None = None
    date: dt.date | None = None
    note: Messages | str = ""
    says: str | None = None
    line: int | None = None
    template: str | None = None  # the pack template it fills, and with what
    fill: Mapping[str, str] | None = None


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
    effective: dt.date | None = None  # the later of the pack's date and the rule's `from`
    cites: str = ""  # the source as a message names it ("Nghị định 30/2020/NĐ-CP")
    problems: tuple[Messages, ...] = ()  # every message its parts can give, for `explain`
    dossier: DossierHook | None = None  # judged again across a dossier (validator.dossier)


@dataclass
class RuleSet:
    rules: list[Rule]
    version: str
    packs: tuple[PackInfo, ...] = ()

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


# ------------------------------------------------------------------- public


def load_rules(
    extra_paths: Sequence[str | Path] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> RuleSet:
    """The packaged packs plus `extra_paths` (files or folders), filtered by id or prefix.

    A rule set compiled from the same pack texts by the same engine is read back from the
    user's cache folder (engine/compiled.py); otherwise the packs are parsed, validated in
    full and compiled, and the result is stored for the next run."""
    packaged = packaged_pack_paths()
    paths = packaged + [p for extra in extra_paths for p in _pack_files(Path(extra))]
    sources = [(path, _read(path)) for path in paths]
    digests = [hashlib.sha256(text.encode()).hexdigest() for _, text in sources]
    key = compiled.key(
        [f"{path}\0{digest}" for (path, _), digest in zip(sources, digests, strict=True)]
    )
    found = compiled.load(key)
    if found is None:
        found = _compile_packs(sources, digests, packaged)
        compiled.store(key, found)
    rules, infos = found
    chosen = _filter(rules, select, ignore)
    version = hashlib.sha256()
    for info in infos:
        version.update(f"{info.name}:{info.version}|".encode())
    version.update(("|".join(r.id for r in chosen)).encode())
    return RuleSet(rules=chosen, version=version.hexdigest()[:16], packs=infos)


def _compile_packs(
    sources: list[tuple[Path, str]], digests: list[str], packaged: list[Path]
) -> tuple[list[Rule], tuple[PackInfo, ...]]:
    loaded = [(path, text, *_parse(path, text)) for path, text in sources]
    templates = _collect_templates(loaded)
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    infos: list[PackInfo] = []
    for (path, _text, spec, raw), digest in zip(loaded, digests, strict=True):
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
            rules.append(_compile_rule(path, raw, where, rule_spec, spec, context, templates))
        where_from = None if path in packaged else str(path)
        infos.append(PackInfo(name=spec.pack, version=digest[:12], path=where_from))
    return rules, tuple(infos)


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


def template_text(name: str, fill: Mapping[str, str] | None = None) -> str:
    """A template of the packaged packs with some slots filled: whole documents for tests."""
    sources = [(path, _read(path)) for path in packaged_pack_paths()]
    templates = _collect_templates([(path, text, *_parse(path, text)) for path, text in sources])
    if name not in templates:
        raise KeyError(name)
    return _fill(None, None, templates[name], dict(fill or {}))


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
        raise validation_error(path, raw, [], exc) from exc


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
    pack: PackSpec,
    context: PackContext,
    templates: dict[str, Template],
) -> Rule:
    when = spec.applies_to.when
    compiler = Compiler(path, raw, context, [])
    check = compiler.node([*where, "check"], spec.check)
    problems = tuple(dict.fromkeys(compiler.problems))
    condition = None
    if when is not None:
        condition = Compiler(path, raw, context, []).node([*where, "applies_to", "when"], when)
    starts = [d for d in (pack.effective, spec.applies_to.from_date) if d is not None]
    return Rule(
        id=spec.id,
        title=spec.title,
        severity=spec.severity,
        source=spec.source,
        description=spec.description,
        applies_to=spec.applies_to,
        messages=spec.messages,
        check=check,
        when=condition,
        examples=tuple(
            _resolve_example(path, raw, [*where, "examples", i], example, templates)
            for i, example in enumerate(spec.examples)
        ),
        pack=pack.pack,
        path=path,
        line=line_of(raw, where),
        effective=max(starts) if starts else None,
        cites=pack.short or pack.document,
        problems=problems,
        dossier=spec.dossier,
    )


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
        says=example.says,
        line=line,
        template=example.template,
        fill=dict(example.fill) if example.template is not None else None,
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
            raise UnknownSelectorError(selector, [r.id for r in rules])
    chosen = [r for r in rules if not select or any(matches_selector(r.id, s) for s in select)]
    return [r for r in chosen if not any(matches_selector(r.id, s) for s in ignore)]
