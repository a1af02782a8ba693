"""WordprocessingML pieces for the "docx" samples: runs, paragraphs, tables, packages.

The samples are written with python-docx for the package and these XML strings for the body,
since python-docx cannot write tracked changes, text boxes, content controls or fields.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.shared import Cm, Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W_NS}" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
PASSWORD = "BanChiDao2024"
_AUTHOR = 'w:author="Văn phòng UBND xã" w:date="2024-03-04T09:00:00Z"'


# ------------------------------------------------------------------------ body XML


def run(text: str, bold: bool = False, italic: bool = False, tag: str = "t") -> str:
    props = "<w:b/>" * bold + "<w:i/>" * italic
    return (f"<w:r>{'<w:rPr>' + props + '</w:rPr>' if props else ''}"
            f'<w:{tag} xml:space="preserve">{escape(text)}</w:{tag}></w:r>')


def para(content: str, *, align: str = "both", style: str | None = None,
         extra: str = "", mark: str = "") -> str:
    """A paragraph; `content` is run XML, or plain text for one run."""
    if content and not content.startswith("<"):
        content = run(content)
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    mark_xml = f"<w:rPr>{mark}</w:rPr>" if mark else ""
    return (f'<w:p><w:pPr>{style_xml}{extra}<w:jc w:val="{align}"/>{mark_xml}</w:pPr>'
            f"{content}</w:p>")


def page_break() -> str:
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def numbered(num_id: int, level: int = 0) -> str:
    """Paragraph properties that number a paragraph (`para(..., extra=numbered(n))`)."""
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def cell(paragraphs: str, width_cm: float, extra: str = "") -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{int(width_cm * 567)}" w:type="dxa"/>{extra}'
            f"</w:tcPr>{paragraphs}</w:tc>")


def table(rows: list[str], widths_cm: tuple[float, ...], borders: bool = False) -> str:
    border = "single" if borders else "nil"
    edges = "".join(f'<w:{e} w:val="{border}" w:sz="4"/>'
                    for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{int(w * 567)}"/>' for w in widths_cm)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{edges}'
            f"</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")


def centred(lines: tuple[str, ...], bold: bool = True) -> str:
    return "".join(para(run(line, bold=bold), align="center") for line in lines)


def inserted(content: str, change_id: int) -> str:
    return f'<w:ins w:id="{change_id}" {_AUTHOR}>{content}</w:ins>'


def deleted(text: str, change_id: int) -> str:
    return f'<w:del w:id="{change_id}" {_AUTHOR}>{run(text, tag="delText")}</w:del>'


def mark_change(kind: str, change_id: int) -> str:
    """Paragraph-mark run properties for an inserted ("ins") or deleted ("del") mark."""
    return f'<w:{kind} w:id="{change_id}" {_AUTHOR}/>'


def complex_field(instruction: str, result: str) -> str:
    """A complex field: Word shows `result`, the value cached when it last updated."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            + run(f" {instruction} ", tag="instrText")
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + run(result) + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def simple_field(instruction: str, result: str) -> str:
    return f'<w:fldSimple w:instr=" {escape(instruction)} ">{run(result)}</w:fldSimple>'


def content_control(content: str, tag: str, placeholder: bool = False,
                    date: bool = False) -> str:
    props = f'<w:alias w:val="{tag}"/><w:tag w:val="{tag}"/>'
    if placeholder:
        props += "<w:showingPlcHdr/>"
    if date:
        props += '<w:date w:fullDate="2024-03-05T00:00:00Z"><w:dateFormat w:val="dd"/></w:date>'
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def text_box(paragraphs: str, shape_id: int, top_cm: float) -> str:
    """A floating text box as Word writes it: DrawingML in mc:Choice, VML in mc:Fallback,
    both carrying the same `w:txbxContent`."""
    emu = int(top_cm * 360000)
    content = f"<w:txbxContent>{paragraphs}</w:txbxContent>"
    drawing = (
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{shape_id}" behindDoc="0" locked="0" layoutInCell="1" '
        f'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
        f'<wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
        f'<wp:posOffset>{emu}</wp:posOffset></wp:positionV><wp:extent cx="2880000" '
        f'cy="360000"/><wp:wrapNone/><wp:docPr id="{shape_id}" name="Text Box {shape_id}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" '
        'y="0"/><a:ext cx="2880000" cy="360000"/></a:xfrm><a:prstGeom prst="rect"/></wps:spPr>'
        f'<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing>')
    fallback = (f'<w:pict><v:shape id="Text Box {shape_id}" type="#_x0000_t202" '
                f'style="position:absolute;margin-top:{top_cm}cm;width:8cm;height:1cm">'
                f"<v:textbox>{content}</v:textbox></v:shape></w:pict>")
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
            f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>")


# ------------------------------------------------------------------- package parts


def abstract_number(abstract_id: int, levels: list[dict]) -> str:
    """`levels`: dicts with text, format, and optional start, restart, style, suffix."""
    body = []
    for index, level in enumerate(levels):
        body.append(
            f'<w:lvl w:ilvl="{index}"><w:start w:val="{level.get("start", 1)}"/>'
            f'<w:numFmt w:val="{level["format"]}"/>'
            + (f'<w:lvlRestart w:val="{level["restart"]}"/>' if "restart" in level else "")
            + (f'<w:pStyle w:val="{level["style"]}"/>' if "style" in level else "")
            + f'<w:suff w:val="{level.get("suffix", "space")}"/>'
            f'<w:lvlText w:val="{escape(level["text"])}"/><w:lvlJc w:val="left"/></w:lvl>')
    return (f'<w:abstractNum {NS} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(body)}</w:abstractNum>')


def number_instance(num_id: int, abstract_id: int, restart_at: int | None = None) -> str:
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart_at}"/>'
                "</w:lvlOverride>" if restart_at is not None else "")
    return (f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{override}</w:num>")


def add_numbering(document, abstracts: list[str], instances: list[str]) -> None:
    root = document.part.numbering_part.element
    first_num = root.find(f"{{{W_NS}}}num")
    for xml in abstracts:
        element = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            root.append(element)
    for xml in instances:
        root.append(parse_xml(xml))


def add_paragraph_style(document, style_id: str, num_id: int | None = None) -> None:
    """A paragraph style, linked to a list when `num_id` is given (style-linked numbering)."""
    numbering = f'<w:pPr><w:numPr><w:numId w:val="{num_id}"/></w:numPr></w:pPr>' if num_id else ""
    document.styles.element.append(parse_xml(
        f'<w:style {NS} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
        f'<w:basedOn w:val="Normal"/>{numbering}</w:style>'))


def fill(container, xml: str) -> None:
    """Replace a header's (or the body's) content with block XML."""
    element = container._element
    for child in list(element):
        if child.tag != f"{{{W_NS}}}sectPr":
            element.remove(child)
    anchor = element.find(f"{{{W_NS}}}sectPr")
    for block in parse_xml(f"<w:body {NS}>{xml}</w:body>"):
        if anchor is not None:
            anchor.addprevious(block)
        else:
            element.append(block)


@dataclass
class Sample:
    name: str
    purpose: str
    body: str
    expect: dict = field(default_factory=dict)
    edit: Callable | None = None  # called with the python-docx Document before saving


def build_document(sample: Sample) -> bytes:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    fill(document._body, sample.body)
    if sample.edit:
        sample.edit(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


def stable_zip(data: bytes, renamed: dict[str, str] | None = None,
               replaced: dict[str, str] | None = None) -> bytes:
    """Fixed timestamps, so the bytes do not change between runs; members may be renamed
    and text replaced inside them."""
    renamed, replaced = renamed or {}, replaced or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            for old, new in replaced.items():
                content = content.replace(old.encode(), new.encode())
            fixed = zipfile.ZipInfo(renamed.get(info.filename, info.filename),
                                    date_time=(2024, 1, 1, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, content)
    return out.getvalue()


def word_online(data: bytes) -> bytes:
    """The package as Word Online saves it: the main part is `word/document2.xml`."""
    return stable_zip(
        data,
        renamed={"word/document.xml": "word/document2.xml",
                 "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels"},
        replaced={'PartName="/word/document.xml"': 'PartName="/word/document2.xml"',
                  'Target="word/document.xml"': 'Target="word/document2.xml"'})


def encrypt(data: bytes) -> bytes:
    """A password-protected DOCX as Word saves it: an OLE container with EncryptionInfo and
    EncryptedPackage (ECMA-376 agile encryption, by msoffcrypto-tool)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with _reproducible():
        OOXMLFile(io.BytesIO(data)).encrypt(PASSWORD, out)
    return out.getvalue()


@contextlib.contextmanager
def _reproducible():
    """msoffcrypto-tool draws salts and keys at random and stamps the container with the
    time; a seeded generator and a fixed stamp keep the sample's bytes stable."""
    from msoffcrypto.method import ecma376_agile
    from msoffcrypto.method.container import ecma376_encrypted

    counter = iter(range(1 << 30))

    def seeded(size: int) -> bytes:
        return hashlib.sha256(f"samples-docx-{next(counter)}".encode()).digest()[:size]

    saved = ecma376_agile._random_buffer, ecma376_encrypted.datetime2filetime
    ecma376_agile._random_buffer = seeded
    ecma376_encrypted.datetime2filetime = lambda _now: 133485408000000000  # 2024-01-01
    try:
        yield
    finally:
        ecma376_agile._random_buffer, ecma376_encrypted.datetime2filetime = saved


def encrypted_doc(data: bytes) -> bytes | None:
    """A Word 97 file whose FIB says it is encrypted (fEncrypted), from LibreOffice's .doc.

    No tool at hand writes RC4-encrypted .doc files; the flag is what a reader must honour
    before handing the file to a converter, and it is set here exactly where Word sets it.
    """
    import olefile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as work:
        source = Path(work, "input.docx")
        source.write_bytes(data)
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "doc", "--outdir", work, str(source)],
                       capture_output=True, timeout=120, check=False)
        converted = Path(work, "input.doc")
        if not converted.exists():
            return None
        with contextlib.closing(olefile.OleFileIO(str(converted), write_mode=True)) as ole:
            stream = bytearray(ole.openstream("WordDocument").read())
            flags = int.from_bytes(stream[10:12], "little") | 0x0100
            stream[10:12] = flags.to_bytes(2, "little")
            ole.write_stream("WordDocument", bytes(stream))
        return converted.read_bytes()
