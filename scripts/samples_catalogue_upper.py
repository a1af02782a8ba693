"""The province- and district-level sample documents."""

from __future__ import annotations

import datetime as dt

from samples_blocks import Letterhead
from samples_decisions import (
    CV3036,
    LAW_2015,
    LAW_INSURANCE,
    DecisionParts,
    Doc,
    decision_blocks,
    district_decision,
    regulation_doc,
)
from samples_people import PT, PTT, TB, TV, NamePool, members_from
from samples_places import district_place, province_place
from samples_regulations import upper_ctx, upper_regulation


def province_decision_2020() -> Doc:
    place = province_place("Quảng Ngãi")
    pool = NamePool("qd-tinh-2020")
    rows = [
        (*pool.man(), "Phó Chủ tịch UBND tỉnh", TB),
        (*pool.man(), "Giám đốc Bảo hiểm xã hội tỉnh", PTT),
        (*pool.woman(), "Giám đốc Sở Lao động - Thương binh và Xã hội", PT),
        (*pool.man(), "Giám đốc Sở Y tế", PT),
        (*pool.man(), "Phó Trưởng Ban Tuyên giáo Tỉnh ủy", TV),
        (*pool.man(), "Phó Giám đốc Sở Tài chính", TV),
        (*pool.man(), "Phó Giám đốc Sở Kế hoạch và Đầu tư", TV),
        (*pool.woman(), "Phó Giám đốc Sở Giáo dục và Đào tạo", TV),
        (*pool.man(), "Phó Giám đốc Sở Thông tin và Truyền thông", TV),
        (*pool.man(), "Phó Cục trưởng Cục Thuế tỉnh", TV),
        (*pool.man(), "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", TV),
        (*pool.man(), "Phó Chủ tịch Liên đoàn Lao động tỉnh", TV),
        (*pool.man(), "Phó Chủ tịch Hội Nông dân tỉnh", TV),
        (*pool.woman(), "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", TV),
        (*pool.man(), "Phó Bí thư Tỉnh đoàn", TV),
        (*pool.man(), "Phó Chủ tịch Hội Cựu chiến binh tỉnh", TV),
        (*pool.man(), "Phó Giám đốc Bưu điện tỉnh, phụ trách mạng lưới đại lý thu BHXH, BHYT "
         "tại các xã, phường, thị trấn", TV),
        (*pool.woman(), "Phó Giám đốc Đài Phát thanh - Truyền hình tỉnh", TV),
    ]
    members = members_from(rows)
    day = dt.date(2020, 10, 15)
    parts = DecisionParts(
        number="1458/QĐ-UBND", day=day, members=members, shape="table",
        bases=[LAW_2015, LAW_INSURANCE,
               "Căn cứ Nghị quyết số 28-NQ/TW ngày 23 tháng 5 năm 2018 của Ban Chấp hành Trung "
               "ương về cải cách chính sách bảo hiểm xã hội;", CV3036],
        proposal="Theo đề nghị của Giám đốc Bảo hiểm xã hội tỉnh tại Tờ trình số 812/TTr-BHXH "
                 "ngày 06 tháng 10 năm 2020 và Giám đốc Sở Nội vụ.",
        signer=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", members[0].name or ""),
        recipients=("Nơi nhận:", "- Như Điều 4;", "- Bảo hiểm xã hội Việt Nam (Ban Thu);",
                    "- TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh;",
                    "- UBND các huyện, thị xã, thành phố;", "- VPUB: PCVP, KGVX, CBTH;",
                    "- Lưu: VT, KGVX(tvh)."),
        verb="Thành lập", rows=True,
        art1=("Thành lập Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế tỉnh "
              "Quảng Ngãi (sau đây gọi tắt là Ban Chỉ đạo) trên cơ sở hợp nhất Ban Chỉ đạo phát "
              "triển người tham gia bảo hiểm xã hội tỉnh và Ban Chỉ đạo thực hiện lộ trình tiến "
              "tới bảo hiểm y tế toàn dân tỉnh."),
        replaces=(" và thay thế Quyết định số 395/QĐ-UBND ngày 07/6/2019 và Quyết định số "
                  "1187/QĐ-UBND ngày 22/8/2016 của Chủ tịch UBND tỉnh"),
    )
    blocks = decision_blocks(place, parts)
    return Doc(id="qd-tinh-2020-table", blocks=blocks, doc_type="decision", place=place,
               number="1458", symbol="QĐ-UBND", date=day, members=members, cites_3036=True,
               notes="Province decision, letterhead as one table row per printed line, member "
                     "list as a 4-column table (STT | Họ và tên | Chức vụ, đơn vị | Chức danh).")


def upper_documents() -> list[Doc]:
    """Province and district samples (before 1/7/2025)."""
    docs: list[Doc] = []

    # Province, 2020, member table (DOCX and PDF).
    docs.append(province_decision_2020())

    # The province's regulation as UTF-16 text.
    qn = province_place("Quảng Ngãi")
    ctx = upper_ctx(qn, "1458/QĐ-UBND", "15/10/2020", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi")
    docs.append(regulation_doc(
        "qc-tinh-2020-utf16", qn, upper_regulation(ctx),
        head=Letterhead(qn.head_left, None, None), signer=None,
        dec=("1458", "QĐ-UBND", dt.date(2020, 10, 15)),
        notes="Regulation issued with qd-tinh-2020-table (same number and date); no signer, "
              "no date line of its own."))

    # District 2020, "... làm Trưởng ban" (Word 97-2003 .doc).
    yen_thanh = district_place("Yên Thành", "Nghệ An")
    docs.append(district_decision(
        "qd-huyen-2020", yen_thanh, number="2895/QĐ-UBND", day=dt.date(2020, 10, 28),
        shape="lam", notes="District decision, members written '... làm Phó Trưởng ban'."))

    # That district's regulation: reporting is a passing 'báo cáo kết quả tại cuộc họp'.
    ctx = upper_ctx(yen_thanh, "2895/QĐ-UBND", "28/10/2020", "Chủ tịch UBND huyện Yên Thành")
    docs.append(regulation_doc(
        "qc-huyen-2020-bao-cao-hop", yen_thanh, upper_regulation(ctx, reporting="meeting"),
        head=Letterhead(yen_thanh.head_left, None, None),
        signer=("CHỦ TỊCH", "", "", "", docs[-1].members[0].name or ""),
        dec=("2895", "QĐ-UBND", dt.date(2020, 10, 28)), fail={"CV3036-09"},
        notes="Heading 'Chế độ thông tin, báo cáo' whose only content is 'Các thành viên báo "
              "cáo kết quả tại cuộc họp của Ban Chỉ đạo.': no who-to-whom-how-often regime."))

    # District 2021, members by position only; late for 3036.
    luc_ngan = district_place("Lục Ngạn", "Bắc Giang")
    docs.append(district_decision(
        "qd-huyen-2021-chuc-danh", luc_ngan, number="112/QĐ-UBND", day=dt.date(2021, 1, 12),
        shape="position", named=False, fail={"CV3036-10"},
        notes="Members given by position only ('Giám đốc BHXH huyện Lục Ngạn - Phó Trưởng "
              "ban'): ex-officio members need no names, so CV3036-03 passes; issued after "
              "31/10/2020 (CV3036-10, a note)."))

    # District 2022 with no Phó Trưởng ban.
    htb = district_place("Hàm Thuận Bắc", "Bình Thuận")
    docs.append(district_decision(
        "qd-huyen-2022-khong-pho-truong-ban", htb, number="1876/QĐ-UBND",
        day=dt.date(2022, 6, 20), shape="numbered", deputies=False,
        fail={"CV3036-03", "CV3036-10"},
        traps=["the Phó Chủ tịch and the BHXH director are members, not Phó Trưởng ban"],
        notes="A Trưởng ban and members but no Phó Trưởng ban."))

    # Source of the TCVN3 PDF sample (compliant).
    thanh_chuong = district_place("Thanh Chương", "Nghệ An")
    docs.append(district_decision(
        "qd-huyen-thanh-chuong-2020-tcvn3", thanh_chuong, number="3120/QĐ-UBND",
        day=dt.date(2020, 10, 20), shape="lam",
        notes="District decision drawn as a PDF whose text layer is TCVN3 in a font named "
              ".VnTime (.VnTimeH for capital lines)."))
    return docs
