"""A commune's member list in the layouts that trouble readers: headings ending in a dot,
ranks and titles, office only, a missing annex, tables split or flattened, tab stops.
"""

from __future__ import annotations

from samples_blocks import Para, Table, blocks_to_text
from samples_members_parts import (
    COMMUNE,
    COMMUNE_RECIPIENTS,
    EA_AUTHORITY,
    EA_HLE,
    EA_SUMMARY,
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
