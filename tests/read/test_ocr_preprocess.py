"""Page cleaning: skew, stamp colours, rules, blank pages, turned pages."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image
from script_loader import load_script

from validator.read.ocr import orientation, pages, preprocess

ROOT = Path(__file__).resolve().parents[2]
UPRIGHT = ROOT / "samples" / "scans" / "demo-thang.pdf"
scans = load_script("scripts/build_scans.py", "build_scans")
topic = load_script("scripts/samples_scans.py", "samples_scans")


@pytest.fixture(scope="module")
def page() -> Image.Image:
    """Page 1 of the committed upright demo scan, at 150 dpi."""
    document = pdfium.PdfDocument(str(UPRIGHT))
    try:
        return pages.render_pdf_page(document[0], 150)
    finally:
        document.close()


@pytest.mark.parametrize("angle", [1.3, -1.7, 0.6])
def test_deskew_estimates_known_skew(page: Image.Image, angle: float) -> None:
    gray = preprocess.deskew(page.convert("L"), preprocess.estimate_skew(page.convert("L")))
    rotated = gray.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert preprocess.estimate_skew(rotated) == pytest.approx(angle, abs=0.3)


def test_stamp_colours_fade_but_black_print_under_them_stays() -> None:
    pixels = np.array(
        [[(215, 35, 45), (35, 60, 170), (0, 0, 0), (60, 5, 8), (250, 250, 250), (90, 90, 90)]],
        dtype=np.uint8,
    )  # red stamp, blue pen, black print, black under red ink (JPEG-tinted), paper, gray
    gray = np.asarray(preprocess.drop_stamp_colours(Image.fromarray(pixels, "RGB")))[0]
    assert gray[0] == 255 and gray[1] == 255  # stamp and signature gone
    assert gray[2] < 20 and gray[3] < 90 and gray[5] < 100  # print kept dark
    assert gray[4] > 240


def test_rules_are_removed_text_is_kept() -> None:
    pixels = np.full((200, 1000), 255, dtype=np.uint8)
    pixels[100:102, 50:950] = 0  # a table border
    pixels[140:170, 100:104] = 0  # a letter's stem
    cleaned = np.asarray(preprocess.clean_rules(Image.fromarray(pixels))[0])
    assert (cleaned[100:102] < 140).sum() == 0
    assert (cleaned[140:170, 100:104] < 140).all()


def test_blank_back_with_dust_and_show_through_is_blank(page: Image.Image) -> None:
    back = topic._blank_back(page, random.Random(3))
    assert preprocess.is_blank(preprocess.drop_stamp_colours(back))
    assert not preprocess.is_blank(preprocess.drop_stamp_colours(page))


def test_one_line_of_print_is_not_blank(page: Image.Image) -> None:
    line = Image.new("RGB", page.size, "white")
    line.paste(page.crop((0, 520, page.width, 560)), (0, 520))  # one body line
    assert not preprocess.is_blank(preprocess.drop_stamp_colours(line))


def test_lines_running_up_the_page_are_seen(page: Image.Image) -> None:
    gray = preprocess.drop_stamp_colours(page)
    assert not orientation.lines_run_vertically(gray)
    assert not orientation.lines_run_vertically(gray.rotate(180, expand=True))
    assert orientation.lines_run_vertically(gray.rotate(90, expand=True))
    assert orientation.lines_run_vertically(gray.rotate(270, expand=True))
