"""`validate rules explain ID`: a rule in words, from the same YAML the engine runs."""

from __future__ import annotations

from validator.engine.loader import Rule
from validator.engine.schema import AppliesTo

_DOC_TYPES = {
    "decision": "quyết định", "regulation": "quy chế", "combined": "quyết định kèm quy chế",
    "other": "văn bản khác",
}  # fmt: skip
_LEVELS = {"province": "tỉnh", "district": "huyện", "commune": "xã", "unknown": "không rõ"}


def applicability(applies: AppliesTo) -> str:
    parts = ["loại: " + ", ".join(_DOC_TYPES[t] for t in applies.doc_types)]
    if len(applies.levels) < len(_LEVELS):
        parts.append("cấp: " + ", ".join(_LEVELS[level] for level in applies.levels))
    if applies.from_date:
        parts.append(f"ban hành từ {applies.from_date:%d/%m/%Y}")
    if applies.until_date:
        parts.append(f"ban hành đến {applies.until_date:%d/%m/%Y}")
    if applies.note:
        parts.append(applies.note.vi)
    return "; ".join(parts)


def explain(rule: Rule) -> str:
    positives = sum(1 for e in rule.examples if e.expect == "pass")
    negatives = sum(1 for e in rule.examples if e.expect == "fail")
    lines = [
        f"{rule.id} [{rule.severity}] {rule.title.vi}",
        f"    {rule.title.en}",
        f"Nguồn / source: {rule.source}",
        f"Áp dụng / applies to: {applicability(rule.applies_to)}",
        "",
        rule.description.vi.strip(),
        "",
        rule.description.en.strip(),
        "",
        f"Đạt / pass: {rule.messages.pass_.vi}",
        f"Không đạt / fail: {rule.messages.fail.vi}",
        f"Ví dụ / examples: {positives} đạt, {negatives} không đạt ({rule.path.name})",
    ]
    return "\n".join(lines)
