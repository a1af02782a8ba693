"""A PDF page's text as pieces with boxes: stretches of pdfium's lines, or single glyphs.

pdfium's own text already reads most lines right: Word and LibreOffice draw a line left to
right, and pdfium's spacing copes with letter spacing and glyphs placed one by one. Such a
line becomes one piece (or several, cut where a wide gap separates the two header columns
or table cells), its box from pdfium's text rectangles: a few pdfium calls per line. A line
pdfium got wrong - glyphs drawn over each other (fake bold, duplicated runs), out of order,
combining marks drawn on their own - is taken apart into glyphs, each with its box; so is
any piece that overlaps another on the page (a number written into a blank by a signing
tool). Line assembly (lines.py) then works on pieces of both kinds alike.

Boxes are in display coordinates (points, origin top-left). A glyph's box is pdfium's loose
box (origin to advance, font ascent to descent): glyphs of one font on one baseline share
their vertical extent, and letters of a word touch.
"""

from __future__ import annotations

import ctypes
import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from validator.read.pdf.annotations import Note

# Accents some generators draw as spacing characters over a vowel: read as combining marks
# when their ink sits on a letter.
SPACING_ACCENTS = {"\u00b4": "\u0301", "\u02ca": "\u0301", "`": "\u0300", "\u02cb": "\u0300",
                   "\u02dc": "\u0303"}
CELL_GAP = 1.2  # a horizontal gap wider than this many line heights separates cells
OVERLAP = 0.5  # points: boxes overlapping more than kerning does are drawn over each other


@dataclass(frozen=True)
class Pieces:
    """Pieces of a page's text in drawing order; a glyph piece has first == last."""

    text: str  # pdfium's plain text of the page, one character per pdfium character index
    first: np.ndarray  # index in `text` of each piece's first visible character
    last: np.ndarray  # and of its last one
    x0: np.ndarray
    top: np.ndarray
    x1: np.ndarray
    bottom: np.ndarray
    ink: np.ndarray  # horizontal centre of a mark glyph's inked shape; NaN otherwise
    # On pages set in legacy fonts: for each piece, (offset in its text, font) where the
    # font changes.
    fonts: list[tuple[tuple[int, str], ...]] | None = None
    broken: int = 0  # glyphs pdfium could not map to a character (no usable ToUnicode)

    def __len__(self) -> int:
        return len(self.first)

    def string(self, piece: int) -> str:
        return self.text[self.first[piece]:self.last[piece] + 1]

    @property
    def glyph(self) -> np.ndarray:
        """Which pieces are single glyphs."""
        return self.first == self.last

    def subset(self, positions: np.ndarray) -> Pieces:
        """The pieces at `positions` (an index array), in that order."""
        fonts = [self.fonts[p] for p in positions] if self.fonts is not None else None
        return replace(self, first=self.first[positions], last=self.last[positions],
                       x0=self.x0[positions], top=self.top[positions], x1=self.x1[positions],
                       bottom=self.bottom[positions], ink=self.ink[positions], fonts=fonts)


class PageText:
    """A page's text layer and the pdfium calls that measure it."""

    def __init__(self, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage,
                 notes: Sequence[Note] = ()) -> None:
        self.textpage = textpage
        self.handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        count = textpage.count_chars()
        text = textpage.get_text_range()
        if len(text) != count:
            # pdfium leaves unmappable glyphs out of its text: ask character by character.
            text = "".join(_char(textpage, i) for i in range(count))
        self.pdfium_count = count  # characters pdfium measures; annotation text follows
        notes = [note for note in notes if not note.shown(textpage)]
        self.notes = [(len(text) + 2 + sum(len(n.text) + 2 for n in notes[:k]), note)
                      for k, note in enumerate(notes)]
        text += "".join("\r\n" + note.text for note in notes)
        self.text = text
        codes = np.minimum(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), 0xFFFF)
        self.broken = int(np.count_nonzero(_BROKEN[codes]))
        # Where the visible characters are (everything but spaces and broken glyphs).
        self.position_list: list[int] = np.flatnonzero(~_SKIPPED[codes]).tolist()
        self.visible_count = len(self.position_list)
        self.marks = _MARK.search(text) is not None
        self.transform = display_transform(page)
        self._box = self.transform.box
        self._rect = pdfium_c.FS_RECTF()
        self._rect_ref = ctypes.byref(self._rect)
        self._doubles = [ctypes.c_double() for _ in range(4)]
        self._double_refs = [ctypes.byref(d) for d in self._doubles]

    def pieces(self) -> Pieces:
        """Each pdfium line as one piece per cell, or as glyphs where pdfium got it wrong."""
        built = _Builder(self)
        start = 0
        for line in self.text[:self.pdfium_count].split("\r\n"):
            if line and not line.isspace():
                built.line(start, start + len(line))
            start += len(line) + 2
        for first, note in self.notes:
            built.note(first, note)
        return built.done()

    def glyphs(self, pieces: Pieces, which: np.ndarray) -> Pieces:
        """The pieces with those in `which` (a mask) taken apart into their glyphs."""
        if not which.any():
            return pieces
        built = _Builder(self)
        for piece in range(len(pieces)):
            if not which[piece]:
                built.copy(pieces, piece)
            elif pieces.first[piece] >= self.pdfium_count:
                built.spread(pieces, piece)
            else:
                built.glyphs(int(pieces.first[piece]), int(pieces.last[piece]) + 1)
        glyphs = built.done()
        return self.with_fonts(glyphs) if pieces.fonts is not None else glyphs

    def with_fonts(self, pieces: Pieces) -> Pieces:
        """The pieces with the fonts of their characters, read once per text object."""
        fonts: dict[int | None, str] = {}
        runs: list[tuple[tuple[int, str], ...]] = []
        positions, handle = self.position_list, self.handle
        for first, last in zip(pieces.first.tolist(), pieces.last.tolist(), strict=True):
            changes: list[tuple[int, str]] = []
            for index in positions[bisect_left(positions, first):bisect_left(positions,
                                                                               last + 1)]:
                address = _TEXT_OBJECT(handle, index)
                font = fonts.get(address)
                if font is None:
                    font = fonts[address] = font_name(self.textpage, index)
                if not changes or changes[-1][1] != font:
                    changes.append((index - first, font))
            runs.append(tuple(changes))
        return replace(pieces, fonts=runs)

    # ------------------------------------------------------------------ measurements

    def loose_boxes(self, positions: list[int]) -> tuple[np.ndarray, ...]:
        """x0, top, x1, bottom columns (display) of the characters at `positions`."""
        rects = (pdfium_c.FS_RECTF * len(positions))()
        loose_box, byref, size, handle = _LOOSE_BOX, ctypes.byref, _RECT_SIZE, self.handle
        for slot, position in enumerate(positions):
            loose_box(handle, position, byref(rects, slot * size))
        values = np.frombuffer(rects, dtype=np.float32).reshape(-1, 4).astype(np.float64)
        return self.transform(values[:, 0], values[:, 1], values[:, 2], values[:, 3])

    def box(self, index: int) -> tuple[float, float, float, float]:
        """The loose box (display) of the character at `index`."""
        _LOOSE_BOX(self.handle, index, self._rect_ref)
        rect = self._rect
        return self._box(rect.left, rect.top, rect.right, rect.bottom)

    def rects(self, start: int, end: int) -> list[tuple[float, float, float, float]]:
        """pdfium's text rectangles (tight, one per text object) over characters start:end,
        in display coordinates."""
        rects = []
        left, top, right, bottom = self._doubles
        box = self._box
        for rect in range(_COUNT_RECTS(self.handle, start, end - start)):
            _GET_RECT(self.handle, rect, *self._double_refs)
            rects.append(box(left.value, top.value, right.value, bottom.value))
        return rects

    def ink_centre(self, index: int) -> float:
        left, bottom, right, top = self.textpage.get_charbox(index)
        x0, _top, x1, _bottom = self._box(left, top, right, bottom)
        return (x0 + x1) / 2


class _Builder:
    """Collects pieces, one tuple (first, last, x0, top, x1, bottom, ink) each."""

    def __init__(self, page: PageText) -> None:
        self.page = page
        self.rows: list[tuple] = []

    def copy(self, pieces: Pieces, piece: int) -> None:
        self.rows.append((int(pieces.first[piece]), int(pieces.last[piece]),
                          pieces.x0[piece], pieces.top[piece], pieces.x1[piece],
                          pieces.bottom[piece], pieces.ink[piece]))

    def line(self, start: int, end: int) -> None:
        """One pdfium line: pieces cut at wide gaps if pdfium drew it cleanly, else glyphs.

        A piece spans its text objects' rectangles across, and the band of its first glyph
        down (the rectangles are tight boxes: accents stick out, a full stop sits low).
        """
        page = self.page
        positions = page.position_list
        low, high = bisect_left(positions, start), bisect_left(positions, end)
        if low == high:
            return
        rects = page.rects(start, end)
        band = page.box(positions[low])
        if (page.marks and _MARK.search(page.text, start, end)) or not _clean(rects, band):
            self.glyphs(start, end)
            return
        top, bottom = band[1], band[3]
        cell_gap = CELL_GAP * max(bottom - top, 1.0)
        bounds, edges = [low], [min(band[0], rects[0][0])]
        for before, after in pairwise(rects):
            if after[0] - before[2] > cell_gap:
                bounds.append(self._cut(bounds[-1], high, (before[2] + after[0]) / 2))
                edges += [before[2], after[0]]
        bounds.append(high)
        edges.append(rects[-1][2])
        for (a, b), left, right in zip(pairwise(bounds), edges[0::2], edges[1::2],
                                       strict=True):
            if a < b:
                self.rows.append((positions[a], positions[b - 1], left, top, right, bottom,
                                  np.nan))

    def _cut(self, low: int, high: int, x: float) -> int:
        """The first visible character in positions[low:high] starting right of x (boxes
        grow left to right in a clean line): a binary search, a few pdfium calls."""
        positions = self.page.position_list
        while low < high:
            middle = (low + high) // 2
            if self.page.box(positions[middle])[0] >= x:
                high = middle
            else:
                low = middle + 1
        return low

    def glyphs(self, start: int, end: int) -> None:
        """Every visible character of text[start:end] as a glyph piece with its box."""
        page = self.page
        positions = page.position_list
        visible = positions[bisect_left(positions, start):bisect_left(positions, end)]
        if not visible:
            return
        x0, top, x1, bottom = page.loose_boxes(visible)
        ink = [page.ink_centre(i) if _MARK.match(page.text, i) else np.nan for i in visible]
        self.rows.extend(zip(visible, visible, x0.tolist(), top.tolist(), x1.tolist(),
                             bottom.tolist(), ink, strict=True))

    def note(self, first: int, note: Note) -> None:
        """An annotation's text as one piece, in the box a viewer draws it in."""
        width = 0.5 * note.size * len(note.text)  # about half an em a character
        left, top, right, bottom = self.page.transform.box(
            note.left, note.top, note.left + width, note.top - 1.15 * note.size)
        self.rows.append((first, first + len(note.text) - 1, left, top, right, bottom, np.nan))

    def spread(self, pieces: Pieces, piece: int) -> None:
        """Glyphs of a piece pdfium does not measure (annotation text), spread evenly."""
        first, last = int(pieces.first[piece]), int(pieces.last[piece])
        positions = self.page.position_list
        visible = positions[bisect_left(positions, first):bisect_left(positions, last + 1)]
        left, right = pieces.x0[piece], pieces.x1[piece]
        step = (right - left) / max(last - first + 1, 1)
        self.rows.extend((i, i, left + (i - first) * step, pieces.top[piece],
                          left + (i - first + 1) * step, pieces.bottom[piece], np.nan)
                         for i in visible)

    def done(self) -> Pieces:
        columns = np.array(self.rows, dtype=float).reshape(-1, 7).T
        first, last, x0, top, x1, bottom, ink = columns
        return Pieces(text=self.page.text, first=first.astype(np.int64),
                      last=last.astype(np.int64), x0=x0, top=top, x1=x1, bottom=bottom,
                      ink=ink, broken=self.page.broken)


def _clean(rects: list[tuple[float, float, float, float]],
           band: tuple[float, float, float, float]) -> bool:
    """pdfium drew the line cleanly: its text objects go left to right without covering
    each other, each overlapping the band of the line's first glyph by most of its height
    (accents stick out above, a full stop sits low: that is fine)."""
    if not rects:
        return False
    top, bottom = band[1], band[3]
    for _left, upper, _right, lower in rects:
        if min(lower, bottom) - max(upper, top) < 0.5 * min(lower - upper, bottom - top):
            return False
    return all(after[0] >= before[2] - OVERLAP for before, after in pairwise(rects))


def sample_fonts(textpage: pdfium.PdfTextPage, samples: int = 6) -> set[str]:
    total = textpage.count_chars()
    step = max(1, total // samples)
    return {font_name(textpage, i) for i in range(0, total, step)} - {""}


def font_name(textpage: pdfium.PdfTextPage, index: int) -> str:
    if index < 0:
        return ""
    size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, _FONT_NAME, len(_FONT_NAME),
                                         _FONT_FLAGS_REF)
    return _FONT_NAME.raw[: max(min(size, len(_FONT_NAME)) - 1, 0)].decode(
        "utf-8", errors="replace")


# One buffer for font names: pdfium is called from one thread at a time (it is not thread-safe).
_FONT_NAME = ctypes.create_string_buffer(128)
_FONT_FLAGS = ctypes.c_int()
_FONT_FLAGS_REF = ctypes.byref(_FONT_FLAGS)


@functools.cache
def whitespace_codes() -> list[int]:
    """The code points of the Basic Multilingual Plane that `str.isspace` accepts (the same
    set as `\\s` of `re`), found by one regular-expression pass rather than 65,536 calls."""
    plane = np.arange(0x10000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    return [match.start() for match in re.finditer(r"\s", plane)]


# By character code (the Basic Multilingual Plane; U+FFFF stands for anything above it):
# the glyphs without a character (NUL, control characters, the replacement mark), and
# everything that is no glyph to place (those and spaces).
_CODES = np.arange(0x10000)
_SPACE = np.zeros(0x10000, dtype=bool)
_SPACE[whitespace_codes()] = True
_BROKEN = ((_CODES < 0x20) | ((_CODES >= 0x7F) & (_CODES < 0xA0)) | (_CODES == 0xFFFD)) & ~_SPACE
_SKIPPED = _BROKEN | _SPACE
_SKIPPED[0xFFFF] = False
_MARK = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
                   + "".join(SPACING_ACCENTS) + "]")


def unchecked(function, restype):
    """A pdfium function called without ctypes' per-call argument conversion: hot loops pass
    values of the right C types already, and the conversion costs more than pdfium's work."""
    bare = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    bare.restype = restype
    return bare


_LOOSE_BOX = unchecked(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_TEXT_OBJECT = unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_COUNT_RECTS = unchecked(pdfium_c.FPDFText_CountRects, ctypes.c_int)
_GET_RECT = unchecked(pdfium_c.FPDFText_GetRect, ctypes.c_int)
_RECT_SIZE = ctypes.sizeof(pdfium_c.FS_RECTF)


def _char(textpage: pdfium.PdfTextPage, index: int) -> str:
    code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
    return chr(code) if 0 < code < 0x110000 else "\x00"


@dataclass(frozen=True, slots=True)
class Transform:
    """Page space -> display space: x' = a x + c y + ox, y' = b x + d y + oy."""

    a: float
    b: float
    c: float
    d: float
    ox: float
    oy: float

    @property
    def box(self) -> Callable[[float, float, float, float], tuple[float, float, float, float]]:
        """One box in page space -> x0, top, x1, bottom on display (short for the page as
        drawn, upright: the hot loops call it once per line)."""
        a, b, c, d, ox, oy = self.a, self.b, self.c, self.d, self.ox, self.oy
        if b == 0 and c == 0 and a > 0 and d < 0:
            return lambda left, top, right, bottom: (a * left + ox, d * top + oy,
                                                     a * right + ox, d * bottom + oy)

        def turned(left: float, top: float, right: float,
                   bottom: float) -> tuple[float, float, float, float]:
            xa, xb = a * left + c * top + ox, a * right + c * bottom + ox
            ya, yb = b * left + d * top + oy, b * right + d * bottom + oy
            return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)

        return turned

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
