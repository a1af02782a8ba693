"""Hostile PDFs: too many pages, a page tree that loops, forms nested into a bomb, a poster
sized page. Each is read within limits or refused with the limit named - never `corrupt`
for a file that is not corrupt, never unbounded work."""

from __future__ import annotations

import resource

import pytest

from validator.model import ReadFailure
from validator.read.pdf import MAX_PAGES, read_pdf
from validator.read.pdf.guard import check_form_expansion

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 760 Td (Quyet dinh thanh lap Ban Chi dao xa Phuoc Son) Tj ET"


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF of the numbered objects (1, 2, ...), the first the catalog, with its xref."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def page(parent: int, content: int, font: int, more: bytes = b"") -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> %s >> >>" % (parent, content, font, more))


def many_pages(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (5 + k) for k in range(count))
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
                      stream(TEXT), FONT, *(page(2, 3, 4) for _ in range(count))])


def nested_forms(depth: int, fan_out: int) -> bytes:
    """Each form draws the next `fan_out` times: fan_out ** depth drawings from a few KB."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               page(2, 4, 5, b"/XObject << /X 6 0 R >>"),
               stream(TEXT + b" /X Do"), FONT]
    for level in range(depth):
        last = level == depth - 1
        body = b"BT /F1 1 Tf (a) Tj ET" + (b"" if last else b" /X Do" * fan_out)
        resources = b"/Resources << /Font << /F1 5 0 R >> %s >>" % (
            b"" if last else b"/XObject << /X %d 0 R >>" % (7 + level))
        objects.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                              + resources))
    return pdf_bytes(objects)


def test_too_many_pages_is_too_large_with_the_limit_named() -> None:
    with pytest.raises(ReadFailure) as caught:
        read_pdf(many_pages(MAX_PAGES + 1), "never")
    assert caught.value.code == "too_large"
    assert caught.value.detail == f"max_pages: {MAX_PAGES + 1} > {MAX_PAGES}"  # the setting


def test_page_limit_is_a_setting() -> None:
    data = many_pages(30)
    assert len(read_pdf(data, "never", max_pages=30).pages) == 30
    with pytest.raises(ReadFailure):
        read_pdf(data, "never", max_pages=29)


def test_a_page_tree_that_holds_itself_reads_the_pages_it_can() -> None:
    data = pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
                      page(2, 4, 5), stream(TEXT), FONT])
    result = read_pdf(data, "never")
    assert "Ban Chi dao" in result.lines[0].text
    assert [(note.code, note.page) for note in result.notes] == [("page_unreadable", 2)]


def test_a_page_tree_that_reaches_no_page_is_no_text_not_corrupt() -> None:
    data = pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])
    with pytest.raises(ReadFailure) as caught:
        read_pdf(data, "never")
    assert caught.value.code == "no_text"


def test_nested_form_bomb_is_refused_before_pdfium_expands_it() -> None:
    data = nested_forms(depth=30, fan_out=2)
    assert len(data) < 10_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ReadFailure) as caught:
        read_pdf(data, "never")
    assert caught.value.code == "too_large"
    assert "nested form drawings" in caught.value.detail
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KB


def test_forms_nested_past_pdfium_depth_limit_are_counted_without_recursing_on() -> None:
    with pytest.raises(ReadFailure) as caught:
        check_form_expansion(nested_forms(depth=300, fan_out=2))
    assert caught.value.code == "too_large"


def test_a_few_nested_forms_are_read() -> None:
    data = nested_forms(depth=4, fan_out=3)
    check_form_expansion(data)
    assert "Ban Chi dao" in read_pdf(data, "never").lines[0].text


def test_wide_fan_out_is_counted_too() -> None:
    with pytest.raises(ReadFailure):
        check_form_expansion(nested_forms(depth=4, fan_out=40), limit=10_000)  # 40 ** 3


def test_poster_sized_blank_page_without_ocr_is_no_text() -> None:
    data = pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>"])
    with pytest.raises(ReadFailure) as caught:
        read_pdf(data, "never")
    assert caught.value.code == "no_text"
