"""Finding the documents to check and checking them in worker processes.

- `discover` turns files, folders (recursive), and globs into a sorted list of paths, skipping
  hidden files and the temporary files editors leave (`~$x.docx`, `x~`, `.tmp`).
- `Batch.run` checks them with N spawned worker processes and yields the reports in path
  order. Tasks are handed out lazily and at most `window` reports wait for a slower file
  before them, so memory stays flat however many files there are.
- A file that takes longer than `timeout` seconds has its worker killed and replaced and gets
  an error report with code `timeout`; a worker that dies on a file (a crash in a native
  reader) gives that file a `corrupt` error report. The batch goes on either way.

A worker builds its checker once, from a picklable factory, before it says it is ready, so
loading rule packs and language models is not counted against any file's time.
"""

from __future__ import annotations

import contextlib
import glob
import math
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from validator.cache import ResultCache, file_sha256
from validator.model import DocumentReport, ErrorCode
from validator.read.errors import document_error

if TYPE_CHECKING:
    from validator.pipeline import Options

Outcome = tuple[DocumentReport, bool]  # the report, and whether it came from the cache
Checker = Callable[[str], Outcome]
CheckerFactory = Callable[[], Checker]

_GLOB_CHARS = frozenset("*?[")
_TEMPORARY_SUFFIXES = frozenset({".tmp", ".temp", ".swp", ".part", ".crdownload"})
_WINDOW_PER_JOB = 4


class MissingPathError(Exception):
    """A path on the command line that names no file, folder or glob match."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


class BatchError(Exception):
    """The workers could not start (their checker could not be built)."""


# ------------------------------------------------------------------------ discovery


def is_skipped(name: str) -> bool:
    """Hidden files and the lock and temporary files editors and browsers leave behind."""
    return (
        name.startswith((".", "~$"))
        or name.endswith("~")
        or Path(name).suffix.lower() in _TEMPORARY_SUFFIXES
    )


def _walk(folder: str) -> Iterator[str]:
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if not is_skipped(name):
                yield os.path.normpath(os.path.join(root, name))


def _expand(arg: str) -> Iterator[str]:
    if os.path.isdir(arg):
        yield from _walk(arg)
    elif os.path.exists(arg):
        yield os.path.normpath(arg)  # named explicitly: checked even if hidden
    elif _GLOB_CHARS & set(arg) and (matches := glob.glob(arg, recursive=True)):
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match)
            elif not is_skipped(os.path.basename(match)):
                yield os.path.normpath(match)
    else:
        raise MissingPathError(arg)


def discover(args: Iterable[str]) -> list[str]:
    """Every document named by `args`, once each, sorted by path."""
    return sorted({path for arg in args for path in _expand(arg)})


# ---------------------------------------------------------------------- the checker


def error_report(path: str, code: ErrorCode) -> DocumentReport:
    return DocumentReport(path=path, verdict="error", error=document_error(code))


@dataclass(frozen=True)
class CachedChecker:
    """Wraps a plain check with the result cache. Unreadable results are not stored: the
    reason may be the machine (no OCR installed), not the file."""

    check: Callable[[str], DocumentReport]
    cache: ResultCache
    max_bytes: int

    def __call__(self, path: str) -> Outcome:
        try:
            size = os.path.getsize(path)
            content = file_sha256(path) if 0 < size <= self.max_bytes else None
        except OSError:
            content = None
        if content is None:
            return self.check(path), False
        key = self.cache.key(content)
        if (stored := self.cache.get(key, path)) is not None:
            return stored, True
        report = self.check(path)
        if report.verdict != "error":
            self.cache.put(key, report)
        return report, False


@dataclass(frozen=True)
class PipelineFactory:
    """Builds the real checker inside a worker: loads the rule packs, wraps the cache.

    Picklable, so it crosses to spawned workers; the heavy imports happen there."""

    options: Options
    lang: str
    rule_paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    cache_dir: str | None = None

    def __call__(self) -> Checker:
        from validator.engine import load_rules
        from validator.pipeline import check_file

        rules = load_rules(self.rule_paths, self.select, self.ignore)

        def check(path: str) -> DocumentReport:
            return check_file(path, self.options, rules, self.lang)

        if self.cache_dir is None:
            return lambda path: (check(path), False)
        fingerprint = f"{rules.version}|{self.options!r}|{self.lang}"
        cache = ResultCache(Path(self.cache_dir), fingerprint)
        return CachedChecker(check, cache, self.options.max_bytes)


# ------------------------------------------------------------------------- workers


def _worker_main(conn: Connection, factory: CheckerFactory) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    try:
        check = factory()
    except Exception as exc:
        conn.send(("fatal", str(exc) or type(exc).__name__))
        return
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        try:
            outcome: Outcome = check(path)
        except Exception as exc:  # a bug, not bad input: report it and go on
            print(f"validator: {path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            outcome = (error_report(path, "corrupt"), False)
        conn.send(("done", (index, outcome)))


class _Worker:
    def __init__(self, context: Any, factory: CheckerFactory) -> None:
        self.conn, child_end = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child_end, factory), daemon=True)
        self.process.start()
        child_end.close()
        self.ready = False
        self.task: int | None = None
        self.deadline = math.inf

    def assign(self, index: int, path: str, timeout: float | None) -> None:
        self.conn.send((index, path))
        self.task = index
        self.deadline = time.monotonic() + timeout if timeout else math.inf

    def receive(self) -> tuple[str, Any] | None:
        """The next message, or None when the process has gone."""
        try:
            return self.conn.recv() if self.conn.poll() else None
        except (EOFError, OSError):
            return None

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


@dataclass
class BatchStats:
    checked: int = 0  # documents the checker read
    cached: int = 0  # documents answered from the cache
    timed_out: int = 0
    crashed: int = 0


class Batch:
    """Checks paths in `jobs` worker processes; `stats` counts what happened."""

    def __init__(self, factory: CheckerFactory, jobs: int, timeout: float | None,
                 keep_workers: bool = False) -> None:
        """`keep_workers` keeps the pool alive between runs (a server) until `close()`."""
        self.factory = factory
        self.jobs = max(1, jobs)
        self.timeout = timeout or None
        self.window = self.jobs * _WINDOW_PER_JOB
        self.stats = BatchStats()
        self.keep_workers = keep_workers
        self._idle: list[_Worker] = []
        self._context = multiprocessing.get_context("spawn")

    def run(self, paths: Sequence[str]) -> Iterator[DocumentReport]:
        """The report of each path, in the order of `paths`."""
        if not paths:
            return
        workers = self._workers(min(self.jobs, len(paths)))
        finished: dict[int, DocumentReport] = {}
        next_task = next_out = 0
        try:
            while next_out < len(paths):
                next_task = self._dispatch(workers, paths, next_task, next_out)
                if next_out in finished:
                    yield finished.pop(next_out)
                    next_out += 1
                else:
                    self._collect(workers, paths, finished)
        finally:
            self._release(workers)

    def close(self) -> None:
        """Stop the workers a `keep_workers` pool kept."""
        idle, self._idle = self._idle, []
        self._shutdown(idle)

    def _workers(self, count: int) -> list[_Worker]:
        kept = [w for w in self._idle if w.process.is_alive()]
        self._shutdown([w for w in self._idle if not w.process.is_alive()])
        self._idle = kept[count:]
        return kept[:count] + [self._start() for _ in range(count - len(kept[:count]))]

    def _release(self, workers: list[_Worker]) -> None:
        if not self.keep_workers:
            self._shutdown(workers)
            return
        busy = [w for w in workers if w.task is not None or not w.process.is_alive()]
        for worker in busy:  # a run stopped early: its files in flight are abandoned
            worker.kill()
        self._idle.extend(w for w in workers if w not in busy)

    def _dispatch(
        self, workers: list[_Worker], paths: Sequence[str], next_task: int, next_out: int
    ) -> int:
        """Give idle workers the next paths, at most `window` ahead of the next to yield."""
        limit = min(len(paths), next_out + self.window)
        for worker in workers:
            if worker.ready and worker.task is None and next_task < limit:
                worker.assign(next_task, paths[next_task], self.timeout)
                next_task += 1
        return next_task

    def _start(self) -> _Worker:
        return _Worker(self._context, self.factory)

    def _collect(
        self, workers: list[_Worker], paths: Sequence[str], finished: dict[int, DocumentReport]
    ) -> None:
        deadline = min((w.deadline for w in workers), default=math.inf)
        wait_for = None if deadline == math.inf else max(0.0, deadline - time.monotonic())
        ready = set(wait([w.conn for w in workers] + [w.process.sentinel for w in workers],
                         wait_for))
        for slot, worker in enumerate(workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                self._handle(slot, workers, paths, finished)
            elif worker.task is not None and time.monotonic() >= worker.deadline:
                self.stats.timed_out += 1
                self._replace(slot, workers, finished, error_report(paths[worker.task], "timeout"))

    def _handle(
        self,
        slot: int,
        workers: list[_Worker],
        paths: Sequence[str],
        finished: dict[int, DocumentReport],
    ) -> None:
        worker = workers[slot]
        message = worker.receive()
        if message is None:
            if not worker.ready:
                code = worker.process.exitcode
                raise BatchError(f"a worker process stopped while starting (exit code {code})")
            if worker.task is None:
                workers[slot] = self._start()
                return
            self.stats.crashed += 1
            self._replace(slot, workers, finished, error_report(paths[worker.task], "corrupt"))
            return
        kind, payload = message
        if kind == "fatal":
            raise BatchError(payload)
        if kind == "ready":
            worker.ready = True
            return
        index, (report, cached) = payload
        finished[index] = report
        if cached:
            self.stats.cached += 1
        else:
            self.stats.checked += 1
        worker.task, worker.deadline = None, math.inf

    def _replace(
        self,
        slot: int,
        workers: list[_Worker],
        finished: dict[int, DocumentReport],
        report: DocumentReport,
    ) -> None:
        """Kill the worker in `slot`, give its file `report`, start a fresh worker."""
        worker = workers[slot]
        assert worker.task is not None
        finished[worker.task] = report
        worker.kill()
        workers[slot] = self._start()

    @staticmethod
    def _shutdown(workers: list[_Worker]) -> None:
        for worker in workers:
            worker.stop()
        for worker in workers:
            worker.process.join(timeout=2)
            worker.kill()
