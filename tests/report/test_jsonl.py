from __future__ import annotations

import json

from validator.model import DocumentReport


def test_one_document_per_line(docs, run_vi, render) -> None:
    lines = render("jsonl", docs, run_vi).splitlines()
    assert len(lines) == len(docs)
    assert [DocumentReport.model_validate_json(line) for line in lines] == docs
    assert json.loads(lines[2])["error"]["code"] == "corrupt"
