"""Batch runs from the command line: folder runs, outputs that stay valid whatever the names,
an output that is an input, signals and closed pipes. The checking is faked (batch_fakes.py)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import psutil
import pytest
from batch_fakes import counted, write
from test_cli import run

FAKE_VALIDATE = [sys.executable, str(Path(__file__).resolve().parent / "fake_validate.py")]


def entries(output_format: str, text: str) -> list[str]:
    """The document paths of a report, in order (SARIF: those with results)."""
    if output_format == "json":
        return [d["path"] for d in json.loads(text)["documents"]]
    if output_format == "jsonl":
        return [json.loads(line)["path"] for line in text.splitlines()]
    if output_format == "csv":
        return [row[0] for row in csv.reader(io.StringIO(text.lstrip("\ufeff")))][1:]
    if output_format == "junit":
        return [s.get("name", "") for s in ET.fromstring(text).findall("testsuite")]
    if output_format == "sarif":
        run_ = json.loads(text)["runs"][0]
        return [str(run_["properties"]["summary"]["documents"])]
    return [line for line in text.splitlines() if line.endswith((".txt", ".zip"))]


# ---------------------------------------------------------------------- folder runs


def test_a_folder_run_checks_documents_only(folder: Path) -> None:
    write(folder, {"a.txt": "compliant", "README.md": "crash", "manifest.json": "crash",
                   "bad-1.txt": "non_compliant", "sub/bad-2.txt": "corrupt"})
    (folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0 not a document")
    (folder / "desktop.ini").write_bytes(b"[.ShellClassInfo]\r\nIconResource=x\r\n")
    plain = run(".", "-f", "jsonl")
    assert [json.loads(line)["path"] for line in plain.stdout.splitlines()] == [
        "a.txt", "bad-1.txt", "sub/bad-2.txt"]
    assert plain.exit_code == 3
    assert "Bỏ qua 4 tệp" in plain.stderr
    excluded = run(".", "-f", "jsonl", "--exclude", "bad-*")
    assert [json.loads(line)["path"] for line in excluded.stdout.splitlines()] == ["a.txt"]
    assert excluded.exit_code == 0  # Thumbs.db and desktop.ini change nothing


def test_an_output_file_that_is_an_input_is_refused(folder: Path) -> None:
    write(folder, {"a.txt": "compliant", "b.txt": "compliant"})
    result = run(".", "-o", "b.txt")
    assert result.exit_code == 2 and "b.txt" in result.stderr
    assert (folder / "b.txt").read_text(encoding="utf-8") == "compliant"
    assert run("a.txt", "-o", "./a.txt").exit_code == 2
    assert run(".", "-f", "json", "-o", "report.json").exit_code == 0
    assert run(".", "-f", "json", "-o", "report.json").exit_code == 0  # not a document


def test_a_link_out_of_the_checked_folder_is_not_read(folder: Path, monkeypatch) -> None:
    import functools

    from batch_fakes import FakeFactory

    import validator.cli.check as cli_module

    counter = folder.parent / "calls.log"
    monkeypatch.setattr(cli_module, "PipelineFactory",
                        functools.partial(FakeFactory, counter=str(counter)))
    write(folder.parent, {"secret.txt": "compliant"})
    write(folder, {"sub/a.txt": "compliant"})
    os.symlink(folder.parent / "secret.txt", folder / "sub" / "passwd.txt")
    result = run("sub", "-f", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["path"], d["verdict"]) for d in lines] == [("sub/a.txt", "compliant"),
                                                          ("sub/passwd.txt", "error")]
    assert lines[1]["error"]["code"] == "unreadable"
    assert counted(counter) == ["sub/a.txt"]


@pytest.mark.parametrize("output_format",
                         ["text", "json", "jsonl", "csv", "sarif", "junit", "html"])
def test_names_that_are_not_utf8_keep_every_format_valid(folder: Path, output_format) -> None:
    names = [b"a-\xff.txt", b"b-\x1b[2J.txt", b"c-\xe9\\x.txt", "d-Quyết định.txt".encode()]
    for name in names:
        (folder / os.fsdecode(name)).write_text("compliant", encoding="utf-8")
    result = subprocess.run([*FAKE_VALIDATE, ".", "-f", output_format, "--no-progress"],
                            cwd=folder, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")  # raises if not valid UTF-8
    assert "\x1b" not in text and "Traceback" not in result.stderr.decode()
    found = entries(output_format, text)
    if output_format == "sarif":
        assert found == ["4"]
    elif output_format not in ("text", "html"):
        assert found == ["a-\\xff.txt", "b-\\x1b[2J.txt", "c-\\xe9\\\\x.txt",
                         "d-Quyết định.txt"]
    else:
        assert text.count("\\xff") >= 1 and "Quyết định" in text


# -------------------------------------------------------------- signals and pipes


def _run_children(process: subprocess.Popen) -> list[psutil.Process]:
    try:
        return psutil.Process(process.pid).children(recursive=True)
    except psutil.Error:
        return []


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stopped_run_writes_a_partial_report_and_leaves_no_process(tmp_path, signum,
                                                                     status) -> None:
    write(tmp_path, {"a.txt": "compliant", "b.txt": "non_compliant", "c.txt": "spawn",
                     "d.txt": "spawn", "e.txt": "compliant"})
    out = tmp_path / "report.json"
    process = subprocess.Popen([*FAKE_VALIDATE, str(tmp_path), "-f", "json", "-o", str(out),
                                "-j", "2", "--no-progress"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(
        p.name() == "sleep" for p in _run_children(process)
    ):
        time.sleep(0.2)
    children = _run_children(process)
    assert any(p.name() == "sleep" for p in children)
    process.send_signal(signum)
    assert process.wait(timeout=30) == status
    stderr = process.stderr.read().decode() if process.stderr else ""
    assert "Traceback" not in stderr and "Đã dừng" in stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["complete"] is False
    assert [Path(d["path"]).name for d in report["documents"]] == ["a.txt", "b.txt"]
    time.sleep(0.5)
    assert [p for p in children if p.is_running() and p.status() != "zombie"] == []


def test_a_reader_that_stops_reading_ends_the_run_quietly(tmp_path) -> None:
    write(tmp_path, {f"d{i:03}.txt": "compliant" for i in range(300)})
    process = subprocess.Popen([*FAKE_VALIDATE, str(tmp_path), "-f", "jsonl", "-j", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stdout.readline()
    process.stdout.close()  # `validate ... | head -1`
    assert process.wait(timeout=60) == 141
    stderr = process.stderr.read().decode() if process.stderr else ""
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


@pytest.mark.parametrize("delay", [0.1, 0.4, 1.5])
def test_ctrl_c_at_any_moment_of_the_start_is_quiet(tmp_path, delay) -> None:
    """While the command line is still importing, loading rules or starting workers."""
    write(tmp_path, {"a.txt": "compliant"})
    process = subprocess.Popen(
        [sys.executable, "-c", "from validator.console import main; main()", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    status = process.wait(timeout=60)
    stderr = process.stderr.read().decode() if process.stderr else ""
    # -SIGINT: the signal came while the interpreter was shutting down after a finished run,
    # when Python has given the default disposition back (a shell shows 130 for it too).
    assert status in (0, 130, -signal.SIGINT) and "Traceback" not in stderr
