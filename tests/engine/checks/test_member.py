from __future__ import annotations

from validator.engine.checks import CHECK_KINDS, PackContext
from validator.engine.context import DocContext

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
    assert not finding.matched
    assert finding.looked_in is not None and finding.looked_in.en.startswith("member list, 3")


def test_every_member_needs_a_name(builder) -> None:
    finding = run(members_doc(builder), every=True, require=["name", "position"])
    assert not finding.matched
    assert len(finding.spans) == 1  # the entry without a name is the evidence
