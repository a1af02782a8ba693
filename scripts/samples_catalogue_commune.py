"""The commune-level sample documents (the corpus's main subject, CV2657 applies)."""

from __future__ import annotations

import datetime as dt

from samples_blocks import Letterhead, Para, old_style, restyle
from samples_decisions import (
    LAW_2015,
    Doc,
    combined_doc,
    commune_decision,
    commune_recipients,
    dmy,
    regulation_doc,
)
from samples_people import PT, PTT, TB, TV, TVT, Member, members_from
from samples_places import commune_new, commune_old
from samples_regulations import commune_ctx, commune_regulation


def an_binh_members() -> list[Member]:
    return members_from([
        ("Ông", "Nguyễn Văn Hùng", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã", TB),
        ("Bà", "Trần Thị Mai", "Phó Chủ tịch UBND xã", PTT),
        ("Ông", "Lê Văn Tâm", "Phó Giám đốc BHXH huyện Châu Thành", PT),
        ("Bà", "Phạm Thị Hồng", "Công chức Văn hóa - Xã hội xã", TVT),
        ("Ông", "Võ Minh Trí", "Viên chức BHXH huyện Châu Thành, phụ trách thu BHXH, BHYT trên "
         "địa bàn xã An Bình", TV),
        ("Ông", "Huỳnh Văn Lợi", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã", TV),
        ("Bà", "Nguyễn Thị Lan", "Chủ tịch Hội Liên hiệp Phụ nữ xã", TV),
        ("Ông", "Đặng Văn Phúc", "Chủ tịch Hội Nông dân xã", TV),
        ("Ông", "Trương Văn Sơn", "Chủ tịch Hội Cựu chiến binh xã", TV),
        ("Anh", "Lê Quốc Bảo", "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", TV),
        ("Ông", "Phan Văn Út", "Trạm trưởng Trạm Y tế xã", TV),
        ("Bà", "Lý Thị Thu", "Công chức Tài chính - Kế toán xã", TV),
        ("Ông", "Nguyễn Văn Bé", "Trưởng ấp An Phú", TV),
        ("Ông", "Trần Văn Hai", "Trưởng ấp An Lợi", TV),
        ("Ông", "Lâm Văn Năm", "Trưởng ấp An Hòa", TV),
        ("Bà", "Đỗ Thị Kim", "Trưởng Bưu điện văn hóa xã An Bình (tổ chức dịch vụ thu có điểm "
         "thu tại xã)", TV),
        ("Bà", "Cao Thị Nga", "Nhân viên thu BHXH, BHYT của Bưu điện huyện Châu Thành tại điểm "
         "thu xã An Bình", TV),
    ])


def commune_documents() -> list[Doc]:
    """Commune, phường and đặc khu samples, before and after 1/7/2025."""
    docs: list[Doc] = []

    # Commune before 2025, decision only, numbered lines, compliant; the list crosses a page.
    an_binh = commune_old("An Bình", "Châu Thành", village="ấp")
    docs.append(commune_decision(
        "qd-xa-an-binh-2023", an_binh, number="57/QĐ-UBND", day=dt.date(2023, 10, 5),
        shape="numbered", villages=(), members=an_binh_members(),
        traps=["'Theo đề nghị của Công chức Văn hóa - Xã hội xã' (proposal line)",
               "'Bưu điện huyện Châu Thành' in Nơi nhận"],
        notes="The reference commune decision (before 1/7/2025): every CV3036/CV2657 decision "
              "rule passes; long entries wrap over two lines and the member list crosses from "
              "page 1 to page 2 in the PDF."))

    # Combined decision + regulation, role-first member list, TM. signer.
    tan_phu = commune_old("Tân Phú", "Đức Hòa", village="ấp", with_parent=True)
    day = dt.date(2024, 2, 6)
    dec = commune_decision(
        "qd-qc-xa-tan-phu-2024", tan_phu, number="19/QĐ-UBND", day=day, shape="role_first",
        villages=("Tân Hòa", "Tân Lập", "Tân Thành", "Bàu Sen"), signer="tm",
        attach_regulation=True)
    ctx = commune_ctx(tan_phu, year=2024, dec_ref="19/QĐ-UBND", dec_date=dmy(day),
                      dec_by="Ủy ban nhân dân xã Tân Phú")
    docs.append(combined_doc(
        dec, commune_regulation(ctx),
        reg_head=Letterhead(("ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"), None, None),
        notes="Combined file: the decision (parent line UBND HUYỆN ĐỨC HÒA over the issuer) "
              "and, after a page break, the regulation it issues; role-first member list "
              "('- Phó Trưởng ban Thường trực: Bà ...'); every rule passes."))

    # Commune after 1/7/2025, no district level, member table.
    my_hiep = commune_new("Mỹ Hiệp", "Đồng Tháp", "Cao Lãnh", village="ấp")
    docs.append(commune_decision(
        "qd-xa-my-hiep-2025-table", my_hiep, number="245/QĐ-UBND", day=dt.date(2025, 8, 15),
        shape="table", villages=("Mỹ Phú", "Mỹ Thới", "Mỹ Hưng"), signer="ct",
        fail={"CV3036-10"},
        traps=["'Phòng Văn hóa - Xã hội xã' in Nơi nhận"],
        notes="Commune after 1/7/2025: letterhead TỈNH ĐỒNG THÁP / ỦY BAN NHÂN DÂN XÃ MỸ HIỆP, "
              "BHXH cơ sở Cao Lãnh, Trưởng phòng and Chuyên viên Phòng Văn hóa - Xã hội xã; "
              "signed by the Chủ tịch without prefix."))

    # Phường, old tone marks, en dashes, abbreviations; one entry hard-wrapped (UTF-8).
    thuy_duong = commune_old("Thủy Dương", "Hương Thủy", village="tổ dân phố", kind="phường",
                             with_parent=True, district_kind="thị xã")
    doc = commune_decision(
        "qd-phuong-thuy-duong-2024", thuy_duong, number="86/QĐ-UBND", day=dt.date(2024, 3, 12),
        shape="dash", villages=("1", "4", "7"), abbrev=True, fail={"CV3036-10"},
        notes="Phường under a thị xã; old tone marks (hoá, uỷ, Thuỷ), 'Văn hoá – Xã hội' with "
              "an en dash, abbreviations (UBND, UB MTTQ VN, VH-XH); Tổ trưởng tổ dân phố; one "
              "member entry broken over two lines as in text copied from a PDF.")
    doc.blocks = restyle(doc.blocks, old_style)
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Para) and "Bưu điện văn hoá phường" in b.text and b.text.startswith("-"):
            cut = b.text.index("(tổ chức")
            doc.blocks[i] = Para(b.text[:cut].rstrip() + "\n" + b.text[cut:])
    docs.append(doc)

    # Đặc khu (2025), UTF-8 with BOM.
    con_dao = commune_new("Côn Đảo", "Thành phố Hồ Chí Minh", "Côn Đảo", kind="đặc khu",
                          village="tổ dân phố")
    docs.append(commune_decision(
        "qd-dac-khu-con-dao-2025", con_dao, number="31/QĐ-UBND", day=dt.date(2025, 9, 22),
        shape="lam", villages=("1", "2", "5"), signer="tm", fail={"CV3036-10"},
        notes="Đặc khu (commune level since 1/7/2025) under Thành phố Hồ Chí Minh; "
              "'... làm thành viên' list; TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH."))

    # Standalone regulation under the committee's own letterhead.
    phu_thinh = commune_old("Phú Thịnh", "Tam Nông", village="thôn")
    day = dt.date(2024, 1, 8)
    ctx = commune_ctx(phu_thinh, year=2024, dec_ref="03/QĐ-BCĐ", dec_date=dmy(day),
                      dec_by="Trưởng Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Phú Thịnh",
                      t1=85, t2=300)
    docs.append(regulation_doc(
        "qc-xa-phu-thinh-letterhead-2024", phu_thinh, commune_regulation(ctx),
        head=Letterhead(("UBND XÃ PHÚ THỊNH", "BAN CHỈ ĐẠO THỰC HIỆN", "CHÍNH SÁCH BHXH, BHYT"),
                        None, None),
        signer=("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "", "", "", "Hoàng Đức Thắng"),
        dec=("03", "QĐ-BCĐ", day),
        notes="Regulation under the committee's letterhead (UBND XÃ PHÚ THỊNH / BAN CHỈ ĐẠO "
              "THỰC HIỆN CHÍNH SÁCH BHXH, BHYT), issued by decision 03/QĐ-BCĐ of the "
              "Trưởng ban; every regulation rule passes."))

    # Regulation whose only responsibility is 'do Trưởng ban phân công'.
    quang_phu = commune_old("Quảng Phú", "Quảng Xương", village="thôn")
    day = dt.date(2024, 3, 12)
    ctx = commune_ctx(quang_phu, year=2024, dec_ref="85/QĐ-UBND", dec_date=dmy(day),
                      dec_by="Chủ tịch UBND xã Quảng Phú")
    docs.append(regulation_doc(
        "qc-xa-quang-phu-2024-phan-cong", quang_phu, commune_regulation(ctx, duties="assigned"),
        head=Letterhead(quang_phu.head_left, None, None),
        signer=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Lê Thị Hạnh"),
        dec=("85", "QĐ-UBND", day), fail={"CV3036-06"},
        traps=["Điều 1 lists 'trách nhiệm của Trưởng ban, Phó Trưởng ban và các thành viên' "
               "as scope only"],
        notes="The only responsibilities: 'Các thành viên Ban Chỉ đạo thực hiện nhiệm vụ do "
              "Trưởng ban phân công'."))

    # BHYT-only committee (2021), Windows-1258 text.
    tan_loc = commune_old("Tân Lộc", "Thới Bình", village="ấp")
    day = dt.date(2021, 4, 9)
    docs.append(commune_decision(
        "qd-xa-tan-loc-2021-bhyt", tan_loc, number="64/QĐ-UBND", day=day, shape="numbered",
        villages=("Tân Hòa", "Tân Thành"),
        bases=[LAW_2015, "Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008 và Luật sửa đổi, "
               "bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014;",
               "Căn cứ Kế hoạch số 45/KH-UBND ngày 02/3/2021 của UBND huyện Thới Bình về "
               "thực hiện bao phủ bảo hiểm y tế toàn dân;"],
        committee_name="Ban Chỉ đạo thực hiện bảo hiểm y tế toàn dân xã Tân Lộc",
        art1=("Kiện toàn Ban Chỉ đạo thực hiện bảo hiểm y tế toàn dân xã Tân Lộc (sau đây gọi "
              "tắt là Ban Chỉ đạo) để chỉ đạo công tác phát triển người tham gia bảo hiểm y tế "
              "trên địa bàn."),
        replaces=" và thay thế Quyết định số 40/QĐ-UBND ngày 15/3/2019 của Chủ tịch UBND xã",
        fail={"CV3036-01"},
        notes="Committee named for BHYT only ('Ban Chỉ đạo thực hiện bảo hiểm y tế toàn dân'); "
              "dated before 25/8/2023, so CV2657 rules do not apply."))

    # Date without leading zeros.
    vinh_thanh = commune_old("Vĩnh Thạnh", "Lấp Vò", village="ấp")
    docs.append(commune_decision(
        "qd-xa-vinh-thanh-2023-ngay-5-9", vinh_thanh, number="112/QĐ-UBND",
        day=dt.date(2023, 9, 5), shape="numbered", villages=("Vĩnh Bình", "Vĩnh Lợi"),
        zeros=False, fail={"ND30-04", "CV3036-10"},
        notes="Date line 'ngày 5 tháng 9 năm 2023' (day without its leading zero): ND30-04 "
              "warning only, the document stays compliant."))

    # Commune list without the Văn hóa - Xã hội official, who is named elsewhere.
    hop_thinh = commune_old("Hợp Thịnh", "Hiệp Hòa", village="thôn")
    docs.append(commune_decision(
        "qd-xa-hop-thinh-2023-thieu-vhxh", hop_thinh, number="205/QĐ-UBND",
        day=dt.date(2023, 12, 8), shape="numbered", villages=("Đồng Tân", "Hợp Hòa"),
        vhxh="none", fail={"CV2657-01", "CV3036-10"},
        extra_art3=("Giao Công chức Văn hóa - Xã hội xã làm đầu mối giúp Ban Chỉ đạo tổng hợp "
                    "tình hình, báo cáo kết quả thực hiện.",),
        recipients=("Nơi nhận:", "- Như Điều 4;", "- UBND huyện Hiệp Hòa (b/c);",
                    "- BHXH huyện Hiệp Hòa;", "- Công chức VH-XH xã;", "- Lưu: VT."),
        traps=["'Công chức Văn hóa - Xã hội' in Căn cứ (2657), the proposal line, Điều 3 and "
               "Nơi nhận — never in the member list"],
        notes="Member list lacks the commune Văn hóa - Xã hội official."))

    # A district Phòng Văn hóa và Thông tin officer instead of the commune official.
    nghia_trung = commune_old("Nghĩa Trung", "Tư Nghĩa", village="thôn")
    docs.append(commune_decision(
        "qd-xa-nghia-trung-2024-phong-vhtt", nghia_trung, number="58/QĐ-UBND",
        day=dt.date(2024, 5, 16), shape="lam", villages=("Phú Sa", "Xuân Đình"),
        vhxh="district_vhtt", fail={"CV2657-01", "CV3036-10"},
        traps=["'Chuyên viên Phòng Văn hóa và Thông tin huyện Tư Nghĩa' shares words with the "
               "required title but is a district officer"],
        notes="A district culture-and-information officer stands where the commune Văn hóa - "
              "Xã hội official should be."))

    # A post-office clerk with no collection role; the collection agent only in Nơi nhận.
    binh_minh = commune_old("Bình Minh", "Thăng Bình", village="thôn")
    docs.append(commune_decision(
        "qd-xa-binh-minh-2024-nhan-vien-buu-dien", binh_minh, number="77/QĐ-UBND",
        day=dt.date(2024, 7, 2), shape="numbered", villages=("Phước Cẩm", "Bình Trúc"),
        post="clerk", fail={"CV2657-05", "CV3036-10"},
        recipients=commune_recipients(
            binh_minh, post_line="- Bưu điện huyện Thăng Bình (đại lý thu BHXH, BHYT);"),
        traps=["'nhân viên Bưu điện xã (phụ trách chuyển phát báo chí, bưu phẩm)' is a member "
               "without a collection role", "'đại lý thu' appears only in Nơi nhận"],
        notes="No collection-service organisation among the members."))

    # Combined file whose regulation cites another decision number.
    long_hung = commune_old("Long Hưng", "Văn Lâm", village="thôn")
    day = dt.date(2023, 11, 20)
    dec = commune_decision(
        "qd-qc-xa-long-hung-2023-so-lech", long_hung, number="57/QĐ-UBND", day=day,
        shape="numbered", villages=("Ngọc Đà", "Long Hưng"), attach_regulation=True,
        traps=["the regulation says 'Quyết định số 75/QĐ-UBND' while the decision is 57"])
    ctx = commune_ctx(long_hung, year=2024, dec_ref="75/QĐ-UBND", dec_date=dmy(day),
                      dec_by="Chủ tịch UBND xã Long Hưng")
    docs.append(combined_doc(
        dec, commune_regulation(ctx), fail={"ND30-08", "CV3036-10"},
        reg_head=Letterhead(long_hung.head_left, None, None),
        notes="Combined file: 'Số: 57/QĐ-UBND' but the attached regulation is 'Ban hành kèm "
              "theo Quyết định số 75/QĐ-UBND ngày 20/11/2023'."))

    # Sources of the legacy-encoded samples (compliant).
    quynh_lam = commune_old("Quỳnh Lâm", "Quỳnh Lưu", village="thôn")
    docs.append(commune_decision(
        "qd-xa-quynh-lam-2023-tcvn3", quynh_lam, number="146/QĐ-UBND",
        day=dt.date(2023, 9, 18), shape="numbered", villages=("3", "7", "10"),
        fail={"CV3036-10"},
        notes="Typed in TCVN3 (ABC): body in .VnTime, capital lines in .VnTimeH."))
    hoa_khanh = commune_old("Hòa Khánh", "Cái Bè", village="ấp")
    docs.append(commune_decision(
        "qd-xa-hoa-khanh-2024-vni", hoa_khanh, number="09/QĐ-UBND", day=dt.date(2024, 1, 15),
        shape="numbered", villages=("Hòa Quý", "Hòa Lợi"), fail={"CV3036-10"},
        notes="Plain text in the VNI encoding (VNI-Times)."))
    return docs
