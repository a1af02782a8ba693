from __future__ import annotations

from validator.model import DocumentReport
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


def test_text_says_what_the_document_is(docs, run_vi, render) -> None:
    block = render("text", docs, run_vi).split("\n\n")[1]
    assert block.splitlines()[1] == (
        "  Quyết định kèm Quy chế · Cấp xã · ỦY BAN NHÂN DÂN XÃ AN BÌNH · Số 57/QĐ-UBND · "
        "05/10/2023")
    assert "(Trang 3: Trang đọc bằng nhận dạng chữ có độ tin cậy thấp.)" in block


def test_text_shows_defects_with_their_parts_evidence_and_where_they_looked(
        docs, run_vi, render, hostile) -> None:
    block = render("text", docs, run_vi).split("\n\n")[1]
    assert "  Phải sửa (1):\n  ✗ CV3036-03 Thành phần Ban Chỉ đạo\n" in block
    assert "      - Danh sách thành viên không có Phó Trưởng ban." in block
    assert "      - Thành viên «Trần Văn Ba» không ghi chức vụ." in block
    shown = hostile.replace("\x0c", "\\x0c")  # control characters are shown, not obeyed
    assert f"«{shown}» — trang 1, dòng 12" in block
    assert "(nhận dạng chữ kém tin cậy)" in block
    assert "… và 5 dòng nữa" in block
    assert "Đã tìm trong: Điều 2" in block
    assert "CV3036-02" not in block  # passed rules are only counted
    assert "1 quy tắc đạt" in block


def test_a_note_is_a_note_never_a_failure(docs, run_vi, render) -> None:
    block = render("text", docs, run_vi).split("\n\n")[1]
    assert "  Ghi chú (1):\n  · ND30-04 Địa danh và thời gian" in block
    assert "✗ ND30-04" not in block and "không đạt" not in block.lower().split("\n", 1)[1]
    assert block.index("Phải sửa") < block.index("Ghi chú")


def test_errors_come_before_points_to_check_and_notes_whatever_the_pack_order(
        docs, run_vi, render) -> None:
    doc = docs[1]
    results = [doc.results[2], doc.results[1].model_copy(update={"status": "fail"}),
               doc.results[0]]  # note, warning, error
    text = render("text", [DocumentReport(**{**dict(doc), "results": results})], run_vi)
    assert text.index("✗ CV3036-03") < text.index("! CV3036-02") < text.index("· ND30-04")
    assert text.index("Phải sửa (1)") < text.index("Nên xem lại (1)") < text.index("Ghi chú")


def test_text_in_english(docs, render, run_vi: RunInfo) -> None:
    run = RunInfo(tool=run_vi.tool, rules=(), lang="en")
    text = render("text", docs, run)
    assert text.startswith("COMPLIANT  a/qd-tinh.pdf")
    assert "To fix (1):" in text and "Note (1):" in text
    # The failed parts are listed once: the message (the parts joined) is not repeated above.
    assert "- The member list has no deputy head." in text
    assert "Committee composition: missing" not in text
    assert "page 1, line 12" in text and "… and 5 more lines" in text
    assert "Looked in: Điều 2" in text
    assert "4 documents: 1 compliant, 1 non-compliant, 1 not applicable, 1 unreadable." in text


def test_one_document_is_singular_in_english(docs, render, run_en) -> None:
    assert "\n1 document: 1 compliant," in render("text", docs[:1], run_en)


def test_text_colour_only_when_asked(docs, run_vi: RunInfo, render) -> None:
    assert "\x1b[" not in render("text", docs, run_vi)
    coloured = RunInfo(tool=run_vi.tool, rules=run_vi.rules, lang="vi", color=True)
    assert "\x1b[" in render("text", docs, coloured)
