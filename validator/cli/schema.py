"""`validate schema`: the JSON Schema of --format json."""

from __future__ import annotations

import click

from validator.cli.app import cli
from validator.cli.common import output_stream
from validator.cli.messages import help_text, say, tr
from validator.i18n import Lang

# -------------------------------------------------------------------------- schema


@cli.command("schema", help=help_text("schema"))
@click.option("--output", "-o", metavar="FILE", type=click.Path(dir_okay=False),
              help=help_text("output"))
@click.option("--write", is_flag=True, help=help_text("write"))
@click.option("--check", "check_schema", is_flag=True, help=help_text("check_schema"))
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help=help_text("lang"))
@click.pass_context
def schema_command(ctx: click.Context, output: str | None, write: bool, check_schema: bool,
                   lang: Lang | None) -> None:
    from validator.schema import SCHEMA_PATH, schema_text, shipped_schema_text

    lang = lang or "vi"
    text = schema_text()
    if check_schema:
        if shipped_schema_text() != text:
            say(tr(lang, "schema_stale"))
            ctx.exit(1)
        return
    if write:
        SCHEMA_PATH.write_text(text, encoding="utf-8")
        say(tr(lang, "schema_written", path=SCHEMA_PATH))
        return
    with output_stream(output, lang) as out:
        out.write(text)
