"""The text of one Word paragraph as Word shows it, with tracked changes accepted.

- inserted and moved-to text counts; deleted and moved-from text does not;
- a field shows its cached result (between `separate` and `end`), never its instruction;
- content controls show their content, unless Word is showing the placeholder prompt;
- hidden runs (`w:vanish`) are not shown;
- text boxes (`w:txbxContent`, DrawingML or VML, one branch of `mc:AlternateContent`) are
  handed back as blocks for the caller to read after the paragraph;
- a page break (typed, or rendered by Word when it last laid the document out) is `PAGE`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.etree import _Element

from validator.read import legacy
from validator.read.docx_styles import Styles

PAGE = "\f"  # a page break inside the paragraph's text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_V = "{urn:schemas-microsoft-com:vml}"
_VAL = _W + "val"

# Containers whose children are read as if they stood in the paragraph itself.
_TRANSPARENT = frozenset(_W + tag for tag in (
    "hyperlink", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo",
))
_CHANGES = frozenset(_W + tag for tag in ("ins", "del", "moveFrom", "moveTo"))
_DROPPED = frozenset(_W + tag for tag in ("del", "moveFrom"))
_PAGE_FIELDS = ("PAGE", "NUMPAGES", "SECTIONPAGES")
_TEXT_HOLDERS = (_W + "txbxContent", _V + "textpath")


@dataclass
class Changes:
    """Tracked changes met while reading, for the reading note."""

    count: int = 0
    first_page: int | None = None

    def saw(self, page: int) -> None:
        self.count += 1
        if self.first_page is None:
            self.first_page = page


@dataclass
class Paragraph:
    text: str
    boxes: list[_Element]
    mark_deleted: bool = False


@dataclass
class InlineReader:
    """Reads paragraphs one after another; a field may run across paragraphs."""

    styles: Styles
    changes: Changes = field(default_factory=Changes)
    page: int = 1  # where the reader is, for the tracked-changes note
    encoding: str = "unicode"
    skip_page_fields: bool = False  # a page header's page number is not content
    _fields: list[list] = field(default_factory=list)  # [instruction, in_result]

    def paragraph(self, p: _Element) -> Paragraph:
        p_pr = p.find(_W + "pPr")
        style_id = None
        mark_deleted = False
        if p_pr is not None:
            style = p_pr.find(_W + "pStyle")
            style_id = style.get(_VAL) if style is not None else None
            mark = p_pr.find(_W + "rPr")
            if mark is not None:
                for change in mark.iterchildren(_W + "ins", _W + "del"):
                    self.changes.saw(self.page)
                    mark_deleted = mark_deleted or change.tag == _W + "del"
        style_font = self.styles.paragraph_font(style_id)
        parts: list[str] = []
        boxes: list[_Element] = []
        self._children(p, parts, boxes, style_font)
        return Paragraph("".join(parts), boxes, mark_deleted)

    def _children(self, parent: _Element, parts: list[str], boxes: list[_Element],
                  style_font: str | None) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _W + "r":
                self._run(child, parts, boxes, style_font)
            elif tag in _TRANSPARENT:
                if tag in _CHANGES:
                    self.changes.saw(self.page)
                self._children(child, parts, boxes, style_font)
            elif tag in _DROPPED:
                self.changes.saw(self.page)
            elif tag == _W + "sdt":
                content = sdt_content(child)
                if content is not None:
                    self._children(content, parts, boxes, style_font)
            elif tag == _W + "fldSimple":
                instruction = (child.get(_W + "instr") or "").strip().upper()
                if not (self.skip_page_fields and instruction.startswith(_PAGE_FIELDS)):
                    self._children(child, parts, boxes, style_font)
            elif tag == _MC + "AlternateContent":
                self._children(_alternate(child), parts, boxes, style_font)

    def _run(self, run: _Element, parts: list[str], boxes: list[_Element],
             style_font: str | None) -> None:
        r_pr = run.find(_W + "rPr")
        font = style_font
        hidden = False
        if r_pr is not None:
            hidden = _on(r_pr.find(_W + "vanish"))
            fonts = r_pr.find(_W + "rFonts")
            if fonts is not None:
                font = fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi") or font
            else:
                char_style = r_pr.find(_W + "rStyle")
                if char_style is not None:
                    font = self.styles.character_font(char_style.get(_VAL)) or font
        encoding, capitals = legacy.encoding_from_font(font)
        text: list[str] = []
        for child in run.iterchildren():
            tag = child.tag
            if tag == _W + "t":
                if not hidden and self._visible():
                    text.append(child.text or "")
            elif tag == _W + "fldChar":
                self._field_char(child.get(_W + "fldCharType"))
            elif tag == _W + "instrText":
                if self._fields and not self._fields[-1][1]:
                    self._fields[-1][0] += child.text or ""
            elif hidden or not self._visible():
                continue
            elif tag in (_W + "tab", _W + "ptab"):
                text.append("\t")
            elif tag == _W + "br":
                text.append(PAGE if child.get(_W + "type") == "page" else "\n")
            elif tag == _W + "cr":
                text.append("\n")
            elif tag == _W + "lastRenderedPageBreak":
                text.append(PAGE)
            elif tag == _W + "noBreakHyphen":
                text.append("-")
            elif tag == _W + "softHyphen" and encoding:
                text.append("\xad")  # in TCVN3 this byte is the letter ư
            elif tag == _W + "sym":
                text.append(_symbol(child))
            elif tag in (_W + "drawing", _W + "pict", _W + "object"):
                boxes.extend(text_holders(child))
            elif tag == _MC + "AlternateContent":
                boxes.extend(text_holders(_alternate(child)))
        joined = "".join(text)
        if encoding and joined:
            self.encoding = encoding
            joined = legacy.decode(joined, encoding, capitals=capitals)
        parts.append(joined)

    def _visible(self) -> bool:
        for instruction, in_result in self._fields:
            if not in_result:
                return False
            if self.skip_page_fields and instruction.strip().upper().startswith(_PAGE_FIELDS):
                return False
        return True

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(["", False])
        elif kind == "separate" and self._fields:
            self._fields[-1][1] = True
        elif kind == "end" and self._fields:
            self._fields.pop()


def text_holders(parent: _Element) -> list[_Element]:
    """Text boxes and WordArt text paths in a drawing, outermost only, in document order.

    A text box inside a text box is read with its outer box, not again on its own.
    """
    found = []
    for element in parent.iter(*_TEXT_HOLDERS):
        if not any(outer in found for outer in element.iterancestors(_TEXT_HOLDERS[0])):
            found.append(element)
    return found


def _alternate(element: _Element) -> _Element:
    """The branch of `mc:AlternateContent` to read: the first Choice, or the Fallback when
    the Choice holds no text. Both branches draw the same shape, so only one is read."""
    choice = element.find(_MC + "Choice")
    if choice is not None and (text_holders(choice) or choice.find(".//" + _W + "t") is not None):
        return choice
    fallback = element.find(_MC + "Fallback")
    return fallback if fallback is not None else (choice if choice is not None else element)


def sdt_content(sdt: _Element) -> _Element | None:
    """A content control's content, or None while Word shows its placeholder prompt."""
    properties = sdt.find(_W + "sdtPr")
    if properties is not None and properties.find(_W + "showingPlcHdr") is not None:
        return None
    return sdt.find(_W + "sdtContent")


def _on(flag: _Element | None) -> bool:
    return flag is not None and flag.get(_VAL) not in ("0", "false", "off")


def _symbol(sym: _Element) -> str:
    """A `w:sym` character; symbol-font code points (U+F0xx) are decorations, not text."""
    try:
        code = int(sym.get(_W + "char") or "", 16)
    except ValueError:
        return ""
    return chr(code) if code < 0xF000 else ""
