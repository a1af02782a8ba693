"""Compiled rule sets cached on disk, keyed by the digest of their packs and of the engine.

Parsing three packs of YAML, validating them and compiling their checks costs more than
everything else a one-file run does before reading the file; the result depends only on the
packs' texts and on this code, so it is kept as a pickle in the user's cache folder and read
back while both are unchanged. A stored set was fully validated when it was compiled (regular
expressions, spaCy patterns), so reading it back needs neither the YAML parser nor spaCy.

The key covers the tool version and the size and modification time of the engine's source
files (and of the model and normalisation modules its objects come from), so an upgrade or a
development edit never reads a stale set. A cache that cannot be read or written only costs
time: any failure is a miss. `VALIDATOR_CACHE_DIR` moves the folder (tests, read-only homes).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from validator import __version__

APP_NAME = "bhxh-validator"
CACHE_ENV = "VALIDATOR_CACHE_DIR"
_PACKAGE = Path(__file__).resolve().parents[1]
_SOURCES = ("engine/**/*.py", "model.py", "normalize/*.py")


@lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.sha256(__version__.encode())
    for pattern in _SOURCES:
        for path in sorted(_PACKAGE.glob(pattern)):
            try:
                info = path.stat()
            except OSError:
                continue
            digest.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns}|".encode())
    return digest.hexdigest()


def key(packs: Sequence[str]) -> str:
    """The cache key of a rule set: its packs (path and text digest, in load order)."""
    digest = hashlib.sha256(_code_version().encode())
    for pack in packs:
        digest.update(pack.encode() + b"\0")
    return digest.hexdigest()


def folder() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured) / "rules"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False)) / "rules"


def load(cache_key: str) -> Any | None:
    try:
        data = (folder() / f"{cache_key}.pickle").read_bytes()
        return pickle.loads(data)
    except Exception:  # a missing, truncated or foreign file is a miss
        return None


def store(cache_key: str, value: Any) -> None:
    try:
        target = folder()
        target.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target / f"{cache_key}.pickle")
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        Path(temporary).unlink(missing_ok=True)
