"""The worker pool, with a fake checker whose behaviour is the document's content
(tests/batch_fakes.py): order, timeouts, crashes, memory, archives, process hygiene, cache."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from pathlib import Path

import psutil
import pytest
from batch_fakes import BrokenFactory, FakeFactory, counted, fake_report, write

from validator.batch import Batch, BatchError, Input
from validator.cache import ResultCache
from validator.model import DocumentReport

# ---------------------------------------------------------------------------- runs


def test_reports_come_in_path_order_whatever_the_jobs(tmp_path) -> None:
    names = {f"f{i:02}.txt": f"sleep {0.3 if i % 3 == 0 else 0} compliant" for i in range(12)}
    paths = write(tmp_path, names)
    one = [r.path for r in Batch(FakeFactory(), jobs=1, timeout=30).run(paths)]
    two = [r.model_dump() for r in Batch(FakeFactory(), jobs=2, timeout=30).run(paths)]
    assert one == paths
    assert [r["path"] for r in two] == paths
    assert two == [r.model_dump() for r in Batch(FakeFactory(), jobs=1, timeout=30).run(paths)]


def test_a_slow_first_file_fills_the_window_and_the_run_goes_on(tmp_path) -> None:
    batch = Batch(FakeFactory(), jobs=2, timeout=30)
    names = {f"f{i:02}.txt": "compliant" for i in range(1, 3 * batch.window)}
    paths = write(tmp_path, {"f00.txt": "sleep 1.5 compliant", **names})
    reports: list[DocumentReport] = []
    runner = threading.Thread(target=lambda: reports.extend(batch.run(paths)), daemon=True)
    runner.start()
    runner.join(timeout=60)
    assert not runner.is_alive(), f"stuck after {len(reports)} reports"
    assert [r.path for r in reports] == paths


def test_a_corrupt_file_between_good_ones_does_not_stop_the_batch(tmp_path) -> None:
    paths = write(tmp_path, {"a.txt": "compliant", "b.txt": "corrupt", "c.txt": "non_compliant"})
    reports = list(Batch(FakeFactory(), jobs=2, timeout=30).run(paths))
    assert [r.verdict for r in reports] == ["compliant", "error", "non_compliant"]
    assert reports[1].error is not None and reports[1].error.code == "corrupt"


def test_a_hung_file_times_out_and_its_worker_is_replaced(tmp_path) -> None:
    paths = write(tmp_path, {"a.txt": "compliant", "b.txt": "hang", "c.txt": "compliant",
                             "d.txt": "compliant"})
    batch = Batch(FakeFactory(), jobs=1, timeout=1.5)
    started = time.monotonic()
    reports = list(batch.run(paths))
    assert time.monotonic() - started < 30
    assert [r.verdict for r in reports] == ["compliant", "error", "compliant", "compliant"]
    assert reports[1].error is not None and reports[1].error.code == "timeout"
    assert reports[1].error.message_en
    assert batch.stats.timed_out == 1 and batch.stats.checked == 3


def test_a_worker_crash_errors_that_file_only(tmp_path) -> None:
    paths = write(tmp_path, {"a.txt": "compliant", "b.txt": "crash", "c.txt": "raise",
                             "d.txt": "warning"})
    batch = Batch(FakeFactory(), jobs=2, timeout=30)
    reports = list(batch.run(paths))
    assert [r.verdict for r in reports] == ["compliant", "error", "error", "compliant"]
    assert [r.error.code for r in reports[1:3] if r.error] == ["corrupt", "corrupt"]
    assert batch.stats.crashed == 1


def test_a_checker_that_cannot_start_is_a_batch_error(tmp_path) -> None:
    paths = write(tmp_path, {"a.txt": "compliant"})
    with pytest.raises(BatchError, match="unknown check kind"):
        list(Batch(BrokenFactory(), jobs=1, timeout=30).run(paths))


def test_tasks_are_handed_out_lazily(tmp_path) -> None:
    paths = write(tmp_path, {f"f{i:03}.txt": "sleep 0.05 compliant" for i in range(60)})
    counter = tmp_path / "calls.log"
    batch = Batch(FakeFactory(counter=str(counter)), jobs=1, timeout=30)
    reports = batch.run(paths)
    assert next(reports).path == paths[0]
    reports.close()  # stops the workers
    assert len(counted(counter)) <= batch.window + 1


def test_no_paths_no_workers() -> None:
    assert list(Batch(BrokenFactory(), jobs=4, timeout=1).run([])) == []


# --------------------------------------------------------------------------- cache


def test_the_cache_rereads_only_new_or_changed_files(tmp_path) -> None:
    folder = tmp_path / "docs"
    paths = write(folder, {"a.txt": "compliant", "b.txt": "non_compliant", "c.txt": "corrupt"})
    counter = tmp_path / "calls.log"
    factory = FakeFactory(cache_dir=str(tmp_path / "cache"), counter=str(counter))

    first = Batch(factory, jobs=2, timeout=30)
    reports = list(first.run(paths))
    assert (first.stats.checked, first.stats.cached) == (3, 0)

    second = Batch(factory, jobs=2, timeout=30)
    assert list(second.run(paths)) == reports
    # the unreadable file is never cached: only it is read again
    assert (second.stats.checked, second.stats.cached) == (1, 2)
    assert counted(counter).count(paths[2]) == 2 and len(counted(counter)) == 4

    Path(paths[0]).write_text("warning", encoding="utf-8")
    third = Batch(factory, jobs=1, timeout=30)
    assert [r.verdict for r in third.run(paths)] == ["compliant", "non_compliant", "error"]
    assert (third.stats.checked, third.stats.cached) == (2, 1)


def test_the_cache_relabels_a_copy_under_another_path(tmp_path) -> None:
    paths = write(tmp_path / "docs", {"a.txt": "compliant", "copy.txt": "compliant"})
    factory = FakeFactory(cache_dir=str(tmp_path / "cache"))
    batch = Batch(factory, jobs=1, timeout=30)
    assert [r.path for r in batch.run(paths)] == paths
    assert batch.stats.cached == 1


def test_the_cache_key_changes_with_the_fingerprint(tmp_path) -> None:
    one, two = ResultCache(tmp_path, "rules-v1|vi"), ResultCache(tmp_path, "rules-v2|vi")
    assert one.key("ab" * 32) != two.key("ab" * 32)
    one.put(one.key("ab" * 32), fake_report("x", "compliant"))
    assert one.get(one.key("ab" * 32), "y") == fake_report("y", "compliant")
    assert two.get(two.key("ab" * 32), "y") is None


def test_a_kept_pool_reuses_its_workers_until_closed(tmp_path) -> None:
    paths = write(tmp_path, {f"f{i}.txt": "compliant" for i in range(3)})
    batch = Batch(FakeFactory(), jobs=2, timeout=30, keep_workers=True)
    first = [r.path for r in batch.run(paths)]
    pids = sorted(w.process.pid for w in batch._idle)
    assert len(pids) == 2 and all(w.process.is_alive() for w in batch._idle)
    assert [r.path for r in batch.run(paths)] == first
    assert sorted(w.process.pid for w in batch._idle) == pids
    kept = list(batch._idle)
    batch.close()
    assert batch._idle == [] and not any(w.process.is_alive() for w in kept)


# ------------------------------------------------------------------------- archives


def zipped(members: dict[str, str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_each_member_of_an_archive_is_an_entry_of_its_dossier(tmp_path, method) -> None:
    archive = zipped({"hồ sơ/b.txt": "non_compliant", "a.txt": "compliant",
                      "README.md": "litter"}, method)
    paths = write(tmp_path, {"1.txt": "compliant", "2.zip": archive, "3.txt": "compliant"})
    reports = list(Batch(FakeFactory(), jobs=2, timeout=30).run(paths))
    zip_name = paths[1]
    assert [(r.path, r.verdict, r.dossier) for r in reports] == [
        (paths[0], "compliant", None),
        (f"{zip_name}/a.txt", "compliant", zip_name),
        (f"{zip_name}/hồ sơ/b.txt", "non_compliant", zip_name),
        (paths[2], "compliant", None),
    ]


def test_a_member_that_kills_its_worker_is_one_entry_and_the_archive_goes_on(tmp_path) -> None:
    archive = zipped({"a.txt": "compliant", "b.txt": "crash", "c.txt": "hang",
                      "d.txt": "non_compliant"})
    paths = write(tmp_path, {"x.zip": archive, "y.txt": "compliant"})
    batch = Batch(FakeFactory(), jobs=1, timeout=3)
    reports = list(batch.run(paths))
    assert [(Path(r.path).name, r.verdict, r.error and r.error.code) for r in reports] == [
        ("a.txt", "compliant", None), ("b.txt", "error", "corrupt"),
        ("c.txt", "error", "timeout"), ("d.txt", "non_compliant", None),
        ("y.txt", "compliant", None)]
    assert batch.stats.crashed == 1 and batch.stats.timed_out == 1


def test_an_archive_that_fails_as_a_whole_is_one_entry(tmp_path) -> None:
    good = zipped({"a.txt": "compliant", "b.txt": "compliant"})
    paths = write(tmp_path, {"cut.zip": good[: len(good) // 2], "empty.zip": zipped({})})
    reports = list(Batch(FakeFactory(), jobs=1, timeout=30).run(paths))
    assert [(r.path, r.error and r.error.code) for r in reports] == [
        (paths[0], "corrupt"), (paths[1], "empty")]


# ------------------------------------------------------------------ process hygiene


def _alive_sleepers(before: set[int]) -> list[psutil.Process]:
    return [p for p in psutil.process_iter(["name", "cmdline"])
            if p.info["cmdline"] == ["sleep", "600"] and p.pid not in before]


def _sleepers() -> set[int]:
    return {p.pid for p in psutil.process_iter(["cmdline"]) if p.info["cmdline"] == ["sleep",
                                                                                    "600"]}


def test_a_timed_out_file_takes_the_programs_its_worker_started_with_it(tmp_path) -> None:
    before = _sleepers()
    paths = write(tmp_path, {"a.txt": "spawn", "b.txt": "compliant"})
    reports = list(Batch(FakeFactory(), jobs=1, timeout=2).run(paths))
    assert [r.error.code if r.error else r.verdict for r in reports] == ["timeout", "compliant"]
    time.sleep(0.5)
    assert _alive_sleepers(before) == []


def test_a_document_over_the_memory_limit_is_one_too_large_entry(tmp_path) -> None:
    paths = write(tmp_path, {"a.txt": "memory 400", "b.txt": "compliant"})
    batch = Batch(FakeFactory(), jobs=1, timeout=60, memory_mb=250)
    reports = list(batch.run(paths))
    assert reports[0].error is not None and reports[0].error.code == "too_large"
    assert "memory_mb" in reports[0].error.message
    assert reports[1].verdict == "compliant" and batch.stats.out_of_memory == 1


def test_problems_found_at_discovery_never_reach_a_worker(tmp_path) -> None:
    items = [Input("/nowhere/a.pdf", problem=("unreadable", "a FIFO")),
             Input("/nowhere/b.pdf", problem=("unreadable", "a broken link"))]
    reports = list(Batch(BrokenFactory(), jobs=2, timeout=1).run(items))
    assert [(r.path, r.error.code if r.error else None) for r in reports] == [
        ("/nowhere/a.pdf", "unreadable"), ("/nowhere/b.pdf", "unreadable")]
    assert "a FIFO" in (reports[0].error.message if reports[0].error else "")


def test_a_stopped_run_leaves_no_process(tmp_path) -> None:
    before = _sleepers()
    paths = write(tmp_path, {"a.txt": "sleep 1 compliant", "b.txt": "spawn", "c.txt": "spawn"})
    batch = Batch(FakeFactory(), jobs=3, timeout=60)
    reports = batch.run(paths)
    assert next(reports).verdict == "compliant"
    time.sleep(0.5)  # two workers are inside `sleep 600`
    assert len(_alive_sleepers(before)) == 2
    reports.close()
    time.sleep(0.5)
    assert _alive_sleepers(before) == []
    assert batch._scratch is None


_ORPHAN_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from batch_fakes import FakeFactory
from validator.batch import Batch
for report in Batch(FakeFactory(), jobs=2, timeout=600).run({paths!r}):
    print(report.verdict, flush=True)
"""


@pytest.mark.parametrize("signum", ["SIGKILL", "SIGTERM"])
def test_workers_and_their_programs_die_with_a_killed_parent(tmp_path, signum) -> None:
    import signal
    import subprocess
    import sys

    before = _sleepers()
    paths = write(tmp_path, {"a.txt": "compliant", "b.txt": "spawn", "c.txt": "spawn"})
    script = _ORPHAN_SCRIPT.format(tests=str(Path(__file__).parent), paths=paths)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None and parent.stdout.readline().strip() == "compliant"
    deadline = time.monotonic() + 30
    while len(_alive_sleepers(before)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = psutil.Process(parent.pid).children()
    assert len(workers) >= 2
    parent.send_signal(getattr(signal, signum))
    parent.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (
        _alive_sleepers(before) or any(w.is_running() and w.status() != "zombie"
                                       for w in workers)
    ):
        time.sleep(0.2)
    assert _alive_sleepers(before) == []
    assert not any(w.is_running() and w.status() != "zombie" for w in workers)


def test_the_real_checker_is_a_plain_picklable_callable(tmp_path) -> None:
    """The same per-input work runs in-process, in the pool, or on another executor."""
    import pickle

    from validator.batch import PipelineFactory
    from validator.pipeline import Options

    source = Path(__file__).resolve().parent.parent / "samples" / "qd-phuong-thuy-duong-2024.txt"
    paths = write(tmp_path, {"qd.txt": source.read_bytes()})
    checker = pickle.loads(pickle.dumps(PipelineFactory(Options(ocr="never"), "vi")()))
    [started, (report, cached)] = list(checker(Input(paths[0])))
    assert started.name == paths[0] and not cached
    assert report.verdict == "compliant" and report.doc_type == "decision"
