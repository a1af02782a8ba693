from __future__ import annotations

import csv
import io

from validator.model import DocumentReport


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_has_the_summary_columns_then_one_per_rule(docs, run_vi, render) -> None:
    text = render("csv", docs, run_vi)
    assert text.startswith("\ufeff")
    rows = _rows(text)
    assert list(rows[0]) == [
        "Tệp", "Cơ quan ban hành", "Cấp", "Số, ký hiệu", "Ngày ban hành", "Loại", "Kết luận",
        "Phải sửa", "Nên xem lại", "Nội dung phải sửa, nên xem lại", "Ghi chú", "Hồ sơ",
        "CV3036-03", "CV3036-02", "ND30-04"]
    assert [row["Tệp"] for row in rows] == [d.path for d in docs]
    bad = rows[1]
    assert (bad["Kết luận"], bad["Cơ quan ban hành"], bad["Số, ký hiệu"]) == (
        "Không đạt", "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "57/QĐ-UBND")
    assert bad["Ngày ban hành"] == "05/10/2023" and bad["Cấp"] == "Cấp xã"
    assert (bad["Phải sửa"], bad["Nên xem lại"]) == ("1", "0")
    assert bad["Nội dung phải sửa, nên xem lại"].startswith(
        "CV3036-03 Thành phần Ban Chỉ đạo: Danh sách thành viên không có Phó Trưởng ban;")
    assert "ND30-04" in bad["Ghi chú"] and "Trang 3:" in bad["Ghi chú"]
    assert (bad["CV3036-03"], bad["CV3036-02"], bad["ND30-04"]) == (
        "Phải sửa", "Đạt", "Ghi chú")
    assert rows[2]["Kết luận"] == "Không đọc được" and "Tệp bị hỏng" in rows[2]["Ghi chú"]
    assert rows[2]["CV3036-03"] == ""


def test_csv_in_english(docs, run_en, render) -> None:
    rows = _rows(render("csv", docs, run_en))
    assert list(rows[0])[:7] == ["File", "Issuing body", "Level", "Number", "Date", "Type",
                                 "Verdict"]
    assert rows[1]["Verdict"] == "Non-compliant" and rows[1]["ND30-04"] == "Note"


def test_csv_utf8_bytes_open_in_excel_encoding(docs, run_vi, render) -> None:
    data = render("csv", docs, run_vi).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert "qd xã" in data.decode("utf-8-sig")


def test_csv_neutralises_formulas(run_vi, render) -> None:
    doc = DocumentReport(path="=HYPERLINK(1)", verdict="not_applicable")
    row = list(csv.reader(io.StringIO(render("csv", [doc], run_vi)[1:])))[1]
    assert row[0] == "'=HYPERLINK(1)"
