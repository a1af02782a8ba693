"""`validate reply PATH... --output-dir DIR`: a draft reply letter (DOCX) for every
non-compliant document (SPEC section 7).

It is `validate check` with the letter writer as its formatter: the same options, discovery,
worker pool, cache and exit status; the letters go to DIR and the list of them to the screen.
The reviewing office comes from the `[reply]` table of the settings file.
"""

from __future__ import annotations

from typing import Any

import click

from validator.cli.app import cli
from validator.cli.check import FORMATTER_KEY, check_command
from validator.cli.common import reply_office
from validator.cli.messages import help_text
from validator.config import ReplySettings

# check's options that make no sense for letters
_NOT_FOR_LETTERS = frozenset({"output_format", "output", "quiet", "statistics"})


@click.pass_context
def _reply(ctx: click.Context, output_dir: str, **options: Any) -> None:
    ctx.meta[FORMATTER_KEY] = _LetterFactory(output_dir, reply_office(ctx))
    ctx.invoke(check_command, **options)


class _LetterFactory:
    """What check calls to make its formatter: a LetterWriter into `folder`."""

    binary = False

    def __init__(self, folder: str, office: ReplySettings) -> None:
        self.folder, self.office = folder, office

    def __call__(self, out: Any, run: Any) -> Any:
        from validator.report.reply import LetterWriter  # python-docx: only for letters

        return LetterWriter(out, run, folder=self.folder, office=self.office)


reply_command = cli.command(
    "reply",
    help=help_text("reply"),
    params=[
        *(param for param in check_command.params if param.name not in _NOT_FOR_LETTERS),
        click.Option(["--output-dir", "-d"], required=True, metavar="DIRECTORY",
                     type=click.Path(file_okay=False), help=help_text("output_dir")),
    ],
)(_reply)
