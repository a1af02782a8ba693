from __future__ import annotations

import xml.etree.ElementTree as ET


def test_one_testcase_per_document_and_rule(docs, run_vi, render) -> None:
    root = ET.fromstring(render("junit", docs, run_vi))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [d.path for d in docs]
    assert all(len(s.findall("testcase")) == 3 for s in suites)
    ok, bad, unreadable, other = suites
    assert ok.get("failures") == "0" and ok.get("skipped") == "1"
    assert bad.get("failures") == "1"
    failure = bad.find("testcase/failure")
    assert failure is not None and failure.get("type") == "error"
    assert "<script>" in (failure.text or "")  # escaped in the XML, text once parsed
    assert bad.findall("testcase")[2].find("system-out") is not None  # a failed info rule
    assert unreadable.get("errors") == "3"
    assert {e.get("type") for e in unreadable.iter("error")} == {"corrupt"}
    assert other.get("skipped") == "2"
    verdict = bad.find("properties/property[@name='verdict']")
    assert verdict is not None and verdict.get("value") == "non_compliant"
