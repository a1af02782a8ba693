"""Cold start: one text PDF checked by a fresh `validate` process, against `import spacy`.

    .venv/bin/python bench/bench_cold.py [--rounds 7] [--file samples/qd-tinh-2020-table.pdf]
                                         [--checkout DIR]

Each round starts both commands anew, alternating, and the medians are compared:
- baseline: `python -c "import spacy"` (the one library every check needs);
- validate: `validate FILE` with its text report sent to /dev/null (the default: as many jobs
  as CPUs, the local pool).
Target (issue 15): validate / baseline <= 1.5.

Both run with compiled bytecode in a private cache folder (PYTHONPYCACHEPREFIX), filled by one
unmeasured warm-up round, as an installed package would have it; the rule set cache is the
user's, filled by the warm-up too. `--checkout DIR` runs another checkout's code (`validator`
from DIR) instead, for a before/after comparison.
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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "samples" / "qd-tinh-2020-table.pdf"
TARGET = 1.5


def _validate(checkout: str | None) -> list[str]:
    prefix = f"import sys; sys.path.insert(0, {checkout!r}); " if checkout else ""
    return [sys.executable, "-c", f"{prefix}from validator.console import main; main()"]


def _seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--checkout", help="run the code of another checkout (a folder)")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"skipped: {args.file} is missing")
        return
    baseline = [sys.executable, "-c", "import spacy"]
    validate = [*_validate(args.checkout), str(args.file)]
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as pycache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pycache
        _seconds(baseline, env)
        _seconds(validate, env)
        spacy, checked = [], []
        for _ in range(args.rounds):
            spacy.append(_seconds(baseline, env))
            checked.append(_seconds(validate, env))
    spacy_s, checked_s = statistics.median(spacy), statistics.median(checked)
    ratio = checked_s / spacy_s
    print(f"cold start, {args.rounds} rounds (medians), load average "
          f"{os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs")
    print(f"  python -c 'import spacy'   {spacy_s:6.3f} s")
    print(f"  validate {args.file.name:<17} {checked_s:6.3f} s")
    print(f"  ratio {ratio:.2f} (target <= {TARGET}) {'OK' if ratio <= TARGET else 'MISSED'}")


if __name__ == "__main__":
    main()
