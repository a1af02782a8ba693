"""Text-layer PDFs as we read them, page by page, against pypdfium2's plain text.

Usage: python bench/bench_pdf_quality.py [PDF or folder ...]
Default: ../shared/real/originals (skipped when absent) and samples/pdf/.

For every page it counts what our line assembly has and pypdfium2's plain text of the same
page lacks: doubled syllables ("Tổ Tổ"), letter-spaced words (extra one-letter words, "T Ỉ
NH"), and merged header lines (the issuing body or the number on one line with the motto or
the place and date; counted outright, since pdfium's plain text merges them itself). Prints
one row per page with a defect and a total per file; the target is zero everywhere.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium

from validator.model import ReadFailure
from validator.read.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent.parent / "shared" / "real" / "originals"
SAMPLES = ROOT / "samples" / "pdf"

HEADER_LINES = 16
_LETTERS = re.compile(r"[^\W\d_]+")
_MOTTO_INSIDE = re.compile(r"\S.*\b(?:CỘNG|Độc lập)\b")  # the motto after other text
_NUMBER_AND_DATE = re.compile(r"\bSố\b.*\bngày\b.*\btháng\b")


def doubled_syllables(lines: list[str]) -> int:
    return sum(a == b and bool(_LETTERS.fullmatch(a)) and len(a) >= 2
               for line in lines for a, b in pairwise(line.split()))


def one_letter_words(lines: list[str]) -> int:
    return sum(len(word) == 1 for line in lines for word in _LETTERS.findall(line))


def merged_header_lines(lines: list[str]) -> list[str]:
    """Lines of the header zone (page 1's first lines) holding both columns' text."""
    return [line for line in lines[:HEADER_LINES]
            if _MOTTO_INSIDE.search(line) or _NUMBER_AND_DATE.search(line)]


def page_defects(ours: list[str], plain: list[str], first: bool) -> dict[str, int]:
    return {
        "doubled": max(0, doubled_syllables(ours) - doubled_syllables(plain)),
        "spaced": max(0, one_letter_words(ours) - one_letter_words(plain)),
        "merged": len(merged_header_lines(ours)) if first else 0,
    }


def plain_pages(data: bytes) -> list[list[str]]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [unicodedata.normalize("NFC", page.get_textpage().get_text_range()).splitlines()
                for page in pdf]
    finally:
        pdf.close()


def check(path: Path) -> Counter[str] | None:
    data = path.read_bytes()
    try:
        result = read_pdf(data, ocr="never")
    except ReadFailure as failure:
        print(f"{path.name}: {failure.code} {failure.detail}")
        return None
    plain = plain_pages(data)
    total: Counter[str] = Counter()
    for page in result.pages:
        if page.scanned:
            continue
        ours = [line.text for line in page.lines]
        defects = page_defects(ours, plain[page.number - 1], page.number == 1)
        total.update(defects)
        if any(defects.values()):
            shown = ", ".join(f"{k} {v}" for k, v in defects.items() if v)
            print(f"  {path.name} page {page.number}: {shown}")
    notes = sorted({note.code for note in result.notes})
    print(f"{path.name}: doubled {total['doubled']}, spaced {total['spaced']}, "
          f"merged {total['merged']}" + (f"  notes: {', '.join(notes)}" if notes else ""))
    return total


def main() -> None:
    arguments = [Path(a) for a in sys.argv[1:]]
    folders = arguments or [folder for folder in (REAL, SAMPLES) if folder.is_dir()]
    if not arguments and not REAL.is_dir():
        print(f"skipped: {REAL} not present")
    files: list[Path] = []
    for path in folders:
        files.extend(sorted(path.glob("*.pdf")) if path.is_dir() else [path])
    grand: Counter[str] = Counter()
    for path in files:
        grand.update(check(path) or Counter())
    print(f"all {len(files)} files: doubled {grand['doubled']}, spaced {grand['spaced']}, "
          f"merged {grand['merged']} (target 0)")


if __name__ == "__main__":
    main()
