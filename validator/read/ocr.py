"""OCR of scanned pages: preprocessing, Tesseract (TSV word boxes) and layout.

A scanned BHXH decision is a signed and stamped copy: skewed a degree or two, with a red
stamp and a blue signature lying over the signer's name. The page is cleaned first
(stamp colours dropped, deskewed, speckle removed) and Tesseract runs single-threaded with
the Vietnamese model. Its word boxes, not its plain text, are turned into lines: the two
header columns and the signer block come out column by column, table rows come out as one
line with TAB-separated cells, and every line keeps its box and confidence for evidence.

Tesseract is run with OMP_THREAD_LIMIT=1: its own OpenMP threads oversubscribe a small
machine (see bench/bench_ocr.py); the callers parallelise across pages and files instead.
"""

from __future__ import annotations

import bisect
import io
import os
import re
import shutil
import statistics
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageFilter, ImageSequence, UnidentifiedImageError

from validator.model import Box, ReadFailure, SourceLine, SourcePage
from validator.read.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    import pypdfium2

TESSERACT = "tesseract"  # binary looked up on PATH; tests replace it to simulate absence
LANGUAGE = "vie"
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
DPI = 300
# "Single column of text of variable sizes": a header row spanning both columns is read as
# one line and split at its gap by the layout step. Fully automatic segmentation (3) puts a
# lone list or table number in a block of its own, where it is often misread ("9." as "(©").
PAGE_SEGMENTATION = "4"
MIN_OCR_DPI = 250  # images scanned coarser are enlarged to DPI first: Tesseract wants ~30 px
TIMEOUT_SECONDS = 120
# Below this mean word confidence (0-100) OCR text is flagged as unreliable evidence.
# Clean 300 dpi Vietnamese print reads at 90+; misread words sit well under 70.
LOW_CONFIDENCE = 70.0
_MAX_PIXELS = 12_000 * 12_000  # ~A0 at 300 dpi; beyond that an image is not a page scan


# ------------------------------------------------------------------ availability


def tesseract_problem() -> str | None:
    """None when Tesseract and its Vietnamese model are usable, else a one-line install hint."""
    binary = shutil.which(TESSERACT)
    if binary is None:
        return f"Tesseract OCR is not installed; install it with: {INSTALL_HINT}"
    return _language_problem(binary, os.environ.get("TESSDATA_PREFIX", ""))


@lru_cache(maxsize=8)
def _language_problem(binary: str, tessdata: str) -> str | None:
    # tessdata is part of the cache key only: Tesseract reads TESSDATA_PREFIX itself.
    del tessdata
    try:
        listing = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract OCR cannot run ({exc}); reinstall it with: {INSTALL_HINT}"
    # The first line is "List of available languages in ...", the rest are model names.
    languages = set(listing.stdout.split("\n")[1:])
    if LANGUAGE not in {name.strip() for name in languages}:
        return f"The Vietnamese OCR model is missing; install it with: {INSTALL_HINT}"
    return None


def _require_tesseract() -> None:
    problem = tesseract_problem()
    if problem is not None:
        raise ReadFailure("no_text", problem)


# ----------------------------------------------------------------- preprocessing


def drop_stamp_colours(image: Image.Image) -> Image.Image:
    """Grayscale page with red (stamp) and blue/violet (signature) ink turned light.

    A coloured pixel takes the value of its brightest channel (HSV value): red ink is
    bright in the red channel, blue ink in the blue one, so both fade, while black print
    under the ink stays dark (ink multiplies, black stays black). Faded ink is then pushed
    to white so it does not feed Tesseract's thresholding. Pillow's HSV conversion keeps
    this to a few 8-bit array operations on a 9-megapixel page.
    """
    if image.mode in ("1", "L", "LA", "I", "I;16", "F"):
        return image.convert("L")
    rgb = image.convert("RGB")
    hsv = np.asarray(rgb.convert("HSV"))
    hue, value = hsv[..., 0], hsv[..., 2]
    chroma = (hsv[..., 1].astype(np.uint16) * value) >> 8  # max - min channel
    # Hue on 0-255: red wraps around 0, blue to violet (signature pens) is 140-215.
    red_or_blue = (hue >= 230) | (hue <= 20) | ((hue >= 140) & (hue <= 215))
    coloured = red_or_blue & (chroma > 40)
    gray = np.asarray(rgb.convert("L")).copy()
    gray[coloured] = np.where(value[coloured] > 110, 255, value[coloured])
    return Image.fromarray(gray, mode="L")


def estimate_skew(gray: Image.Image, limit: float = 5.0) -> float:
    """Angle in degrees (counter-clockwise positive) by which the text lines are rotated.

    Projection profile on a downscaled copy: the ink pixels are projected onto the vertical
    axis along candidate angles; the sharpest profile (highest sum of squares) is the one
    running along the text lines. Projection by coordinates is cheaper than rotating.
    """
    small = gray.copy()
    small.thumbnail((1000, 1000))
    pixels = np.asarray(small, dtype=np.uint8)
    ys, xs = np.nonzero(pixels < 128)
    if len(xs) < 200:
        return 0.0
    xs = xs - small.width / 2
    best = _sharpest_angle(xs, ys, np.arange(-limit, limit + 1e-9, 0.25))
    return _sharpest_angle(xs, ys, np.arange(best - 0.25, best + 0.25 + 1e-9, 0.02))


def _sharpest_angle(xs: np.ndarray, ys: np.ndarray, angles: np.ndarray) -> float:
    scores = []
    for angle in angles:
        # A line rotated counter-clockwise rises to the right: y + x*tan(a) is constant on it.
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        scores.append(float(np.dot(counts, counts)))
    return float(angles[int(np.argmax(scores))])


def deskew(gray: Image.Image, angle: float) -> Image.Image:
    """Rotate the page back by `angle` degrees; tiny angles are left alone."""
    if abs(angle) < 0.1:
        return gray
    return gray.rotate(-angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def denoise(gray: Image.Image) -> Image.Image:
    """Median filter: removes scanner speckle smaller than a stroke, keeps the strokes."""
    return gray.filter(ImageFilter.MedianFilter(3))


@dataclass(frozen=True, slots=True)
class Border:
    """A vertical table border found (and whitened) on the cleaned page, in pixels.

    Kept because it says where one cell ends and the next begins: once it is gone, a
    narrow number column sits a space away from the name beside it.
    """

    x0: int
    x1: int
    top: int
    bottom: int

    def separates(self, a: Word, b: Word) -> bool:
        """True when the border runs between word a and word b (b to the right of a)."""
        middle = (a.top + a.bottom + b.top + b.bottom) / 4
        return (a.left + a.right) / 2 < self.x0 and self.x1 < (b.left + b.right) / 2 and (
            self.top <= middle <= self.bottom)


def remove_rules(gray: Image.Image) -> Image.Image:
    """Rules whitened (see clean_rules)."""
    return clean_rules(gray)[0]


def clean_rules(gray: Image.Image) -> tuple[Image.Image, list[Border]]:
    """Whiten long rules (table borders, underlines) that Tesseract reads as text.

    A horizontal rule is a dark run at least a twentieth of the page wide; a vertical one
    (a table's column border, read as "|" or "l" glued to the cell text) a dark run taller
    than two text lines. Both by morphological opening with running sums, on a half-size
    copy that keeps the darkest of each 2 x 2 block so thin rules survive it.
    """
    pixels = np.asarray(gray, dtype=np.uint8)
    height, width = (pixels.shape[0] // 2) * 2, (pixels.shape[1] // 2) * 2
    blocks = pixels[:height, :width].reshape(height // 2, 2, width // 2, 2)
    dark = blocks.min(axis=(1, 3)) < 140
    # A letter with its diacritics is under 70 px tall at 300 dpi; 50 half-size px is
    # ~8.5 mm of unbroken ink, which only a rule (or a drawn frame) has.
    covered = _widen(_long_runs(dark, max(25, width // 20)), axis=0)
    vertical = _widen(_long_runs(dark.T, max(25, height // 70)).T, axis=1)
    covered |= vertical
    if not covered.any():
        return gray, []
    mask = np.zeros(pixels.shape, dtype=bool)
    mask[:height, :width] = covered.repeat(2, axis=0).repeat(2, axis=1)
    cleaned = pixels.copy()
    cleaned[mask] = 255
    return Image.fromarray(cleaned, mode="L"), _borders(vertical)


def _borders(vertical: np.ndarray) -> list[Border]:
    """Vertical runs of the half-size rule mask as full-size borders."""
    result = []
    columns = np.flatnonzero(vertical.any(axis=0))
    for group in np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1):
        if not len(group):
            continue
        rows_ = np.flatnonzero(vertical[:, group[0]:group[-1] + 1].any(axis=1))
        for run in np.split(rows_, np.flatnonzero(np.diff(rows_) > 1) + 1):
            result.append(Border(2 * int(group[0]), 2 * int(group[-1]) + 2,
                                 2 * int(run[0]), 2 * int(run[-1]) + 2))
    return result


def _widen(covered: np.ndarray, axis: int) -> np.ndarray:
    """Rules are a pixel or two thick after blur: take the cells beside them too."""
    grown = covered.copy()
    if axis == 0:
        grown[1:] |= covered[:-1]
        grown[:-1] |= covered[1:]
    else:
        grown[:, 1:] |= covered[:, :-1]
        grown[:, :-1] |= covered[:, 1:]
    return grown


def _long_runs(dark: np.ndarray, length: int) -> np.ndarray:
    """Cells of `dark` inside a horizontal run of at least `length` dark cells."""
    runs = np.cumsum(dark, axis=1, dtype=np.int32)
    window = runs[:, length - 1:] - np.pad(runs, ((0, 0), (1, 0)))[:, :-length]
    starts = np.cumsum(np.pad(window == length, ((0, 0), (0, length - 1))), axis=1)
    return (starts - np.pad(starts, ((0, 0), (length, 0)))[:, :-length]) > 0


def sharpen(gray: Image.Image) -> Image.Image:
    """Unsharp mask after the median: a blurred scan turns the hỏi hook into an acute accent
    (Tổ read as Tố); on the bench it halves those misreads at the same error rate."""
    return gray.filter(ImageFilter.UnsharpMask(radius=2, percent=80, threshold=2))


def preprocess(image: Image.Image, *, drop_colours: bool = True) -> Image.Image:
    """Colour removal, deskew, rule removal, denoise, sharpen: the page Tesseract reads."""
    return preprocess_page(image, drop_colours=drop_colours)[0]


def preprocess_page(
    image: Image.Image, *, drop_colours: bool = True
) -> tuple[Image.Image, list[Border]]:
    """The page Tesseract reads (see preprocess) and the table borders taken off it."""
    gray = drop_stamp_colours(image) if drop_colours else image.convert("L")
    cleaned, borders = clean_rules(deskew(gray, estimate_skew(gray)))
    return sharpen(denoise(cleaned)), borders


# --------------------------------------------------------------------- tesseract


@dataclass(frozen=True, slots=True)
class Word:
    """One word of Tesseract's TSV output, in pixels."""

    block: int
    paragraph: int
    line: int
    left: int
    top: int
    width: int
    height: int
    confidence: float
    text: str

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


def run_tesseract(
    gray: Image.Image, dpi: int = DPI, threads: int | None = 1,
    segmentation: str = PAGE_SEGMENTATION,
) -> str:
    """Tesseract's TSV for one page image. threads=None keeps Tesseract's own threading."""
    _require_tesseract()
    buffer = io.BytesIO()
    gray.save(buffer, format="PPM")  # uncompressed: encoding PNG would cost more than OCR I/O
    env = dict(os.environ)
    if threads is not None:
        env["OMP_THREAD_LIMIT"] = str(threads)
    command = [
        shutil.which(TESSERACT) or TESSERACT, "stdin", "stdout",
        "-l", LANGUAGE, "--psm", segmentation, "--dpi", str(dpi),
        # Skip re-reading low-confidence words as white-on-black: documents have none,
        # and the second pass costs a large share of the CPU time.
        "-c", "tessedit_do_invert=0",
        "tsv",
    ]
    try:
        done = subprocess.run(
            command, input=buffer.getvalue(), capture_output=True, env=env,
            timeout=TIMEOUT_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ReadFailure("timeout", f"OCR took longer than {TIMEOUT_SECONDS} s") from exc
    except OSError as exc:
        raise ReadFailure("no_text", f"Tesseract could not run ({exc}): {INSTALL_HINT}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        raise ReadFailure("no_text", f"Tesseract failed: {' '.join(message)}")
    return done.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str) -> list[Word]:
    """Word rows (level 5) of Tesseract TSV with some text, in Tesseract's reading order.

    Columns: level page_num block_num par_num line_num word_num left top width height conf text.
    """
    words = []
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        block, paragraph, line = (int(v) for v in fields[2:5])
        left, top, width, height = (int(v) for v in fields[6:10])
        # A signature stroke through the baseline reads as "_"; documents never need one.
        text = unicodedata.normalize("NFC", fields[11].strip().strip("_"))
        if text:
            words.append(Word(block, paragraph, line, left, top, width, height,
                              float(fields[10]), text))
    return [word for word in words if not _is_speck(word)]


def _is_speck(word: Word) -> bool:
    # Scanner dust or stamp ink read as "." or "'": no letter or digit, little trust. Real
    # punctuation is glued to its word ("VT.") and read with confidence above 90.
    return word.confidence < 70 and not any(ch.isalnum() for ch in word.text)


# ------------------------------------------------------------------ second reading

# Tesseract's own page segmentation is where most scan errors start, not its recogniser:
# a line that runs through both columns of the signer block is fitted with one baseline and
# its short left half comes out as garbage ("- Như Điều 4;" read at confidence 7), and in
# a bold capital line the LSTM now and then emits no space ("ỦY BANNHÂNDÂN", "TrầnThị").
# Both are read again in isolation: each doubtful piece is cut out into a strip, joined
# words with their inner gaps widened, the strips are stacked on one small image and read
# in a single extra Tesseract run, and a new reading replaces the old one only when it is
# better. Pages without doubtful pieces pay nothing.
REREAD_SEGMENTATION = "6"  # a uniform block: the strips are stacked one line each
SPACE_GAP = 0.8  # of the page's median gap between words: a gap inside a word this wide is a space
DOUBTFUL = 60.0  # mean confidence under which a piece of line is read again
JUNK_CONFIDENCE = 35.0  # and under which, read twice, it is stamp or signature, not text


@dataclass(frozen=True, slots=True)
class Strip:
    """A piece of the page cut out for the second reading and where it came from.

    pieces: (x in the strip, x0 on the page) of each pasted part, left to right; top: page
    y of the strip's first row; words: the first reading it may replace; centre: the page y
    the wanted line runs through; kind: why it was cut out ("joined": a space-wide gap
    inside a word, "split": one word read as two, "doubtful": a segment read with low
    confidence, "word": a short word read so, like a lone list number); box: the
    page area (x0, top, x1, bottom) it covers.
    """

    image: Image.Image
    pieces: tuple[tuple[int, int], ...]
    top: int
    words: tuple[Word, ...]
    centre: float
    kind: str
    box: tuple[int, int, int, int]

    def to_page(self, word: Word, strip_top: int) -> Word:
        """A word of the second reading with its box moved back onto the page."""
        middle = word.left + word.width / 2
        start, x0 = max((p for p in self.pieces if p[0] <= middle), default=self.pieces[0])
        first = self.words[0]
        return Word(first.block, first.paragraph, first.line, word.left - start + x0,
                    word.top - strip_top + self.top, word.width, word.height,
                    word.confidence, word.text)


def _parts(band: np.ndarray, min_gap: float) -> list[tuple[int, int]]:
    """x ranges of the inked parts of a band, split at blank column runs >= min_gap."""
    columns = np.flatnonzero((band < 128).any(axis=0))
    if not len(columns):
        return []
    breaks = np.flatnonzero(np.diff(columns) - 1 >= min_gap)
    starts = [columns[0], *columns[breaks + 1]]
    ends = [*columns[breaks], columns[-1]]
    return [(int(a), int(b) + 1) for a, b in zip(starts, ends, strict=True)]


def _cut(gray: np.ndarray, box: tuple[int, int, int, int], min_gap: float,
         line_height: float) -> tuple[Image.Image, tuple[tuple[int, int], ...]]:
    """The box (x0, top, x1, bottom) with every blank gap of min_gap or more widened to
    most of a line height: a space Tesseract cannot miss. Returns image and pieces."""
    x0, top, x1, bottom = box
    band = gray[top:bottom, x0:x1]
    parts = _parts(band, min_gap) or [(0, x1 - x0)]
    spacer = round(0.8 * line_height)
    canvas = np.full((bottom - top, sum(b - a for a, b in parts) + spacer * (len(parts) + 1)),
                     255, dtype=np.uint8)
    pieces, x = [], spacer
    for a, b in parts:
        canvas[:, x:x + b - a] = band[:, a:b]
        pieces.append((x, x0 + a))
        x += b - a + spacer
    return Image.fromarray(canvas, "L"), tuple(pieces)


def _joined_word_strip(gray: np.ndarray, word: Word, min_gap: float,
                       line_height: float) -> Strip | None:
    """A word whose box holds a blank gap as wide as a space, when it has one."""
    pad = round(0.2 * line_height)
    box = (max(0, word.left), max(0, word.top - pad), min(gray.shape[1], word.right),
           min(gray.shape[0], word.bottom + pad))
    inner = gray[max(0, word.top):word.bottom, box[0]:box[2]]
    if len(_parts(inner, min_gap)) < 2:
        return None
    image, pieces = _cut(gray, box, min_gap, line_height)
    return Strip(image, pieces, box[1], (word,), (word.top + word.bottom) / 2, "joined", box)


def _word_strip(gray: np.ndarray, words: Sequence[Word], kind: str, min_gap: float,
                line_height: float, context: Word | None = None) -> Strip:
    """One doubtful word, or two read apart with no space between them, on their own.

    context is the next word of the line, cut out too: alone, a list number is misread
    ("5." as "Si") as often as in the page. Its new reading is not used.
    """
    pad = round(0.3 * line_height)
    right = max(w.right for w in (*words, *([context] if context else [])))
    box = (max(0, min(w.left for w in words) - pad), max(0, min(w.top for w in words) - pad),
           min(gray.shape[1], right + pad),
           min(gray.shape[0], max(w.bottom for w in words) + pad))
    image, pieces = _cut(gray, box, min_gap, line_height)
    centre = statistics.median((w.top + w.bottom) / 2 for w in words)
    return Strip(image, pieces, box[1], tuple(words), centre, kind, box)


def _segment_strip(gray: np.ndarray, part: Segment, words: Sequence[Word], min_gap: float,
                   line_height: float) -> Strip:
    """The band of page a doubtful segment lies in, one line high, between the trusted
    words on either side of it (the misread words' own boxes are as wrong as their text)."""
    centre = _line_centre(part, words)
    top = max(0, round(centre - 0.8 * line_height))
    bottom = min(gray.shape[0], round(centre + 0.8 * line_height))
    beside = [w for w in words if w.confidence >= 80 and w.top < bottom and w.bottom > top
              and w not in part.words]
    pad = round(0.3 * line_height)
    x0 = max([w.right + pad for w in beside if w.right <= part.left], default=0)
    x1 = min([w.left - pad for w in beside if w.left >= part.right], default=gray.shape[1])
    box = (min(x0, part.left), top, max(x1, part.right), bottom)
    image, pieces = _cut(gray, box, min_gap, line_height)
    return Strip(image, pieces, top, tuple(part.words), centre, "doubtful", box)


def _line_centre(part: Segment, words: Sequence[Word]) -> float:
    """Where the segment's line runs: through its trusted words on the same Tesseract line
    (a misread word's box is as wrong as its text), else through the segment's own."""
    key = (part.words[0].block, part.words[0].paragraph, part.words[0].line)
    trusted = [w for w in words if (w.block, w.paragraph, w.line) == key and w.confidence >= 80]
    chosen = trusted or part.words
    return statistics.median((w.top + w.bottom) / 2 for w in chosen)


def _strips(gray: np.ndarray, words: Sequence[Word], line_height: float) -> list[Strip]:
    gaps = _word_gaps(words, 2.0 * line_height)
    if not gaps:
        return []
    min_gap = SPACE_GAP * statistics.median(gaps)
    pairs = _split_pairs(words, 0.4 * min_gap)
    result = [_word_strip(gray, pair, "split", min_gap, line_height) for pair in pairs]
    paired = {w for pair in pairs for w in pair}
    for part in segments(words, 2.0 * line_height):
        mean = sum(w.confidence for w in part.words) / len(part.words)
        if mean < DOUBTFUL and sum(ch.isalnum() for ch in part.text) >= 4:
            result.append(_segment_strip(gray, part, words, min_gap, line_height))
            continue
        result.extend(_word_strips(gray, part.words, paired, min_gap, line_height))
    return result


def _split_pairs(words: Sequence[Word], tiny: float) -> list[tuple[Word, Word]]:
    """Side-by-side words with no space between them: one word read as two ("Thân" "h"),
    sometimes even on two of Tesseract's lines. A space is never this narrow."""
    ordered = sorted(words, key=lambda w: w.left)
    lefts = [w.left for w in ordered]
    pairs: list[tuple[Word, Word]] = []
    used: set[Word] = set()
    for word in ordered:
        start = bisect.bisect_left(lefts, word.right)
        for other in ordered[start:bisect.bisect_left(lefts, word.right + tiny)]:
            down = min(word.bottom, other.bottom) - max(word.top, other.top)
            if down > 0.5 * min(word.height, other.height) and not {word, other} & used:
                pairs.append((word, other))
                used.update((word, other))
    return pairs


def _word_strips(gray: np.ndarray, words: Sequence[Word], paired: set[Word], min_gap: float,
                 line_height: float) -> Iterator[Strip]:
    """Strips for the words of a segment that look misread: a space-wide gap inside one,
    a short doubtful word (a lone list or table number)."""
    following = dict(pairwise(words))
    for word in words:
        if word in paired:
            continue
        strip = _joined_word_strip(gray, word, min_gap, line_height)
        if strip is not None:
            yield strip
        elif word.confidence < LOW_CONFIDENCE and len(word.text) <= 3:
            yield _word_strip(gray, (word,), "word", min_gap, line_height,
                              following.get(word))


def _word_gaps(words: Sequence[Word], limit: float) -> list[int]:
    """Gaps between neighbouring words of Tesseract's lines: the page's own space width."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    gaps = []
    for line_words in lines.values():
        line_words.sort(key=lambda w: w.left)
        gaps += [b.left - a.right for a, b in pairwise(line_words)
                 if 0 < b.left - a.right < limit]
    return gaps


def _stack(strips: Sequence[Strip], spacer: int) -> tuple[Image.Image, list[int]]:
    """The strips one under another, a blank spacer apart; returns the image and tops."""
    width = max(s.image.width for s in strips) + 2 * spacer
    height = sum(s.image.height + spacer for s in strips) + spacer
    sheet = Image.new("L", (width, height), 255)
    tops, y = [], spacer
    for strip in strips:
        sheet.paste(strip.image, (spacer, y))
        tops.append(y)
        y += strip.image.height + spacer
    return sheet, tops


def reread(gray: Image.Image, words: list[Word], dpi: int) -> list[Word]:
    """Words after the second reading of doubtful segments and joined words (see above)."""
    if not words:
        return words
    line_height = statistics.median(w.height for w in words)
    pixels = np.asarray(gray, dtype=np.uint8)
    strips = _strips(pixels, words, line_height)
    if not strips:
        return words
    spacer = round(line_height)
    sheet, tops = _stack(strips, spacer)
    found = parse_tsv(run_tesseract(sheet, dpi=dpi, segmentation=REREAD_SEGMENTATION))
    replaced: dict[Word, list[Word]] = {}
    for strip, top in zip(strips, tops, strict=True):
        inside = [w for w in found if top <= w.top + w.height / 2 < top + strip.image.height]
        # The strip was shifted right by the spacer on the sheet.
        moved = [strip.to_page(_shift(w, -spacer), top) for w in inside]
        better = _better_reading(strip, moved)
        if better is not None:
            replaced[strip.words[0]] = better
            replaced.update({w: [] for w in strip.words[1:]})
            if strip.kind == "doubtful":
                replaced.update({w: [] for w in _debris(words, strip) if w not in replaced})
    return _merge(words, replaced)


def _merge(words: Sequence[Word], replaced: dict[Word, list[Word]]) -> list[Word]:
    """The page's words with the accepted new readings in place of the old ones.

    A strip also holds the edges of its neighbours: a new word where a trusted old word
    already is belongs to that word, and a doubtful old word where a new one now is was
    stamp debris read into it.
    """
    trusted = [w for w in words if w not in replaced and w.confidence >= DOUBTFUL]
    new = [n for w in words for n in replaced.get(w, [])
           if not any(_same_place(n, k) for k in trusted)]
    result = []
    for word in words:
        if word in replaced:
            result.extend(n for n in replaced[word] if n in new)
        elif word.confidence >= DOUBTFUL or not any(_same_place(word, n) for n in new):
            result.append(word)
    return result


def _debris(words: Sequence[Word], strip: Strip) -> list[Word]:
    """Doubtful words of the first reading inside a strip that was read again (a dash read
    as "SN" beside the garbage): the new reading covers them."""
    x0, top, x1, bottom = strip.box
    return [w for w in words if w.confidence < DOUBTFUL and w not in strip.words
            and x0 <= (w.left + w.right) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]


def _same_place(a: Word, b: Word) -> bool:
    """The two boxes cover mostly the same ink (over half the smaller one each way)."""
    across = min(a.right, b.right) - max(a.left, b.left)
    down = min(a.bottom, b.bottom) - max(a.top, b.top)
    return (across > 0.5 * min(a.width, b.width) and down > 0.5 * min(a.height, b.height))


def _shift(word: Word, dx: int) -> Word:
    return Word(word.block, word.paragraph, word.line, word.left + dx, word.top, word.width,
                word.height, word.confidence, word.text)


def _better_reading(strip: Strip, words: list[Word]) -> list[Word] | None:
    """The new words of the strip's own line, when they read better than the old ones."""
    line = _nearest_line(words, strip.centre)
    if strip.kind == "word":  # without the context word
        line = [w for w in line if w.left < strip.words[0].right]
    if not line:
        return None
    old = _confidence(strip.words) or 0.0
    new = _confidence(line) or 0.0
    plausible = all(_is_word(w.text) for w in line)
    if strip.kind == "joined":
        # The split must give a word per part, read at least as surely, and every new
        # word must be one (a gap inside a letter would leave "Thân h").
        ok = len(line) >= len(strip.pieces) and new >= max(old, 80.0) and plausible
    elif strip.kind == "split":
        ok = len(line) < len(strip.words) and new >= LOW_CONFIDENCE and plausible
    else:
        ok = new >= max(old + 15.0, LOW_CONFIDENCE)
    return sorted(line, key=lambda w: w.left) if ok else None


def _is_word(text: str) -> bool:
    """Each run of letters in text is a Vietnamese syllable, abbreviation or Latin word."""
    return all(_plausible(token) for token in re.findall(r"[^\W\d_]+", text))


def _nearest_line(words: Sequence[Word], centre: float) -> list[Word]:
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    if not lines:
        return []
    def distance(line_words: list[Word]) -> float:
        return abs(statistics.median((w.top + w.bottom) / 2 for w in line_words) - centre)
    return min(lines.values(), key=distance)


# ------------------------------------------------------------------------ layout


@dataclass(slots=True)
class Segment:
    """Consecutive words of one visual line with no wide gap between them."""

    words: list[Word]

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def is_junk(self) -> bool:
        """Stamp or signature remnants: no letter or digit, a few doubtful ones, or text
        that even the second reading (see reread) could not make sense of."""
        alnum = sum(ch.isalnum() for w in self.words for ch in w.text)
        mean = sum(w.confidence for w in self.words) / len(self.words)
        return alnum == 0 or (alnum <= 2 and mean < 70) or (alnum <= 4 and mean < 55) or (
            mean < JUNK_CONFIDENCE)


Row = list[Segment]  # segments side by side, left to right


def segments(
    words: Sequence[Word], gap: float, borders: Sequence[Border] = ()
) -> list[Segment]:
    """Split Tesseract's lines where two neighbouring words are more than `gap` apart or a
    table border runs between them."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    result = []
    for line_words in lines.values():
        result.extend(_split(sorted(line_words, key=lambda w: w.left), gap, borders))
    return result


def _split(words: Sequence[Word], gap: float, borders: Sequence[Border] = ()) -> list[Segment]:
    parts = [Segment([words[0]])]
    for word in words[1:]:
        last = parts[-1].words[-1]
        if word.left - parts[-1].right > gap or any(b.separates(last, word) for b in borders):
            parts.append(Segment([]))
        parts[-1].words.append(word)
    return parts


def rows(parts: Iterable[Segment], gap: float, borders: Sequence[Border] = ()) -> list[Row]:
    """Segments grouped into visual rows (vertical overlap of half a line or more).

    Tesseract sometimes puts one visual line in two blocks (a misread list number in one,
    the text in the next): pieces of a row closer than `gap` are joined again, and what is
    left as stamp or signature debris is dropped.
    """
    grouped: list[Row] = []
    for part in sorted(parts, key=lambda s: (s.top + s.bottom) / 2):
        if grouped and _same_row(grouped[-1], part):
            grouped[-1].append(part)
        else:
            grouped.append([part])
    result = []
    for row in grouped:
        words = sorted((w for part in row for w in part.words), key=lambda w: w.left)
        kept = [part for part in _split(words, gap, borders) if not part.is_junk]
        if kept:
            result.append(kept)
    return result


def _same_row(row: Row, part: Segment) -> bool:
    top = min(s.top for s in row)
    bottom = max(s.bottom for s in row)
    overlap = min(bottom, part.bottom) - max(top, part.top)
    smaller = min(bottom - top, part.bottom - part.top)
    return overlap >= 0.5 * max(smaller, 1) and not any(_overlaps_x(s, part) for s in row)


def _overlaps_x(a: Segment, b: Segment) -> bool:
    return min(a.right, b.right) > max(a.left, b.left)


def _overlap(x0: int, x1: int, left: int, right: int) -> int:
    return min(x1, right) - max(x0, left)


@dataclass(slots=True)
class Region:
    """Consecutive rows laid out in the same columns (a two-column header, a table)."""

    rows: list[Row]
    columns: list[tuple[int, int]]  # x ranges, left to right

    def _hits(self, part: Segment) -> list[int]:
        return [i for i, (x0, x1) in enumerate(self.columns)
                if _overlap(x0, x1, part.left, part.right) > 0]

    def column_of(self, left: int, right: int) -> int:
        """The column a piece of text belongs to: the one it overlaps most, else the nearest."""
        def closeness(index: int) -> tuple[int, float]:
            x0, x1 = self.columns[index]
            return _overlap(x0, x1, left, right), -abs((x0 + x1) - (left + right))
        return max(range(len(self.columns)), key=closeness)

    def fits(self, row: Row) -> bool:
        """Every piece of the row falls in one column, no two in the same."""
        hits = [self._hits(part) for part in row]
        return all(len(h) == 1 for h in hits) and len({h[0] for h in hits}) == len(hits)

    def refines(self, row: Row) -> bool:
        """The row has more pieces than there are columns and splits some of them: a table
        whose header cells were read as one piece ("STT Họ và tên")."""
        hits = [self._hits(part) for part in row]
        return (
            len(row) > len(self.columns) > 1
            and all(len(h) == 1 for h in hits)
            and {h[0] for h in hits} == set(range(len(self.columns)))
        )

    def add(self, row: Row) -> None:
        if self.refines(row):
            self.columns = [(part.left, part.right) for part in row]
        else:
            for part in row:
                index = self.column_of(part.left, part.right)
                x0, x1 = self.columns[index]
                self.columns[index] = (min(x0, part.left), max(x1, part.right))
        self.rows.append(row)

    def cells(self, row: Row) -> list[list[Word]]:
        result: list[list[Word]] = [[] for _ in self.columns]
        for part in row:
            for word in part.words:
                result[self.column_of(word.left, word.right)].append(word)
        return result

    @property
    def is_table(self) -> bool:
        """Three or more columns filled on two rows, or two left-aligned columns on three
        rows and on at least half of them.

        A header or signer block has two columns but its lines are centred, so their left
        edges wander; the cells of a real table start at the same x. Three short centred
        signer lines can happen to start at one x, but beside a longer recipient list most
        rows of a signer block have one side empty.
        """
        full = [cells for cells in map(self.cells, self.rows) if all(cells)]
        if len(self.columns) >= 3:
            return len(full) >= 2
        if len(self.columns) != 2 or len(full) < max(3, len(self.rows) / 2):
            return False
        height = statistics.median(w.height for cells in full for cell in cells for w in cell)
        return all(
            max(c[i][0].left for c in full) - min(c[i][0].left for c in full) < height
            for i in range(2)
        )


def regions(page_rows: Sequence[Row], line_height: float) -> list[Region]:
    """Rows grouped into regions; a region ends at a row that crosses its columns or a gap."""
    result: list[Region] = []
    for row in page_rows:
        last = result[-1] if result else None
        if (
            last is not None
            and len(last.columns) > 1
            and (last.fits(row) or last.refines(row))
            and row[0].top - max(s.bottom for s in last.rows[-1]) < 3 * line_height
        ):
            last.add(row)
        else:
            result.append(Region([row], [(s.left, s.right) for s in row]))
    return result


@dataclass(frozen=True, slots=True)
class LayoutLine:
    """A line of the page before it becomes a SourceLine: text, words, table flag."""

    text: str
    words: tuple[Word, ...]
    in_table: bool = False
    table_start: bool = False  # first row of a table


def layout(words: Sequence[Word], borders: Sequence[Border] = ()) -> list[LayoutLine]:
    """Words into lines in reading order: column regions column by column, tables by row.

    borders are the page's vertical table borders: text on either side is in two cells.
    """
    if not words:
        return []
    line_height = statistics.median(w.height for w in words)
    gap = 2.0 * line_height  # about 1.5 em: wider than any justified space
    page_rows = rows(segments(words, gap, borders), gap, borders)
    result: list[LayoutLine] = []
    for region in regions(page_rows, line_height):
        if region.is_table:
            result.extend(_table_lines(region))
        else:
            result.extend(_column_lines(region))
    return result


def _column_lines(region: Region) -> Iterator[LayoutLine]:
    for index in range(len(region.columns)):
        for row in region.rows:
            for part in row:
                if region.column_of(part.left, part.right) == index:
                    yield LayoutLine(part.text, tuple(part.words))


def _table_lines(region: Region) -> Iterator[LayoutLine]:
    """One line per table row; a row with an empty first cell continues the row above.

    A row whose only empty cell is the first is a new row whose number Tesseract missed
    (lone digits are its weak spot), not the wrapped text of the row above.
    """
    merged: list[list[list[Word]]] = []
    for row in region.rows:
        cells = region.cells(row)
        if merged and not cells[0] and not all(cells[1:]):
            for previous, more in zip(merged[-1], cells, strict=True):
                previous.extend(more)
        else:
            merged.append(cells)
    for number, cells in enumerate(merged):
        text = "\t".join(" ".join(w.text for w in cell) for cell in cells)
        words = tuple(w for cell in cells for w in cell)
        yield LayoutLine(text, words, in_table=True, table_start=number == 0)


# ------------------------------------------------------------------------- pages


def _confidence(words: Iterable[Word]) -> float | None:
    """Mean word confidence weighted by word length: a long misread word weighs more."""
    pairs = [(w.confidence, len(w.text)) for w in words if w.confidence >= 0]
    total = sum(n for _, n in pairs)
    return round(sum(c * n for c, n in pairs) / total, 1) if total else None


def _box(words: Sequence[Word], scale: float) -> Box:
    return Box(
        x0=round(min(w.left for w in words) * scale, 2),
        top=round(min(w.top for w in words) * scale, 2),
        x1=round(max(w.right for w in words) * scale, 2),
        bottom=round(max(w.bottom for w in words) * scale, 2),
    )


def page_from_words(
    words: Sequence[Word], page_number: int, size: tuple[int, int], dpi: float,
    first_table: int = 1, borders: Sequence[Border] = (),
) -> SourcePage:
    """SourcePage from OCR words; boxes in points. Tables are numbered from first_table."""
    scale = 72.0 / dpi
    lines = []
    table = first_table - 1
    for number, line in enumerate(layout(words, borders), start=1):
        table += line.table_start
        lines.append(
            SourceLine(
                page=page_number, line=number, text=line.text, box=_box(line.words, scale),
                table=table if line.in_table else None, confidence=_confidence(line.words),
            )
        )
    return SourcePage(
        number=page_number, lines=tuple(lines), scanned=True,
        ocr_confidence=_confidence(words) or 0.0,
        width=round(size[0] * scale, 2), height=round(size[1] * scale, 2),
    )


def _image_dpi(image: Image.Image) -> float:
    """The image's own resolution, or the one that makes it A4 wide (8.27 in)."""
    dpi = image.info.get("dpi")
    if dpi and float(dpi[0]) >= 72:
        return float(dpi[0])
    return max(72.0, min(image.width, image.height) / 8.27)


def ocr_image(
    image: Image.Image, page_number: int, *, dpi: float | None = None, first_table: int = 1,
    clean: bool = True,
) -> SourcePage:
    """OCR one page image (preprocessed here unless clean=False) into a scanned SourcePage.

    dpi defaults to the image's own (or an A4 guess) and converts pixel boxes to points.
    first_table is the document-wide number the page's first table gets.
    """
    _require_tesseract()
    resolution = dpi or _image_dpi(image)
    if resolution < MIN_OCR_DPI:
        factor = DPI / resolution
        size = (round(image.width * factor), round(image.height * factor))
        image, resolution = image.resize(size, Image.Resampling.BICUBIC), DPI
    gray, borders = preprocess_page(image) if clean else (image.convert("L"), [])
    words = read_words(gray, round(resolution))
    return page_from_words(words, page_number, gray.size, resolution, first_table, borders)


def read_words(gray: Image.Image, dpi: int) -> list[Word]:
    """The words of a cleaned page: Tesseract's reading, then the second one (see reread)."""
    return reread(gray, parse_tsv(run_tesseract(gray, dpi=dpi)), dpi)


def render_pdf_page(page: pypdfium2.PdfPage, dpi: int = DPI) -> Image.Image:
    """The page as an RGB bitmap; colour is kept so stamp ink can be told from print."""
    return page.render(scale=dpi / 72).to_pil().convert("RGB")


def ocr_pdf_page(page: pypdfium2.PdfPage, page_number: int, dpi: int = DPI) -> SourcePage:
    """Render a PDF page at `dpi`, clean it and OCR it."""
    _require_tesseract()
    return ocr_image(render_pdf_page(page, dpi), page_number, dpi=dpi)


def ocr_pages(
    images: Iterable[tuple[int, Image.Image]], *, dpi: float | None = None,
    workers: int | None = None,
) -> list[SourcePage]:
    """OCR many (page number, image) pairs, several Tesseract processes at a time.

    Threads are enough: the work happens in Tesseract subprocesses (and NumPy/Pillow, which
    release the GIL). Images are pulled lazily so a long scan is never all in memory; pdfium
    is not thread-safe, so rendering stays in the caller's thread. Pass workers=1 when the
    caller already runs several files in parallel. Tables are numbered per page afterwards.
    """
    _require_tesseract()
    limit = max(1, workers or os.cpu_count() or 1)
    pages: list[SourcePage] = []
    with ThreadPoolExecutor(max_workers=limit) as pool:
        pending: list[Future[SourcePage]] = []
        for number, image in images:
            pending.append(pool.submit(ocr_image, image, number, dpi=dpi))
            if len(pending) >= 2 * limit:
                pages.append(pending.pop(0).result())
        pages.extend(future.result() for future in pending)
    return renumber_tables(pages)


def renumber_tables(pages: Sequence[SourcePage], first_table: int = 1) -> list[SourcePage]:
    """Give the tables of consecutive pages document-wide numbers first_table, +1, ..."""
    result = []
    following = first_table
    for page in pages:
        mapping: dict[int, int] = {}
        for line in page.lines:
            if line.table is not None and line.table not in mapping:
                mapping[line.table] = following
                following += 1
        lines = tuple(
            replace(line, table=mapping[line.table]) if line.table else line
            for line in page.lines
        )
        result.append(replace(page, lines=lines))
    return result


def read_images(data: bytes, *, workers: int | None = None,
                limits: Limits = DEFAULT_LIMITS) -> list[SourcePage]:
    """OCR a PNG, JPEG or TIFF file; every frame of a multi-page TIFF is a page."""
    _require_tesseract()
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > _MAX_PIXELS:
            raise ReadFailure("too_large", f"{image.width} x {image.height} pixels")
        frames = [
            (number, frame.convert("RGB"))
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1)
        ]
    except Image.DecompressionBombError as exc:
        raise ReadFailure("too_large", str(exc)) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ReadFailure("corrupt", f"unreadable image: {exc}") from exc
    if not frames:
        raise ReadFailure("empty", "the image file has no frames")
    dpi = _image_dpi(image)
    return ocr_pages(frames, dpi=dpi, workers=workers)


# ------------------------------------------------------------ text-layer quality

# A Vietnamese syllable, diacritics removed: initial consonant(s), 1-3 vowels, final.
_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?"
)
# A Latin (English, French) word: no four consonants in a row, some vowel.
_LATIN = re.compile(r"(?=.*[aeiouy])(?!.*[b-df-hj-np-tv-xz]{4})[a-z]+")
_PRIVATE_OR_BROKEN = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]")


def _skeleton(token: str) -> str:
    """ASCII letters of a token. Accented letters lose their marks; any other non-ASCII
    letter is most likely a vowel of a legacy encoding (TCVN3 'µ', VNI 'ä'), read as 'a'."""
    plain = unicodedata.normalize("NFD", token.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return "".join(ch if ch.isascii() else "a" for ch in plain).lower()


def _plausible(token: str) -> bool:
    skeleton = _skeleton(token)
    if _SYLLABLE.fullmatch(skeleton):
        return True
    if token.isupper():
        # Abbreviations (BHXH, UBND, HĐND, QĐ) are short and carry one vowel at most;
        # shifted glyph codes in capitals ("WKH TXLFN EURZQ") are neither.
        return len(token) <= 4 and sum(ch in "aeiouy" for ch in skeleton) <= 1
    return bool(_LATIN.fullmatch(skeleton))


def page_text_is_garbage(text: str) -> bool:
    """True when a page's text layer is unusable and the page should be OCR'd.

    Unusable: almost empty (a scan with a page number), broken glyphs (private-use,
    replacement or control characters from fonts without a Unicode map), mostly non-letters,
    or letters that do not form Vietnamese syllables or Latin words (shifted glyph codes).
    Legacy TCVN3/VNI text is not garbage: the legacy reader converts it.
    """
    visible = [ch for ch in text if not ch.isspace()]
    if len(visible) < 20:
        return True
    if len(_PRIVATE_OR_BROKEN.findall(text)) > 0.05 * len(visible):
        return True
    if sum(ch.isalpha() for ch in visible) < 0.5 * len(visible):
        return True
    tokens = [t for t in re.findall(r"[^\W\d_]{2,}", text)]
    if len(tokens) < 5:
        return False
    return sum(_plausible(t) for t in tokens) < 0.6 * len(tokens)
