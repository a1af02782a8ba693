"""Which converter reads a Word 97-2003 .doc best: antiword, catdoc, or LibreOffice -> DOCX.

For each .doc in samples/ (and in ../shared/real/originals when present) and each converter:
seconds, lines, lines that start with a list number ("1.", "a)", "II."), whether the national
motto stands on a line of its own (the letterhead's two columns kept apart), and for samples,
the share of the composed text's lines found again (tests/data/sources/<id>.txt). The converter
texts go through the same table and legacy-font handling validator.read.doc gives them.

    .venv/bin/python bench/bench_doc.py
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator.read import doc  # noqa: E402
from validator.read.docx import read_docx  # noqa: E402

REAL = ROOT.parent.parent / "shared" / "real" / "originals"
_NUMBERED = re.compile(r"^\s*(\d{1,3}|[a-zđ]|[IVXL]{1,5})[.)]\s")
_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def text_converter(name: str, command: list[str]):
    def convert(source: Path) -> list[str]:
        output = doc._run([*command, str(source)], str(source.parent)) or ""
        text, _ = doc._decode_legacy(doc._tables_to_tabs(output))
        return text.split("\n")

    convert.__name__ = name
    return convert


def libreoffice(source: Path) -> list[str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    converted = doc._libreoffice(soffice, source, "docx") if soffice else None
    if converted is None:
        return []
    return [line.text for line in read_docx(converted.read_bytes()).lines]


CONVERTERS = [
    text_converter("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0"]),
    text_converter("catdoc", ["catdoc", "-f", "plain", "-d", "utf-8", "-w"]),
    libreoffice,
]


def _key(line: str) -> str:
    return " ".join(unicodedata.normalize("NFC", line).split()).casefold()


def recall(lines: list[str], source: Path) -> str:
    if not source.exists():
        return "-"
    wanted = {_key(line) for line in source.read_text(encoding="utf-8").split("\n")
              if len(line.strip()) > 3 and "\t" not in line}
    got = {_key(line) for line in lines}
    return f"{len(wanted & got) / max(len(wanted), 1):.0%}"


def main() -> int:
    files = sorted((ROOT / "samples").glob("*.doc"))
    if REAL.is_dir():
        files += sorted(REAL.glob("*.doc"))
    print(f"{'file':44} {'converter':10} {'s':>6} {'lines':>6} {'numbered':>8} "
          f"{'motto alone':>11} {'recall':>6}")
    totals: dict[str, float] = {}
    for path in files:
        for convert in CONVERTERS:
            with tempfile.TemporaryDirectory() as folder:
                source = Path(folder, "input.doc")
                shutil.copyfile(path, source)
                doc._catdoc_keeps_soft_hyphens(Path(folder))
                start = time.perf_counter()
                lines = convert(source)
                seconds = time.perf_counter() - start
            totals[convert.__name__] = totals.get(convert.__name__, 0) + seconds
            texts = [line for line in lines if line.strip()]
            numbered = sum(1 for line in texts if _NUMBERED.match(line))
            alone = any(line.strip() == _MOTTO for line in texts)
            source_text = ROOT / "tests" / "data" / "sources" / (path.stem + ".txt")
            print(f"{path.name[:44]:44} {convert.__name__:10} {seconds:6.2f} {len(texts):6} "
                  f"{numbered:8} {'yes' if alone else 'no':>11} {recall(texts, source_text):>6}")
    base = totals.get("antiword") or 1e-9
    print("total seconds:", {name: round(value, 2) for name, value in totals.items()},
          f"LibreOffice / antiword = {totals.get('libreoffice', 0) / base:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
