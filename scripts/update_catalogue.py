"""Keeps the Vietnamese catalogue in step with the code, with Babel.

    .venv/bin/python scripts/update_catalogue.py          # extract, merge, compile
    .venv/bin/python scripts/update_catalogue.py --check  # fail if anything is out of step

Messages come from the validator's Python code and Jinja2 templates (`_`, `ngettext`, `N_`)
and from click's own source (its "Usage:", "Missing argument"... go through the same
catalogue). They are merged into `validator/locale/vi/LC_MESSAGES/validator.po`, keeping the
translations already there, and the catalogue is compiled to the `.mo` the package ships, so
`pip install .` needs no build step. Compiling refuses a catalogue with an untranslated or
fuzzy message.
"""

from __future__ import annotations

import argparse
import gettext
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "validator"
PO_PATH = PACKAGE / "locale" / "vi" / "LC_MESSAGES" / "validator.po"
MO_PATH = PO_PATH.with_suffix(".mo")
CLICK = Path(click.__file__).parent

_METHODS = [("**.py", "python"), ("**/templates/**.j2", "jinja2.ext:babel_extract")]
_TEMPLATE_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "True",
                     "lstrip_blocks": "True"}
_WIDTH = 100


def _extracted(folder: Path, label: str) -> Iterator[tuple[str, object, tuple[str, ...]]]:
    options = {"**/templates/**.j2": _TEMPLATE_OPTIONS}
    for filename, _line, message, comments, _context in extract_from_dir(
        folder, _METHODS, options, comment_tags=("TRANSLATORS:",)
    ):
        yield f"{label}/{filename}", message, tuple(comments)


def template() -> Catalog:
    """Every message the code, the templates and click can show."""
    catalog = Catalog(locale="vi", domain="validator", project="bhxh-validator",
                      charset="utf-8", fuzzy=False)
    for folder, label in ((PACKAGE, "validator"), (CLICK, "click")):
        for location, message, comments in _extracted(folder, label):
            catalog.add(message, None, [(location, None)], auto_comments=comments)
    return catalog


def merged(current: Catalog, fresh: Catalog) -> Catalog:
    fresh.creation_date = current.creation_date  # the header changes only with the messages
    current.update(fresh, no_fuzzy_matching=True, update_header_comment=False)
    current.obsolete.clear()
    return current


def read_catalogue(path: Path = PO_PATH) -> Catalog:
    if not path.exists():
        return Catalog(locale="vi", domain="validator", fuzzy=False)
    with path.open("rb") as handle:
        return read_po(handle, locale="vi", domain="validator")


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=_WIDTH, sort_output=True, include_lineno=False,
             ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """Messages with no translation, or a fuzzy one."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(str(message.id))
    return missing


def mo_translations(data: bytes) -> dict[object, str]:
    translations = gettext.GNUTranslations(io.BytesIO(data))
    return {k: v for k, v in translations._catalog.items() if k != ""}  # type: ignore[attr-defined]


def problems() -> list[str]:
    """What is out of step between code, catalogue and compiled catalogue."""
    found = []
    current = read_catalogue()
    fresh = merged(read_catalogue(), template())
    if po_bytes(fresh) != po_bytes(current):
        found.append(f"{PO_PATH.relative_to(ROOT)} is not up to date with the code "
                     "(run scripts/update_catalogue.py)")
    found += [f"untranslated: {message!r}" for message in untranslated(fresh)]
    shipped = MO_PATH.read_bytes() if MO_PATH.exists() else b""
    if not shipped or mo_translations(shipped) != mo_translations(mo_bytes(current)):
        found.append(f"{MO_PATH.relative_to(ROOT)} is not compiled from the catalogue")
    return found


def update() -> int:
    catalog = merged(read_catalogue(), template())
    PO_PATH.parent.mkdir(parents=True, exist_ok=True)
    PO_PATH.write_bytes(po_bytes(catalog))
    missing = untranslated(catalog)
    if missing:
        print(f"{len(missing)} messages to translate in {PO_PATH}:", file=sys.stderr)
        for message in missing:
            print(f"  {message!r}", file=sys.stderr)
        return 1
    MO_PATH.write_bytes(mo_bytes(catalog))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    args = parser.parse_args()
    if args.check:
        found = problems()
        for problem in found:
            print(problem, file=sys.stderr)
        return 1 if found else 0
    return update()


if __name__ == "__main__":
    sys.exit(main())
