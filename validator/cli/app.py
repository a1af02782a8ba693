"""The `validate` command group: language, settings, and every error turned into a message
and an exit status.

One language at a time: the language comes from `--lang` (looked for before parsing, so that
usage errors are in it too), else the settings file, else Vietnamese. Help texts and metavars
are swapped to that language, and click's own words ("Usage:", "Missing argument"...), which
click looks up through the standard `gettext` module's global domain, are pointed at our
catalogue for the duration of the run.
"""

from __future__ import annotations

import contextlib
import errno
import gettext
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import click

from validator import __version__
from validator.batch.signals import Interrupted
from validator.cli.common import OutputClosed
from validator.cli.messages import EXIT_BROKEN_PIPE, UserError, help_text, say, tr
from validator.config import ConfigError, FileSettings, LoadedSettings, load_settings
from validator.i18n import DOMAIN, LOCALE_DIR, Lang, gettext_for
from validator.report.summary import EXIT_USAGE

DEBUG_ENV = "VALIDATOR_DEBUG"  # set: an internal error prints its traceback

_NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _argv_lang(argv: Sequence[str]) -> Lang | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    return None


_GROUP_OPTIONS = ("--lang", "--config")  # the group's options that take a value


def _after_group_options(args: Sequence[str]) -> int:
    """Index of the first argument after leading `--lang X` / `--config=FILE` options."""
    index = 0
    while index < len(args):
        if args[index] in _GROUP_OPTIONS:
            index += 2
        elif args[index].startswith(tuple(f"{name}=" for name in _GROUP_OPTIONS)):
            index += 1
        else:
            break
    return index


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


# What each command and parameter said before translation (the English msgid), so that
# running the CLI twice in one process, in two languages, translates from the original.
_ORIGINALS: dict[object, dict[str, str | None]] = {}


def _original(thing: object, **current: str | None) -> dict[str, str | None]:
    return _ORIGINALS.setdefault(thing, current)


def _metavar_msgid(param: click.Parameter, explicit: str | None) -> str | None:
    """The English metavar of `param`: its own, else one named after its type."""
    if explicit is not None:
        return explicit
    if isinstance(param, click.Argument):
        return param.name.upper() + ("..." if param.nargs != 1 else "") if param.name else None
    kind = param.type
    if isinstance(kind, click.Path):
        return {(True, False): "FILE", (False, True): "DIRECTORY"}.get(
            (kind.file_okay, kind.dir_okay), "PATH")
    if isinstance(kind, click.types.IntParamType):
        return "INTEGER"
    if isinstance(kind, click.types.FloatParamType):
        return "NUMBER"
    if kind is click.STRING and not getattr(param, "is_flag", False):
        return "TEXT"
    return None  # choices and flags show their values


def localize(command: click.Command, lang: Lang) -> None:
    """Put the help texts and metavars of `command` and its subcommands in `lang`."""
    _ = gettext_for(lang)
    original = _original(command, help=command.help, options=command.options_metavar,
                         sub=getattr(command, "subcommand_metavar", None))
    command.help = _(original["help"]) if original["help"] else None
    command.options_metavar = _(original["options"]) if original["options"] else None
    for param in command.params:
        kept = _original(param, help=getattr(param, "help", None),
                         metavar=_metavar_msgid(param, param.metavar))
        if isinstance(param, click.Option) and kept["help"]:
            param.help = _(kept["help"])
        if kept["metavar"]:
            param.metavar = _(kept["metavar"])
    help_option = getattr(command, "_help_option", None)  # click makes it on first use
    if help_option is not None:
        help_option.help = _("Show this message and exit.")
    if isinstance(command, click.Group):
        command.subcommand_metavar = _(original["sub"] or "COMMAND [ARGS]...")
        for sub in command.commands.values():
            localize(sub, lang)


@contextlib.contextmanager
def click_language(lang: Lang) -> Iterator[None]:
    """Click's own strings in `lang` while the block runs.

    Click calls `gettext.gettext`, which looks in the global text domain for the languages of
    the LANGUAGE variable; the domain is pointed at our catalogue and LANGUAGE set to `lang`
    (English has no catalogue, so click's text stays as written).
    """
    previous_domain = gettext.textdomain()
    previous_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(previous_domain)
        if previous_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous_language


class ValidateGroup(click.Group):
    """`validate a.pdf` is `validate check a.pdf`; every error ends in a short message."""

    _OWN_ARGS = frozenset({"--help", "-h", "--version"})
    lang: Lang = "vi"  # of the messages, known before the arguments are parsed
    settings: LoadedSettings | ConfigError = LoadedSettings(FileSettings(), None)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        start = _after_group_options(args)
        if start < len(args) and args[start] not in {*self.commands, *self._OWN_ARGS}:
            args = [*args[:start], "check", *args[start:]]
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
        lang = self.lang = _argv_lang(argv) or "vi"
        status = _guarded(lambda: self._run(argv, prog_name, complete_var, **extra), lang)
        if standalone_mode:
            sys.exit(status)
        return status


    def _run(self, argv: list[str], prog_name: str | None, complete_var: str | None,
             **extra: Any) -> object:
        """Settings, language, then click; inside `_guarded`, so that even a Ctrl-C while the
        settings are read ends in a message."""
        settings = self.settings = _read_settings(_argv_config(argv))
        from_file = settings.settings.lang if isinstance(settings, LoadedSettings) else None
        lang = self.lang = _argv_lang(argv) or from_file or "vi"
        localize(self, lang)
        with click_language(lang):
            return _guarded(
                lambda: super(ValidateGroup, self).main(
                    argv, prog_name or "validate", complete_var, standalone_mode=False, **extra
                ),
                lang,
            )


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
    """Point standard output at /dev/null so the interpreter's final flush has nowhere to
    fail. Only a real file descriptor: under a test runner's capture there is none to touch."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError):
        os.dup2(devnull, fd)
    os.close(devnull)


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    _ = gettext_for(getattr(ctx.find_root().command, "lang", "vi"))
    click.echo(_("%(prog)s, version %(version)s") % {"prog": "validate", "version": __version__})
    ctx.exit()


def _with_lang(command: click.Command, defaults: dict[str, Any], lang: Lang) -> dict[str, Any]:
    """Click default maps for `command` and its subcommands, each taking the run's language
    (`validate --lang en rules` lists the rules in English)."""
    result = dict(defaults)
    if any(param.name == "lang" for param in command.params):
        result["lang"] = lang
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            result[name] = _with_lang(sub, defaults.get(name, {}), lang)
    return result


@click.group(
    cls=ValidateGroup,
    name="validate",
    help=help_text("cli"),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_show_version, help="Show the version and exit.")
@click.option("--lang", type=click.Choice(["vi", "en"]), expose_value=False,
              help=help_text("lang"))
@click.option("--config", metavar="FILE", expose_value=False, help=help_text("config"))
@click.pass_context
def cli(ctx: click.Context) -> None:
    group = ctx.command
    assert isinstance(group, ValidateGroup)
    if isinstance(group.settings, ConfigError):
        raise UserError(tr(group.lang, "config_error", error=group.settings))
    ctx.default_map = _with_lang(group, group.settings.default_map(), group.lang)


def run_settings(ctx: click.Context) -> LoadedSettings:
    """The settings the group loaded (validated already: an error stopped the run)."""
    settings = getattr(ctx.find_root().command, "settings", None)
    return settings if isinstance(settings, LoadedSettings) else LoadedSettings.empty()


def settings_file(ctx: click.Context) -> str | None:
    """The settings file this run read, if any (reports name it)."""
    path = run_settings(ctx).path
    return str(path) if path is not None else None


def main() -> None:
    """Entry point of the `validate` console script."""
    cli.main(prog_name="validate")
