"""`validate PATH...`: check files, folders, globs and ZIP archives.

The run, step by step: discover the inputs (litter and `--exclude` left out, an output file
that is also an input refused), load the rules, check the inputs in the worker pool, judge
dossiers, and stream every entry to the chosen format as it arrives. Ctrl-C or SIGTERM stops
the workers and still writes a well-formed report of what was finished (exit 130 / 143).
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from validator.batch import (
    EXECUTORS,
    Batch,
    BatchError,
    Executor,
    ExecutorKind,
    Input,
    PipelineFactory,
    end_of_startup,
    make_executor,
    signals,
)
from validator.cache import default_cache_dir
from validator.cli.app import cli, run_settings, settings_file
from validator.cli.common import (
    config_option,
    discover_paths,
    load_ruleset,
    output_stream,
    read_options,
    rule_options,
    split_ids,
)
from validator.cli.messages import UserError, help_text, say, tr
from validator.dossier import Dossiers
from validator.i18n import Lang
from validator.report import write_report
from validator.report.formatters import FORMATTERS, format_for_path
from validator.report.formatters.base import FormatterFactory, RunInfo
from validator.report.run import run_info
from validator.report.summary import FailOn, Tally, statistics_text
from validator.report.view import needs_attention

# A command that runs the same check with its own formatter (`validate reply`) puts the
# formatter's factory in the context's meta under this key.
FORMATTER_KEY = "validator.formatter"
_HUMAN_FORMATS = frozenset({"text", "line"})  # --statistics goes on their stream, else stderr


def _chosen_format(ctx: click.Context, given: str | None, output: str | None) -> str:
    """--format when typed; else the extension of --output (`-o r.xlsx`); else the settings
    file's format; else text."""
    typed = ctx.get_parameter_source("output_format") == click.core.ParameterSource.COMMANDLINE
    if given is not None and typed:
        return given
    return format_for_path(output) or given or "text"


def _statistics(tally: Tally, run: RunInfo, lang: Lang) -> str:
    return tr(lang, "statistics") + "\n" + statistics_text(tally, run.rules, lang)


def _wants_colour(output: str | None, output_format: str) -> bool:
    return (
        output is None
        and output_format == "text"
        and sys.stdout is not None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )


@cli.command("check", help=help_text("check"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(list(FORMATTERS)),
              default=None, help=help_text("output_format"))
@click.option("--output", "-o", metavar="FILE", type=click.Path(dir_okay=False),
              help=help_text("output"))
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help=help_text("jobs"))
@rule_options
@click.option("--exclude", multiple=True, metavar="GLOB", help=help_text("exclude"))
@click.option("--dossiers", is_flag=True, default=False, help=help_text("dossiers"))
@click.option("--level", type=click.Choice(["province", "district", "commune"]),
              help=help_text("level"))
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help=help_text("ocr"))
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help=help_text("fail_on"))
@click.option("--max-size", type=click.FloatRange(min=0, min_open=True), metavar="MB",
              help=help_text("max_size"))
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help=help_text("timeout"))
@click.option("--executor", type=click.Choice(EXECUTORS), default="local", show_default=True,
              help=help_text("executor"))
@click.option("--scheduler", metavar="ADDRESS", help=help_text("scheduler"))
@click.option("--cache/--no-cache", default=False, show_default=True, help=help_text("cache"))
@click.option("--cache-dir", type=click.Path(file_okay=False), help=help_text("cache_dir"))
@click.option("--no-progress", is_flag=True, help=help_text("no_progress"))
@click.option("--quiet", "-q", is_flag=True, help=help_text("quiet"))
@click.option("--statistics", is_flag=True, help=help_text("statistics"))
@config_option
@click.pass_context
def check_command(ctx: click.Context, paths: tuple[str, ...], output_format: str | None,
                  output: str | None, jobs: int, rules: tuple[str, ...],
                  select: tuple[str, ...], ignore: tuple[str, ...], lang: Lang | None,
                  exclude: tuple[str, ...], dossiers: bool, level: str | None, ocr: str,
                  fail_on: FailOn, max_size: float | None, timeout: float,
                  executor: ExecutorKind, scheduler: str | None, cache: bool,
                  cache_dir: str | None, no_progress: bool, quiet: bool,
                  statistics: bool) -> None:
    lang = lang or "vi"
    output_format = _chosen_format(ctx, output_format, output)
    formatter = ctx.meta.get(FORMATTER_KEY) or FORMATTERS[output_format]
    if formatter.binary and output is None and sys.stdout is not None and sys.stdout.isatty():
        raise UserError(tr(lang, "binary_to_terminal", format=output_format))
    limits = run_settings(ctx).limits()
    with signals.stoppable():
        found = discover_paths(paths, lang, exclude, dossiers, output)
        selected, ignored = split_ids(select), split_ids(ignore)
        ruleset = load_ruleset(rules, selected, ignored, lang)
        options = read_options(ocr, max_size, level, limits)
        factory = PipelineFactory(
            options=options,
            lang=lang,
            rule_paths=tuple(rules),
            select=selected,
            ignore=ignored,
            cache_dir=_cache_folder(cache_dir) if cache else None,
        )
        try:
            batch = make_executor(
                "dask" if scheduler else executor, factory, jobs=jobs or os.cpu_count() or 1,
                timeout=timeout, memory_mb=limits.memory_mb, inputs=len(found.inputs),
                scheduler=scheduler, max_bytes=options.limits.max_bytes)
        except BatchError as exc:
            raise UserError(tr(lang, "worker_error", error=exc)) from exc
        if isinstance(batch, Batch):
            factory.warm()  # once here, for every worker forked from this process
        end_of_startup()
        run = run_info(ruleset, lang, color=_wants_colour(output, output_format),
                       settings=settings_file(ctx))
        if not found.inputs:
            say(tr(lang, "no_documents"))
        tally = _run(batch, found.inputs, _Output(output, formatter, output_format), run,
                     ruleset, quiet=quiet, statistics=statistics,
                     show_progress=not no_progress and bool(found.inputs))
    if statistics and output_format not in _HUMAN_FORMATS:
        say(_statistics(tally, run, lang))
    if cache:
        say(tr(lang, "cache_stats", cached=batch.stats.cached, checked=batch.stats.checked))
    ctx.exit(tally.exit_status(fail_on))


class _Progress(tqdm):  # type: ignore[type-arg]
    """No monitor thread: worker processes are forked from a process with one thread only."""

    monitor_interval = 0


@dataclass(frozen=True)
class _Output:
    path: str | None
    formatter: FormatterFactory
    format: str


def _run(batch: Executor, inputs: list[Input], output: _Output, run: RunInfo, ruleset: Any,
         quiet: bool, statistics: bool, show_progress: bool) -> Tally:
    """Check `inputs` and write the report as the entries come; the totals."""
    lang = run.lang
    dossiers = Dossiers(ruleset.rules, lang)
    with (
        output_stream(output.path, lang, binary=output.formatter.binary) as out,
        contextlib.closing(batch.run(inputs)) as reports,  # stops the workers on any exit
        _Progress(total=len(inputs), file=sys.stderr, leave=False, unit="", dynamic_ncols=True,
             disable=not (show_progress and sys.stderr.isatty()),
             desc=tr(lang, "progress")) as progress,
        signals.deferred(),  # a stop is taken between two reports, never inside one
    ):
        try:
            tally = write_report(dossiers.group(reports), output.formatter(out, run), progress,
                                 keep=needs_attention if quiet else None,
                                 dossiers=dossiers.summaries)
            if statistics and output.format in _HUMAN_FORMATS:
                out.write("\n" + _statistics(tally, run, lang) + "\n")
        except BatchError as exc:
            raise UserError(tr(lang, "worker_error", error=exc)) from exc
    return tally


def _cache_folder(cache_dir: str | None) -> str:
    return str(Path(cache_dir) if cache_dir else default_cache_dir())
