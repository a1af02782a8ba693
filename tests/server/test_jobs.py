"""Jobs across a restart, and archives: nothing finished is lost, nothing is checked twice."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from batch_fakes import BrokenFactory, FakeFactory, counted

from validator.model import DocumentReport
from validator.server.runner import Dispatcher
from validator.server.store import NewUpload, Store

from .helpers import upload, wait_done


def zip_of(files: dict[str, str]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return data.getvalue()


def wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_restart_in_the_middle_of_a_job_loses_nothing(make_client, tmp_path) -> None:
    counter = tmp_path / "checked.txt"
    first = make_client(FakeFactory(counter=str(counter)), stop_wait=0.5)
    job = first.post("/api/v1/jobs", files=upload(
        ("a.txt", "compliant"), ("b.txt", "non_compliant"), ("c.txt", "sleep 3 warning"),
        ("d.txt", "not_applicable"))).json()
    wait_for(lambda: first.get(f"/api/v1/jobs/{job['id']}").json()["done"] == 2)
    before = first.get(f"/api/v1/jobs/{job['id']}").json()
    assert [u["status"] for u in before["uploads"]] == ["done", "done", "running", "running"]
    first.__exit__(None, None, None)  # the server stops while c.txt is in a worker

    second = make_client(FakeFactory(counter=str(counter)))
    state = wait_done(second, job["id"])
    assert state["status"] == "done"
    assert [(d["path"], d["verdict"]) for d in state["report"]["documents"]] == [
        ("a.txt", "compliant"), ("b.txt", "non_compliant"), ("c.txt", "compliant"),
        ("d.txt", "not_applicable")]
    started = [Path(p).name for p in counted(counter)]
    assert started.count("00000.txt") == 1 and started.count("00001.txt") == 1  # not redone
    assert started.count("00002.txt") == 2  # abandoned by the stop, checked again
    # d.txt may have been handed to the old pool's freed worker before the pool was killed.
    assert started.count("00003.txt") in (1, 2)


def test_a_zip_upload_is_one_input_of_the_job(client) -> None:
    dossier = zip_of({"qd.txt": "compliant", "qc/quy-che.txt": "non_compliant"})
    job = client.post("/api/v1/jobs", files=upload(("hồ sơ.zip", dossier),
                                                   ("lẻ.txt", "compliant"))).json()
    assert [(u["name"], u["format"]) for u in job["uploads"]] == [
        ("hồ sơ.zip", "zip"), ("lẻ.txt", "txt")]
    state = wait_done(client, job["id"])
    documents = state["report"]["documents"]
    # The batch layer reports an archive as it can; every report is named after the upload.
    assert [d["path"] for d in documents][-1] == "lẻ.txt"
    assert all(d["path"].startswith("hồ sơ.zip") for d in documents[:-1])
    assert state["uploads"][0]["documents"] == len(documents) - 1 >= 1


class ExpandingBatch:
    """A pool that, like an archive-aware batch, answers one report per archive member
    (`<archive>/<member>`), in order."""

    def __init__(self) -> None:
        self.closed = False

    def run(self, paths: Sequence[str]) -> Iterator[DocumentReport]:
        for path in paths:
            if not path.endswith(".zip"):
                yield DocumentReport(path=path, verdict="compliant")
                continue
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    verdict = archive.read(member).decode()
                    yield DocumentReport(path=f"{path}/{member}", verdict=verdict,
                                         dossier=path)  # type: ignore[arg-type]

    def close(self) -> None:
        self.closed = True


def test_an_archive_yields_one_result_per_member_under_the_uploaded_name(tmp_path) -> None:
    uploads = tmp_path / "uploads"
    (uploads / "job").mkdir(parents=True)
    (uploads / "job" / "00000.zip").write_bytes(
        zip_of({"qd.pdf": "non_compliant", "sub/qc.pdf": "compliant"}))
    (uploads / "job" / "00001.txt").write_text("x")
    store = Store(tmp_path / "db.sqlite3")
    job_id = store.create_job("batch", [
        NewUpload("dossier.zip", "job/00000.zip", 1, "zip"),
        NewUpload("single.txt", "job/00001.txt", 1, "txt")])
    finished = threading.Event()
    batch = ExpandingBatch()
    dispatcher = Dispatcher(store, batch, uploads, chunk=4,  # type: ignore[arg-type]
                            on_finished=lambda job: finished.set())
    dispatcher.start()
    dispatcher.wake()
    assert finished.wait(10)
    assert dispatcher.stop(5) and batch.closed
    reports = list(store.reports(job_id))
    assert [(r.path, r.verdict, r.dossier) for r in reports] == [
        ("dossier.zip/qd.pdf", "non_compliant", "dossier.zip"),
        ("dossier.zip/sub/qc.pdf", "compliant", "dossier.zip"),
        ("single.txt", "compliant", None)]
    assert [(u.state, u.documents) for u in store.uploads(job_id)] == [("done", 2), ("done", 1)]
    assert not (uploads / "job").exists()  # checked uploads are deleted


def test_a_file_over_the_time_limit_is_reported_and_the_pool_goes_on(make_client) -> None:
    client = make_client(timeout=1.0)
    answer = client.post("/api/v1/check", files=upload(("slow.txt", "hang"),
                                                       ("next.txt", "compliant")))
    assert answer.status_code == 200
    first, second = answer.json()["documents"]
    assert (first["path"], first["verdict"], first["error"]["code"]) == (
        "slow.txt", "error", "timeout")
    assert (second["path"], second["verdict"]) == ("next.txt", "compliant")


def test_workers_that_cannot_start_give_504_not_a_hang(make_client) -> None:
    client = make_client(BrokenFactory(), check_wait=1.5)
    answer = client.post("/api/v1/check", files=upload(("a.txt", "compliant")))
    assert answer.status_code == 504
    error = answer.json()["error"]
    assert error["code"] == "timeout" and "/api/v1/jobs/" in error["message_en"]
    job_id = error["message_en"].rsplit("/", 1)[1].rstrip(".")
    assert client.get(f"/api/v1/jobs/{job_id}").json()["status"] in ("queued", "running")
    assert client.get("/health").status_code == 200
