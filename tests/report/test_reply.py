from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from validator.config import ReplySettings
from validator.model import Messages, Summary
from validator.report.reply import (
    LetterWriter,
    letter_name,
    needs_reply,
    write_letter,
    write_letters_zip,
)

OFFICE = ReplySettings(office="BẢO HIỂM XÃ HỘI TỈNH BÌNH THUẬN",
                       parent="BẢO HIỂM XÃ HỘI VIỆT NAM", place="Bình Thuận",
                       signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", signer_name="Trần Văn Bình")


def _letter(doc, office: ReplySettings = OFFICE) -> tuple[list[str], list[str]]:
    """The body paragraphs and the heading table's text of a letter, read back."""
    out = io.BytesIO()
    write_letter(doc, office, out, dt.date(2025, 11, 3))
    document = docx.Document(io.BytesIO(out.getvalue()))
    heading = [cell.text for cell in document.tables[0].rows[0].cells]
    signature = [cell.text for cell in document.tables[1].rows[0].cells]
    return [p.text for p in document.paragraphs if p.text], heading + signature


def test_a_letter_names_the_issuing_body_and_its_defects(docs) -> None:
    body, tables = _letter(docs[1])
    assert "Kính gửi: Ủy ban nhân dân xã An Bình." in body
    received = next(p for p in body if "nhận được" in p)
    assert received.startswith("Bảo hiểm xã hội tỉnh Bình Thuận nhận được Quyết định số "
                               "57/QĐ-UBND ngày 05/10/2023 (kèm theo Quy chế hoạt động) của "
                               "Ủy ban nhân dân xã An Bình về việc kiện toàn")
    points = [p for p in body if p[:2] == "1."]
    assert points == ["1. Danh sách thành viên không có Phó Trưởng ban; Thành viên «Trần Văn Ba» "
                      "không ghi chức vụ (theo Công văn 3036/BHXH-BT, điểm 2)."]
    assert not any("ND30-04" in p or "Địa danh và thời gian" in p for p in body)  # a note
    assert any(p.startswith("Đối chiếu với hướng dẫn tại Công văn 3036/BHXH-BT,") for p in body)
    assert any("trước ngày ......./......./.........." in p for p in body)
    left, right, recipients, signer = tables
    assert "BẢO HIỂM XÃ HỘI VIỆT NAM\nBẢO HIỂM XÃ HỘI TỈNH BÌNH THUẬN" in left
    assert "Số:         /" in left
    assert ("V/v hoàn thiện Quyết định và Quy chế hoạt động của Ban Chỉ đạo thực hiện chính "
            "sách BHXH, BHYT xã An Bình") in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert "Bình Thuận, ngày      tháng      năm 2025" in right
    assert recipients.startswith("Nơi nhận:\n- Như trên;")
    assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in signer and signer.endswith("Trần Văn Bình")


def test_points_to_check_follow_the_defects(docs) -> None:
    doc = docs[1]
    warning = doc.results[1].model_copy(update={"status": "fail", "messages": Messages(
        vi="Không thấy việc hợp nhất các Ban Chỉ đạo cũ.", en="No merger.")})
    body, _ = _letter(doc.model_copy(update={"results": [doc.results[0], warning]}))
    review = body.index("Ngoài ra, đề nghị rà soát thêm các nội dung sau:")
    assert body[review - 1].startswith("1. ")
    assert body[review + 1] == ("- Không thấy việc hợp nhất các Ban Chỉ đạo cũ (theo Công văn "
                                "3036/BHXH-BT, điểm 2).")


def test_without_settings_the_office_is_left_blank(docs) -> None:
    body, tables = _letter(docs[1], ReplySettings())
    assert body[1].startswith("Bảo hiểm xã hội ...... nhận được")
    assert "......" in tables[0] and tables[3].startswith("GIÁM ĐỐC")


def test_only_non_compliant_documents_get_a_letter(docs) -> None:
    assert [needs_reply(doc) for doc in docs] == [False, True, False, False]


def test_letter_writer_writes_one_file_each_and_names_them_apart(docs, run_vi, tmp_path) -> None:
    out = io.StringIO()
    writer = LetterWriter(out, run_vi, tmp_path / "letters", OFFICE)
    writer.start()
    twin = docs[1].model_copy(update={"path": "c/qd xã <x>.docx"})
    for doc in [*docs, twin]:
        writer.document(doc)
    writer.finish(Summary())
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == [
        "tra-loi-qd xã _x_-2.docx", "tra-loi-qd xã _x_.docx"]
    assert out.getvalue().count("Đã ghi ") == 2


def test_no_letter_needed(docs, run_vi, tmp_path) -> None:
    out = io.StringIO()
    writer = LetterWriter(out, run_vi, tmp_path, OFFICE)
    writer.start()
    writer.document(docs[0])
    writer.finish(Summary())
    assert out.getvalue() == "Không có văn bản nào cần công văn trả lời.\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("path", "name"), [
    ("a/b/qd-57.pdf", "tra-loi-qd-57.docx"),
    ("hs.zip/Quyết định.doc", "tra-loi-Quyết định.docx"),
    ("C:\\x\\y.docx", "tra-loi-y.docx"),
    ('a/"con?.pdf', "tra-loi-_con_.docx"),
    ("a/...pdf", "tra-loi-van-ban.docx"),
])
def test_letter_names(docs, path: str, name: str) -> None:
    assert letter_name(docs[1].model_copy(update={"path": path})) == name


def test_a_zip_of_the_letters(docs) -> None:
    out = io.BytesIO()
    twin = docs[1].model_copy(update={"path": "c/qd xã <x>.docx"})
    assert write_letters_zip([*docs, twin], OFFICE, out) == 2
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        names = archive.namelist()
        letter = docx.Document(io.BytesIO(archive.read(names[0])))
    assert names == ["tra-loi-qd xã _x_.docx", "tra-loi-qd xã _x_-2.docx"]
    assert any(p.text == "Kính gửi: Ủy ban nhân dân xã An Bình." for p in letter.paragraphs)
