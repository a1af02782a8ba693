"""A result cache on disk: the report of a file is reused while the file's bytes, the rule
packs and the options that change results are the same.

The key is sha256 over the document's sha256, the rule-set version, the tool version, the options
and the language; the value is the `DocumentReport` JSON, under `<dir>/<key[:2]>/<key>.json`.
Writes go through a temporary file and `os.replace`, so parallel workers never read half a file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from validator import __version__
from validator.model import DocumentReport

CACHE_FOLDER = ".validator-cache"


def default_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/bhxh-validator` when XDG_CACHE_HOME is set, else `./.validator-cache`."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "bhxh-validator" if xdg else Path.cwd() / CACHE_FOLDER


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        """`fingerprint` names everything besides the file that the result depends on."""
        self.folder = folder
        self.fingerprint = f"{__version__}|{fingerprint}"

    def key(self, content_sha256: str) -> str:
        return hashlib.sha256(f"{content_sha256}|{self.fingerprint}".encode()).hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> DocumentReport | None:
        """The stored report for `key`, relabelled with `path`; None when absent or unreadable."""
        try:
            report = DocumentReport.model_validate_json(self._file(key).read_bytes())
        except (OSError, ValueError, ValidationError):
            return None
        return report.model_copy(update={"path": path})

    def put(self, key: str, report: DocumentReport) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        except OSError:
            return  # a cache that cannot be written only costs time
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(report.model_dump_json().encode())
            os.replace(temporary, target)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
