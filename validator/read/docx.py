"""DOCX reader: the document as Word shows it, with tracked changes accepted (SPEC §2).

Body paragraphs and tables come in document order, automatic numbering rendered at the start
of its paragraph, page headers at the top of their page, text boxes after the paragraph they
are anchored to, legacy TCVN3/VNI runs decoded by their font. Pages are counted at the page
breaks the file records: typed breaks, section breaks, and the breaks Word rendered when it last
laid the document out (`w:lastRenderedPageBreak`).

python-docx opens the package and its parts; the text is walked on its lxml tree
(docx_blocks, docx_inline, docx_numbering, docx_headers), since python-docx renders neither
numbering nor fields nor tracked changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml.etree import _Element

from validator.model import Encoding, ReadFailure, ReadingNote, ReadResult, SourceLine, SourcePage
from validator.read.docx_blocks import BlockReader, Lines
from validator.read.docx_headers import Headers
from validator.read.docx_inline import Changes, InlineReader
from validator.read.docx_numbering import Numbering
from validator.read.docx_package import open_document
from validator.read.docx_styles import Styles
from validator.read.limits import limit_detail

if TYPE_CHECKING:
    from validator.read.limits import Limits

MAX_PARAGRAPHS = 50_000  # paragraphs and table rows; Limits.max_paragraphs when the run has one


class _Builder:
    """Collects lines page by page; a page's header comes before its first line."""

    def __init__(self, header: Callable[[int, bool], list[str]]) -> None:
        self.page = 1
        self.line = 0
        self.pages: dict[int, list[SourceLine]] = {}
        self.tables = 0
        self._header = header
        self._started = False  # the page has lines of its own
        self._section_start = True  # the page is the first of its section

    def add(self, text: str, table: int | None = None) -> None:
        if not self._started:
            self._started = True
            for line in self._header(self.page, self._section_start):
                self._append(line, None)
            self._section_start = False
        self._append(text, table)

    def _append(self, text: str, table: int | None) -> None:
        self.line += 1
        self.pages.setdefault(self.page, []).append(
            SourceLine(page=self.page, line=self.line, text=text, table=table)
        )

    def new_page(self, section_start: bool = False) -> None:
        if self._started:
            self.page += 1
            self.line = 0
            self._started = False
        self._section_start = self._section_start or section_start

    def new_table(self) -> int:
        self.tables += 1
        return self.tables

    def pages_read(self) -> tuple[SourcePage, ...]:
        last = max(self.pages, default=1)
        return tuple(
            SourcePage(number=n, lines=tuple(self.pages.get(n, ()))) for n in range(1, last + 1)
        )


def read_docx(data: bytes, limits: Limits | None = None) -> ReadResult:
    document = open_document(data)
    part = document.part
    body = part.element.body
    _check_size(body, limits.max_paragraphs if limits is not None else MAX_PARAGRAPHS)
    styles = Styles.parse(_element(part, RT.STYLES))
    numbering = Numbering.parse(_element(part, RT.NUMBERING), styles)
    changes = Changes()
    header_inline = InlineReader(styles, changes, skip_page_fields=True)

    def render_header(rel_id: str) -> list[str]:
        element = _related_element(part, rel_id)
        if element is None:
            return []
        lines = Lines(page=builder.page)
        header_inline.page = builder.page
        BlockReader(header_inline, numbering.fresh(), lines).blocks(element)
        return lines.lines

    headers = Headers(body, _element(part, RT.SETTINGS), render_header)
    builder = _Builder(headers.lines)

    def section_end(_sink: object) -> None:
        if headers.next_section():
            builder.new_page(section_start=True)

    inline = InlineReader(styles, changes)
    try:
        BlockReader(inline, numbering, builder, on_section_end=section_end).blocks(body)
    except RecursionError as exc:
        raise ReadFailure("too_large", "content nested too deeply") from exc
    pages = builder.pages_read()
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise ReadFailure("empty")
    encoding: Encoding = inline.encoding if inline.encoding != "unicode" else header_inline.encoding
    return ReadResult(format="docx", encoding=encoding, pages=pages, notes=_notes(changes))


def _check_size(body: _Element, limit: int) -> None:
    """Refuse a body with more paragraphs and rows than the limit before reading any."""
    count = int(body.xpath("count(.//w:p | .//w:tr)"))
    if count > limit:
        raise ReadFailure("too_large", limit_detail("max_paragraphs", count, limit))


def _element(part, relationship: str) -> _Element | None:
    try:
        related = part.part_related_by(relationship)
    except KeyError:
        return None
    return getattr(related, "element", None)


def _related_element(part, rel_id: str) -> _Element | None:
    related = part.related_parts.get(rel_id)
    return getattr(related, "element", None)


def _notes(changes: Changes) -> tuple[ReadingNote, ...]:
    if not changes.count:
        return ()
    return (ReadingNote(
        code="tracked_changes",
        message=(f"Tệp còn {changes.count} thay đổi được theo dõi (Track Changes) chưa được "
                 "chấp nhận; đã đọc như khi chấp nhận tất cả: phần chèn được tính, phần xóa "
                 "bị bỏ qua."),
        message_en=(f"The file has {changes.count} tracked changes not yet accepted; it was "
                    "read as if all were accepted: insertions count, deletions are left out."),
        page=changes.first_page,
    ),)
