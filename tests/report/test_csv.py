from __future__ import annotations

import csv
import io

from validator.model import DocumentReport


def test_csv_has_bom_and_a_column_per_rule(docs, run_vi, render) -> None:
    text = render("csv", docs, run_vi)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert list(rows[0]) == ["path", "verdict", "doc_type", "level",
                             "CV3036-03", "CV3036-02", "ND30-04", "error"]
    assert [row["path"] for row in rows] == [d.path for d in docs]
    assert rows[1]["verdict"] == "non_compliant"
    assert (rows[1]["CV3036-03"], rows[1]["CV3036-02"], rows[1]["ND30-04"]) == (
        "fail", "pass", "fail")
    assert rows[2]["error"] == "corrupt" and rows[2]["CV3036-03"] == ""


def test_csv_utf8_bytes_open_in_excel_encoding(docs, run_vi, render) -> None:
    data = render("csv", docs, run_vi).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert "qd xã" in data.decode("utf-8-sig")


def test_csv_neutralises_formulas(run_vi, render) -> None:
    doc = DocumentReport(path="=HYPERLINK(1)", verdict="not_applicable")
    row = list(csv.reader(io.StringIO(render("csv", [doc], run_vi)[1:])))[1]
    assert row[0] == "'=HYPERLINK(1)"
