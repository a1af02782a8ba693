"""Rule evaluation time per document, next to the time it took to read and structure it.

Usage: python bench/bench_rules.py [file or folder ...] [--repeat N]
       (default: every readable sample in samples/, OCR off)
Prints, per document, read+structure seconds and rule-evaluation seconds (best of N runs), and
the one-off cost of loading and compiling the rule packs.
"""

from __future__ import annotations

import argparse
import statistics
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()

    load_seconds, rules = best_of(1, load_rules)
    print(f"load + compile {len(rules.rules)} rules: {load_seconds * 1000:.1f} ms")
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
