"""Mutated real documents (PDF, DOCX, text from samples/): one entry each, never an internal
error dressed up as `corrupt`, never an exception out of the checker.

Bounded: a fixed number of examples per format, derandomised so a failure reproduces, OCR
off so a page that loses its text layer costs no Tesseract run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.batch import Input, InputChecker, Started
from validator.batch.checker import internal_error_detail
from validator.engine import load_rules
from validator.model import DocumentReport
from validator.pipeline import Options, check_data

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FILES = {"pdf": "qd-xa-an-binh-2023.pdf", "docx": "qd-xa-vinh-thanh-2023-ngay-5-9.docx",
         "txt": "qd-xa-tan-loc-2021-bhyt-cp1258.txt"}
INTERNAL = internal_error_detail(RuntimeError("x")).split(":")[0]


@pytest.fixture(scope="module")
def checker() -> InputChecker:
    rules = load_rules()
    options = Options(ocr="never")
    return InputChecker(lambda data, name: check_data(data, name, options, rules))


def mutations(data: bytes) -> st.SearchStrategy[bytes]:
    size = len(data)
    position = st.integers(0, size - 1)
    flip = st.tuples(st.just("flip"), position, st.integers(1, 255))
    cut = st.tuples(st.just("cut"), position, st.just(0))
    insert = st.tuples(st.just("insert"), position, st.binary(min_size=1, max_size=64))
    repeat = st.tuples(st.just("repeat"), position, st.integers(1, 4096))
    return st.lists(st.one_of(flip, cut, insert, repeat), min_size=1, max_size=6).map(
        lambda steps: _mutated(data, steps))


def _mutated(data: bytes, steps: list[tuple]) -> bytes:
    out = bytearray(data)
    for kind, where, what in steps:
        where = min(where, max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[where] ^= what
        elif kind == "cut":
            del out[where:]
        elif kind == "insert":
            out[where:where] = what
        else:
            out[where:where] = out[where:where + what]
    return bytes(out)


def _one_entry(checker: InputChecker, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    steps = list(checker(Input(str(path))))
    entries = [step[0] for step in steps if not isinstance(step, Started)]
    assert len(entries) == 1
    report = entries[0]
    assert isinstance(report, DocumentReport)
    if report.error is not None:
        assert INTERNAL not in report.error.message, report.error.message
        assert report.error.message and report.error.message_en
    report.model_dump_json()  # writable as UTF-8


@pytest.mark.parametrize("kind", sorted(FILES))
def test_mutated_documents_give_one_clean_entry(kind, checker, tmp_path) -> None:
    data = (SAMPLES / FILES[kind]).read_bytes()

    @settings(max_examples=30, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(mutations(data))
    def check_one(mutated: bytes) -> None:
        _one_entry(checker, tmp_path / f"fuzz.{kind}", mutated)

    check_one()
