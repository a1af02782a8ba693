"""Member lists of provincial bodies: roles beyond "Ban", the name after the job, invited
members, agency and role headings, a council's table and an annex filed alone.
"""

from __future__ import annotations

from samples_blocks import PageBreak, Para, Table
from samples_members_parts import (
    PROVINCE,
    PT,
    PTT,
    RECIPIENTS,
    TB,
    TV,
    UV,
    Person,
    Sample,
    closing,
    duties,
    expect_header,
    head,
    opening,
    signer,
)


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
