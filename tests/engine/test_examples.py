"""Every rule runs its own YAML examples (proselint / sqlfluff style): at least three that
pass and three that fail, each judged as the pack says."""

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
