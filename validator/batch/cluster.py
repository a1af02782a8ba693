"""Checking inputs on a Dask distributed cluster (SPEC section 11): `--executor dask`.

The client reads each input (within the run's size limit, so the workers need no access to
the files) and sends its bytes to the cluster as one task. On the Dask worker the task runs
in the same local pool as a run on one machine (`Batch`, one worker process per Dask thread,
kept between tasks), so a document gets the same time limit, memory watch and error entry
there as here: a hung file is killed after `timeout` seconds and reported as `timeout`.
Results come back in input order, at most `window` inputs ahead of the next to report.

Without a scheduler address a LocalCluster of `workers` processes is started for the run.
Dask is an optional dependency (`pip install bhxh-validator[cluster]`): this module is
imported only for `--executor dask` (validator.batch.executor).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, wait

from validator.batch import signals
from validator.batch.checker import CheckerFactory, Failure, Result, error_report
from validator.batch.discover import Input
from validator.batch.pool import Batch, BatchError, BatchStats
from validator.model import ReadFailure
from validator.read import read_file
from validator.read.limits import DEFAULT_LIMITS

_WINDOW_PER_THREAD = 4
_POLL = 0.2  # seconds between two looks for a stop request while a result is awaited
_PLUGIN = "validator-pools"


@dataclasses.dataclass
class _Pending:
    item: Input
    future: Any = None  # a distributed.Future, or None when `ready` was settled here
    ready: list[Result] = dataclasses.field(default_factory=list)


class ClusterBatch:
    """Checks inputs on a Dask cluster; the same interface and results as `Batch`."""

    connect_timeout = "30s"  # for the scheduler to answer

    def __init__(self, factory: CheckerFactory, timeout: float | None,
                 memory_mb: int | None, failure: Failure = error_report, *,
                 scheduler: str | None = None, workers: int = 2,
                 max_bytes: int = DEFAULT_LIMITS.max_bytes) -> None:
        self.factory = factory
        self.timeout = timeout or None
        self.memory_mb = memory_mb or None
        self.failure = failure
        self.scheduler = scheduler
        self.workers = max(1, workers)
        self.max_bytes = max_bytes
        self.stats = BatchStats()
        self._client: Any = None
        self._cluster: Any = None

    def run(self, items: Sequence[Input | str]) -> Iterator[Result]:
        """The results of each input, in the order of `items`."""
        inputs = [item if isinstance(item, Input) else Input(item) for item in items]
        pending: deque[_Pending] = deque()
        run_id = uuid.uuid4().hex
        try:
            for index, item in enumerate(inputs):
                if len(pending) >= self._window():
                    yield from self._results(pending.popleft())
                pending.append(self._submit(item, f"validate-{run_id}-{index}"))
            while pending:
                yield from self._results(pending.popleft())
        finally:
            self._cancel(pending)
            self.close()

    def close(self) -> None:
        """Disconnect, and stop the LocalCluster this run started."""
        client, cluster, self._client, self._cluster = self._client, self._cluster, None, None
        with contextlib.suppress(Exception):
            if client is not None:
                client.close()
        with contextlib.suppress(Exception):
            if cluster is not None:
                cluster.close()

    # ------------------------------------------------------------------ the cluster

    def _connect(self) -> Any:
        if self._client is not None:
            return self._client
        try:
            if self.scheduler is None:
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self._client = Client(self._cluster)
            else:
                self._client = Client(self.scheduler, timeout=self.connect_timeout)
            self._client.register_plugin(ReleasePools(), name=_PLUGIN)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise BatchError(f"Dask {self.scheduler or 'LocalCluster'}: {exc}") from exc
        return self._client

    def _window(self) -> int:
        threads = sum(self._connect().nthreads().values())
        return max(1, threads) * _WINDOW_PER_THREAD

    def _submit(self, item: Input, key: str) -> _Pending:
        """The task of one input; an input that cannot be read here is settled here, with the
        entry a local worker would give it."""
        if item.problem is not None:
            return _Pending(item, ready=[self.failure(item.name, *item.problem, item.dossier)])
        try:
            data = read_file(item.path, self.max_bytes)
        except ReadFailure as failure:
            entry = self.failure(item.name, failure.code, failure.detail, item.dossier)
            return _Pending(item, ready=[entry])
        client = self._connect()
        [stored] = client.scatter([data], hash=False)
        future = client.submit(check_remote, self.factory, self.timeout, self.memory_mb,
                               self.failure, item.name, item.dossier, stored, key=key,
                               pure=False)
        return _Pending(item, future)

    def _results(self, pending: _Pending) -> Iterator[Result]:
        if pending.future is None:
            yield from pending.ready
            return
        results, stats = self._outcome(pending)
        for name in ("checked", "cached", "timed_out", "crashed", "out_of_memory"):
            setattr(self.stats, name, getattr(self.stats, name) + getattr(stats, name))
        yield from results

    def _outcome(self, pending: _Pending) -> tuple[list[Result], BatchStats]:
        while True:
            with contextlib.suppress(TimeoutError):
                wait([pending.future], timeout=_POLL)
            signals.raise_if_stopping()
            if pending.future.done():
                break
        try:
            return pending.future.result()
        except BatchError:
            raise
        except Exception as exc:  # the Dask worker died on it, or the cluster went away
            self.stats.crashed += 1
            item = pending.item
            detail = f"dask: {type(exc).__name__}: {exc}"
            return [self.failure(item.name, "corrupt", detail, item.dossier)], BatchStats()

    @staticmethod
    def _cancel(pending: deque[_Pending]) -> None:
        futures = [p.future for p in pending if p.future is not None]
        if futures:
            with contextlib.suppress(Exception):
                futures[0].client.cancel(futures)


# ---------------------------------------------------------------- on a Dask worker

_held = threading.local()  # this thread's pool: (its settings, the Batch)
_pools: list[Batch] = []
_pools_lock = threading.Lock()


def check_remote(factory: CheckerFactory, timeout: float | None, memory_mb: int | None,
                 failure: Failure, name: str, dossier: str | None,
                 data: bytes) -> tuple[list[Result], BatchStats]:
    """One input's results and what happened to it, checked in this Dask worker's local
    pool from a copy of its bytes."""
    batch = _pool(factory, timeout, memory_mb, failure)
    before = dataclasses.replace(batch.stats)
    folder = tempfile.mkdtemp(prefix="validator-task-")
    try:
        path = os.path.join(folder, "input")
        with open(path, "wb") as handle:
            handle.write(data)
        del data
        results = list(batch.run([Input(path, name=name, dossier=dossier)]))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    after = batch.stats
    stats = BatchStats(**{f.name: getattr(after, f.name) - getattr(before, f.name)
                          for f in dataclasses.fields(BatchStats)})
    return results, stats


def _pool(factory: CheckerFactory, timeout: float | None, memory_mb: int | None,
          failure: Failure) -> Batch:
    """This thread's kept pool for these settings; a pool for other settings is closed."""
    settings = (factory, timeout, memory_mb, failure)
    held = getattr(_held, "pool", None)
    if held is not None and held[0] == settings:
        return held[1]
    if held is not None:
        _release(held[1])
    batch = Batch(factory, 1, timeout, keep_workers=True, memory_mb=memory_mb, failure=failure)
    with _pools_lock:
        _pools.append(batch)
    _held.pool = (settings, batch)
    return batch


def _release(batch: Batch) -> None:
    with _pools_lock:
        if batch in _pools:
            _pools.remove(batch)
    batch.close()


class ReleasePools(WorkerPlugin):
    """The pools' processes and scratch folders end with the Dask worker."""

    def teardown(self, worker: Any) -> None:
        with _pools_lock:
            pools = list(_pools)
        for batch in pools:
            _release(batch)
