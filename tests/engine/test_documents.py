"""Whole documents through every rule: the two seed công văn, an attached regulation, a
decision from before every pack's date. The templates are the packs' own."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator.engine import evaluate, load_rules, verdict
from validator.engine.loader import template_text
from validator.structure import document_from_text

RULES = load_rules()
SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def template(name: str, **fill: str) -> str:
    return template_text(name, fill)


def statuses(text: str) -> dict[str, str]:
    return {r.rule_id: r.status for r in evaluate(document_from_text(text), RULES)}


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("cv-*.txt")), ids=lambda p: p.stem)
def test_the_seed_cong_van_get_no_format_failure(seed: Path) -> None:
    doc = document_from_text(seed.read_text(encoding="utf-8"))
    results = evaluate(doc, RULES)
    failed = [f"{r.rule_id}: {r.message}" for r in results if r.status == "fail"]
    assert not failed
    assert {r.rule_id for r in results if r.status == "pass"} >= {"ND30-03", "ND30-05"}


def test_an_attached_regulation_has_no_number_date_signer_or_recipients() -> None:
    text = template("regulation").replace(
        "Quy chế này có hiệu lực kể từ ngày ký.",
        "Quy chế này có hiệu lực kể từ ngày ký.\nTRƯỞNG BAN\nNguyễn Văn An",
    )
    doc = document_from_text(text)
    assert doc.doc_type == "regulation" and doc.metadata.signer is not None
    results = {r.rule_id: r for r in evaluate(doc, RULES)}
    for rule_id in ("ND30-03", "ND30-04", "ND30-06", "ND30-07"):
        assert results[rule_id].status == "not_applicable"
        assert results[rule_id].message == (
            "Không áp dụng cho Quy chế ban hành kèm theo quyết định."
        )
    assert results["ND30-08"].status == "pass"


def test_a_2019_decision_is_not_applicable() -> None:
    text = template("commune_decision", date_line="An Bình, ngày 12 tháng 3 năm 2019")
    doc = document_from_text(text)
    assert doc.doc_type == "decision"
    results = evaluate(doc, RULES)
    assert {r.status for r in results} == {"not_applicable"}
    assert verdict(doc.doc_type, results) == "not_applicable"


def test_a_2021_regulation_of_a_commune_is_held_to_3036_not_2657() -> None:
    issued = (
        "(Ban hành kèm theo Quyết định số 86/QĐ-UBND ngày 14 tháng 3 năm 2021 "
        "của Chủ tịch Ủy ban nhân dân xã An Bình)"
    )
    found = statuses(template("regulation", issued_by=issued, targets=""))
    assert found["CV2657-06"] == "not_applicable"
    assert found["CV3036-05"] == "pass"
