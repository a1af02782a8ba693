"""Page headers: which one Word prints on a page, and whether it says anything.

Each section names a default, a first-page and an even-page header, or inherits the one of the
section before. The first-page header is used only when the section sets `w:titlePg` (and is
blank when no section defined one); the even-page header only when settings.xml turns on
`w:evenAndOddHeaders`. A header that carries nothing but the page number is left out: Vietnamese
documents number pages in the header, and "3" at the top of page 3 is not content. A header that
carries words (the issuing body, "DỰ THẢO") is read at the top of its page.

Footers are not read: in these documents they hold page numbers, file names and print marks,
never the parts a reviewer checks, and lines at the foot of every page would break member
lists and signer blocks that cross a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.etree import _Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_KINDS = ("default", "first", "even")
_PAGE_WORDS = re.compile(r"\b(trang|page|tr)\b", re.IGNORECASE)


class Headers:
    """Follows the sections of a document body and says which header lines start a page."""

    def __init__(self, body: _Element, settings: _Element | None,
                 render: Callable[[str], list[str]]) -> None:
        self._sections = _section_properties(body)
        self._render = render
        self._cache: dict[str, list[str]] = {}
        self.even_odd = settings is not None and _on(settings.find(_W + "evenAndOddHeaders"))
        self._refs: list[dict[str, str | None]] = []
        previous: dict[str, str | None] = dict.fromkeys(_KINDS)
        for sect_pr in self._sections:
            refs = dict(previous)
            for ref in sect_pr.iterchildren(_W + "headerReference"):
                kind = ref.get(_W + "type", "default")
                if kind in refs:
                    refs[kind] = ref.get(_R_ID)
            self._refs.append(refs)
            previous = refs
        self.section = 0

    def lines(self, page: int, first_of_section: bool) -> list[str]:
        """The header lines printed at the top of `page`."""
        if not self._sections:
            return []
        index = min(self.section, len(self._sections) - 1)
        refs = self._refs[index]
        if first_of_section and _on(self._sections[index].find(_W + "titlePg")):
            ref = refs["first"]
        elif self.even_odd and page % 2 == 0:
            ref = refs["even"]
        else:
            ref = refs["default"]
        if ref is None:
            return []
        if ref not in self._cache:
            self._cache[ref] = _content(self._render(ref))
        return self._cache[ref]

    def next_section(self) -> bool:
        """Move to the next section; True when it starts on a new page."""
        self.section += 1
        if self.section >= len(self._sections):
            return False
        kind = self._sections[self.section].find(_W + "type")
        return kind is None or kind.get(_W + "val") not in ("continuous", "nextColumn")


def _section_properties(body: _Element) -> list[_Element]:
    """Section properties in order: those ending sections inside the body, then the last."""
    found = [sect for p in body.iterchildren(_W + "p")
             for sect in p.iterfind(_W + "pPr/" + _W + "sectPr")]
    last = body.find(_W + "sectPr")
    if last is not None:
        found.append(last)
    return found


def _content(lines: list[str]) -> list[str]:
    """The header's non-blank lines, or none when it only numbers the page."""
    kept = [line.strip() for line in lines if line.strip()]
    if not any(ch.isalpha() for ch in _PAGE_WORDS.sub("", " ".join(kept))):
        return []
    return kept


def _on(flag: _Element | None) -> bool:
    return flag is not None and flag.get(_W + "val") not in ("0", "false", "off")
