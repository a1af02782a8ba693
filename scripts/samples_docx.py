"""Samples topic "docx": Word features a reader must show as Word shows them.

Each file is a decision (or the regulation it issues) of the steering committee of an invented
commune, with invented people, and one Word feature: automatic numbering, tracked changes, a
first-page header, a text box, content controls, fields, merged table cells, a repeated header
row, Word Online's `document2.xml`, password protection. `manifest.json` says what each must
read as: `lines` (in this order, each exact after trimming), `once` (exactly one such line),
`absent` (in no line), `notes` (reading-note codes), `pages` (line -> page), `table_rows`
(rows of one data table), or `error` (the error code).

    .venv/bin/python scripts/build_samples.py --topic docx
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samples_docx_regulation import regulation_sample
from samples_docx_xml import (
    Sample,
    abstract_number,
    add_numbering,
    add_paragraph_style,
    build_document,
    cell,
    centred,
    complex_field,
    content_control,
    deleted,
    encrypt,
    encrypted_doc,
    fill,
    inserted,
    mark_change,
    number_instance,
    numbered,
    page_break,
    para,
    run,
    simple_field,
    table,
    text_box,
    word_online,
)

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
COMMUNE, DISTRICT = "Hòa Phong", "Sơn Khê"
ISSUER = ("ỦY BAN NHÂN DÂN", f"XÃ {COMMUNE.upper()}")
NUMBER = "Số: 45/QĐ-UBND"
DATE = f"Xã {COMMUNE}, ngày 05 tháng 3 năm 2024"
SUMMARY = ("Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế "
           f"xã {COMMUNE}")
BASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng "
    "11 năm 2019;",
    "Căn cứ Nghị định số 33/2023/NĐ-CP ngày 10 tháng 6 năm 2023 của Chính phủ quy định về cán bộ, "
    "công chức cấp xã và người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân phố;",
    "Căn cứ Công văn số 3036/BHXH-BT ngày 24/9/2020 của Bảo hiểm xã hội Việt Nam về việc tham mưu "
    "cấp ủy, chính quyền lãnh đạo, chỉ đạo tăng cường thực hiện chính sách BHXH, BHYT;",
    "Căn cứ Công văn số 2657/BHXH-TCCB ngày 25/8/2023 của Bảo hiểm xã hội Việt Nam về việc triển "
    "khai thực hiện nhiệm vụ theo Nghị định số 33/2023/NĐ-CP;",
    "Theo đề nghị của Công chức Văn hóa - Xã hội xã.",
)
# (honorific and name, position, role)
MEMBERS = (
    ("Ông Đặng Văn Khiêm", "Chủ tịch Ủy ban nhân dân xã", "Trưởng ban"),
    ("Bà Lưu Thị Ngọc Hân", "Phó Chủ tịch Ủy ban nhân dân xã", "Phó Trưởng ban Thường trực"),
    ("Ông Triệu Quang Vinh", f"Phó Giám đốc BHXH huyện {DISTRICT}", "Phó Trưởng ban"),
    ("Bà Kha Thị Mận", "Công chức Văn hóa - Xã hội xã", "Thành viên thường trực"),
    ("Ông Âu Minh Lực", f"Viên chức BHXH huyện {DISTRICT} phụ trách địa bàn xã", "Thành viên"),
    ("Ông La Văn Tường", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Thành viên"),
    ("Bà Thái Thị Duyên", "Chủ tịch Hội Liên hiệp Phụ nữ xã", "Thành viên"),
    ("Ông Hứa Văn Bền", "Chủ tịch Hội Nông dân xã", "Thành viên"),
    ("Ông Tôn Thất Lộc", "Chủ tịch Hội Cựu chiến binh xã", "Thành viên"),
    ("Ông Giang Văn Sử", "Trưởng thôn Phong Mỹ", "Thành viên"),
    ("Bà Mạc Thị Lài", "Trưởng thôn Phong Thạnh", "Thành viên"),
    ("Bà Ông Thị Xuyến", f"Trưởng Bưu điện văn hóa xã {COMMUNE} (tổ chức dịch vụ thu có điểm "
     "thu tại xã)", "Thành viên"),
)
ARTICLES = (
    f"Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã {COMMUNE} trên cơ sở hợp nhất "
    "Ban Chỉ đạo phát triển người tham gia BHXH và Ban Chỉ đạo thực hiện BHYT toàn dân xã.",
    "Thành phần Ban Chỉ đạo gồm các ông (bà) có tên sau:",
    "Nhiệm vụ của Ban Chỉ đạo",
    "Hiệu lực và trách nhiệm thi hành",
)
TASKS = (
    "Giúp Chủ tịch Ủy ban nhân dân xã lãnh đạo, chỉ đạo các cơ quan, đơn vị trên địa bàn thực "
    "hiện chính sách BHXH, BHYT; xây dựng kế hoạch phát triển người tham gia hằng năm.",
    "Trưởng ban ban hành Quy chế hoạt động của Ban Chỉ đạo và phân công nhiệm vụ cho từng thành "
    "viên trong thời hạn 15 ngày kể từ ngày ký.",
    "Các thành viên Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm.",
)
CLOSING = (
    "Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 87/QĐ-UBND ngày "
    f"16/11/2020 của Chủ tịch UBND xã {COMMUNE}.",
    "Công chức Văn phòng - Thống kê, Thủ trưởng các cơ quan, đơn vị có liên quan và các ông "
    "(bà) có tên tại Điều 2 chịu trách nhiệm thi hành Quyết định này./.",
)
RECIPIENTS = ("Nơi nhận:", "- Như Điều 4;", f"- UBND huyện {DISTRICT};",
              f"- BHXH huyện {DISTRICT};", "- TT Đảng ủy, TT HĐND xã;", "- Lưu: VT.")
SIGNER = ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Lưu Thị Ngọc Hân")
TABLE_HEADING = ("STT", "Họ và tên", "Chức vụ", "Chức danh trong Ban Chỉ đạo")
WIDTHS = (1.2, 4.3, 6.5, 4.0)


def member_text(member: tuple[str, str, str]) -> str:
    name, position, role = member
    return f"{name}, {position} - {role};"


def letterhead(number: str = run(NUMBER), date: str = run(DATE, italic=True),
               issuer: str = centred(ISSUER)) -> str:
    left = issuer + para(number, align="center")
    right = centred(MOTTO) + para(date, align="center")
    return table([f"<w:tr>{cell(left, 6.0)}{cell(right, 10.0)}</w:tr>"], (6.0, 10.0))


def signature() -> str:
    left = "".join(para(run(line, bold=i == 0), align="left")
                   for i, line in enumerate(RECIPIENTS))
    return table([f"<w:tr>{cell(left, 8.0)}{cell(centred(SIGNER), 8.0)}</w:tr>"], (8.0, 8.0))


def opening(summary: str = run(SUMMARY, bold=True)) -> str:
    return (centred(("QUYẾT ĐỊNH",)) + para(summary, align="center")
            + centred((f"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ {COMMUNE.upper()}",))
            + "".join(para(run(base, italic=True)) for base in BASES)
            + centred(("QUYẾT ĐỊNH:",)))


def article(number: int, text: str) -> str:
    return para(run(f"Điều {number}. ", bold=True) + run(text))


def typed_members() -> str:
    return "".join(para(f"{i}. {member_text(m)}") for i, m in enumerate(MEMBERS, 1))


def decision(members: str | None = None, *, head: str | None = None,
             summary: str | None = None, after_members: str = "") -> str:
    """A whole decision with typed numbers; the parts a sample changes can be replaced."""
    return ((letterhead() if head is None else head)
            + (opening() if summary is None else opening(summary))
            + article(1, ARTICLES[0]) + article(2, ARTICLES[1])
            + (typed_members() if members is None else members) + after_members
            + article(3, ARTICLES[2])
            + "".join(para(f"{i}. {task}") for i, task in enumerate(TASKS, 1))
            + article(4, CLOSING[0]) + para(CLOSING[1]) + signature())


def expected_lines(members: list[str]) -> list[str]:
    return [*ISSUER, NUMBER, *MOTTO, DATE, "QUYẾT ĐỊNH", SUMMARY,
            f"Điều 1. {ARTICLES[0]}", f"Điều 2. {ARTICLES[1]}", *members,
            f"Điều 3. {ARTICLES[2]}", f"Điều 4. {CLOSING[0]}", "Nơi nhận:", "KT. CHỦ TỊCH",
            SIGNER[-1]]


MEMBER_LINES = [f"{i}. {member_text(m)}" for i, m in enumerate(MEMBERS, 1)]


# ------------------------------------------------------------------------- samples


def auto_numbered() -> Sample:
    """Điều by a style linked to a list; members in two lists sharing one counter;
    the khoản lists of Điều 3 and Điều 4 share a list, the second restarted by an override."""
    def edit(document) -> None:
        add_numbering(document, [
            abstract_number(60, [{"text": "Điều %1.", "format": "decimal", "style": "Dieu"}]),
            abstract_number(61, [{"text": "%1.", "format": "decimal"}]),
            abstract_number(62, [{"text": "%1.", "format": "decimal"}]),
        ], [number_instance(60, 60), number_instance(61, 61), number_instance(62, 61),
            number_instance(63, 62), number_instance(64, 62, restart_at=1)])
        add_paragraph_style(document, "Dieu", num_id=60)

    leaders = "".join(para(member_text(m), extra=numbered(61)) for m in MEMBERS[:3])
    others = "".join(para(member_text(m), extra=numbered(62)) for m in MEMBERS[3:])
    body = (letterhead() + opening()
            + para(ARTICLES[0], style="Dieu") + para(ARTICLES[1], style="Dieu")
            + para(run("a) Lãnh đạo Ban Chỉ đạo:", italic=True)) + leaders
            + para(run("b) Các thành viên:", italic=True)) + others
            + para(ARTICLES[2], style="Dieu")
            + "".join(para(task, extra=numbered(63)) for task in TASKS)
            + para(ARTICLES[3], style="Dieu")
            + "".join(para(text, extra=numbered(64)) for text in CLOSING) + signature())
    lines = [f"Điều 1. {ARTICLES[0]}", f"Điều 2. {ARTICLES[1]}", "a) Lãnh đạo Ban Chỉ đạo:",
             *MEMBER_LINES[:3], "b) Các thành viên:", *MEMBER_LINES[3:],
             f"Điều 3. {ARTICLES[2]}", *(f"{i}. {t}" for i, t in enumerate(TASKS, 1)),
             f"Điều 4. {ARTICLES[3]}", f"1. {CLOSING[0]}", f"2. {CLOSING[1]}"]
    return Sample(
        "qd-xa-hoa-phong-2024-danh-so-tu-dong.docx",
        "Automatic numbering: 'Điều %1.' through a paragraph style linked to a list; the member "
        "list in two w:num of one abstract list (one count, 1-12); two khoản lists of one "
        "abstract list, the second restarted by w:startOverride.",
        body, {"lines": lines, "absent": ["Điều 5.", "13. "]}, edit)


def tracked_changes() -> Sample:
    """A member added and another removed with Track Changes on, a word replaced in the
    summary; numbering is automatic, so accepting the changes renumbers the list."""
    def edit(document) -> None:
        add_numbering(document, [abstract_number(65, [{"text": "%1.", "format": "decimal"}])],
                      [number_instance(65, 65)])

    removed = "Ông Phí Văn Cường, Chủ tịch Hội Người cao tuổi xã - Thành viên;"
    rows = []
    for index, member in enumerate(MEMBERS):
        text = member_text(member)
        if index == 8:  # added while changes were tracked
            rows.append(para(inserted(run(text), 10 + index), extra=numbered(65),
                             mark=mark_change("ins", 40)))
        else:
            rows.append(para(text, extra=numbered(65)))
        if index == 9:  # removed while changes were tracked: its text and its paragraph mark
            rows.append(para(deleted(removed, 41), extra=numbered(65),
                             mark=mark_change("del", 42)))
    summary = (run("Về việc ", bold=True) + deleted("thành lập", 43)
               + inserted(run("kiện toàn", bold=True), 44) + run(SUMMARY[len("Về việc kiện toàn"):],
                                                                 bold=True))
    return Sample(
        "qd-xa-hoa-phong-2024-theo-doi-thay-doi.docx",
        "Unaccepted tracked changes: an inserted member (w:ins), a deleted member (w:del with "
        "its paragraph mark), 'thành lập' replaced by 'kiện toàn' in the summary. Read with "
        "the changes accepted, and a tracked_changes note.",
        decision("".join(rows), summary=summary),
        {"lines": expected_lines(MEMBER_LINES), "absent": ["Phí Văn Cường", "thành lập"],
         "notes": ["tracked_changes"]}, edit)


def first_page_header() -> Sample:
    """The issuing body and the motto stand in the first-page header; later pages carry only
    a page number in theirs."""
    def edit(document) -> None:
        section = document.sections[0]
        section.different_first_page_header_footer = True
        heading = table([f"<w:tr>{cell(centred(ISSUER), 6.0)}{cell(centred(MOTTO), 10.0)}"
                         "</w:tr>"], (6.0, 10.0))
        fill(section.first_page_header, heading)
        fill(section.header, para(run("- ") + complex_field("PAGE", "2") + run(" -"),
                                  align="center"))

    number_date = table([f"<w:tr>{cell(para(NUMBER, align='center'), 6.0)}"
                         f"{cell(para(run(DATE, italic=True), align='center'), 10.0)}</w:tr>"],
                        (6.0, 10.0))
    body = decision(head=number_date, after_members=page_break())
    return Sample(
        "qd-xa-hoa-phong-2024-dau-trang-trang-dau.docx",
        "First-page header (w:titlePg) carrying the issuing body and the motto; the default "
        "header of page 2 carries only a PAGE field and is not read.",
        body,
        {"lines": [*ISSUER, *MOTTO, *expected_lines(MEMBER_LINES)[5:]],
         "once": [ISSUER[0], MOTTO[0]],
         "pages": {ISSUER[0]: 1, f"Điều 3. {ARTICLES[2]}": 2}, "absent": ["- 2 -", "PAGE"]},
        edit)


def text_boxes() -> Sample:
    """The number and the date line sit in floating text boxes of the letterhead."""
    issuer = (centred(ISSUER[:1])
              + para(run(ISSUER[1], bold=True) + text_box(para(NUMBER, align="center"), 1, 0.9),
                     align="center"))
    motto = (centred(MOTTO[:1])
             + para(run(MOTTO[1], bold=True)
                    + text_box(para(run(DATE, italic=True), align="center"), 2, 0.9),
                    align="center"))
    head = table([f"<w:tr>{cell(issuer, 6.0)}{cell(motto, 10.0)}</w:tr>"], (6.0, 10.0))
    return Sample(
        "qd-xa-hoa-phong-2024-khung-so-ky-hieu.docx",
        "Number and date line in text boxes (DrawingML in mc:Choice, VML in mc:Fallback): "
        "each read once, after the paragraph it is anchored to.",
        decision(head=head),
        {"lines": expected_lines(MEMBER_LINES), "once": [NUMBER, DATE]})


def content_controls() -> Sample:
    """Number and day in run-level content controls, Điều 1 and the member list in block-level
    ones, and an empty control still showing its prompt."""
    number = run("Số: ") + content_control(run("45"), "SoVanBan") + run("/QĐ-UBND")
    date = (run(f"Xã {COMMUNE}, ngày ", italic=True)
            + content_control(run("05", italic=True), "NgayKy", date=True)
            + run(" tháng 3 năm 2024", italic=True))
    members = content_control(typed_members(), "DanhSachThanhVien")
    prompt = content_control(para("Nhấp vào đây để nhập nội dung ghi chú."), "GhiChu",
                             placeholder=True)
    body = decision(members, head=letterhead(number, date), after_members=prompt)
    article_1 = article(1, ARTICLES[0])
    body = body.replace(article_1, content_control(article_1, "Dieu1"), 1)
    return Sample(
        "qd-xa-hoa-phong-2024-dieu-khien-noi-dung.docx",
        "Content controls (w:sdt) at run and block level show their content; one still "
        "showing its placeholder prompt (w:showingPlcHdr) shows nothing a reviewer needs.",
        body,
        {"lines": expected_lines(MEMBER_LINES), "absent": ["Nhấp vào đây"]})


def fields() -> Sample:
    """Mail-merge and document-property fields show the value they last had."""
    def edit(document) -> None:
        fill(document.sections[0].header,
             para(simple_field("PAGE", "1"), align="center"))

    issuer = (centred(ISSUER[:1])
              + para(run("XÃ ", bold=True) + complex_field('MERGEFIELD "TenXa"', "HÒA PHONG"),
                     align="center"))
    number = run("Số: ") + simple_field("DOCPROPERTY SoVanBan", "45") + run("/QĐ-UBND")
    date = (run(f"Xã {COMMUNE}, ngày ", italic=True) + complex_field(
        'IF { MERGEFIELD "NgayKy" } = "" "..." "05"', "05") + run(" tháng 3 năm 2024",
                                                                   italic=True))
    return Sample(
        "qd-xa-hoa-phong-2024-truong-tron.docx",
        "Fields (complex fields and w:fldSimple, one with a nested instruction) show their "
        "cached result, never their instruction; the header's PAGE field is not content.",
        decision(head=letterhead(number, date, issuer)),
        {"lines": expected_lines(MEMBER_LINES),
         "absent": ["MERGEFIELD", "DOCPROPERTY", "TenXa", "NgayKy"]}, edit)


def member_table(*, merged: bool, header_row: bool, page_break_at: int | None = None,
                 numbered_stt: bool = False) -> str:
    def row(values: tuple[str, ...], extra_cells: tuple[str, ...] = ("",) * 4,
            row_props: str = "", first_run: str = "") -> str:
        cells = []
        for i, (value, extra) in enumerate(zip(values, extra_cells, strict=True)):
            content = para(first_run + run(value) if i == 0 else run(value), align="left",
                           extra=numbered(66) if numbered_stt and i == 0 and not value else "")
            cells.append(cell(content, WIDTHS[i], extra))
        props = f"<w:trPr>{row_props}</w:trPr>" if row_props else ""
        return f"<w:tr>{props}{''.join(cells)}</w:tr>"

    def group(text: str) -> str:
        span = '<w:gridSpan w:val="4"/>'
        return f"<w:tr>{cell(para(run(text, bold=True), align='left'), sum(WIDTHS), span)}</w:tr>"

    rows = [row(TABLE_HEADING, row_props="<w:tblHeader/>" if header_row else "")]
    for index, (name, position, role) in enumerate(MEMBERS):
        if merged and index in (0, 3):
            rows.append(group("I. Lãnh đạo Ban Chỉ đạo" if index == 0 else "II. Các thành viên"))
        stt = "" if numbered_stt else str(index + 1)
        role_cell, role_extra = role, ""
        if merged and index >= 4:  # "Thành viên" once, the cell merged down the rest
            role_cell = role if index == 4 else ""
            role_extra = '<w:vMerge w:val="restart"/>' if index == 4 else "<w:vMerge/>"
        brk = "<w:r><w:lastRenderedPageBreak/></w:r>" if index == page_break_at else ""
        rows.append(row((stt, name, position, role_cell), ("", "", "", role_extra),
                        first_run=brk))
    return table(rows, WIDTHS, borders=True)


def table_decision(table_xml: str) -> str:
    return decision(table_xml)


def merged_cells() -> Sample:
    """The member table groups its rows under headings spanning the table (w:gridSpan) and
    merges the role cell down the ordinary members (w:vMerge); STT is automatic numbering."""
    def edit(document) -> None:
        add_numbering(document, [abstract_number(66, [{"text": "%1", "format": "decimalZero"}])],
                      [number_instance(66, 66)])

    rows = ["\t".join(TABLE_HEADING), "I. Lãnh đạo Ban Chỉ đạo"]
    for index, (name, position, role) in enumerate(MEMBERS):
        if index == 3:
            rows.append("II. Các thành viên")
        shown = role if index < 5 else ""
        rows.append("\t".join((f"{index + 1:02d}", name, position, shown)))
    return Sample(
        "qd-xa-hoa-phong-2024-bang-gop-o.docx",
        "Member table with group headings across all columns (w:gridSpan) and the role "
        "'Thành viên' in one cell merged down eight rows (w:vMerge): the merged text is read "
        "once, in its first row; STT numbered automatically as 01, 02 (decimalZero).",
        table_decision(member_table(merged=True, header_row=False, numbered_stt=True)),
        {"table_rows": rows}, edit)


def repeated_header_row() -> Sample:
    """A member table marked to repeat its heading row on every page, crossing a page."""
    rows = ["\t".join(TABLE_HEADING),
            *("\t".join((str(i), name, pos, role)) for i, (name, pos, role) in
              enumerate(MEMBERS, 1))]
    return Sample(
        "qd-xa-hoa-phong-2024-bang-lap-tieu-de.docx",
        "Member table whose heading row repeats on each page (w:tblHeader) and that Word laid "
        "out across a page break (w:lastRenderedPageBreak before row 9): the heading is read "
        "once, the rows keep one table number across the page.",
        table_decision(member_table(merged=False, header_row=True, page_break_at=8)),
        {"table_rows": rows, "once": ["\t".join(TABLE_HEADING)],
         "pages": {rows[1]: 1, rows[9]: 2}})


def word_online_package() -> Sample:
    return Sample(
        "qd-xa-hoa-phong-2024-word-online.docx",
        "Saved by Word Online: the main part is word/document2.xml, found through "
        "_rels/.rels and [Content_Types].xml.",
        decision(), {"lines": expected_lines(MEMBER_LINES), "main_part": "word/document2.xml"})


def password_protected(extension: str) -> Sample:
    purpose = {
        "docx": "Password-protected DOCX as Word saves it: an OLE container with "
                "EncryptionInfo and EncryptedPackage streams (password in samples_docx_xml).",
        "doc": "Word 97 file whose FIB sets fEncrypted (the flag Word sets for a "
               "password-protected .doc; the flag was set on a LibreOffice .doc).",
    }[extension]
    return Sample(f"qd-xa-hoa-phong-2024-mat-khau.{extension}", purpose, decision(),
                  {"error": "encrypted"})


def regulation() -> Sample:
    head = table([f"<w:tr>{cell(centred(ISSUER), 6.0)}{cell(centred(MOTTO), 10.0)}</w:tr>"],
                 (6.0, 10.0))
    return regulation_sample(COMMUNE, DISTRICT, ISSUER, MOTTO, head)


def cases() -> list[Sample]:
    return [auto_numbered(), regulation(), tracked_changes(), first_page_header(),
            text_boxes(), content_controls(), fields(), merged_cells(), repeated_header_row(),
            word_online_package(), password_protected("docx"), password_protected("doc")]


def build(folder: Path) -> None:
    manifest = []
    for sample in cases():
        data: bytes | None = build_document(sample)
        if sample.expect.get("main_part"):
            data = word_online(data)
        if sample.expect.get("error") == "encrypted":
            data = encrypted_doc(data) if sample.name.endswith(".doc") else encrypt(data)
        if data is None:  # no LibreOffice to write a .doc
            continue
        (folder / sample.name).write_bytes(data)
        manifest.append({"file": sample.name, "purpose": sample.purpose, **sample.expect,
                         "sha256": hashlib.sha256(data).hexdigest()})
    (folder / "manifest.json").write_text(
        json.dumps({"generated_by": "scripts/samples_docx.py", "files": manifest},
                   ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
