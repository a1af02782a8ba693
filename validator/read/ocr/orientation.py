"""Pages scanned on their side or upside down: told by Tesseract's orientation model (OSD).

OSD costs about 0.15 CPU-s a page even on a half-size copy, a tenth of a page's budget, so
it runs only when a page looks turned:
- before reading, when the ink's rows are flatter than its columns (text lines run up the
  page: turned 90 or 270 degrees). Reading such a page as it lies costs Tesseract 2-5 times
  a normal page, so this cheap look saves the most;
- after reading, when the reading is poor: an upright page of print reads at 85-97 mean
  confidence, the same page upside down at 30-45 (demo and real scans). The turned page is
  read again and kept only if it reads better, so a wrong guess never makes a page worse.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image

from validator.read.ocr import engine
from validator.read.ocr.engine import LOW_CONFIDENCE, Word
from validator.read.ocr.layout import confidence
from validator.read.ocr.preprocess import preview

# OSD's own scale: 15 is "reasonably confident"; upright and turned demo and real pages
# score 8-18 at 150 dpi. Below 2 the guess is noise (a page with little text).
MIN_CONFIDENCE = 2.0
# Rows of an upright page's ink vary 1.3-20 times more than its columns (the inner part of
# 46 real and generated scan pages; a margin's scanner edge would count as a column of
# ink); turned 90 degrees, 0.8 times or less.
VERTICAL_LINES = 0.5
OSD_DPI = 150  # OSD reads glyph shapes, not text: half of 300 dpi is enough and twice as fast


def lines_run_vertically(gray: Image.Image) -> bool:
    """The page's text lines run up and down: it lies on its side (or holds no text)."""
    small = preview(gray)
    ink = np.asarray(small, dtype=np.uint8) < 128
    height, width = ink.shape
    inner = ink[height // 10:height - height // 10, width // 10:width - width // 10]
    rows, columns = _spread(inner.sum(axis=1)), _spread(inner.sum(axis=0))
    return rows < VERTICAL_LINES * columns


def _spread(profile: np.ndarray) -> float:
    """How unevenly the ink is spread along a profile: variance over squared mean."""
    mean = float(profile.mean())
    return float(profile.var()) / mean**2 if mean else 0.0


def looks_wrong(words: Sequence[Word]) -> bool:
    """The first reading of a page with ink is poor enough that the page may be turned."""
    return (confidence(words) or 0.0) < LOW_CONFIDENCE


def detect(gray: Image.Image, dpi: int) -> int:
    """Degrees to turn the page counter-clockwise (Pillow's rotate) to make it upright:
    0, 90, 180 or 270; 0 when OSD is unavailable or unsure."""
    factor = min(1.0, OSD_DPI / dpi)
    small = gray.reduce(round(1 / factor)) if factor < 0.75 else gray
    found = engine.detect_orientation(small, round(dpi * small.width / gray.width))
    if found is None or found[1] < MIN_CONFIDENCE:
        return 0
    # OSD reports how far the text is turned clockwise; Pillow turns counter-clockwise.
    return found[0]
