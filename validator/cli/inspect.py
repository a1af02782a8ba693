"""`validate inspect`: what was read and understood, without rules."""

from __future__ import annotations

import click

from validator.cli.app import cli
from validator.cli.common import discover_paths, output_stream, read_options
from validator.cli.messages import help_text
from validator.i18n import Lang

TOOL_NAME = "validator"
DEBUG_ENV = "VALIDATOR_DEBUG"
_MIB = 1024 * 1024

# ------------------------------------------------------------------------- inspect


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
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help=help_text("lang"))
def inspect_command(paths: tuple[str, ...], output_format: str, output: str | None, ocr: str,
                    max_size: float | None, lang: Lang | None) -> None:
    from validator.pipeline import inspect_file
    from validator.report.inspect import write_inspect_json, write_inspect_text

    lang = lang or "vi"
    options = read_options(ocr, max_size, None)
    entries = (inspect_file(path, options) for path in discover_paths(paths, lang))
    writer = write_inspect_json if output_format == "json" else write_inspect_text
    with output_stream(output, lang) as out:
        writer(entries, out)
