"""What the commands share: rule loading, discovery, output streams, options."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import click

from validator.batch import MissingPathError, discover
from validator.cli.messages import UserError, help_text, tr

TOOL_NAME = "validator"
DEBUG_ENV = "VALIDATOR_DEBUG"
_MIB = 1024 * 1024

# ---------------------------------------------------------------------- shared parts


def split_ids(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def load_ruleset(paths: Sequence[str], select: Sequence[str], ignore: Sequence[str],
                lang: str) -> Any:
    from validator.engine import PackError, UnknownSelectorError, load_rules

    try:
        return load_rules(tuple(paths), tuple(select), tuple(ignore))
    except UnknownSelectorError as exc:  # a typo in --select / --ignore: a usage error
        raise UserError(exc.message(lang)) from exc
    except PackError as exc:
        raise UserError(tr(lang, "pack_error", error=exc)) from exc


def discover_paths(paths: Sequence[str], lang: str) -> list[str]:
    try:
        return discover(paths)
    except MissingPathError as exc:
        raise UserError(tr(lang, "missing_path", path=exc.path)) from exc


@contextlib.contextmanager
def output_stream(path: str | None, lang: str, binary: bool = False) -> Iterator[IO[Any]]:
    """Standard output, or FILE written under a temporary name and moved into place at the
    end, so a reader never sees half a report and an interrupted run keeps the old one until
    the new one is whole. `binary` gives a byte stream (XLSX)."""
    if path is None:
        if binary:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
            return
        stream = sys.stdout
        if (stream.encoding or "").lower().replace("-", "") != "utf8":
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        yield stream
        stream.flush()
        return
    target = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial",
                                         dir=target.parent)
        handle = (os.fdopen(fd, "wb") if binary
                  else os.fdopen(fd, "w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise UserError(tr(lang, "output_error", path=path, error=exc.strerror)) from exc
    try:
        with handle:
            yield handle
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def max_bytes(max_size_mb: float | None) -> int | None:
    return int(max_size_mb * _MIB) if max_size_mb else None


def read_options(ocr: str, max_size: float | None, level: str | None) -> Any:
    from validator.pipeline import Options

    values: dict[str, Any] = {"ocr": ocr, "level": level}
    if (limit := max_bytes(max_size)) is not None:
        values["max_bytes"] = limit
    return Options(**values)


def _rule_option_decorators() -> list[Callable[[Any], Any]]:
    return [
        click.option("--rules", "rules", multiple=True, metavar="PATH",
                     type=click.Path(exists=True), help=help_text("rules_paths")),
        click.option("--select", multiple=True, metavar="IDS", help=help_text("select")),
        click.option("--ignore", multiple=True, metavar="IDS", help=help_text("ignore")),
        click.option("--lang", type=click.Choice(["vi", "en"]), default=None,
                     help=help_text("lang")),
    ]


def rule_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for decorator in reversed(_rule_option_decorators()):
        function = decorator(function)
    return function
