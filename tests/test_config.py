"""Settings files: where they are looked for, and the [limits] table."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator.config import ConfigError, load_settings
from validator.read.limits import Limits


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
