"""Reading + normalising text PDFs, against bare pypdfium2 text extraction of the same files.

Usage: python bench/bench_read.py [PDF or folder ...]   (default: the text PDFs in samples/)
Prints seconds per document for both (best of interleaved rounds) and their ratio
(target: <= 3.1x, the ratio before the glyph-level line assembly).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from validator.model import ReadFailure
from validator.normalize import normalize
from validator.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent


def text_pdfs(arguments: list[str]) -> list[Path]:
    paths = [Path(a) for a in arguments] or [ROOT / "samples"]
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.pdf")) if path.is_dir() else [path])
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


def main() -> None:
    files = text_pdfs(sys.argv[1:])
    if not files:
        sys.exit("no text PDF found")
    blobs = [f.read_bytes() for f in files]
    for blob in blobs:  # warm imports and caches for both sides
        bare_pypdfium2(blob)
        ours(blob)
    rounds = 20
    base, mine = timed([bare_pypdfium2, ours], blobs, rounds)
    print(f"files: {len(files)} text PDFs x {rounds} rounds")
    print(f"bare pypdfium2 get_text_range : {base * 1000:8.2f} ms/document")
    print(f"read + normalise (validator)  : {mine * 1000:8.2f} ms/document")
    print(f"ratio                         : {mine / base:8.2f}x (target <= 3.1x)")


if __name__ == "__main__":
    main()
