"""The Tesseract engine: install hints, one loaded API per thread, TSV words, specks."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from pathlib import Path

import pytest
from PIL import Image

from validator.model import ReadFailure
from validator.read import ocr
from validator.read.ocr import engine, pages

HINT = "apt-get install tesseract-ocr-vie"
needs_tesseract = pytest.mark.skipif(
    ocr.tesseract_problem() is not None, reason="Tesseract with the vie model is not installed"
)


@pytest.fixture
def fresh_checks() -> None:
    """The availability check is cached per tessdata folder; start and end clean."""
    engine._problem.cache_clear()
    yield
    engine._problem.cache_clear()


def test_missing_model_gives_install_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_checks: None
) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # a tessdata folder with no models
    problem = ocr.tesseract_problem()
    assert problem is not None and "Vietnamese" in problem and HINT in problem
    with pytest.raises(ReadFailure) as failure:
        ocr.ocr_image(Image.new("RGB", (200, 100), "white"), 1)
    assert failure.value.code == "no_text" and HINT in failure.value.detail


def test_missing_binding_gives_install_hint(
    monkeypatch: pytest.MonkeyPatch, fresh_checks: None
) -> None:
    monkeypatch.setitem(sys.modules, "tesserocr", None)  # import fails as when not installed
    problem = ocr.tesseract_problem()
    assert problem is not None and "pip install tesserocr" in problem


@needs_tesseract
def test_installed_tesseract_has_no_problem() -> None:
    assert ocr.tesseract_problem() is None
    assert Path(engine.tessdata(), "vie.traineddata").is_file()


@needs_tesseract
def test_each_thread_keeps_its_own_loaded_engine() -> None:
    here = engine._api(engine.LANGUAGE)
    assert engine._api(engine.LANGUAGE) is here  # loaded once per thread, then kept
    other: list[object] = []
    worker = threading.Thread(target=lambda: other.append(engine._api(engine.LANGUAGE)))
    worker.start()
    worker.join()
    assert other and other[0] is not here


def test_tsv_parsing_keeps_words_with_boxes() -> None:
    tsv = (
        "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
        "5\t1\t2\t1\t3\t1\t100\t200\t80\t40\t96.5\t_Nguyễn\n"
        "5\t1\t2\t1\t3\t2\t190\t200\t60\t40\t30.0\t.\n"
        "5\t1\t2\t1\t3\t3\t260\t200\t60\t40\t95.0\t \n"
        "5\t1\t2\t1\t3\t4\t330\t200\t90\t40\t40.0\t......\n"
    )
    words = engine.parse_tsv(tsv)
    # Stamp ink read as "." goes; a dotted blank left for handwriting is print and stays.
    assert [w.text for w in words] == ["Nguyễn", "......"]
    assert words[0] == engine.Word(2, 1, 3, 100, 200, 80, 40, 96.5, "Nguyễn")


@pytest.mark.parametrize(("read", "meant"), [
    ("63/QĐÐ-UBND", "63/QĐ-UBND"),  # one Đ read as Đ and as the eth beside it
    ("63/QÐÐĐ-UBND", "63/QĐ-UBND"),
    ("ÐỊNH", "ĐỊNH"),
    ("ðồng", "đồng"),
    ("HĐND", "HĐND"),
])
def test_eth_is_read_as_one_d(read: str, meant: str) -> None:
    row = f"5\t1\t2\t1\t3\t1\t100\t200\t80\t40\t69.0\t{read}\n"
    assert [w.text for w in engine.parse_tsv(row)] == [meant]


def _threads_here(queue: multiprocessing.Queue) -> None:
    queue.put(pages.ocr_threads())


def test_page_threads_one_per_cpu_alone_one_in_a_batch_worker() -> None:
    assert pages.ocr_threads() == (os.cpu_count() or 1)
    ocr.configure(3)
    try:
        assert pages.ocr_threads() == 3
    finally:
        ocr.configure(None)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    worker = context.Process(target=_threads_here, args=(queue,))
    worker.start()
    worker.join(30)
    assert queue.get(timeout=5) == 1  # a worker of a batch already reads a file per CPU
