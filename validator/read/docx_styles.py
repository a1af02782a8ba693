"""What a Word document's styles say about numbering and fonts.

Fonts matter because legacy Vietnamese text (TCVN3, VNI) is only recognisable by the font it
is drawn in; numbering because a paragraph style can carry a list (style-linked numbering).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml.etree import _Element

_VAL = qn("w:val")


@dataclass(slots=True)
class Style:
    num_id: str | None = None
    level: int | None = None
    based_on: str | None = None
    font: str | None = None


@dataclass
class Styles:
    styles: dict[str, Style] = field(default_factory=dict)
    default_paragraph: str | None = None  # the style of a paragraph that names none
    default_font: str | None = None  # w:docDefaults

    @classmethod
    def parse(cls, root: _Element | None) -> Styles:
        found = cls()
        if root is None:
            return found
        defaults = root.find(qn("w:docDefaults"))
        if defaults is not None:
            r_pr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
            found.default_font = run_font(r_pr)
        for element in root.iterchildren(qn("w:style")):
            style_id = element.get(qn("w:styleId"))
            if style_id is None:
                continue
            style = Style()
            based = element.find(qn("w:basedOn"))
            style.based_on = based.get(_VAL) if based is not None else None
            p_pr = element.find(qn("w:pPr"))
            num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
            if num_pr is not None:
                style.num_id, style.level = num_pr_values(num_pr)
            style.font = run_font(element.find(qn("w:rPr")))
            found.styles[style_id] = style
            if (element.get(qn("w:type")) == "paragraph"
                    and element.get(qn("w:default")) in ("1", "true", "on")):
                found.default_paragraph = style_id
        return found

    def chain(self, style_id: str | None) -> Iterator[Style]:
        """The style and the styles it is based on, nearest first (loops cut)."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def paragraph_font(self, style_id: str | None) -> str | None:
        """The font of a paragraph's text before its runs say otherwise."""
        for style in self.chain(style_id or self.default_paragraph):
            if style.font:
                return style.font
        return self.default_font

    def character_font(self, style_id: str | None) -> str | None:
        for style in self.chain(style_id):
            if style.font:
                return style.font
        return None


def run_font(r_pr: _Element | None) -> str | None:
    """The font run properties name for ordinary (ASCII and Latin) text."""
    if r_pr is None:
        return None
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        return None
    return fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))


def num_pr_values(num_pr: _Element) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a `w:numPr`, each None when absent."""
    num_id = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    return (
        num_id.get(_VAL) if num_id is not None else None,
        to_int(ilvl.get(_VAL)) if ilvl is not None else None,
    )


def to_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
