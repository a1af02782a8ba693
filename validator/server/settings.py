"""What `validate serve` is told: where it keeps its data, how many workers, which limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from validator.config import ReplySettings
from validator.read import DEFAULT_MAX_BYTES
from validator.read.limits import Limits

DATA_FOLDER = "validator-data"
TOKEN_ENV = "VALIDATOR_TOKEN"
_MIB = 1024 * 1024


def default_data_dir() -> Path:
    """`$XDG_DATA_HOME/bhxh-validator` when XDG_DATA_HOME is set, else `./validator-data`
    (the same rule as the result cache's folder)."""
    xdg = os.environ.get("XDG_DATA_HOME")
    return Path(xdg) / "bhxh-validator" if xdg else Path.cwd() / DATA_FOLDER


def token_from_env() -> str | None:
    return os.environ.get(TOKEN_ENV) or None


@dataclass(frozen=True)
class ServerSettings:
    data_dir: Path = field(default_factory=default_data_dir)
    jobs: int = 0  # worker processes; 0 = every core
    token: str | None = None  # when set, every route but /health needs it
    timeout: float = 120.0  # per file, seconds, as on the command line
    max_file_bytes: int = DEFAULT_MAX_BYTES  # a document; an archive may fill a whole request
    max_request_bytes: int = 200 * _MIB  # one upload request, every file together
    max_files: int = 500  # files in one job request
    max_check_files: int = 10  # files in one `POST /api/v1/check`
    check_wait: float = 600.0  # seconds `POST /api/v1/check` waits before answering 504
    ocr: Literal["auto", "always", "never"] = "auto"
    stop_wait: float = 5.0  # seconds a stopping server waits for the file in a worker
    keep_days: float = 30.0  # finished jobs older than this are deleted; 0 keeps them forever
    rule_paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    reply: ReplySettings = field(default_factory=ReplySettings)  # who signs the reply letters
    limits: Limits = field(default_factory=Limits)  # `[limits]` of the settings file

    @property
    def read_limits(self) -> Limits:
        """The limits a worker reads a document under: `[limits]`, with --max-size."""
        return replace(self.limits, max_bytes=self.max_file_bytes)

    @property
    def workers(self) -> int:
        return self.jobs or os.cpu_count() or 1

    @property
    def database(self) -> Path:
        return self.data_dir / "validator.sqlite3"

    @property
    def uploads(self) -> Path:
        return self.data_dir / "uploads"
