"""Every rule runs its own YAML examples (proselint / sqlfluff style): at least three that
pass and three that fail, each judged as the pack says; a failing example that says why
(`says`) must get that reason in its message, and every rule has two failing examples whose
defects get two different messages."""

from __future__ import annotations

import pytest

from validator.engine import Rule, RuleExample, load_rules
from validator.engine.examples import run_example

RULES = load_rules().rules
EXPECTED_IDS = (
    [f"CV3036-{n:02d}" for n in range(1, 11)]
    + [f"CV2657-{n:02d}" for n in range(1, 7)]
    + [f"ND30-{n:02d}" for n in range(1, 9)]
)
CASES = [
    pytest.param(rule, example, id=f"{rule.id}-{index}-{example.expect}")
    for rule in RULES
    for index, example in enumerate(rule.examples)
]


def test_rule_ids_are_the_catalogue() -> None:
    assert sorted(r.id for r in RULES) == sorted(EXPECTED_IDS)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_three_positive_and_three_negative_examples(rule: Rule) -> None:
    expects = [e.expect for e in rule.examples]
    assert expects.count("pass") >= 3, f"{rule.id}: fewer than 3 passing examples"
    assert expects.count("fail") >= 3, f"{rule.id}: fewer than 3 failing examples"


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule: Rule, example: RuleExample) -> None:
    result = run_example(rule, example)
    detail = f"{rule.path.name}:{example.line} {example.note}\n{result.model_dump_json(indent=1)}"
    assert result.status == example.expect, detail
    if example.says is not None:
        assert example.says in result.message, detail
    if result.status == "fail":
        assert (result.problems and result.evidence) or result.looked_in, detail


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_two_defects_get_two_messages(rule: Rule) -> None:
    """What a reviewer copies into a reply names the defect, so two defects read differently."""
    said = [e for e in rule.examples if e.expect == "fail" and e.says]
    assert len({e.says for e in said}) >= 2, f"{rule.id}: fewer than two worded failures"
    messages = {run_example(rule, e).message for e in said}
    assert len(messages) >= 2, messages


def _unworded(node: object, worded: bool, where: str) -> list[str]:
    """Leaves whose failure nothing words: neither they nor a composition above them carry a
    message. Guards are not defects: `not` parts and `document` conditions."""
    from validator.engine.schema import AllNode, AnyNode, LeafNode, NotNode

    worded = worded or getattr(node, "message", None) is not None
    if isinstance(node, NotNode):
        return []
    if isinstance(node, LeafNode):
        return [] if worded or node.kind == "document" else [f"{where} ({node.kind})"]
    children = node.all if isinstance(node, AllNode) else node.any  # type: ignore[union-attr]
    assert isinstance(node, AllNode | AnyNode)
    return [m for i, c in enumerate(children) for m in _unworded(c, worded, f"{where}.{i}")]


def test_every_part_of_every_check_has_its_message() -> None:
    from validator.engine.loader import _parse, _read, packaged_pack_paths

    unworded = [
        missing
        for path in packaged_pack_paths()
        for rule in _parse(path, _read(path))[0].rules
        for missing in _unworded(rule.check, False, rule.id)
    ]
    assert not unworded
