from __future__ import annotations

import datetime as dt

from validator.engine import evaluate, explain, load_rules, verdict
from validator.engine.evaluate import evaluate_rule
from validator.model import Located, Metadata, RuleResult

RULES = load_rules()


def result(rule_id: str, status: str, severity: str) -> RuleResult:
    return RuleResult(
        rule_id=rule_id,
        status=status,
        severity=severity,
        title={"vi": "t", "en": "t"},
        message="m",
        messages={"vi": "m", "en": "m"},
        source="s",
    )


def test_every_rule_appears_and_other_documents_run_only_nd30(builder) -> None:
    doc = builder(["CÔNG VĂN", "Kính gửi: BHXH huyện."]).document(doc_type="other")
    results = evaluate(doc, RULES)
    assert [r.rule_id for r in results] == [r.id for r in RULES.rules]
    applicable = {r.rule_id for r in results if r.status != "not_applicable"}
    assert applicable and all(rule_id.startswith("ND30") for rule_id in applicable)


def test_not_applicable_before_the_effective_date(builder) -> None:
    doc = builder(["QUYẾT ĐỊNH"]).document(
        doc_type="decision", level="commune", metadata=Metadata(date=dt.date(2023, 6, 1))
    )
    outcome = evaluate_rule(doc, RULES.get("CV2657-01"), "en")
    assert outcome.status == "not_applicable"
    assert "25/08/2023" in outcome.message


def test_failed_rule_says_where_it_looked_in_the_run_language(builder) -> None:
    doc = builder(["QUYẾT ĐỊNH"]).document(doc_type="decision", level="commune")
    outcome = evaluate_rule(doc, RULES.get("CV2657-01"), "en")
    assert outcome.status == "fail"
    assert outcome.looked_in == "member list, 0 entries"
    assert outcome.message == outcome.messages.en


def test_evidence_quotes_original_text_and_flags_low_ocr_confidence(builder) -> None:
    b = builder(["Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã"], confidence=42)
    summary = Located(text=b.text.text, page=1, line=1)
    doc = b.document(doc_type="decision", metadata=Metadata(summary=summary))
    outcome = evaluate_rule(doc, RULES.get("CV3036-02"))
    assert outcome.status == "pass"
    (evidence,) = outcome.evidence
    assert evidence.page == 1 and evidence.line == 1 and evidence.low_confidence
    assert "kiện toàn" in evidence.text


def test_verdict() -> None:
    failed_error = [result("A-01", "fail", "error"), result("A-02", "pass", "error")]
    failed_warning = [result("A-01", "fail", "warning"), result("A-02", "pass", "error")]
    assert verdict("other", failed_error) == "not_applicable"
    assert verdict("decision", failed_error) == "non_compliant"
    assert verdict("combined", failed_warning) == "compliant"


def test_explain_comes_from_the_pack() -> None:
    text = explain(RULES.get("CV2657-01"))
    assert text.startswith("CV2657-01 [error]")
    assert "25/08/2023" in text and "Công văn 2657/BHXH-TCCB" in text
