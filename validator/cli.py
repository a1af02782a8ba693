"""The command line (SPEC section 7). Thin: settings and flags in, then
discover -> batch -> formatter -> exit status.

    validate PATH...                 check files, folders and globs (the `check` command)
    validate inspect FILE...         what was read and understood, without rules
    validate rules [explain ID]      the loaded rules
    validate schema                  the JSON Schema of `--format json`

Exit status: 0 all compliant or not applicable, 1 a non-compliant document (see --fail-on),
2 usage, settings or rule-pack error, 3 an unreadable document (3 wins over 1).
Messages are Vietnamese unless --lang en; a traceback only with VALIDATOR_DEBUG=1.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import click
from tqdm import tqdm

from validator import __version__
from validator.batch import Batch, BatchError, MissingPathError, PipelineFactory, discover
from validator.cache import default_cache_dir
from validator.config import ConfigError, FileSettings, LoadedSettings, load_settings
from validator.model import Tool
from validator.report import write_report
from validator.report.formatters import FORMATTERS
from validator.report.formatters.base import RuleInfo, RunInfo
from validator.report.labels import Lang, label
from validator.report.summary import EXIT_USAGE, FailOn

TOOL_NAME = "validator"
DEBUG_ENV = "VALIDATOR_DEBUG"
_MIB = 1024 * 1024
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports it

_MESSAGES: dict[str, tuple[str, str]] = {
    "missing_path": ("Không tìm thấy tệp hoặc thư mục: {path}", "No such file or folder: {path}"),
    "no_documents": ("Không có văn bản nào để kiểm tra.", "There are no documents to check."),
    "pack_error": ("Lỗi trong tệp quy tắc: {error}", "Rule pack error: {error}"),
    "config_error": ("Lỗi trong tệp cấu hình: {error}", "Settings file error: {error}"),
    "usage": ("Lệnh không hợp lệ: {error}", "Invalid command: {error}"),
    "help_hint": ("Xem hướng dẫn: {prog} --help", "See {prog} --help"),
    "internal": (
        "Lỗi nội bộ ({error}). Đặt biến môi trường VALIDATOR_DEBUG=1 để xem chi tiết.",
        "Internal error ({error}). Set VALIDATOR_DEBUG=1 to see the details.",
    ),
    "unknown_rule": ("Không có quy tắc {rule_id}.", "There is no rule {rule_id}."),
    "output_error": ("Không ghi được tệp {path}: {error}", "Cannot write {path}: {error}"),
    "worker_error": (
        "Không khởi động được tiến trình kiểm tra: {error}",
        "The checking processes could not start: {error}",
    ),
    "interrupted": ("Đã dừng theo yêu cầu.", "Stopped."),
    "cache_stats": (
        "Bộ nhớ đệm: dùng lại {cached} kết quả, đọc mới {checked} văn bản.",
        "Cache: {cached} results reused, {checked} documents read.",
    ),
    "progress": ("Đang kiểm tra", "Checking"),
    "schema_stale": (
        "Tệp schema kèm theo đã cũ; chạy: validate schema --write",
        "The shipped schema is out of date; run: validate schema --write",
    ),
    "schema_written": ("Đã ghi {path}", "Wrote {path}"),
}

# Option and command help, (Vietnamese, English); the English is swapped in by --lang en.
_HELP: dict[str, tuple[str, str]] = {
    "cli": ("Kiểm tra quyết định, quy chế Ban Chỉ đạo thực hiện chính sách BHXH, BHYT.",
            "Check decisions and regulations of BHXH/BHYT steering committees."),
    "check": ("Kiểm tra tệp, thư mục (đệ quy) hoặc mẫu glob.",
              "Check files, folders (recursive) or globs."),
    "inspect": ("Xem nội dung đọc được và cấu trúc nhận ra, không áp quy tắc.",
                "Show what was read and understood, without rules."),
    "rules": ("Liệt kê các quy tắc đã nạp.", "List the loaded rules."),
    "explain": ("Giải thích một quy tắc.", "Explain one rule."),
    "schema": ("In JSON Schema của định dạng json.", "Print the JSON Schema of --format json."),
    "output_format": ("Định dạng kết quả.", "Output format."),
    "output": ("Ghi kết quả vào tệp thay vì màn hình.", "Write the results to FILE."),
    "jobs": ("Số tiến trình song song (mặc định: mọi lõi CPU).",
             "Parallel worker processes (default: all cores)."),
    "rules_paths": ("Thêm gói quy tắc YAML (tệp hoặc thư mục); dùng nhiều lần được.",
                    "Add a YAML rule pack (file or folder); repeatable."),
    "select": ("Chỉ chạy các quy tắc này (mã hoặc tiền tố, cách nhau bởi dấu phẩy).",
               "Run only these rules (ids or prefixes, comma-separated)."),
    "ignore": ("Bỏ qua các quy tắc này (cách nhau bởi dấu phẩy).",
               "Skip these rules (comma-separated)."),
    "level": ("Coi mọi văn bản là của cấp này.", "Treat every document as of this level."),
    "ocr": ("Nhận dạng chữ trên bản quét: auto, always, never.",
            "OCR of scanned pages: auto, always, never."),
    "lang": ("Ngôn ngữ thông báo: vi hoặc en.", "Language of messages: vi or en."),
    "fail_on": ("Mã thoát 1 khi: error (văn bản không đạt), warning (cả cảnh báo), never.",
                "Exit 1 on: error (non-compliant), warning (also failed warnings), never."),
    "max_size": ("Dung lượng tối đa mỗi tệp (MB).", "Largest file to read (MB)."),
    "timeout": ("Thời gian tối đa cho mỗi tệp (giây, 0 = không giới hạn).",
                "Time limit per file (seconds, 0 = none)."),
    "cache": ("Dùng lại kết quả của tệp không đổi.", "Reuse results of unchanged files."),
    "cache_dir": ("Thư mục bộ nhớ đệm.", "Cache folder."),
    "no_progress": ("Không hiện thanh tiến độ.", "Hide the progress bar."),
    "write": ("Ghi đè bản schema kèm theo gói.", "Rewrite the schema shipped in the package."),
    "check_schema": ("Báo lỗi nếu bản schema kèm theo đã cũ.",
                     "Fail if the shipped schema is out of date."),
}


# click >= 8.2 raises this for a bare `validate`; it prints the help itself.
_NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


class UserError(Exception):
    """A problem the user can fix, already worded in their language; exit status 2."""


def _t(lang: str, key: str, **values: object) -> str:
    vi, en = _MESSAGES[key]
    return (en if lang == "en" else vi).format(**values)


def _h(key: str) -> str:
    return _HELP[key][0]


def _say(message: str) -> None:
    click.echo(message, err=True)


def _argv_lang(argv: Sequence[str]) -> Lang | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    return None


def _read_settings() -> LoadedSettings | ConfigError:
    try:
        return load_settings()
    except ConfigError as exc:
        return exc


def _localize_help(command: click.Command, lang: Lang) -> None:
    """Swap the help texts to `lang` (they are written in Vietnamese)."""
    index = 0 if lang == "vi" else 1
    key = "cli" if command.name == "validate" else command.name
    if key in _HELP:
        command.help = _HELP[key][index]
    for param in command.params:
        help_key = "rules_paths" if param.name == "rules" else param.name
        if isinstance(param, click.Option) and help_key in _HELP:
            param.help = _HELP[help_key][index]
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
        settings = self.settings = _read_settings()
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
            _say(exc.ctx.get_usage())
        _say(_t(lang, "usage", error=exc.format_message()))
        _say(_t(lang, "help_hint", prog="validate"))
        return EXIT_USAGE
    except click.ClickException as exc:
        _say(exc.format_message())
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt):
        _say(_t(lang, "interrupted"))
        return 130
    except BrokenPipeError:  # `validate ... | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except UserError as exc:
        _say(f"validate: {exc}")
        return EXIT_USAGE
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc()
        _say(_t(lang, "internal", error=f"{type(exc).__name__}: {exc}"))
        return EXIT_USAGE
    return result if isinstance(result, int) else 0


@click.group(
    cls=ValidateGroup,
    name="validate",
    help=_h("cli"),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="validate")
@click.pass_context
def cli(ctx: click.Context) -> None:
    group = ctx.command
    assert isinstance(group, ValidateGroup)
    if isinstance(group.settings, ConfigError):
        raise UserError(_t(group.lang, "config_error", error=group.settings))
    ctx.default_map = group.settings.default_map()


def main() -> None:
    """Entry point of the `validate` console script."""
    cli.main(prog_name="validate")


# ---------------------------------------------------------------------- shared parts


def _split_ids(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _load_rules(paths: Sequence[str], select: Sequence[str], ignore: Sequence[str],
                lang: str) -> Any:
    from validator.engine import PackError, load_rules

    try:
        return load_rules(tuple(paths), tuple(select), tuple(ignore))
    except PackError as exc:
        raise UserError(_t(lang, "pack_error", error=exc)) from exc


def _discover(paths: Sequence[str], lang: str) -> list[str]:
    try:
        return discover(paths)
    except MissingPathError as exc:
        raise UserError(_t(lang, "missing_path", path=exc.path)) from exc


@contextlib.contextmanager
def _output(path: str | None, lang: str) -> Iterator[TextIO]:
    if path is None:
        stream = sys.stdout
        if (stream.encoding or "").lower().replace("-", "") != "utf8":
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        yield stream
        stream.flush()
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise UserError(_t(lang, "output_error", path=path, error=exc.strerror)) from exc
    with handle:
        yield handle


def _max_bytes(max_size_mb: float | None) -> int | None:
    return int(max_size_mb * _MIB) if max_size_mb else None


def _options(ocr: str, max_size: float | None, level: str | None) -> Any:
    from validator.pipeline import Options

    values: dict[str, Any] = {"ocr": ocr, "level": level}
    if (limit := _max_bytes(max_size)) is not None:
        values["max_bytes"] = limit
    return Options(**values)


def _rule_option_decorators() -> list[Callable[[Any], Any]]:
    return [
        click.option("--rules", "rules", multiple=True, metavar="PATH",
                     type=click.Path(exists=True), help=_h("rules_paths")),
        click.option("--select", multiple=True, metavar="IDS", help=_h("select")),
        click.option("--ignore", multiple=True, metavar="IDS", help=_h("ignore")),
        click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help=_h("lang")),
    ]


def rule_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for decorator in reversed(_rule_option_decorators()):
        function = decorator(function)
    return function


# --------------------------------------------------------------------------- check


def _wants_colour(output: str | None, output_format: str) -> bool:
    return (
        output is None
        and output_format == "text"
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )


@cli.command("check", help=_h("check"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(list(FORMATTERS)),
              default="text", show_default=True, help=_h("output_format"))
@click.option("--output", "-o", metavar="FILE", type=click.Path(dir_okay=False),
              help=_h("output"))
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help=_h("jobs"))
@rule_options
@click.option("--level", type=click.Choice(["province", "district", "commune"]),
              help=_h("level"))
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help=_h("ocr"))
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help=_h("fail_on"))
@click.option("--max-size", type=click.FloatRange(min=0, min_open=True), metavar="MB",
              help=_h("max_size"))
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help=_h("timeout"))
@click.option("--cache/--no-cache", default=False, show_default=True, help=_h("cache"))
@click.option("--cache-dir", type=click.Path(file_okay=False), help=_h("cache_dir"))
@click.option("--no-progress", is_flag=True, help=_h("no_progress"))
@click.pass_context
def check_command(ctx: click.Context, paths: tuple[str, ...], output_format: str,
                  output: str | None, jobs: int, rules: tuple[str, ...],
                  select: tuple[str, ...], ignore: tuple[str, ...], lang: Lang | None,
                  level: str | None, ocr: str, fail_on: FailOn, max_size: float | None,
                  timeout: float, cache: bool, cache_dir: str | None, no_progress: bool) -> None:
    lang = lang or "vi"
    documents = _discover(paths, lang)
    selected, ignored = _split_ids(select), _split_ids(ignore)
    ruleset = _load_rules(rules, selected, ignored, lang)
    factory = PipelineFactory(
        options=_options(ocr, max_size, level),
        lang=lang,
        rule_paths=tuple(rules),
        select=selected,
        ignore=ignored,
        cache_dir=str(Path(cache_dir) if cache_dir else default_cache_dir()) if cache else None,
    )
    batch = Batch(factory, jobs or os.cpu_count() or 1, timeout)
    run = RunInfo(
        tool=Tool(name=TOOL_NAME, version=__version__),
        rules=tuple(RuleInfo.from_rule(rule) for rule in ruleset.rules),
        lang=lang,
        color=_wants_colour(output, output_format),
    )
    if not documents:
        _say(_t(lang, "no_documents"))
    show_progress = not no_progress and sys.stderr.isatty() and bool(documents)
    with (
        _output(output, lang) as out,
        contextlib.closing(batch.run(documents)) as reports,  # stops the workers on any exit
        tqdm(total=len(documents), file=sys.stderr, disable=not show_progress, leave=False,
             unit="", desc=_t(lang, "progress"), dynamic_ncols=True) as progress,
    ):
        try:
            tally = write_report(reports, FORMATTERS[output_format](out, run), progress)
        except BatchError as exc:
            raise UserError(_t(lang, "worker_error", error=exc)) from exc
    if cache:
        _say(_t(lang, "cache_stats", cached=batch.stats.cached, checked=batch.stats.checked))
    ctx.exit(tally.exit_status(fail_on))


# ------------------------------------------------------------------------- inspect


@cli.command("inspect", help=_h("inspect"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help=_h("output_format"))
@click.option("--output", "-o", metavar="FILE", type=click.Path(dir_okay=False),
              help=_h("output"))
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help=_h("ocr"))
@click.option("--max-size", type=click.FloatRange(min=0, min_open=True), metavar="MB",
              help=_h("max_size"))
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help=_h("lang"))
def inspect_command(paths: tuple[str, ...], output_format: str, output: str | None, ocr: str,
                    max_size: float | None, lang: Lang | None) -> None:
    from validator.pipeline import inspect_file
    from validator.report.inspect import write_inspect_json, write_inspect_text

    lang = lang or "vi"
    options = _options(ocr, max_size, None)
    entries = (inspect_file(path, options) for path in _discover(paths, lang))
    writer = write_inspect_json if output_format == "json" else write_inspect_text
    with _output(output, lang) as out:
        writer(entries, out)


# --------------------------------------------------------------------------- rules


def _merged(ctx: click.Context, name: str, value: Any) -> Any:
    """A rules option given to `explain`, else the one given to `rules` before it."""
    if value not in (None, ()):
        return value
    parent = ctx.parent.params if ctx.parent is not None else {}
    return parent.get(name) or value


@cli.group("rules", invoke_without_command=True, help=_h("rules"))
@rule_options
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help=_h("output_format"))
@click.pass_context
def rules_command(ctx: click.Context, rules: tuple[str, ...], select: tuple[str, ...],
                  ignore: tuple[str, ...], lang: Lang | None, output_format: str) -> None:
    if ctx.invoked_subcommand is not None:
        return
    lang = lang or "vi"
    ruleset = _load_rules(rules, _split_ids(select), _split_ids(ignore), lang)
    infos = [RuleInfo.from_rule(rule) for rule in ruleset.rules]
    if output_format == "json":
        from validator.report.rules import rules_json

        click.echo(rules_json(infos, str(ruleset.version)))
        return
    for info in infos:
        severity = label(f"severity.{info.severity}", lang)
        click.echo(f"{info.id:<12} {severity:<10} {info.title(lang)}  [{info.source}]")


@rules_command.command("explain", help=_h("explain"))
@click.argument("rule_id")
@rule_options
@click.pass_context
def explain_command(ctx: click.Context, rule_id: str, rules: tuple[str, ...],
                    select: tuple[str, ...], ignore: tuple[str, ...], lang: Lang | None) -> None:
    from validator.engine import explain

    lang = _merged(ctx, "lang", lang) or "vi"
    ruleset = _load_rules(
        _merged(ctx, "rules", rules),
        _split_ids(_merged(ctx, "select", select)),
        _split_ids(_merged(ctx, "ignore", ignore)),
        lang,
    )
    wanted = rule_id.strip().upper()
    for rule in ruleset.rules:
        if rule.id.upper() == wanted:
            click.echo(explain(rule))
            return
    raise UserError(_t(lang, "unknown_rule", rule_id=rule_id))


# -------------------------------------------------------------------------- schema


@cli.command("schema", help=_h("schema"))
@click.option("--output", "-o", metavar="FILE", type=click.Path(dir_okay=False),
              help=_h("output"))
@click.option("--write", is_flag=True, help=_h("write"))
@click.option("--check", "check_schema", is_flag=True, help=_h("check_schema"))
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help=_h("lang"))
@click.pass_context
def schema_command(ctx: click.Context, output: str | None, write: bool, check_schema: bool,
                   lang: Lang | None) -> None:
    from validator.schema import SCHEMA_PATH, schema_text, shipped_schema_text

    lang = lang or "vi"
    text = schema_text()
    if check_schema:
        if shipped_schema_text() != text:
            _say(_t(lang, "schema_stale"))
            ctx.exit(1)
        return
    if write:
        SCHEMA_PATH.write_text(text, encoding="utf-8")
        _say(_t(lang, "schema_written", path=SCHEMA_PATH))
        return
    with _output(output, lang) as out:
        out.write(text)
