"""Upload limits, formats from the content, and generated storage names."""

from __future__ import annotations

from pathlib import Path

from validator.server.uploads import display_name

from .helpers import SAMPLES, upload, wait_done

BINARY = bytes(range(1, 32)) * 64  # control bytes: no format sniff knows


def stored_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in (data_dir / "uploads").rglob("*") if p.is_file())


def test_a_request_over_the_size_limit_is_413(make_client, tmp_path) -> None:
    client = make_client(max_request_bytes=4096)
    answer = client.post("/api/v1/jobs", files=upload(("big.txt", "compliant " * 1000)))
    assert answer.status_code == 413
    error = answer.json()["error"]
    assert error["code"] == "too_large" and "0.00390625 MB" in error["message_en"]
    assert stored_files(tmp_path / "data") == []


def test_a_file_over_the_document_limit_is_413(make_client, tmp_path) -> None:
    client = make_client(max_file_bytes=100)
    answer = client.post("/api/v1/check", files=upload(("ok.txt", "compliant"),
                                                       ("big.txt", "compliant " * 20)))
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "file_too_large"
    assert "big.txt" in answer.json()["error"]["message"]
    assert stored_files(tmp_path / "data") == []  # all or nothing


def test_too_many_files_is_413(make_client) -> None:
    client = make_client(max_check_files=2, max_files=3)
    files = [(f"{n}.txt", "compliant") for n in range(3)]
    check = client.post("/api/v1/check", files=upload(*files))
    assert check.status_code == 413
    assert check.json()["error"]["code"] == "too_many_files"
    assert client.post("/api/v1/jobs", files=upload(*files)).status_code == 202
    four = client.post("/api/v1/jobs", files=upload(*files, ("3.txt", "compliant")))
    assert four.status_code == 413  # refused by the multipart parser itself
    assert four.json()["error"]["code"] == "too_many_files"


def test_unsupported_content_is_415_whatever_the_name(client, tmp_path) -> None:
    answer = client.post("/api/v1/check", files=upload(("quyet-dinh.pdf", BINARY)))
    assert answer.status_code == 415
    error = answer.json()["error"]
    assert error["code"] == "unsupported_format" and "quyet-dinh.pdf" in error["message"]
    assert stored_files(tmp_path / "data") == []


def test_formats_come_from_the_magic_bytes(client) -> None:
    docx = (SAMPLES / "qd-tinh-2020-table.docx").read_bytes()
    pdf = (SAMPLES / "qd-xa-an-binh-2023.pdf").read_bytes()
    job = client.post("/api/v1/jobs", files=upload(
        ("a.pdf", docx), ("b.txt", pdf), ("c", "compliant"))).json()
    assert [u["format"] for u in job["uploads"]] == ["docx", "pdf", "txt"]
    wait_done(client, job["id"])


def test_uploads_get_generated_names_never_the_clients(client, tmp_path) -> None:
    names = ["../../evil.txt", "C:\\Windows\\system.ini", "/etc/passwd", "a\tb\x1b[31m.txt",
             "..\\"]
    job = client.post("/api/v1/jobs", files=upload(*[(n, "compliant") for n in names])).json()
    shown = ["evil.txt", "system.ini", "passwd", "a%09b[31m.txt", "005"]  # ESC dropped
    assert [u["name"] for u in job["uploads"]] == shown
    stored = stored_files(tmp_path / "data")
    assert [p.name for p in stored] == [f"{n:05d}.txt" for n in range(5)]
    assert all(p.parent.parent == tmp_path / "data" / "uploads" for p in stored)
    state = wait_done(client, job["id"])
    assert [d["path"] for d in state["report"]["documents"]] == shown
    assert stored_files(tmp_path / "data") == []  # checked uploads are deleted
    assert not (tmp_path / "evil.txt").exists()


def test_display_names_are_printable_nfc_and_bounded() -> None:
    assert display_name("thư\u0301 mu\u0323c/Quye\u0302\u0301t đi\u0323nh.pdf", 0) == (
        "Quyết định.pdf")
    assert display_name("a\x00b\u202ec.pdf", 0) == "abc.pdf"
    assert display_name(None, 6) == "007"
    assert len(display_name("x" * 1000 + ".pdf", 0)) == 200
