"""The command line end to end: formats, exit statuses, settings, languages, errors.

The checking itself is faked (tests/test_batch.py: the file's content says the verdict) so
each exit status can be produced on purpose; the workers are real spawned processes.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from batch_fakes import FakeFactory, counted, write
from click.testing import CliRunner, Result

import validator.engine
from validator.cli import check as cli_module
from validator.cli import cli
from validator.cli import common as cli_common
from validator.model import Report
from validator.schema import shipped_schema_text


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


GOOD = {"a.txt": "compliant", "c.txt": "not_applicable"}


# ------------------------------------------------------------------- exit statuses


@pytest.mark.parametrize(
    ("files", "flags", "status"),
    [
        (GOOD, [], 0),
        ({**GOOD, "b.txt": "non_compliant"}, [], 1),
        ({**GOOD, "b.txt": "non_compliant"}, ["--fail-on", "never"], 0),
        ({**GOOD, "b.txt": "warning"}, [], 0),
        ({**GOOD, "b.txt": "warning"}, ["--fail-on", "warning"], 1),
        ({**GOOD, "b.txt": "corrupt"}, [], 3),
        ({"a.txt": "non_compliant", "b.txt": "corrupt"}, [], 3),  # 3 wins over 1
        ({"a.txt": "non_compliant", "b.txt": "corrupt"}, ["--fail-on", "never"], 3),
    ],
)
def test_exit_status(folder: Path, files, flags, status) -> None:
    write(folder, files)
    result = run(".", "--jobs", "2", *flags)
    assert result.exit_code == status, result.output


def test_usage_errors_exit_2(folder: Path) -> None:
    write(folder, GOOD)
    assert run(".", "--format", "yaml").exit_code == 2
    assert run(".", "--jobs", "-1").exit_code == 2
    assert run("--no-such-flag", ".").exit_code == 2
    missing = run("a.txt", "nope.pdf")
    assert missing.exit_code == 2
    assert "Không tìm thấy tệp hoặc thư mục: nope.pdf" in missing.stderr
    assert missing.stdout == ""


def test_rule_pack_error_exits_2_with_file_and_line(folder: Path) -> None:
    write(folder, {**GOOD, "broken.yaml": "rules: []"})
    result = run("a.txt", "--rules", "broken.yaml")
    assert result.exit_code == 2
    assert "Lỗi trong tệp quy tắc: broken.yaml:7: unknown check kind" in result.stderr
    assert "Traceback" not in result.output


def test_an_internal_error_is_a_short_message_unless_debugging(folder, monkeypatch) -> None:
    write(folder, GOOD)

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_common, "discover", explode)
    result = run(".")
    assert result.exit_code == 2
    assert "Lỗi nội bộ (RuntimeError: boom)" in result.stderr
    assert "Traceback" not in result.output
    monkeypatch.setenv("VALIDATOR_DEBUG", "1")
    assert "Traceback" in run(".").stderr


# ------------------------------------------------------------------ running a batch


def test_a_corrupt_file_in_the_middle_of_a_batch(folder: Path) -> None:
    write(folder, {"a.txt": "compliant", "b.txt": "corrupt", "c.txt": "compliant"})
    result = run(".", "--format", "json", "--jobs", "2")
    assert result.exit_code == 3
    report = Report.model_validate_json(result.stdout)
    assert [(d.path, d.verdict) for d in report.documents] == [
        ("a.txt", "compliant"), ("b.txt", "error"), ("c.txt", "compliant")]
    assert report.summary.error == 1 and report.summary.compliant == 2


def test_output_is_the_same_with_one_or_two_jobs(folder: Path) -> None:
    write(folder, {f"d{i}.txt": f"sleep {0.2 if i % 2 else 0} compliant" for i in range(8)})
    one = run(".", "-f", "jsonl", "-j", "1")
    two = run(".", "-f", "jsonl", "-j", "2")
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 8


def test_stdout_holds_only_results_and_output_file(folder: Path) -> None:
    write(folder, GOOD)
    piped = run(".", "-f", "json")
    assert json.loads(piped.stdout)["summary"]["documents"] == 2
    assert piped.stderr == ""  # no progress bar when stderr is not a terminal
    to_file = run(".", "-f", "json", "--output", "out/report.json")
    assert to_file.exit_code == 2  # the folder does not exist: a clear message
    assert "out/report.json" in to_file.stderr
    (folder / "out").mkdir()
    to_file = run(".", "-f", "json", "-o", "out/report.json")
    assert to_file.stdout == "" and to_file.exit_code == 0
    assert json.loads((folder / "out/report.json").read_text(encoding="utf-8"))["documents"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_output_file_is_made_like_any_file(folder: Path, umask: int, mode: int) -> None:
    """A report on a shared drive is readable by colleagues as far as the umask lets it:
    not the private 0600 of the temporary file it is written under."""
    write(folder, GOOD)
    (folder / "out").mkdir()
    previous = os.umask(umask)
    try:
        for name in ("report.json", "report.xlsx"):
            assert run(".", "-o", f"out/{name}").exit_code == 0
    finally:
        os.umask(previous)
    for name in ("report.json", "report.xlsx"):
        assert stat.S_IMODE((folder / "out" / name).stat().st_mode) == mode
    assert not list((folder / "out").glob(".*partial"))


def test_cache_second_run_reads_nothing(folder: Path, monkeypatch) -> None:
    counter = folder.parent / "calls.log"
    monkeypatch.setattr(cli_module, "PipelineFactory",
                        functools.partial(FakeFactory, counter=str(counter)))
    write(folder, {"a.txt": "compliant", "b.txt": "non_compliant"})
    first = run(".", "--cache", "-f", "jsonl")
    second = run(".", "--cache", "-f", "jsonl")
    assert first.stdout == second.stdout
    assert len(counted(counter)) == 2  # the second run called the checker for nothing
    assert "dùng lại 2 kết quả, đọc mới 0 văn bản" in second.stderr
    assert (folder / ".validator-cache").is_dir()
    third = run(".", "--no-cache", "-f", "jsonl")
    assert len(counted(counter)) == 4 and third.stdout == first.stdout


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("name", ["text", "line", "json", "jsonl", "csv", "sarif", "junit",
                                  "html"])
def test_every_format_from_the_command_line(folder: Path, name: str) -> None:
    write(folder, {"a.txt": "compliant", "b.txt": "non_compliant", "c.txt": "corrupt"})
    result = run(".", "--format", name)
    assert result.exit_code == 3
    out = result.stdout
    paths = ["a.txt", "b.txt", "c.txt"]
    if name == "text":
        assert out.index("a.txt") < out.index("b.txt") < out.index("c.txt")
        assert "Phải sửa (1):\n  ✗ FAKE-01" in out
    elif name == "line":
        assert out.splitlines()[0].startswith("b.txt:1:1: FAKE-01 [phải sửa] ")
    elif name == "json":
        assert [d["path"] for d in json.loads(out)["documents"]] == paths
    elif name == "jsonl":
        assert [json.loads(line)["path"] for line in out.splitlines()] == paths
    elif name == "csv":
        rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
        assert rows[0][:2] == ["Tệp", "Cơ quan ban hành"] and rows[0][-2:] == ["FAKE-01", "FAKE-02"]
        assert [row[0] for row in rows[1:]] == paths
    elif name == "sarif":
        run_ = json.loads(out)["runs"][0]
        assert [r["ruleId"] for r in run_["results"]] == ["FAKE-01", "READ-ERROR"]
    elif name == "junit":
        assert len(ET.fromstring(out).findall("testsuite/testcase")) == 6
    else:
        assert out.startswith("<!DOCTYPE html>") and out.count('<section id="doc-') == 3


def test_english(folder: Path) -> None:
    write(folder, {"a.txt": "non_compliant"})
    result = run(".", "--lang", "en")
    assert result.stdout.startswith("NON-COMPLIANT  a.txt")
    assert "FAKE-01: fail (en)" in result.stdout
    assert "No such file or folder: x.pdf" in run("x.pdf", "--lang", "en").stderr
    assert "Invalid command" in run(".", "--lang", "en", "--format", "yaml").stderr
    assert "Lệnh không hợp lệ" in run(".", "--format", "yaml").stderr


# -------------------------------------------------------------------------- settings


def test_settings_from_validator_toml_and_flags_win(folder: Path, loaded) -> None:
    write(folder, {"a.txt": "non_compliant"})
    (folder / "validator.toml").write_text(
        'format = "json"\nlanguage = "en"\nselect = ["FAKE-01"]\nignore = ["X"]\njobs = 1\n'
        'fail-on = "never"\npacks = ["extra"]\n', encoding="utf-8")
    (folder / "extra").mkdir()
    result = run("a.txt", "--config", "validator.toml")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["documents"][0]["verdict"] == "non_compliant"
    assert data["tool"]["settings"] == str(folder / "validator.toml")
    assert loaded[-1] == ((str(folder / "extra"),), ("FAKE-01",), ("X",))
    flags = run("--config", ".", "a.txt", "--format", "text", "--lang", "vi",
                "--fail-on", "error")
    assert flags.exit_code == 1 and flags.stdout.startswith("KHÔNG ĐẠT")


def test_settings_in_the_working_or_checked_folder_change_nothing(folder: Path,
                                                                  loaded) -> None:
    write(folder, {"sub/a.txt": "non_compliant"})
    hostile = 'fail_on = "never"\nselect = ["FAKE-02"]\nformat = "json"\n'
    (folder / "validator.toml").write_text(hostile, encoding="utf-8")
    (folder / "sub" / "validator.toml").write_text(hostile, encoding="utf-8")
    (folder / "pyproject.toml").write_text("[tool.validator]\n" + hostile, encoding="utf-8")
    result = run("sub")
    assert result.exit_code == 1 and result.stdout.startswith("KHÔNG ĐẠT")
    assert loaded[-1][1] == ()


def test_settings_from_the_reviewers_own_file(folder: Path, monkeypatch, loaded) -> None:
    write(folder, {"a.txt": "warning"})
    home = folder.parent / "config"
    (home / "validator").mkdir(parents=True)
    (home / "validator" / "validator.toml").write_text(
        'fail_on = "warning"\n[limits]\nmax_pages = 7\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    assert run("a.txt").exit_code == 1
    assert run("a.txt", "--fail-on", "error").exit_code == 0


def test_settings_from_pyproject(folder: Path, loaded) -> None:
    write(folder, {"a.txt": "warning"})
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.validator]\nfail_on = "warning"\nlang = "en"\n'
        'select = ["FAKE"]\n', encoding="utf-8")
    result = run("a.txt", "--config", "pyproject.toml")
    assert result.exit_code == 1
    assert result.stdout.startswith("COMPLIANT  a.txt")
    assert loaded[-1][1] == ("FAKE",)


def test_a_bad_settings_file_exits_2(folder: Path) -> None:
    write(folder, GOOD)
    (folder / "validator.toml").write_text('jobs = "many"\ncolour = 1\n', encoding="utf-8")
    result = run(".", "--config", "validator.toml")
    assert result.exit_code == 2
    assert "validator.toml" in result.stderr and "jobs" in result.stderr
    assert "colour" in result.stderr


# ---------------------------------------------------------------- other commands


def test_rules_lists_and_explains(folder: Path) -> None:
    listing = run("rules")
    assert listing.exit_code == 0 and "FAKE-01" in listing.stdout
    assert "Quy tắc FAKE-01" in listing.stdout
    data = json.loads(run("rules", "--format", "json", "--select", "FAKE-02").stdout)
    assert [r["id"] for r in data["rules"]] == ["FAKE-02"]
    assert run("rules", "explain", "fake-01").stdout == "FAKE-01: giải thích (vi)\n"
    assert run("rules", "explain", "fake-01", "--lang", "en").stdout == "FAKE-01: giải thích (en)\n"
    unknown = run("rules", "explain", "FAKE-1", "--lang", "en")
    assert unknown.exit_code == 2
    assert "No rule id matches 'FAKE-1'. Did you mean FAKE-01?" in unknown.stderr


def test_a_mistyped_rule_id_is_a_usage_error_naming_the_nearest(tmp_path: Path) -> None:
    typo = run("rules", "--select", "CV2567")
    assert typo.exit_code == 2
    assert "Không có quy tắc nào có mã «CV2567». Có phải CV2657?" in typo.stderr
    explained = run("rules", "explain", "ND30-04", "--lang", "en")
    assert explained.exit_code == 0
    assert explained.stdout.startswith("ND30-04 [warning, to check]")
    assert "→ Result: Days below 10 and months 1 and 2 take a leading zero" in explained.stdout


def test_schema_is_the_shipped_one() -> None:
    result = run("schema")
    assert result.exit_code == 0 and result.stdout == shipped_schema_text()
    assert run("schema", "--check").exit_code == 0


def test_inspect_reads_in_a_worker_with_the_same_protections(folder: Path) -> None:
    import os

    (folder / "qd.txt").write_bytes((SAMPLES / "qd-phuong-thuy-duong-2024.txt").read_bytes())
    os.mkfifo(folder / "fifo.pdf")
    result = run("inspect", "qd.txt", "fifo.pdf", "--format", "json")
    documents = json.loads(result.stdout)["documents"]
    assert [d["path"] for d in documents] == ["fifo.pdf", "qd.txt"]
    assert documents[0]["error"]["code"] == "unreadable"
    assert documents[1]["metadata"]["number"] == "86" and documents[1]["pages"]
    text = run("inspect", "qd.txt").stdout
    assert "== qd.txt" in text and "number: 86" in text and "[1:1] " in text


def test_help_and_version() -> None:
    assert "Kiểm tra" in run("--help").stdout
    assert "Check files" in run("check", "--help", "--lang", "en").stdout
    assert "0.1.0" in run("--version").stdout


# ------------------------------------------------- the real pipeline on samples/

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SARIF_SUBSET = Path(__file__).resolve().parent / "report/data/sarif-2.1.0-subset.schema.json"


@pytest.fixture
def real_folder(tmp_path, monkeypatch) -> Path:
    """Two sample decisions with a truncated PDF between them (in path order)."""
    folder = tmp_path / "real"
    folder.mkdir()
    for name, sample in [("a.docx", "qd-tinh-2020-table.docx"), ("b.pdf", "bad-truncated.pdf"),
                         ("c.pdf", "qd-xa-an-binh-2023.pdf")]:
        (folder / name).write_bytes((SAMPLES / sample).read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    return folder


def test_real_batch_with_a_corrupt_file_in_the_middle(real_folder: Path) -> None:
    import jsonschema

    result = run("real", "--format", "json", "--jobs", "2")
    assert result.exit_code == 3, result.stderr
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(json.loads(shipped_schema_text())).validate(data)
    documents = data["documents"]
    assert [d["path"] for d in documents] == ["real/a.docx", "real/b.pdf", "real/c.pdf"]
    assert documents[1]["verdict"] == "error" and documents[1]["error"]["code"] == "corrupt"
    rule_ids = {rule.id for rule in validator.engine.load_rules().rules}
    for document in (documents[0], documents[2]):
        assert document["verdict"] != "error"
        assert {r["rule_id"] for r in document["results"]} == rule_ids


def test_real_run_is_the_same_with_one_or_two_jobs(real_folder: Path) -> None:
    one = run("real", "-f", "jsonl", "-j", "1")
    two = run("real", "-f", "jsonl", "-j", "2")
    assert one.exit_code == two.exit_code == 3
    assert one.stdout == two.stdout


def test_real_cache_reads_only_what_it_must(real_folder: Path) -> None:
    first = run("real", "--cache", "-f", "csv")
    second = run("real", "--cache", "-f", "csv")
    assert first.stdout == second.stdout
    # the unreadable file is not cached (its reason may be the machine): it is read again
    assert "dùng lại 2 kết quả, đọc mới 1 văn bản" in second.stderr


def test_real_sarif_and_html(real_folder: Path) -> None:
    import jsonschema

    result = run("real", "-f", "sarif", "--lang", "en")
    assert result.exit_code == 3, result.stderr
    sarif = json.loads(result.stdout)
    schema = json.loads(SARIF_SUBSET.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]}
    assert "real/b.pdf" in uris
    page = run("real", "-f", "html").stdout
    assert page.count('<section id="doc-') == 3 and '<table id="summary"' in page
