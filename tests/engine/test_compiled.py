"""The compiled rule set cached on disk: read back while the packs are unchanged, rebuilt when
one changes, and never a reason to fail (unwritable folder, damaged file)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from validator.engine import compiled, load_rules
from validator.engine.examples import run_example

PACK = """
pack: local
document: Quy định nội bộ
rules:
  - id: LOCAL-01
    title: {vi: Có trích yếu, en: Has a summary}
    severity: warning
    source: nội bộ
    description: {vi: Có trích yếu., en: Has a summary.}
    check:
      kind: phrase
      params: {scope: all, find: [trích yếu]}
    messages:
      pass: {vi: Có., en: Yes.}
      fail: {vi: Không., en: No.}
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache" / "rules"


def test_a_rule_set_is_compiled_once_and_read_back(cache: Path, monkeypatch) -> None:
    first = load_rules()
    (stored,) = cache.glob("*.pickle")
    compiles = []
    monkeypatch.setattr(
        "validator.engine.loader._compile_packs", lambda *a: compiles.append(a) or None
    )
    again = load_rules(select=["ND30"])
    assert not compiles  # read back, not compiled
    assert [r.id for r in again.rules] == [r.id for r in first.rules if r.id.startswith("ND30")]
    assert again.packs == first.packs
    # The rules read back still judge documents (their patterns compile on first use).
    rule = again.get("ND30-04")
    assert all(run_example(rule, e).status == e.expect for e in rule.examples)
    assert stored.exists()


def test_an_edited_pack_is_compiled_again(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "local.yaml"
    pack.write_text(PACK, encoding="utf-8")
    assert load_rules([pack]).get("LOCAL-01").messages.fail.vi == "Không."
    pack.write_text(PACK.replace("Không.", "Thiếu trích yếu."), encoding="utf-8")
    assert load_rules([pack]).get("LOCAL-01").messages.fail.vi == "Thiếu trích yếu."
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_damaged_cache_file_is_a_miss(cache: Path) -> None:
    load_rules()
    (stored,) = cache.glob("*.pickle")
    stored.write_bytes(b"not a pickle")
    assert len(load_rules().rules) == 24
    assert stored.read_bytes() != b"not a pickle"  # rewritten


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_folder_only_costs_time(cache: Path) -> None:
    cache.parent.mkdir(parents=True)
    cache.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert len(load_rules().rules) == 24
    finally:
        cache.parent.chmod(stat.S_IRWXU)


def test_a_cache_folder_that_is_a_file_only_costs_time(cache: Path) -> None:
    cache.parent.mkdir(parents=True)
    cache.write_text("a file where the folder should be")
    assert len(load_rules().rules) == 24
