"""Settings files: where they are looked for, and the [limits] table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from validator.config import ConfigError, LimitSettings, load_settings
from validator.read.limits import Limits, size_detail

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "config" / "validator"


def test_no_settings_unless_asked_or_the_reviewers_own(home, tmp_path) -> None:
    (tmp_path / "validator.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert load_settings().path is None  # the working folder is not read by default
    home.mkdir(parents=True)
    (home / "validator.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert load_settings().path == home / "validator.toml"
    assert load_settings(".").path == tmp_path / "validator.toml"
    assert load_settings(str(tmp_path / "validator.toml")).settings.lang == "en"


def test_limits_come_from_the_limits_table(home, tmp_path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("[limits]\nmax-pages = 40\nmemory_mb = 0\n", encoding="utf-8")
    limits = load_settings(str(path)).limits()
    assert limits.max_pages == 40 and limits.memory_mb == 0
    assert limits.max_chars == Limits().max_chars
    path.write_text("[limits]\nmax_pagez = 40\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="max_pagez"):
        load_settings(str(path))
    with pytest.raises(ConfigError, match="not found"):
        load_settings(str(tmp_path / "nope.toml"))
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tool\.validator"):
        load_settings(str(tmp_path / "pyproject.toml"))


def test_every_limit_an_entry_names_is_a_setting() -> None:
    """A too_large entry names the limit to raise ("max_pages: 600 > 500"): each name the code
    gives is one a reviewer can write, a key of [limits] or max_size (in MB, as written)."""
    settable = set(LimitSettings.model_fields) | {"max_size"}
    named = {name for path in (ROOT / "validator").rglob("*.py")
             for name in re.findall(r'limit_detail\(\s*"(\w+)"', path.read_text("utf-8"))}
    assert {"max_pages", "max_paragraphs", "archive_members", "archive_depth"} <= named
    assert named <= settable
    assert size_detail(3 * 1024 * 1024 + 1, 2 * 1024 * 1024) == "max_size: 3.0 MB > 2 MB"
