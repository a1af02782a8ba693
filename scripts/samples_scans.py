"""Scans as offices send them: turned pages, blank backs, a blue seal, handwritten blanks.

Built from the demo decision of scripts/build_scans.py (a commune decision with its member
list and signer block), scanned the same way, then:

    demo-thang.pdf       page 1 upright: what the others must read like
    demo-quay-90.pdf     page 1 turned 90 degrees counter-clockwise (fed sideways)
    demo-quay-180.pdf    page 1 upside down
    demo-quay-270.pdf    page 1 turned 90 degrees clockwise
    demo-hai-mat.pdf     both pages scanned duplex: a blank back after each (dust, a faint
                         show-through of the front), which must cost no OCR
    demo-dau-xanh.pdf    page 1 with a blue seal and signature over the signer's name
    demo-viet-tay.pdf    page 1 of the typed copy with the number and the day written into
                         the blanks by hand: never read as a confident wrong value
    demo-dau-mu-mo.pdf   page 1 of a worn copy: the bold capitals lost their circumflex and
                         kept the tone mark ("QUYÉT ĐỊNH"), which the header must still find

manifest.json says what each must read as. Build with
`.venv/bin/python scripts/build_samples.py --topic scans` (needs fonts-liberation2).
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_scans as scans  # a sibling script

SETTINGS = scans.ScanSettings(dpi=200, angle=1.2, grain=1.5, speckle=0.0004, jpeg_quality=45,
                              seed=21)
TURNS = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
         270: Image.Transpose.ROTATE_270}
BLUE = (40, 75, 185)


def build(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        native = scans.make_demo_pdf(Path(work) / "demo-native.pdf")
        typed = scans.make_demo_pdf(Path(work) / "demo-typed.pdf", blanks=True)
        pages = scans.scan_pdf(native, SETTINGS)
        blue = scans.scan_pdf(native, replace(SETTINGS, seal=BLUE))
        written = scans.scan_pdf(typed, SETTINGS, handwriting=scans.HANDWRITTEN)
        worn = scans.scan_pdf(scans.make_demo_pdf(Path(work) / "demo-worn.pdf",
                                                  worn=scans.WORN_MARKS), SETTINGS)
    entries = [_save(folder, "demo-thang.pdf", pages[:1])]
    for degrees, transpose in TURNS.items():
        entries.append(_save(folder, f"demo-quay-{degrees}.pdf", [pages[0].transpose(transpose)],
                             like="demo-thang.pdf", turned={1: degrees}))
    backs = [_blank_back(page, random.Random(index)) for index, page in enumerate(pages)]
    duplex = [page for pair in zip(pages, backs, strict=True) for page in pair]
    entries.append(_save(folder, "demo-hai-mat.pdf", duplex, blank_pages=[2, 4]))
    entries.append(_save(folder, "demo-dau-xanh.pdf", blue[:1], signer={
        "authority": "KT.", "position": "PHÓ CHỦ TỊCH", "name": scans.SIGNER_NAME}))
    number, day, month = scans.HANDWRITTEN
    entries.append(_save(folder, "demo-viet-tay.pdf", written[:1], handwritten={
        "number": number, "date": f"2023-{month}-{day}"}))
    entries.append(_save(folder, "demo-dau-mu-mo.pdf", worn[:1], like="demo-thang.pdf",
                         worn=scans.WORN_MARKS))
    manifest = {"generated_by": "scripts/samples_scans.py", "files": entries}
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _save(folder: Path, name: str, pages: list[Image.Image], **expected: object) -> dict:
    scans.save_pdf(pages, folder / name, SETTINGS)
    return {"file": name, "pages": len(pages), **expected}


def _blank_back(front: Image.Image, rng: random.Random) -> Image.Image:
    """The back of a sheet printed on one side: paper grain, dust, and the front showing
    through faintly, mirrored."""
    through = np.asarray(ImageOps.mirror(front.convert("L")), dtype=np.float32)
    paper = 255 - (255 - through) * 0.07  # a dark glyph shows as light gray
    back = Image.fromarray(np.repeat(paper[..., None], 3, axis=2).astype(np.uint8), "RGB")
    return scans.speckle(back, SETTINGS.speckle, SETTINGS.grain, rng)
