"""Page headers read at the top of their page; page-number headers and footers are not."""

from __future__ import annotations

from docx.enum.section import WD_SECTION

from validator.read.docx import read_docx

from .docx_helpers import docx_bytes, xml

PAGE_NUMBER = xml.para(xml.run("Trang ") + xml.complex_field("PAGE", "3"), align="center")
BREAK = xml.page_break()


def pages(body: str, edit) -> list[tuple[int, str]]:
    return [(line.page, line.text) for line in read_docx(docx_bytes(body, edit)).lines
            if line.text]


def test_first_page_header_then_page_number_header_left_out() -> None:
    def edit(document) -> None:
        section = document.sections[0]
        section.different_first_page_header_footer = True
        xml.fill(section.first_page_header, xml.para("UBND XÃ AN HÒA"))
        xml.fill(section.header, PAGE_NUMBER)
        xml.fill(section.footer, xml.para("C:\\VanBan\\qd.docx"))

    assert pages(xml.para("Một") + BREAK + xml.para("Hai"), edit) == [
        (1, "UBND XÃ AN HÒA"), (1, "Một"), (2, "Hai")]


def test_without_title_page_the_default_header_is_on_every_page() -> None:
    def edit(document) -> None:
        xml.fill(document.sections[0].header, xml.para("DỰ THẢO"))

    assert pages(xml.para("Một") + BREAK + xml.para("Hai"), edit) == [
        (1, "DỰ THẢO"), (1, "Một"), (2, "DỰ THẢO"), (2, "Hai")]


def test_title_page_without_a_first_page_header_is_blank() -> None:
    def edit(document) -> None:
        section = document.sections[0]
        section.different_first_page_header_footer = True
        xml.fill(section.header, xml.para("DỰ THẢO"))
        first = section._sectPr.find(f"{{{xml.W_NS}}}headerReference[@{{{xml.W_NS}}}type='first']")
        if first is not None:
            section._sectPr.remove(first)

    assert pages(xml.para("Một") + BREAK + xml.para("Hai"), edit) == [
        (1, "Một"), (2, "DỰ THẢO"), (2, "Hai")]


def test_even_page_header_when_settings_turn_it_on() -> None:
    def edit(document) -> None:
        document.settings.odd_and_even_pages_header_footer = True
        section = document.sections[0]
        xml.fill(section.header, xml.para("Trang lẻ"))
        xml.fill(section.even_page_header, xml.para("Trang chẵn"))

    body = xml.para("Một") + BREAK + xml.para("Hai") + BREAK + xml.para("Ba")
    assert pages(body, edit) == [(1, "Trang lẻ"), (1, "Một"), (2, "Trang chẵn"), (2, "Hai"),
                                 (3, "Trang lẻ"), (3, "Ba")]


def test_a_new_section_starts_a_page_with_its_own_first_page_header() -> None:
    """A decision and its regulation in one file: the regulation's section has a title page
    whose header carries its own letterhead; the decision's default header is inherited."""
    def edit(document) -> None:
        first = document.sections[0]
        xml.fill(first.header, PAGE_NUMBER)
        second = document.add_section(WD_SECTION.NEW_PAGE)
        second.different_first_page_header_footer = True
        second.first_page_header.is_linked_to_previous = False
        xml.fill(second.first_page_header, xml.para("BAN CHỈ ĐẠO XÃ AN HÒA"))
        body = document.element.body
        paragraphs = body.findall(f"{{{xml.W_NS}}}p")
        # python-docx put the new section's break after the body; move the regulation after it
        breaker = paragraphs[-1]
        paragraphs[1].addprevious(breaker)

    body = xml.para("Quyết định") + xml.para("Quy chế") + xml.para("Điều 1.")
    assert pages(body, edit) == [(1, "Quyết định"), (2, "BAN CHỈ ĐẠO XÃ AN HÒA"),
                                 (2, "Quy chế"), (2, "Điều 1.")]
