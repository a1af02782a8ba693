from __future__ import annotations

from validator.engine.checks import CHECK_KINDS, PackContext
from validator.engine.context import DocContext
from validator.model import Located

LINES = [
    "1. Ông Nguyễn Văn An, Chủ tịch UBND xã - Trưởng ban;",
    "2. Bà Trần Thị Bình, Phó Chủ tịch UBND xã - Phó Trưởng ban;",
    "3. Nhân viên Bưu điện văn hóa xã - Thành viên.",
]


def members_doc(builder):
    b = builder(LINES)
    members = [
        b.member(LINES[0], name="Nguyễn Văn An", position="Chủ tịch UBND xã", role="Trưởng ban"),
        b.member(
            LINES[1], name="Trần Thị Bình", position="Phó Chủ tịch UBND xã", role="Phó Trưởng ban"
        ),
        b.member(LINES[2], position="Nhân viên Bưu điện văn hóa xã", role="Thành viên"),
    ]
    return b.document(members=members, member_list_span=b.span(LINES[0], LINES[2]))


def run(doc, **params):
    kind = CHECK_KINDS["member"]
    return kind.build(kind.params.model_validate(params), PackContext()).run(DocContext(doc))


def test_role_with_exclusion(builder) -> None:
    doc = members_doc(builder)
    finding = run(doc, role=["trưởng ban"], role_unless=["phó"])
    assert finding.matched and len(finding.spans) == 1
    assert not run(doc, role=["trưởng ban"], role_unless=["phó"], min=2).matched


def test_position_that_merely_shares_a_word(builder) -> None:
    finding = run(members_doc(builder), position=["điểm thu", "dịch vụ thu"])
    assert not finding.matched and finding.reason == "missing"
    assert finding.looked_in is not None and finding.looked_in.en.startswith("member list (3")
    assert len(finding.spans) == 3  # a failure quotes the whole list it read


def test_a_similar_member_is_named(builder) -> None:
    finding = run(members_doc(builder), position=["điểm thu"], similar=["bưu điện"])
    assert finding.reason == "similar" and finding.near
    assert finding.details["who"] == "«Nhân viên Bưu điện văn hóa xã»"


def test_excluded_member_is_named(builder) -> None:
    finding = run(members_doc(builder), position=["ubnd"], position_unless=["chủ tịch"])
    assert finding.reason == "unless"
    assert "Chủ tịch UBND xã" in str(finding.details["who"])


def test_too_few_says_how_many(builder) -> None:
    finding = run(members_doc(builder), role=["trưởng ban"], min=3)
    assert finding.reason == "too_few" and finding.details["count"] == "2"


def test_every_member_needs_a_name(builder) -> None:
    finding = run(members_doc(builder), every=True, require=["name", "position"])
    assert not finding.matched and finding.reason == "every"
    assert finding.details["count"] == "1"
    assert finding.details["who"] == "«3. Nhân viên Bưu điện văn hóa xã - Thành viên.»"
    assert len(finding.spans) == 3


def test_words_outside_the_list(builder) -> None:
    b = builder([*LINES, "Nơi nhận:", "- BHXH huyện Đức Thọ;"])
    members = members_doc(builder).members
    doc = b.document(members=members, member_list_span=b.span(LINES[0], LINES[2]))
    finding = run(doc, position=["bhxh huyện"])
    assert finding.reason == "outside" and finding.details["phrase"] == "BHXH huyện"


def test_a_list_in_a_missing_annex(builder) -> None:
    b = builder(["Điều 1. Kiện toàn Ban Chỉ đạo (có danh sách kèm theo).", "Điều 2. Hiệu lực."])
    annex = Located(text="(có danh sách kèm theo)", page=1, line=1)
    doc = b.document(members_in_missing_annex=annex)
    finding = run(doc, role=["trưởng ban"])
    assert finding.reason == "annex_missing"
    assert finding.spans  # the sentence that says where the list is
    assert run(b.document(), role=["trưởng ban"]).reason == "no_list"
