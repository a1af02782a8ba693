from __future__ import annotations

import json

import jsonschema

from validator.model import Report
from validator.report.formatters.base import RunInfo
from validator.schema import report_schema, schema_text, shipped_schema_text


def test_json_validates_against_the_shipped_schema(docs, run_info: RunInfo, render) -> None:
    data = json.loads(render("json", docs, run_info))
    jsonschema.Draft202012Validator(json.loads(shipped_schema_text())).validate(data)
    assert data["schema_version"] == "1"
    assert data["tool"]["name"] == "validator" and data["tool"]["version"] == "0.1.0"
    assert [d["path"] for d in data["documents"]] == [d.path for d in docs]
    assert data["summary"] == {"documents": 4, "compliant": 1, "non_compliant": 1,
                               "not_applicable": 1, "error": 1, "dossiers": [],
                               "complete": True}


def test_streamed_json_equals_the_model_dump(docs, run_vi: RunInfo, render) -> None:
    streamed = json.loads(render("json", docs, run_vi))
    report = Report.model_validate(streamed)
    assert streamed == json.loads(report.model_dump_json())
    assert report.documents == docs


def test_json_of_no_documents(run_vi: RunInfo, render) -> None:
    data = json.loads(render("json", [], run_vi))
    assert data["documents"] == []
    assert data["summary"]["documents"] == 0


def test_results_keep_spec_field_names(docs, run_vi: RunInfo, render) -> None:
    result = json.loads(render("json", docs, run_vi))["documents"][1]["results"][0]
    assert {"rule_id", "status", "severity", "message", "evidence", "source"} <= set(result)
    assert result["evidence"][0] == {"text": docs[1].results[0].evidence[0].text, "page": 1,
                                     "line": 12, "low_confidence": False}


def test_shipped_schema_is_the_generated_one() -> None:
    assert shipped_schema_text() == schema_text()
    assert report_schema()["$schema"].endswith("2020-12/schema")
