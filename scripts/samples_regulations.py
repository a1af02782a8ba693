"""Regulation (Quy chế) texts in a small markup, and the context that fills them per level."""

from __future__ import annotations

from samples_blocks import Block, Para
from samples_places import Place


def parse_markup(markup: str, ctx: dict[str, str]) -> list[Block]:
    """A small markup for long texts: one paragraph per line, indented lines continue it.

    Leading marks: ^ centred bold heading, # bold article heading, ~ centred italic note.
    "Điều #." is numbered in order of appearance.
    """
    paras: list[list[str]] = []
    for raw in markup.strip("\n").splitlines():
        if raw.startswith("  ") and paras:
            paras[-1][1] += " " + raw.strip()
        elif raw.strip():
            mark = raw[0] if raw[0] in "^#~" else ""
            paras.append([mark, raw[len(mark):].strip()])
    styles = {"^": "heading", "#": "article", "~": "note", "": "body"}
    blocks: list[Block] = []
    article = 0
    for mark, text in paras:
        if "Điều #." in text:
            article += 1
            text = text.replace("Điều #.", f"Điều {article}.")
        blocks.append(Para(text.format_map(ctx), styles[mark]))
    return blocks


REG_TITLE = """
^QUY CHẾ
^Hoạt động của Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế {unit}
~(Ban hành kèm theo Quyết định số {dec_ref} ngày {dec_date} của {dec_by})
"""

REG_COMMUNE_1 = """
^Chương I
^NHỮNG QUY ĐỊNH CHUNG
#Điều #. Phạm vi điều chỉnh và đối tượng áp dụng
1. Quy chế này quy định nhiệm vụ của Ban Chỉ đạo thực hiện chính sách BHXH, BHYT {unit}
  (sau đây gọi là Ban Chỉ đạo); trách nhiệm của Trưởng ban, Phó Trưởng ban và các thành
  viên; chế độ làm việc, sơ kết, tổng kết và chế độ thông tin, báo cáo của Ban Chỉ đạo.
2. Quy chế này áp dụng đối với các thành viên Ban Chỉ đạo và các cơ quan, đơn vị, tổ chức có
  liên quan trên địa bàn {unit}.
#Điều #. Nguyên tắc hoạt động
1. Ban Chỉ đạo làm việc theo nguyên tắc tập trung dân chủ, đề cao trách nhiệm cá nhân của
  Trưởng ban và của từng thành viên.
2. Các thành viên Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm, thực hiện nhiệm vụ theo chức
  năng, nhiệm vụ của cơ quan, đơn vị mình.
^Chương II
^NHIỆM VỤ CỦA BAN CHỈ ĐẠO VÀ TRÁCH NHIỆM CỦA CÁC THÀNH VIÊN
#Điều #. Nhiệm vụ của Ban Chỉ đạo
1. Giúp {UBND_full} lãnh đạo, chỉ đạo, tổ chức thực hiện chính sách BHXH, BHYT trên địa bàn;
  xây dựng kế hoạch thực hiện chỉ tiêu phát triển người tham gia BHXH, BHYT hằng năm trình
  {ubnd} phê duyệt.
2. Chỉ đạo, hướng dẫn các {village}, các ban, ngành, đoàn thể tuyên truyền, phổ biến chính sách,
  pháp luật về BHXH, BHYT đến từng hộ gia đình và người dân.
3. Chỉ đạo rà soát, lập danh sách người chưa tham gia BHXH, BHYT; vận động người lao động
  tham gia BHXH tự nguyện, hộ gia đình tham gia BHYT.
4. Kiểm tra, đôn đốc việc thực hiện chính sách BHXH, BHYT của các cơ quan, đơn vị, doanh
  nghiệp trên địa bàn; đề xuất xử lý các trường hợp vi phạm.
5. Đề xuất khen thưởng tập thể, cá nhân có thành tích trong thực hiện chính sách BHXH, BHYT.
"""

REG_COMMUNE_DUTIES = """
#Điều #. Trách nhiệm của Trưởng ban
1. Chịu trách nhiệm trước {UBND_full} và {upper_bcd} về toàn bộ hoạt động của Ban Chỉ đạo.
2. Phân công nhiệm vụ cho Phó Trưởng ban và từng thành viên; giao chỉ tiêu phát triển người
  tham gia BHXH, BHYT cho từng thành viên.
3. Chủ trì các cuộc họp định kỳ, đột xuất và hội nghị sơ kết, tổng kết của Ban Chỉ đạo.
#Điều #. Trách nhiệm của Phó Trưởng ban
1. Phó Trưởng ban Thường trực giúp Trưởng ban điều hành hoạt động của Ban Chỉ đạo; thay mặt
  Trưởng ban giải quyết công việc khi Trưởng ban vắng mặt; trực tiếp chỉ đạo {vh_official}
  tổng hợp tình hình, tham mưu kế hoạch hoạt động.
2. Phó Trưởng ban là lãnh đạo {bhxh}: chỉ đạo viên chức {bhxh} phối hợp với {ubnd} cung cấp
  danh sách người tham gia BHXH, BHYT, người có thẻ BHYT hết hạn sử dụng; hướng dẫn thủ tục
  tham gia, giải quyết chế độ; tập huấn nghiệp vụ cho nhân viên tổ chức dịch vụ thu.
#Điều #. Trách nhiệm của các thành viên
1. {vh_official_cap} (thành viên thường trực): tham mưu {UBND_full} trong công tác BHXH, BHYT;
  xây dựng tiêu chí phát triển người tham gia BHXH, BHYT trong kế hoạch phát triển kinh tế -
  xã hội hằng năm; theo dõi, tổng hợp kết quả thực hiện của các thành viên, dự thảo báo cáo
  của Ban Chỉ đạo.
2. Viên chức {bhxh} phụ trách địa bàn: cung cấp số liệu người tham gia, người chưa tham gia
  BHXH, BHYT theo từng {village}; phối hợp tổ chức hội nghị tuyên truyền, đối thoại chính sách.
3. Ủy ban Mặt trận Tổ quốc Việt Nam {kind}, Hội Nông dân, Hội Liên hiệp Phụ nữ, Đoàn Thanh
  niên, Hội Cựu chiến binh {kind}: tuyên truyền, vận động hội viên, đoàn viên và gia đình tham
  gia BHXH tự nguyện, BHYT hộ gia đình; giám sát việc thực hiện chính sách BHXH, BHYT.
4. Trạm Y tế {kind}: tổ chức tốt khám bệnh, chữa bệnh BHYT; tuyên truyền quyền lợi của người
  có thẻ BHYT.
5. {finance}: tham mưu bố trí kinh phí hoạt động của Ban Chỉ đạo và kinh phí hỗ trợ đóng BHXH,
  BHYT theo quy định.
6. {village_heads}: rà soát, lập danh sách hộ gia đình, người lao động chưa tham gia BHXH, BHYT
  trên địa bàn {village}; phối hợp với tổ chức dịch vụ thu vận động từng hộ tham gia.
7. Bưu điện {kind} (tổ chức dịch vụ thu có điểm thu tại {kind}): bố trí điểm thu, nhân viên thu;
  thu tiền đóng, trả thẻ BHYT, cung cấp danh sách người đến hạn đóng BHXH tự nguyện, BHYT hộ
  gia đình cho {village_heads}.
"""

REG_ASSIGNED_ONLY = """
#Điều #. Trách nhiệm của các thành viên Ban Chỉ đạo
Các thành viên Ban Chỉ đạo thực hiện nhiệm vụ do Trưởng ban phân công và chịu trách nhiệm
  trước Trưởng ban về kết quả thực hiện nhiệm vụ được giao.
"""

REG_MEETINGS = """
^Chương III
^CHẾ ĐỘ LÀM VIỆC, SƠ KẾT, TỔNG KẾT VÀ THÔNG TIN BÁO CÁO
#Điều #. Chế độ làm việc
1. Ban Chỉ đạo họp định kỳ mỗi quý một lần; họp đột xuất khi có yêu cầu của Trưởng ban.
2. Thường trực Ban Chỉ đạo (Phó Trưởng ban Thường trực, {vh_official}) giao ban hằng tháng để
  đánh giá tiến độ thực hiện chỉ tiêu.
"""

REG_MEETINGS_LOOSE = """
^Chương III
^CHẾ ĐỘ LÀM VIỆC
#Điều #. Chế độ làm việc
Ban Chỉ đạo họp khi cần thiết theo triệu tập của Trưởng ban.
"""

REG_REVIEWS = """
#Điều #. Sơ kết, tổng kết
1. Ban Chỉ đạo tổ chức sơ kết 6 tháng, tổng kết năm để đánh giá, kiểm điểm hoạt động của Ban
  Chỉ đạo và của từng thành viên; so sánh kết quả đạt được với chỉ tiêu đã giao.
2. Thành viên không hoàn thành nhiệm vụ, chỉ tiêu được giao phải kiểm điểm, làm rõ nguyên nhân
  tại hội nghị sơ kết, tổng kết; kết quả đánh giá là căn cứ bình xét thi đua cuối năm.
3. Trên cơ sở kết quả sơ kết, tổng kết, Ban Chỉ đạo đề ra giải pháp, nhiệm vụ cho thời gian
  tới.
#Điều #. Giải pháp, nhiệm vụ thời gian tới
Hằng năm, Ban Chỉ đạo tập trung thực hiện các giải pháp, nhiệm vụ sau:
a) Đẩy mạnh tuyên truyền, đối thoại chính sách BHXH, BHYT tại các {village}, lồng ghép trong
  các buổi sinh hoạt của hội, đoàn thể;
b) Rà soát, phân loại đối tượng chưa tham gia; vận động theo từng hộ gia đình;
c) Phối hợp với tổ chức dịch vụ thu duy trì điểm thu tại {kind}, bảo đảm thuận lợi cho người
  tham gia;
d) Vận động nhà hảo tâm, doanh nghiệp hỗ trợ tặng thẻ BHYT, sổ BHXH cho người có hoàn cảnh
  khó khăn;
đ) Kiểm tra, đôn đốc các đơn vị, doanh nghiệp đóng BHXH, BHYT đầy đủ cho người lao động.
"""

REG_REPORTING = """
#Điều #. Chế độ thông tin, báo cáo
1. Các thành viên Ban Chỉ đạo báo cáo kết quả thực hiện nhiệm vụ, chỉ tiêu được giao về Trưởng
  ban (qua {vh_official}) định kỳ hằng tháng, trước ngày 20 của tháng.
2. {village_heads} báo cáo danh sách hộ gia đình, người đã vận động tham gia về Ban Chỉ đạo
  hằng tháng.
3. Ban Chỉ đạo báo cáo {UBND_full} và {upper_bcd} định kỳ hằng quý (trước ngày 20 của tháng
  cuối quý), 6 tháng (trước ngày 15 tháng 6), hằng năm (trước ngày 15 tháng 12) và báo cáo
  đột xuất khi có yêu cầu.
4. {bhxh} cung cấp số liệu người tham gia BHXH, BHYT trên địa bàn cho thường trực Ban Chỉ đạo
  hằng tháng.
"""

REG_REPORTING_MEETING_ONLY = """
#Điều #. Chế độ thông tin, báo cáo
Các thành viên báo cáo kết quả tại cuộc họp của Ban Chỉ đạo.
"""

REG_TARGETS = """
#Điều #. Giao chỉ tiêu phát triển người tham gia BHXH, BHYT
1. Hằng năm, căn cứ chỉ tiêu được {target_giver} giao, Trưởng ban giao chỉ tiêu phát triển
  người tham gia BHXH, BHYT cho Ban Chỉ đạo {kind} và cho từng thành viên Ban Chỉ đạo, từng
  {village} (Phụ lục kèm theo Quy chế).
2. Chỉ tiêu năm {year}: Ban Chỉ đạo {kind} phát triển mới {t1} người tham gia BHXH tự nguyện và
  {t2} người tham gia BHYT hộ gia đình; mỗi Hội, đoàn thể vận động ít nhất 15 người; mỗi
  {village_head} vận động ít nhất 10 người; Bưu điện {kind} phát triển ít nhất 30 người.
3. Kết quả thực hiện chỉ tiêu là căn cứ đánh giá mức độ hoàn thành nhiệm vụ của từng thành
  viên.
"""

REG_CLOSING = """
^Chương IV
^TỔ CHỨC THỰC HIỆN
#Điều #. Trách nhiệm thi hành
Các thành viên Ban Chỉ đạo, các cơ quan, đơn vị và tổ chức có liên quan chịu trách nhiệm thực
  hiện Quy chế này.
#Điều #. Sửa đổi, bổ sung Quy chế
Trong quá trình thực hiện, nếu có vướng mắc, các thành viên phản ánh về thường trực Ban Chỉ
  đạo để tổng hợp, trình Trưởng ban xem xét, sửa đổi, bổ sung cho phù hợp./.
"""

REG_UPPER = """
^Chương I
^QUY ĐỊNH CHUNG
#Điều #. Phạm vi điều chỉnh
Quy chế này quy định nhiệm vụ, quyền hạn của Ban Chỉ đạo thực hiện chính sách BHXH, BHYT
  {unit} (sau đây gọi là Ban Chỉ đạo), trách nhiệm của các thành viên, chế độ làm việc và
  thông tin, báo cáo của Ban Chỉ đạo.
#Điều #. Nguyên tắc làm việc
Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm; thành viên Ban Chỉ đạo chịu trách nhiệm trước
  Trưởng ban về lĩnh vực được phân công.
^Chương II
^NHIỆM VỤ, QUYỀN HẠN CỦA BAN CHỈ ĐẠO VÀ TRÁCH NHIỆM CỦA THÀNH VIÊN
#Điều #. Nhiệm vụ, quyền hạn của Ban Chỉ đạo
1. Giúp {UBND_full} chỉ đạo, điều phối các sở, ngành, đoàn thể và {lower} thực hiện chính sách
  BHXH, BHYT; xây dựng chương trình, kế hoạch thực hiện các chỉ tiêu về BHXH, BHYT.
2. Chỉ đạo công tác tuyên truyền, phổ biến chính sách, pháp luật về BHXH, BHYT.
3. Chỉ đạo, hướng dẫn {lower} kiện toàn Ban Chỉ đạo cấp dưới; kiểm tra, đôn đốc việc thực hiện
  chính sách BHXH, BHYT; chỉ đạo xử lý tình trạng chậm đóng, trốn đóng BHXH, BHYT.
4. Được yêu cầu các cơ quan, đơn vị có liên quan cung cấp thông tin phục vụ hoạt động của Ban
  Chỉ đạo.
#Điều #. Trách nhiệm của Trưởng ban và các Phó Trưởng ban
1. Trưởng ban lãnh đạo, điều hành toàn bộ hoạt động của Ban Chỉ đạo; phân công nhiệm vụ cho
  các thành viên; chủ trì các cuộc họp, hội nghị sơ kết, tổng kết.
2. Phó Trưởng ban Thường trực (Giám đốc {bhxh}): giúp Trưởng ban điều hành công việc thường
  xuyên; sử dụng bộ máy của {bhxh} làm cơ quan thường trực; tổng hợp, xây dựng báo cáo của Ban
  Chỉ đạo.
3. Phó Trưởng ban ({labour_head}): chỉ đạo rà soát, quản lý lao động trong các doanh nghiệp;
  kiểm tra, thanh tra việc chấp hành pháp luật lao động, BHXH.
#Điều #. Trách nhiệm của các thành viên
1. {health}: chỉ đạo các cơ sở khám bệnh, chữa bệnh bảo đảm quyền lợi người có thẻ BHYT; phối
  hợp kiểm soát chi phí khám bệnh, chữa bệnh BHYT.
2. {finance}: tham mưu bố trí ngân sách đóng, hỗ trợ đóng BHYT cho các đối tượng theo quy định.
3. {tax}: cung cấp thông tin về doanh nghiệp, người lao động để rà soát đối tượng phải tham gia
  BHXH bắt buộc.
4. {edu}: chỉ đạo các trường tổ chức thực hiện BHYT học sinh, sinh viên đạt 100%.
5. {info}: chỉ đạo các cơ quan báo chí, hệ thống thông tin cơ sở tuyên truyền chính sách BHXH,
  BHYT.
6. Ủy ban Mặt trận Tổ quốc Việt Nam, Liên đoàn Lao động, Hội Nông dân, Hội Liên hiệp Phụ nữ,
  Đoàn Thanh niên, Hội Cựu chiến binh: tuyên truyền, vận động đoàn viên, hội viên tham gia BHXH
  tự nguyện, BHYT hộ gia đình; giám sát việc thực hiện chính sách.
7. {post}: tổ chức mạng lưới điểm thu, nhân viên thu BHXH tự nguyện, BHYT hộ gia đình đến các
  xã.
"""

REG_UPPER_REVIEW_REPORT = """
^Chương III
^CHẾ ĐỘ LÀM VIỆC VÀ THÔNG TIN BÁO CÁO
#Điều #. Chế độ họp, sơ kết, tổng kết
1. Ban Chỉ đạo họp định kỳ 6 tháng một lần; họp đột xuất theo triệu tập của Trưởng ban.
2. Cuối năm, Ban Chỉ đạo tổ chức tổng kết, đánh giá kết quả hoạt động của Ban Chỉ đạo và mức
  độ hoàn thành nhiệm vụ của từng thành viên; 6 tháng đầu năm tổ chức sơ kết.
3. Hội nghị tổng kết đề ra giải pháp, nhiệm vụ trọng tâm cho năm tiếp theo, gồm: tăng cường
  tuyên truyền; mở rộng mạng lưới đại lý thu; xử lý nợ đóng BHXH, BHYT; phấn đấu đạt chỉ tiêu
  bao phủ BHYT và tỷ lệ người lao động tham gia BHXH được giao.
"""

REG_UPPER_REPORT_FULL = """
#Điều #. Chế độ thông tin, báo cáo
1. Các thành viên Ban Chỉ đạo báo cáo kết quả thực hiện nhiệm vụ được phân công về cơ quan
  thường trực ({bhxh}) định kỳ hằng quý, trước ngày 15 của tháng cuối quý.
2. {lower_bcd} báo cáo Ban Chỉ đạo {unit} định kỳ 6 tháng, hằng năm.
3. Cơ quan thường trực tổng hợp, giúp Ban Chỉ đạo báo cáo {report_to} 6 tháng (trước ngày
  20 tháng 6) và năm (trước ngày 20 tháng 12).
"""

REG_UPPER_CLOSING = """
^Chương IV
^ĐIỀU KHOẢN THI HÀNH
#Điều #. Tổ chức thực hiện
Thành viên Ban Chỉ đạo, Thủ trưởng các cơ quan, đơn vị và {lower} chịu trách nhiệm thực hiện
  Quy chế này. Trong quá trình thực hiện nếu có vướng mắc, phản ánh về cơ quan thường trực để
  tổng hợp, báo cáo Trưởng ban xem xét, sửa đổi, bổ sung./.
"""


def commune_ctx(place: Place, *, year: int, dec_ref: str, dec_date: str, dec_by: str,
                t1: int = 120, t2: int = 450) -> dict[str, str]:
    old = place.era == "old"
    vh_official = ("công chức Văn hóa - Xã hội" if old
                   else f"Phòng Văn hóa - Xã hội {place.kind}")
    heads = {"ấp": "Trưởng các ấp", "thôn": "Trưởng các thôn", "bản": "Trưởng các bản",
             "tổ dân phố": "Tổ trưởng các tổ dân phố"}[place.village]
    return {
        "unit": place.unit, "kind": place.kind, "ubnd": place.ubnd,
        "UBND_full": f"Ủy ban nhân dân {place.unit}", "bhxh": place.bhxh,
        "vh_official": vh_official,
        "vh_official_cap": (f"Công chức Văn hóa - Xã hội {place.kind}" if old
                            else f"Trưởng phòng Văn hóa - Xã hội {place.kind}"),
        "upper_bcd": (f"Ban Chỉ đạo thực hiện chính sách BHXH, BHYT {place.upper}" if old
                      else f"Ủy ban nhân dân {place.upper}"),
        "target_giver": f"Ủy ban nhân dân {place.upper}",
        "finance": "Công chức Tài chính - Kế toán" if old else f"Phòng Kinh tế {place.kind}",
        "village": place.village, "village_head": place.village_head, "village_heads": heads,
        "year": str(year), "t1": str(t1), "t2": str(t2),
        "dec_ref": dec_ref, "dec_date": dec_date, "dec_by": dec_by,
    }


def commune_regulation(ctx: dict[str, str], *, duties="full", reporting="full",
                       targets=True) -> list[Block]:
    parts = [REG_TITLE, REG_COMMUNE_1,
             REG_COMMUNE_DUTIES if duties == "full" else REG_ASSIGNED_ONLY,
             REG_MEETINGS if reporting == "full" else REG_MEETINGS_LOOSE, REG_REVIEWS,
             REG_REPORTING if reporting == "full" else REG_REPORTING_MEETING_ONLY]
    if targets:
        parts.append(REG_TARGETS)
    parts.append(REG_CLOSING)
    return parse_markup("\n".join(parts), ctx)


def upper_regulation(ctx: dict[str, str], *, reporting="full") -> list[Block]:
    parts = [REG_TITLE, REG_UPPER, REG_UPPER_REVIEW_REPORT,
             REG_UPPER_REPORT_FULL if reporting == "full" else REG_REPORTING_MEETING_ONLY,
             REG_UPPER_CLOSING]
    return parse_markup("\n".join(parts), ctx)


def upper_ctx(place: Place, dec_ref: str, dec_date: str, dec_by: str) -> dict[str, str]:
    if place.level == "province":
        return {
            "unit": place.unit, "UBND_full": f"Ủy ban nhân dân {place.unit}",
            "bhxh": "Bảo hiểm xã hội tỉnh", "lower": "UBND các huyện, thị xã, thành phố",
            "lower_bcd": "Ban Chỉ đạo cấp huyện",
            "report_to": "Ban Thường vụ Tỉnh ủy, UBND tỉnh và Bảo hiểm xã hội Việt Nam (qua "
                         "Ban Thu)",
            "labour_head": "Giám đốc Sở Lao động - Thương binh và Xã hội", "health": "Sở Y tế",
            "finance": "Sở Tài chính", "tax": "Cục Thuế tỉnh",
            "edu": "Sở Giáo dục và Đào tạo", "info": "Sở Thông tin và Truyền thông",
            "post": "Bưu điện tỉnh",
            "dec_ref": dec_ref, "dec_date": dec_date, "dec_by": dec_by,
        }
    return {
        "unit": place.unit, "UBND_full": f"Ủy ban nhân dân {place.unit}", "bhxh": place.bhxh,
        "lower": "UBND các xã, thị trấn", "lower_bcd": "Ban Chỉ đạo các xã, thị trấn",
        "report_to": f"UBND {place.upper} và Bảo hiểm xã hội {place.upper}",
        "labour_head": "Trưởng phòng Lao động - Thương binh và Xã hội",
        "health": "Phòng Y tế, Trung tâm Y tế huyện", "finance": "Phòng Tài chính - Kế hoạch",
        "tax": "Chi cục Thuế khu vực", "edu": "Phòng Giáo dục và Đào tạo",
        "info": "Phòng Văn hóa và Thông tin", "post": "Bưu điện huyện",
        "dec_ref": dec_ref, "dec_date": dec_date, "dec_by": dec_by,
    }
