"""Rules judge a scan's text as they judge the native text: the OCR damage our Tesseract runs
do to scanned decisions (hỏi read as sắc, a damaged or lost numeral after "Chương", a name's
words run together, a speck read as "." or ",") flips no rule status on any sample source.

The perturbations are bench/bench_ocr_tolerance.py's (seeded, so every run damages the same
words); the bench prints how many statuses flip at higher rates.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from script_loader import load_script

from validator.engine import load_rules
from validator.normalize import fold_key, normalize_string, repair_confused_tones
from validator.structure import document_from_text

OCR = 90.0  # the texts stand for what OCR read: per-document spelling repair applies

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "tests" / "data" / "sources"  # the composed texts of the samples
SEEDS = range(5)
# Tesseract confused the tone of ~0.8 % of the words of our scans; 1 % keeps a margin.
MEASURED_TONE_RATE = 0.01


bench = load_script("bench/bench_ocr_tolerance.py", "bench_ocr_tolerance")
pytestmark = pytest.mark.skipif(
    not (ROOT / "samples" / "manifest.json").exists(), reason="samples/ not generated"
)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def clean(rules) -> dict[str, dict[str, str]]:
    return {name: bench.statuses(text, name, rules) for name, text in bench.sources()}


@pytest.mark.parametrize(
    ("kind", "rate"),
    [
        ("scan", MEASURED_TONE_RATE),  # tone confusions and every chapter numeral damaged
        ("tone", MEASURED_TONE_RATE),
        ("numeral", 1.0),
        ("glue", 0.5),
        ("punct", 0.2),
    ],
)
def test_no_rule_flips(kind: str, rate: float, rules, clean) -> None:
    flips, compared = bench.flips(kind, rate, SEEDS, rules, clean)
    assert compared > 0
    assert not flips, "\n".join(f"{f.source} {f.rule_id}: {f.clean} -> {f.damaged}" for f in flips)


# ------------------------------------------------------------------ the pieces, one by one


def _an_binh() -> str:
    return (SOURCES / "qd-xa-an-binh-2023.txt").read_text(encoding="utf-8")


def test_document_spelling_undoes_tone_confusions() -> None:
    text = (
        _an_binh()
        .replace("KT. CHỦ TỊCH", "KT. CHÚ TỊCH")
        .replace("QUYẾT ĐỊNH\nVề", "QUYỂT ĐỊNH\nVề")
    )
    doc = document_from_text(text, ocr_confidence=OCR)
    assert "KT. CHỦ TỊCH" in doc.text.text
    assert doc.metadata.type_name is not None and doc.metadata.type_name.text == "QUYẾT ĐỊNH"
    assert doc.metadata.signer is not None and doc.metadata.signer.authority == "KT."
    # The quote still shows what the scan says.
    closing = [line for line in doc.read.lines if line.text.startswith("KT.")]
    assert closing[0].text == "KT. CHÚ TỊCH"


def test_native_text_is_not_respelt() -> None:
    # A word seen once in its own phrase stays, however common a look-alike is elsewhere.
    text = "Chỉ đạo. Chỉ đạo. Chỉ đạo. Chỉ đạo.\nĐoàn Thanh niên Hồ Chí Minh.\nkể từ ngày ký."
    assert repair_confused_tones(text) == text


def test_respelling_keeps_case_and_length() -> None:
    text = "bảo hiểm, bảo hiểm, bảo hiểm; BÁO HIỂM"
    repaired = repair_confused_tones(text)
    assert repaired == "bảo hiểm, bảo hiểm, bảo hiểm; BẢO HIỂM"
    assert len(repaired) == len(text)


def test_fold_key_merges_only_the_confused_tones() -> None:
    assert fold_key("Tổ") == fold_key("Tố") == fold_key("tỗ")
    assert fold_key("bản") != fold_key("ban")  # Trưởng bản is not Trưởng ban
    assert fold_key("Văn") != fold_key("Vẫn")
    assert len(fold_key("Trưởng Ủy ban")) == len("Trưởng Ủy ban")


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (("I", "II", "III", "IV"), ["I", "II", "III", "IV"]),
        (("", "lI", "IHI", "1V"), ["I", "II", "III", "IV"]),
        (("I", "II", "II", "IV"), ["I", "II", "III", "IV"]),  # III lost an I
    ],
)
def test_chapter_with_damaged_numeral_still_opens_a_chapter(
    printed: tuple[str, ...], expected: list[str]
) -> None:
    text = (SOURCES / "qc-xa-phu-thinh-letterhead-2024.txt").read_text(
        encoding="utf-8"
    )
    for clean, damaged in zip(("I", "II", "III", "IV"), printed, strict=True):
        text = text.replace(f"\nChương {clean}\n", f"\nChương {damaged}".rstrip() + "\n", 1)
    doc = document_from_text(text, ocr_confidence=OCR)
    assert doc.attachment is not None
    chapters = [n for n in doc.attachment.articles if n.kind == "chapter"]
    assert [c.number for c in chapters] == expected
    assert chapters[0].heading == "NHỮNG QUY ĐỊNH CHUNG"
    assert all(c.children for c in chapters)


def test_native_text_keeps_its_spelling() -> None:
    text = _an_binh().replace("KT. CHỦ TỊCH", "KT. CHÚ TỊCH")
    assert "KT. CHÚ TỊCH" in document_from_text(text).text.text


def test_chuong_trinh_is_no_chapter() -> None:
    text = "QUY CHẾ\nHoạt động\nĐiều 1. Phạm vi\nChương trình công tác năm.\n"
    doc = document_from_text(text, ocr_confidence=OCR)
    assert not [n for n in doc.articles if n.kind == "chapter"]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("KT. CHỦ TỊCH .", "KT. CHỦ TỊCH"),
        ("PHÓ CHỦ TỊCH,", "PHÓ CHỦ TỊCH"),
        ("Trần Thị Mai.", "Trần Thị Mai"),
        ("2. Các Phó Trưởng ban:.", "2. Các Phó Trưởng ban:"),
        ("KT.", "KT."),  # an abbreviation keeps its dot
        ("Lưu: VT.", "Lưu: VT."),
        ("thi hành Quyết định này.", "thi hành Quyết định này."),
    ],
)
def test_stray_marks_at_line_ends(line: str, kept: str) -> None:
    doc = document_from_text(line, ocr_confidence=OCR)
    assert doc.text.text == kept


def test_glued_name_is_still_a_name() -> None:
    text = _an_binh().replace("Ông Nguyễn Văn Hùng,", "Ông Nguyễn VănHùng,")
    members = document_from_text(text, ocr_confidence=OCR).members
    assert members[0].name == "Nguyễn Văn Hùng"


def test_marked_phrases_tolerate_confused_tones_only() -> None:
    from validator.engine.patterns import compile_phrases

    village = compile_phrases(["trưởng ấp", "trưởng bản"], {}, marks=True)
    assert village.search_string(normalize_string("Trướng ấp An Phú"))
    assert village.search_string(normalize_string("Trưởng bản Nà Sảng"))
    assert not village.search_string(normalize_string("Trưởng ban Dân vận"))
