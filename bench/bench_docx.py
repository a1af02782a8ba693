"""Reading DOCX files, against python-docx's bare paragraph and table iteration of the same files.

Usage: python bench/bench_docx.py [DOCX or folder ...]   (default: every readable DOCX in samples/)
Prints milliseconds per document for both and their ratio, and the same for one generated
document of 20,000 paragraphs (numbered, with a member table), where the reader's cost per
paragraph shows.
"""

from __future__ import annotations

import io
import sys
import time
from copy import deepcopy
from pathlib import Path

import docx
from docx.oxml.ns import qn

from validator.model import ReadFailure
from validator.read import read_bytes
from validator.read.docx import read_docx
from validator.read.sniff import sniff

ROOT = Path(__file__).resolve().parent.parent


def docx_files(arguments: list[str]) -> list[bytes]:
    paths = [Path(a) for a in arguments] or [ROOT / "samples"]
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.docx")) if path.is_dir() else [path])
    blobs = []
    for path in found:
        data = path.read_bytes()
        try:
            if sniff(data) == "docx" and read_bytes(data).lines:
                blobs.append(data)
        except ReadFailure:
            continue
    return blobs


def bare_python_docx(data: bytes) -> int:
    document = docx.Document(io.BytesIO(data))
    size = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            size += sum(len(cell.text) for cell in row.cells)
    return size


def ours(data: bytes) -> int:
    return sum(len(line.text) for line in read_docx(data).lines)


def long_document(paragraphs: int) -> bytes:
    """A numbered decision body repeated to `paragraphs` paragraphs."""
    source = (ROOT / "samples" / "docx" / "qd-xa-hoa-phong-2024-danh-so-tu-dong.docx")
    document = docx.Document(io.BytesIO(source.read_bytes()))
    body = document.element.body
    blocks = [child for child in body if not child.tag.endswith("sectPr")]
    while len(body.findall(".//" + qn("w:p"))) < paragraphs:
        for block in blocks:
            body.insert(len(body) - 1, deepcopy(block))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def timed(function, blobs: list[bytes], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for blob in blobs:
            function(blob)
    return (time.perf_counter() - start) / (rounds * len(blobs))


def compare(title: str, blobs: list[bytes], rounds: int) -> None:
    for blob in blobs:  # warm imports and caches for both sides
        bare_python_docx(blob)
        ours(blob)
    base = timed(bare_python_docx, blobs, rounds)
    mine = timed(ours, blobs, rounds)
    print(f"{title}: {len(blobs)} files x {rounds} rounds")
    print(f"  python-docx paragraphs + tables : {base * 1000:9.2f} ms/document")
    print(f"  read_docx (validator)           : {mine * 1000:9.2f} ms/document")
    print(f"  ratio                           : {mine / base:9.2f}x")


def main() -> None:
    blobs = docx_files(sys.argv[1:])
    if not blobs:
        sys.exit("no readable DOCX found")
    compare("samples", blobs, rounds=10)
    if not sys.argv[1:]:
        compare("one document of 20,000 paragraphs", [long_document(20_000)], rounds=2)


if __name__ == "__main__":
    main()
