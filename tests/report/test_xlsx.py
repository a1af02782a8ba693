from __future__ import annotations

import datetime as dt
import io

import openpyxl

from validator.model import DocumentReport, DossierSummary, Summary
from validator.report.formatters.xlsx import XlsxFormatter


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _values(sheet) -> list[list[object]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_three_sheets_with_vietnamese_headers(docs, run_vi, render_bytes) -> None:
    book = _book(render_bytes("xlsx", docs, run_vi))
    assert book.sheetnames == ["Tổng hợp", "Chi tiết", "Quy tắc"]
    summary, details, rules = (book[name] for name in book.sheetnames)
    assert _values(summary)[0][:7] == ["Tệp", "Cơ quan ban hành", "Cấp", "Số, ký hiệu",
                                       "Ngày ban hành", "Loại", "Kết luận"]
    assert _values(details)[0] == ["Tệp", "Mã quy tắc", "Quy tắc", "Kết quả", "Nhận xét",
                                   "Trích dẫn", "Trang", "Dòng", "Căn cứ"]
    assert _values(rules)[0][:5] == ["Mã quy tắc", "Quy tắc", "Mức", "Căn cứ",
                                     "Số văn bản bị nêu"]
    for sheet in (summary, details, rules):
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" \
                                        f"{sheet.max_row}"
        assert sheet["A1"].font.b
        assert sheet.column_dimensions["A"].width > 10


def test_summary_row_per_document(docs, run_vi, render_bytes) -> None:
    rows = _values(_book(render_bytes("xlsx", docs, run_vi))["Tổng hợp"])
    assert [row[0] for row in rows[1:]] == [d.path for d in docs]
    bad = rows[2]
    assert bad[1:8] == ["ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Cấp xã", "57/QĐ-UBND",
                        dt.datetime(2023, 10, 5), "Quyết định kèm Quy chế", "Không đạt", 1]
    assert bad[9].startswith("CV3036-03 Thành phần Ban Chỉ đạo: Danh sách thành viên không có")
    assert rows[3][6] == "Không đọc được" and "Tệp bị hỏng" in rows[3][10]


def test_detail_row_per_document_and_rule_failures_first(docs, run_vi, render_bytes) -> None:
    rows = _values(_book(render_bytes("xlsx", docs, run_vi))["Chi tiết"])[1:]
    bad = [row for row in rows if row[0] == "b/qd xã <x>.docx"]
    assert [(row[1], row[3]) for row in bad] == [
        ("CV3036-03", "Phải sửa"), ("ND30-04", "Ghi chú"), ("CV3036-02", "Đạt")]
    composition = bad[0]
    assert "- Danh sách thành viên không có Phó Trưởng ban." in composition[4]
    assert "trang 1, dòng 12" in composition[5] and "(nhận dạng chữ kém tin cậy)" in composition[5]
    assert composition[6:8] == [1, 12]
    assert [row[1] for row in rows if row[0] == "c/hong.pdf"] == ["READ-ERROR"]


def test_rules_sheet_counts_documents_per_rule(docs, run_vi, render_bytes) -> None:
    rows = _values(_book(render_bytes("xlsx", docs, run_vi))["Quy tắc"])[1:]
    assert [(row[0], row[2], row[4], row[5], row[6]) for row in rows] == [
        ("CV3036-03", "Phải sửa", 1, 1, 1),
        ("CV3036-02", "Nên xem lại", 1, 1, 1),
        ("ND30-04", "Ghi chú", 1, 1, 1),
    ]


def test_english_workbook(docs, run_en, render_bytes) -> None:
    book = _book(render_bytes("xlsx", docs, run_en))
    assert book.sheetnames == ["Summary", "Details", "Rules"]
    assert book["Summary"]["G1"].value == "Verdict" and book["Summary"]["G3"].value == (
        "Non-compliant")


def test_formulas_are_stored_as_text(run_vi, render_bytes) -> None:
    docs = [DocumentReport(path=path, verdict="not_applicable")
            for path in ("=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)", "-2")]
    sheet = _book(render_bytes("xlsx", docs, run_vi))["Tổng hợp"]
    cells = [sheet.cell(row, 1) for row in range(2, 6)]
    assert [c.value for c in cells] == [d.path for d in docs]
    assert all(c.data_type == "s" for c in cells)


def test_control_characters_and_huge_cells_do_not_break_the_file(run_vi, render_bytes) -> None:
    doc = DocumentReport(path="a\x0bb" + "x" * 40_000, verdict="not_applicable")
    value = _book(render_bytes("xlsx", [doc], run_vi))["Tổng hợp"]["A2"].value
    assert value.startswith("a\ufffdb") and len(value) == 32_767 and value.endswith("…")


def test_dossier_sheet_when_the_run_judged_dossiers(docs, run_vi) -> None:
    out = io.BytesIO()
    formatter = XlsxFormatter(out, run_vi)
    formatter.start()
    for doc in docs:
        formatter.document(doc)
    formatter.finish(Summary(dossiers=[DossierSummary(
        id="b", verdict="non_compliant", documents=["b/qd xã <x>.docx"], message="thiếu Quy chế")]))
    book = _book(out.getvalue())
    assert book.sheetnames[-1] == "Hồ sơ"
    assert _values(book["Hồ sơ"])[1] == ["b", "Không đạt", "b/qd xã <x>.docx", "thiếu Quy chế"]
    assert book["Tổng hợp"]["L3"].value == "b"
