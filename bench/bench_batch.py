"""Batch throughput and memory on text PDFs, against bare pypdfium2 on the same files.

    .venv/bin/python bench/bench_batch.py [--small 200] [--large 600] [--memory 10000]
                                          [--skip-memory] [--checkout DIR]

Inputs are copies of the text PDFs at the top of samples/ (Word and LibreOffice exports),
cycled, in a temporary folder. Every `validate` run is a fresh process writing JSON lines.

1. Steady-state cost per file: `validate --jobs 1` over `--small` and over `--large` files;
   the difference of the two wall times over the difference of the counts leaves start-up
   out. Baseline: bare pypdfium2 text extraction of the same files (open, every page's text),
   per file, best of rounds, measured here. Target (issue 15): ratio <= 5.
2. `--jobs 2` against `--jobs 1` over `--large` files: the speed-up, whole runs and steady
   state (the same difference); the load average beside it, since the machine may be shared.
   Target: >= 1.8 on two cores.
3. Memory over `--memory` files (`--jobs 2`): the parent's resident memory, sampled at every
   entry it writes; its peak up to the 1,000th entry against its peak up to the last. Target:
   growth < 10%.

`--checkout DIR` runs another checkout's code (`validator` from DIR), for before/after.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_read import text_pdfs  # noqa: E402

PER_FOLDER = 500
MEMORY_MARK = 1000
TARGETS = {"per_file": 5.0, "speed_up": 1.8, "memory": 0.10}


def _validate(checkout: str | None) -> list[str]:
    prefix = f"import sys; sys.path.insert(0, {checkout!r}); " if checkout else ""
    return [sys.executable, "-c", f"{prefix}from validator.console import main; main()"]


def make_folder(target: Path, count: int, sources: list[Path]) -> Path:
    target.mkdir(parents=True)
    for index, source in zip(range(count), itertools.cycle(sources), strict=False):
        sub = target / f"part-{index // PER_FOLDER:03}"
        sub.mkdir(exist_ok=True)
        shutil.copyfile(source, sub / f"{index:05}-{source.name}")
    return target


def bare_seconds(sources: list[Path], rounds: int = 5) -> float:
    """CPU seconds per file of bare pypdfium2 text extraction, best of `rounds`."""
    data = [path.read_bytes() for path in sources]
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for blob in data:
            pdf = pdfium.PdfDocument(blob)
            for page in pdf:
                page.get_textpage().get_text_range()
            pdf.close()
        best = min(best, (time.process_time() - started) / len(data))
    return best


def run_seconds(command: list[str], folder: Path, jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run([*command, str(folder), "--jobs", str(jobs), "--no-progress", "-f", "jsonl",
                    "-o", os.devnull, "--timeout", "300"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def parent_memory(command: list[str], folder: Path, jobs: int) -> tuple[int, int, int, float]:
    """The parent's peak RSS up to the MEMORY_MARK-th entry and up to the last, the entries
    seen, and the run's seconds."""
    started = time.perf_counter()
    process = subprocess.Popen([*command, str(folder), "--jobs", str(jobs), "--no-progress",
                                "-f", "jsonl", "--timeout", "300"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    early = peak = entries = 0
    assert process.stdout is not None
    for _line in process.stdout:
        entries += 1
        try:
            peak = max(peak, watched.memory_info().rss)
        except psutil.Error:
            break
        if entries == MEMORY_MARK:
            early = peak
    process.wait()
    return early, peak, entries, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=600)
    parser.add_argument("--memory", type=int, default=10_000)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--checkout", help="run the code of another checkout (a folder)")
    args = parser.parse_args()
    sources = text_pdfs([ROOT / "samples"], recursive=False)
    if not sources:
        print("skipped: no text PDFs in samples/")
        return
    command = _validate(args.checkout)
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as temporary:
        base = Path(temporary)
        small = make_folder(base / "small", args.small, sources)
        large = make_folder(base / "large", args.large, sources)
        run_seconds(command, small, 1)  # warm: bytecode, rule set cache, disk cache
        bare = bare_seconds(sources)
        one_small, one_large = run_seconds(command, small, 1), run_seconds(command, large, 1)
        two_small, two_large = run_seconds(command, small, 2), run_seconds(command, large, 2)
        load = os.getloadavg()[0]
        step = args.large - args.small
        per_one, per_two = (one_large - one_small) / step, (two_large - two_small) / step
        print(f"{len(sources)} text PDFs of samples/, {os.cpu_count()} CPUs, load average "
              f"{load:.2f}")
        print(f"  bare pypdfium2 text               {bare * 1000:7.2f} ms/file (CPU)")
        print(f"  validate --jobs 1, steady state   {per_one * 1000:7.2f} ms/file  ratio "
              f"{per_one / bare:.2f} (target <= {TARGETS['per_file']})")
        print(f"  validate --jobs 2, steady state   {per_two * 1000:7.2f} ms/file  ratio "
              f"{per_two / bare:.2f}")
        print(f"  --jobs 2 speed-up over --jobs 1: {one_large / two_large:.2f} on "
              f"{args.large} files ({one_large:.1f} s -> {two_large:.1f} s), "
              f"{per_one / per_two:.2f} steady state (target >= {TARGETS['speed_up']})")
        if args.skip_memory:
            return
        folder = make_folder(base / "memory", args.memory, sources)
        early, peak, entries, seconds = parent_memory(command, folder, 2)
        growth = peak / early - 1 if early else float("nan")
        print(f"  parent RSS over {entries} files (--jobs 2, {seconds:.0f} s): "
              f"{early / 2**20:.1f} MiB at the {MEMORY_MARK}th, {peak / 2**20:.1f} MiB at "
              f"the last, growth {growth:+.1%} (target < {TARGETS['memory']:.0%})")


if __name__ == "__main__":
    main()
