from __future__ import annotations

from validator.engine.checks import CHECK_KINDS, PackContext
from validator.engine.context import DocContext


def run(doc, **params):
    kind = CHECK_KINDS["section"]
    return kind.build(kind.params.model_validate(params), PackContext()).run(DocContext(doc))


def regulation(builder, body: list[str]):
    b = builder(["Điều 2. Nhiệm vụ của Ban Chỉ đạo", *body])
    article = b.node("article", "2", "Điều 2.", body[-1], heading="Nhiệm vụ của Ban Chỉ đạo")
    return b.document(articles=[article], doc_type="regulation")


PARAMS = {
    "heading": ["nhiệm vụ"],
    "heading_unless": ["thành viên"],
    "body": ["tham mưu", "kiểm tra"],
    "body_min_chars": 30,
}


def test_a_heading_with_a_real_body(builder) -> None:
    doc = regulation(builder, ["1. Tham mưu cho Ủy ban nhân dân xã chỉ đạo thực hiện chính sách."])
    finding = run(doc, **PARAMS)
    assert finding.matched and len(finding.spans) == 2


def test_a_heading_alone_is_not_enough(builder) -> None:
    finding = run(regulation(builder, ["Thực hiện theo quy định."]), **PARAMS)
    assert not finding.matched and finding.reason == "short" and finding.near
    assert finding.details["where"].vi == "Điều 2"
    assert finding.details["heading"] == "Nhiệm vụ của Ban Chỉ đạo"


def test_a_long_body_without_the_duty(builder) -> None:
    doc = regulation(
        builder, ["Ban Chỉ đạo có nhiệm vụ theo Quyết định số 125/QĐ-UBND ngày 15/9/2023."]
    )
    finding = run(doc, **PARAMS)
    assert not finding.matched and finding.reason == "body"
    assert len(finding.spans) == 2  # the heading and the body's first sentence


def test_stock_phrases_hold_no_duty(builder) -> None:
    doc = regulation(builder, ["Các thành viên phối hợp với các thành viên khác trong Ban."])
    params = {**PARAMS, "heading_unless": [], "body": ["phối hợp"]}
    assert run(doc, **params).matched
    assert run(doc, **params, ignore=["phối hợp với các thành viên khác"]).reason == "body"


def test_no_heading_and_no_regulation(builder) -> None:
    assert run(regulation(builder, ["x"]), **{**PARAMS, "heading": ["chỉ tiêu"]}).reason == "none"
    decision = builder(["Điều 1. Thành lập."]).document(doc_type="decision")
    assert run(decision, **PARAMS).reason == "scope"
