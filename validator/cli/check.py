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
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from validator.batch import Batch, BatchError, PipelineFactory, signals
from validator.cache import default_cache_dir
from validator.cli.app import ValidateGroup, cli
from validator.cli.common import (
    config_option,
    discover_paths,
    load_ruleset,
    output_stream,
    read_options,
    rule_options,
    split_ids,
    tool_info,
)
from validator.cli.messages import UserError, help_text, say, tr
from validator.config import LoadedSettings
from validator.dossier import Dossiers
from validator.report import write_report
from validator.report.formatters import FORMATTERS
from validator.report.formatters.base import RuleInfo, RunInfo
from validator.report.labels import Lang
from validator.report.summary import FailOn


def _wants_colour(output: str | None, output_format: str) -> bool:
    return (
        output is None
        and output_format == "text"
        and sys.stdout is not None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )


def run_settings(ctx: click.Context) -> LoadedSettings:
    """The settings the group loaded (validated already: an error stopped the run)."""
    group = ctx.find_root().command
    settings = group.settings if isinstance(group, ValidateGroup) else None
    return settings if isinstance(settings, LoadedSettings) else LoadedSettings.empty()


@cli.command("check", help=help_text("check"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(list(FORMATTERS)),
              default="text", show_default=True, help=help_text("output_format"))
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
@click.option("--cache/--no-cache", default=False, show_default=True, help=help_text("cache"))
@click.option("--cache-dir", type=click.Path(file_okay=False), help=help_text("cache_dir"))
@click.option("--no-progress", is_flag=True, help=help_text("no_progress"))
@config_option
@click.pass_context
def check_command(ctx: click.Context, paths: tuple[str, ...], output_format: str,
                  output: str | None, jobs: int, rules: tuple[str, ...],
                  select: tuple[str, ...], ignore: tuple[str, ...], lang: Lang | None,
                  exclude: tuple[str, ...], dossiers: bool, level: str | None, ocr: str,
                  fail_on: FailOn, max_size: float | None, timeout: float, cache: bool,
                  cache_dir: str | None, no_progress: bool) -> None:
    lang = lang or "vi"
    settings = run_settings(ctx)
    limits = settings.limits()
    with signals.stoppable():
        found = discover_paths(paths, lang, exclude, dossiers, output)
        selected, ignored = split_ids(select), split_ids(ignore)
        ruleset = load_ruleset(rules, selected, ignored, lang)
        factory = PipelineFactory(
            options=read_options(ocr, max_size, level, limits),
            lang=lang,
            rule_paths=tuple(rules),
            select=selected,
            ignore=ignored,
            cache_dir=_cache_folder(cache_dir) if cache else None,
        )
        batch = Batch(factory, jobs or os.cpu_count() or 1, timeout, memory_mb=limits.memory_mb)
        run = RunInfo(
            tool=tool_info(ruleset, settings.path),
            rules=tuple(RuleInfo.from_rule(rule) for rule in ruleset.rules),
            lang=lang,
            color=_wants_colour(output, output_format),
        )
        if not found.inputs:
            say(tr(lang, "no_documents"))
        status = _run(batch, found.inputs, run, ruleset, output, output_format, fail_on,
                      show_progress=not no_progress and bool(found.inputs))
    if cache:
        say(tr(lang, "cache_stats", cached=batch.stats.cached, checked=batch.stats.checked))
    ctx.exit(status)


def _run(batch: Batch, inputs: list[Any], run: RunInfo, ruleset: Any, output: str | None,
         output_format: str, fail_on: FailOn, show_progress: bool) -> int:
    """Check `inputs` and write the report; the exit status."""
    lang = run.lang
    dossiers = Dossiers(ruleset.rules, lang)
    with (
        output_stream(output, lang) as out,
        contextlib.closing(batch.run(inputs)) as reports,  # stops the workers on any exit
        tqdm(total=len(inputs), file=sys.stderr, leave=False, unit="", dynamic_ncols=True,
             disable=not (show_progress and sys.stderr.isatty()),
             desc=tr(lang, "progress")) as progress,
        signals.deferred(),  # a stop is taken between two reports, never inside one
    ):
        try:
            tally = write_report(dossiers.group(reports), FORMATTERS[output_format](out, run),
                                 progress, dossiers.summaries)
        except BatchError as exc:
            raise UserError(tr(lang, "worker_error", error=exc)) from exc
    return tally.exit_status(fail_on)


def _cache_folder(cache_dir: str | None) -> str:
    return str(Path(cache_dir) if cache_dir else default_cache_dir())
