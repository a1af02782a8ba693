"""A fake checker whose behaviour is the document's content, for the pool and CLI tests.

It lives in its own module because spawned workers must import it by module name.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from validator.batch import Checker, InputChecker, error_report
from validator.cache import ResultCache
from validator.model import DocumentReport, Messages, RuleResult, Severity, Status
from validator.read.limits import Limits

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


def fake_check(data: bytes, name: str, counter: str | None = None) -> DocumentReport:
    """The document says what to do: a verdict, `corrupt`, `hang`, `crash`, `raise`,
    `memory MB` (hold that much), `spawn` (start a child that sleeps), `sleep S kind`."""
    if counter:
        with open(counter, "a", encoding="utf-8") as handle:
            handle.write(name + "\n")
    words = data.decode("utf-8").split()
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
        case "memory":
            held = bytearray(int(words[1]) * 1024 * 1024)
            held[::4096] = b"x" * len(held[::4096])  # touch every page: resident
            time.sleep(600)
        case "spawn":
            import subprocess

            subprocess.run(["sleep", "600"], check=False)
        case "corrupt":
            return error_report(name, "corrupt")
    return fake_report(name, words[0])


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

    def warm(self) -> None:
        """Nothing to load before workers are forked."""

    def __call__(self) -> Checker:
        def check(data: bytes, name: str) -> DocumentReport:
            return fake_check(data, name, self.counter)

        cache = ResultCache(Path(self.cache_dir), "fake") if self.cache_dir else None
        return InputChecker(check, error_report, Limits(), cache)


@dataclass(frozen=True)
class BrokenFactory:
    def __call__(self) -> Checker:
        raise ValueError("rules/bad.yaml:3: unknown check kind")


def write(folder: Path, files: dict[str, str | bytes]) -> list[str]:
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return sorted(str(folder / name) for name in files)


def counted(counter: Path) -> list[str]:
    return counter.read_text(encoding="utf-8").splitlines() if counter.exists() else []
