"""Throughput and peak memory of a batch run over a folder of copies of samples/.

    .venv/bin/python bench/bench_batch.py [--files 1000] [--jobs 1,2] [--format jsonl]

Each run is `validate FOLDER --jobs N --no-progress` in a fresh measuring process, so the peak
resident set size (getrusage RUSAGE_CHILDREN, the largest single process: the parent or one
worker) belongs to that run alone. The result cache is off.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
VALIDATE = [sys.executable, "-c", "from validator.cli import main; main()"]
PER_FOLDER = 100


def sample_files(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".json")
    if not files:
        raise SystemExit(f"no sample files in {folder}")
    return files


def make_folder(target: Path, count: int, samples: list[Path]) -> None:
    for index, sample in zip(range(count), itertools.cycle(samples), strict=False):
        sub = target / f"part-{index // PER_FOLDER:03}"
        sub.mkdir(exist_ok=True)
        shutil.copyfile(sample, sub / f"{index:05}-{sample.name}")


def measure(folder: Path, jobs: int, output_format: str) -> dict[str, float]:
    """Run once in this process's child; called in a fresh process per run."""
    command = [*VALIDATE, str(folder), "--jobs", str(jobs), "--no-progress",
               "--format", output_format, "--output", os.devnull, "--timeout", "300"]
    started = time.perf_counter()
    status = subprocess.run(command, check=False).returncode
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "peak_mib": peak_kib / 1024, "status": status}


def run_measured(folder: Path, jobs: int, output_format: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(folder), "--jobs", str(jobs),
         "--format", output_format],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts")
    parser.add_argument("--format", default="jsonl")
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, int(args.jobs), args.format)))
        return
    with tempfile.TemporaryDirectory(prefix="validator-bench-") as temporary:
        folder = Path(temporary) / "docs"
        folder.mkdir()
        make_folder(folder, args.files, sample_files(args.samples))
        print(f"{args.files} files (copies of {args.samples}), format {args.format}")
        print(f"{'jobs':>4} {'seconds':>9} {'files/s':>9} {'peak RSS MiB':>13} {'exit':>5}")
        for jobs in (int(j) for j in args.jobs.split(",")):
            row = run_measured(folder, jobs, args.format)
            rate = args.files / row["seconds"]
            print(f"{jobs:>4} {row['seconds']:>9.1f} {rate:>9.1f} {row['peak_mib']:>13.1f}"
                  f" {int(row['status']):>5}")


if __name__ == "__main__":
    main()
