"""`--executor dask`: the same per-input work on a Dask cluster gives the same entries, in the
same order, as the local pool: time limits, crashes, unreadable inputs and archives included
(the checking is faked, batch_fakes.py), and the same report and exit status for samples/."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from batch_fakes import BrokenFactory, FakeFactory, write
from click.testing import CliRunner

from validator.batch import Batch, BatchError, Input
from validator.cli import cli

distributed = pytest.importorskip("distributed")

from validator.batch.cluster import ClusterBatch  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def scheduler():
    """A LocalCluster of two worker processes, shared by the tests of this module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _dumps(reports) -> list[dict]:
    return [r.model_dump() for r in reports]


def test_entries_are_those_of_the_local_pool_in_input_order(tmp_path, scheduler) -> None:
    archive = tmp_path / "dossier.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("qd.txt", "compliant")
        bundle.writestr("qc.txt", "non_compliant")
    names = {f"f{i:02}.txt": kind for i, kind in enumerate(
        ["compliant", "sleep 0.3 non_compliant", "corrupt", "warning", "raise", "crash",
         "not_applicable", "compliant"])}
    paths = [*write(tmp_path, names), str(archive), str(tmp_path / "missing.pdf")]
    items = [*map(Input, paths), Input(str(tmp_path / "fifo"), problem=("unreadable", "FIFO"))]
    local = _dumps(Batch(FakeFactory(), jobs=2, timeout=30).run(items))
    on_dask = ClusterBatch(FakeFactory(), 30, None, scheduler=scheduler)
    assert _dumps(on_dask.run(items)) == local
    assert [entry["path"] for entry in local] == [
        *paths[:8], f"{archive}/qc.txt", f"{archive}/qd.txt", paths[9], items[-1].path]
    assert on_dask.stats.crashed == 1


def test_a_hung_file_times_out_on_a_dask_worker_as_it_does_here(tmp_path, scheduler) -> None:
    paths = write(tmp_path, {"a.txt": "compliant", "b.txt": "hang", "c.txt": "compliant"})
    local = _dumps(Batch(FakeFactory(), jobs=1, timeout=1.5).run(paths))
    on_dask = ClusterBatch(FakeFactory(), 1.5, None, scheduler=scheduler)
    entries = _dumps(on_dask.run(paths))
    assert entries == local
    assert entries[1]["error"]["code"] == "timeout"
    assert on_dask.stats.timed_out == 1


def test_a_checker_that_cannot_start_on_the_workers_is_a_batch_error(tmp_path,
                                                                     scheduler) -> None:
    paths = write(tmp_path, {"a.txt": "compliant"})
    with pytest.raises(BatchError, match="unknown check kind"):
        list(ClusterBatch(BrokenFactory(), 30, None, scheduler=scheduler).run(paths))


def test_an_unreachable_scheduler_is_a_batch_error(tmp_path) -> None:
    paths = write(tmp_path, {"a.txt": "compliant"})
    batch = ClusterBatch(FakeFactory(), 30, None, scheduler="tcp://127.0.0.1:9")
    batch.connect_timeout = "2s"
    with pytest.raises(BatchError, match=r"127\.0\.0\.1:9"):
        list(batch.run(paths))


def _validate(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, [str(SAMPLES), "-f", "json", "--no-progress", *args])
    return result.exit_code, json.loads(result.stdout)


def test_samples_give_the_same_report_and_status_on_dask(scheduler) -> None:
    status, local = _validate()
    dask_status, on_dask = _validate("--executor", "dask", "--scheduler", scheduler)
    assert dask_status == status == 3  # samples/ holds unreadable files on purpose
    assert on_dask == local
    assert len(local["documents"]) > 100
