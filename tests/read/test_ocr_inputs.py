"""Image files and pages as they come: every Pillow format, multi-frame TIFFs read a frame
at a time, blank pages skipped, huge pages scaled down with a note, bombs refused."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from validator.model import ReadFailure, SourcePage
from validator.read import ocr, read_bytes
from validator.read.limits import Limits
from validator.read.ocr import engine, images, pages

ROOT = Path(__file__).resolve().parents[2]
needs_tesseract = pytest.mark.skipif(
    ocr.tesseract_problem() is not None, reason="Tesseract with the vie model is not installed"
)


@pytest.fixture(scope="module")
def scan() -> Image.Image:
    """Page 1 of the committed upright demo scan at 300 dpi."""
    document = pdfium.PdfDocument(str(ROOT / "samples" / "scans" / "demo-thang.pdf"))
    try:
        return pages.render_pdf_page(document[0])
    finally:
        document.close()


@pytest.fixture(scope="module")
def header(scan: Image.Image) -> Image.Image:
    return scan.crop((0, 0, scan.width, scan.height // 8))


@pytest.fixture(scope="module")
def signer(scan: Image.Image) -> Image.Image:
    return scan.crop((scan.width // 2, scan.height * 3 // 4, scan.width, scan.height))


def _encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _texts(page: SourcePage) -> list[str]:
    return [line.text for line in page.lines]


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count Tesseract page readings (the second readings of strips included)."""
    calls: list[int] = []
    original = engine.recognize

    def counted(gray: Image.Image, dpi: int, segmentation: int = engine.PAGE_SEGMENTATION):
        calls.append(segmentation)
        return original(gray, dpi, segmentation)

    monkeypatch.setattr(engine, "recognize", counted)
    return calls


# ------------------------------------------------------------------------ formats


@needs_tesseract
def test_png_and_multipage_tiff_are_read(header: Image.Image, signer: Image.Image) -> None:
    tiff = _encoded(header, "TIFF", save_all=True, append_images=[signer], dpi=(300, 300))
    read = ocr.read_images(tiff)
    assert [p.number for p in read] == [1, 2] and all(p.scanned for p in read)
    assert "QUYẾT ĐỊNH" not in _texts(read[1]) and "Nguyễn Văn Bình" in _texts(read[1])
    png = _encoded(header, "PNG", dpi=(300, 300))
    assert "XÃ AN BÌNH" in _texts(ocr.read_images(png)[0])


@needs_tesseract
@pytest.mark.parametrize("fmt", ["BMP", "GIF", "WEBP"])
def test_other_pillow_formats_are_read(header: Image.Image, fmt: str) -> None:
    # A whole A4 sheet: GIF keeps no resolution, which is then guessed from the width.
    sheet = Image.new("RGB", (2480, 3508), "white")
    sheet.paste(header, (0, 0))
    data = _encoded(sheet.quantize(256) if fmt == "GIF" else sheet, fmt)
    texts = _texts(ocr.read_images(data)[0])
    assert "XÃ AN BÌNH" in texts and "Độc lập - Tự do - Hạnh phúc" in texts


@needs_tesseract
def test_sixteen_bit_gray_is_scaled_not_clipped(header: Image.Image) -> None:
    """Pillow's own conversion of 16-bit gray to 8-bit clips: the page would go white."""
    deep = np.asarray(header.convert("L"), dtype=np.uint16) * 257
    image = Image.fromarray(deep)
    assert image.mode.startswith("I;16")
    data = _encoded(image, "PNG", dpi=(300, 300))
    assert "XÃ AN BÌNH" in _texts(ocr.read_images(data)[0])


def test_unreadable_image_is_corrupt() -> None:
    if ocr.tesseract_problem() is not None:
        pytest.skip("the no_text check comes first without Tesseract")
    with pytest.raises(ReadFailure) as failure:
        ocr.read_images(b"\x89PNG\r\n\x1a\n truncated")
    assert failure.value.code == "corrupt"


# ------------------------------------------------------------------------- memory


def _png_header(width: int, height: int, colour_type: int = 2) -> bytes:
    """A PNG that only claims its size (no pixel data): enough for Image.open."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@needs_tesseract
@pytest.mark.parametrize(("width", "height"), [(20_000, 20_000), (200_000, 200_000)])
def test_colour_image_too_large_to_decode_is_refused_naming_the_limit(
    width: int, height: int
) -> None:
    with pytest.raises(ReadFailure) as failure:
        ocr.read_images(_png_header(width, height))
    assert failure.value.code == "too_large" and "512 MB" in failure.value.detail


@needs_tesseract
def test_huge_page_image_is_scaled_down_with_a_note() -> None:
    sheet = Image.new("L", (3000, 3000), 255)  # 9 million pixels at 300 dpi
    page = pages.ocr_image(sheet, 1, dpi=300, max_pixels=2_000_000)  # a small cap: a light test
    assert [note.code for note in page.notes] == ["page_downscaled"]
    assert "max_pixels" in page.notes[0].message and "max_pixels" in page.notes[0].message_en
    assert page.width == pytest.approx(3000 * 72 / 300, rel=0.01)  # points are still points


@needs_tesseract
def test_pixel_limit_is_the_max_pixels_setting(scan: Image.Image) -> None:
    """`[limits] max_pixels` caps the pages of scanned PDFs and of image files alike."""
    data = (ROOT / "samples" / "scans" / "demo-thang.pdf").read_bytes()
    limits = Limits(max_pixels=1_500_000)
    for read in (read_bytes(data, limits=limits),
                 read_bytes(_encoded(scan, "PNG", dpi=(300, 300)), limits=limits)):
        (page,) = read.pages
        downscaled = [note for note in page.notes if note.code == "page_downscaled"]
        assert len(downscaled) == 1 and "1.5 million pixels a page, max_pixels" in \
            downscaled[0].message_en
    document = pdfium.PdfDocument(data)
    try:
        image = pages.render_pdf_page(document[0], max_pixels=1_500_000)
    finally:
        document.close()
    assert image.width * image.height <= 1_500_000


def _tiff(frames: int) -> bytes:
    blank = Image.new("1", (8, 8), 1)
    return _encoded(blank, "TIFF", save_all=True, append_images=[blank] * (frames - 1))


@needs_tesseract
def test_more_frames_than_the_page_limit_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 5,000-frame TIFF is refused as a 5,000-page PDF is, naming the setting, before a
    single frame is decoded."""
    monkeypatch.setattr(images, "_decoded", lambda frame, copy: pytest.fail("decoded"))
    with pytest.raises(ReadFailure) as caught:
        read_bytes(_tiff(5000))
    assert caught.value.code == "too_large"
    assert caught.value.detail == f"max_pages: 5000 > {Limits().max_pages}"
    with pytest.raises(ReadFailure) as caught:
        read_bytes(_tiff(4), limits=Limits(max_pages=3))
    assert caught.value.detail == "max_pages: 4 > 3"


@needs_tesseract
def test_huge_pdf_page_renders_within_the_cap() -> None:
    """A 14,400 pt (200 inch) page at 300 dpi would be 60,000 pixels a side."""
    document = pdfium.PdfDocument.new()
    document.new_page(14_400, 14_400)
    try:
        image = pages.render_pdf_page(document[0])
        page = pages.ocr_pdf_page(document[0], 1)
    finally:
        document.close()
    assert image.width * image.height <= pages.PAGE_PIXELS
    assert [note.code for note in page.notes] == ["page_downscaled"]
    assert page.width == pytest.approx(14_400, rel=0.01)


@needs_tesseract
def test_tiff_frames_are_decoded_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    frames = [Image.new("L", (400, 300), 255) for _ in range(12)]
    data = _encoded(frames[0], "TIFF", save_all=True, append_images=frames[1:])
    events: list[str] = []
    decode, read = images._decoded, pages.ocr_image
    monkeypatch.setattr(images, "_decoded",
                        lambda frame, copy: events.append("+") or decode(frame, copy))

    def reading(image: Image.Image, number: int, **options: object):
        events.append("-")
        return read(image, number, **options)

    monkeypatch.setattr(pages, "ocr_image", reading)
    read_pages = ocr.read_images(data, workers=1)
    assert len(read_pages) == 12 and events.count("+") == 12
    waiting = np.cumsum([1 if e == "+" else -1 for e in events])
    assert waiting.max() <= 3  # two in the pool's queue and the one waiting for a slot


# ------------------------------------------------------------- work that is skipped


@needs_tesseract
def test_blank_pages_cost_no_ocr(monkeypatch: pytest.MonkeyPatch, signer: Image.Image) -> None:
    calls = _counting(monkeypatch)
    blank = Image.new("RGB", signer.size, (250, 250, 248))
    read = ocr.read_images(_encoded(signer, "TIFF", save_all=True, append_images=[blank]))
    assert _texts(read[1]) == [] and read[1].ocr_confidence is None and read[1].scanned
    assert calls.count(engine.PAGE_SEGMENTATION) == 1  # the signer page only
