"""`validate rules` and `validate rules explain ID`."""

from __future__ import annotations

from typing import Any

import click

from validator.cli.app import cli
from validator.cli.common import load_ruleset, rule_options, split_ids
from validator.cli.messages import UserError, help_text
from validator.i18n import Lang
from validator.report.formatters.base import RuleInfo
from validator.report.labels import severity_label

# --------------------------------------------------------------------------- rules


def _merged(ctx: click.Context, name: str, value: Any) -> Any:
    """A rules option given to `explain`, else the one given to `rules` before it."""
    if value not in (None, ()):
        return value
    parent = ctx.parent.params if ctx.parent is not None else {}
    return parent.get(name) or value


@cli.group("rules", invoke_without_command=True, help=help_text("rules"))
@rule_options
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help=help_text("output_format"))
@click.pass_context
def rules_command(ctx: click.Context, rules: tuple[str, ...], select: tuple[str, ...],
                  ignore: tuple[str, ...], lang: Lang | None, output_format: str) -> None:
    if ctx.invoked_subcommand is not None:
        return
    lang = lang or "vi"
    ruleset = load_ruleset(rules, split_ids(select), split_ids(ignore), lang)
    infos = [RuleInfo.from_rule(rule) for rule in ruleset.rules]
    if output_format == "json":
        from validator.report.rules import rules_json

        click.echo(rules_json(infos, str(ruleset.version)))
        return
    for info in infos:
        severity = severity_label(info.severity, lang)
        click.echo(f"{info.id:<12} {severity:<12} {info.title(lang)}  [{info.source}]")


@rules_command.command("explain", help=help_text("explain"))
@click.argument("rule_id")
@rule_options
@click.pass_context
def explain_command(ctx: click.Context, rule_id: str, rules: tuple[str, ...],
                    select: tuple[str, ...], ignore: tuple[str, ...], lang: Lang | None) -> None:
    from validator.engine import UnknownSelectorError, explain

    lang = _merged(ctx, "lang", lang) or "vi"
    ruleset = load_ruleset(
        _merged(ctx, "rules", rules),
        split_ids(_merged(ctx, "select", select)),
        split_ids(_merged(ctx, "ignore", ignore)),
        lang,
    )
    wanted = rule_id.strip().upper()
    for rule in ruleset.rules:
        if rule.id.upper() == wanted:
            click.echo(explain(rule, lang))
            return
    known = [rule.id for rule in ruleset.rules]
    raise UserError(UnknownSelectorError(rule_id, known).message(lang))
