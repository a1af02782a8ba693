"""OCR bench: CPU-seconds per page and character error rate, before and after, in one run.

    .venv/bin/python bench/bench_ocr.py [--pages N] [--baseline REF | --no-baseline] [--json FILE]

For every scanned sample (samples/scanned/*-scan.pdf, built by scripts/build_scans.py from
the native PDF beside it) each page is OCR'd and compared with the native text layer of the
original. The reference text is put in reading order by the same layout step OCR uses, from
pdfium's character boxes, so the error rate measures reading, not line order.

The baseline is the OCR module as it was before Tesseract was kept loaded (one tesseract
process per page piece): its source is taken from git history (by default the last version
of validator/read/ocr.py, a single module then) and run on the same pages in this process.

Reports:
- CPU-seconds per page (this process, its threads and any Tesseract children,
  resource.getrusage), rendering excluded; target <= 1.5;
- character error rate against the source text, and without the stamp-colour removal;
- wall and CPU time for all pages read one page at a time and in the page pool (with the
  machine's load: on a shared machine the wall time shows less than the CPU time could);
- how often the typical confusions occur (hỏi/sắc tone marks as in Tổ/Tố and kể/kế, other
  diacritic errors, a Roman numeral lost after "Chương"), for the normalisation owner.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from types import ModuleType

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator.model import SourcePage  # noqa: E402 - the bench runs from a checkout
from validator.read.ocr import engine, layout, pages, preprocess  # noqa: E402
from validator.read.ocr.reread import reread  # noqa: E402

SCANNED = ROOT / "samples" / "scanned"
SAMPLES = ROOT / "samples"
MORE_PAGES = 2  # of each sample scanned here (--more)


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


def native_words(page: pdfium.PdfPage, dpi: int) -> list[engine.Word]:
    """Words of a native page from pdfium's character boxes, in pixels at dpi."""
    text_page = page.get_textpage()
    height = page.get_height()
    scale = dpi / 72
    words: list[engine.Word] = []
    current: list[tuple[str, tuple[float, float, float, float]]] = []
    line = 0

    def flush() -> None:
        if current:
            left = min(b[0] for _, b in current)
            right = max(b[2] for _, b in current)
            bottom = min(b[1] for _, b in current)
            top = max(b[3] for _, b in current)
            words.append(engine.Word(
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
    return "\n".join(line.text for line in layout.layout(words))


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
    baseline_cer: float | None = None
    baseline_cpu_seconds: float | None = None


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _text(page: SourcePage) -> str:
    return "\n".join(line.text for line in page.lines)


def _ocr_text(image: Image.Image, dpi: int, colour_drop: bool = True) -> tuple[str, float]:
    """The page read the validator's way (colour_drop=False: the same without the stamp-colour
    removal, to show what it is worth)."""
    if colour_drop:
        page = pages.ocr_image(image, 1, dpi=dpi)
        return _text(page), page.ocr_confidence or 0.0
    gray, borders = preprocess.preprocess_page(image, drop_colours=False)
    words = reread(gray, engine.recognize(gray, dpi), dpi)
    page = pages.page_from_words(words, 1, gray.size, dpi, borders=borders)
    return _text(page), page.ocr_confidence or 0.0


def scanned_pairs(folder: Path = SCANNED) -> list[tuple[Path, Path]]:
    """(scanned PDF, native original) pairs found in folder (the original beside the scan,
    or in samples/)."""
    pairs = []
    for scan in sorted(folder.glob("*-scan.pdf")):
        stem = scan.name.removesuffix("-scan.pdf")
        for native in (folder / f"{stem}-native.pdf", SAMPLES / f"{stem}.pdf"):
            if native.exists():
                pairs.append((scan, native))
                break
    return pairs


def render_scan(scan: Path, dpi: int, limit: int | None) -> list[Image.Image]:
    document = pdfium.PdfDocument(str(scan))
    try:
        count = len(document) if limit is None else min(limit, len(document))
        return [pages.render_pdf_page(document[i], dpi) for i in range(count)]
    finally:
        document.close()


def _cpu_of(work: Callable[[], str]) -> tuple[str, float]:
    before = _cpu()
    text = work()
    return text, round(_cpu() - before, 2)


def measure_pages(pairs: Sequence[tuple[Path, Path]], dpi: int, limit: int | None,
                  baseline: ModuleType | None) -> list[PageRun]:
    runs = []
    for scan, native in pairs:
        for index, image in enumerate(render_scan(scan, dpi, limit)):
            reference = reference_text(native, index, dpi)
            (text, confidence), cpu = _cpu_of(lambda: _ocr_text(image, dpi))  # noqa: B023
            plain, _ = _ocr_text(image, dpi, colour_drop=False)
            run = PageRun(
                scan.name, index + 1, round(character_error_rate(reference, text), 4),
                round(character_error_rate(reference, plain), 4), confidence, cpu,
                dict(confusions(reference, text)),
            )
            if baseline is not None:
                old, run.baseline_cpu_seconds = _cpu_of(
                    lambda: _text(baseline.ocr_image(image, 1, dpi=dpi)))  # noqa: B023
                run.baseline_cer = round(character_error_rate(reference, old), 4)
            runs.append(run)
    return runs


def _timed(work: Callable[[], object]) -> dict[str, float]:
    """Wall and CPU seconds of work: on a machine shared with other jobs the wall time of
    the pool gains less than CPU / wall shows it could."""
    start, cpu = time.perf_counter(), _cpu()
    work()
    wall = time.perf_counter() - start
    return {"wall": round(wall, 2), "cpu": round(_cpu() - cpu, 2)}


def compare_threading(images: Sequence[Image.Image], dpi: int) -> dict[str, object]:
    """Wall and CPU seconds for the same pages read one at a time and in the page pool,
    and the machine's load meanwhile."""
    numbered = list(enumerate(images, start=1))
    alone = _timed(lambda: pages.ocr_pages(numbered, dpi=dpi, workers=1))
    pool = _timed(lambda: pages.ocr_pages(numbered, dpi=dpi))
    return {
        "pages": len(images), "one_thread": alone, f"pool_{pages.ocr_threads()}_threads": pool,
        "speed_up": round(alone["wall"] / pool["wall"], 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def built_pairs(count: int, folder: Path) -> list[tuple[Path, Path]]:
    """Scans of the first `count` text-layer samples (Unicode PDFs of samples/manifest.json:
    a legacy-encoded layer is no reference), made in folder the way build_scans.py does."""
    if count <= 0:
        return []
    builder = _module(ROOT / "scripts" / "build_scans.py", "build_scans")
    entries = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["files"]
    sources = [SAMPLES / e["file"] for e in entries if e["format"] == "pdf"
               and e["encoding"] == "unicode" and not e["error"]][:count]
    pairs = []
    for number, source in enumerate(sources):
        angle = (1.0 + (number % 3) * 0.5) * (-1 if number % 2 else 1)
        settings = builder.ScanSettings(angle=angle, seed=number + 7)
        pairs.append((builder.build(source, folder, settings), source))
    return pairs


# ---------------------------------------------------------------------- baseline


OLD_MODULE = "validator/read/ocr.py"


def load_baseline(ref: str | None) -> ModuleType | None:
    """The single-module OCR of git `ref` (default: its last version in history), loaded
    from a temporary copy; None when git or the file is not there."""
    try:
        if ref is None:  # the commit that removed the module, one step back
            removed = _git("log", "-1", "--diff-filter=D", "--format=%H", "HEAD", "--",
                           OLD_MODULE)
            ref = f"{removed}^" if removed else "HEAD"
        source = _git("show", f"{ref}:{OLD_MODULE}")
    except (OSError, subprocess.CalledProcessError):
        return None
    folder = Path(tempfile.mkdtemp(prefix="bench-ocr-"))
    path = folder / "ocr_baseline.py"
    path.write_text(source + "\n", encoding="utf-8")
    module = _module(path, "ocr_baseline")
    module.__dict__["BENCH_REF"] = ref
    return module


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                          check=True).stdout.strip()


# -------------------------------------------------------------------------- main


def _mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 4) if known else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=None, help="pages per file at most")
    parser.add_argument("--dpi", type=int, default=pages.DPI)
    parser.add_argument("--baseline", metavar="REF", help="git revision of the old OCR module")
    parser.add_argument("--no-baseline", action="store_true", help="measure the new OCR only")
    parser.add_argument("--scans", type=Path, default=SCANNED,
                        help="folder of *-scan.pdf and *-native.pdf (default samples/scanned)")
    parser.add_argument("--more", type=int, default=4, metavar="N",
                        help="also scan the first N text samples here, 2 pages each")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    if (problem := engine.tesseract_problem()) is not None:
        sys.exit(problem)
    pairs = scanned_pairs(args.scans)
    if not pairs:
        sys.exit("no scans: run scripts/build_scans.py first")
    baseline = None if args.no_baseline else load_baseline(args.baseline)
    if baseline is None and not args.no_baseline:
        print("baseline: not found in git history, measuring the new OCR only")
    with tempfile.TemporaryDirectory() as folder:
        more = built_pairs(args.more, Path(folder))
        runs = measure_pages(pairs, args.dpi, args.pages, baseline)
        runs += measure_pages(more, args.dpi, MORE_PAGES, baseline)
        images = [image for scan, _ in pairs for image in render_scan(scan, args.dpi, args.pages)]
        images += [image for scan, _ in more for image in render_scan(scan, args.dpi, MORE_PAGES)]
    threading = compare_threading(images, args.dpi)
    print(f"cpu count {os.cpu_count()}, dpi {args.dpi}"
          + (f", baseline {baseline.BENCH_REF}" if baseline else ""))
    for run in runs:
        old = (f"; baseline CER {run.baseline_cer:.2%}, CPU {run.baseline_cpu_seconds:.2f} s"
               if run.baseline_cer is not None else "")
        print(f"{run.source} p{run.page}: CER {run.cer:.2%}"
              f" (no colour drop {run.cer_without_colour_drop:.2%}),"
              f" confidence {run.confidence:.1f}, CPU {run.cpu_seconds:.2f} s{old}")
    total: Counter[str] = Counter()
    for run in runs:
        total.update(run.confusions)
    cpu = _mean([r.cpu_seconds for r in runs]) or 0.0
    old_cpu = _mean([r.baseline_cpu_seconds for r in runs])
    summary = {
        "cpu_seconds_per_page": round(cpu, 2),
        "cer_mean": _mean([r.cer for r in runs]),
        "cer_mean_without_colour_drop": _mean([r.cer_without_colour_drop for r in runs]),
        "baseline_cpu_seconds_per_page": round(old_cpu, 2) if old_cpu else None,
        "baseline_cer_mean": _mean([r.baseline_cer for r in runs]),
        "cpu_ratio_to_baseline": round(cpu / old_cpu, 2) if old_cpu else None,
        "confusions": dict(total),
        "threading_wall_seconds": threading,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(
            {"summary": summary, "pages": [vars(r) for r in runs]}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
