"""Ctrl-C, SIGTERM and SIGHUP end a run cleanly.

Inside `stoppable()`, the first such signal is only recorded (and wakes the pool through a
wake-up pipe): the pool raises `Interrupted` at a point where no report is half written, the
caller finishes the report with what is done, and the exit status is 128 + the signal number
(130 for Ctrl-C, 143 for SIGTERM). Outside the pool's waits - loading rules, discovering files -
the signal raises at once. Further signals while the run winds down are ignored.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """The run was asked to stop by signal `signum`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


class _State:
    pending: int | None = None
    deferring = 0
    wakeup: int | None = None  # read end of the wake-up pipe, for the pool's wait()


_state = _State()


def _handler(signum: int, frame: FrameType | None) -> None:
    if _state.pending is not None:
        return  # already stopping
    _state.pending = signum
    if not _state.deferring:
        raise Interrupted(signum)


def wakeup_fd() -> int | None:
    """A file descriptor that becomes readable when a stop is requested, or None."""
    return _state.wakeup


def raise_if_stopping() -> None:
    """Raise `Interrupted` if a stop was requested (the pool calls this when it wakes)."""
    if _state.pending is not None:
        if _state.wakeup is not None:
            with contextlib.suppress(BlockingIOError, OSError):
                os.read(_state.wakeup, 512)
        raise Interrupted(_state.pending)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Signals inside only record the stop; the pool raises it when it next waits."""
    _state.deferring += 1
    try:
        yield
    finally:
        _state.deferring -= 1


@contextlib.contextmanager
def stoppable() -> Iterator[None]:
    """Install the handlers for the duration of a run (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    previous = {signum: signal.signal(signum, _handler) for signum in _SIGNALS}
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    _state.wakeup, _state.pending = read_end, None
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous_fd)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _state.wakeup, _state.pending = None, None
        os.close(read_end)
        os.close(write_end)
