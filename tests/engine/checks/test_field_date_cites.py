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
    ("line", "ok"),
    [
        ("An Bình, ngày 05 tháng 02 năm 2024", True),
        ("An Bình, ngày 5 tháng 9 năm 2023", False),
        ("An Bình, ngày 15 tháng 2 năm 2024", False),
        ("An Bình, ngày 30 tháng 02 năm 2024", False),
    ],
)
def test_date_line_leading_zero_and_calendar(builder, line: str, ok: bool) -> None:
    doc = dated_doc(builder, line, None)
    finding = run("field", doc, field="metadata.date_line", valid_date=True, leading_zero=True)
    assert finding.matched is ok
    assert finding.spans  # the date line is quoted either way


def test_symbol_pattern_by_document_type(builder) -> None:
    doc = dated_doc(builder, "ngày 05 tháng 10 năm 2023", None)
    assert run("field", doc, field="metadata.symbol", pattern_for={"decision": "^QĐ-"}).matched
    doc.doc_type = "decision"
    doc.metadata = doc.metadata.model_copy(update={"symbol": "UBND-VX"})
    assert not run("field", doc, field="metadata.symbol", pattern_for={"decision": "^QĐ-"}).matched


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
