"""The local pool against a Dask cluster on the same files: identical results, both throughputs.

    .venv/bin/python bench/bench_cluster.py [--files 500] [--jobs 2]

Inputs are copies of the documents at the top of samples/ (text PDFs, DOCX, .doc, text files
and the deliberately broken ones), cycled, in a temporary folder. Two runs, each a fresh
`validate` process writing JSON lines:
- local: `validate FOLDER --jobs N` (the default executor);
- dask: `validate FOLDER --executor dask --jobs N`, which starts a LocalCluster of N worker
  processes for the run (its start-up is inside the time).
The entries must be identical, line for line, and so must the exit statuses. Skipped when Dask
is not installed (`pip install '.[cluster]'`).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
VALIDATE = [sys.executable, "-c", "from validator.console import main; main()"]
PER_FOLDER = 100


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir()
                  if p.is_file() and p.suffix in (".pdf", ".docx", ".doc", ".txt"))


def make_folder(target: Path, count: int, sources: list[Path]) -> None:
    for index, source in zip(range(count), itertools.cycle(sources), strict=False):
        sub = target / f"part-{index // PER_FOLDER:03}"
        sub.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, sub / f"{index:05}-{source.name}")


def run(folder: Path, output: Path, extra: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    status = subprocess.run([*VALIDATE, str(folder), "--no-progress", "-f", "jsonl",
                             "-o", str(output), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            check=False).returncode
    return time.perf_counter() - started, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if importlib.util.find_spec("distributed") is None:
        print("skipped: Dask is not installed (pip install '.[cluster]')")
        return
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as temporary:
        base = Path(temporary)
        folder = base / "docs"
        make_folder(folder, args.files, sample_files())
        jobs = ["--jobs", str(args.jobs)]
        run(folder, base / "warm.jsonl", jobs)  # bytecode, rule set cache, disk cache
        local_s, local_status = run(folder, base / "local.jsonl", jobs)
        dask_s, dask_status = run(folder, base / "dask.jsonl", [*jobs, "--executor", "dask"])
        local = (base / "local.jsonl").read_text(encoding="utf-8").splitlines()
        on_dask = (base / "dask.jsonl").read_text(encoding="utf-8").splitlines()
    same = local == on_dask and local_status == dask_status
    print(f"{args.files} files (copies of samples/), {args.jobs} workers each, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    print(f"  local pool         {local_s:6.1f} s  {args.files / local_s:6.1f} files/s  "
          f"exit {local_status}")
    print(f"  Dask LocalCluster  {dask_s:6.1f} s  {args.files / dask_s:6.1f} files/s  "
          f"exit {dask_status}  ({dask_s / local_s:.2f}x the local time, start-up included)")
    differing = sum(a != b for a, b in zip(local, on_dask, strict=False))
    print(f"  results identical: {'yes' if same else 'NO'} ({len(local)} entries here, "
          f"{len(on_dask)} on Dask, {differing} differing)")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
