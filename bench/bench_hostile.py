"""Hostile inputs (issue 13): exit codes, peak memory, entries per input, leftover processes.

    .venv/bin/python bench/bench_hostile.py [--formats text,json,...] [--only zip_stored,...]
                                            [--per-class FORMAT] [--jobs 2] [--timeout 60]

Builds the hostile classes of bench/hostile_inputs.py in a temporary folder, then:
1. per class (in `--per-class` format, jsonl by default): `validate PATH` alone - its exit
   status, the peak resident memory of the parent and of the largest process of the run
   (workers, tesseract, soffice), the entries it gave against those it must give;
2. per output format: one run over all the classes together - the same figures, plus whether
   the output is valid UTF-8 and parses, whether a traceback was printed, and how many
   processes of the run were still alive a second after it ended (found by an environment
   tag every process of the run inherits, so only this run's processes are counted).

Each run is measured from a fresh process: getrusage(RUSAGE_CHILDREN) there sees only that
run; the parent's own peak is its VmHWM, read while it runs. `--checkout DIR` runs another
checkout's code (`validator` from DIR) on the same inputs, for a before/after comparison.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile_inputs

VALIDATE = [sys.executable, "-c", "from validator.cli import main; main()"]
FORMATS = ("text", "json", "jsonl", "csv", "sarif", "junit", "html")
TAG = "VALIDATOR_BENCH_TAG"
RUN_LIMIT = 900  # seconds after which a run is killed (its exit status is then -9)
_TEXT_TOTAL = re.compile(r"(?:Tổng cộng|Total:?) (\d+)")


def count_entries(output_format: str, text: str) -> int:
    """Entries in a report; raises when the report does not parse."""
    if output_format == "json":
        return len(json.loads(text)["documents"])
    if output_format == "jsonl":
        return sum(1 for line in text.splitlines() if json.loads(line))
    if output_format == "csv":
        return len(list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))) - 1
    if output_format == "sarif":
        return json.loads(text)["runs"][0]["properties"]["summary"]["documents"]
    if output_format == "junit":
        return len(ET.fromstring(text).findall("testsuite"))
    if output_format == "html":
        return text.count('<section id="doc-')
    match = _TEXT_TOTAL.search(text)
    if match is None:
        raise ValueError("no total line")
    return int(match.group(1))


def leftovers(tag: str) -> list[str]:
    """Processes still alive that carry this run's tag in their environment."""
    found = []
    needle = f"{TAG}={tag}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                found.append((entry / "comm").read_text().strip() + f"[{entry.name}]")
        except OSError:
            continue
    return found


def _hwm_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"VmHWM:\s+(\d+)", status)
    return int(match.group(1)) if match else 0


def measure(paths: list[str], output_format: str, jobs: int, timeout: float,
            checkout: str | None = None) -> dict:
    """One run of `validate`, in this (fresh) process."""
    tag = uuid.uuid4().hex
    env = {**os.environ, TAG: tag}
    if checkout:
        env["PYTHONPATH"] = checkout
    with tempfile.TemporaryDirectory(prefix="hostile-out-") as out_dir:
        output = Path(out_dir) / f"report.{output_format}"
        command = [*VALIDATE, *paths, "--format", output_format, "--output", str(output),
                   "--jobs", str(jobs), "--timeout", str(timeout), "--no-progress"]
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=out_dir,  # no `validator` in cwd
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        parent_kib = 0
        while process.poll() is None:
            parent_kib = max(parent_kib, _hwm_kib(process.pid))
            if time.perf_counter() - started > RUN_LIMIT:  # a run that hangs is a finding
                process.kill()
            time.sleep(0.05)
        stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        seconds = time.perf_counter() - started
        time.sleep(1)
        left = leftovers(tag)
        raw = output.read_bytes() if output.exists() else b""
    result = {"status": process.returncode, "seconds": round(seconds, 1),
              "parent_mib": parent_kib // 1024,
              "any_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
              "traceback": "Traceback" in stderr, "leftovers": left, "utf8": True,
              "entries": None, "parse_error": None}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        result["utf8"] = False
        text = raw.decode("utf-8", "replace")
    try:
        result["entries"] = count_entries(output_format, text)
    except Exception as exc:  # a report that does not parse is the finding
        result["parse_error"] = f"{type(exc).__name__}: {exc}"[:120]
    return result


def run_measured(paths: list[str], output_format: str, jobs: int, timeout: float,
                 checkout: str | None = None) -> dict:
    extra = ["--checkout", checkout] if checkout else []
    out = subprocess.run(
        [sys.executable, __file__, "--measure", output_format, "--jobs", str(jobs),
         "--timeout", str(timeout), *extra, "--", *paths],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.splitlines()[-1])


def _row(name: str, expected: int, result: dict) -> str:
    problems = []
    if result["entries"] != expected:
        problems.append(f"entries {result['entries']} != {expected}")
    if result["traceback"]:
        problems.append("traceback")
    if not result["utf8"]:
        problems.append("not UTF-8")
    if result["parse_error"]:
        problems.append(result["parse_error"])
    if result["leftovers"]:
        problems.append("left: " + ",".join(result["leftovers"]))
    return (f"{name:<24} {result['status']:>4} {result['seconds']:>7} {result['parent_mib']:>7}"
            f" {result['any_mib']:>7} {result['entries']!s:>7} {expected:>5}  "
            + ("; ".join(problems) or "ok"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--per-class", default="jsonl", help="format of the per-class runs "
                        "('none' to skip them)")
    parser.add_argument("--only", default="", help="comma-separated class names")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--checkout", help="run the code of another checkout (a folder)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.paths, args.measure, args.jobs, args.timeout,
                                 args.checkout)))
        return
    with tempfile.TemporaryDirectory(prefix="validator-hostile-") as temporary:
        cases = hostile_inputs.build(Path(temporary))
        if args.only:
            cases = [c for c in cases if c.name in args.only.split(",")]
        header = (f"{'class':<24} {'exit':>4} {'seconds':>7} {'parent':>7} {'any MiB':>7} "
                  f"{'entries':>7} {'want':>5}  problems")
        if args.per_class != "none":
            print(f"per class, format {args.per_class}, jobs {args.jobs}")
            print(header)
            for case in cases:
                result = run_measured([str(case.path)], args.per_class, args.jobs, args.timeout,
                                      args.checkout)
                print(_row(case.name, case.entries, result), flush=True)
        print(f"\nall {len(cases)} classes in one run, jobs {args.jobs}")
        print(header.replace("class", "format", 1))
        expected = sum(case.entries for case in cases)
        paths = [str(case.path) for case in cases]
        for output_format in args.formats.split(","):
            result = run_measured(paths, output_format, args.jobs, args.timeout, args.checkout)
            print(_row(output_format, expected, result), flush=True)


if __name__ == "__main__":
    main()
