"""One scanned page from pixels to a SourcePage, and many pages in parallel threads.

A page is rendered or decoded at most `max_pixels` large (the run's Limits.max_pixels,
PAGE_PIXELS by default), its stamp colours dropped, and
skipped when blank; otherwise it is cleaned, read, read again where doubtful, turned upright
when it reads like a page lying on its side, and laid out into lines with boxes in points.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PIL import Image

from validator.model import Box, ReadingNote, SourceLine, SourcePage
from validator.read.limits import DEFAULT_LIMITS
from validator.read.ocr import configured_threads, engine, orientation
from validator.read.ocr.engine import LOW_CONFIDENCE, Word
from validator.read.ocr.layout import confidence, layout
from validator.read.ocr.numbers import split_glued_numbers
from validator.read.ocr.preprocess import Border, clean, drop_stamp_colours, is_blank
from validator.read.ocr.reread import reread

if TYPE_CHECKING:
    import pypdfium2

DPI = 300
MIN_OCR_DPI = 250  # images scanned coarser are enlarged to DPI first: Tesseract wants ~30 px
# The most pixels one page is read at (setting `max_pixels`): A3 at 300 dpi (17.4 million)
# fits. A larger page (a poster, a 14,400 pt PDF page, a 20000 x 20000 image) is scaled down
# to it, with a note: at 300 dpi it would take gigabytes (a page costs about 15 bytes per
# pixel while cleaned).
PAGE_PIXELS = DEFAULT_LIMITS.max_pixels


# ------------------------------------------------------------------------ pages


@dataclass(frozen=True, slots=True)
class _Reading:
    gray: Image.Image  # the cleaned page Tesseract read
    borders: list[Border]
    words: list[Word]


def _read(gray: Image.Image, dpi: int) -> _Reading:
    cleaned, borders = clean(gray)
    words = engine.recognize(cleaned, dpi)
    return _Reading(cleaned, borders, split_glued_numbers(reread(cleaned, words, dpi)))


def _upright_reading(gray: Image.Image, dpi: int) -> tuple[_Reading, int]:
    """The page read upright, and how far it had to be turned (see orientation)."""
    turn = orientation.detect(gray, dpi) if orientation.lines_run_vertically(gray) else 0
    reading = _read(_turned(gray, turn), dpi)
    if orientation.looks_wrong(reading.words):
        more = orientation.detect(reading.gray, dpi)
        if more:
            again = _read(_turned(gray, (turn + more) % 360), dpi)
            if (confidence(again.words) or 0) > (confidence(reading.words) or 0):
                reading, turn = again, (turn + more) % 360
    return reading, turn


def _turned(gray: Image.Image, turn: int) -> Image.Image:
    return gray.rotate(turn, expand=True) if turn else gray


def ocr_image(
    image: Image.Image, page_number: int, *, dpi: float | None = None, first_table: int = 1,
    max_pixels: int = PAGE_PIXELS,
) -> SourcePage:
    """OCR one page image into a scanned SourcePage (boxes in points, notes on the page).

    dpi defaults to the image's own (or an A4 guess) and converts pixel boxes to points.
    first_table is the document-wide number the page's first table gets.
    """
    engine.require_tesseract()
    notes: list[ReadingNote] = []
    image, resolution = _fit(image, dpi or image_dpi(image), page_number, notes, max_pixels)
    gray = drop_stamp_colours(image)
    if is_blank(gray):
        return _page(page_number, [], gray.size, resolution, notes=notes)
    reading, turn = _upright_reading(gray, round(resolution))
    if turn:
        notes.append(_note_rotated(page_number, turn))
    return _page(page_number, reading.words, reading.gray.size, resolution, first_table,
                 reading.borders, notes)


def image_dpi(image: Image.Image) -> float:
    """The image's own resolution, or the one that makes it A4 wide (8.27 in)."""
    dpi = image.info.get("dpi")
    if dpi and float(dpi[0]) >= 72:
        return float(dpi[0])
    return max(72.0, min(image.width, image.height) / 8.27)


def _fit(image: Image.Image, dpi: float, page_number: int, notes: list[ReadingNote],
         max_pixels: int) -> tuple[Image.Image, float]:
    """The image at a resolution Tesseract reads well, within `max_pixels`."""
    factor = DPI / dpi if dpi < MIN_OCR_DPI else 1.0
    factor = min(factor, capped_scale(image.width, image.height, max_pixels))
    if factor < 1.0:
        notes.append(note_downscaled(page_number, dpi, dpi * factor, max_pixels))
    if abs(factor - 1.0) < 1e-3:
        return image, dpi
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.BICUBIC if factor > 1 else Image.Resampling.BOX,
                        reducing_gap=3.0 if factor < 1 else None), dpi * factor


def capped_scale(width: float, height: float, max_pixels: int = PAGE_PIXELS) -> float:
    """The factor (at most 1) that brings width x height pixels within `max_pixels`, sizes
    rounded up as a renderer does."""
    factor = min(1.0, math.sqrt(max_pixels / max(1.0, width * height)))
    while factor < 1.0 and math.ceil(width * factor) * math.ceil(height * factor) > max_pixels:
        factor *= 0.999
    return factor


def _page(
    number: int, words: Sequence[Word], size: tuple[int, int], dpi: float, first_table: int = 1,
    borders: Sequence[Border] = (), notes: Sequence[ReadingNote] = (),
) -> SourcePage:
    page = page_from_words(words, number, size, dpi, first_table, borders)
    if page.ocr_confidence is not None and page.ocr_confidence < LOW_CONFIDENCE:
        notes = [*notes, _note_low_confidence(number, page.ocr_confidence)]
    return replace(page, notes=tuple(notes))


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
                table=table if line.in_table else None, confidence=confidence(line.words),
                unsure=tuple(w.text for w in line.words
                             if w.confidence < LOW_CONFIDENCE and not w.confirmed),
            )
        )
    return SourcePage(
        number=page_number, lines=tuple(lines), scanned=True,
        ocr_confidence=confidence(words) if words else None,
        width=round(size[0] * scale, 2), height=round(size[1] * scale, 2),
    )


def _box(words: Sequence[Word], scale: float) -> Box:
    return Box(
        x0=round(min(w.left for w in words) * scale, 2),
        top=round(min(w.top for w in words) * scale, 2),
        x1=round(max(w.right for w in words) * scale, 2),
        bottom=round(max(w.bottom for w in words) * scale, 2),
    )


# ------------------------------------------------------------------------ notes


def _note_rotated(page: int, turn: int) -> ReadingNote:
    return ReadingNote(
        code="page_rotated",
        message=f"Trang {page} được quét nằm nghiêng {turn}°; đã xoay lại cho thẳng trước khi "
                "nhận dạng chữ.",
        message_en=f"Page {page} was scanned turned by {turn}°; it was turned upright before "
                   "OCR.",
        page=page)


def note_downscaled(page: int, dpi: float, used: float,
                    max_pixels: int = PAGE_PIXELS) -> ReadingNote:
    millions = f"{max_pixels / 1_000_000:g}"
    return ReadingNote(
        code="page_downscaled",
        message=f"Trang {page} quá lớn để đọc ở {dpi:.0f} dpi; đã nhận dạng ở {used:.0f} dpi "
                f"(tối đa {millions} triệu điểm ảnh một trang, max_pixels), chữ nhỏ có "
                "thể đọc sai.",
        message_en=f"Page {page} is too large to read at {dpi:.0f} dpi; it was read at "
                   f"{used:.0f} dpi (at most {millions} million pixels a page, max_pixels), "
                   "so small print may be misread.",
        page=page)


def _note_low_confidence(page: int, value: float) -> ReadingNote:
    return ReadingNote(
        code="ocr_low_confidence",
        message=f"Trang {page} nhận dạng chữ với độ tin cậy thấp ({value:.0f}/100): nội dung "
                "đọc được có thể sai, cần đối chiếu với bản quét.",
        message_en=f"Page {page} was read by OCR with low confidence ({value:.0f}/100): the "
                   "text may be wrong, compare it with the scan.",
        page=page)


# ---------------------------------------------------------------------- PDF pages


def render_pdf_page(page: pypdfium2.PdfPage, dpi: int = DPI,
                    max_pixels: int = PAGE_PIXELS) -> Image.Image:
    """The page as an RGB bitmap, at most `max_pixels`; colour is kept so stamp ink can be
    told from print."""
    return _render(page, dpi, max_pixels)[0]


def _render(page: pypdfium2.PdfPage, dpi: int, max_pixels: int) -> tuple[Image.Image, float]:
    width, height = page.get_size()
    scale = dpi / 72 * capped_scale(width * dpi / 72, height * dpi / 72, max_pixels)
    bitmap = page.render(scale=scale)
    try:
        image = bitmap.to_pil().convert("RGB")  # a copy: the bitmap's buffer is freed below
    finally:
        bitmap.close()
    return image, scale * 72


def ocr_pdf_page(page: pypdfium2.PdfPage, page_number: int, dpi: int = DPI) -> SourcePage:
    """Render a PDF page at `dpi` (less when it is huge, with a note), clean it and OCR it."""
    return submit_pdf_page(page, page_number, dpi).result()


def submit_pdf_page(
    page: pypdfium2.PdfPage, page_number: int, dpi: int = DPI, max_pixels: int = PAGE_PIXELS,
) -> Future[SourcePage]:
    """Render the page now (pdfium is not thread-safe) and OCR it in the page pool.

    Blocks while the pool already holds twice as many pages as it has threads, so a long
    scan is never all in memory.
    """
    engine.require_tesseract()
    pool = _pool()
    pool.slots.acquire()
    try:
        image, used = _render(page, dpi, max_pixels)
    except BaseException:
        pool.slots.release()
        raise
    notes = [note_downscaled(page_number, dpi, used, max_pixels)] if used < dpi - 0.5 else []
    return pool.submit(_ocr_rendered, image, page_number, used, notes, max_pixels)


def _ocr_rendered(image: Image.Image, number: int, dpi: float | None,
                  notes: list[ReadingNote], max_pixels: int = PAGE_PIXELS) -> SourcePage:
    page = ocr_image(image, number, dpi=dpi, max_pixels=max_pixels)
    return replace(page, notes=(*notes, *page.notes)) if notes else page


# ----------------------------------------------------------------- parallel pages


class _Pool:
    """Threads that OCR pages, each with its own Tesseract (see engine), and a bound on
    the pages waiting for them."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ocr")
        self.slots = threading.BoundedSemaphore(2 * threads)

    def submit(self, work: Callable[..., SourcePage], *args: object) -> Future[SourcePage]:
        """Run work(*args) in a thread; the caller already holds one of the slots."""
        try:
            future = self.executor.submit(work, *args)
        except BaseException:
            self.slots.release()
            raise
        future.add_done_callback(lambda _: self.slots.release())
        return future


_pools: dict[tuple[int, int], _Pool] = {}  # by process (a forked worker starts without
# the parent's threads) and by thread count
_lock = threading.Lock()


def ocr_threads() -> int:
    """How many pages of one file are read at a time (validator.read.ocr.configure)."""
    threads = configured_threads()
    if threads:
        return max(1, threads)
    if multiprocessing.parent_process() is not None:
        return 1
    return os.cpu_count() or 1


def _pool(threads: int | None = None) -> _Pool:
    key = (os.getpid(), threads or ocr_threads())
    with _lock:
        if key not in _pools:
            _pools[key] = _Pool(key[1])
        return _pools[key]


def ocr_pages(
    images: Iterable[tuple[int, Image.Image]], *, dpi: float | None = None,
    workers: int | None = None, max_pixels: int = PAGE_PIXELS,
) -> list[SourcePage]:
    """OCR many (page number, image) pairs in the page pool, in order.

    Images are pulled from the iterable only as threads free up, so a long scan is never
    all in memory. Tables are numbered through the document afterwards.
    """
    engine.require_tesseract()
    pool = _pool(workers)
    pending: list[Future[SourcePage]] = []
    try:
        for number, image in images:
            pool.slots.acquire()
            pending.append(pool.submit(_ocr_rendered, image, number, dpi, [], max_pixels))
        return renumber_tables([future.result() for future in pending])
    finally:
        for future in pending:
            future.cancel()


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
