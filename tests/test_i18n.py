"""The catalogue: in step with the code, complete, and used one language at a time."""

from __future__ import annotations

import gettext

from script_loader import load_script

from validator.i18n import LOCALE_DIR, gettext_for, ngettext_for, translations

catalogue = load_script("scripts/update_catalogue.py", "update_catalogue")


def test_the_catalogue_is_in_step_with_the_code_and_compiled() -> None:
    assert catalogue.problems() == []


def test_every_message_is_translated() -> None:
    assert catalogue.untranslated(catalogue.read_catalogue()) == []


def test_the_shipped_catalogue_is_inside_the_package() -> None:
    assert (LOCALE_DIR / "vi" / "LC_MESSAGES" / "validator.mo").is_file()
    assert isinstance(translations("vi"), gettext.GNUTranslations)


def test_vietnamese_by_default_english_as_written() -> None:
    assert gettext_for("vi")("To fix") == "Phải sửa"
    assert gettext_for("en")("To fix") == "To fix"
    assert gettext_for("fr")("To fix") == "Phải sửa"  # anything else is the default language


def test_plurals() -> None:
    en, vi = ngettext_for("en"), ngettext_for("vi")
    assert en("{count} document", "{count} documents", 1).format(count=1) == "1 document"
    assert en("{count} document", "{count} documents", 2).format(count=2) == "2 documents"
    assert vi("{count} document", "{count} documents", 1).format(count=1) == "1 văn bản"
    assert vi("{count} document", "{count} documents", 7).format(count=7) == "7 văn bản"


def test_click_messages_are_in_the_catalogue() -> None:
    vi = gettext_for("vi")
    for message in ("Usage:", "Options", "Show this message and exit.", "Missing argument",
                    "No such option {name!r}."):
        assert vi(message) != message
