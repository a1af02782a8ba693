"""The one thread that feeds queued uploads to the worker pool and stores what comes back.

The pool is `validator.batch.Batch` with `keep_workers=True`: the same killable spawned
workers, per-file timeout and size limit as `validate PATH...`; this process never parses a
document. Uploads are claimed a few at a time (waiting checks first), so a long job cannot
hold a short check back for more than one round.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from validator.batch import Batch
from validator.model import DocumentReport
from validator.server.store import Store, Upload

ARCHIVE_FORMAT = "zip"
_BACKOFF_SECONDS = 5.0
_PURGE_EVERY = 3600.0

log = logging.getLogger("validator.server")


class Dispatcher:
    def __init__(self, store: Store, batch: Batch, uploads: Path, *, chunk: int,
                 on_finished: Callable[[str], None], keep_seconds: float = 0.0) -> None:
        self.store = store
        self.batch = batch
        self.uploads = uploads
        self.chunk = max(1, chunk)
        self.on_finished = on_finished
        self.keep_seconds = keep_seconds
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._next_purge = 0.0
        self._thread = threading.Thread(target=self._loop, name="validator-dispatcher",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """New uploads are queued."""
        self._wake.set()

    def stop(self, wait: float) -> bool:
        """Stop taking work; True when the thread (and so the pool) ended within `wait`
        seconds. A file still in a worker then is abandoned: its upload stays `running` and
        is queued again when the server starts next."""
        self._stopping.set()
        self._wake.set()
        self._thread.join(wait)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        try:
            while not self._stopping.is_set():
                self._wake.clear()
                self._purge_old_jobs()
                try:
                    uploads = self.store.claim(self.chunk)
                    if uploads:
                        self._run(uploads)
                        continue
                except Exception:
                    if self._stopping.is_set():
                        return
                    log.exception("dispatcher: a round failed; its uploads are queued again")
                    with contextlib.suppress(Exception):
                        self.store.requeue_unfinished()
                    self._stopping.wait(_BACKOFF_SECONDS)
                    continue
                self._wake.wait(_PURGE_EVERY)
        finally:
            self.batch.close()

    def _run(self, uploads: list[Upload]) -> None:
        paths = {str(self.uploads / upload.stored): upload for upload in uploads}
        counts = {upload.id: 0 for upload in uploads}
        archive: Upload | None = None  # an archive may still yield reports
        with contextlib.closing(self.batch.run(list(paths))) as reports:
            for report in reports:
                stored, upload = _owner(report.path, paths)
                if archive is not None and archive is not upload:
                    self._finish(archive)
                    archive = None
                self.store.add_result(upload, counts[upload.id],
                                      _relabel(report, stored, upload.name))
                counts[upload.id] += 1
                if upload.format == ARCHIVE_FORMAT:
                    archive = upload
                else:
                    self._finish(upload)
                if self._stopping.is_set():
                    return
        for upload in uploads:
            if upload.format == ARCHIVE_FORMAT and (counts[upload.id] or upload is archive):
                self._finish(upload)

    def _finish(self, upload: Upload) -> None:
        stored = self.uploads / upload.stored
        with contextlib.suppress(OSError):
            stored.unlink()
        if self.store.finish(upload):
            with contextlib.suppress(OSError):
                stored.parent.rmdir()
            self.on_finished(upload.job_id)

    def _purge_old_jobs(self) -> None:
        if not self.keep_seconds or time.monotonic() < self._next_purge:
            return
        self._next_purge = time.monotonic() + _PURGE_EVERY
        for job_id in self.store.purge(time.time() - self.keep_seconds):
            shutil.rmtree(self.uploads / job_id, ignore_errors=True)


def _owner(path: str, uploads: dict[str, Upload]) -> tuple[str, Upload]:
    """The stored path and upload a report belongs to: the file itself, or an archive that
    holds it (`<stored>/inner/name.pdf`)."""
    if path in uploads:
        return path, uploads[path]
    for stored, upload in uploads.items():
        if path.startswith(stored + "/"):
            return stored, upload
    raise LookupError(f"the pool answered for a path it was not given: {path}")


def _relabel(report: DocumentReport, stored: str, name: str) -> DocumentReport:
    """The report under the uploaded file's name, never the server's storage path."""
    dossier = report.dossier.replace(stored, name) if report.dossier else report.dossier
    return report.model_copy(update={"path": name + report.path[len(stored):],
                                     "dossier": dossier})


class JobWaiters:
    """Lets request handlers on the event loop wait for a job the dispatcher thread ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]]] = {}

    def notify(self, job_id: str) -> None:
        with self._lock:
            waiting = self._waiting.pop(job_id, [])
        for loop, future in waiting:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(_resolve, future)

    async def wait(self, job_id: str, finished: Callable[[], bool], timeout: float) -> bool:
        """True once the job is finished, False after `timeout` seconds."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self._lock:
            self._waiting.setdefault(job_id, []).append((loop, future))
        try:
            if finished():
                return True
            await asyncio.wait_for(future, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            with self._lock:
                entries = self._waiting.get(job_id, [])
                if (loop, future) in entries:
                    entries.remove((loop, future))
                if not entries:
                    self._waiting.pop(job_id, None)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)

