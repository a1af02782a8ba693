"""Jobs, their uploaded files and the reports, in an SQLite database (WAL mode).

A job holds uploads (`inputs`); an upload yields one report, or one per member when it is an
archive, so `results` is keyed by (input, position). An upload is `queued`, `running` or
`done`; its results and its `done` are written as it finishes, so a server stopped at any
moment keeps every finished report, and `requeue_unfinished` puts back what was in flight.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from validator.model import DocumentReport

SCHEMA_VERSION = 1
JobKind = Literal["check", "batch"]  # a waiting `POST /api/v1/check`, or a job to poll
UploadState = Literal["queued", "running", "done"]
JobStatus = Literal["queued", "running", "done"]

_SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('check', 'batch')),
    created REAL NOT NULL,
    finished REAL
);
CREATE TABLE inputs (
    id INTEGER PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,        -- the uploaded file's name, for display only
    stored TEXT NOT NULL,      -- where the server stored it, a generated name
    size INTEGER NOT NULL,
    format TEXT NOT NULL,      -- from the magic bytes
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
    UNIQUE (job_id, position)
);
CREATE INDEX inputs_by_state ON inputs (state, id);
CREATE TABLE results (
    input_id INTEGER NOT NULL REFERENCES inputs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    report TEXT NOT NULL,      -- the DocumentReport as JSON
    PRIMARY KEY (input_id, position)
);
"""


class StoreError(Exception):
    """The database cannot be used (made by a newer version, or not a database)."""


@dataclass(frozen=True)
class NewUpload:
    name: str
    stored: str
    size: int
    format: str


@dataclass(frozen=True)
class Upload:
    id: int
    job_id: str
    position: int
    name: str
    stored: str
    size: int
    format: str
    state: UploadState
    documents: int = 0  # results stored so far
    verdict: str | None = None  # of its first result


@dataclass(frozen=True)
class Job:
    id: str
    kind: JobKind
    created: float
    finished: float | None
    files: int
    done: int
    running: int
    documents: int

    @property
    def status(self) -> JobStatus:
        if self.done == self.files:
            return "done"
        return "running" if self.done or self.running else "queued"


class Store:
    """One connection shared by the server's threads behind a lock; SQLite's own locking
    (WAL, busy timeout) covers other processes opening the same file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, timeout=10.0)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._lock = threading.RLock()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: {exc}") from exc

    def _migrate(self) -> None:
        with self._lock, self._db:
            tables = {row[0] for row in self._db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "schema_version" not in tables:
                self._db.executescript(f"BEGIN; {_SCHEMA} INSERT INTO schema_version "
                                       f"VALUES ({SCHEMA_VERSION}); COMMIT;")
                return
            (version,) = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
            if version != SCHEMA_VERSION:
                raise StoreError(f"database schema version {version}, this server knows "
                                 f"{SCHEMA_VERSION}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # ------------------------------------------------------------------ writing

    def create_job(self, kind: JobKind, uploads: Sequence[NewUpload],
                   job_id: str | None = None) -> str:
        job_id = job_id or uuid.uuid4().hex
        with self._lock, self._db:
            self._db.execute("INSERT INTO jobs (id, kind, created) VALUES (?, ?, ?)",
                             (job_id, kind, time.time()))
            self._db.executemany(
                "INSERT INTO inputs (job_id, position, name, stored, size, format) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(job_id, position, u.name, u.stored, u.size, u.format)
                 for position, u in enumerate(uploads)],
            )
        return job_id

    def requeue_unfinished(self) -> int:
        """Uploads left `running` by a server that stopped: their partial results go, and
        they wait for the workers again. Returns how many."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM results WHERE input_id IN "
                             "(SELECT id FROM inputs WHERE state = 'running')")
            return self._db.execute(
                "UPDATE inputs SET state = 'queued' WHERE state = 'running'").rowcount

    def claim(self, limit: int) -> list[Upload]:
        """Up to `limit` queued uploads, now `running`: waiting checks first, then by age."""
        with self._lock, self._db:
            rows = self._db.execute(
                "SELECT i.id, i.job_id, i.position, i.name, i.stored, i.size, i.format "
                "FROM inputs i JOIN jobs j ON j.id = i.job_id WHERE i.state = 'queued' "
                "ORDER BY j.kind = 'check' DESC, i.id LIMIT ?", (limit,)).fetchall()
            self._db.executemany("UPDATE inputs SET state = 'running' WHERE id = ?",
                                 [(row[0],) for row in rows])
        return [Upload(*row, state="running") for row in rows]

    def add_result(self, upload: Upload, position: int, report: DocumentReport) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT INTO results VALUES (?, ?, ?, ?)",
                             (upload.id, position, report.verdict, report.model_dump_json()))

    def finish(self, upload: Upload) -> bool:
        """Mark `upload` done; True when that finished its job."""
        with self._lock, self._db:
            self._db.execute("UPDATE inputs SET state = 'done' WHERE id = ?", (upload.id,))
            (left,) = self._db.execute(
                "SELECT count(*) FROM inputs WHERE job_id = ? AND state != 'done'",
                (upload.job_id,)).fetchone()
            if left:
                return False
            self._db.execute("UPDATE jobs SET finished = ? WHERE id = ?",
                             (time.time(), upload.job_id))
            return True

    def purge(self, finished_before: float) -> list[str]:
        """Delete the jobs finished before `finished_before`; returns their ids."""
        with self._lock, self._db:
            ids = [row[0] for row in self._db.execute(
                "SELECT id FROM jobs WHERE finished IS NOT NULL AND finished < ?",
                (finished_before,))]
            self._db.executemany("DELETE FROM jobs WHERE id = ?", [(i,) for i in ids])
        return ids

    # ------------------------------------------------------------------ reading

    def job(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._db.execute(
                "SELECT j.id, j.kind, j.created, j.finished, count(i.id), "
                "coalesce(sum(i.state = 'done'), 0), coalesce(sum(i.state = 'running'), 0), "
                "(SELECT count(*) FROM results r JOIN inputs k ON k.id = r.input_id "
                " WHERE k.job_id = j.id) "
                "FROM jobs j LEFT JOIN inputs i ON i.job_id = j.id WHERE j.id = ? "
                "GROUP BY j.id", (job_id,)).fetchone()
        return Job(*row) if row else None

    def recent_jobs(self, limit: int) -> list[Job]:
        with self._lock:
            ids = [row[0] for row in self._db.execute(
                "SELECT id FROM jobs WHERE kind = 'batch' ORDER BY created DESC LIMIT ?",
                (limit,))]
        return [job for job_id in ids if (job := self.job(job_id)) is not None]

    def uploads(self, job_id: str) -> list[Upload]:
        with self._lock:
            rows = self._db.execute(
                "SELECT i.id, i.job_id, i.position, i.name, i.stored, i.size, i.format, "
                "i.state, count(r.position), "
                "(SELECT verdict FROM results WHERE input_id = i.id ORDER BY position LIMIT 1) "
                "FROM inputs i LEFT JOIN results r ON r.input_id = i.id WHERE i.job_id = ? "
                "GROUP BY i.id ORDER BY i.position", (job_id,)).fetchall()
        return [Upload(*row) for row in rows]

    def reports(self, job_id: str) -> Iterator[DocumentReport]:
        """The job's reports in upload order, one row at a time (memory stays flat)."""
        after = (-1, -1)
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT i.position, r.position, r.report FROM results r "
                    "JOIN inputs i ON i.id = r.input_id WHERE i.job_id = ? "
                    "AND (i.position, r.position) > (?, ?) "
                    "ORDER BY i.position, r.position LIMIT 64", (job_id, *after)).fetchall()
            if not rows:
                return
            after = rows[-1][:2]
            for *_key, text in rows:
                yield DocumentReport.model_validate_json(text)

    def report(self, job_id: str, index: int) -> DocumentReport | None:
        """The job's `index`-th report (from 0, in upload order)."""
        if index < 0:
            return None
        with self._lock:
            row = self._db.execute(
                "SELECT r.report FROM results r JOIN inputs i ON i.id = r.input_id "
                "WHERE i.job_id = ? ORDER BY i.position, r.position LIMIT 1 OFFSET ?",
                (job_id, index)).fetchone()
        return DocumentReport.model_validate_json(row[0]) if row else None

    def queued(self) -> int:
        with self._lock:
            (count,) = self._db.execute(
                "SELECT count(*) FROM inputs WHERE state != 'done'").fetchone()
        return count
