"""Lines of print Tesseract's page layout lost: ink that no recognised word covers.

Tesseract sometimes files a whole line as picture and reads nothing there: the signer's
name under a seal whose faint remains survive the colour removal, the last recipient line
beside a signature. Such a line is still on the cleaned page as dark ink outside every
word box, one line high and a few words wide, which is how it is found here (on a
half-size copy); the second reading (see reread) then reads it on its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from validator.read.ocr.engine import Word

# In line heights: a lost line is this tall and at least this wide; ink counts on a row
# when a quarter line height of it is dark (dust after the median filter does not).
MIN_HEIGHT, MAX_HEIGHT, MIN_WIDTH = 0.5, 2.5, 2.0
# Share of dark pixels in a box of print; a signature's loops or a seal's star are sparser
# or denser, and a lost box is read again only if the reading is plausible text anyway.
MIN_INK, MAX_INK = 0.04, 0.5


def lost_lines(gray: np.ndarray, words: Sequence[Word],
               line_height: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, top, x1, bottom, in page pixels) of dark ink one line high that no word
    covers."""
    ink = gray[::2, ::2] < 128
    pad = line_height / 4
    for w in words:
        ink[max(0, int((w.top - pad) / 2)):int((w.bottom + pad) / 2) + 1,
            max(0, int((w.left - pad) / 2)):int((w.right + pad) / 2) + 1] = False
    height = line_height / 2  # on the half-size copy
    boxes = []
    for top, bottom in _runs(ink.sum(axis=1) >= max(3.0, height / 4), 0):
        if not MIN_HEIGHT * height <= bottom - top <= MAX_HEIGHT * height:
            continue
        band = ink[top:bottom]
        for left, right in _runs(band.any(axis=0), height):
            if right - left >= MIN_WIDTH * height and (
                    MIN_INK <= band[:, left:right].mean() <= MAX_INK):
                boxes.append((2 * left, 2 * top, 2 * right, 2 * bottom))
    return boxes


def _runs(flags: np.ndarray, gap: float) -> Iterator[tuple[int, int]]:
    """(start, end) of the runs of True, runs less than `gap` apart joined."""
    where = np.flatnonzero(flags)
    if not len(where):
        return
    breaks = np.flatnonzero(np.diff(where) > gap + 1)
    starts = [where[0], *where[breaks + 1]]
    ends = [*where[breaks], where[-1]]
    for start, end in zip(starts, ends, strict=True):
        yield int(start), int(end) + 1
