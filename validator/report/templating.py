"""Jinja2 environments for the report and letter templates in `templates/`, one per language.

HTML templates (`*.html.j2`) are autoescaped, so no text from a submission can become markup;
text templates (`*.txt.j2`, the reply letters) are not, since python-docx stores text as text.
Templates say their words through gettext (`{{ _("Compliant") }}`), from the same catalogue as
the code. Each language has its own environment, so two threads rendering in two languages never
share translations.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from validator.i18n import Lang, as_lang, translations
from validator.report import labels, view
from validator.report.formatters.base import xml_safe
from validator.report.summary import totals_text


def _bound(lang: Lang) -> dict[str, Any]:
    """Helpers a template calls without passing the language each time."""
    return {
        "lang": lang,
        "verdict_label": functools.partial(labels.verdict_label, lang=lang),
        "severity_label": functools.partial(labels.severity_label, lang=lang),
        "outcome_label": functools.partial(labels.outcome_label, lang=lang),
        "doc_type_label": functools.partial(labels.doc_type_label, lang=lang),
        "level_label": functools.partial(labels.level_label, lang=lang),
        "view": view,
        "totals": functools.partial(totals_text, lang=lang),
        "stylesheet": stylesheet,
    }


STYLESHEET = "report.css"


@functools.cache
def stylesheet() -> Markup:
    """The report's CSS (templates/report.css): inline in the HTML report, which must open
    alone; served as a file by the web pages, whose policy allows no inline style."""
    css = (resources.files("validator.report") / "templates" / STYLESHEET).read_text("utf-8")
    return Markup(css)  # our own file, never a submission's text


def _finalize(value: object) -> object:
    """Every value a template prints: None as nothing, text without XML-illegal characters."""
    if value is None:
        return ""
    if isinstance(value, Markup):  # already markup (a macro's output)
        return value
    return xml_safe(str(value))


def format_datetime(value: dt.datetime | None, lang: Lang) -> str:
    if value is None:
        return ""
    return f"{value:%d/%m/%Y %H:%M}" if lang == "vi" else f"{value:%Y-%m-%d %H:%M}"


@functools.cache
def environment(lang: str) -> jinja2.Environment:
    lang = as_lang(lang)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("validator.report", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"),
                                            default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(_bound(lang))
    env.filters["datetime"] = functools.partial(format_datetime, lang=lang)
    return env


def template_module(name: str, lang: str, **values: Any) -> Any:
    """The template `name` run once, its macros callable from Python."""
    return environment(lang).get_template(name).make_module(values)
