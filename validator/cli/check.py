"""`validate PATH...`: check files, folders and globs."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click
from tqdm import tqdm

from validator import __version__
from validator.batch import Batch, BatchError, PipelineFactory
from validator.cache import default_cache_dir
from validator.cli.app import cli
from validator.cli.common import (
    discover_paths,
    load_ruleset,
    output_stream,
    read_options,
    rule_options,
    split_ids,
)
from validator.cli.messages import UserError, help_text, say, tr
from validator.model import Tool
from validator.report import write_report
from validator.report.formatters import FORMATTERS
from validator.report.formatters.base import RuleInfo, RunInfo
from validator.report.labels import Lang
from validator.report.summary import FailOn

TOOL_NAME = "validator"
DEBUG_ENV = "VALIDATOR_DEBUG"
_MIB = 1024 * 1024

# --------------------------------------------------------------------------- check


def _wants_colour(output: str | None, output_format: str) -> bool:
    return (
        output is None
        and output_format == "text"
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )


@cli.command("check", help=help_text("check"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(list(FORMATTERS)),
              default="text", show_default=True, help=help_text("output_format"))
@click.option("--output", "-o", metavar="FILE", type=click.Path(dir_okay=False),
              help=help_text("output"))
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help=help_text("jobs"))
@rule_options
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
@click.pass_context
def check_command(ctx: click.Context, paths: tuple[str, ...], output_format: str,
                  output: str | None, jobs: int, rules: tuple[str, ...],
                  select: tuple[str, ...], ignore: tuple[str, ...], lang: Lang | None,
                  level: str | None, ocr: str, fail_on: FailOn, max_size: float | None,
                  timeout: float, cache: bool, cache_dir: str | None, no_progress: bool) -> None:
    lang = lang or "vi"
    documents = discover_paths(paths, lang)
    selected, ignored = split_ids(select), split_ids(ignore)
    ruleset = load_ruleset(rules, selected, ignored, lang)
    factory = PipelineFactory(
        options=read_options(ocr, max_size, level),
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
        say(tr(lang, "no_documents"))
    show_progress = not no_progress and sys.stderr.isatty() and bool(documents)
    with (
        output_stream(output, lang) as out,
        contextlib.closing(batch.run(documents)) as reports,  # stops the workers on any exit
        tqdm(total=len(documents), file=sys.stderr, disable=not show_progress, leave=False,
             unit="", desc=tr(lang, "progress"), dynamic_ncols=True) as progress,
    ):
        try:
            tally = write_report(reports, FORMATTERS[output_format](out, run), progress)
        except BatchError as exc:
            raise UserError(tr(lang, "worker_error", error=exc)) from exc
    if cache:
        say(tr(lang, "cache_stats", cached=batch.stats.cached, checked=batch.stats.checked))
    ctx.exit(tally.exit_status(fail_on))
