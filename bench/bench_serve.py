"""A bounded load test of `validate serve`: concurrent `POST /api/v1/check` of one text PDF.

    .venv/bin/python bench/bench_serve.py [--uploads 200] [--clients 20] [--jobs 2]
                                          [--file samples/qd-xa-an-binh-2023.pdf]

Starts a server on 127.0.0.1 (a free port, a temporary data folder), sends `--uploads`
uploads from `--clients` threads, then stops the server. Every upload carries a distinct name
and distinct bytes (a PDF comment after the end), so no answer can be mixed up with another
or come from a cache; the run fails unless every upload got exactly one report, under its own
name, with the expected verdict, and the server's database holds each name exactly once.
Prints throughput and the median and 95th-percentile latency, next to the command line's cold
time (`validate FILE`, a fresh process) for the same file, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import queue
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parent.parent
VALIDATE = [sys.executable, "-c", "from validator.cli import main; main()"]
DEFAULT_FILE = ROOT / "samples" / "qd-xa-an-binh-2023.pdf"  # a compliant text PDF


def cli_cold_seconds(path: Path, runs: int) -> float:
    """The median wall time of `validate FILE` in a fresh process (start-up included)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*VALIDATE, str(path), "--jobs", "1", "--no-progress", "--format",
                        "json", "--output", os.devnull], check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class Server:
    def __init__(self, data_dir: Path, jobs: int) -> None:
        self.process = subprocess.Popen(
            [*VALIDATE, "serve", "--port", "0", "--data-dir", str(data_dir), "--jobs", str(jobs),
             "--max-files", "10"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        lines: queue.Queue[str] = queue.Queue()

        def drain() -> None:
            assert self.process.stderr is not None
            for line in self.process.stderr:
                lines.put(line)
            lines.put("")

        threading.Thread(target=drain, daemon=True).start()
        while line := lines.get(timeout=120):
            if "http://" in line:
                self.url = "http://" + line.split("http://", 1)[1].split()[0]
                return
        raise SystemExit("the server did not start")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def upload(client: httpx2.Client, data: bytes, index: int) -> tuple[str, float, int, list]:
    name = f"upload-{index:04d}.pdf"
    body = data + f"\n% bench upload {index}\n".encode()
    started = time.perf_counter()
    answer = client.post("/api/v1/check", files=[("files", (name, body, "application/pdf"))])
    seconds = time.perf_counter() - started
    documents = answer.json().get("documents", []) if answer.status_code == 200 else []
    return name, seconds, answer.status_code, [(d["path"], d["verdict"]) for d in documents]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def verify(results: list[tuple[str, float, int, list]], expected: str, database: Path) -> None:
    problems = []
    for name, _, status, documents in results:
        if status != 200 or documents != [(name, expected)]:
            problems.append(f"{name}: HTTP {status}, {documents}")
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        stored = Counter(name for (name,) in db.execute(
            "SELECT json_extract(report, '$.path') FROM results"))
    for name, _, _, _ in results:
        if stored[name] != 1:
            problems.append(f"{name}: stored {stored[name]} times")
    if problems:
        raise SystemExit("lost, duplicated or wrong answers:\n" + "\n".join(problems[:20]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2, help="the server's worker processes")
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--cold-runs", type=int, default=3)
    args = parser.parse_args()
    data = args.file.read_bytes()

    cold = cli_cold_seconds(args.file, args.cold_runs)
    with tempfile.TemporaryDirectory(prefix="validator-bench-serve-") as temporary:
        started = time.perf_counter()
        server = Server(Path(temporary), args.jobs)
        limits = httpx2.Limits(max_connections=args.clients)
        try:
            with httpx2.Client(base_url=server.url, timeout=600, limits=limits) as client:
                first = upload(client, data, -1)  # starts the workers
                ready = time.perf_counter() - started
                if first[2] != 200:
                    raise SystemExit(f"the first check failed: HTTP {first[2]}")
                expected = first[3][0][1]
                began = time.perf_counter()
                with ThreadPoolExecutor(args.clients) as pool:
                    results = list(pool.map(lambda i: upload(client, data, i),
                                            range(args.uploads)))
                wall = time.perf_counter() - began
        finally:
            server.stop()
        verify(results, expected, Path(temporary) / "validator.sqlite3")

    latencies = [seconds for _, seconds, _, _ in results]
    median, p95 = statistics.median(latencies), percentile(latencies, 0.95)
    print(f"{args.file.name}: {args.uploads} uploads from {args.clients} clients, "
          f"{args.jobs} workers; every upload got exactly one report ({expected})")
    print(f"  server start to first answer  {ready:7.2f} s")
    print(f"  throughput                    {args.uploads / wall:7.2f} uploads/s "
          f"({wall:.1f} s)")
    print(f"  POST /api/v1/check median     {median:7.2f} s   p95 {p95:.2f} s")
    print(f"  validate FILE, cold (median)  {cold:7.2f} s")
    print(f"  median latency / cold CLI     {median / cold:7.2f}x under {args.clients}-way load; "
          f"per-upload work {wall / args.uploads:.2f} s = {wall / args.uploads / cold:.2f}x cold")


if __name__ == "__main__":
    main()
