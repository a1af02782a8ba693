"""Word 97-2003 .doc: encrypted containers refused, LibreOffice -> DOCX kept what Word shows."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from pathlib import Path

import olefile
import pytest

from validator.model import ReadFailure
from validator.read import doc, read_bytes

from .docx_helpers import docx_bytes, paragraphs, with_numbering, xml

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
needs_office = pytest.mark.skipif(shutil.which("soffice") is None,
                                  reason="LibreOffice (libreoffice-writer-nogui) not installed")


def failure_code(data: bytes) -> str:
    with pytest.raises(ReadFailure) as caught:
        read_bytes(data)
    return caught.value.code


def test_password_protected_docx_is_encrypted_not_corrupt() -> None:
    data = (SAMPLES / "docx" / "qd-xa-hoa-phong-2024-mat-khau.docx").read_bytes()
    assert failure_code(data) == "encrypted"


def test_doc_with_the_encrypted_flag_is_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "khoa.doc"
    shutil.copyfile(SAMPLES / "qd-huyen-2020.doc", path)
    assert read_bytes(path.read_bytes()).format == "doc"
    with contextlib.closing(olefile.OleFileIO(str(path), write_mode=True)) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        stream[11] |= 0x01  # FibBase flags, bit 8: fEncrypted
        ole.write_stream("WordDocument", bytes(stream))
    assert failure_code(path.read_bytes()) == "encrypted"


def test_ole_container_without_a_word_document_is_not_supported() -> None:
    data = (SAMPLES / "docx" / "qd-xa-hoa-phong-2024-mat-khau.docx").read_bytes()
    for name in ("EncryptionInfo", "EncryptedPackage"):
        utf16 = name.encode("utf-16-le")
        data = data.replace(utf16, ("X" + name[1:]).encode("utf-16-le"))
    assert failure_code(data) == "unsupported_format"


def test_timed_out_converter_dies_with_its_children() -> None:
    process = subprocess.Popen(["sh", "-c", "sleep 60 & sleep 60"])
    deadline = time.monotonic() + 5
    while not (children := doc._children(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert children
    doc._kill_tree(process.pid)
    process.wait(timeout=5)
    time.sleep(0.2)
    for child in children:
        state = Path(f"/proc/{child}/stat")
        assert not state.exists() or state.read_text().split()[2] == "Z"


def _to_doc(data: bytes, folder: Path) -> bytes:
    source = folder / "source.docx"
    source.write_bytes(data)
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", "doc", "--outdir", str(folder), str(source)],
                   capture_output=True, timeout=120, check=True)
    return (folder / "source.doc").read_bytes()


@needs_office
def test_doc_keeps_numbering_and_text_boxes(tmp_path: Path) -> None:
    edit = with_numbering([{"text": "Điều %1.", "format": "decimal"}], [(80, 80, None)])
    box = xml.text_box(xml.para("DỰ THẢO"), 1, 0.5)
    body = (xml.para(xml.run("ỦY BAN NHÂN DÂN XÃ AN HÒA") + box)
            + xml.para("Phạm vi", extra=xml.numbered(80))
            + xml.para("Đối tượng", extra=xml.numbered(80)) + xml.para("Hết."))
    result = read_bytes(_to_doc(docx_bytes(body, edit), tmp_path))
    texts = [line.text.strip() for line in result.lines if line.text.strip()]
    assert result.format == "doc"
    assert "Điều 1. Phạm vi" in texts and "Điều 2. Đối tượng" in texts
    assert "DỰ THẢO" in texts


@needs_office
def test_doc_ending_in_a_table_keeps_its_cells_apart(tmp_path: Path) -> None:
    """LibreOffice merges the cells of a table that ends a converter-written .doc; the reader
    notices (antiword still sees the table) and reads antiword's text instead."""
    signer = xml.table(["<w:tr>" + xml.cell(paragraphs("Nơi nhận:", "- Lưu: VT."), 8.0)
                        + xml.cell(paragraphs("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), 8.0) + "</w:tr>"],
                       (8.0, 8.0))
    articles = paragraphs(*(f"Điều {i}. Nội dung của điều {i} trong quyết định." for i in
                            range(1, 30)))
    result = read_bytes(_to_doc(docx_bytes(articles + signer), tmp_path))
    texts = [line.text.strip() for line in result.lines]
    assert "KT. CHỦ TỊCH" in texts and "- Lưu: VT." in texts
