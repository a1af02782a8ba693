"""Discovery and the worker pool, with a fake checker whose behaviour is the file's content.

The fakes live here (tests/test_cli.py imports them) because spawned workers must import
them by module name.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from validator.batch import (
    Batch,
    BatchError,
    CachedChecker,
    Checker,
    MissingPathError,
    discover,
    error_report,
)
from validator.cache import ResultCache
from validator.model import DocumentReport, Messages, RuleResult, Severity, Status

FAKE_RULES = (("FAKE-01", "error"), ("FAKE-02", "warning"))


def fake_result(rule_id: str, severity: Severity, status: Status) -> RuleResult:
    return RuleResult(
        rule_id=rule_id, status=status, severity=severity,
        title=Messages(vi=f"Quy tắc {rule_id}", en=f"Rule {rule_id}"),
        message=f"{rule_id}: {status}", messages=Messages(vi=f"{rule_id}: {status}",
                                                          en=f"{rule_id}: {status} (en)"),
        source="fake",
    )


def fake_report(path: str, kind: str) -> DocumentReport:
    statuses: dict[str, tuple[Status, Status]] = {
        "compliant": ("pass", "pass"),
        "warning": ("pass", "fail"),
        "non_compliant": ("fail", "pass"),
        "not_applicable": ("not_applicable", "not_applicable"),
    }
    first, second = statuses[kind]
    verdict = "compliant" if kind == "warning" else kind
    return DocumentReport(
        path=path, sha256="0" * 64, verdict=verdict, doc_type="decision", level="commune",
        results=[fake_result("FAKE-01", "error", first),
                 fake_result("FAKE-02", "warning", second)],
    )


def fake_check(path: str, counter: str | None = None) -> DocumentReport:
    """The file says what to do: a verdict, `corrupt`, `hang`, `crash`, `raise`, `sleep S kind`."""
    if counter:
        with open(counter, "a", encoding="utf-8") as handle:
            handle.write(path + "\n")
    words = Path(path).read_text(encoding="utf-8").split()
    if words[0] == "sleep":
        time.sleep(float(words[1]))
        words = words[2:]
    match words[0]:
        case "hang":
            time.sleep(600)
        case "crash":
            os._exit(3)
        case "raise":
            raise RuntimeError("a bug in a reader")
        case "corrupt":
            return error_report(path, "corrupt")
    return fake_report(path, words[0])


@dataclass(frozen=True)
class FakeFactory:
    """Takes the arguments of `validator.batch.PipelineFactory`; checks with `fake_check`."""

    options: object = None
    lang: str = "vi"
    rule_paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    cache_dir: str | None = None
    counter: str | None = None

    def __call__(self) -> Checker:
        def check(path: str) -> DocumentReport:
            return fake_check(path, self.counter)

        if self.cache_dir is None:
            return lambda path: (check(path), False)
        return CachedChecker(check, ResultCache(Path(self.cache_dir), "fake"), 10**9)


@dataclass(frozen=True)
class BrokenFactory:
    def __call__(self) -> Checker:
        raise ValueError("rules/bad.yaml:3: unknown check kind")


def write(folder: Path, files: dict[str, str]) -> list[str]:
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return sorted(str(folder / name) for name in files)


def counted(counter: Path) -> list[str]:
    return counter.read_text(encoding="utf-8").splitlines() if counter.exists() else []


# ------------------------------------------------------------------------ discovery


def test_discover_files_folders_globs_skipping_hidden_and_temporary(tmp_path, monkeypatch):
    write(tmp_path, {
        "b.pdf": "x", "a.docx": "x", "sub/c.txt": "x", "sub/deep/d.doc": "x",
        ".hidden.pdf": "x", "~$a.docx": "x", "sub/e.docx~": "x", "sub/f.tmp": "x",
        ".git/config.txt": "x", "other/g.pdf": "x", "other/h.txt": "x",
    })
    monkeypatch.chdir(tmp_path)
    assert discover(["."]) == ["a.docx", "b.pdf", "other/g.pdf", "other/h.txt", "sub/c.txt",
                               "sub/deep/d.doc"]
    assert discover(["other/*.pdf", "sub", "b.pdf", "./b.pdf"]) == [
        "b.pdf", "other/g.pdf", "sub/c.txt", "sub/deep/d.doc"]
    assert discover(["**/*.doc*"]) == ["a.docx", "sub/deep/d.doc"]
    assert discover([".hidden.pdf"]) == [".hidden.pdf"]  # named explicitly


def test_discover_reports_a_missing_path(tmp_path) -> None:
    with pytest.raises(MissingPathError) as caught:
        discover([str(tmp_path / "nope.pdf")])
    assert caught.value.path.endswith("nope.pdf")
    with pytest.raises(MissingPathError):
        discover([str(tmp_path / "*.pdf")])  # a glob matching nothing


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
