"""Checking inputs in worker processes, with every input accounted for.

`Batch.run` hands inputs to N worker processes lazily (at most `window` inputs ahead of the
next to yield, so the parent's memory stays flat however many there are) and yields the
results in input order; the results of an archive's members stream out as they come.

Each document a worker starts (`Started`) gets `timeout` seconds and `memory_mb` of resident
memory, counted with the programs the worker starts (tesseract, soffice). A document that
overruns, or whose worker dies, gets one error entry (`timeout`, `too_large` naming the memory
limit, or `corrupt`); the worker and its helpers are killed and replaced; the rest of an
archive resumes in a fresh worker. Inputs whose problem was found at discovery (a FIFO, a
dangling link) never reach a worker. Every input thus yields at least one entry, and a plain
file exactly one.

A worker builds its checker once, from a picklable factory, before it says it is ready, so
loading rule packs and language models is not counted against any file's time. With
`start="fork"` the workers are forked from this process, with what it has loaded (a caller
that has loaded the rules and the language pipeline first gets workers that are ready at
once); see validator.batch.worker.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any

from validator.batch import procs, signals
from validator.batch.checker import CheckerFactory, Failure, Result, Started, error_report
from validator.batch.discover import Input
from validator.batch.worker import StartMethod, Worker, can_fork
from validator.model import ErrorCode
from validator.read.limits import memory_detail

_WINDOW_PER_JOB = 4
_MEMORY_POLL = 0.2  # seconds between two looks at the workers' resident memory
_CRASH_NEAR_LIMIT = 0.5  # a worker that dies above this share of its memory limit ran out


def _stopped(exitcode: int | None) -> str:
    how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit {exitcode}"
    return f"tiến trình đọc dừng đột ngột / the reading process stopped ({how})"


class BatchError(Exception):
    """The workers could not start (their checker could not be built)."""


@dataclass
class BatchStats:
    checked: int = 0  # documents the checker read
    cached: int = 0  # documents answered from the cache
    timed_out: int = 0
    crashed: int = 0
    out_of_memory: int = 0


@dataclass
class _Task:
    index: int
    item: Input
    start: int = 0  # archive members already reported (a resumed archive)


@dataclass
class _Run:
    """The state of one `run`: results waiting for their turn, inputs finished."""

    items: Sequence[Input]
    results: dict[int, deque[Result]] = field(default_factory=dict)
    finished: set[int] = field(default_factory=set)
    retries: deque[_Task] = field(default_factory=deque)
    next_task: int = 0
    next_out: int = 0


class Batch:
    """Checks inputs in `jobs` worker processes; `stats` counts what happened."""

    def __init__(self, factory: CheckerFactory, jobs: int, timeout: float | None,
                 keep_workers: bool = False, memory_mb: int | None = None,
                 failure: Failure = error_report, start: StartMethod = "spawn",
                 ocr_threads: int | None = None) -> None:
        """`keep_workers` keeps the pool alive between runs (a server) until `close()`;
        `memory_mb` bounds each worker with its helpers; `failure` makes the entry of a
        document that could not be checked; `start="fork"` forks the workers when that is
        sound (else spawns them); `ocr_threads` is how many pages of one scan a worker reads
        at a time (one by default: the workers already share the CPUs)."""
        self.factory = factory
        self.jobs = max(1, jobs)
        self.timeout = timeout or None
        self.memory_mb = memory_mb or None
        self.failure = failure
        self.window = self.jobs * _WINDOW_PER_JOB
        self.stats = BatchStats()
        self.keep_workers = keep_workers
        self._idle: list[Worker] = []
        self._scratch: str | None = None
        self.start = start
        self.ocr_threads = ocr_threads
        self._next_look = 0.0  # when to look at the workers' memory next (time.monotonic)

    def run(self, items: Sequence[Input | str]) -> Iterator[Result]:
        """The results of each input, in the order of `items`."""
        run = _Run([item if isinstance(item, Input) else Input(item) for item in items])
        workers: list[Worker] = []
        try:
            while run.next_out < len(run.items):
                if not workers and self._needs_workers(run):
                    workers = self._workers(min(self.jobs, len(run.items) - run.next_out))
                self._dispatch(workers, run)
                waiting = run.results.get(run.next_out)
                if waiting:
                    yield waiting.popleft()
                elif run.next_out in run.finished:
                    run.results.pop(run.next_out, None)
                    run.next_out += 1
                elif run.items[run.next_out].problem is not None:
                    yield self._problem_entry(run.items[run.next_out])
                    run.next_out += 1
                else:
                    self._collect(workers, run)
        finally:
            self._release(workers)

    def close(self) -> None:
        """Stop the workers a `keep_workers` pool kept, and remove its scratch folder."""
        idle, self._idle = self._idle, []
        self._shutdown(idle)
        self._remove_scratch()

    # ------------------------------------------------------------------ the workers

    def _needs_workers(self, run: _Run) -> bool:
        return any(item.problem is None for item in run.items[run.next_out:])

    def _workers(self, count: int) -> list[Worker]:
        kept = [w for w in self._idle if w.process.is_alive()]
        self._shutdown([w for w in self._idle if not w.process.is_alive()])
        self._idle = kept[count:]
        return kept[:count] + [self._start() for _ in range(count - len(kept[:count]))]

    def _start(self) -> Worker:
        if self._scratch is None:
            self._scratch = tempfile.mkdtemp(prefix="validator-run-")
        start: StartMethod = "fork" if self.start == "fork" and can_fork() else "spawn"
        return Worker(start, self.factory, self.memory_mb, self._scratch, self.ocr_threads)

    def _release(self, workers: list[Worker]) -> None:
        if not self.keep_workers:
            self._shutdown(workers)
            self._remove_scratch()
            return
        busy = [w for w in workers if w.task is not None or not w.process.is_alive()]
        for worker in busy:  # a run stopped early: its files in flight are abandoned
            worker.kill()
        self._idle.extend(w for w in workers if w not in busy)

    @staticmethod
    def _shutdown(workers: list[Worker]) -> None:
        for worker in workers:
            if worker.task is None:
                worker.stop()
            else:
                worker.kill()
        for worker in workers:
            worker.process.join(timeout=2)
            worker.kill()

    def _remove_scratch(self) -> None:
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    # ---------------------------------------------------------------- the schedule

    def _dispatch(self, workers: list[Worker], run: _Run) -> None:
        """Give idle workers work: resumed archives first, then the next inputs, at most
        `window` ahead of the next to yield."""
        limit = min(len(run.items), run.next_out + self.window)
        for worker in workers:
            if not worker.ready or worker.task is not None:
                continue
            if run.retries:
                worker.assign(run.retries.popleft(), self.timeout)
                continue
            while run.next_task < limit and run.items[run.next_task].problem is not None:
                run.next_task += 1
            if run.next_task < limit:
                worker.assign(_Task(run.next_task, run.items[run.next_task]), self.timeout)
                run.results.setdefault(run.next_task, deque())
                run.next_task += 1

    def _collect(self, workers: list[Worker], run: _Run) -> None:
        """Wait for a message, a dead worker, a deadline, a memory check or a stop."""
        now = time.monotonic()
        deadline = min((w.deadline for w in workers), default=math.inf)
        if self.memory_mb and any(w.task is not None for w in workers):
            deadline = min(deadline, max(now, self._next_look))
        timeout = None if deadline == math.inf else max(0.0, deadline - now)
        waitables: list[Any] = [w.conn for w in workers] + [w.process.sentinel for w in workers]
        wakeup = signals.wakeup_fd()
        if wakeup is not None:
            waitables.append(wakeup)
        ready = set(wait(waitables, timeout))
        signals.raise_if_stopping()
        for slot, worker in enumerate(workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                self._handle(slot, workers, run)
            elif worker.task is not None and time.monotonic() >= worker.deadline:
                self.stats.timed_out += 1
                self._fail(slot, workers, run, "timeout", f"timeout: {self.timeout:g} s")
        if self.memory_mb and time.monotonic() >= self._next_look:
            # Looking lists every process of the machine (to find the workers' children):
            # at most every _MEMORY_POLL seconds, not at every message.
            self._next_look = time.monotonic() + _MEMORY_POLL
            self._watch_memory(workers, run)

    def _watch_memory(self, workers: list[Worker], run: _Run) -> None:
        assert self.memory_mb is not None
        limit = self.memory_mb * 1024 * 1024
        for slot, worker in enumerate(workers):
            if worker.task is None or worker.process.pid is None:
                continue
            worker.resident = procs.resident_bytes(worker.process.pid)
            if worker.resident > limit:
                self.stats.out_of_memory += 1
                self._fail(slot, workers, run, "too_large", memory_detail(self.memory_mb))

    def _handle(self, slot: int, workers: list[Worker], run: _Run) -> None:
        worker = workers[slot]
        while (message := worker.receive()) is not None:
            kind, payload = message
            if kind == "fatal":
                raise BatchError(payload)
            if kind == "ready":
                worker.ready = True
            elif kind == "begin":
                worker.current = payload[1]
                worker.restart_clock(self.timeout)
            elif kind == "part":
                self._part(worker, run, *payload)
            elif kind == "done":
                run.finished.add(payload)
                worker.idle()
            elif kind == "failed":
                self._fail(slot, workers, run, payload[1], payload[2])
                return
        if not worker.process.is_alive():
            self._gone(slot, workers, run)

    def _part(self, worker: Worker, run: _Run, index: int, outcome: tuple[Result, bool]) -> None:
        result, cached = outcome
        run.results[index].append(result)
        worker.parts += 1
        if cached:
            self.stats.cached += 1
        else:
            self.stats.checked += 1

    def _gone(self, slot: int, workers: list[Worker], run: _Run) -> None:
        """A worker process ended on its own."""
        worker = workers[slot]
        if not worker.ready:
            code = worker.process.exitcode
            raise BatchError(f"a worker process stopped while starting (exit code {code})")
        if worker.task is None:
            worker.kill()
            workers[slot] = self._start()
            return
        self.stats.crashed += 1
        if self.memory_mb and worker.resident > _CRASH_NEAR_LIMIT * self.memory_mb * 1048576:
            self._fail(slot, workers, run, "too_large", memory_detail(self.memory_mb))
        else:
            self._fail(slot, workers, run, "corrupt", _stopped(worker.process.exitcode))

    def _fail(self, slot: int, workers: list[Worker], run: _Run, code: ErrorCode,
              detail: str) -> None:
        """Give the document in hand its error entry, kill the worker and its helpers, start a
        fresh one, and resume the rest of an archive."""
        worker = workers[slot]
        task = worker.task
        assert task is not None
        current = worker.current or Started(task.item.name, task.item.dossier)
        run.results[task.index].append(self.failure(current.name, code, detail, current.dossier))
        if current.name != task.item.name:  # a member: the archive's other members go on
            run.retries.append(_Task(task.index, task.item, task.start + worker.parts + 1))
        else:
            run.finished.add(task.index)
        worker.kill()
        workers[slot] = self._start()

    def _problem_entry(self, item: Input) -> Result:
        assert item.problem is not None
        return self.failure(item.name, *item.problem, item.dossier)
