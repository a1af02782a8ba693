"""Image files (PNG, JPEG, TIFF, BMP, GIF, WebP: whatever Pillow opens), one page a frame.

Frames are decoded one at a time as the OCR threads free up: a 500-page TIFF never holds
more than a few pages in memory, and a file of more frames than the run's `max_pages` is
refused as too_large before any is decoded, as a PDF of more pages is. A frame larger than
`max_pixels` is scaled down to it by the page step, and an image whose decoded frame alone
would exceed DECODED_BYTES is refused as too_large before any pixel is decoded.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from validator.model import ReadFailure, SourcePage
from validator.read.limits import DEFAULT_LIMITS, limit_detail
from validator.read.ocr import engine
from validator.read.ocr.pages import ocr_pages

# The largest frame decoded at all, in bytes of Pillow's pixel data: a 20000 x 20000
# grayscale scan (400 MB) still opens and is scaled down; the same in colour (1.2 GB) does
# not. Pillow's own decompression-bomb limit is set to match (in pixels at one byte each),
# with its warning turned into the same refusal.
DECODED_BYTES = 512 * 1024 * 1024
Image.MAX_IMAGE_PIXELS = DECODED_BYTES
_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "LA": 2, "PA": 2, "I;16": 2, "RGB": 3, "YCbCr": 3,
                    "LAB": 3, "HSV": 3, "RGBA": 4, "RGBX": 4, "CMYK": 4, "I": 4, "F": 4}


def read_images(data: bytes, *, workers: int | None = None,
                max_pages: int = DEFAULT_LIMITS.max_pages,
                max_pixels: int = DEFAULT_LIMITS.max_pixels) -> list[SourcePage]:
    """OCR an image file; every frame of a multi-page TIFF (or GIF, WebP) is a page."""
    engine.require_tesseract()
    image = _open(data)
    frames = _frame_count(image)
    if frames > max_pages:
        raise ReadFailure("too_large", limit_detail("max_pages", frames, max_pages))
    pages = ocr_pages(_frames(image), workers=workers, max_pixels=max_pixels)
    if not pages:
        raise ReadFailure("empty", "the image file has no frames")
    return pages


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ReadFailure("too_large", _too_large(exc)) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ReadFailure("corrupt", f"unreadable image: {exc}") from exc
    _check_size(image)
    return image


def _frame_count(image: Image.Image) -> int:
    """The frames of the file, counted from its frame directory without decoding any."""
    try:
        return int(getattr(image, "n_frames", 1))
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ReadFailure("corrupt", f"unreadable image: {exc}") from exc


def _too_large(exc: Exception) -> str:
    return f"{exc}; the limit is {DECODED_BYTES // (1024 * 1024)} MB of decoded pixels"


def _check_size(frame: Image.Image) -> None:
    needed = frame.width * frame.height * _BYTES_PER_PIXEL.get(frame.mode, 4)
    if needed > DECODED_BYTES:
        raise ReadFailure(
            "too_large",
            f"an image frame of {frame.width} x {frame.height} pixels ({frame.mode}) needs "
            f"{needed // (1024 * 1024)} MB decoded; the limit is "
            f"{DECODED_BYTES // (1024 * 1024)} MB")


def _frames(image: Image.Image) -> Iterator[tuple[int, Image.Image]]:
    """(page number, frame ready for OCR), decoded only when asked for."""
    # The frames of a multi-page file are one object seeking from frame to frame: each is
    # copied before the next is decoded into it. A single frame is used as it is.
    several = getattr(image, "n_frames", 1) > 1
    try:
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            _check_size(frame)
            decoded = _decoded(frame, copy=several)
            decoded.info["dpi"] = frame.info.get("dpi")  # each frame its own resolution
            yield number, decoded
    except Image.DecompressionBombError as exc:
        raise ReadFailure("too_large", _too_large(exc)) from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ReadFailure("corrupt", f"unreadable image: {exc}") from exc


def _decoded(frame: Image.Image, copy: bool) -> Image.Image:
    """The frame decoded, in RGB or L: the modes the cleaning step takes. Deeper grays (16-bit
    scans, float images) are scaled to 8 bits; Pillow's own conversion would clip them."""
    frame.load()
    if frame.mode in ("L", "RGB"):
        return frame.copy() if copy else frame
    if frame.mode in ("I;16", "I", "F"):
        values = np.asarray(frame, dtype=np.float32)
        top = float(values.max()) or 1.0
        return Image.fromarray((values * (255 / top)).clip(0, 255).astype(np.uint8), "L")
    if frame.mode in ("1", "L"):
        return frame.convert("L")
    return frame.convert("RGB")
