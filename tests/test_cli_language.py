"""One language at a time: help, click's own messages and ours, in Vietnamese by default and
in English with --lang en; and the options reviewers' IT staff expect (--quiet, --statistics,
line output, the format from the output file's extension)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from batch_fakes import write
from test_cli import run

# Words of click's and our English that must not appear under the default language. Option
# names (--help), their values ([text|json]) and acronyms are the same in both languages.
ENGLISH = re.compile(
    r"\b(Usage|Options|Commands|Show|message|exit|Missing|argument|option|such|Invalid|value|"
    r"default|required|Did|mean|Error|Try|the|and|of|for|not|with|FILE|PATHS?|INTEGER|FLOAT|"
    r"RANGE|DIRECTORY|TEXT|COMMAND|ARGS|OPTIONS|Check|Write|Output|files|folders)\b")


def _words(text: str) -> str:
    """`text` without option names and choice lists, which are the same in every language."""
    text = re.sub(r"--?[\w-]+", " ", text)
    return re.sub(r"\[[\w|,-]+\]|'[^']*'", " ", text)


@pytest.mark.parametrize("args", [
    ["--help"], ["check", "--help"], ["reply", "--help"], ["rules", "--help"],
    ["rules", "explain", "--help"], ["inspect", "--help"], ["schema", "--help"],
    ["check", "--colour", "x"], ["check"], ["--format", "yaml", "x"], ["--jobs", "many", "x"],
    ["reply", "x"], ["nope-command-or-file.pdf"],
])
def test_no_english_under_the_default_language(folder: Path, args: list[str]) -> None:
    result = run(*args)
    output = result.stdout + result.stderr
    assert output.strip()
    assert ENGLISH.findall(_words(output)) == [], output


def test_help_and_usage_errors_in_vietnamese(folder: Path) -> None:
    assert run("--help").stdout.startswith("Cách dùng: validate [TÙY_CHỌN] LỆNH [THAM_SỐ]...")
    check = " ".join(run("check", "--help").stdout.split())
    assert "Tùy chọn:" in check and "Hiện hướng dẫn này rồi thoát." in check
    assert "-o, --output TỆP" in check and "[mặc định: auto]" in check
    error = run("check", "--colour", "x")
    assert error.exit_code == 2
    assert "Không có tùy chọn '--colour'. Có phải ý bạn là '--ocr'" in error.stderr
    assert "Thiếu tham số 'ĐƯỜNG_DẪN...'" in run("check").stderr
    assert "phiên bản" in run("--version").stdout


@pytest.mark.parametrize("args", [
    ["--help", "--lang", "en"], ["--lang", "en", "--help"], ["check", "--help", "--lang", "en"],
    ["--lang", "en", "check", "--help"],
])
def test_english_with_lang_en(folder: Path, args: list[str]) -> None:
    out = run(*args).stdout
    assert out.startswith("Usage: validate")
    assert "Options:" in out and "Show this message and exit." in out
    assert "Cách dùng" not in out and "Hiện hướng dẫn" not in out


def test_languages_do_not_leak_between_runs(folder: Path) -> None:
    assert "Options:" in run("check", "--help", "--lang", "en").stdout
    assert "Tùy chọn:" in run("check", "--help").stdout
    assert "No such option" in run("check", "--colour", "x", "--lang", "en").stderr
    assert "Không có tùy chọn" in run("check", "--colour", "x").stderr


def test_lang_before_the_paths(folder: Path) -> None:
    write(folder, {"a.txt": "non_compliant"})
    result = run("--lang", "en", "a.txt")
    assert result.stdout.startswith("NON-COMPLIANT  a.txt")
    assert run("--lang", "en", "rules").stdout.split()[1:3] == ["To", "fix"]


def test_one_document_is_singular(folder: Path) -> None:
    write(folder, {"a.txt": "compliant"})
    assert "1 document: 1 compliant" in run("a.txt", "--lang", "en").stdout


def test_quiet_reports_only_documents_to_act_on(folder: Path) -> None:
    write(folder, {"a.txt": "compliant", "b.txt": "non_compliant", "c.txt": "corrupt",
                   "d.txt": "warning"})
    out = run(".", "--quiet").stdout
    assert "a.txt" not in out
    assert "b.txt" in out and "c.txt" in out and "d.txt" in out
    assert "Tổng cộng 4 văn bản" in out  # the totals still count every document


def test_statistics_on_the_report_stream_or_on_stderr(folder: Path) -> None:
    write(folder, {"a.txt": "non_compliant", "b.txt": "non_compliant", "d.txt": "warning"})
    text = run(".", "--statistics")
    tail = text.stdout.split("Số văn bản bị nêu theo từng quy tắc:\n", 1)[1].splitlines()
    assert tail[0].split()[:5] == ["FAKE-01", "Phải", "sửa", "2", "văn"]
    assert tail[1].split()[:5] == ["FAKE-02", "Nên", "xem", "lại", "1"]
    machine = run(".", "--statistics", "--format", "json")
    assert "FAKE-01" in machine.stderr and machine.stdout.startswith("{")


def test_line_format(folder: Path) -> None:
    write(folder, {"a.txt": "compliant", "b.txt": "non_compliant"})
    assert run(".", "-f", "line").stdout == "b.txt:1:1: FAKE-01 [phải sửa] FAKE-01: fail.\n"


def test_output_extension_picks_the_format(folder: Path) -> None:
    write(folder, {"a.txt": "non_compliant"})
    assert run("a.txt", "-o", "r.html").exit_code == 1
    assert (folder / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    run("a.txt", "-o", "r.json")
    assert (folder / "r.json").read_text(encoding="utf-8").startswith("{")
    run("a.txt", "-o", "r.xlsx")
    book = openpyxl.load_workbook(folder / "r.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Chi tiết", "Quy tắc"]
    run("a.txt", "-o", "r.html", "--format", "text")  # a typed --format wins
    assert (folder / "r.html").read_text(encoding="utf-8").startswith("KHÔNG ĐẠT")


def test_xlsx_to_standard_output_is_bytes(folder: Path) -> None:
    write(folder, {"a.txt": "non_compliant"})
    result = run("a.txt", "-f", "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
    assert book["Tổng hợp"]["A2"].value == "a.txt"
