"""What the commands share: rule loading, discovery, output streams, options."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import click

from validator.batch import Discovery, MissingPathError, discover
from validator.cli.messages import UserError, help_text, say, tr
from validator.config import LoadedSettings, ReplySettings
from validator.read.limits import Limits

MIB = 1024 * 1024  # --max-size and --max-upload are in MB

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


def discover_paths(paths: Sequence[str], lang: str, exclude: Sequence[str] = (),
                   dossiers: bool = False, output: str | None = None) -> Discovery:
    """The inputs; what was left out is counted on stderr; an output file that is also an
    input is refused (it would be destroyed, or read as a document next time)."""
    try:
        found = discover(paths, exclude, dossiers)
    except MissingPathError as exc:
        raise UserError(tr(lang, "missing_path", path=exc.path)) from exc
    if output is not None and (name := found.holds(output)) is not None:
        raise UserError(tr(lang, "output_is_input", path=name))
    if found.skipped or found.excluded:
        say(tr(lang, "skipped", skipped=found.skipped, excluded=found.excluded))
    return found


@contextlib.contextmanager
def output_stream(path: str | None, lang: str, binary: bool = False) -> Iterator[IO[Any]]:
    """Standard output, or FILE written under a temporary name and moved into place at the
    end, so a reader never sees half a report and an interrupted run keeps the old one until
    the new one is whole. `binary` gives a byte stream (XLSX)."""
    if path is None:
        if sys.stdout is None:  # started with standard output closed
            raise OSError(errno.EBADF, "standard output is closed")
        if binary:
            try:
                yield sys.stdout.buffer
                sys.stdout.buffer.flush()
            except BrokenPipeError as exc:
                raise OutputClosed from exc
            return
        stream = sys.stdout
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
        try:
            yield stream
            stream.flush()
        except BrokenPipeError as exc:  # not an OSError any more: click would exit 1 on it
            raise OutputClosed from exc
        return
    target = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial",
                                         dir=target.parent)
        # mkstemp makes the file private (0600); a report is made like any file (0666 less
        # the umask), so colleagues on a shared drive can open it.
        os.fchmod(fd, 0o666 & ~_umask())
        handle = (os.fdopen(fd, "wb") if binary
                  else os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline=""))
    except OSError as exc:
        raise UserError(tr(lang, "output_error", path=path, error=exc.strerror)) from exc
    try:
        try:
            with handle:
                yield handle
        except KeyboardInterrupt:  # a stopped run: its report was finished with what was done
            if os.path.getsize(temporary):
                os.replace(temporary, target)
            raise
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it back at once
    os.umask(mask)
    return mask


class OutputClosed(Exception):
    """Standard output was closed by its reader (`validate ... | head`)."""


def reply_office(ctx: click.Context) -> ReplySettings:
    """The reviewing office that signs the reply letters: `[reply]` of the settings file."""
    settings = getattr(ctx.find_root().command, "settings", None)
    return settings.settings.reply if isinstance(settings, LoadedSettings) else ReplySettings()


def max_bytes(max_size_mb: float | None) -> int | None:
    return int(max_size_mb * MIB) if max_size_mb else None


def read_options(ocr: str, max_size: float | None, level: str | None,
                 limits: Limits | None = None) -> Any:
    from validator.pipeline import Options

    limits = limits or Limits()
    if (limit := max_bytes(max_size)) is not None:
        limits = dataclasses.replace(limits, max_bytes=limit)
    return Options(ocr=ocr, level=level, max_bytes=limits.max_bytes,  # type: ignore[arg-type]
                   limits=limits)


def _rule_option_decorators() -> list[Callable[[Any], Any]]:
    return [
        click.option("--rules", "rules", multiple=True, metavar="PATH",
                     type=click.Path(exists=True), help=help_text("rules_paths")),
        click.option("--select", multiple=True, metavar="IDS", help=help_text("select")),
        click.option("--ignore", multiple=True, metavar="IDS", help=help_text("ignore")),
        click.option("--lang", type=click.Choice(["vi", "en"]), default=None,
                     help=help_text("lang")),
    ]


def config_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """`--config FILE`: read by the group before parsing (its values are click's defaults);
    declared on the commands too so `validate PATH --config FILE` parses."""
    return click.option("--config", metavar="FILE", expose_value=False,
                        help=help_text("config"))(function)


def rule_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for decorator in reversed(_rule_option_decorators()):
        function = decorator(function)
    return function
