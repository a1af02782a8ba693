from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from validator.report.formatters.sarif import READ_ERROR_ID

SUBSET = Path(__file__).with_name("data") / "sarif-2.1.0-subset.schema.json"


def _sarif(render, docs, run) -> dict:
    return json.loads(render("sarif", docs, run))


def test_sarif_validates_against_the_schema(docs, run_info, render) -> None:
    schema = json.loads(SUBSET.read_text(encoding="utf-8"))
    log = _sarif(render, docs, run_info)
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    assert log["version"] == "2.1.0"


def test_rules_have_stable_ids_and_metadata(docs, run_vi, render) -> None:
    driver = _sarif(render, docs, run_vi)["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == ["CV3036-03", "CV3036-02", "ND30-04",
                                                  READ_ERROR_ID]
    first = driver["rules"][0]
    assert first["defaultConfiguration"] == {"level": "error"}
    assert first["shortDescription"]["text"] == "Thành phần Ban Chỉ đạo"
    assert first["properties"]["title_en"] == "Committee composition"
    assert driver["rules"][2]["defaultConfiguration"] == {"level": "note"}


def test_results_for_failures_with_locations_and_fingerprints(docs, run_vi, render) -> None:
    run = _sarif(render, docs, run_vi)["runs"][0]
    results = run["results"]
    keys = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for r in results]
    assert keys == [
        ("CV3036-02", "a/qd-tinh.pdf"),
        ("CV3036-03", "b/qd%20x%C3%A3%20%3Cx%3E.docx"),
        ("ND30-04", "b/qd%20x%C3%A3%20%3Cx%3E.docx"),
        (READ_ERROR_ID, "c/hong.pdf"),
    ]
    composition = results[1]
    location = composition["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": 12}
    assert location["properties"] == {"page": 1, "line": 12}
    assert composition["relatedLocations"][0]["properties"] == {"page": 3, "line": 4}
    assert composition["level"] == "error" and composition["ruleIndex"] == 0
    assert results[2]["level"] == "note"
    fingerprints = [r["partialFingerprints"]["documentRule/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    assert _sarif(render, docs, run_vi)["runs"][0]["results"][1]["partialFingerprints"] == (
        composition["partialFingerprints"])
    assert run["properties"]["summary"]["documents"] == 4
