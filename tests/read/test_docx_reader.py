"""What the DOCX reader shows: changes accepted, fields, text boxes, controls, tables, headers."""

from __future__ import annotations

from validator.read.docx import read_docx

from .docx_helpers import docx_bytes, paragraphs, read_lines, xml

AUTHOR = 'w:author="A" w:date="2024-03-04T09:00:00Z"'


def test_tracked_changes_are_read_accepted_with_a_note() -> None:
    body = (xml.para(xml.run("Ông ") + xml.deleted("Nguyễn Văn Cũ", 1)
                     + xml.inserted(xml.run("Trần Văn Mới"), 2) + xml.run(" - Thành viên"))
            + xml.para(f'<w:moveFrom w:id="3" {AUTHOR}>{xml.run("Đoạn chuyển đi")}</w:moveFrom>')
            + xml.para(f'<w:moveTo w:id="4" {AUTHOR}>{xml.run("Đoạn chuyển đến")}</w:moveTo>'))
    result = read_docx(docx_bytes(body))
    texts = [line.text for line in result.lines]
    assert texts == ["Ông Trần Văn Mới - Thành viên", "", "Đoạn chuyển đến"]
    [note] = result.notes
    assert (note.code, note.page) == ("tracked_changes", 1)
    assert "4" in note.message and "4" in note.message_en


def test_a_deleted_paragraph_mark_joins_the_next_paragraph() -> None:
    body = (xml.para(xml.run("Ủy ban nhân dân "), mark=xml.mark_change("del", 1))
            + xml.para("xã An Hòa")
            + xml.para(xml.deleted("Dòng xóa hẳn", 2), mark=xml.mark_change("del", 3))
            + xml.para("Dòng sau"))
    assert read_lines(body) == ["Ủy ban nhân dân xã An Hòa", "Dòng sau"]


def test_a_document_without_changes_has_no_note() -> None:
    assert read_docx(docx_bytes(paragraphs("Điều 1. Nội dung"))).notes == ()


def test_deleted_table_row_is_gone() -> None:
    def row(values, props=""):
        cells = "".join(xml.cell(xml.para(v), 3.0) for v in values)
        return f"<w:tr>{props}{cells}</w:tr>"

    body = xml.table([row(("STT", "Họ và tên", "Chức vụ")),
                      row(("1", "Ông A", "Trưởng ban")),
                      row(("2", "Ông B", "Thành viên"),
                          f'<w:trPr><w:del w:id="5" {AUTHOR}/></w:trPr>')], (3.0,) * 3)
    result = read_docx(docx_bytes(body))
    assert [line.text for line in result.lines] == ["STT\tHọ và tên\tChức vụ",
                                                    "1\tÔng A\tTrưởng ban"]
    assert [note.code for note in result.notes] == ["tracked_changes"]


def test_fields_show_their_result_not_their_instruction() -> None:
    nested = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + xml.run(" IF ", tag="instrText")
              + xml.complex_field("MERGEFIELD Ten", "X") + xml.run(' = "" "a" "b" ',
                                                                   tag="instrText")
              + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + xml.run("Hòa Bình")
              + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    body = (xml.para(xml.run("Xã ") + nested)
            + xml.para(xml.run("Số: ") + xml.simple_field("DOCPROPERTY So", "12")
                       + xml.run("/QĐ-UBND"))
            + xml.para('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                       + xml.run(" TIME ", tag="instrText")
                       + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + xml.run("không kết quả")))
    assert read_lines(body) == ["Xã Hòa Bình", "Số: 12/QĐ-UBND", "không kết quả"]


def test_hidden_text_and_symbols() -> None:
    body = xml.para(xml.run("Hiện ") + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>'
                    + xml.run("rõ") + '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>'
                    + '<w:r><w:noBreakHyphen/><w:t>x</w:t><w:tab/><w:t>y</w:t></w:r>')
    assert read_lines(body) == ["Hiện rõ-x\ty"]


def test_text_box_is_read_once_after_its_paragraph() -> None:
    box = xml.text_box(xml.para("Số: 12/QĐ-UBND"), 1, 0.5)
    body = xml.para(xml.run("XÃ AN HÒA") + box) + xml.para("QUYẾT ĐỊNH")
    assert read_lines(body) == ["XÃ AN HÒA", "Số: 12/QĐ-UBND", "QUYẾT ĐỊNH"]


def test_vml_text_box_and_wordart_without_alternate_content() -> None:
    pict = ('<w:r><w:pict><v:shape id="b" type="#_x0000_t202"><v:textbox><w:txbxContent>'
            + xml.para("Trong khung") + '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
            '<w:r><w:pict><v:shape id="w" type="#_x0000_t136"><v:textpath string="DỰ THẢO"/>'
            '</v:shape></w:pict></w:r>')
    assert read_lines(xml.para(xml.run("Trước") + pict)) == ["Trước", "Trong khung", "DỰ THẢO"]


def test_content_controls_show_content_but_not_a_prompt() -> None:
    body = (xml.content_control(xml.para("Điều 1. Trong điều khiển"), "a")
            + xml.para(xml.run("Số: ") + xml.content_control(xml.run("7"), "b")
                       + xml.run("/QĐ"))
            + xml.content_control(xml.para("Nhập văn bản tại đây."), "c", placeholder=True))
    assert read_lines(body) == ["Điều 1. Trong điều khiển", "Số: 7/QĐ"]


def test_nested_table_in_a_data_cell_is_flattened_into_the_cell() -> None:
    inner = xml.table(["<w:tr>" + xml.cell(xml.para("Ông A"), 2.0)
                       + xml.cell(xml.para("Trưởng ban"), 2.0) + "</w:tr>"], (2.0, 2.0))
    heading = "".join(xml.cell(xml.para(t), 3.0) for t in ("STT", "Thành viên", "Ghi chú"))
    row = (xml.cell(xml.para("1"), 3.0) + xml.cell(inner + xml.para(""), 3.0)
           + xml.cell(xml.para("x"), 3.0))
    body = xml.table([f"<w:tr>{heading}</w:tr>", f"<w:tr>{row}</w:tr>"], (3.0,) * 3)
    result = read_docx(docx_bytes(body))
    assert [line.text for line in result.lines] == ["STT\tThành viên\tGhi chú",
                                                    "1\tÔng A Trưởng ban\tx"]
    assert {line.table for line in result.lines} == {1}


def test_vertically_merged_cell_text_is_not_repeated() -> None:
    def row(values, merge):
        return "<w:tr>" + "".join(xml.cell(xml.para(v), 3.0, m) for v, m in
                                  zip(values, merge, strict=True)) + "</w:tr>"

    body = xml.table([row(("STT", "Họ tên", "Chức danh"), ("", "", "")),
                      row(("1", "Ông A", "Thành viên"), ("", "", '<w:vMerge w:val="restart"/>')),
                      row(("2", "Ông B", ""), ("", "", "<w:vMerge/>"))], (3.0,) * 3)
    assert read_lines(body)[1:] == ["1\tÔng A\tThành viên", "2\tÔng B\t"]


def test_label_rows_of_a_letterhead_are_read_with_their_value() -> None:
    """'Kính gửi:' beside its recipients is read before them, not before the motto's column."""
    def row(left: str, right: str) -> str:
        return f"<w:tr>{xml.cell(left, 6.0)}{xml.cell(right, 10.0)}</w:tr>"

    body = xml.table([row(paragraphs("UBND XÃ AN HÒA", "Số: 5/UBND"),
                          paragraphs("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "An Hòa, ngày 02")),
                      row(paragraphs("Kính gửi:"), paragraphs("- Các thôn;", "- Bưu điện xã."))],
                     (6.0, 10.0))
    assert read_lines(body) == ["UBND XÃ AN HÒA", "Số: 5/UBND",
                                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "An Hòa, ngày 02",
                                "Kính gửi:", "- Các thôn;", "- Bưu điện xã."]


def test_page_breaks_typed_and_rendered() -> None:
    body = (xml.para("Trang một")
            + xml.para(xml.run("Cuối trang một") + '<w:r><w:br w:type="page"/></w:r>'
                       + xml.run("Đầu trang hai"))
            + xml.para('<w:r><w:lastRenderedPageBreak/><w:t>Trang ba</w:t></w:r>')
            + xml.para("Trang bốn", extra="<w:pageBreakBefore/>"))
    pages = [(line.page, line.text) for line in read_docx(docx_bytes(body)).lines]
    assert pages == [(1, "Trang một"), (1, "Cuối trang một"), (2, "Đầu trang hai"),
                     (3, "Trang ba"), (4, "Trang bốn")]


def test_floating_table_is_read_where_it_is_anchored() -> None:
    """A floating letterhead (w:tblpPr) is read at its place in the text, cell by cell."""
    letterhead = xml.table(["<w:tr>" + xml.cell(paragraphs("UBND XÃ AN HÒA", "Số: 5/QĐ"), 6.0)
                            + xml.cell(paragraphs("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 10.0)
                            + "</w:tr>"], (6.0, 10.0)).replace(
        "<w:tblPr>", '<w:tblPr><w:tblpPr w:vertAnchor="text" w:horzAnchor="margin" '
                     'w:tblpXSpec="center" w:tblpY="-178"/>', 1)
    assert read_lines(letterhead + xml.para("QUYẾT ĐỊNH")) == [
        "UBND XÃ AN HÒA", "Số: 5/QĐ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH"]


def test_field_characters_in_hidden_runs_still_count() -> None:
    body = xml.para('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    + xml.run(" DOCPROPERTY So ", tag="instrText")
                    + '<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
                    + xml.run("45") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                    + xml.run("/QĐ-UBND"))
    assert read_lines(body) == ["45/QĐ-UBND"]
