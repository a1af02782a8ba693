"""What structure + classification add to reading time on text PDFs (target: <= +50%).

Usage: python bench/bench_structure.py [PDF or folder ...]   (default: the text PDFs in samples/)
Times, per document, read + normalise (validator.read.read_bytes, validator.normalize) against
structure + classification (header, articles, members, spaCy pass, doc_type, level) on the
normalised result, and prints the ratio. Without the readers it times structure on
tests/data/sources/*.txt alone and says so.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from validator.model import ReadResult
from validator.normalize import normalize
from validator.structure import Document, document_from_text
from validator.structure.build import structure
from validator.structure.nlp import get_nlp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_read import text_pdfs

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 10


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    for _ in range(ROUNDS):
        function()
    return (time.perf_counter() - start) / ROUNDS


def bench_pdfs(files: list[Path], read_bytes: Callable[..., ReadResult]) -> None:
    reading = structuring = 0.0
    for path in files:
        blob = path.read_bytes()
        result = read_bytes(blob, ocr="never")
        text = normalize(result.lines)

        def read_once(blob: bytes = blob) -> object:
            return normalize(read_bytes(blob, ocr="never").lines)

        def structure_once(result: ReadResult = result, text=text) -> object:
            document = Document(path="", read=result, text=text)
            structure(document)
            return document

        reading += timed(read_once)
        structuring += timed(structure_once)
    count = len(files)
    print(f"files: {count} text PDFs x {ROUNDS} rounds")
    print(f"read + normalise           : {reading / count * 1000:8.2f} ms/document")
    print(f"structure + classification : {structuring / count * 1000:8.2f} ms/document")
    print(f"added to reading time      : {structuring / reading * 100:+8.1f}% (target <= +50%)")


def bench_sources() -> None:
    sources = sorted((ROOT / "tests/data/sources").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    if not texts:
        sys.exit("no text PDF and no tests/data/sources/*.txt found")
    total = sum(timed(lambda t=t: document_from_text(t)) for t in texts)
    print("validator.read is not available: structure timed on tests/data/sources/*.txt only")
    print(f"files: {len(texts)} texts x {ROUNDS} rounds")
    print(f"normalise + structure + classification: {total / len(texts) * 1000:8.2f} ms/document")


def main() -> None:
    get_nlp()  # built once per process; not part of any document's time
    try:
        from validator.read import read_bytes
    except ImportError:
        bench_sources()
        return
    # Default: the text PDFs at the top of samples/, the files the ratio was first measured on.
    paths = [Path(a) for a in sys.argv[1:]]
    files = text_pdfs(paths) if paths else text_pdfs([ROOT / "samples"], recursive=False)
    if not files:
        bench_sources()
        return
    for path in files:  # warm imports and caches for both sides
        structure(Document(path="", read=(r := read_bytes(path.read_bytes(), ocr="never")),
                           text=normalize(r.lines)))
    bench_pdfs(files, read_bytes)


if __name__ == "__main__":
    main()
