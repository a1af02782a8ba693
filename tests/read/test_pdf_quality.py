"""Checks on a page's text: the character check against pdfium's plain text and its
fallback, fonts without a Unicode map, and damaged text that gets a reading note."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest

import validator.read.pdf.page as pdf_page
from validator.read.pdf import read_pdf
from validator.read.pdf.lines import Assembly
from validator.read.pdf.pieces import PageText
from validator.read.pdf.quality import damage, has_unmapped_font, same_characters

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "pdf"
FONTS = Path("/usr/share/fonts/truetype/liberation2")


def page_text(name: str) -> PageText:
    pdf = pdfium.PdfDocument(str(SAMPLES / name))
    page = pdf[0]
    return PageText(page, page.get_textpage())


def decision_pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("QualitySerif", str(FONTS / "LiberationSerif-Regular.ttf")))
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("QualitySerif", 13)
    for k, line in enumerate(lines):
        canvas.drawString(85, 780 - 20 * k, line)
    canvas.save()
    return path


# ---------------------------------------------------------------------- characters


def test_same_characters_counts_what_was_dropped_and_sees_what_was_lost() -> None:
    plain = SimpleNamespace(text="Tổ  chức\r\nBan", visible_count=9)
    assert same_characters(["Tổ chức", "Ban"], plain, Counter(), composed=False)
    assert same_characters(["Tổ chức"], plain, Counter({"Ban": 1}), composed=False)
    assert not same_characters(["Tổ chức"], plain, Counter(), composed=False)
    assert not same_characters(["Tổ chức", "Ban", "x"], plain, Counter(), composed=False)


def test_same_characters_with_composed_marks_compares_decomposed_characters() -> None:
    plain = SimpleNamespace(text="Co\u0302ng\r\nca\u00b4", visible_count=7)
    assert same_characters(["Công cá"], plain, Counter(), composed=True)
    assert not same_characters(["Cong cá"], plain, Counter(), composed=True)


def test_failed_check_falls_back_to_pdfium_text_with_a_note(monkeypatch) -> None:
    """An assembly that loses a line fails the check: the page is pdfium's plain text."""
    assemble = pdf_page.assemble

    def losing(pieces, groups=None):
        assembly = assemble(pieces, groups)
        return Assembly(rows=assembly.rows[1:], dropped=assembly.dropped)

    monkeypatch.setattr(pdf_page, "assemble", losing)
    result = read_pdf((SAMPLES / "many-glyphs.pdf").read_bytes(), "never")
    assert [(note.code, note.page) for note in result.notes] == [("plain_text_fallback", 1)]
    texts = [line.text for line in result.lines]
    assert "ỦY BAN NHÂN DÂN" in texts and "QUYẾT ĐỊNH" in texts


# ------------------------------------------------------------------- unmapped fonts


def test_font_without_unicode_map_is_detected_and_a_sound_one_is_not() -> None:
    assert has_unmapped_font(page_text("no-tounicode.pdf"))
    assert not has_unmapped_font(page_text("many-glyphs.pdf"))


# ----------------------------------------------------------------------------- damage


@pytest.mark.parametrize("text, found", [
    ("Q U Y Ế T Đ Ị N H về việc", ["Q U Y Ế T Đ Ị N H"]),
    ("Tổ Tổ chức đị đị a phương ức ức", ["Tổ Tổ", "đị đị", "ức ức"]),
    ("QUYẾT ĐNNH về việc thành lập", ["ĐNNH"]),
    ("UỶ BAN NHÂN D¢N XÃ", ["D¢"]),
])
def test_damage_finds_the_debris_of_each_kind(text: str, found: list[str]) -> None:
    assert damage(text) == found


@pytest.mark.parametrize("text", [
    "Căn cứ Luật Luật sư ngày 29 tháng 6 năm 2006; Luật Luật sư sửa đổi; Luật Luật sư",
    "Đơn đề nghị số 258/ĐĐN-ĐLS của UBND, HĐND và Sở NN&PTNT",
    "a) Sở Nội vụ; b) Sở Tư pháp; c) Sở Y tế",
    "nhà nhà, người người thi đua",
])
def test_damage_leaves_sound_text_alone(text: str) -> None:
    assert damage(text) == []


def test_damaged_page_gets_a_note_with_its_page(tmp_path: Path) -> None:
    path = decision_pdf(tmp_path / "damaged.pdf", [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Q U Y Ế T  Đ Ị N H",
        "Về việc thành lập Tổ Tổ giúp việc của Hội đồng thẩm đị đị nh",
        "Căn cứ Luật Tổ chức chính quy ền ền đị đị a phương;",
    ])
    notes = read_pdf(path.read_bytes(), "never").notes
    assert [(note.code, note.page) for note in notes] == [("damaged_text", 1)]
    assert "Q U Y Ế T" in notes[0].message and "Q U Y Ế T" in notes[0].message_en


def test_quality_bench_counts_what_plain_text_lacks() -> None:
    from script_loader import load_script

    bench = load_script("bench/bench_pdf_quality.py", "bench_pdf_quality")
    plain = ["UBND TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Số: /QĐ-HĐTĐ Lâm Đồng, ngày tháng 10 năm 2025",
             "Căn cứ Luật Tổ chức chính quyền địa phương;"]
    garbled = ["UBND T Ỉ NH LÂM Đ Ồ NG C Ộ", "Số: /QĐ-HĐTĐ Lâm Đồng, ngày tháng 10",
               "Căn cứ Luật Tổ Tổ ch ức ức chính quy ề n đị đị a phương;"]
    assert bench.page_defects(garbled, plain, first=True) == {
        "doubled": 3, "spaced": 9, "merged": 1}
    assert bench.page_defects(plain[:2] + plain[3:], plain, first=True) == {
        "doubled": 0, "spaced": 0, "merged": 0}
