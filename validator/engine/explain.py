"""`validate rules explain ID`: a rule in words, from the same YAML the engine runs.

In the chosen language: what it requires, what it applies to (document kinds, levels, forms,
dates), what each part says when it fails, and its examples with what the engine says of them.
"""

from __future__ import annotations

from validator.engine.forms import DOC_TYPE_LABELS, FORM_LABELS, FORMS, LEVEL_LABELS
from validator.engine.loader import Rule, RuleExample
from validator.engine.parts import fill
from validator.model import Messages

_WORDS = {
    "error": ("lỗi, phải sửa", "error, to fix"),
    "warning": ("cảnh báo, nên xem lại", "warning, to check"),
    "info": ("ghi chú", "note"),
    "pass": ("Đạt", "Pass"),
    "fail": ("Không đạt", "Fail"),
    "not_applicable": ("Không áp dụng", "Not applicable"),
    "source": ("Nguồn", "Source"),
    "applies": ("Áp dụng cho", "Applies to"),
    "levels": ("cấp", "levels"),
    "forms": ("trừ", "except"),
    "from": ("ban hành từ {date}", "issued on or after {date}"),
    "until": ("ban hành đến {date}", "issued on or before {date}"),
    "undated": ("văn bản không rõ ngày vẫn được kiểm tra", "undated documents are still checked"),
    "passes": ("Đạt khi", "Passes when"),
    "problems": ("Khi không đạt, báo", "When it fails, it says"),
    "examples": ("Ví dụ ({count}, tệp {file})", "Examples ({count}, file {file})"),
    "template": ("mẫu {name}", "template {name}"),
    "says": ("Kết quả", "Result"),
}


def _word(key: str, lang: str, **values: object) -> str:
    vi, en = _WORDS[key]
    return (en if lang == "en" else vi).format(**values)


def _pick(message: Messages | str, lang: str) -> str:
    if isinstance(message, str):
        return message
    return message.en if lang == "en" else message.vi


def applicability(rule: Rule, lang: str = "vi") -> str:
    applies = rule.applies_to
    parts = [", ".join(_pick(DOC_TYPE_LABELS[t], lang) for t in applies.doc_types)]
    if len(applies.levels) < len(LEVEL_LABELS):
        levels = ", ".join(_pick(LEVEL_LABELS[level], lang) for level in applies.levels)
        parts.append(levels)
    excluded = [f for f in FORMS if f not in applies.forms]
    if excluded:
        forms = ", ".join(_pick(FORM_LABELS[f], lang) for f in excluded)
        parts.append(f"{_word('forms', lang)} {forms}")
    if rule.effective:
        parts.append(_word("from", lang, date=f"{rule.effective:%d/%m/%Y}"))
    if applies.until_date:
        parts.append(_word("until", lang, date=f"{applies.until_date:%d/%m/%Y}"))
    if applies.note:
        parts.append(_pick(applies.note, lang))
    if rule.effective or applies.until_date:
        parts.append(_word("undated", lang))
    return "; ".join(parts)


def explain(rule: Rule, lang: str = "vi", outcomes: bool = True) -> str:
    """The rule in words; `outcomes` runs each example and shows what the engine says."""
    title = _pick(rule.title, lang)
    lines = [
        f"{rule.id} [{_word(rule.severity, lang)}] {title}",
        f"{_word('source', lang)}: {rule.source}",
        f"{_word('applies', lang)}: {applicability(rule, lang)}",
        "",
        _pick(rule.description, lang).strip(),
        "",
        f"{_word('passes', lang)}: {_pick(rule.messages.pass_, lang)}",
        f"{_word('problems', lang)}:",
        *(f"  - {_pick(fill(p, {}), lang)}" for p in rule.problems or (rule.messages.fail,)),
        "",
        _word("examples", lang, count=len(rule.examples), file=rule.path.name),
    ]
    for number, example in enumerate(rule.examples, 1):
        lines.extend(_example(rule, number, example, lang, outcomes))
    return "\n".join(lines)


def _example(rule: Rule, number: int, example: RuleExample, lang: str, outcomes: bool) -> list[str]:
    note = _pick(example.note, lang) if example.note else ""
    head = f"{number}. {_word(example.expect, lang)}"
    if example.template:
        head += f" ({_word('template', lang, name=example.template)})"
    lines = [head + (f": {note}" if note else "")]
    if example.template and example.fill:
        for slot, value in example.fill.items():
            shown = value.strip().replace("\n", "\n" + " " * (len(slot) + 7)) or "«»"
            lines.append(f"     {slot}: {shown}")
    elif not example.template:
        lines.extend(f"     | {line}" for line in example.text.strip().splitlines())
    if outcomes and example.expect != "pass":
        from validator.engine.examples import run_example

        result = run_example(rule, example, lang)
        lines.append(f"     → {_word('says', lang)}: {result.message}")
    return lines
