"""Rule evaluation time per document, next to the time it took to read and structure it, and
the cost of loading the rule packs at start-up against `python -c "import spacy"`.

Usage: python bench/bench_rules.py [file or folder ...] [--repeat N]
       (default: every readable sample in samples/, OCR off)
Prints the start-up figures first, each the best of N fresh interpreters in the same run:
`python -c pass`, `import spacy`, importing the engine and loading the packs from the compiled
cache (the usual case), and compiling them into an empty cache (the first run after a change
of packs or code); then, per document, read+structure and rule-evaluation milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from validator.engine import evaluate, load_rules
from validator.model import ReadFailure
from validator.pipeline import Options, build

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {"sources", "scanned"}


def sample_files(arguments: list[str]) -> list[Path]:
    paths = [Path(a) for a in arguments] or [ROOT / "samples"]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix != ".json"
                and p.name != "README.md"
                and not SKIP_DIRS & set(p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def best_of(repeat: int, action) -> tuple[float, object]:
    timings, value = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        value = action()
        timings.append(time.perf_counter() - started)
    return min(timings), value


LOAD = "from validator.engine import load_rules; load_rules()"


def fresh(code: str, repeat: int, env: dict[str, str] | None = None, before=None) -> float:
    """Best wall time of `python -c code` in new interpreters (start-up included)."""
    timings = []
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        timings.append(time.perf_counter() - started)
    return min(timings)


def start_up(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "VALIDATOR_CACHE_DIR": folder}
        empty = Path(folder) / "rules"

        def clear() -> None:
            for stored in empty.glob("*"):
                stored.unlink()

        bare = fresh("pass", repeat)
        spacy = fresh("import spacy", repeat)
        compiling = fresh(LOAD, repeat, env, before=clear)
        fresh(LOAD, 1, env)  # fills the cache
        cached = fresh(LOAD, repeat, env)
    print(f"python -c pass                         {bare * 1000:7.0f} ms")
    print(f"import spacy                           {spacy * 1000:7.0f} ms  (baseline)")
    for label, seconds in (
        ("engine + packs, compiled cache", cached),
        ("engine + packs, empty cache", compiling),
    ):
        print(
            f"{label:<38} {seconds * 1000:7.0f} ms  {seconds / spacy:5.2f} x import spacy;"
            f" {(seconds - bare) * 1000:5.0f} ms after start-up"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()

    start_up(arguments.repeat)
    load_seconds, rules = best_of(arguments.repeat, load_rules)
    print(f"load_rules() in process ({len(rules.rules)} rules): {load_seconds * 1000:.1f} ms")
    options = Options(ocr="never")
    rows = []
    for path in sample_files(arguments.paths):
        try:
            read_seconds, document = best_of(arguments.repeat, lambda p=path: build(p, options))
        except ReadFailure:
            continue
        rule_seconds, _ = best_of(arguments.repeat, lambda d=document: evaluate(d, rules))
        rows.append((path.name, read_seconds, rule_seconds))

    width = max((len(name) for name, _, _ in rows), default=10)
    print(f"{'document':<{width}}  read+structure ms  rules ms  rules/read")
    for name, read_seconds, rule_seconds in rows:
        print(
            f"{name:<{width}}  {read_seconds * 1000:17.1f}  {rule_seconds * 1000:8.1f}"
            f"  {rule_seconds / read_seconds:10.2f}"
        )
    if rows:
        reads = [r for _, r, _ in rows]
        evaluations = [e for _, _, e in rows]
        print(
            f"median over {len(rows)} documents: read+structure "
            f"{statistics.median(reads) * 1000:.1f} ms, rules "
            f"{statistics.median(evaluations) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
