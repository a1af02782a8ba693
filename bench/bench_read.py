"""Reading + normalising text PDFs, against bare pypdfium2 text extraction of the same files.

Usage: python bench/bench_read.py [PDF or folder ...]
Default: the text PDFs at the top of samples/ (Word and LibreOffice exports, the common case;
the same files the ratio was first measured on), then the PDF defect-class samples in
samples/pdf/, then pages of 5,000 to 30,000 glyphs each placed on its own (generated here),
in drawing order and shuffled, to show line assembly stays near-linear.

Times are CPU seconds, the best of interleaved rounds, so load from other processes weighs
on both sides alike. Target: <= 3.1x bare pypdfium2 on the default corpus (the ratio before
glyph-level line assembly).
"""

from __future__ import annotations

import io
import random
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from validator.model import ReadFailure
from validator.normalize import normalize
from validator.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
TARGET = 3.1


def text_pdfs(paths: list[Path], recursive: bool = True) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.pdf") if recursive else path.glob("*.pdf")))
        else:
            found.append(path)
    readable = []
    for path in found:
        try:
            result = read_bytes(path.read_bytes(), ocr="never")
        except ReadFailure:
            continue
        if result.format == "pdf" and not result.scanned_pages:
            readable.append(path)
    return readable


def bare_pypdfium2(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    size = 0
    for page in pdf:
        size += len(page.get_textpage().get_text_range())
    pdf.close()
    return size


def ours(data: bytes) -> int:
    text = normalize(read_bytes(data, ocr="never").lines)
    return len(text.text)


def timed(functions: list, blobs: list[bytes], rounds: int) -> list[float]:
    """CPU seconds per document for each function: the best round of `rounds`, rounds of
    the functions interleaved, so load from other processes weighs on both sides alike."""
    best = [float("inf")] * len(functions)
    for _ in range(rounds):
        for position, function in enumerate(functions):
            start = time.process_time()
            for blob in blobs:
                function(blob)
            best[position] = min(best[position], time.process_time() - start)
    return [seconds / len(blobs) for seconds in best]


def compare(label: str, blobs: list[bytes], rounds: int) -> float:
    for blob in blobs:  # warm imports and caches for both sides
        bare_pypdfium2(blob)
        ours(blob)
    base, mine = timed([bare_pypdfium2, ours], blobs, rounds)
    print(f"{label:34} bare {base * 1000:8.2f} ms  ours {mine * 1000:8.2f} ms  "
          f"ratio {mine / base:6.2f}x")
    return mine / base


def glyph_page(glyphs: int, shuffled: bool) -> bytes:
    """One A4 page of `glyphs` glyphs, each drawn on its own (as Word and signing tools
    export), in reading order or in a shuffled order."""
    from reportlab.pdfgen.canvas import Canvas

    per_line = 100
    lines = -(-glyphs // per_line)
    size = min(12.0, 780.0 / lines / 1.2)
    placed = [(40 + (k % per_line) * size * 0.5, 810 - (k // per_line) * size * 1.2,
               "abcdefghij"[k % 10]) for k in range(glyphs)]
    if shuffled:
        random.Random(glyphs).shuffle(placed)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont("Courier", size)
    for x, y, char in placed:
        canvas.drawString(x, y, char)
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    if sys.argv[1:]:
        files = text_pdfs([Path(a) for a in sys.argv[1:]])
        if not files:
            sys.exit("no text PDF found")
        compare(f"{len(files)} text PDFs", [f.read_bytes() for f in files], 20)
        return
    files = text_pdfs([ROOT / "samples"], recursive=False)
    ratio = compare(f"samples/ ({len(files)} text PDFs)", [f.read_bytes() for f in files], 20)
    print(f"{'':34} target <= {TARGET}x: {'met' if ratio <= TARGET else 'MISSED'}")
    defects = text_pdfs([ROOT / "samples" / "pdf"])
    if defects:
        compare(f"samples/pdf/ ({len(defects)} defect classes)",
                [f.read_bytes() for f in defects], 10)
    for shuffled in (False, True):
        for glyphs in (5_000, 20_000, 30_000):
            label = f"{glyphs:,} glyphs{' shuffled' if shuffled else ''}"
            compare(label, [glyph_page(glyphs, shuffled)], 3)


if __name__ == "__main__":
    main()
