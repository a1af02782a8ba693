"""`validate inspect`: what was read and understood, without rules.

Files are read in a worker process with the same protections as a check (special files,
links, archives, memory) and a time limit, so a FIFO or a hostile file cannot hang it.
"""

from __future__ import annotations

import contextlib

import click

from validator.batch import Batch, BatchError, InspectFactory, end_of_startup, signals
from validator.batch.checker import inspect_error
from validator.cli.app import cli, run_settings
from validator.cli.common import config_option, discover_paths, output_stream, read_options
from validator.cli.messages import UserError, help_text, tr
from validator.i18n import Lang


@cli.command("inspect", help=help_text("inspect"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help=help_text("output_format"))
@click.option("--output", "-o", metavar="FILE", type=click.Path(dir_okay=False),
              help=help_text("output"))
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help=help_text("ocr"))
@click.option("--max-size", type=click.FloatRange(min=0, min_open=True), metavar="MB",
              help=help_text("max_size"))
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help=help_text("timeout"))
@click.option("--exclude", multiple=True, metavar="GLOB", help=help_text("exclude"))
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help=help_text("lang"))
@config_option
@click.pass_context
def inspect_command(ctx: click.Context, paths: tuple[str, ...], output_format: str,
                    output: str | None, ocr: str, max_size: float | None, timeout: float,
                    exclude: tuple[str, ...], lang: Lang | None) -> None:
    from validator.report.inspect import write_inspect_json, write_inspect_text

    lang = lang or "vi"
    limits = run_settings(ctx).limits()
    writer = write_inspect_json if output_format == "json" else write_inspect_text
    with signals.stoppable():
        found = discover_paths(paths, lang, exclude, output=output)
        factory = InspectFactory(read_options(ocr, max_size, None, limits))
        batch = Batch(factory, 1, timeout, memory_mb=limits.memory_mb, failure=inspect_error,
                      start="fork")
        factory.warm()
        end_of_startup()
        with (
            output_stream(output, lang) as out,
            contextlib.closing(batch.run(found.inputs)) as entries,
            signals.deferred(),
        ):
            try:
                writer(entries, out)
            except BatchError as exc:
                raise UserError(tr(lang, "worker_error", error=exc)) from exc
