"""DOCX reader: body paragraphs and tables in document order, with legacy-font decoding.

Layout tables (the two-column header, the signature block) are read cell by cell so the
issuing body comes before the national motto; data tables (the member list) become one
line per row with TAB between cells.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from validator.model import Encoding, ReadFailure, ReadResult, SourceLine, SourcePage
from validator.read import legacy
from validator.read.limits import DEFAULT_LIMITS, Limits

MAX_UNZIPPED = 200 * 1024 * 1024  # a DOCX bigger than this once unpacked is a zip bomb
MAX_RATIO = 200  # compression ratio beyond which a part is a zip bomb
MAX_PARTS = 2000


class _Builder:
    """Collects lines, counting pages at the page breaks Word recorded."""

    def __init__(self) -> None:
        self.page = 1
        self.line = 0
        self.pages: dict[int, list[SourceLine]] = {}
        self.tables = 0
        self.encoding: Encoding = "unicode"

    def add(self, text: str, table: int | None = None) -> None:
        self.line += 1
        self.pages.setdefault(self.page, []).append(
            SourceLine(page=self.page, line=self.line, text=text, table=table)
        )

    def new_page(self) -> None:
        if self.line:
            self.page += 1
            self.line = 0

    def result(self) -> ReadResult:
        last = max(self.pages, default=1)
        pages = tuple(
            SourcePage(number=n, lines=tuple(self.pages.get(n, ()))) for n in range(1, last + 1)
        )
        return ReadResult(format="docx", encoding=self.encoding, pages=pages)


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    _guard_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ReadFailure("corrupt", str(exc)) from exc
    except Exception as exc:  # lxml raises its own XMLSyntaxError family
        if type(exc).__module__.startswith("lxml"):
            raise ReadFailure("corrupt", str(exc)) from exc
        raise
    builder = _Builder()
    reader = _BodyReader(document, builder)
    reader.read_headers()
    reader.read_blocks(document.element.body)
    result = builder.result()
    if not any(line.text.strip() for line in result.lines):
        raise ReadFailure("empty")
    return result


def _guard_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
        raise ReadFailure("corrupt", str(exc)) from exc
    except (RuntimeError, NotImplementedError) as exc:  # encrypted or exotic compression
        raise ReadFailure("encrypted" if "encrypted" in str(exc) else "corrupt") from exc
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_PARTS or total > MAX_UNZIPPED or any(
        info.compress_size and info.file_size / info.compress_size > MAX_RATIO
        and info.file_size > 1_000_000
        for info in infos
    ):
        raise ReadFailure("corrupt", "archive expands too much (zip bomb)")


class _BodyReader:
    def __init__(self, document: WordDocument, builder: _Builder) -> None:
        self.document = document
        self.builder = builder
        self.default_font = _default_font(document)

    def read_headers(self) -> None:
        """Page headers sometimes carry the letterhead; read the first section's once."""
        sections = self.document.sections
        if sections and not sections[0].header.is_linked_to_previous:
            self.read_blocks(sections[0].header._element)

    def read_blocks(self, parent) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                self.read_paragraph(Paragraph(child, self.document))
            elif child.tag == qn("w:tbl"):
                self.read_table(Table(child, self.document))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.read_blocks(content)

    def read_paragraph(self, paragraph: Paragraph) -> None:
        if _starts_on_new_page(paragraph):
            self.builder.new_page()
        for text in self.paragraph_text(paragraph).split("\n"):
            self.builder.add(text)
        if _has_page_break(paragraph):
            self.builder.new_page()

    def paragraph_text(self, paragraph: Paragraph) -> str:
        style_font = _style_font(paragraph) or self.default_font
        parts = []
        for run in _runs(paragraph):
            font = run.font.name or style_font
            encoding, capitals = legacy.encoding_from_font(font)
            text = run.text
            if encoding:
                self.builder.encoding = encoding
                text = legacy.decode(_legacy_run_text(run), encoding, capitals=capitals)
            parts.append(text)
        return "".join(parts)

    def read_table(self, table: Table) -> None:
        if _is_layout_table(table):
            # Column by column: the whole left block (issuing body, Số) before the right one.
            seen: set[int] = set()
            rows = [_unique_cells(row) for row in table.rows]
            for column in range(max(len(cells) for cells in rows)):
                for cells in rows:
                    if column < len(cells) and id(cells[column]._tc) not in seen:
                        seen.add(id(cells[column]._tc))
                        self.read_blocks(cells[column]._tc)
            return
        self.builder.tables += 1
        for row in table.rows:
            cells = [
                " ".join(self.paragraph_text(p).strip() for p in cell.paragraphs).strip()
                for cell in _unique_cells(row)
            ]
            self.builder.add("\t".join(cells), table=self.builder.tables)


def _runs(paragraph: Paragraph) -> Iterator:
    for item in paragraph.iter_inner_content():
        if hasattr(item, "runs"):  # a hyperlink holds runs of its own
            yield from item.runs
        else:
            yield item


def _legacy_run_text(run) -> str:
    """Run text where an optional hyphen stays U+00AD: in TCVN3 that byte is the letter ư.

    Word keeps a typed 0xAD as text, but LibreOffice saves it as <w:softHyphen/>, which
    python-docx's Run.text leaves out.
    """
    parts = []
    for child in run._r:
        if child.tag == qn("w:softHyphen"):
            parts.append("\xad")
        elif child.tag == qn("w:t"):
            parts.append(child.text or "")
        elif child.tag == qn("w:tab"):
            parts.append("\t")
        elif child.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
    return "".join(parts)


def _unique_cells(row) -> list:
    """Merged cells repeat in python-docx's view of a row; keep each once."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _is_layout_table(table: Table) -> bool:
    """A table of at most two columns that places blocks side by side (header, signature).

    A data table has more columns, or a heading row ("STT", "Họ và tên", "Chức vụ").
    """
    columns = max((len(_unique_cells(r)) for r in table.rows), default=0)
    if columns > 2 or not table.rows:
        return False
    first_row = [cell.text.strip() for cell in _unique_cells(table.rows[0])]
    return not any(_DATA_HEADING.match(text) for text in first_row)


_DATA_HEADING = re.compile(r"(stt|tt|số tt|họ (và )?tên|chức (vụ|danh)|đơn vị|nhiệm vụ)\b",
                           re.IGNORECASE)


def _starts_on_new_page(paragraph: Paragraph) -> bool:
    return paragraph.paragraph_format.page_break_before is True


def _has_page_break(paragraph: Paragraph) -> bool:
    return any(br.get(qn("w:type")) == "page" for br in paragraph._p.iter(qn("w:br")))


def _style_font(paragraph: Paragraph) -> str | None:
    style = paragraph.style
    while style is not None:
        if style.font is not None and style.font.name:
            return style.font.name
        style = style.base_style
    return None


def _default_font(document: WordDocument) -> str | None:
    fonts = document.styles.element.find(qn("w:docDefaults") + "//" + qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:ascii"))
