from __future__ import annotations

from validator.report.formatters.base import RunInfo


def test_text_is_grouped_per_document_verdict_first(docs, run_vi: RunInfo, render) -> None:
    text = render("text", docs, run_vi)
    blocks = text.strip().split("\n\n")
    assert blocks[0].startswith("ĐẠT  a/qd-tinh.pdf")
    assert blocks[1].startswith("KHÔNG ĐẠT  b/qd xã <x>.docx")
    assert blocks[2].startswith("KHÔNG ĐỌC ĐƯỢC  c/hong.pdf")
    assert "[corrupt] Tệp bị hỏng" in blocks[2]
    assert blocks[3].startswith("KHÔNG ÁP DỤNG  d/cong-van.txt")
    assert blocks[-1].startswith("Tổng cộng 4 văn bản: 1 đạt, 1 không đạt")


def test_text_shows_failed_rules_with_evidence_and_where_they_looked(docs, run_vi, render,
                                                                   hostile):
    block = render("text", docs, run_vi).split("\n\n")[1]
    assert "✗ CV3036-03 [lỗi] Thành phần Ban Chỉ đạo" in block
    shown = hostile.replace("\x0c", "\\x0c")  # control characters are shown, not obeyed
    assert f"«{shown}» — trang 1, dòng 12" in block
    assert "(nhận dạng chữ kém tin cậy)" in block
    assert "Đã tìm trong: Điều 2" in block
    assert "✗ ND30-04 [thông tin]" in block
    assert "CV3036-02" not in block  # passed rules are only counted
    assert "1 quy tắc đạt" in block


def test_text_in_english(docs, render, run_vi: RunInfo) -> None:
    run = RunInfo(tool=run_vi.tool, rules=(), lang="en")
    text = render("text", docs, run)
    assert text.startswith("COMPLIANT  a/qd-tinh.pdf")
    assert "Committee composition: missing" in text
    assert "page 1, line 12" in text
    assert "Looked in: Điều 2" in text
    assert "4 documents: 1 compliant, 1 non-compliant, 1 not applicable, 1 unreadable." in text


def test_text_colour_only_when_asked(docs, run_vi: RunInfo, render) -> None:
    assert "\x1b[" not in render("text", docs, run_vi)
    coloured = RunInfo(tool=run_vi.tool, rules=run_vi.rules, lang="vi", color=True)
    assert "\x1b[" in render("text", docs, coloured)

