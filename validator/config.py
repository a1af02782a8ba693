"""Settings, only from where the reviewer puts them. Command-line flags win: the settings
become click's default map.

Where settings come from, in this order:
- `--config FILE`: that file (a `validator.toml`, or a `pyproject.toml` with `[tool.validator]`);
  `--config FOLDER` (`--config .` for the current one): its validator.toml, else its
  pyproject.toml;
- otherwise the reviewer's own file, `$XDG_CONFIG_HOME/validator/validator.toml`
  (`~/.config/validator/validator.toml`);
- otherwise none.
Never from the working folder unless asked, and never from a folder being checked: a
submission cannot carry settings that change how it is judged.

    jobs = 4
    packs = ["rules-extra/"]  # --rules, relative to the file
    select = ["CV3036"]
    ignore = ["ND30-07"]
    exclude = ["drafts/*"]    # --exclude
    lang = "en"               # also `language`
    format = "json"           # and fail_on, ocr, level, max_size, timeout, cache, cache_dir,
                              # dossiers (`validate serve` takes jobs, packs, select, ignore,
                              # lang, ocr, max_size, timeout and [limits])
    [limits]                  # read/limits.py: max_pages, max_paragraphs, max_chars,
    max_pages = 300           # max_pixels, archive_members, archive_bytes, archive_ratio,
    memory_mb = 1536          # archive_depth, memory_mb

    [reply]                   # [tool.validator.reply] in pyproject.toml: who signs the
    office = "BẢO HIỂM XÃ HỘI TỈNH AN GIANG"  # `validate reply` letters
    parent = "BẢO HIỂM XÃ HỘI VIỆT NAM"
    place = "An Giang"
    signer_title = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name = "Nguyễn Văn A"
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from validator.read.limits import Limits

CONFIG_FILE = "validator.toml"
PYPROJECT = "pyproject.toml"
USER_FOLDER = "validator"


class ConfigError(Exception):
    """A settings file that cannot be used: `str()` names the file and the reason."""


class LimitSettings(BaseModel):
    """The `[limits]` table: any field of `Limits`, each a positive integer."""

    model_config = ConfigDict(extra="forbid")

    max_pages: int | None = Field(default=None, gt=0)
    max_paragraphs: int | None = Field(default=None, gt=0)
    max_chars: int | None = Field(default=None, gt=0)
    max_pixels: int | None = Field(default=None, gt=0)
    archive_members: int | None = Field(default=None, gt=0)
    archive_bytes: int | None = Field(default=None, gt=0)
    archive_ratio: int | None = Field(default=None, gt=0)
    archive_depth: int | None = Field(default=None, gt=0)
    memory_mb: int | None = Field(default=None, ge=0)  # 0: no memory limit

    def apply(self, limits: Limits) -> Limits:
        return dataclasses.replace(limits, **self.model_dump(exclude_none=True))


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
    exclude: list[str] = []
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
    dossiers: bool | None = None
    limits: LimitSettings = LimitSettings()
    reply: ReplySettings = ReplySettings()


@dataclass(frozen=True)
class LoadedSettings:
    settings: FileSettings
    path: Path | None  # the file they came from, None when there was none

    @classmethod
    def empty(cls) -> LoadedSettings:
        return cls(FileSettings(), None)

    def limits(self) -> Limits:
        return self.settings.limits.apply(Limits())

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
            "exclude": s.exclude,
            "dossiers": s.dossiers,
        }
        inspect = {"lang": s.lang, "ocr": s.ocr, "max_size": s.max_size, "timeout": s.timeout,
                   "exclude": s.exclude}
        serve = {**shared, "jobs": s.jobs, "ocr": s.ocr, "max_size": s.max_size,
                 "timeout": s.timeout}
        reply = {key: value for key, value in check.items() if key != "output_format"}
        return {
            "check": _present(check),
            "reply": _present(reply),
            "inspect": _present(inspect),
            "serve": _present(serve),
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


def user_settings_file() -> Path:
    """`$XDG_CONFIG_HOME/validator/validator.toml`, by default under `~/.config`."""
    xdg = os.environ.get("XDG_CONFIG_HOME")
    root = Path(xdg) if xdg else Path.home() / ".config"
    return root / USER_FOLDER / CONFIG_FILE


def load_settings(config: str | None = None) -> LoadedSettings:
    """The settings `--config` names (a file, or a folder holding one), else the reviewer's
    own settings file, else none (see the module docstring)."""
    if config is None:
        own = user_settings_file()
        return _load_file(own) if own.is_file() else LoadedSettings(FileSettings(), None)
    path = Path(config)
    if path.is_dir():
        for name in (CONFIG_FILE, PYPROJECT):
            if (path / name).is_file():
                return _load_file(path / name)
        raise ConfigError(f"{path}: {CONFIG_FILE} / {PYPROJECT} not found")
    if not path.is_file():
        raise ConfigError(f"{path}: not found")
    return _load_file(path)


def _load_file(path: Path) -> LoadedSettings:
    path = path.absolute()
    if path.name == PYPROJECT:
        table = _read_toml(path).get("tool", {}).get("validator")
        if table is None:
            raise ConfigError(f"{path}: no [tool.validator] table")
        return LoadedSettings(_validate(path, table), path)
    return LoadedSettings(_validate(path, _read_toml(path)), path)
