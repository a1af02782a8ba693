"""Small Word documents for the DOCX reader's tests, written with the samples' XML helpers."""

from __future__ import annotations

from collections.abc import Callable

from script_loader import load_script

from validator.read.docx import read_docx

xml = load_script("scripts/samples_docx_xml.py", "samples_docx_xml")


def docx_bytes(body: str, edit: Callable | None = None) -> bytes:
    return xml.build_document(xml.Sample("test.docx", "", body, {}, edit))


def read_lines(body: str, edit: Callable | None = None) -> list[str]:
    return [line.text for line in read_docx(docx_bytes(body, edit)).lines]


def paragraphs(*texts: str, **kw) -> str:
    return "".join(xml.para(text, **kw) for text in texts)


def with_numbering(levels: list[dict], instances: list[tuple[int, int, int | None]],
                   abstract: int = 80, styles: dict[str, int | None] | None = None):
    """An `edit` adding one abstract list, its instances (num id, abstract id, restart) and
    paragraph styles (name -> linked num id)."""
    def edit(document) -> None:
        xml.add_numbering(document, [xml.abstract_number(abstract, levels)],
                          [xml.number_instance(n, a, r) for n, a, r in instances])
        for name, num_id in (styles or {}).items():
            xml.add_paragraph_style(document, name, num_id)

    return edit
