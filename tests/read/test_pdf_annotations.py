"""Annotation text read where it sits: appearance streams drawn into the page, FreeText
annotations without one read from their contents, hidden ones left out."""

from __future__ import annotations

from pathlib import Path

from validator.read.pdf import read_pdf

FONTS = Path("/usr/share/fonts/truetype/liberation2")


def signed_page(path: Path, *, appearance: bool, hidden: bool = False) -> Path:
    """A number line with a blank, filled by a FreeText annotation (as a signing tool
    does), with or without an appearance stream."""
    from reportlab.pdfbase import pdfdoc, pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("AnnotSerif", str(FONTS / "LiberationSerif-Regular.ttf")))
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("AnnotSerif", 13)
    canvas.drawString(100, 760, "Số:          /QĐ-UBND")
    canvas.drawString(100, 700, "Căn cứ Luật Tổ chức chính quyền địa phương;")
    extra = {"F": 2} if hidden else {}
    if appearance:
        canvas.beginForm("stamp", 0, 0, 30, 18)
        canvas.setFont("Helvetica", 13)
        canvas.drawString(2, 4, "47")
        canvas.endForm()
        form = canvas._doc.Reference(canvas._doc.idToObject["FormXob.stamp"])
        extra["AP"] = pdfdoc.PDFDictionary({"N": form})
    canvas.freeTextAnnotation("47", DA="/Helv 13 Tf 0 g", Rect=(124, 756, 154, 774), **extra)
    canvas.save()
    return path


def lines(path: Path) -> list[str]:
    return [line.text for line in read_pdf(path.read_bytes(), "never").lines]


def test_annotation_appearance_is_read_in_its_line(tmp_path: Path) -> None:
    assert lines(signed_page(tmp_path / "a.pdf", appearance=True))[0] == "Số: 47/QĐ-UBND"


def test_free_text_without_appearance_is_read_from_its_contents(tmp_path: Path) -> None:
    assert lines(signed_page(tmp_path / "b.pdf", appearance=False))[0] == "Số: 47/QĐ-UBND"


def test_hidden_annotation_is_left_out(tmp_path: Path) -> None:
    assert lines(signed_page(tmp_path / "c.pdf", appearance=False, hidden=True))[0] == (
        "Số: /QĐ-UBND")


def test_signed_scan_is_still_a_scan(tmp_path: Path) -> None:
    """A scanned page with a signing tool's stamp (a widget with text): the stamp's text
    does not make the page a text page, so without OCR there is no text."""
    import pytest
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    from validator.model import ReadFailure

    scan = tmp_path / "scan.png"
    Image.new("L", (620, 877), 235).save(scan)
    path = tmp_path / "signed-scan.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.drawImage(str(scan), 0, 0, 595, 842)
    canvas.acroForm.textfield(name="stamp", value="Co quan phat hanh: UY BAN NHAN DAN XA",
                              x=20, y=810, width=300, height=16, borderWidth=0,
                              fontName="Helvetica", fontSize=9, fillColor=None)
    canvas.save()
    with pytest.raises(ReadFailure) as caught:
        read_pdf(path.read_bytes(), "never")
    assert caught.value.code == "no_text"
