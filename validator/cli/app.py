"""The `validate` command group: language, settings, and every error turned into a message
and an exit status."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import click

from validator import __version__
from validator.batch.signals import Interrupted
from validator.cli.common import OutputClosed
from validator.cli.messages import EXIT_BROKEN_PIPE, HELP, UserError, help_text, say, tr
from validator.config import ConfigError, FileSettings, LoadedSettings, load_settings
from validator.report.labels import Lang
from validator.report.summary import EXIT_USAGE

TOOL_NAME = "validator"
DEBUG_ENV = "VALIDATOR_DEBUG"
_MIB = 1024 * 1024

_NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _argv_lang(argv: Sequence[str]) -> Lang | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    return None


def _argv_config(argv: Sequence[str]) -> str | None:
    """`--config FILE` is needed before click parses anything: settings are its defaults."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--config" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--config="):
            return arg.split("=", 1)[1]
    return None


def _read_settings(config: str | None) -> LoadedSettings | ConfigError:
    try:
        return load_settings(config)
    except ConfigError as exc:
        return exc


def _localize_help(command: click.Command, lang: Lang) -> None:
    """Swap the help texts to `lang` (they are written in Vietnamese)."""
    index = 0 if lang == "vi" else 1
    key = "cli" if command.name == "validate" else command.name
    if key in HELP:
        command.help = HELP[key][index]
    for param in command.params:
        help_key = "rules_paths" if param.name == "rules" else param.name
        if isinstance(param, click.Option) and help_key in HELP:
            param.help = HELP[help_key][index]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _localize_help(sub, lang)


class ValidateGroup(click.Group):
    """`validate a.pdf` is `validate check a.pdf`; every error ends in a short message."""

    _OWN_ARGS = frozenset({"--help", "-h", "--version"})
    lang: Lang = "vi"  # of the messages, known before the arguments are parsed
    settings: LoadedSettings | ConfigError = LoadedSettings(FileSettings(), None)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in self._OWN_ARGS:
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> int:
        argv = list(sys.argv[1:] if args is None else args)
        settings = self.settings = _read_settings(_argv_config(argv))
        from_file = settings.settings.lang if isinstance(settings, LoadedSettings) else None
        lang = self.lang = _argv_lang(argv) or from_file or "vi"
        _localize_help(self, lang)
        status = _guarded(
            lambda: super(ValidateGroup, self).main(
                argv, prog_name or "validate", complete_var, standalone_mode=False, **extra
            ),
            lang,
        )
        if standalone_mode:
            sys.exit(status)
        return status


def _guarded(run: Callable[[], object], lang: Lang) -> int:
    """Run the CLI, turning every exception into a message on stderr and an exit status."""
    try:
        result = run()
    except _NO_ARGS_IS_HELP as exc:
        exc.show()
        return exc.exit_code
    except click.UsageError as exc:
        if exc.ctx is not None:
            say(exc.ctx.get_usage())
        say(tr(lang, "usage", error=exc.format_message()))
        say(tr(lang, "help_hint", prog="validate"))
        return EXIT_USAGE
    except click.ClickException as exc:
        say(exc.format_message())
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt) as exc:  # Ctrl-C, SIGTERM: what was done is written
        say(tr(lang, "interrupted"))
        cause = exc.__cause__ if isinstance(exc, click.Abort) else exc  # click wraps it
        return cause.exit_status if isinstance(cause, Interrupted) else 130
    except (BrokenPipeError, OutputClosed):  # `validate ... | head`: the reader has enough
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except UserError as exc:
        say(f"validate: {exc}")
        return EXIT_USAGE
    except Exception as exc:
        if isinstance(exc, OSError) and exc.errno in (errno.EBADF, errno.EPIPE):
            _silence_stdout()  # standard output was closed: there is no one to tell
            return EXIT_BROKEN_PIPE
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        say(tr(lang, "internal", error=f"{type(exc).__name__}: {exc}"))
        return EXIT_USAGE
    return result if isinstance(result, int) else 0


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's final flush has nowhere to fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError):
        os.dup2(devnull, 1)
    os.close(devnull)


@click.group(
    cls=ValidateGroup,
    name="validate",
    help=help_text("cli"),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="validate")
@click.pass_context
def cli(ctx: click.Context) -> None:
    group = ctx.command
    assert isinstance(group, ValidateGroup)
    if isinstance(group.settings, ConfigError):
        raise UserError(tr(group.lang, "config_error", error=group.settings))
    ctx.default_map = group.settings.default_map()


def main() -> None:
    """Entry point of the `validate` console script."""
    cli.main(prog_name="validate")
