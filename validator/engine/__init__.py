"""The rule engine: YAML rule packs, a fixed set of check kinds, results and verdicts.

rules = load_rules(extra_paths, select=["CV2657"], ignore=[])
results = evaluate(document, rules, lang="vi")
verdict(document.doc_type, results)
"""

from validator.engine.evaluate import evaluate
from validator.engine.explain import explain
from validator.engine.loader import (
    PackError,
    Rule,
    RuleExample,
    RuleSet,
    UnknownSelectorError,
    load_rules,
)
from validator.engine.verdict import verdict

__all__ = [
    "PackError",
    "Rule",
    "RuleExample",
    "RuleSet",
    "UnknownSelectorError",
    "evaluate",
    "explain",
    "load_rules",
    "verdict",
]
