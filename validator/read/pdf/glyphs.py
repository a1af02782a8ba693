"""A PDF page's glyphs as pdfium lists them: character, box on the page, drawing order.

Boxes are pdfium's loose character boxes (origin to advance, font ascent to descent): every
glyph of one font on one baseline gets the same vertical extent, which is what groups them
into lines, and neighbouring letters of a word touch, which is what tells words apart.
Glyphs are kept as columns (NumPy arrays): a page holds thousands of them and line assembly
works on whole columns at once.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, replace
from itertools import compress

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Accents some generators draw as spacing characters over a vowel: read as combining marks
# when their ink sits on a letter.
SPACING_ACCENTS = {"\u00b4": "\u0301", "\u02ca": "\u0301", "`": "\u0300", "\u02cb": "\u0300",
                   "\u02dc": "\u0303"}


@dataclass(frozen=True)
class Glyphs:
    """The visible glyphs of a page (no spaces, no line breaks), in drawing order."""

    text: str  # pdfium's plain text of the page, one character per pdfium character index
    chars: list[str]
    index: np.ndarray  # position of each glyph in `text`
    x0: np.ndarray  # display coordinates: points, origin top-left
    top: np.ndarray
    x1: np.ndarray
    bottom: np.ndarray
    ink: np.ndarray  # horizontal centre of a mark's inked shape; NaN for other glyphs
    fonts: list[str] | None = None  # font of each glyph, on pages set in legacy fonts
    broken: int = 0  # glyphs pdfium could not map to a character (no usable ToUnicode)

    def __len__(self) -> int:
        return len(self.chars)

    def subset(self, positions: np.ndarray) -> Glyphs:
        """The glyphs at `positions` (an index array), in that order."""
        fonts = [self.fonts[p] for p in positions] if self.fonts is not None else None
        return replace(self, chars=[self.chars[p] for p in positions],
                       index=self.index[positions], x0=self.x0[positions],
                       top=self.top[positions], x1=self.x1[positions],
                       bottom=self.bottom[positions], ink=self.ink[positions], fonts=fonts)


def read_glyphs(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> Glyphs:
    """Every visible glyph of the page with its box, in display coordinates."""
    count = textpage.count_chars()
    text = textpage.get_text_range()
    if len(text) != count:
        # pdfium leaves unmappable glyphs out of its text: ask character by character.
        text = "".join(_char(textpage, i) for i in range(count))
    codes = np.minimum(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), 0xFFFF)
    visible = ~_SKIPPED[codes]
    index = np.flatnonzero(visible)
    left, top, right, bottom = _loose_boxes(textpage, index.tolist())
    transform = display_transform(page)
    x0, y0, x1, y1 = transform(left, top, right, bottom)
    ink = np.full(len(index), np.nan)
    for match in _MARK.finditer(text):
        position = int(np.searchsorted(index, match.start()))
        if position < len(index) and index[position] == match.start():
            ink[position] = _ink_centre(textpage, match.start(), transform)
    broken = int(np.count_nonzero(_BROKEN[codes]))
    return Glyphs(text=text, chars=list(compress(text, visible.tolist())), index=index, x0=x0,
                  top=y0, x1=x1, bottom=y1, ink=ink, broken=broken)


def with_fonts(textpage: pdfium.PdfTextPage, glyphs: Glyphs) -> Glyphs:
    """The glyphs with their font names (legacy encodings depend on the font of each run).

    The font is read once per text object: glyphs of one object share it.
    """
    fonts: list[str] = []
    last_object, last_font = None, ""
    for index in glyphs.index.tolist():
        text_object = pdfium_c.FPDFText_GetTextObject(textpage.raw, index)
        address = ctypes.cast(text_object, ctypes.c_void_p).value
        if address != last_object or address is None:
            last_object, last_font = address, font_name(textpage, index)
        fonts.append(last_font)
    return replace(glyphs, fonts=fonts)


def sample_fonts(textpage: pdfium.PdfTextPage, samples: int = 8) -> set[str]:
    total = textpage.count_chars()
    step = max(1, total // samples)
    return {font_name(textpage, i) for i in range(0, total, step)} - {""}


def font_name(textpage: pdfium.PdfTextPage, index: int) -> str:
    if index < 0:
        return ""
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, 128, ctypes.byref(flags))
    return buffer.raw[: max(size - 1, 0)].decode("utf-8", errors="replace")


def _is_broken(char: str) -> bool:
    """No character behind the glyph: NUL, a control character or the replacement mark."""
    return char < " " or "\x7f" <= char < "\xa0" or char == "\ufffd"


# By character code (the Basic Multilingual Plane; U+FFFF stands for anything above it):
# the glyphs without a character, and everything that is no glyph to place (those and spaces).
_SPACE = np.array([chr(c).isspace() for c in range(0x10000)])
_BROKEN = np.array([_is_broken(chr(c)) for c in range(0x10000)]) & ~_SPACE
_SKIPPED = _BROKEN | _SPACE
_SKIPPED[0xFFFF] = False
_MARK = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
                   + "".join(SPACING_ACCENTS) + "]")

# FPDFText_GetLooseCharBox without ctypes' per-call argument conversion: the hot loop passes
# values of the right C types already, and the conversion costs more than pdfium's work.
_LOOSE_BOX = type(pdfium_c.FPDFText_GetLooseCharBox)(
    ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value)
_LOOSE_BOX.restype = ctypes.c_int
_RECT_SIZE = ctypes.sizeof(pdfium_c.FS_RECTF)


def _loose_boxes(textpage: pdfium.PdfTextPage,
                 positions: list[int]) -> tuple[np.ndarray, ...]:
    """Left, top, right, bottom columns (page space) of the characters at `positions`."""
    rects = (pdfium_c.FS_RECTF * len(positions))()
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    loose_box, byref, size = _LOOSE_BOX, ctypes.byref, _RECT_SIZE
    for slot, position in enumerate(positions):
        loose_box(handle, position, byref(rects, slot * size))
    values = np.frombuffer(rects, dtype=np.float32).reshape(-1, 4).astype(np.float64)
    return values[:, 0], values[:, 1], values[:, 2], values[:, 3]  # FS_RECTF field order


def _char(textpage: pdfium.PdfTextPage, index: int) -> str:
    code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
    return chr(code) if 0 < code < 0x110000 else "\x00"


def _ink_centre(textpage: pdfium.PdfTextPage, index: int, transform: Transform) -> float:
    left, bottom, right, top = textpage.get_charbox(index)
    x0, _top, x1, _bottom = transform(np.array([left]), np.array([top]), np.array([right]),
                                      np.array([bottom]))
    return float(x0[0] + x1[0]) / 2


@dataclass(frozen=True, slots=True)
class Transform:
    """Page space -> display space: x' = a x + c y + ox, y' = b x + d y + oy."""

    a: float
    b: float
    c: float
    d: float
    ox: float
    oy: float

    def __call__(self, left, top, right, bottom):
        """Boxes (columns or floats) in page space -> x0, top, x1, bottom on display."""
        xs = (self.a * left + self.c * top + self.ox, self.a * right + self.c * bottom + self.ox)
        ys = (self.b * left + self.d * top + self.oy, self.b * right + self.d * bottom + self.oy)
        return (np.minimum(*xs), np.minimum(*ys), np.maximum(*xs), np.maximum(*ys))


def display_transform(page: pdfium.PdfPage) -> Transform:
    """Page space -> display space (the page as shown: /Rotate and the crop box applied)."""
    width, height = page.get_size()
    scale = 64  # pdfium answers in whole device pixels: map onto a finer grid
    size_x, size_y = max(1, int(width * scale)), max(1, int(height * scale))

    def device(x: float, y: float) -> tuple[float, float]:
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, size_x, size_y, 0, x, y,
                                   ctypes.byref(dx), ctypes.byref(dy))
        return dx.value / scale, dy.value / scale

    step = 1000.0
    ox, oy = device(0, 0)
    ax, ay = device(step, 0)
    bx, by = device(0, step)
    return Transform(a=(ax - ox) / step, b=(ay - oy) / step, c=(bx - ox) / step,
                     d=(by - oy) / step, ox=ox, oy=oy)
