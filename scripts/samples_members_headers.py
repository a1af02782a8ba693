"""Letterheads, dates and signers in their harder shapes, and committees on other subjects."""

from __future__ import annotations

from samples_blocks import MOTTO_1, MOTTO_2, Para, SignBlock, blocks_to_text
from samples_members_parts import (
    BASES,
    COMMUNE,
    EA_AUTHORITY,
    EA_SUMMARY,
    PROVINCE,
    RECIPIENTS,
    UV,
    Person,
    Sample,
    closing,
    expect_header,
    head,
    opening,
    signer,
)


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
