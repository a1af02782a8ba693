"""`validate serve` end to end: a real server process with the real pipeline in its workers."""

from __future__ import annotations

import io
import signal
import socket
import sqlite3
import subprocess
import time
import zipfile

import docx
import httpx2

from validator.server.store import Store

from .helpers import SAMPLES
from .process import VALIDATE, ServerProcess, alive
from .test_api import assert_valid_report
from .test_jobs import zip_of

SAMPLE_PDF = SAMPLES / "qd-xa-an-binh-2023.pdf"  # a compliant commune decision
NON_COMPLIANT = SAMPLES / "qd-huyen-2022-khong-pho-truong-ban.docx"


def workers_started(server: ServerProcess, count: int, seconds: float = 30.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while len(found := server.children()) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    return found


def test_serve_checks_real_documents_and_stops_without_orphans(tmp_path) -> None:
    with ServerProcess("--data-dir", str(tmp_path / "data"), "--jobs", "1") as server:
        assert "Đang phục vụ tại http://127.0.0.1:" in "".join(server.output)
        assert "Cảnh báo" not in "".join(server.output)
        client = httpx2.Client(base_url=server.base, timeout=120)
        assert client.get("/health").json()["status"] == "ok"
        dossier = zip_of({"a.txt": "x"})
        answer = client.post("/api/v1/check", files=[
            ("files", ("quyết định.pdf", SAMPLE_PDF.read_bytes())),
            ("files", ("hồ sơ.zip", dossier))])
        assert answer.status_code == 200, answer.text
        data = answer.json()
        assert_valid_report(data)
        first, *archive = data["documents"]
        assert (first["path"], first["verdict"]) == ("quyết định.pdf", "compliant")
        assert first["metadata"]["number"] == "57"
        assert archive and all(d["path"].startswith("hồ sơ.zip") for d in archive)
        workers = workers_started(server, 1)
        assert workers
        # uvicorn shuts down gracefully, then re-raises the signal, as services do.
        assert server.stop() == -signal.SIGTERM
        assert "Traceback" not in "".join(server.output)
    deadline = time.monotonic() + 10  # the resource tracker notices its parent is gone
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)
    assert (tmp_path / "data" / "validator.sqlite3").exists()


def test_serve_warns_when_open_to_the_network_without_a_token_and_reads_settings(
        tmp_path) -> None:
    with ServerProcess("--host", "0.0.0.0", "--data-dir", str(tmp_path / "a")) as server:
        assert "Cảnh báo: máy chủ nhận kết nối từ mạng (0.0.0.0)" in "".join(server.output)
    (tmp_path / "validator.toml").write_text(
        'jobs = 3\nlang = "en"\n[reply]\noffice = "BẢO HIỂM XÃ HỘI TỈNH MẪU"\n'
        '[limits]\nmax_pages = 2\n',
        encoding="utf-8")
    with ServerProcess("--host", "0.0.0.0", "--data-dir", str(tmp_path / "b"),
                       "--config", str(tmp_path / "validator.toml"), cwd=tmp_path,
                       env={"VALIDATOR_TOKEN": "t0ken"}) as server:
        output = "".join(server.output)
        assert "Serving at http://0.0.0.0:" in output and "Warning" not in output
        local = server.base.replace("0.0.0.0", "127.0.0.1")
        assert httpx2.get(local + "/api/v1/rules").status_code == 401
        client = httpx2.Client(base_url=local, headers={"Authorization": "Bearer t0ken"},
                               timeout=120)
        assert client.get("/health").json()["workers"] == 3  # from validator.toml
        job = client.post("/api/v1/jobs", files=[
            ("files", (NON_COMPLIANT.name, NON_COMPLIANT.read_bytes())),
            ("files", (SAMPLE_PDF.name, SAMPLE_PDF.read_bytes()))]).json()
        deadline = time.monotonic() + 120
        while (state := client.get(f"/api/v1/jobs/{job['id']}").json())["status"] != "done":
            assert time.monotonic() < deadline
            time.sleep(0.2)
        long = next(d for d in state["report"]["documents"] if d["path"] == SAMPLE_PDF.name)
        assert long["error"]["code"] == "too_large"  # 3 pages: the [limits] of validator.toml
        assert "max_pages: 3 > 2" in long["error"]["message_en"]
        letters = client.get(f"/api/v1/jobs/{job['id']}/replies.zip")
        with zipfile.ZipFile(io.BytesIO(letters.content)) as archive:
            (name,) = archive.namelist()
            letter = docx.Document(io.BytesIO(archive.read(name)))
        heading = "\n".join(cell.text for table in letter.tables for row in table.rows
                            for cell in row.cells)
        assert "BẢO HIỂM XÃ HỘI TỈNH MẪU" in heading  # the [reply] office of validator.toml


def test_serve_explains_a_port_in_use(tmp_path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = subprocess.run(
            [VALIDATE, "serve", "--port", str(port), "--data-dir", str(tmp_path)],
            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"Không mở được 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_a_database_of_another_version(tmp_path) -> None:
    Store(tmp_path / "validator.sqlite3").close()
    with sqlite3.connect(tmp_path / "validator.sqlite3") as db:
        db.execute("UPDATE schema_version SET version = 7")
    result = subprocess.run([VALIDATE, "serve", "--data-dir", str(tmp_path), "--lang", "en"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Cannot use the data folder" in result.stderr and "version 7" in result.stderr
