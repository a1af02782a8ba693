"""Tesseract kept loaded: one tesserocr API per thread, the Vietnamese model read once.

Starting the tesseract program for every page piece loaded the model each time (about
half a CPU-second) and left a child process to clean up when a worker was killed. Through
tesserocr, the binding to Tesseract's C++ API, each thread keeps its own API object (an
API object must never be shared between threads) and recognition releases the GIL, so
the pages of one scan can be read in parallel threads.

The models come from Debian's packages (tesseract-ocr-vie, tesseract-ocr-osd), not from the
wheel, whose built-in search path points nowhere: the folder is set explicitly, from
TESSDATA_PREFIX when it is set (Tesseract's own variable), else the Debian folder.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from validator.model import ReadFailure

if TYPE_CHECKING:
    from PIL import Image

# Tesseract's OpenMP threads oversubscribe a small machine (bench/bench_ocr.py measured it
# on Debian's build); the callers parallelise across pages and files instead. Read by the
# OpenMP runtime when the library loads, so set before tesserocr is imported.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

LANGUAGE = "vie"
ORIENTATION_MODEL = "osd"
INSTALL_HINT = "apt-get install tesseract-ocr-vie tesseract-ocr-osd"
TESSDATA_FOLDERS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
# "Single column of text of variable sizes": a header row spanning both columns is read as
# one line and split at its gap by the layout step. Fully automatic segmentation puts a
# lone list or table number in a block of its own, where it is often misread ("9." as "(©").
PAGE_SEGMENTATION = 4
STRIP_SEGMENTATION = 6  # a uniform block of text: strips stacked one line each
LINE_SEGMENTATION = 7  # a single text line
# Below this mean word confidence (0-100) OCR text is flagged as unreliable evidence.
# Clean 300 dpi Vietnamese print reads at 90+; misread words sit well under 70.
LOW_CONFIDENCE = 70.0
TIMEOUT_SECONDS = 120  # one recognition; a page normally takes about one second
VARIABLES = {
    # Skip re-reading low-confidence words as white-on-black: documents have none, and the
    # second pass costs a large share of the CPU time.
    "tessedit_do_invert": "0",
}


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised word, in pixels of the image it was read from."""

    block: int
    paragraph: int
    line: int
    left: int
    top: int
    width: int
    height: int
    confidence: float
    text: str
    # A number read below the confidence threshold but to the same digits by a second,
    # separate reading (see reread): Tesseract rates "57/QĐ-UBND" low even when it is right.
    confirmed: bool = False

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


# ------------------------------------------------------------------ availability


def tessdata() -> str:
    """The folder holding the traineddata models."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix:
        return prefix
    return next((f for f in TESSDATA_FOLDERS if Path(f, f"{LANGUAGE}.traineddata").exists()),
                TESSDATA_FOLDERS[0])


def tesseract_problem() -> str | None:
    """None when Tesseract and its Vietnamese model are usable, else a one-line install hint."""
    return _problem(tessdata())


@lru_cache(maxsize=8)
def _problem(folder: str) -> str | None:
    try:
        import tesserocr  # noqa: F401 - only whether it loads
    except ImportError as exc:
        return f"The Tesseract binding is missing ({exc}); install it with: pip install tesserocr"
    if not Path(folder, f"{LANGUAGE}.traineddata").is_file():
        return f"The Vietnamese OCR model is missing from {folder}; install it with: {INSTALL_HINT}"
    return None


def require_tesseract() -> None:
    problem = tesseract_problem()
    if problem is not None:
        raise ReadFailure("no_text", problem)


def orientation_available() -> bool:
    return Path(tessdata(), f"{ORIENTATION_MODEL}.traineddata").is_file()


# ---------------------------------------------------------------------- engines

_local = threading.local()


def _api(model: str) -> Any:
    """This thread's API object for `model`, created (model loaded) on first use."""
    folder = tessdata()
    apis: dict[tuple[str, str], Any] = _local.__dict__.setdefault("apis", {})
    api = apis.get((folder, model))
    if api is None:
        from tesserocr import PSM, PyTessBaseAPI

        _quiet_leptonica()
        mode = PSM.OSD_ONLY if model == ORIENTATION_MODEL else PAGE_SEGMENTATION
        try:
            api = PyTessBaseAPI(path=folder.rstrip("/") + "/", lang=model, psm=mode,
                                variables=VARIABLES)
        except RuntimeError as exc:
            raise ReadFailure("no_text", f"Tesseract cannot load the {model} model from "
                                         f"{folder} ({exc}): {INSTALL_HINT}") from exc
        apis[(folder, model)] = api
    return api


@lru_cache(maxsize=1)
def _quiet_leptonica() -> None:
    """Leptonica writes its complaints about odd boxes on stderr, into the reviewer's terminal
    and the batch's output; nothing there is actionable. Process-wide, set once."""
    import tesserocr

    tesserocr.set_leptonica_log_level(tesserocr.LeptLogLevel.NONE)


def recognize(gray: Image.Image, dpi: int, segmentation: int = PAGE_SEGMENTATION) -> list[Word]:
    """The words Tesseract reads on a cleaned grayscale page, in its reading order."""
    require_tesseract()
    api = _api(LANGUAGE)
    api.SetPageSegMode(segmentation)
    # Raw 8-bit pixels: SetImage would encode the page as an image file first. Tesseract
    # does not copy the buffer, so `pixels` lives until the words are read.
    pixels = gray.convert("L").tobytes()
    api.SetImageBytes(pixels, gray.width, gray.height, 1, gray.width)
    api.SetSourceResolution(dpi)
    # Recognize releases the GIL (the text getters do not): called explicitly so that
    # threads reading other pages run at the same time.
    if not api.Recognize(timeout=TIMEOUT_SECONDS * 1000):
        api.Clear()
        raise ReadFailure("timeout", f"OCR of one page took longer than {TIMEOUT_SECONDS} s")
    tsv = api.GetTSVText(0)
    api.Clear()
    return parse_tsv(tsv)


def detect_orientation(gray: Image.Image, dpi: int) -> tuple[int, float] | None:
    """(degrees the page is turned clockwise: 0, 90, 180 or 270; confidence), or None when
    the orientation model is missing or finds too little text to judge."""
    if not orientation_available():
        return None
    api = _api(ORIENTATION_MODEL)
    api.SetImage(gray)
    api.SetSourceResolution(dpi)
    try:
        found = api.DetectOrientationScript()
    finally:
        api.Clear()
    if not found:
        return None
    return int(found["orient_deg"]), float(found["orient_conf"])


# ------------------------------------------------------------------------- words


def parse_tsv(tsv: str) -> list[Word]:
    """Word rows (level 5) of Tesseract TSV with some text, in Tesseract's reading order.

    Columns: level page_num block_num par_num line_num word_num left top width height conf text.
    """
    words = []
    for row in tsv.splitlines():
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        block, paragraph, line = (int(v) for v in fields[2:5])
        left, top, width, height = (int(v) for v in fields[6:10])
        # A signature stroke through the baseline reads as "_"; documents never need one.
        text = unicodedata.normalize("NFC", fields[11].strip().strip("_"))
        text = _ETH_RUN.sub(lambda run: _ETH_AS_D[run[0][0]], text)
        if text:
            words.append(Word(block, paragraph, line, left, top, width, height,
                              float(fields[10]), text))
    return [word for word in words if not _is_speck(word)]


# The Vietnamese model also knows the Icelandic eth (Ð, ð), which no Vietnamese text uses and
# which looks exactly like Đ, đ. Reading one glyph, the network now and then fires both
# classes on neighbouring steps: two different labels, which the decoder does not merge as
# it merges a repeated one, so one Đ comes out as "ĐÐ" or "ĐÐĐ" ("63/QĐÐ-UBND"). A run of
# Đ-like letters holding an eth is one Đ.
_ETH_RUN = re.compile("[ĐÐ]*Ð[ĐÐ]*|[đð]*ð[đð]*")
_ETH_AS_D = {"Đ": "Đ", "Ð": "Đ", "đ": "đ", "ð": "đ"}


def _is_speck(word: Word) -> bool:
    # Scanner dust or stamp ink read as "." or "'": no letter or digit, little trust. Real
    # punctuation is glued to its word ("VT.") and read with confidence above 90; a dotted
    # blank left for a handwritten number ("ngày ...... tháng") is print too, and keeps the
    # words on either side of it in one piece of line.
    return (word.confidence < 70 and not any(ch.isalnum() for ch in word.text)
            and "..." not in word.text and "…" not in word.text)
