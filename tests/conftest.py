"""Shared test set-up.

Having this file here puts tests/ on sys.path (pytest's default import mode), so test modules
in every sub-folder can import tests/script_loader.py.

The command-line tests share `loaded` (fake rule packs, the fake checker of batch_fakes.py)
and `folder` (a working folder with no settings file).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from batch_fakes import FAKE_RULES, FakeFactory

import validator.engine
from validator.cli import check as cli_module
from validator.engine import PackError
from validator.model import Messages


def fake_rules(loaded: list[tuple]) -> object:
    def load_rules(extra_paths=(), select=(), ignore=()):
        loaded.append((tuple(extra_paths), tuple(select), tuple(ignore)))
        if any("broken" in str(path) for path in extra_paths):
            raise PackError(Path(extra_paths[0]), 7, "unknown check kind 'phrasez'")
        rules = [
            SimpleNamespace(id=rule_id, severity=severity, source="fake",
                            title=Messages(vi=f"Quy tắc {rule_id}", en=f"Rule {rule_id}"))
            for rule_id, severity in FAKE_RULES
            if not select or any(rule_id.startswith(s) for s in select)
        ]
        return SimpleNamespace(rules=rules, version="fake-1", packs=())

    return load_rules


@pytest.fixture
def loaded(monkeypatch) -> list[tuple]:
    calls: list[tuple] = []
    monkeypatch.setattr(validator.engine, "load_rules", fake_rules(calls))
    monkeypatch.setattr(
        validator.engine, "explain", lambda rule, lang="vi": f"{rule.id}: giải thích ({lang})"
    )
    monkeypatch.setattr(cli_module, "PipelineFactory", FakeFactory)
    return calls


@pytest.fixture
def folder(tmp_path, monkeypatch, loaded) -> Path:
    """A working folder with no settings file, holding the documents."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-settings"))
    return work
