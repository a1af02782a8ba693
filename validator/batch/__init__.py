"""Batch runs: finding the inputs (`discover`), checking them in a pool of worker processes
(`pool`, `worker`) or on a Dask cluster (`cluster`), chosen by `executor`, with per-input work
in `checker`, and keeping processes and signals in order (`procs`, `signals`).

    found = discover(["submissions/"], exclude=["bad-*"])
    for report in Batch(PipelineFactory(options, "vi"), jobs=4, timeout=120).run(found.inputs):
        ...
"""

from validator.batch.checker import (
    Checker,
    CheckerFactory,
    InputChecker,
    InspectFactory,
    Outcome,
    PipelineFactory,
    Started,
    error_report,
)
from validator.batch.discover import Discovery, Input, MissingPathError, discover
from validator.batch.executor import EXECUTORS, Executor, ExecutorKind, make_executor
from validator.batch.pool import Batch, BatchError, BatchStats
from validator.batch.signals import Interrupted
from validator.batch.worker import end_of_startup

__all__ = [
    "EXECUTORS",
    "Batch",
    "BatchError",
    "BatchStats",
    "Checker",
    "CheckerFactory",
    "Discovery",
    "Executor",
    "ExecutorKind",
    "Input",
    "InputChecker",
    "InspectFactory",
    "Interrupted",
    "MissingPathError",
    "Outcome",
    "PipelineFactory",
    "Started",
    "discover",
    "end_of_startup",
    "error_report",
    "make_executor",
]
