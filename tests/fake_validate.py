"""`validate` with the fake checker of batch_fakes.py and fake rules, for tests that run the
command in a process of its own (signals, closed pipes)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_fakes import FAKE_RULES, FakeFactory

import validator.cli.check
import validator.engine
from validator.cli import main
from validator.model import Messages


def _load_rules(extra_paths=(), select=(), ignore=()) -> SimpleNamespace:
    rules = [SimpleNamespace(id=rule_id, severity=severity, source="fake",
                             title=Messages(vi=rule_id, en=rule_id))
             for rule_id, severity in FAKE_RULES]
    return SimpleNamespace(rules=rules, version="fake", packs=())


validator.engine.load_rules = _load_rules
validator.cli.check.PipelineFactory = FakeFactory  # type: ignore[misc]

if __name__ == "__main__":
    main()
