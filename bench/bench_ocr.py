"""OCR bench: CPU-seconds per page, threading strategies, character error rate, confusions.

    .venv/bin/python bench/bench_ocr.py [--pages N] [--json FILE]

For every scanned sample (samples/scanned/*-scan.pdf, built by scripts/build_scans.py from
the native PDF beside it) each page is OCR'd and compared with the native text layer of the
original. The reference text is put in reading order by the same layout step OCR uses, from
pdfium's character boxes, so the error rate measures reading, not line order.

Reports:
- CPU-seconds per page (this process + Tesseract children, resource.getrusage), target <= 2;
- wall time for the same pages: one page at a time with Tesseract's own threads, a pool of
  two with OMP_THREAD_LIMIT=1 (what the validator does), and a pool of two with Tesseract's
  own threads (the oversubscribed case);
- character error rate against the source text, with and without the stamp-colour removal;
- how often the typical confusions occur (hỏi/sắc tone marks as in Tổ/Tố and kể/kế, other
  diacritic errors, a Roman numeral lost after "Chương"), for the normalisation owner.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator.read import ocr  # noqa: E402 - the bench runs from a checkout

SCANNED = ROOT / "samples" / "scanned"
SAMPLES = ROOT / "samples"


# ------------------------------------------------------------------ error measures


def edit_distance(reference: str, hypothesis: str) -> int:
    """Levenshtein distance, one NumPy pass per reference character.

    Within a row the insertion chain row[j] = min(row[j-1] + 1, ...) is solved with a running
    minimum: row[j] = j + min over k <= j of (candidate[k] - k).
    """
    if not reference or not hypothesis:
        return max(len(reference), len(hypothesis))
    target = np.frombuffer(hypothesis.encode("utf-32-le"), dtype=np.uint32)
    columns = np.arange(len(target) + 1)
    previous = columns.copy()
    for index, char in enumerate(reference, start=1):
        substitution = previous[:-1] + (target != ord(char))
        candidate = np.empty_like(previous)
        candidate[0] = index
        candidate[1:] = np.minimum(previous[1:] + 1, substitution)
        previous = np.minimum.accumulate(candidate - columns) + columns
    return int(previous[-1])


def comparable(text: str) -> str:
    """NFC, whitespace (tabs, line ends) collapsed to one space: what CER is computed on."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def character_error_rate(reference: str, hypothesis: str) -> float:
    reference, hypothesis = comparable(reference), comparable(hypothesis)
    return edit_distance(reference, hypothesis) / max(1, len(reference))


def _marks(word: str) -> tuple[str, str]:
    """(base letters, tone marks) of a word: 'Tổ' -> ('To', '\u0309') after NFD."""
    decomposed = unicodedata.normalize("NFD", word)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    tones = "".join(ch for ch in decomposed if ch in "\u0300\u0301\u0303\u0309\u0323")
    return base, tones


def classify_confusion(expected: str, found: str) -> str:
    """Name the kind of a word misread: hoi_sac (Tổ/Tố), other_diacritic, other."""
    expected_base, expected_tone = _marks(expected)
    found_base, found_tone = _marks(found)
    if expected_base == found_base:
        if {expected_tone, found_tone} == {"\u0309", "\u0301"}:
            return "hoi_sac"
        return "other_diacritic"
    return "other"


_CHAPTER = re.compile(r"\bChương\s+([IVXLC]+|\d+)\b")


def confusions(reference: str, hypothesis: str) -> Counter[str]:
    """Word-level misreads by kind, and chapter numerals lost or changed."""
    expected, found = comparable(reference).split(), comparable(hypothesis).split()
    counts: Counter[str] = Counter(words=len(expected))
    matcher = SequenceMatcher(None, expected, found, autojunk=False)
    for tag, i0, i1, j0, j1 in matcher.get_opcodes():
        if tag == "replace" and i1 - i0 == j1 - j0:
            for a, b in zip(expected[i0:i1], found[j0:j1], strict=True):
                counts[classify_confusion(a.strip(".,;:()"), b.strip(".,;:()"))] += 1
        elif tag != "equal":
            counts["other"] += max(i1 - i0, j1 - j0)
    numerals = _CHAPTER.findall(comparable(reference))
    read = _CHAPTER.findall(comparable(hypothesis))
    counts["chapters"] = len(numerals)
    counts["chapter_numeral_wrong"] = sum(
        1 for a, b in zip(numerals, read, strict=False) if a != b
    ) + max(0, len(numerals) - len(read))
    return counts


# ------------------------------------------------------------------ reference text


def native_words(page: pdfium.PdfPage, dpi: int) -> list[ocr.Word]:
    """Words of a native page from pdfium's character boxes, in pixels at dpi."""
    text_page = page.get_textpage()
    height = page.get_height()
    scale = dpi / 72
    words: list[ocr.Word] = []
    current: list[tuple[str, tuple[float, float, float, float]]] = []
    line = 0

    def flush() -> None:
        if current:
            left = min(b[0] for _, b in current)
            right = max(b[2] for _, b in current)
            bottom = min(b[1] for _, b in current)
            top = max(b[3] for _, b in current)
            words.append(ocr.Word(
                0, 0, line, round(left * scale), round((height - top) * scale),
                max(1, round((right - left) * scale)), max(1, round((top - bottom) * scale)),
                100.0, unicodedata.normalize("NFC", "".join(c for c, _ in current)),
            ))
            current.clear()

    for index in range(text_page.count_chars()):
        char = text_page.get_text_range(index, 1)
        if char in ("\r", "\n"):
            flush()
            line += char == "\n"
        elif char.isspace():
            flush()
        else:
            current.append((char, text_page.get_charbox(index)))
    flush()
    return words


def reference_text(pdf_path: Path, page_index: int, dpi: int = 300) -> str:
    """The native page's text in the reading order OCR produces (same layout step)."""
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        words = native_words(document[page_index], dpi)
    finally:
        document.close()
    return "\n".join(line.text for line in ocr.layout(words))


# ----------------------------------------------------------------------- running


@dataclass
class PageRun:
    source: str
    page: int
    cer: float
    cer_without_colour_drop: float
    confidence: float
    cpu_seconds: float
    confusions: dict[str, int]


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _ocr_text(image: Image.Image, dpi: int, colour_drop: bool = True) -> tuple[str, float]:
    gray, borders = ocr.preprocess_page(image, drop_colours=colour_drop)
    words = ocr.read_words(gray, dpi)
    page = ocr.page_from_words(words, 1, gray.size, dpi, borders=borders)
    return "\n".join(line.text for line in page.lines), page.ocr_confidence or 0.0


def scanned_pairs() -> list[tuple[Path, Path]]:
    """(scanned PDF, native original) pairs found under samples/."""
    pairs = []
    for scan in sorted(SCANNED.glob("*-scan.pdf")):
        stem = scan.name.removesuffix("-scan.pdf")
        for native in (SCANNED / f"{stem}-native.pdf", SAMPLES / f"{stem}.pdf"):
            if native.exists():
                pairs.append((scan, native))
                break
    return pairs


def render_scan(scan: Path, dpi: int, limit: int | None) -> list[Image.Image]:
    document = pdfium.PdfDocument(str(scan))
    try:
        count = len(document) if limit is None else min(limit, len(document))
        return [ocr.render_pdf_page(document[i], dpi) for i in range(count)]
    finally:
        document.close()


def measure_pages(pairs: Sequence[tuple[Path, Path]], dpi: int, limit: int | None) -> list[PageRun]:
    runs = []
    for scan, native in pairs:
        for index, image in enumerate(render_scan(scan, dpi, limit)):
            reference = reference_text(native, index, dpi)
            before = _cpu()
            text, confidence = _ocr_text(image, dpi)
            cpu = _cpu() - before
            plain, _ = _ocr_text(image, dpi, colour_drop=False)
            runs.append(PageRun(
                scan.name, index + 1, round(character_error_rate(reference, text), 4),
                round(character_error_rate(reference, plain), 4), confidence, round(cpu, 2),
                dict(confusions(reference, text)),
            ))
    return runs


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return round(time.perf_counter() - start, 2)


def compare_threading(images: Sequence[Image.Image], dpi: int) -> dict[str, float]:
    """Wall seconds for the same cleaned pages under three threading strategies."""
    cleaned = [ocr.preprocess(image) for image in images]

    def pool(threads: int | None) -> None:
        with ThreadPoolExecutor(max_workers=2) as executor:
            list(executor.map(lambda g: ocr.run_tesseract(g, dpi, threads=threads), cleaned))

    return {
        "pages": len(cleaned),
        "sequential_tesseract_threads": _timed(
            lambda: [ocr.run_tesseract(g, dpi, threads=None) for g in cleaned]),
        "pool2_single_thread": _timed(lambda: pool(1)),
        "pool2_tesseract_threads": _timed(lambda: pool(None)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=None, help="pages per file at most")
    parser.add_argument("--dpi", type=int, default=ocr.DPI)
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    if (problem := ocr.tesseract_problem()) is not None:
        sys.exit(problem)
    pairs = scanned_pairs()
    if not pairs:
        sys.exit("no scans: run scripts/build_scans.py first")
    runs = measure_pages(pairs, args.dpi, args.pages)
    images = [image for scan, _ in pairs for image in render_scan(scan, args.dpi, args.pages)]
    threading = compare_threading(images, args.dpi)
    print(f"cpu count {os.cpu_count()}, dpi {args.dpi}")
    for run in runs:
        print(f"{run.source} p{run.page}: CER {run.cer:.2%}"
              f" (no colour drop {run.cer_without_colour_drop:.2%}),"
              f" confidence {run.confidence:.1f}, CPU {run.cpu_seconds:.2f} s")
    total: Counter[str] = Counter()
    for run in runs:
        total.update(run.confusions)
    summary = {
        "cpu_seconds_per_page": round(sum(r.cpu_seconds for r in runs) / len(runs), 2),
        "cer_mean": round(sum(r.cer for r in runs) / len(runs), 4),
        "cer_mean_without_colour_drop": round(
            sum(r.cer_without_colour_drop for r in runs) / len(runs), 4),
        "confusions": dict(total),
        "threading_wall_seconds": threading,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(
            {"summary": summary, "pages": [vars(r) for r in runs]}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
