"""Which rule packs have been fully validated already, remembered in the user's cache folder.

Loading a pack validates its schema every time (cheap), but compiling every regular expression
and checking spaCy Matcher patterns (which imports spaCy) is only needed once per pack text:
after that, patterns are compiled on first use. A stamp is an empty file named by the digest
of the pack's text and of this engine's code; nothing is read back from it, so a stale or
foreign cache can only cost time. An unwritable cache folder is the same as an empty one.

`VALIDATOR_CACHE_DIR` moves the folder (tests, read-only homes).
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from validator import __version__

APP_NAME = "bhxh-validator"
CACHE_ENV = "VALIDATOR_CACHE_DIR"


@lru_cache(maxsize=1)
def _engine_version() -> str:
    """The tool version and the engine's source files as they are (size, mtime): a stamp made
    by other code (a development checkout, an upgrade) does not count."""
    folder = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(folder.rglob("*.py")):
        try:
            info = path.stat()
        except OSError:
            continue
        digest.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns}|".encode())
    return digest.hexdigest()[:16]


def key(pack_digest: str) -> str:
    """The stamp of a pack's text as compiled by this engine."""
    return hashlib.sha256(f"{_engine_version()}|{pack_digest}".encode()).hexdigest()


def folder() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured) / "packs"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False)) / "packs"


def known(digest: str) -> bool:
    try:
        return (folder() / digest).is_file()
    except OSError:
        return False


def remember(digest: str) -> None:
    try:
        target = folder()
        target.mkdir(parents=True, exist_ok=True)
        (target / digest).touch()
    except OSError:
        pass  # a cache that cannot be written only costs time
