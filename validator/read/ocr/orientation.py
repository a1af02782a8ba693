"""Pages scanned on their side or upside down: told by Tesseract's orientation model (OSD).

OSD costs about 0.15 CPU-s a page even on a half-size copy, a tenth of a page's budget, so
it runs only when the first reading looks wrong: an upright page of print reads at 85-97
mean confidence, the same page turned 90, 180 or 270 degrees at 30-45 (measured on the
demo and on real scans). The turned page is then read again and kept only if it reads
better, so a wrong orientation guess can never make a page worse.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from validator.read.ocr import engine
from validator.read.ocr.engine import LOW_CONFIDENCE, Word
from validator.read.ocr.layout import confidence

# OSD's own scale: 15 is "reasonably confident"; upright and turned demo and real pages
# score 8-18 at 150 dpi. Below 2 the guess is noise (a page with little text).
MIN_CONFIDENCE = 2.0
OSD_DPI = 150  # OSD reads glyph shapes, not text: half of 300 dpi is enough and twice as fast


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
