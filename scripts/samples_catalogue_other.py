"""Documents that name a Ban Chỉ đạo but are not its establishing decision or regulation."""

from __future__ import annotations

import datetime as dt

from samples_blocks import Block, Para, SignBlock
from samples_decisions import LAW_2015, Doc, letterhead
from samples_people import PT, PTT, TB, TV, NamePool, member_blocks, members_from
from samples_places import commune_old


def other_cong_van() -> Doc:
    place = commune_old("An Bình", "Châu Thành", village="ấp", with_parent=False)
    day = dt.date(2023, 10, 10)
    head = letterhead(place, "215/UBND-VHXH", day,
                      summary_left="V/v báo cáo kết quả kiện toàn Ban Chỉ đạo thực hiện chính "
                                   "sách BHXH, BHYT xã")
    body = [
        Para("Kính gửi: Bảo hiểm xã hội huyện Châu Thành.", "heading"),
        Para("Thực hiện Công văn số 2657/BHXH-TCCB ngày 25/8/2023 của Bảo hiểm xã hội Việt Nam "
             "và hướng dẫn của Bảo hiểm xã hội huyện Châu Thành, Ủy ban nhân dân xã An Bình báo "
             "cáo kết quả kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã như sau:"),
        Para("1. Ngày 05/10/2023, Chủ tịch UBND xã đã ban hành Quyết định số 57/QĐ-UBND về việc "
             "kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình gồm 17 thành viên, "
             "trong đó có công chức Văn hóa - Xã hội, viên chức BHXH huyện, các hội, đoàn thể, "
             "Trưởng các ấp và Bưu điện văn hóa xã (tổ chức dịch vụ thu)."),
        Para("2. Ban Chỉ đạo đang xây dựng Quy chế hoạt động, dự kiến ban hành trước ngày "
             "20/10/2023, trong đó giao chỉ tiêu phát triển người tham gia BHXH, BHYT cho từng "
             "thành viên."),
        Para("Ủy ban nhân dân xã An Bình kính báo cáo Bảo hiểm xã hội huyện Châu Thành tổng "
             "hợp./."),
        SignBlock(("Nơi nhận:", "- Như trên;", "- UBND huyện Châu Thành (b/c);",
                   "- Lưu: VT, VHXH."),
                  ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "",
                   "Trần Thị Mai")),
    ]
    return Doc(id="other-cong-van-2023", blocks=[head, *body], doc_type="other", place=place,
               number="215", symbol="UBND-VHXH", date=day,
               traps=["names the committee, its members and the regulation, but is a report "
                      "(công văn), not a decision"],
               notes="Công văn (no type name line; trích yếu as 'V/v ...' under the number).")


def other_disaster_decision() -> Doc:
    place = commune_old("An Bình", "Châu Thành", village="ấp")
    pool = NamePool("other-qd-thien-tai-2023")
    members = members_from([
        (*pool.man(), "Chủ tịch UBND xã", TB),
        (*pool.man(), "Phó Chủ tịch UBND xã", PTT),
        (*pool.man(), "Chỉ huy trưởng Ban Chỉ huy Quân sự xã", PT),
        (*pool.man(), "Trưởng Công an xã", PT),
        (*pool.woman(), "Công chức Văn hóa - Xã hội xã", TV),
        (*pool.man(), "Công chức Địa chính - Xây dựng - Nông nghiệp và Môi trường xã", TV),
        (*pool.woman(), "Trạm trưởng Trạm Y tế xã", TV),
        (*pool.man(), "Chủ tịch Hội Chữ thập đỏ xã", TV),
        (*pool.man(), "Trưởng ấp An Phú", TV),
        (*pool.man(), "Trưởng ấp An Lợi", TV),
    ])
    day = dt.date(2023, 3, 2)
    blocks: list[Block] = [
        letterhead(place, "18/QĐ-UBND", day),
        Para("QUYẾT ĐỊNH", "heading"),
        Para("Về việc kiện toàn Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn xã An "
             "Bình năm 2023", "heading"),
        Para("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", "heading"),
        Para(LAW_2015),
        Para("Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013; Luật sửa đổi, bổ sung "
             "một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm "
             "2020;"),
        Para("Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06 tháng 7 năm 2021 của Chính phủ quy định "
             "chi tiết thi hành một số điều của Luật Phòng, chống thiên tai;"),
        Para("Theo đề nghị của Công chức Địa chính - Xây dựng - Nông nghiệp và Môi trường xã."),
        Para("QUYẾT ĐỊNH:", "heading"),
        Para("Điều 1. Kiện toàn Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn xã An "
             "Bình năm 2023 gồm các ông (bà) có tên sau:"),
        *member_blocks(members, "numbered"),
        Para("Điều 2. Ban Chỉ đạo có nhiệm vụ tham mưu, giúp UBND xã tổ chức phòng ngừa, ứng phó "
             "và khắc phục hậu quả thiên tai trên địa bàn; Trưởng ban phân công nhiệm vụ cho "
             "từng thành viên."),
        Para("Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số "
             "21/QĐ-UBND ngày 10/3/2022 của Chủ tịch UBND xã An Bình. Công chức Văn phòng - "
             "Thống kê, các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định "
             "này./."),
        SignBlock(("Nơi nhận:", "- Như Điều 3;", "- BCH PCTT và TKCN huyện;", "- Lưu: VT."),
                  ("CHỦ TỊCH", "", "", "", members[0].name or "")),
    ]
    return Doc(id="other-qd-thien-tai-2023", blocks=blocks, doc_type="other", place=place,
               number="18", symbol="QĐ-UBND", date=day, members=members,
               traps=["a decision that consolidates a 'Ban Chỉ đạo' with Trưởng ban, Phó Trưởng "
                      "ban, công chức Văn hóa - Xã hội and Trưởng ấp — but on disaster "
                      "prevention, not BHXH/BHYT"],
               notes="Unrelated decision: doc_type other, only ND30 rules run.")
