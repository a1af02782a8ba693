"""`validate reply`: the same check as `validate`, with a draft letter for every non-compliant
document; and the workbook of a real run."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest
from batch_fakes import write
from test_cli import SAMPLES, run

import validator.engine

SETTINGS = """
[reply]
office = "BẢO HIỂM XÃ HỘI TỈNH BÌNH THUẬN"
parent = "BẢO HIỂM XÃ HỘI VIỆT NAM"
place = "Bình Thuận"
signer-title = "KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC"
signer_name = "Trần Văn Bình"
"""


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for cell in table.rows[0].cells]
    return "\n".join([*cells, *(p.text for p in document.paragraphs)])


def test_reply_writes_letters_only_for_non_compliant_documents(folder: Path) -> None:
    write(folder, {"a.txt": "compliant", "b.txt": "non_compliant", "sub/b.txt": "non_compliant",
                   "c.txt": "corrupt", "d.txt": "warning"})
    (folder.parent / "reviewer.toml").write_text(SETTINGS, encoding="utf-8")
    result = run("reply", ".", "--output-dir", "out", "--jobs", "2",
                 "--config", str(folder.parent / "reviewer.toml"))
    assert result.exit_code == 3  # the same exit status as the check
    assert sorted(p.name for p in (folder / "out").iterdir()) == [
        "tra-loi-b-2.docx", "tra-loi-b.docx"]
    assert result.stdout.count("Đã ghi ") == 2
    letter = _text(folder / "out" / "tra-loi-b.docx")
    assert "BẢO HIỂM XÃ HỘI TỈNH BÌNH THUẬN" in letter and "Trần Văn Bình" in letter
    assert "1. FAKE-01: fail (theo fake)." in letter


def test_reply_needs_a_folder_and_keeps_check_options(folder: Path) -> None:
    missing = run("reply", ".")
    assert missing.exit_code == 2 and "--output-dir" in missing.stderr
    write(folder, {"a.txt": "compliant"})
    result = run("reply", "a.txt", "-d", "out", "--select", "FAKE-01", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout == "No document needs a reply letter.\n"


@pytest.fixture
def samples(tmp_path, monkeypatch) -> Path:
    """Real sample documents: two non-compliant, one compliant, one unreadable, one công văn."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("qd-huyen-2022-khong-pho-truong-ban.docx", "qd-xa-hop-thinh-2023-thieu-vhxh.pdf",
                 "qd-xa-an-binh-2023.pdf", "bad-truncated.pdf", "other-cong-van-2023.docx"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    return folder


def test_real_reply_letters_name_the_issuing_body_and_the_defects(samples: Path) -> None:
    report = json.loads(run("in", "-f", "json").stdout)
    verdicts = {Path(d["path"]).name: d["verdict"] for d in report["documents"]}
    result = run("reply", "in", "--output-dir", "out")
    assert result.exit_code == 3, result.stderr
    expected = {f"tra-loi-{Path(name).stem}.docx" for name, v in verdicts.items()
                if v == "non_compliant"}
    assert expected and {p.name for p in (samples.parent / "out").iterdir()} == expected
    rules = {rule.id: rule for rule in validator.engine.load_rules().rules}
    for document in report["documents"]:
        if document["verdict"] != "non_compliant":
            continue
        letter = _text(samples.parent / "out" / f"tra-loi-{Path(document['path']).stem}.docx")
        unit, place = document["metadata"]["issuer"]["text"].split(" DÂN ", 1)[1].split(" ", 1)
        assert f"Kính gửi: Ủy ban nhân dân {unit.lower()} {place.title()}." in letter
        for failed in document["results"]:
            if failed["status"] == "fail" and failed["severity"] == "error":
                assert failed["messages"]["vi"].rstrip(".") in letter
                assert rules[failed["rule_id"]].source in letter


def test_real_workbook(samples: Path) -> None:
    result = run("in", "-f", "xlsx", "-o", "r.xlsx")
    assert result.exit_code == 3, result.stderr
    book = openpyxl.load_workbook(samples.parent / "r.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Chi tiết", "Quy tắc"]
    summary = [[c.value for c in row] for row in book["Tổng hợp"].iter_rows()]
    assert summary[0][:3] == ["Tệp", "Cơ quan ban hành", "Cấp"] and len(summary) == 6
    rules = [[c.value for c in row] for row in book["Quy tắc"].iter_rows()][1:]
    assert len(rules) == len(validator.engine.load_rules().rules)
    assert sum(row[4] for row in rules if row[0] in ("CV3036-03", "CV2657-01")) >= 2
