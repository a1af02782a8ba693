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

import io
import os
import re
import shutil
import statistics
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageFilter, ImageSequence, UnidentifiedImageError

from validator.model import Box, ReadFailure, SourceLine, SourcePage

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


def remove_rules(gray: Image.Image) -> Image.Image:
    """Whiten long horizontal rules (table borders, underlines) that Tesseract reads as text.

    A pixel belongs to a rule when it lies in a dark horizontal run at least a tenth of the
    page wide: a morphological opening with a 1 x length kernel, done with running sums on
    a half-size copy that keeps the darkest of each 2 x 2 block, so thin rules survive it.
    """
    pixels = np.asarray(gray, dtype=np.uint8)
    height, width = (pixels.shape[0] // 2) * 2, (pixels.shape[1] // 2) * 2
    blocks = pixels[:height, :width].reshape(height // 2, 2, width // 2, 2)
    dark = blocks.min(axis=(1, 3)) < 140
    covered = _long_runs(dark, max(25, width // 20))
    if not covered.any():
        return gray
    # Rules are a pixel or two thick after blur: take the rows just above and below too.
    covered[1:] |= covered[:-1].copy()
    covered[:-1] |= covered[1:].copy()
    mask = np.zeros(pixels.shape, dtype=bool)
    mask[:height, :width] = covered.repeat(2, axis=0).repeat(2, axis=1)
    cleaned = pixels.copy()
    cleaned[mask] = 255
    return Image.fromarray(cleaned, mode="L")


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
    gray = drop_stamp_colours(image) if drop_colours else image.convert("L")
    return sharpen(denoise(remove_rules(deskew(gray, estimate_skew(gray)))))


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


def run_tesseract(gray: Image.Image, dpi: int = DPI, threads: int | None = 1) -> str:
    """Tesseract's TSV for one page image. threads=None keeps Tesseract's own threading."""
    _require_tesseract()
    buffer = io.BytesIO()
    gray.save(buffer, format="PPM")  # uncompressed: encoding PNG would cost more than OCR I/O
    env = dict(os.environ)
    if threads is not None:
        env["OMP_THREAD_LIMIT"] = str(threads)
    command = [
        shutil.which(TESSERACT) or TESSERACT, "stdin", "stdout",
        "-l", LANGUAGE, "--psm", PAGE_SEGMENTATION, "--dpi", str(dpi),
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
        """Stamp or signature remnants: no letter or digit, or a couple of doubtful ones."""
        alnum = sum(ch.isalnum() for w in self.words for ch in w.text)
        mean = sum(w.confidence for w in self.words) / len(self.words)
        return alnum == 0 or (alnum <= 2 and mean < 70)


Row = list[Segment]  # segments side by side, left to right


def segments(words: Sequence[Word], gap: float) -> list[Segment]:
    """Split Tesseract's lines where two neighbouring words are more than `gap` apart."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    result = []
    for line_words in lines.values():
        result.extend(_split(sorted(line_words, key=lambda w: w.left), gap))
    return result


def _split(words: Sequence[Word], gap: float) -> list[Segment]:
    parts = [Segment([words[0]])]
    for word in words[1:]:
        if word.left - parts[-1].right > gap:
            parts.append(Segment([]))
        parts[-1].words.append(word)
    return parts


def rows(parts: Iterable[Segment], gap: float) -> list[Row]:
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
        kept = [part for part in _split(words, gap) if not part.is_junk]
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
        """Three or more columns filled on two rows, or two left-aligned columns on three.

        A header or signer block has two columns but its lines are centred, so their left
        edges wander; the cells of a real table start at the same x.
        """
        full = [cells for cells in map(self.cells, self.rows) if all(cells)]
        if len(self.columns) >= 3:
            return len(full) >= 2
        if len(self.columns) != 2 or len(full) < 3:
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


def layout(words: Sequence[Word]) -> list[LayoutLine]:
    """Words into lines in reading order: column regions column by column, tables by row."""
    if not words:
        return []
    line_height = statistics.median(w.height for w in words)
    gap = 2.0 * line_height  # about 1.5 em: wider than any justified space
    page_rows = rows(segments(words, gap), gap)
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
    first_table: int = 1,
) -> SourcePage:
    """SourcePage from OCR words; boxes in points. Tables are numbered from first_table."""
    scale = 72.0 / dpi
    lines = []
    table = first_table - 1
    for number, line in enumerate(layout(words), start=1):
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
    gray = preprocess(image) if clean else image.convert("L")
    words = parse_tsv(run_tesseract(gray, dpi=round(resolution)))
    return page_from_words(words, page_number, gray.size, resolution, first_table)


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
            line.model_copy(update={"table": mapping[line.table]}) if line.table else line
            for line in page.lines
        )
        result.append(page.model_copy(update={"lines": lines}))
    return result


def read_images(data: bytes, *, workers: int | None = None) -> list[SourcePage]:
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
