from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from validator.engine.checks import CHECK_KINDS, PackContext
from validator.engine.context import DocContext
from validator.model import LegalReference, Located, Metadata, Signer


def run(kind_name, doc, **params):
    kind = CHECK_KINDS[kind_name]
    return kind.build(kind.params.model_validate(params), PackContext()).run(DocContext(doc))


def dated_doc(builder, date_line: str, date: dt.date | None):
    b = builder(["Số: 57/QĐ-UBND", date_line])
    metadata = Metadata(
        number="57",
        symbol="QĐ-UBND",
        place="An Bình",
        date=date,
        number_line=Located(text="Số: 57/QĐ-UBND", page=1, line=1),
        date_line=Located(text=date_line, page=1, line=2),
        signer=Signer(
            authority=None, position="PHÓ CHỦ TỊCH", name="Trần Thị Bình", page=1, line=2
        ),
    )
    return b.document(metadata=metadata, doc_type="decision")


@pytest.mark.parametrize(
    ("line", "reason", "detail"),
    [
        ("An Bình, ngày 05 tháng 02 năm 2024", None, None),
        ("An Bình, ngày 5 tháng 9 năm 2023", "leading_zero", "«ngày 5» → «ngày 05»"),
        ("An Bình, ngày 15 tháng 2 năm 2024", "leading_zero", "«tháng 2» → «tháng 02»"),
        ("An Bình, ngày 5 tháng 1 năm 2024", "leading_zero", "«ngày 5» → «ngày 05», «tháng 1»"),
        ("An Bình, ngày 30 tháng 02 năm 2024", "valid_date", "30/02/2024"),
        ("An Bình, ngày    tháng 9 năm 2025", "valid_date", "tháng 9 năm 2025"),
    ],
)
def test_date_line_names_its_defect(builder, line: str, reason, detail) -> None:
    doc = dated_doc(builder, line, None)
    finding = run("field", doc, field="metadata.date_line", valid_date=True, leading_zero=True)
    assert finding.matched is (reason is None)
    assert finding.reason == reason
    if detail is not None:
        assert any(detail in str(value) for value in finding.details.values()), finding.details
    assert finding.spans  # the date line is quoted either way
    assert finding.looked_in is not None and finding.looked_in.vi == "dòng địa danh, ngày tháng"


def test_symbol_pattern_by_form(builder) -> None:
    doc = dated_doc(builder, "ngày 05 tháng 10 năm 2023", None)
    assert run("field", doc, field="metadata.symbol", pattern_for={"decision": "^QĐ-"}).matched
    wrong = run("field", doc, field="metadata.symbol", pattern_for={"decision": "^UBND-"})
    assert wrong.reason == "pattern_for.decision" and wrong.details["value"] == "QĐ-UBND"
    # No type name and no type abbreviation: a công văn, held to the letter's pattern only.
    doc.metadata = doc.metadata.model_copy(update={"symbol": "UBND-VX"})
    by_form = {"decision": "^QĐ-", "letter": "^(?!QĐ-)"}
    assert run("field", doc, field="metadata.symbol", pattern_for=by_form).matched
    # The type name says it is a decision: the decision's pattern applies.
    quyet_dinh = Located(text="QUYẾT ĐỊNH", page=1, line=1)
    doc.metadata = doc.metadata.model_copy(update={"type_name": quyet_dinh})
    assert not run("field", doc, field="metadata.symbol", pattern_for=by_form).matched


def test_signer_fields(builder) -> None:
    doc = dated_doc(builder, "ngày 05 tháng 10 năm 2023", None)
    assert run("field", doc, field="metadata.signer.name", min_words=2).matched
    assert not run("field", doc, field="metadata.signer.authority").matched


def test_bad_field_path_is_rejected() -> None:
    with pytest.raises(ValidationError):
        CHECK_KINDS["field"].params.model_validate({"field": "signer.name"})


def test_date_compare(builder) -> None:
    doc = dated_doc(builder, "ngày 20 tháng 10 năm 2020", dt.date(2020, 10, 20))
    deadline = dt.date(2020, 10, 31)
    assert run("date", doc, op="on_or_before", value=deadline).matched
    assert not run("date", doc, op="after", value=deadline).matched
    no_date = dated_doc(builder, "ngày 20 tháng 10 năm 2020", None)
    assert not run("date", no_date, op="on_or_before", value=deadline).matched


def test_cites_structured_reference_or_basis_line(builder) -> None:
    line = "Căn cứ Công văn số 3036/BHXH-BT ngày 24/9/2020 của BHXH Việt Nam;"
    b = builder([line])
    reference = LegalReference(
        kind="Công văn", number="3036", symbol="BHXH-BT", text=line, page=1, line=1
    )
    located = Located(text=line, page=1, line=1)
    params = {"kind": ["Công văn"], "number": "3036", "symbol": "bhxh-bt"}
    doc = b.document(metadata=Metadata(legal_bases=[reference], legal_basis_lines=[located]))
    assert run("cites", doc, **params).matched
    bare = b.document(metadata=Metadata(legal_basis_lines=[located]))
    assert not run("cites", bare, **params).matched
    assert run("cites", bare, text=["3036/BHXH-BT"], **params).matched
