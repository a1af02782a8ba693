"""Member lists, headers and signers in the shapes real decisions use (topic "members").

Every document here is invented - places, people, numbers - and shows one or more shapes of
the structure step (SPEC §3): roles beyond "Ban", the Prime Minister's "position + NAME, role",
invited members, agency and role headings, annex lists, tables split over pages or flattened
one cell per line, ranks and titles, Central Highlands names, ex-officio members, tab stops;
letterheads with a công văn's "V/v", a giấy mời without summary, a place broken over two
lines, a blank date; signers with a nested authority, "(Đã ký)", a glued name, two signers;
committees on other subjects. `manifest.json` says what each file must read as.

Formats: DOCX (python-docx), PDF and .doc converted from the DOCX by LibreOffice, PDF drawn
with reportlab where the layout is the point (tab stops, a place on two lines), UTF-8 text.
Built by `scripts/build_samples.py --topic members`.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from samples_blocks import (
    MOTTO_1,
    MOTTO_2,
    Letterhead,
    PageBreak,
    Para,
    SignBlock,
    Table,
    blocks_to_text,
)
from samples_docx_writer import DocxWriter, FontPlan, unicode_runs
from samples_office import soffice, stable_pdf, stable_zip
from samples_pdf_painter import SERIF

TB, PT, PTT, TV, UV = "Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban Thường trực", \
    "Thành viên", "Ủy viên"
BASES = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
         "Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024;",
         "Căn cứ Công văn số 3036/BHXH-BT ngày 24/9/2020 của Bảo hiểm xã hội Việt Nam;")


@dataclass(frozen=True)
class Person:
    """What the reader must find for one member (None: nothing written there)."""

    honorific: str | None
    name: str | None
    position: str | None
    role: str | None
    agency: str | None = None  # only asserted where a heading, column or head names it


@dataclass
class Sample:
    id: str
    shapes: tuple[str, ...]
    blocks: list
    formats: tuple[str, ...]
    members: list[Person] = field(default_factory=list)
    header: dict = field(default_factory=dict)
    signers: list[dict] = field(default_factory=list)
    doc_type: str = "other"
    missing_annex: bool = False
    text: str | None = None  # the text file when it is not the blocks' own text

    def plain(self) -> str:
        return self.text if self.text is not None else blocks_to_text(self.blocks)


def head(left: tuple[str, ...], number: str | None, place_date: str | None,
         v_v: str | None = None) -> object:
    return Letterhead(left=left, number_line=f"Số: {number}" if number else None,
                      place_date=place_date, summary_left=v_v)


def opening(summary: str, authority: str, bases=BASES, proposal: str | None = None) -> list:
    blocks = [Para("QUYẾT ĐỊNH", "heading"), Para(summary, "heading"),
              Para(authority, "heading"), *(Para(b) for b in bases)]
    if proposal:
        blocks.append(Para(proposal))
    blocks.append(Para("QUYẾT ĐỊNH:", "heading"))
    return blocks


def closing(executor: str, recipients: tuple[str, ...], signer: tuple[str, ...],
            article: int = 3) -> list:
    return [Para(f"Điều {article}. Quyết định này có hiệu lực kể từ ngày ký. {executor} và các "
                 "ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
            SignBlock(recipients, signer)]


def duties(body: str) -> Para:
    return Para(f"Điều 2. {body} thực hiện nhiệm vụ theo quy định; các thành viên làm việc theo "
                "chế độ kiêm nhiệm.")


RECIPIENTS = ("Nơi nhận:", "- Như Điều 3;", "- Bảo hiểm xã hội tỉnh;", "- Lưu: VT, VX.")
PROVINCE = ("ỦY BAN NHÂN DÂN", "TỈNH BẮC LÂM")
COMMUNE = ("UBND TỈNH BẮC LÂM", "ỦY BAN NHÂN DÂN XÃ EA HLÊ")


def expect_header(number=None, symbol=None, date=None, place=None, type_name="QUYẾT ĐỊNH",
                  kind="quyết định", summary=None) -> dict:
    return {"number": number, "symbol": symbol, "date": date, "place": place,
            "type_name": type_name, "kind": kind, "summary": summary}


def signer(authority=None, position=None, name=None, chain=()) -> dict:
    return {"authority": authority, "position": position, "name": name, "chain": list(chain)}


# ------------------------------------------------------------------------ documents


def steering_long_roles() -> Sample:
    """ "Trưởng Ban Chỉ đạo", "Phó Trưởng Ban Chỉ đạo Thường trực", several deputies, Ủy viên."""
    summary = ("Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y "
               "tế tỉnh Bắc Lâm")
    members = [
        Person("Ông", "Lương Minh Khoa", "Phó Chủ tịch Ủy ban nhân dân tỉnh", TB),
        Person("Ông", "Trịnh Quốc Bảo", "Giám đốc Bảo hiểm xã hội tỉnh", PTT),
        Person("Bà", "Nghiêm Thị Thu Trang", "Phó Giám đốc Sở Y tế", PT),
        Person("Ông", "Khúc Văn Định", "Phó Giám đốc Sở Nội vụ", PT),
        Person("Ông", "Lã Đức Thọ", "Phó Giám đốc Sở Tài chính", "Ủy viên Thường trực"),
        Person("Bà", "Tống Thị Ngọc Ánh", "Phó Chủ tịch Liên đoàn Lao động tỉnh", UV),
        Person("Ông", "Giáp Văn Luân", "Phó Giám đốc Công an tỉnh", UV),
    ]
    roles = ["Trưởng Ban Chỉ đạo", "Phó Trưởng Ban Chỉ đạo Thường trực",
             "Phó Trưởng Ban Chỉ đạo", "Phó Trưởng Ban Chỉ đạo", "Ủy viên thường trực",
             "Ủy viên", "Ủy viên"]
    lines = [Para(f"{i + 1}. {m.honorific} {m.name}, {m.position} - {r}"
                  f"{';' if i < len(members) - 1 else '.'}")
             for i, (m, r) in enumerate(zip(members, roles, strict=True))]
    blocks = [head(PROVINCE, "1204/QĐ-UBND", "Bắc Lâm, ngày 08 tháng 9 năm 2025"),
              *opening(summary, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC LÂM",
                       proposal="Theo đề nghị của Giám đốc Bảo hiểm xã hội tỉnh."),
              Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm "
                   "y tế tỉnh Bắc Lâm, gồm các ông (bà) có tên sau:"),
              *lines, duties("Ban Chỉ đạo"),
              *closing("Chánh Văn phòng Ủy ban nhân dân tỉnh", RECIPIENTS,
                       ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Lương Minh Khoa"))]
    return Sample("qd-tinh-vai-tro-day-du", ("roles-long-forms", "several-deputies"), blocks,
                  ("docx", "pdf", "txt"), members,
                  expect_header("1204", "QĐ-UBND", "2025-09-08", "Bắc Lâm", summary=summary),
                  [signer("KT.", "PHÓ CHỦ TỊCH", "Lương Minh Khoa", ("KT. CHỦ TỊCH",))],
                  doc_type="decision")


def prime_minister_style() -> Sample:
    """ "Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn A, Trưởng ban;" - the name after the job."""
    summary = ("Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y "
               "tế tỉnh Bắc Lâm")
    members = [
        Person(None, "Đàm Quang Vinh", "Phó Chủ tịch Ủy ban nhân dân tỉnh", TB),
        Person(None, "Thân Thị Mỹ Linh", "Giám đốc Bảo hiểm xã hội tỉnh", PTT),
        Person(None, "Doãn Văn Hiếu", "Giám đốc Sở Y tế tỉnh Bắc Lâm", PT),
        Person(None, "Lò Văn Pản", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", TV),
        Person(None, "Bế Thị Hạnh", "Phó Giám đốc Sở Giáo dục và Đào tạo", TV),
    ]
    lines = [Para(f"{chr(97 + i)}) {m.position} {m.name}, {m.role}"
                  f"{';' if i < len(members) - 1 else '.'}") for i, m in enumerate(members)]
    blocks = [head(PROVINCE, "1377/QĐ-UBND", "Bắc Lâm, ngày 20 tháng 10 năm 2025"),
              *opening(summary, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC LÂM"),
              Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm "
                   "y tế tỉnh Bắc Lâm (sau đây gọi là Ban Chỉ đạo), thành phần gồm:"),
              *lines, duties("Ban Chỉ đạo"),
              *closing("Chánh Văn phòng Ủy ban nhân dân tỉnh", RECIPIENTS,
                       ("CHỦ TỊCH", "", "", "Âu Văn Thái"))]
    return Sample("qd-tinh-chuc-vu-truoc-ten", ("position-then-name",), blocks,
                  ("docx", "pdf", "txt"), members,
                  expect_header("1377", "QĐ-UBND", "2025-10-20", "Bắc Lâm", summary=summary),
                  [signer(None, "CHỦ TỊCH", "Âu Văn Thái")], doc_type="decision")


def invited_and_groups() -> Sample:
    """Role headings ("2. Các Phó Trưởng ban:"), "Mời bà ...", a job named "Phó Trưởng ban ..."."""
    summary = "Về việc thành lập Ban Chỉ đạo công tác gia đình tỉnh Bắc Lâm"
    members = [
        Person("Ông", "Cù Minh Tiến", "Phó Chủ tịch Ủy ban nhân dân tỉnh", TB),
        Person("Ông", "Hầu Văn Quý", "Giám đốc Sở Văn hóa, Thể thao và Du lịch", PTT),
        Person("Bà", "Ksor H'Bla", "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", PT),
        Person("Bà", "Lữ Thị Minh Hòa", "Phó Giám đốc Sở Y tế", PT),
        Person("Ông", "Mẫn Đức Trung", "Phó Trưởng ban Tuyên giáo và Dân vận Tỉnh ủy", UV),
        Person("Bà", "Ninh Thị Lệ", "Phó Chủ tịch Liên đoàn Lao động tỉnh", UV),
        Person("Ông", "Quách Văn Toàn", "Phó Giám đốc Sở Tư pháp", UV),
    ]
    blocks = [head(PROVINCE, "1502/QĐ-UBND", "Bắc Lâm, ngày 03 tháng 11 năm 2025"),
              *opening(summary, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC LÂM"),
              Para("Điều 1. Thành lập Ban Chỉ đạo công tác gia đình tỉnh Bắc Lâm, gồm các ông, bà "
                   "có tên sau:"),
              Para("1. Trưởng ban: Ông Cù Minh Tiến - Phó Chủ tịch Ủy ban nhân dân tỉnh."),
              Para("2. Các Phó Trưởng ban:"),
              Para("- Ông Hầu Văn Quý - Giám đốc Sở Văn hóa, Thể thao và Du lịch, Phó Trưởng ban "
                   "Thường trực;"),
              Para("- Mời bà Ksor H'Bla - Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh;"),
              Para("- Bà Lữ Thị Minh Hòa - Phó Giám đốc Sở Y tế."),
              Para("3. Các ủy viên:"),
              Para("- Mời ông Mẫn Đức Trung, Phó Trưởng ban Tuyên giáo và Dân vận Tỉnh ủy;"),
              Para("- Mời bà Ninh Thị Lệ, Phó Chủ tịch Liên đoàn Lao động tỉnh;"),
              Para("- Ông Quách Văn Toàn, Phó Giám đốc Sở Tư pháp."),
              duties("Ban Chỉ đạo"),
              *closing("Chánh Văn phòng Ủy ban nhân dân tỉnh", RECIPIENTS,
                       ("CHỦ TỊCH", "", "", "Âu Văn Thái"))]
    return Sample("qd-tinh-moi-va-nhom", ("invited", "role-group-headings", "job-like-role"),
                  blocks, ("docx", "pdf", "txt"), members,
                  expect_header("1502", "QĐ-UBND", "2025-11-03", "Bắc Lâm", summary=summary),
                  [signer(None, "CHỦ TỊCH", "Âu Văn Thái")])


def working_group_agencies() -> Sample:
    """A Tổ giúp việc: Tổ trưởng / Tổ phó, members under agency sub-headings."""
    summary = "Về việc thành lập Tổ giúp việc Ban Chỉ đạo chuyển đổi số tỉnh Bắc Lâm"
    members = [
        Person("Ông", "Hoàng Gia Phong", "Phó Giám đốc Sở Khoa học và Công nghệ", "Tổ trưởng"),
        Person("Bà", "Diệp Thị Ngân", "Trưởng phòng Chuyển đổi số", "Tổ phó"),
        Person("Ông", "Phí Văn Tú", "Chuyên viên Phòng Chuyển đổi số", TV,
               "Sở Khoa học và Công nghệ"),
        Person("Bà", "Kha Thị Diễm", "Chuyên viên Văn phòng Sở", TV, "Sở Khoa học và Công nghệ"),
        Person("Ông", "Mạc Đình Nam", "Phó Chánh Văn phòng Sở", TV, "Sở Nội vụ"),
        Person("Bà", "Viên Thị Thanh", "Chuyên viên Phòng Tổ chức - Biên chế", TV, "Sở Nội vụ"),
        Person("Ông", "Tạ Hữu Nghĩa", "Phó Giám đốc Trung tâm Phục vụ hành chính công tỉnh",
               TV, "Văn phòng Ủy ban nhân dân tỉnh"),
        Person("Ông", "Đường Văn Lộc", "Phó Trưởng phòng Quản lý ngân sách", TV, "Sở Tài chính"),
    ]
    blocks = [head(("UBND TỈNH BẮC LÂM", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"), "25/QĐ-BCĐ",
                   "Bắc Lâm, ngày 14 tháng 8 năm 2025"),
              *opening(summary, "TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH BẮC LÂM"),
              Para("Điều 1. Thành lập Tổ giúp việc Ban Chỉ đạo chuyển đổi số tỉnh Bắc Lâm (gọi "
                   "tắt là Tổ giúp việc), gồm các ông (bà) có tên sau:"),
              Para("1. Tổ trưởng: Ông Hoàng Gia Phong - Phó Giám đốc Sở Khoa học và Công nghệ"),
              Para("2. Tổ phó: Bà Diệp Thị Ngân - Trưởng phòng Chuyển đổi số"),
              Para("3. Các thành viên Tổ giúp việc gồm:"),
              Para("a) Sở Khoa học và Công nghệ:"),
              Para("- Ông Phí Văn Tú - Chuyên viên Phòng Chuyển đổi số"),
              Para("- Bà Kha Thị Diễm - Chuyên viên Văn phòng Sở"),
              Para("b) Sở Nội vụ"),
              Para("- Ông Mạc Đình Nam - Phó Chánh Văn phòng Sở"),
              Para("- Bà Viên Thị Thanh - Chuyên viên Phòng Tổ chức - Biên chế"),
              Para("c) Văn phòng Ủy ban nhân dân tỉnh: Ông Tạ Hữu Nghĩa - Phó Giám đốc Trung tâm "
                   "Phục vụ hành chính công tỉnh."),
              Para("d) Sở Tài chính:"),
              Para("- Ông Đường Văn Lộc - Phó Trưởng phòng Quản lý ngân sách."),
              duties("Tổ giúp việc"),
              *closing("Thủ trưởng các cơ quan có tên tại Điều 1", RECIPIENTS,
                       ("TRƯỞNG BAN", "CHỦ TỊCH UBND TỈNH", "", "", "Âu Văn Thái"))]
    return Sample("qd-to-giup-viec-theo-co-quan", ("roles-to", "agency-headings"), blocks,
                  ("docx", "pdf", "doc", "txt"), members,
                  expect_header("25", "QĐ-BCĐ", "2025-08-14", "Bắc Lâm", summary=summary),
                  [signer(None, "TRƯỞNG BAN", "Âu Văn Thái")])


def council_table_annex() -> Sample:
    """A council: Chủ tịch / Phó Chủ tịch / Thư ký Hội đồng in an appended DANH SÁCH table."""
    summary = "Về việc thành lập Hội đồng xét duyệt hồ sơ đề nghị công nhận xã an toàn khu"
    rows = [("STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Chức danh")]
    people = [
        ("Hứa Văn Đông", "Phó Chủ tịch UBND tỉnh", "Ủy ban nhân dân tỉnh", "Chủ tịch Hội đồng"),
        ("Bạch Thị Xuân", "Phó Giám đốc", "Sở Nội vụ", "Phó Chủ tịch Hội đồng"),
        ("Kiều Minh Sang", "Phó Giám đốc", "Sở Tài chính", "Thành viên Hội đồng"),
        ("Chu Văn Lượng", "Phó Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh",
         "Thành viên Hội đồng"),
        ("Lại Thị Thắm", "Trưởng phòng Xây dựng chính quyền", "Sở Nội vụ", "Thư ký Hội đồng"),
    ]
    rows += [(str(i + 1), *p) for i, p in enumerate(people)]
    roles = ["Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", TV, TV, "Thư ký"]
    members = [Person(None, n, f"{job}, {unit}", r, unit)
               for (n, job, unit, _), r in zip(people, roles, strict=True)]
    blocks = [head(PROVINCE, "1611/QĐ-UBND", "Bắc Lâm, ngày 21 tháng 11 năm 2025"),
              *opening(summary, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC LÂM"),
              Para("Điều 1. Thành lập Hội đồng xét duyệt hồ sơ đề nghị công nhận xã an toàn khu, "
                   "gồm 05 thành viên (có danh sách kèm theo)."),
              duties("Hội đồng"),
              *closing("Chánh Văn phòng Ủy ban nhân dân tỉnh", RECIPIENTS,
                       ("CHỦ TỊCH", "", "", "Âu Văn Thái")),
              PageBreak(),
              Para("DANH SÁCH", "heading"),
              Para("Hội đồng xét duyệt hồ sơ đề nghị công nhận xã an toàn khu", "heading"),
              Para("(Kèm theo Quyết định số 1611/QĐ-UBND ngày 21 tháng 11 năm 2025 của Chủ tịch "
                   "Ủy ban nhân dân tỉnh)", "note"),
              Table(tuple(rows), (1.2, 4.0, 4.2, 4.0, 3.1))]
    return Sample("qd-hoi-dong-danh-sach-bang", ("roles-council", "annex-table"), blocks,
                  ("docx", "pdf", "txt"), members,
                  expect_header("1611", "QĐ-UBND", "2025-11-21", "Bắc Lâm", summary=summary),
                  [signer(None, "CHỦ TỊCH", "Âu Văn Thái")])


def team_annex_file() -> Sample:
    """An annex filed alone: PHỤ LỤC, a list with no "Điều 1 ... gồm", Đội trưởng roles."""
    members = [
        Person("Ông", "Phùng Đức Hậu", "Phó Giám đốc Bảo hiểm xã hội tỉnh", "Đội trưởng"),
        Person("Ông", "Triệu Văn Khánh", "Trưởng phòng Thanh tra - Kiểm tra, Bảo hiểm xã hội "
               "tỉnh", "Phó Đội trưởng Thường trực"),
        Person("Bà", "Văn Thị Hồng Nhung", "Phó Chánh Thanh tra, Sở Nội vụ", "Phó Đội trưởng"),
        Person("Ông", "Nhữ Văn Cường", "Đội trưởng, Đội Cảnh sát kinh tế, Công an tỉnh", TV),
        Person("Ông", "Ung Văn Lâm", "Chuyên viên Phòng Nghiệp vụ Y, Sở Y tế", TV),
    ]
    lines = [Para(f"{m.honorific} {m.name}, {m.position}: {m.role}"
                  f"{';' if i < len(members) - 1 else './.'}", "plain")
             for i, m in enumerate(members)]
    title = ("Danh sách thành viên Đội kiểm tra liên ngành thực hiện pháp luật về bảo hiểm xã "
             "hội, bảo hiểm y tế tỉnh Bắc Lâm")
    blocks = [Para("PHỤ LỤC", "heading"), Para(title, "heading"),
              Para("(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng 9 năm 2025 của Ủy ban "
                   "nhân dân tỉnh)", "note"),
              *lines]
    return Sample("phu-luc-doi-kiem-tra", ("roles-doi", "annex-file"), blocks,
                  ("docx", "pdf", "txt"), members,
                  expect_header(type_name="PHỤ LỤC", kind="phụ lục", summary=title))


EA_HLE = "Xã Ea Hlê, ngày 12 tháng 3 năm 2025"
COMMUNE_RECIPIENTS = ("Nơi nhận:", "- Như Điều 3;", "- Bảo hiểm xã hội cơ sở Hlê Bắc;",
                      "- Lưu: VT.")
EA_SUMMARY = "Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Ea Hlê"
EA_AUTHORITY = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ EA HLÊ"


def commune_heading_dot() -> Sample:
    """A role heading ending in "." with the person on the next line; Central Highlands names."""
    members = [
        Person("Ông", "Y Kroa Mlô", "Chủ tịch Ủy ban nhân dân xã", TB),
        Person("Bà", "H'Lim Niê", "Trưởng phòng Văn hóa - Xã hội xã", PTT),
        Person("Ông", "K' Thoan", "Phó Giám đốc Bảo hiểm xã hội cơ sở Hlê Bắc", PT),
        Person("Bà", "Nay H'Ngoan", "Chủ tịch Hội Liên hiệp Phụ nữ xã", TV),
        Person("Ông", "Rah Lan Thuận", "Trưởng thôn Buôn Tría", TV),
        Person("Ông", "Kpă Y Sơn", "Chủ tịch Hội Nông dân xã", TV),
        Person("Ông", "Ksor Y Đhin",
               "Trưởng Bưu điện văn hóa xã (tổ chức dịch vụ thu có điểm thu tại xã)", TV),
    ]
    body = [
        Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Ea Hlê, gồm các "
             "ông (bà) có tên sau:"),
        Para("1. Trưởng ban."), Para("Ông Y Kroa Mlô, Chủ tịch Ủy ban nhân dân xã."),
        Para("2. Phó Trưởng ban Thường trực."),
        Para("Bà H'Lim Niê, Trưởng phòng Văn hóa - Xã hội xã."),
        Para("3. Phó Trưởng ban."),
        Para("Ông K' Thoan, Phó Giám đốc Bảo hiểm xã hội cơ sở Hlê Bắc."),
        Para("4. Các thành viên:"),
        *(Para(f"- {m.honorific} {m.name}, {m.position}{';' if i < 3 else '.'}")
          for i, m in enumerate(members[3:])),
    ]
    blocks = [head(COMMUNE, "31/QĐ-UBND", EA_HLE), *opening(EA_SUMMARY, EA_AUTHORITY),
              *body, duties("Ban Chỉ đạo"),
              *closing("Văn phòng HĐND và UBND xã", COMMUNE_RECIPIENTS,
                       ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Siu Thị Bảy"))]
    return Sample("qd-xa-vai-tro-xuong-dong", ("role-heading-dot", "minority-names"), blocks,
                  ("docx", "pdf", "txt"), members,
                  expect_header("31", "QĐ-UBND", "2025-03-12", "Xã Ea Hlê", summary=EA_SUMMARY),
                  [signer("KT.", "PHÓ CHỦ TỊCH", "Siu Thị Bảy", ("KT. CHỦ TỊCH",))],
                  doc_type="decision")


def ranks_and_caps_groups() -> Sample:
    """ "I. LÃNH ĐẠO BAN CHỈ ĐẠO" / "II. CÁC THÀNH VIÊN"; ranks and titles as honorifics."""
    summary = ("Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y "
               "tế tỉnh Bắc Lâm")
    members = [
        Person("Ông", "Tôn Thất Bình", "Phó Chủ tịch UBND tỉnh", TB),
        Person("TS.", "Lê Hữu Phước", "Giám đốc Sở Y tế", PT),
        Person("Ông", "Châu Quang Vũ", "Giám đốc Bảo hiểm xã hội tỉnh", PTT),
        Person("Đại tá", "Mai Văn Sáu", "Phó Giám đốc Công an tỉnh", TV),
        Person("Thượng tá", "Đoàn Minh Hải", "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", TV),
        Person("Trung tá", "Quan Văn Tùng",
               "Phó Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh", TV),
        Person("Thiếu tá", "Kim Văn Sang",
               "Phó Trưởng phòng Cảnh sát quản lý hành chính, Công an tỉnh", TV),
        Person("ThS.", "Dương Thị Mỹ Dung", "Phó Giám đốc Sở Giáo dục và Đào tạo", TV),
        Person("BS.CKII", "Từ Văn Lực", "Giám đốc Bệnh viện Đa khoa tỉnh", TV),
    ]

    def line(i: int, m: Person, role: str | None) -> Para:
        tail = f" - {role}" if role else ""
        return Para(f"{i}. {m.honorific} {m.name}, {m.position}{tail}"
                    f"{'.' if i == len(members) else ';'}")

    blocks = [head(PROVINCE, "988/QĐ-UBND", "Bắc Lâm, ngày 15 tháng 7 năm 2025"),
              *opening(summary, "ỦY BAN NHÂN DÂN TỈNH BẮC LÂM"),
              Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm "
                   "y tế tỉnh Bắc Lâm."),
              Para("Điều 2. Thành phần Ban Chỉ đạo"),
              Para("I. LÃNH ĐẠO BAN CHỈ ĐẠO", "heading"),
              *(line(i + 1, m, m.role) for i, m in enumerate(members[:3])),
              Para("II. CÁC THÀNH VIÊN BAN CHỈ ĐẠO", "heading"),
              *(line(i + 4, m, None) for i, m in enumerate(members[3:])),
              Para("Điều 3. Ban Chỉ đạo thực hiện nhiệm vụ theo quy định."),
              *closing("Chánh Văn phòng Ủy ban nhân dân tỉnh", RECIPIENTS,
                       ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "",
                        "Tôn Thất Bình"), article=4)]
    return Sample("qd-tinh-cap-bac-hoc-vi", ("ranks-titles", "caps-group-headings"), blocks,
                  ("docx", "pdf", "txt"), members,
                  expect_header("988", "QĐ-UBND", "2025-07-15", "Bắc Lâm", summary=summary),
                  [signer("KT.", "PHÓ CHỦ TỊCH", "Tôn Thất Bình",
                          ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"))],
                  doc_type="decision")


def office_only() -> Sample:
    """Members named by office alone, ex officio ("Đại diện lãnh đạo ... - Ủy viên")."""
    members = [
        Person(None, None, "Chủ tịch Ủy ban nhân dân xã", TB),
        Person(None, None, "Phó Chủ tịch Ủy ban nhân dân xã", PTT),
        Person(None, None, "Đại diện lãnh đạo Bảo hiểm xã hội cơ sở Hlê Bắc", PT),
        Person(None, None, "Đại diện lãnh đạo Công an xã", UV),
        Person(None, None, "Trưởng phòng Văn hóa - Xã hội xã", UV),
        Person(None, None, "Trưởng các thôn, buôn", UV),
    ]
    lines = [Para(f"{i + 1}. {m.position} - {m.role}{';' if i < 5 else '.'}")
             for i, m in enumerate(members)]
    blocks = [head(COMMUNE, "44/QĐ-UBND", "Xã Ea Hlê, ngày 02 tháng 4 năm 2025"),
              *opening(EA_SUMMARY, EA_AUTHORITY),
              Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Ea Hlê, "
                   "thành phần gồm:"),
              *lines, duties("Ban Chỉ đạo"),
              *closing("Văn phòng HĐND và UBND xã", COMMUNE_RECIPIENTS,
                       ("CHỦ TỊCH", "", "(Đã ký)", "", "Y Kroa Mlô"))]
    return Sample("qd-xa-theo-chuc-danh", ("office-only", "signed-mark"), blocks,
                  ("docx", "pdf", "txt"), members,
                  expect_header("44", "QĐ-UBND", "2025-04-02", "Xã Ea Hlê", summary=EA_SUMMARY),
                  [signer(None, "CHỦ TỊCH", "Y Kroa Mlô")], doc_type="decision")


def missing_annex() -> Sample:
    """The list is "kèm theo" but the file holds none: reported, no member invented."""
    blocks = [head(COMMUNE, "52/QĐ-UBND", "Xã Ea Hlê, ngày 20 tháng 5 năm 2025"),
              *opening(EA_SUMMARY, EA_AUTHORITY),
              Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Ea Hlê gồm "
                   "15 thành viên (có danh sách kèm theo)."),
              duties("Ban Chỉ đạo"),
              *closing("Văn phòng HĐND và UBND xã", COMMUNE_RECIPIENTS,
                       ("CHỦ TỊCH", "", "", "Y Kroa Mlô"))]
    return Sample("qd-xa-thieu-danh-sach", ("missing-annex",), blocks, ("docx", "pdf", "txt"),
                  [], expect_header("52", "QĐ-UBND", "2025-05-20", "Xã Ea Hlê",
                                    summary=EA_SUMMARY),
                  [signer(None, "CHỦ TỊCH", "Y Kroa Mlô")], doc_type="decision",
                  missing_annex=True)


def split_table() -> Sample:
    """A member table whose header row repeats on the next page and whose row is cut by it."""
    rows = [("STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Chức danh trong Ban Chỉ đạo")]
    people = [
        ("Ông Vương Đình Khải", "Chủ tịch UBND xã", TB),
        ("Bà Cấn Thị Huệ", "Phó Chủ tịch UBND xã", PTT),
        ("Ông Lăng Văn Hào", "Phó Giám đốc Bảo hiểm xã hội cơ sở Hlê Bắc", PT),
        ("Bà Khổng Thị Mơ", "Trưởng phòng Văn hóa - Xã hội xã", TV),
        ("Ông Giang Văn Ba", "Chủ tịch Hội Cựu chiến binh xã", TV),
        ("Bà Mông Thị Sen", "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", TV),
    ]
    rows += [(str(i + 1), n, p, r) for i, (n, p, r) in enumerate(people)]
    members = [Person(n.split()[0], " ".join(n.split()[1:]), p, r) for n, p, r in people]
    blocks = [head(COMMUNE, "60/QĐ-UBND", "Xã Ea Hlê, ngày 10 tháng 6 năm 2025"),
              *opening(EA_SUMMARY, EA_AUTHORITY),
              Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Ea Hlê gồm "
                   "các ông (bà) có tên sau:"),
              Table(tuple(rows), (1.2, 4.5, 7.0, 3.8)),
              duties("Ban Chỉ đạo"),
              *closing("Văn phòng HĐND và UBND xã", COMMUNE_RECIPIENTS,
                       ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Cấn Thị Huệ"))]
    text = blocks_to_text(blocks).replace(
        "4\tBà Khổng Thị Mơ\tTrưởng phòng Văn hóa - Xã hội xã\tThành viên\n",
        "4\tBà Khổng Thị Mơ\tTrưởng phòng Văn hóa\t\n"
        "2\n"
        "STT\tHọ và tên\tChức vụ, đơn vị công tác\tChức danh trong Ban Chỉ đạo\n"
        "\t\t- Xã hội xã\tThành viên\n")
    return Sample("qd-xa-bang-qua-trang", ("table-header-repeated", "table-row-split"), blocks,
                  ("docx", "pdf", "txt"), members,
                  expect_header("60", "QĐ-UBND", "2025-06-10", "Xã Ea Hlê", summary=EA_SUMMARY),
                  [signer("KT.", "PHÓ CHỦ TỊCH", "Cấn Thị Huệ", ("KT. CHỦ TỊCH",))],
                  doc_type="decision", text=text)


def flattened_table() -> Sample:
    """A table copied as text, one cell per line; a cell wraps onto a second line."""
    people = [
        ("Vương Đình Khải", "Chủ tịch UBND xã", TB),
        ("Cấn Thị Huệ", "Phó Chủ tịch UBND xã", PTT),
        ("Lăng Văn Hào", "Phó Giám đốc Bảo hiểm xã hội cơ sở Hlê Bắc", PT),
        ("Khổng Thị Mơ", "Trưởng phòng Văn hóa - Xã hội xã", TV),
    ]
    members = [Person(None, n, p, r) for n, p, r in people]
    cells = ["STT", "Họ và tên", "Chức vụ", "Chức danh"]
    for i, (n, p, r) in enumerate(people):
        cells += [str(i + 1), n, *(["Phó Giám đốc Bảo hiểm xã hội", "cơ sở Hlê Bắc"]
                                   if i == 2 else [p]),
                  *(["Phó Trưởng ban", "Thường trực"] if r == PTT else [r])]
    blocks = [head(COMMUNE, "61/QĐ-UBND", "Xã Ea Hlê, ngày 11 tháng 6 năm 2025"),
              *opening(EA_SUMMARY, EA_AUTHORITY),
              Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Ea Hlê gồm "
                   "các ông (bà) có tên sau:"),
              *(Para(c, "plain") for c in cells),
              duties("Ban Chỉ đạo"),
              *closing("Văn phòng HĐND và UBND xã", COMMUNE_RECIPIENTS,
                       ("CHỦ TỊCH", "", "", "Vương Đình Khải"))]
    return Sample("qd-xa-bang-mot-o-mot-dong", ("table-flattened",), blocks, ("docx", "txt"),
                  members,
                  expect_header("61", "QĐ-UBND", "2025-06-11", "Xã Ea Hlê", summary=EA_SUMMARY),
                  [signer(None, "CHỦ TỊCH", "Vương Đình Khải")], doc_type="decision")


def tab_stops() -> Sample:
    """Name, position and role at tab stops of a PDF (drawn), or as spaces in a text copy."""
    people = [
        ("Ông", "Lý Văn Tài", "Chủ tịch UBND xã", TB),
        ("Bà", "Âu Thị Nguyệt", "Phó Chủ tịch UBND xã", PTT),
        ("Ông", "Hàn Văn Quyết", "Viên chức Bảo hiểm xã hội cơ sở Hlê Bắc", PT),
        ("Bà", "Bì Thị Lan", "Chủ tịch Hội Liên hiệp Phụ nữ xã", TV),
        ("Ông", "Lục Văn Sinh", "Trưởng thôn Ea Tâm", TV),
    ]
    members = [Person(*p) for p in people]
    rows = [(f"{i + 1}. {h} {n}", p, r) for i, (h, n, p, r) in enumerate(people)]
    blocks = [head(COMMUNE, "75/QĐ-UBND", "Xã Ea Hlê, ngày 18 tháng 7 năm 2025"),
              *opening(EA_SUMMARY, EA_AUTHORITY),
              Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Ea Hlê gồm "
                   "các ông (bà) có tên sau:"),
              *(Para("      ".join(r), "plain") for r in rows),
              duties("Ban Chỉ đạo"),
              *closing("Văn phòng HĐND và UBND xã", COMMUNE_RECIPIENTS,
                       ("CHỦ TỊCH", "", "", "Lý Văn Tài"))]
    return Sample("qd-xa-diem-dung-tab", ("tab-stops",), blocks, ("pdf-drawn", "txt"), members,
                  expect_header("75", "QĐ-UBND", "2025-07-18", "Xã Ea Hlê", summary=EA_SUMMARY),
                  [signer(None, "CHỦ TỊCH", "Lý Văn Tài")], doc_type="decision")


def cong_van() -> Sample:
    """A công văn: "V/v ..." under the number, no type name; a number written "125 /UBND-VX"."""
    v_v = "V/v đề nghị hướng dẫn kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT"
    blocks = [head(COMMUNE, "125 /UBND-VX", "Xã Ea Hlê, ngày 05 tháng 8 năm 2025", v_v=v_v),
              Para("Kính gửi: Bảo hiểm xã hội tỉnh Bắc Lâm.", "heading"),
              Para("Thực hiện Công văn số 2657/BHXH-TCCB ngày 25/8/2023 của Bảo hiểm xã hội Việt "
                   "Nam, Ủy ban nhân dân xã Ea Hlê đề nghị Bảo hiểm xã hội tỉnh hướng dẫn thành "
                   "phần Ban Chỉ đạo thực hiện chính sách BHXH, BHYT sau khi sắp xếp đơn vị hành "
                   "chính cấp xã./."),
              SignBlock(("Nơi nhận:", "- Như trên;", "- Lưu: VT."),
                        ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "",
                         "Siu Thị Bảy"))]
    return Sample("cv-xa-so-co-khoang-trang", ("cong-van", "number-with-space"), blocks,
                  ("docx", "pdf", "txt"), [],
                  expect_header("125", "UBND-VX", "2025-08-05", "Xã Ea Hlê", type_name="CÔNG VĂN",
                                kind="công văn", summary=v_v),
                  [signer("KT.", "PHÓ CHỦ TỊCH", "Siu Thị Bảy",
                          ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"))])


def cong_van_addressed_left() -> Sample:
    """ "Kính gửi:" printed in the left column, above the motto and the date (text copy)."""
    v_v = "V/v báo cáo kết quả kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT"
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "XÃ EA HLÊ", "Số: 131/UBND-VX", v_v, "Kính gửi:",
        MOTTO_1, MOTTO_2, "Xã Ea Hlê, ngày 19 tháng 8 năm 2025",
        "- Bảo hiểm xã hội tỉnh Bắc Lâm;", "- Bảo hiểm xã hội cơ sở Hlê Bắc.",
        "Ủy ban nhân dân xã Ea Hlê báo cáo kết quả kiện toàn Ban Chỉ đạo thực hiện chính sách "
        "BHXH, BHYT xã như sau: Ban Chỉ đạo gồm 15 thành viên, có đủ thành phần theo hướng dẫn./.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Siu Thị Bảy",
    ]) + "\n"
    return Sample("cv-xa-kinh-gui-cot-trai", ("cong-van", "addressed-in-left-column"), [],
                  ("txt",), [],
                  expect_header("131", "UBND-VX", "2025-08-19", "Xã Ea Hlê", type_name="CÔNG VĂN",
                                kind="công văn", summary=v_v),
                  [signer("KT.", "PHÓ CHỦ TỊCH", "Siu Thị Bảy", ("KT. CHỦ TỊCH",))], text=text)


def invitation() -> Sample:
    """A giấy mời goes from its type name to the body: no summary."""
    blocks = [head(COMMUNE, "18/GM-UBND", "Xã Ea Hlê, ngày 25 tháng 8 năm 2025"),
              Para("GIẤY MỜI", "heading"),
              Para("Thực hiện Kế hoạch số 45/KH-BCĐ ngày 02/3/2025 của Ban Chỉ đạo thực hiện "
                   "chính sách BHXH, BHYT xã, Ủy ban nhân dân xã Ea Hlê trân trọng kính mời các "
                   "thành viên Ban Chỉ đạo dự họp đánh giá kết quả 6 tháng đầu năm, thời gian và "
                   "địa điểm như sau:"),
              Para("1. Thời gian: 08 giờ 00, ngày 28 tháng 8 năm 2025."),
              Para("2. Địa điểm: Hội trường Ủy ban nhân dân xã./."),
              SignBlock(("Nơi nhận:", "- Như thành phần mời;", "- Lưu: VT."),
                        ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "", "", "Hàn Thị Mến"))]
    return Sample("gm-xa-khong-trich-yeu", ("invitation-no-summary",), blocks,
                  ("docx", "pdf", "txt"), [],
                  expect_header("18", "GM-UBND", "2025-08-25", "Xã Ea Hlê", type_name="GIẤY MỜI",
                                kind="giấy mời", summary=None),
                  [signer("TL.", "CHÁNH VĂN PHÒNG", "Hàn Thị Mến", ("TL. CHỦ TỊCH",))])


def conclusion_nested_signer() -> Sample:
    """TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG, "(Đã ký)"; body after summary."""
    summary = ("Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo thực hiện chính "
               "sách bảo hiểm xã hội, bảo hiểm y tế tỉnh")
    blocks = [head(PROVINCE, "402/TB-UBND", "Bắc Lâm, ngày 14 tháng 3 năm 2025"),
              Para("THÔNG BÁO", "heading"), Para(summary, "heading"),
              Para("Ngày 10/3/2025, Phó Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp Ban Chỉ "
                   "đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế tỉnh. Sau khi nghe "
                   "báo cáo của Bảo hiểm xã hội tỉnh, Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận "
                   "như sau:"),
              Para("1. Các thành viên Ban Chỉ đạo tiếp tục thực hiện nhiệm vụ được phân công."),
              Para("2. Giao Bảo hiểm xã hội tỉnh tổng hợp kết quả, báo cáo hằng quý./."),
              SignBlock(("Nơi nhận:", "- Các thành viên Ban Chỉ đạo;", "- Lưu: VT, VX."),
                        ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
                         "(Đã ký)", "", "Hàn Thị Mến"))]
    return Sample("tb-tinh-ky-long-nhau", ("nested-authority", "signed-mark",
                                          "summary-then-body"), blocks,
                  ("docx", "pdf", "txt"), [],
                  expect_header("402", "TB-UBND", "2025-03-14", "Bắc Lâm",
                                type_name="THÔNG BÁO", kind="thông báo", summary=summary),
                  [signer("KT.", "PHÓ CHÁNH VĂN PHÒNG", "Hàn Thị Mến",
                          ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"))])


def place_on_two_lines() -> Sample:
    """ "Thành phố Hồ Chí" / "Minh, ngày ..."; the summary runs into the authority line."""
    summary = "Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT Thành phố"
    authority = "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "-------", "Số: 210/QĐ-UBND", MOTTO_1,
        MOTTO_2, "---------------", "Thành phố Hồ Chí", "Minh, ngày 05 tháng 3 năm 2025",
        "QUYẾT ĐỊNH", f"{summary} {authority}", *BASES, "QUYẾT ĐỊNH:",
        "Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT Thành phố.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
        "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
        "Thạch Văn Út",
    ]) + "\n"
    return Sample("qd-tp-dia-danh-xuong-dong", ("place-broken", "summary-into-authority"), [],
                  ("txt", "pdf-drawn"), [],
                  expect_header("210", "QĐ-UBND", "2025-03-05", "Thành phố Hồ Chí Minh",
                                summary=summary),
                  [signer("KT.", "PHÓ CHỦ TỊCH", "Thạch Văn Út", ("KT. CHỦ TỊCH",))],
                  doc_type="decision", text=text)


def draft_blank() -> Sample:
    """A draft: "Số:      /QĐ-UBND", a blank day and month; a full date in a Căn cứ line."""
    blocks = [head(COMMUNE, "     /QĐ-UBND", "Xã Ea Hlê, ngày      tháng      năm 2025"),
              *opening(EA_SUMMARY, EA_AUTHORITY, bases=(
                  "Căn cứ Quyết định số 31/QĐ-UBND ngày 12 tháng 3 năm 2025 của Chủ tịch Ủy ban "
                  "nhân dân xã;",)),
              Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Ea Hlê."),
              Para("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."),
              SignBlock(("Nơi nhận:", "- Như Điều 2;", "- Lưu: VT."), ("CHỦ TỊCH",))]
    return Sample("du-thao-xa-so-ngay-trong", ("draft-number", "blank-date"), blocks,
                  ("docx", "pdf", "txt"), [],
                  expect_header(None, "QĐ-UBND", None, "Xã Ea Hlê", summary=EA_SUMMARY),
                  [signer(None, "CHỦ TỊCH", None)], doc_type="decision")


def damaged_date() -> Sample:
    """A date line a scan damaged ("ngày l5 thảng O3 năm 2O25"): no date, none borrowed from
    Căn cứ; the place before it still read."""
    text = blocks_to_text(draft_blank().blocks).replace(
        "Số:      /QĐ-UBND", "Số: 33/QĐ-UBND").replace(
        "Xã Ea Hlê, ngày      tháng      năm 2025", "Xã Ea Hlê, ngày l5 thảng O3 năm 2O25")
    return Sample("qd-xa-ngay-hong", ("damaged-date",), [], ("txt",), [],
                  expect_header("33", "QĐ-UBND", None, "Xã Ea Hlê", summary=EA_SUMMARY),
                  [signer(None, "CHỦ TỊCH", None)], doc_type="decision", text=text)


def signer_variants() -> list[Sample]:
    """Columns interleaved row by row, a position glued to the name, the signer first."""
    base = blocks_to_text([head(COMMUNE, "80/QĐ-UBND", "Xã Ea Hlê, ngày 01 tháng 9 năm 2025"),
                             *opening(EA_SUMMARY, EA_AUTHORITY),
                             Para("Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, "
                                  "BHYT xã Ea Hlê."),
                             Para("Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.")])
    header = expect_header("80", "QĐ-UBND", "2025-09-01", "Xã Ea Hlê", summary=EA_SUMMARY)
    kt = signer("KT.", "PHÓ CHỦ TỊCH", "Hà Thị Bích Vân", ("KT. CHỦ TỊCH",))
    shapes = {
        "signer-interleaved": ["Nơi nhận: KT. CHỦ TỊCH", "- Như Điều 2; PHÓ CHỦ TỊCH",
                               "- Bảo hiểm xã hội cơ sở Hlê Bắc;", "- Lưu: VT.",
                               "Hà Thị Bích Vân"],
        "signer-glued": ["Nơi nhận:", "- Như Điều 2;", "- Lưu: VT.", "KT. CHỦ TỊCH",
                         "PHÓ CHỦ TỊCHHà Thị Bích Vân"],
        "signer-before-recipients": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)",
                                     "Hà Thị Bích Vân", "Nơi nhận:", "- Như Điều 2;",
                                     "- Lưu: VT."],
        "signer-name-with-footnote": ["Nơi nhận: KT. CHỦ TỊCH", "- Như Điều 2; PHÓ CHỦ TỊCH",
                                      "- Lưu: VT.",
                                      "Hà Thị Bích Vân 1 (1) Các thôn Ea Tâm, Buôn Tría."],
    }
    return [Sample(f"qd-xa-{shape}", (shape,), [], ("txt",), [], header, [kt],
                   doc_type="decision", text=base + "\n".join(lines) + "\n")
            for shape, lines in shapes.items()]


def joint_plan() -> Sample:
    """A joint plan of two agencies: two signer blocks, side by side in the text copy."""
    summary = "Phối hợp thực hiện chính sách bảo hiểm y tế học sinh năm học 2025 - 2026"
    blocks = [head(("UBND TỈNH BẮC LÂM", "BẢO HIỂM XÃ HỘI TỈNH - SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
                   "12/KHLT-BHXH-SGDĐT", "Bắc Lâm, ngày 22 tháng 8 năm 2025"),
              Para("KẾ HOẠCH LIÊN TỊCH", "heading"), Para(summary, "heading"),
              Para("I. MỤC ĐÍCH, YÊU CẦU"),
              Para("Bảo đảm 100% học sinh tham gia bảo hiểm y tế theo quy định./."),
              SignBlock(("Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT."),
                        ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "",
                         "Nông Văn Tiệp", "", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                         "BẢO HIỂM XÃ HỘI TỈNH", "", "Sầm Thị Hoa"))]
    text = blocks_to_text(blocks[:-1]) + "\n".join([
        "KT. GIÁM ĐỐC KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC PHÓ GIÁM ĐỐC", "Nông Văn Tiệp Sầm Thị Hoa",
        "Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT."]) + "\n"
    both = [signer("KT.", "PHÓ GIÁM ĐỐC", "Nông Văn Tiệp", ("KT. GIÁM ĐỐC",)),
            signer("KT.", "PHÓ GIÁM ĐỐC", "Sầm Thị Hoa", ("KT. GIÁM ĐỐC",))]
    return Sample("khlt-tinh-hai-nguoi-ky", ("two-signers",), blocks, ("docx", "txt"), [],
                  expect_header("12", "KHLT-BHXH-SGDĐT", "2025-08-22", "Bắc Lâm",
                                type_name="KẾ HOẠCH LIÊN TỊCH", kind="kế hoạch liên tịch",
                                summary=summary), both, text=text)


def other_subjects() -> list[Sample]:
    """Committees on other subjects whose bodies name BHXH/BHYT; a decision replacing a member."""
    samples = []
    cases = [  # id, shape, summary, Điều 1, Điều 2, whether Điều 1 lists the members
        ("qd-tinh-bcd-chuong-trinh-muc-tieu", "other-subject-committee",
         "Về việc kiện toàn Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Bắc Lâm",
         "Kiện toàn Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Bắc Lâm, gồm các ông "
         "(bà) có tên sau:", "Ban Chỉ đạo chỉ đạo thực hiện chính sách bảo hiểm y tế cho người "
         "dân tộc thiểu số và hộ nghèo", True),
        ("qd-tinh-bcd-ma-tuy", "other-subject-committee",
         "Về việc kiện toàn Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và ma túy tỉnh",
         "Kiện toàn Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và ma túy tỉnh, gồm các "
         "ông (bà) có tên sau:", "Ban Chỉ đạo phối hợp với Bảo hiểm xã hội tỉnh bảo đảm bảo "
         "hiểm y tế cho người cai nghiện", True),
        ("qd-tinh-thay-doi-thanh-vien", "member-replaced",
         "Về việc thay đổi thành viên Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo "
         "hiểm y tế tỉnh Bắc Lâm",
         "Thay đổi thành viên Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế "
         "tỉnh Bắc Lâm như sau:", "Các nội dung khác của Quyết định số 1204/QĐ-UBND giữ "
         "nguyên", False),
    ]
    for number, (doc_id, shape, summary, article, duty, listed) in enumerate(cases, 1):
        member = Person("Ông", "Trịnh Quốc Bảo", "Giám đốc Bảo hiểm xã hội tỉnh", UV)
        blocks = [head(PROVINCE, f"{1700 + number}/QĐ-UBND",
                       f"Bắc Lâm, ngày {10 + number} tháng 12 năm 2025"),
                  *opening(summary, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC LÂM"),
                  Para(f"Điều 1. {article}"),
                  Para("- Ông Trịnh Quốc Bảo, Giám đốc Bảo hiểm xã hội tỉnh - Ủy viên." if listed
                       else "- Ông Trịnh Quốc Bảo, Giám đốc Bảo hiểm xã hội tỉnh, thay Ông Lã "
                            "Đức Thọ."),
                  Para(f"Điều 2. {duty}."),
                  *closing("Chánh Văn phòng Ủy ban nhân dân tỉnh", RECIPIENTS,
                           ("CHỦ TỊCH", "", "", "Âu Văn Thái"))]
        samples.append(Sample(doc_id, (shape,), blocks, ("docx", "txt"), [member] if listed else [],
                              expect_header(f"{1700 + number}", "QĐ-UBND",
                                            f"2025-12-{10 + number}", "Bắc Lâm",
                                            summary=summary),
                              [signer(None, "CHỦ TỊCH", "Âu Văn Thái")]))
    summary = "Hoạt động của Ban Chỉ đạo công tác dân số và phát triển tỉnh Bắc Lâm"
    blocks = [head(("UBND TỈNH BẮC LÂM", "BAN CHỈ ĐẠO CÔNG TÁC DÂN SỐ"), None, None),
              Para("QUY CHẾ", "heading"), Para(summary, "heading"),
              Para("(Ban hành kèm theo Quyết định số 1750 /QĐ-UBND ngày 05/3/2025 của Chủ tịch "
                   "Ủy ban nhân dân tỉnh)", "note"),
              Para("Điều 1. Ban Chỉ đạo phối hợp vận động người dân tham gia bảo hiểm y tế và bảo "
                   "hiểm xã hội tự nguyện."),
              Para("Điều 2. Trưởng ban phân công nhiệm vụ cho các thành viên.")]
    regulation = Sample("qc-tinh-bcd-dan-so", ("other-subject-regulation", "issued-by-line"),
                        blocks, ("docx", "txt"), [],
                        expect_header(type_name="QUY CHẾ", kind="quy chế", summary=summary))
    regulation.header["issued_by"] = {"number": "1750", "symbol": "QĐ-UBND",
                                      "date": "2025-03-05"}
    return [*samples, regulation]


def compose() -> list[Sample]:
    return [steering_long_roles(), prime_minister_style(), invited_and_groups(),
            working_group_agencies(), council_table_annex(), team_annex_file(),
            commune_heading_dot(), ranks_and_caps_groups(), office_only(), missing_annex(),
            split_table(), flattened_table(), tab_stops(), cong_van(),
            cong_van_addressed_left(), invitation(), conclusion_nested_signer(),
            place_on_two_lines(), draft_blank(), damaged_date(), *signer_variants(),
            joint_plan(), *other_subjects()]


# ----------------------------------------------------------------------------- writing

CM = 28.35  # points per centimetre
PAGE_LINES = 46


def _docx(sample: Sample, path: Path) -> None:
    """DOCX by the corpus writer; a table's first row repeats on every page, as offices set it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    writer = DocxWriter(FontPlan(unicode_runs))
    for block in sample.blocks:
        if isinstance(block, Letterhead):
            writer.letterhead(block)
        elif isinstance(block, Para):
            writer.para(block)
        elif isinstance(block, Table):
            writer.table(block)
            header = writer.doc.tables[-1].rows[0]._tr.get_or_add_trPr()
            header.append(OxmlElement("w:tblHeader"))
            header[-1].set(qn("w:val"), "true")
        elif isinstance(block, SignBlock):
            writer.sign_block(block)
        else:
            writer.page_break()
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))


def _rows(sample: Sample) -> list[list[tuple[float, str, bool]]]:
    """Printed rows (x in cm, text, centred) of a sample drawn by hand."""
    if not sample.blocks:
        return _text_rows(sample.plain())
    rows: list[list[tuple[float, str, bool]]] = []
    for block in sample.blocks:
        if isinstance(block, Letterhead):
            left = [*block.left, block.rule, *([block.number_line] if block.number_line else [])]
            right = [MOTTO_1, MOTTO_2, "---------------", block.place_date or ""]
            rows += _columns(left, right)
        elif isinstance(block, Para) and "      " in block.text:
            cells = block.text.split("      ")
            rows.append([(x, c, False) for x, c in zip((2.0, 7.0, 15.5), cells, strict=True)])
        elif isinstance(block, Para):
            centred = block.style in ("heading", "note")
            rows += [[(10.5 if centred else 2.5, line, centred)] for line in _wrap(block.text)]
        elif isinstance(block, SignBlock):
            rows += _columns(list(block.recipients), list(block.signer), signer=True)
    return rows


def _columns(left: list[str], right: list[str], signer: bool = False):
    rows = []
    for i in range(max(len(left), len(right))):
        row = []
        if i < len(left) and left[i]:
            row.append((2.5, left[i], False) if signer else (5.0, left[i], True))
        if i < len(right) and right[i]:
            row.append((14.0, right[i], True))
        rows.append(row)
    return rows


def _text_rows(text: str) -> list[list[tuple[float, str, bool]]]:
    """A text sample whose first nine lines are a two-column letterhead."""
    lines = text.splitlines()
    rows = _columns(lines[:4], lines[4:9])
    for line in lines[9:]:
        centred = line.isupper() or line.startswith("Về việc")
        rows += [[(10.5 if centred else 2.5, part, centred)] for part in _wrap(line)]
    return rows


def _wrap(text: str, width: int = 88) -> list[str]:
    out, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*out, current] if current else out


def _draw(sample: Sample, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(SERIF)))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    rows = _rows(sample)
    for start in range(0, len(rows), PAGE_LINES):
        y = A4[1] - 2 * CM
        for row in rows[start:start + PAGE_LINES]:
            for x, text, centred in row:
                pdf.setFont("DejaVuSerif", 10)
                (pdf.drawCentredString if centred else pdf.drawString)(x * CM, y, text)
            y -= 15
        pdf.showPage()
    pdf.save()


def _expected(sample: Sample) -> dict:
    return {
        "doc_type": sample.doc_type,
        "members": [{k: v for k, v in vars(m).items() if k != "agency" or v is not None}
                    for m in sample.members],
        "header": sample.header,
        "signers": sample.signers,
        "members_in_missing_annex": sample.missing_annex,
    }


def build(folder: Path) -> None:
    samples = compose()
    work = Path(tempfile.mkdtemp(prefix="samples-members-"))
    try:
        converted = {"pdf": [], "doc": []}
        for sample in samples:
            if any(f in ("docx", "pdf", "doc") for f in sample.formats):
                _docx(sample, work / f"{sample.id}.docx")
            for fmt in ("pdf", "doc"):
                if fmt in sample.formats:
                    converted[fmt].append(work / f"{sample.id}.docx")
        for fmt, target in (("pdf", "pdf"), ("doc", "doc:MS Word 97")):
            if converted[fmt]:
                (work / fmt).mkdir()
                soffice(converted[fmt], target, work / fmt, f"members-{fmt}")
        files = []
        for sample in samples:
            for fmt in sample.formats:
                suffix = "pdf" if fmt == "pdf-drawn" else fmt
                name = f"{sample.id}{'-ve' if fmt == 'pdf-drawn' else ''}.{suffix}"
                target = folder / name
                if fmt == "docx":
                    shutil.copyfile(work / f"{sample.id}.docx", target)
                elif fmt == "pdf":
                    target.write_bytes(stable_pdf((work / "pdf" / f"{sample.id}.pdf")
                                                    .read_bytes(), name))
                elif fmt == "doc":
                    shutil.copyfile(work / "doc" / f"{sample.id}.doc", target)
                elif fmt == "pdf-drawn":
                    _draw(sample, target)
                else:
                    target.write_text(sample.plain(), encoding="utf-8")
                files.append({"file": name, "id": sample.id, "format": fmt,
                              "shapes": list(sample.shapes), "expect": _expected(sample)})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    manifest = {"generated_by": "scripts/samples_members.py", "files": files}
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
