"""The program's own words in one language at a time, through gettext.

Messages are written in English in the code (`_("Compliant")`) and translated by the
Vietnamese catalogue `locale/vi/LC_MESSAGES/validator.po`, compiled to the `.mo` shipped in the
package; English is the catalogue's fallback. `scripts/update_catalogue.py` extracts the
messages (Python, templates and click's own strings) and compiles the catalogue.

What documents and rule packs say (rule titles, reading notes, error messages) is data that
already carries its Vietnamese and English; this module is for the program's words only.

    _ = gettext_for(lang)
    ngettext = ngettext_for(lang)
    _("Compliant"), ngettext("{count} document", "{count} documents", n).format(count=n)
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Callable
from pathlib import Path
from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
DOMAIN = "validator"
LOCALE_DIR = Path(__file__).parent / "locale"


def N_(message: str) -> str:
    """Marks `message` for the catalogue where it is defined; translated where it is shown."""
    return message


def as_lang(value: str | None) -> Lang:
    """`value` as a supported language; Vietnamese unless it asks for English."""
    return "en" if value == "en" else "vi"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang`; for English (or a missing catalogue) the messages as written."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[as_lang(lang)], fallback=True)


def gettext_for(lang: str) -> Callable[[str], str]:
    return translations(lang).gettext


def ngettext_for(lang: str) -> Callable[[str, str, int], str]:
    return translations(lang).ngettext
