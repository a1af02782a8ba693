"""A batch of hostile inputs through the real pipeline: archives that lie or nest too deep,
special files, links, odd names, damaged text. One run per output format that once lost
entries on such batches; each must give every input its entries, stay valid UTF-8, print
no traceback and leave no process behind. (bench/bench_hostile.py runs every class, huge
ones included, in every format.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import pytest
from script_loader import load_script

hostile = load_script("bench/hostile_inputs.py", "hostile_inputs")
bench = load_script("bench/bench_hostile.py", "bench_hostile")


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> list:
    folder = tmp_path_factory.mktemp("hostile")
    found = hostile.build(folder, ("archives", "special"))
    texts = folder / "texts"
    texts.mkdir()
    for name, data in (("bad-bytes.txt", hostile.text_with_bad_bytes()),
                       ("mentions-pdf.txt", hostile.text_mentioning_pdf()),
                       ("control.txt", hostile.text_with_control_characters()),
                       ("random.pdf", os.urandom(2048)),
                       (os.fsdecode(b"quy\xe9t-\xff.txt"), hostile.sample(hostile.TEXT))):
        (texts / name).write_bytes(data)
    return [*found, hostile.Hostile("texts", texts, 5)]


@pytest.mark.parametrize("output_format", ["jsonl", "sarif", "text"])
def test_a_hostile_batch_gives_every_input_its_entries(cases, output_format, tmp_path) -> None:
    tag = uuid.uuid4().hex
    out = tmp_path / f"report.{output_format}"
    command = [sys.executable, "-c", "from validator.cli import main; main()",
               *(str(case.path) for case in cases), "-f", output_format, "-o", str(out),
               "-j", "2", "--timeout", "60", "--no-progress"]
    result = subprocess.run(command, capture_output=True, check=False, cwd=tmp_path,
                            env={**os.environ, bench.TAG: tag,
                                 "XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 3
    assert b"Traceback" not in result.stderr
    text = out.read_bytes().decode("utf-8")  # valid UTF-8
    assert bench.count_entries(output_format, text) == sum(case.entries for case in cases)
    assert bench.leftovers(tag) == []
    if output_format == "jsonl":
        entries = [json.loads(line) for line in text.splitlines()]
        for case in cases:
            mine = [e for e in entries if e["path"].startswith(str(case.path))]
            assert len(mine) == case.entries, case.name
            if case.verdicts:
                assert [e["verdict"] for e in mine] == list(case.verdicts), case.name
            if case.codes:
                assert [e["error"] and e["error"]["code"] for e in mine] == list(case.codes)
        assert not any("lỗi nội bộ" in e["error"]["message"] for e in entries if e["error"])
        assert not any("root:" in json.dumps(e) for e in entries)  # /etc/passwd never read
    if output_format == "text":
        assert "\x1b" not in text and "\x07" not in text and "\\x1b" in text
