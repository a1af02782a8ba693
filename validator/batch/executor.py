"""Where a run's inputs are checked: this machine's worker pool, or a Dask cluster.

Both run the same per-input work (`checker.InputChecker`, built by the same factory) and
give the same results in input order, so a report does not depend on where it was made.

    executor = make_executor("local", factory, jobs=2, timeout=120, memory_mb=1024, inputs=1)
    for result in executor.run(found.inputs):
        ...

The local pool forks its workers from this process once it has loaded the rules and the
language pipeline (validator.batch.worker): one file costs about what it would cost
in-process, while a hung file is still killed at its time limit, a file that takes too much
memory is still stopped, and a crash in a C library is still one file's entry, not the end
of the run. Hence there is no separate in-process mode to give those up for.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from typing import Literal, Protocol

from validator.batch.checker import CheckerFactory, Failure, Result, error_report
from validator.batch.discover import Input
from validator.batch.pool import Batch, BatchError, BatchStats
from validator.read.limits import DEFAULT_LIMITS

ExecutorKind = Literal["local", "dask"]
EXECUTORS: tuple[ExecutorKind, ...] = ("local", "dask")


class Executor(Protocol):
    """What the commands need of an executor."""

    stats: BatchStats

    def run(self, items: Sequence[Input | str]) -> Iterator[Result]: ...

    def close(self) -> None: ...


def make_executor(kind: ExecutorKind, factory: CheckerFactory, *, jobs: int,
                  timeout: float | None, memory_mb: int | None, inputs: int,
                  failure: Failure = error_report, scheduler: str | None = None,
                  max_bytes: int = DEFAULT_LIMITS.max_bytes) -> Executor:
    """`jobs` worker processes here, or on Dask the workers of `scheduler` (a LocalCluster of
    `jobs` workers without one; `max_bytes` bounds what is read here to send there). When
    there are fewer inputs than jobs, the spare CPUs read the pages of a scan in parallel.
    Raises BatchError when Dask is asked for and not installed."""
    if kind == "dask":
        if importlib.util.find_spec("distributed") is None:
            raise BatchError("Dask is not installed: pip install 'bhxh-validator[cluster]'")
        from validator.batch.cluster import ClusterBatch

        return ClusterBatch(factory, timeout, memory_mb, failure, scheduler=scheduler,
                            workers=jobs, max_bytes=max_bytes)
    spare = jobs // inputs if 0 < inputs < jobs else None
    return Batch(factory, jobs, timeout, memory_mb=memory_mb, failure=failure, start="fork",
                 ocr_threads=spare)
