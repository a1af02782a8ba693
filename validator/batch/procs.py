"""Process hygiene: no worker, and no program a worker starts (tesseract, soffice), outlives
the run, a timed-out file or a file that takes too much memory.

- The parent measures a worker with its descendants (`resident_bytes`) and kills them together
  (`kill_tree`), freezing the worker first so it cannot start another program meanwhile.
- A worker arranges its own end when the parent dies, however it dies (`guard_worker`): the
  kernel sends it SIGTERM (PR_SET_PDEATHSIG), and a thread watching the parent's sentinel does
  the same job when the signal cannot be used; either way its descendants are killed with it.
- A worker caps its address space (RLIMIT_AS) as a backstop to the parent's watch on resident
  memory: an allocation past the cap fails with MemoryError instead of taking the machine.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import resource
import signal
import sys
import threading
from multiprocessing.connection import wait
from types import FrameType

import psutil

_PR_SET_PDEATHSIG = 1
_M_ARENA_MAX = -8
_ADDRESS_SPACE_HEADROOM = 512 * 1024 * 1024  # mappings never resident (libraries, stacks)


def resident_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants; 0 when it has gone."""
    try:
        process = psutil.Process(pid)
        family = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for member in family:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def kill_tree(pid: int) -> None:
    """SIGKILL a process and its descendants. The process is stopped first, so the list of its
    descendants cannot change before they are killed."""
    try:
        process = psutil.Process(pid)
        process.suspend()
        family = [*process.children(recursive=True), process]
    except psutil.Error:
        return
    for member in family:
        with contextlib.suppress(psutil.Error):
            member.kill()


def _kill_descendants_and_exit(*_: object) -> None:
    with contextlib.suppress(psutil.Error):
        for child in psutil.Process().children(recursive=True):
            with contextlib.suppress(psutil.Error):
                child.kill()
    os._exit(1)


def guard_worker(parent_sentinel: int | None, parent_pid: int, use_pdeathsig: bool,
                 memory_mb: int | None) -> None:
    """Set up a freshly spawned worker: it dies with its parent, takes its helpers with it,
    never writes on the run's standard output, and caps its memory."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when a run stops
    signal.signal(signal.SIGTERM, _on_terminate)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # A forked worker inherits the run's handlers (validator.batch.signals): its own signals
    # must not wake or stop the parent.
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.set_wakeup_fd(-1)
    _quiet_stdout()
    if use_pdeathsig:
        _set_parent_death_signal(signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        _kill_descendants_and_exit()
    if parent_sentinel is not None:
        threading.Thread(target=_watch_parent, args=(parent_sentinel,), daemon=True,
                         name="parent-watchdog").start()
    if memory_mb:
        _limit_memory(memory_mb)


def _on_terminate(signum: int, frame: FrameType | None) -> None:
    _kill_descendants_and_exit()


def _watch_parent(sentinel: int) -> None:
    wait([sentinel])
    _kill_descendants_and_exit()


def _quiet_stdout() -> None:
    """Results go through the pipe; a stray print from a library must not land in the
    report on stdout, nor die on a closed pipe (`validate ... | head`)."""
    try:
        fileno = sys.stdout.fileno() if sys.stdout else 1
    except (AttributeError, OSError, ValueError):  # forked from a test's captured stdout
        fileno = 1
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:
        return None


def _set_parent_death_signal(signum: int) -> None:
    libc = _libc()
    if libc is not None and sys.platform.startswith("linux"):
        libc.prctl(_PR_SET_PDEATHSIG, int(signum), 0, 0, 0)


def _limit_memory(memory_mb: int) -> None:
    """RLIMIT_AS a little above the resident limit, and few malloc arenas, so the address
    space the cap counts stays close to what is really used (each thread's arena would
    otherwise reserve 64 MiB that never becomes resident)."""
    libc = _libc()
    if libc is not None:
        with contextlib.suppress(AttributeError):
            libc.mallopt(_M_ARENA_MAX, 2)
    cap = memory_mb * 1024 * 1024 + _ADDRESS_SPACE_HEADROOM
    with contextlib.suppress(ValueError, OSError):
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
