"""Settings from `validator.toml` or the `[tool.validator]` table of `pyproject.toml` in the
working folder. Command-line flags win: the settings become click's default map.

    [tool.validator]          # or the top level of validator.toml
    jobs = 4
    packs = ["rules-extra/"]  # --rules, relative to the file
    select = ["CV3036"]
    ignore = ["ND30-07"]
    lang = "en"               # also `language`
    format = "json"           # and fail_on, ocr, level, max_size, timeout, cache, cache_dir

    [tool.validator.reply]    # or [reply] in validator.toml: who signs `validate reply` letters
    office = "BẢO HIỂM XÃ HỘI TỈNH AN GIANG"
    parent = "BẢO HIỂM XÃ HỘI VIỆT NAM"
    place = "An Giang"
    signer_title = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name = "Nguyễn Văn A"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

CONFIG_FILE = "validator.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(Exception):
    """A settings file that cannot be used: `str()` names the file and the reason."""


class ReplySettings(BaseModel):
    """The reviewing office that signs the draft reply letters (`validate reply`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    office: str | None = None  # the reviewing office, as its letterhead prints it
    parent: str | None = None  # the body above it
    place: str | None = None  # where the letter is dated
    signer_title: str | None = None  # "GIÁM ĐỐC", or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str | None = None


class FileSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    jobs: int | None = Field(default=None, ge=0)
    packs: list[str] = []
    select: list[str] = []
    ignore: list[str] = []
    lang: Literal["vi", "en"] | None = Field(
        default=None, validation_alias=AliasChoices("lang", "language")
    )
    format: str | None = None
    fail_on: Literal["error", "warning", "never"] | None = None
    ocr: Literal["auto", "always", "never"] | None = None
    level: str | None = None
    max_size: float | None = Field(default=None, gt=0)
    timeout: float | None = Field(default=None, ge=0)
    cache: bool | None = None
    cache_dir: str | None = None
    reply: ReplySettings = ReplySettings()


@dataclass(frozen=True)
class LoadedSettings:
    settings: FileSettings
    path: Path | None  # the file they came from, None when there was none

    def default_map(self) -> dict[str, dict[str, Any]]:
        """Click default maps for the subcommands these settings apply to."""
        s = self.settings
        base = self.path.parent if self.path else Path.cwd()
        packs = [str((base / pack).resolve()) for pack in s.packs]
        shared: dict[str, Any] = {"lang": s.lang, "rules": packs, "select": s.select,
                                  "ignore": s.ignore}
        check: dict[str, Any] = {
            **shared,
            "jobs": s.jobs,
            "output_format": s.format,
            "fail_on": s.fail_on,
            "ocr": s.ocr,
            "level": s.level,
            "max_size": s.max_size,
            "timeout": s.timeout,
            "cache": s.cache,
            "cache_dir": str(base / s.cache_dir) if s.cache_dir else None,
        }
        inspect = {"lang": s.lang, "ocr": s.ocr, "max_size": s.max_size}
        reply = {key: value for key, value in check.items() if key != "output_format"}
        return {
            "check": _present(check),
            "reply": _present(reply),
            "inspect": _present(inspect),
            "rules": {**_present(shared), "explain": _present(shared)},
        }


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != []}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def _underscored(table: dict[Any, Any]) -> dict[str, Any]:
    """`signer-title` and `signer_title` alike, in nested tables too."""
    return {str(key).replace("-", "_"): _underscored(value) if isinstance(value, dict) else value
            for key, value in table.items()}


def _validate(path: Path, table: object) -> FileSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.validator] must be a table")
    try:
        return FileSettings.model_validate(_underscored(table))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '?'}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"{path}: {problems}") from exc


def load_settings(folder: Path | None = None) -> LoadedSettings:
    """`validator.toml` in `folder` (default: the working folder), else `[tool.validator]` of
    its `pyproject.toml`, else nothing."""
    folder = folder or Path.cwd()
    own = folder / CONFIG_FILE
    if own.is_file():
        return LoadedSettings(_validate(own, _read_toml(own)), own)
    pyproject = folder / PYPROJECT
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("validator")
        if table is not None:
            return LoadedSettings(_validate(pyproject, table), pyproject)
    return LoadedSettings(FileSettings(), None)
