"""Read step: bytes -> pages of decoded text lines with positions.

The format comes from the content (magic bytes), never from the file name.
"""

from __future__ import annotations

from pathlib import Path

from validator.model import ReadFailure, ReadResult, SourcePage
from validator.read.pdf import OcrMode
from validator.read.sniff import sniff

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def read_path(path: str | Path, ocr: OcrMode = "auto",
              max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read a file; raises ReadFailure with an error code for anything unreadable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = f"{size / 1048576:.1f} MB > {max_bytes / 1048576:.0f} MB"
            raise ReadFailure("too_large", limit)
        data = path.read_bytes()
    except OSError as exc:
        raise ReadFailure("corrupt", exc.strerror or str(exc)) from exc
    return read_bytes(data, ocr=ocr)


def read_bytes(data: bytes, ocr: OcrMode = "auto") -> ReadResult:
    if not data.strip():
        raise ReadFailure("empty")
    kind = sniff(data)
    if kind == "pdf":
        from validator.read.pdf import read_pdf

        return read_pdf(data, ocr=ocr)
    if kind == "docx":
        from validator.read.docx import read_docx

        return read_docx(data)
    if kind == "doc":
        from validator.read.doc import read_doc

        return read_doc(data)
    if kind == "txt":
        from validator.read.text import read_text

        return read_text(data)
    if kind == "image":
        return _read_image(data, ocr)
    raise ReadFailure("unsupported_format")


def _read_image(data: bytes, ocr: OcrMode) -> ReadResult:
    from validator.read import ocr as ocr_engine

    problem = ocr_engine.tesseract_problem()
    if ocr == "never" or problem:
        raise ReadFailure("no_text", problem or "--ocr never")
    pages: list[SourcePage] = ocr_engine.read_images(data)
    if not any(page.lines for page in pages):
        raise ReadFailure("no_text")
    return ReadResult(format="image", pages=tuple(pages))
