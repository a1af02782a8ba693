"""The SQLite store: schema version, WAL, queue order, results that survive a stop."""

from __future__ import annotations

import sqlite3

import pytest

from validator.model import DocumentReport
from validator.server.store import SCHEMA_VERSION, NewUpload, Store, StoreError


def new(name: str) -> NewUpload:
    return NewUpload(name=name, stored=f"x/{name}", size=1, format="txt")


def report(path: str, verdict: str = "compliant") -> DocumentReport:
    return DocumentReport(path=path, verdict=verdict)  # type: ignore[arg-type]


def test_a_new_database_has_a_version_and_uses_wal(tmp_path) -> None:
    Store(tmp_path / "db.sqlite3").close()
    db = sqlite3.connect(tmp_path / "db.sqlite3")
    assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_database_of_another_version_is_refused(tmp_path) -> None:
    Store(tmp_path / "db.sqlite3").close()
    db = sqlite3.connect(tmp_path / "db.sqlite3")
    db.execute("UPDATE schema_version SET version = 99")
    db.commit()
    with pytest.raises(StoreError, match="version 99"):
        Store(tmp_path / "db.sqlite3")
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        Store(tmp_path / "junk.sqlite3")


def test_waiting_checks_are_claimed_before_older_batches(tmp_path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    batch = store.create_job("batch", [new("b1"), new("b2"), new("b3")])
    check = store.create_job("check", [new("c1")])
    assert [u.name for u in store.claim(2)] == ["c1", "b1"]
    assert [u.name for u in store.claim(5)] == ["b2", "b3"]
    assert store.claim(5) == []
    assert store.job(batch).status == "running" and store.job(check).status == "running"


def test_an_archive_keeps_several_results_and_a_stop_requeues_the_unfinished(tmp_path) -> None:
    path = tmp_path / "db.sqlite3"
    store = Store(path)
    job_id = store.create_job("batch", [new("a.txt"), new("dossier.zip"), new("c.txt")])
    first, archive, last = store.claim(3)
    store.add_result(first, 0, report("a.txt"))
    assert not store.finish(first)
    store.add_result(archive, 0, report("dossier.zip/qd.pdf", "non_compliant"))
    store.add_result(archive, 1, report("dossier.zip/qc.pdf"))
    store.add_result(archive, 2, report("dossier.zip/qc2.pdf"))  # not finished: partial
    store.close()

    again = Store(path)
    assert again.requeue_unfinished() == 2
    assert [r.path for r in again.reports(job_id)] == ["a.txt"]
    job = again.job(job_id)
    assert (job.status, job.done, job.documents) == ("running", 1, 1)
    archive, last = again.claim(5)
    for position, name in enumerate(("qd.pdf", "qc.pdf")):
        again.add_result(archive, position, report(f"dossier.zip/{name}"))
    assert not again.finish(archive)
    again.add_result(last, 0, report("c.txt"))
    assert again.finish(last)
    assert [r.path for r in again.reports(job_id)] == [
        "a.txt", "dossier.zip/qd.pdf", "dossier.zip/qc.pdf", "c.txt"]
    assert again.report(job_id, 2).path == "dossier.zip/qc.pdf"
    assert again.report(job_id, 4) is None
    assert [(u.name, u.documents) for u in again.uploads(job_id)] == [
        ("a.txt", 1), ("dossier.zip", 2), ("c.txt", 1)]
    job = again.job(job_id)
    assert (job.status, job.documents) == ("done", 4) and job.finished is not None


def test_old_finished_jobs_are_purged(tmp_path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    done = store.create_job("batch", [new("a")])
    waiting = store.create_job("batch", [new("b")])
    (upload,) = store.claim(1)
    store.add_result(upload, 0, report("a"))
    store.finish(upload)
    assert store.purge(finished_before=0.0) == []
    assert store.purge(finished_before=store.job(done).finished + 1) == [done]
    assert store.job(done) is None and store.job(waiting) is not None
    assert list(store.reports(done)) == [] and store.uploads(done) == []
