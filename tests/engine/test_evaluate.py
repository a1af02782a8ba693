from __future__ import annotations

import datetime as dt

from validator.engine import evaluate, explain, load_rules, verdict
from validator.engine.evaluate import MAX_EVIDENCE, evaluate_rule
from validator.model import Attachment, Located, Metadata, RuleResult

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


def test_not_applicable_reasons_are_plain_words(builder) -> None:
    doc = builder(["QUY CHẾ"]).document(doc_type="regulation", level="province")
    by_id = {r.rule_id: r for r in evaluate(doc, RULES, "vi")}
    assert by_id["CV3036-01"].message == "Không áp dụng cho Quy chế hoạt động."
    assert by_id["CV2657-06"].message == ("Chỉ áp dụng cho văn bản cấp xã (văn bản này: cấp tỉnh).")
    english = {r.rule_id: r for r in evaluate(doc, RULES, "en")}
    assert english["CV3036-01"].message == "Does not apply to an operating regulation."
    assert all("regulation)" not in r.message for r in by_id.values())


def test_not_applicable_before_the_effective_date(builder) -> None:
    doc = builder(["QUYẾT ĐỊNH"]).document(
        doc_type="decision", level="commune", metadata=Metadata(date=dt.date(2023, 6, 1))
    )
    outcome = evaluate_rule(doc, RULES.get("CV2657-01"), "en")
    assert outcome.status == "not_applicable"
    assert "25/08/2023" in outcome.message and "Công văn 2657/BHXH-TCCB" in outcome.message


def test_a_2019_decision_is_not_applicable(builder) -> None:
    doc = builder(["QUYẾT ĐỊNH"]).document(
        doc_type="decision", level="commune", metadata=Metadata(date=dt.date(2019, 5, 10))
    )
    results = evaluate(doc, RULES)
    assert {r.status for r in results} == {"not_applicable"}
    assert verdict(doc.doc_type, results) == "not_applicable"
    nd30 = next(r for r in results if r.rule_id == "ND30-01")
    assert "05/03/2020" in nd30.message and "Nghị định 30/2020/NĐ-CP" in nd30.message


def test_a_regulation_takes_the_date_of_its_decision(builder) -> None:
    issued = Attachment(decision_date=dt.date(2022, 3, 14))
    doc = builder(["QUY CHẾ"]).document(doc_type="regulation", level="commune", attachment=issued)
    assert evaluate_rule(doc, RULES.get("CV2657-06")).status == "not_applicable"
    later = Attachment(decision_date=dt.date(2024, 3, 14))
    doc = builder(["QUY CHẾ"]).document(doc_type="regulation", level="commune", attachment=later)
    assert evaluate_rule(doc, RULES.get("CV2657-06")).status == "fail"


def test_an_unknown_date_keeps_the_rule(builder) -> None:
    doc = builder(["QUYẾT ĐỊNH"]).document(doc_type="decision", level="commune")
    assert evaluate_rule(doc, RULES.get("CV2657-01")).status == "fail"


def test_failed_rule_says_where_it_looked_in_the_run_language(builder) -> None:
    doc = builder(["QUYẾT ĐỊNH"]).document(doc_type="decision", level="commune")
    outcome = evaluate_rule(doc, RULES.get("CV2657-01"), "en")
    assert outcome.status == "fail"
    assert outcome.looked_in == "member list (not found)"
    assert outcome.message == outcome.messages.en
    assert outcome.messages.vi == "Không tìm thấy danh sách thành viên Ban Chỉ đạo trong văn bản."


def test_problems_are_the_failed_parts_stamped_by_the_engine(builder) -> None:
    lines = ["1. Ông Nguyễn Văn An, Chủ tịch UBND xã - Trưởng ban;", "2. Bà C - Thành viên."]
    b = builder(lines)
    members = [
        b.member(lines[0], name="Nguyễn Văn An", position="Chủ tịch UBND xã", role="Trưởng ban"),
        b.member(lines[1], name="C", role="Thành viên"),
    ]
    doc = b.document(doc_type="decision", level="commune", members=members)
    outcome = evaluate_rule(doc, RULES.get("CV3036-03"))
    assert outcome.rule_id == "CV3036-03" and outcome.severity == "error"
    assert [p.vi for p in outcome.problems] == [
        "Danh sách thành viên không có Phó Trưởng ban.",
        "Ngoài Trưởng ban, Phó Trưởng ban, danh sách chỉ có 1 thành viên "
        "(«2. Bà C - Thành viên.»).",
        "1 người trong danh sách không ghi chức vụ, đơn vị: «2. Bà C - Thành viên.».",
    ]
    assert outcome.message == " ".join(p.vi for p in outcome.problems)
    # The member list it read is the evidence.
    assert [e.line for e in outcome.evidence] == [1, 2]


def test_evidence_is_never_cut_silently(builder) -> None:
    lines = [f"{i}. Ông A{i}, Công chức xã - Thành viên;" for i in range(1, 13)]
    b = builder(lines)
    members = [b.member(line, position="Công chức xã", role="Thành viên") for line in lines]
    doc = b.document(doc_type="decision", level="commune", members=members)
    outcome = evaluate_rule(doc, RULES.get("CV3036-03"))
    assert outcome.status == "fail"
    assert len(outcome.evidence) == MAX_EVIDENCE
    assert outcome.more_evidence == len(lines) - MAX_EVIDENCE


def test_a_member_list_in_a_missing_annex_fails_with_that_reason(builder) -> None:
    b = builder(["Điều 1. Kiện toàn Ban Chỉ đạo gồm các ông, bà có tên trong danh sách kèm theo."])
    annex = Located(text=b.text.text, page=1, line=1)
    doc = b.document(doc_type="decision", level="commune", members_in_missing_annex=annex)
    for rule_id in ("CV3036-03", "CV2657-01"):
        outcome = evaluate_rule(doc, RULES.get(rule_id))
        assert outcome.messages.vi == (
            "Danh sách thành viên được ghi là kèm theo quyết định nhưng tệp không có danh sách này."
        )
        assert outcome.evidence and "danh sách kèm theo" in outcome.evidence[0].text


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
    failed_note = [result("A-01", "fail", "info"), result("A-02", "pass", "error")]
    nothing_applies = [result("A-01", "not_applicable", "error")]
    assert verdict("other", failed_error) == "not_applicable"
    assert verdict("decision", failed_error) == "non_compliant"
    assert verdict("combined", failed_warning) == "compliant"
    assert verdict("decision", failed_note) == "compliant"
    assert verdict("decision", nothing_applies) == "not_applicable"


def test_explain_comes_from_the_pack_in_the_chosen_language() -> None:
    text = explain(RULES.get("CV2657-01"), "vi", outcomes=False)
    assert text.startswith("CV2657-01 [lỗi, phải sửa]")
    assert "25/08/2023" in text and "Công văn 2657/BHXH-TCCB" in text
    assert "Ví dụ (" in text and "m_vhxh: 4. Bà Phạm Thị Dung, Công chức VH-XH xã" in text
    english = explain(RULES.get("CV2657-01"), "en", outcomes=False)
    assert english.startswith("CV2657-01 [error, to fix]") and "Examples (" in english
    assert "Ví dụ" not in english


def test_explain_shows_what_the_engine_says_of_each_failing_example() -> None:
    text = explain(RULES.get("ND30-04"), "vi")
    said = (
        "→ Kết quả: Ngày dưới 10 và tháng 1, 2 phải viết thêm số 0 ở trước: «ngày 5» → «ngày 05»."
    )
    assert said in text
