"""One worker process of the pool: how it starts, what it runs, and the parent's handle on it.

A worker is spawned (a fresh interpreter that imports what it needs), or forked from a parent
that has already loaded the rules and the language pipeline, which makes it ready at once:
a single file then costs what it costs in-process, while keeping everything a separate
process gives (a time limit that kills, a memory watch, a crash that is one file's entry).
Forking is taken only when asked for and safe: on a platform that has it, from a process
running a single thread (a lock held by another thread would stay locked in the child).
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
import os
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from typing import Any, Literal

from validator.batch import procs
from validator.batch.checker import CheckerFactory, Started, internal_error_detail
from validator.read.limits import memory_detail

StartMethod = Literal["spawn", "fork"]


def can_fork() -> bool:
    """Whether a worker forked now would be sound (see the module's docstring)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def end_of_startup() -> None:
    """Called by a command that runs long, once it has loaded what it needs.

    The console script turns garbage collection off while it starts (validator.console):
    start-up builds only objects that live as long as the process (modules, rule packs, the
    language pipeline), and each full collection would walk all of them again. Here they are
    frozen out of later collections, which also keeps forked workers from copying the pages
    they live on (see gc.freeze), and collection is turned back on. When collection is on
    already (a library caller, a test) nothing changes."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def worker_main(conn: Connection, factory: CheckerFactory, parent_pid: int,
                use_pdeathsig: bool, memory_mb: int | None, scratch: str | None,
                ocr_threads: int | None) -> None:
    parent = multiprocessing.parent_process()
    procs.guard_worker(parent.sentinel if parent else None, parent_pid, use_pdeathsig,
                       memory_mb)
    if scratch is not None:
        tempfile.tempdir = scratch  # archives and converters write only under the run's folder
    if ocr_threads is not None:
        from validator.read.ocr import configure

        configure(threads=ocr_threads)
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
        index, item, start = task
        try:
            for step in check(item, start):
                conn.send(("begin" if isinstance(step, Started) else "part", (index, step)))
        except MemoryError:
            conn.send(("failed", (index, "too_large", memory_detail(memory_mb or 0))))
            return  # a fresh worker is cleaner than one that ran out of memory
        except Exception as exc:  # a bug outside any one document: this input's entry
            conn.send(("failed", (index, "corrupt", internal_error_detail(exc))))
            return
        conn.send(("done", index))


class Worker:
    """The parent's handle on one worker process and the task it has in hand."""

    def __init__(self, start: StartMethod, factory: CheckerFactory, memory_mb: int | None,
                 scratch: str | None, ocr_threads: int | None = None) -> None:
        context = multiprocessing.get_context(start)
        self.conn, child_end = context.Pipe()
        use_pdeathsig = threading.current_thread() is threading.main_thread()
        self.process = context.Process(
            target=worker_main,
            args=(child_end, factory, os.getpid(), use_pdeathsig, memory_mb, scratch,
                  ocr_threads),
            daemon=True,
        )
        with _children_allowed():
            self.process.start()
        child_end.close()
        self.ready = False
        self.task: Any = None  # the pool's task in hand
        self.current: Started | None = None  # the document in hand
        self.parts = 0  # results sent for the task in hand
        self.deadline = math.inf
        self.resident = 0  # bytes, at the last look

    def assign(self, task: Any, timeout: float | None) -> None:
        """Send `task` (the pool's: index, item, start) and start its clock."""
        self.conn.send((task.index, task.item, task.start))
        self.task, self.current, self.parts = task, None, 0
        self.restart_clock(timeout)

    def restart_clock(self, timeout: float | None) -> None:
        self.deadline = time.monotonic() + timeout if timeout else math.inf

    def idle(self) -> None:
        self.task, self.current, self.parts, self.deadline = None, None, 0, math.inf

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
        if self.process.is_alive() and self.process.pid is not None:
            procs.kill_tree(self.process.pid)
        self.process.join()
        self.conn.close()


@contextlib.contextmanager
def _children_allowed() -> Any:
    """multiprocessing refuses children to a daemonic process (a Dask worker under its nanny
    is one), lest they outlive it; ours cannot: each watches its parent and ends with it
    (procs.guard_worker). So the flag is lifted while a worker starts."""
    current = multiprocessing.current_process()
    daemonic = current.daemon
    if daemonic:
        current.daemon = False
    try:
        yield
    finally:
        if daemonic:
            current.daemon = True
