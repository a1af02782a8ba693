"""Build the sample corpus in samples/ (documents, their source texts and manifest.json).

Every sample is composed as a list of blocks (samples_blocks: letterhead, paragraphs, tables,
signer block) by the catalogue (samples_catalogue and its per-level modules), then written in
one or more formats: DOCX with python-docx (samples_docx_writer), PDF and DOC through
LibreOffice (samples_office), plain text in several encodings, TCVN3/VNI through
validator.read.legacy.encode (samples_legacy), and a few PDFs drawn directly with reportlab
(samples_pdf_painter); samples_manifest says what each file must read as. The composed text of
each document goes to tests/data/sources/<id>.txt so tests can compare what a reader extracts
with what was written (kept out of samples/, where `make run` would check every document twice).

Run: .venv/bin/python scripts/build_samples.py
The output is deterministic except where LibreOffice writes .doc files (OLE timestamps).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import random
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # siblings import one another by name

from samples_catalogue import OUTPUTS, compose_all
from samples_docx_writer import DocxWriter, FontPlan, unicode_runs
from samples_expectations import SEVERITY
from samples_legacy import load_encoder, tcvn3_runs, write_text
from samples_manifest import manifest_entry
from samples_office import soffice, stable_pdf
from samples_pdf_painter import paint_encrypted, paint_tcvn3

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SOURCES = ROOT / "tests" / "data" / "sources"  # the composed texts: test data, not samples
LEGACY = {"docx-tcvn3", "doc-tcvn3", "pdf-tcvn3", "txt-vni"}


def build(out: Path) -> list[dict]:
    docs = {d.id: d for d in compose_all()}
    encode = load_encoder()
    work = Path(tempfile.mkdtemp(prefix="build-samples-"))
    SOURCES.mkdir(parents=True, exist_ok=True)
    try:
        for doc in docs.values():
            (SOURCES / f"{doc.id}.txt").write_text(doc.text(), encoding="utf-8")
        # Word files first: the PDF and DOC samples are converted from them.
        word = {name: docs[d] for name, d, how in OUTPUTS if d and how in (
            "docx", "pdf", "doc", "docx-as-pdf", "truncated")}
        word_files: dict[str, Path] = {}
        for doc in {d.id: d for d in word.values()}.values():
            path = work / f"{doc.id}.docx"
            DocxWriter(FontPlan(unicode_runs)).write(doc.blocks, path)
            word_files[doc.id] = path
        if encode:
            doc = docs["qd-xa-quynh-lam-2023-tcvn3"]
            path = work / "tcvn3" / f"{doc.id}.docx"
            path.parent.mkdir()
            DocxWriter(FontPlan(tcvn3_runs(encode))).write(doc.blocks, path)
            word_files["tcvn3"] = path
        pdf_ids = sorted({d for _, d, how in OUTPUTS if how in ("pdf", "truncated") and d})
        doc_ids = sorted({d for _, d, how in OUTPUTS if how == "doc" and d})
        (work / "pdf").mkdir()
        (work / "doc").mkdir()
        soffice([word_files[i] for i in pdf_ids], "pdf", work / "pdf", "pdf")
        doc_inputs = [word_files[i] for i in doc_ids]
        if encode:
            doc_inputs.append(word_files["tcvn3"])
        soffice(doc_inputs, "doc:MS Word 97", work / "doc", "doc")

        entries = []
        for name, doc_id, how in OUTPUTS:
            if how in LEGACY and not encode:
                continue
            target = out / name
            doc = docs.get(doc_id) if doc_id else None
            charset = None
            if how == "docx":
                shutil.copyfile(word_files[doc_id], target)
            elif how == "pdf":
                data = (work / "pdf" / f"{doc_id}.pdf").read_bytes()
                target.write_bytes(stable_pdf(data, name))
            elif how in ("doc", "doc-tcvn3"):
                shutil.copyfile(work / "doc" / f"{doc_id}.doc", target)
            elif how == "docx-tcvn3":
                shutil.copyfile(word_files["tcvn3"], target)
            elif how.startswith("txt-"):
                charset = write_text(doc, target, how, encode)
            elif how == "pdf-tcvn3":
                paint_tcvn3(doc, target, work, encode)
            elif how == "empty":
                target.write_bytes(b"")
            elif how == "truncated":
                data = stable_pdf((work / "pdf" / f"{doc_id}.pdf").read_bytes(), name)
                target.write_bytes(data[: len(data) // 2])
            elif how == "encrypted":
                paint_encrypted(doc, target)
            elif how == "docx-as-pdf":
                shutil.copyfile(word_files[doc_id], target)
            elif how == "random":
                rng = random.Random("bad-random.pdf")
                target.write_bytes(b"\x00\x9c" + rng.randbytes(4094))
            entries.append(manifest_entry(name, doc, how, charset, target))
        return entries
    finally:
        shutil.rmtree(work, ignore_errors=True)


# Defect-class corpora, one module each: scripts/samples_<topic>.py defines
# `build(folder: Path) -> None`, which writes samples/<topic>/ (documents and a manifest.json
# of what each one must read as). `build_samples.py --topic NAME` rebuilds one of them alone.
TOPICS: tuple[str, ...] = ("docx", "dossiers", "members", "pdf", "scans")


def build_topic(topic: str) -> None:
    module = _topic_module(topic)
    folder = SAMPLES / topic
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    module.build(folder)
    print(f"samples/{topic}/: {sum(1 for _ in folder.iterdir())} files")


def _topic_module(topic: str):
    path = Path(__file__).with_name(f"samples_{topic}.py")
    spec = importlib.util.spec_from_file_location(f"samples_{topic}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--topic"] and len(args) == 2:
        build_topic(args[1])
        return 0
    SAMPLES.mkdir(exist_ok=True)
    # Remove only what this script writes: other people keep their own files in samples/.
    for name, _, _ in OUTPUTS:
        (SAMPLES / name).unlink(missing_ok=True)
    if SOURCES.exists():
        shutil.rmtree(SOURCES)
    entries = build(SAMPLES)
    manifest = {
        "generated_by": "scripts/build_samples.py",
        "rule_severity": SEVERITY,
        "files": entries,
    }
    (SAMPLES / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    total = sum(e["bytes"] for e in entries)
    print(f"{len(entries)} samples, {total / 1024:.0f} KB in {SAMPLES}")
    for topic in TOPICS:
        build_topic(topic)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
