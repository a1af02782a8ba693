"""Any text, however mangled, gives a Document; members never come from outside their span."""

from hypothesis import given, settings
from hypothesis import strategies as st

from validator.structure import document_from_text

from .texts import CLOSING, DUTIES, LETTERHEAD, MEMBERS, OPENING

PIECES = [*LETTERHEAD.splitlines(), *OPENING.splitlines(), *MEMBERS.splitlines(),
          *DUTIES.splitlines(), *CLOSING.splitlines(), "", "\t", "a)", "Điều", "Số:"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_shuffled_documents_never_crash(lines: list[str]) -> None:
    document = document_from_text("\n".join(lines))
    if document.members:
        begin, end = document.member_list_span
        starts = {line.start for line in document.text.lines if begin <= line.start < end}
        assert starts
    else:
        assert document.member_list_span is None


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    document = document_from_text(text)
    assert document.doc_type in ("decision", "regulation", "combined", "other")
    assert all(0 <= a < b <= len(document.text.text) for a, b in document.sentences)
