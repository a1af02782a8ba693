from __future__ import annotations

from validator.engine.checks import CHECK_KINDS, PackContext
from validator.engine.context import DocContext
from validator.model import Located, Metadata

PACK = PackContext(synonyms={"vhxh": ["Văn hóa - Xã hội", "VH-XH", "VHXH"], "bhxh": ["BHXH"]})


def run(doc, **params):
    kind = CHECK_KINDS["phrase"]
    return kind.build(kind.params.model_validate(params), PACK).run(DocContext(doc))


def test_variants_tolerate_case_tone_marks_dashes_and_abbreviations(builder) -> None:
    b = builder(["Công chức Văn hoá – xã hội xã", "CÔNG CHỨC VH-XH"])
    doc = b.document()
    finding = run(doc, scope="all", within="line", find=["công chức {vhxh}"], min=2)
    assert finding.matched
    assert len(finding.spans) == 2


def test_phrase_across_a_wrapped_line(builder) -> None:
    doc = builder(["Giao chỉ tiêu phát triển người", "tham gia cho từng thành viên."]).document()
    assert run(doc, scope="all", within="scope", find=["phát triển người tham gia"]).matched


def test_near_groups_must_share_the_unit(builder) -> None:
    b = builder(["Các thành viên báo cáo hằng quý.", "Gửi về Thường trực."])
    doc = b.document(sentences=[b.span("Các thành viên", "quý."), b.span("Gửi", "trực.")])
    params = {"scope": "all", "find": ["báo cáo"], "near": [["hằng quý"], ["gửi"]]}
    missed = run(doc, within="sentence", **params)
    assert not missed.matched
    # The nearest unit is named with the group it lacks: the recipient (near.1).
    assert missed.reason == "near.1" and missed.near
    assert missed.spans == (b.span("Các thành viên", "quý."),)  # that sentence is quoted
    assert run(doc, within="scope", **params).matched


def test_unless_disqualifies_the_unit(builder) -> None:
    doc = builder(["Họp định kỳ để nghe báo cáo tình hình."]).document()
    finding = run(doc, scope="all", within="line", find=["báo cáo"], unless=["nghe báo cáo"])
    assert not finding.matched and finding.reason == "unless"


def test_segments_give_each_role_its_own_piece(builder) -> None:
    line = (
        "Trưởng ban lãnh đạo chung; Phó Trưởng ban theo dõi, đôn đốc; "
        "các thành viên thực hiện nhiệm vụ do Trưởng ban phân công."
    )
    doc = builder([line]).document()
    members = {
        "scope": "all", "find": ["các thành viên"], "near": [["lãnh đạo", "theo dõi", "phân công"]],
        "opens": True, "ignore": ["nhiệm vụ do Trưởng ban phân công"],
    }  # fmt: skip
    assert run(doc, within="line", **members).matched is False  # opens: not at the line start
    finding = run(doc, within="segment", **members)
    assert finding.reason == "near.0"  # its own piece holds only the stock phrase
    assert run(doc, within="segment", **{**members, "ignore": ()}).matched


def test_a_phrase_found_only_outside_the_scope(builder) -> None:
    b = builder(["Căn cứ Công văn về việc hợp nhất các Ban Chỉ đạo;", "Điều 1. Thành lập Ban."])
    article = b.node("article", "1", "Điều 1.", "Ban.")
    bases = [Located(text=b.text.lines[0].text, page=1, line=1)]
    doc = b.document(articles=[article], metadata=Metadata(legal_basis_lines=bases))
    finding = run(doc, scope="main", find=["hợp nhất"])
    assert finding.reason == "outside" and finding.details["phrase"] == "hợp nhất"
    assert finding.details["found_in"].vi == "phần căn cứ"


def test_scope_keeps_legal_bases_out(builder) -> None:
    b = builder(["Căn cứ Công văn về việc hợp nhất các Ban Chỉ đạo;", "Điều 1. Thành lập Ban."])
    article = b.node("article", "1", "Điều 1.", "Ban.")
    doc = b.document(articles=[article])
    finding = run(doc, scope="main", find=["hợp nhất"])
    assert not finding.matched
    assert finding.looked_in is not None and "Điều 1" in finding.looked_in.vi


def test_headings_false_ignores_a_heading_alone(builder) -> None:
    b = builder(["Điều 7. Giải pháp cho thời gian tới", "Thực hiện theo kế hoạch."])
    article = b.node("article", "7", "Điều 7.", "kế hoạch.", heading="Giải pháp cho thời gian tới")
    doc = b.document(articles=[article], doc_type="regulation")
    params = {
        "scope": "regulation",
        "within": "article",
        "find": ["giải pháp"],
        "near": [["thời gian tới"]],
    }
    assert run(doc, **params).matched
    assert not run(doc, headings=False, **params).matched


def test_marks_keeps_diacritics(builder) -> None:
    doc = builder(["Ông A, Trưởng ban Dân vận"]).document()
    assert run(doc, scope="all", find=["trưởng bản"]).matched  # loose: ban == bản
    assert not run(doc, scope="all", find=["trưởng bản"], marks=True).matched
