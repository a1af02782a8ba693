"""`validate serve`: the web pages and HTTP API on uvicorn (SPEC section 9)."""

from __future__ import annotations

import ipaddress
import logging
import socket
from pathlib import Path

import click

from validator.batch import end_of_startup
from validator.cli.app import cli, run_settings
from validator.cli.common import (
    MIB,
    config_option,
    load_ruleset,
    max_bytes,
    reply_office,
    rule_options,
    split_ids,
)
from validator.cli.messages import UserError, help_text, say, tr
from validator.report.labels import Lang


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may well be reachable from the network


def bind(host: str, port: int, lang: str) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        raise UserError(tr(lang, "serve_bind", host=host, port=port,
                           error=exc.strerror or exc)) from exc


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@cli.command("serve", help=help_text("serve"))
@click.option("--host", default="127.0.0.1", show_default=True, help=help_text("host"))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help=help_text("port"))
@click.option("--data-dir", type=click.Path(file_okay=False), help=help_text("data_dir"))
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help=help_text("jobs"))
@rule_options
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help=help_text("ocr"))
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help=help_text("timeout"))
@click.option("--max-size", type=click.FloatRange(min=0, min_open=True), metavar="MB",
              help=help_text("max_size"))
@click.option("--max-upload", type=click.FloatRange(min=0, min_open=True), metavar="MB",
              default=200.0, show_default=True, help=help_text("max_upload"))
@click.option("--max-files", type=click.IntRange(min=1), default=500, show_default=True,
              help=help_text("max_files"))
@click.option("--keep-days", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help=help_text("keep_days"))
@config_option
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, data_dir: str | None, jobs: int,
                  rules: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...],
                  lang: Lang | None, ocr: str, timeout: float, max_size: float | None,
                  max_upload: float, max_files: int, keep_days: float) -> None:
    import uvicorn

    from validator.server import ServerSettings, create_app
    from validator.server.service import catalogue_of
    from validator.server.settings import default_data_dir, token_from_env
    from validator.server.store import Store, StoreError

    lang = lang or "vi"
    selected, ignored = split_ids(select), split_ids(ignore)
    ruleset = load_ruleset(rules, selected, ignored, lang)
    settings = ServerSettings(
        data_dir=Path(data_dir) if data_dir else default_data_dir(), jobs=jobs,
        token=token_from_env(), timeout=timeout, ocr=ocr,  # type: ignore[arg-type]
        max_request_bytes=int(max_upload * MIB), max_files=max_files, keep_days=keep_days,
        rule_paths=tuple(rules), select=selected, ignore=ignored, reply=reply_office(ctx),
        limits=run_settings(ctx).limits(),
        **({"max_file_bytes": limit} if (limit := max_bytes(max_size)) else {}),
    )
    try:
        Store(settings.database).close()
    except (OSError, StoreError) as exc:
        raise UserError(tr(lang, "serve_data", path=settings.data_dir, error=exc)) from exc
    catalogue = catalogue_of(ruleset)
    sock = bind(host, port, lang)
    if settings.token is None and not is_loopback(host):
        say(tr(lang, "serve_open", host=host))
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    say(tr(lang, "serve_listening", url=_url(sock), data_dir=settings.data_dir))
    config = uvicorn.Config(create_app(settings, catalogue=catalogue), log_level="warning")
    end_of_startup()
    with sock:
        uvicorn.Server(config).run(sockets=[sock])
