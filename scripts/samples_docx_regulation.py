"""The committee's regulation (Quy chế hoạt động) for the "docx" samples, numbered by Word.

One multi-level list numbers the whole regulation, as a Word template for regulations does:
level 1 "Chương %1" (upper Roman, the paragraph itself empty), level 2 "Điều %2." (never
restarted, so articles run on across chapters: w:lvlRestart 0), level 3 "%3." for khoản
(restarting at every article) and level 4 "%4)" for điểm (lower-case letters, restarting at
every khoản). Word's letters are the Latin alphabet: a fifth điểm would be "e)", never "đ)".
"""

from __future__ import annotations

from samples_docx_xml import (
    Sample,
    abstract_number,
    add_numbering,
    add_paragraph_style,
    centred,
    number_instance,
    numbered,
    para,
    run,
)

LEVELS = [
    {"text": "Chương %1", "format": "upperRoman", "style": "Chuong"},
    {"text": "Điều %2.", "format": "decimal", "restart": 0, "style": "DieuQC"},
    {"text": "%3.", "format": "decimal"},
    {"text": "%4)", "format": "lowerLetter"},
]
NUM = 70


def regulation_parts(commune: str, district: str) -> list[tuple[str, object]]:
    """(kind, content) in order: chapter (title), article (title), clause (text or
    (text, points))."""
    bhxh = f"BHXH huyện {district}"
    return [
        ("chapter", "QUY ĐỊNH CHUNG"),
        ("article", "Phạm vi điều chỉnh và đối tượng áp dụng"),
        ("clause", "Quy chế này quy định nguyên tắc, nhiệm vụ, chế độ làm việc của Ban Chỉ đạo "
                   f"thực hiện chính sách BHXH, BHYT xã {commune} (sau đây gọi là Ban Chỉ đạo)."),
        ("clause", "Quy chế áp dụng đối với Trưởng ban, các Phó Trưởng ban và các thành viên "
                   "Ban Chỉ đạo."),
        ("article", "Nguyên tắc hoạt động"),
        ("clause", "Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm, tập trung dân chủ; các thành "
                   "viên chịu trách nhiệm trước Trưởng ban về lĩnh vực được phân công."),
        ("chapter", "NHIỆM VỤ CỦA BAN CHỈ ĐẠO VÀ TRÁCH NHIỆM CỦA THÀNH VIÊN"),
        ("article", "Nhiệm vụ của Ban Chỉ đạo"),
        ("clause", ("Giúp Ủy ban nhân dân xã chỉ đạo thực hiện chính sách BHXH, BHYT trên địa "
                    "bàn, cụ thể:", (
                        "Xây dựng kế hoạch phát triển người tham gia BHXH, BHYT hằng năm;",
                        "Chỉ đạo tuyên truyền chính sách BHXH, BHYT đến từng thôn;",
                        "Kiểm tra, đôn đốc việc thực hiện chỉ tiêu được giao;",
                        "Tổng hợp, đề xuất giải quyết vướng mắc của người tham gia."))),
        ("clause", "Giao chỉ tiêu phát triển người tham gia BHXH tự nguyện, BHYT hộ gia đình "
                   "cho Ban Chỉ đạo và cho từng thành viên theo Kế hoạch số 12/KH-BCĐ của Ban "
                   "Chỉ đạo."),
        ("article", "Trách nhiệm của Trưởng ban và các Phó Trưởng ban"),
        ("clause", "Trưởng ban chịu trách nhiệm toàn diện về hoạt động của Ban Chỉ đạo, chủ trì "
                   "các cuộc họp và phân công nhiệm vụ cho các thành viên."),
        ("clause", "Phó Trưởng ban Thường trực giúp Trưởng ban điều hành công việc thường xuyên; "
                   f"Phó Trưởng ban là lãnh đạo {bhxh} hướng dẫn nghiệp vụ, cung cấp số liệu "
                   "người tham gia theo từng thôn."),
        ("article", "Trách nhiệm của các thành viên"),
        ("clause", "Công chức Văn hóa - Xã hội xã tham mưu Ủy ban nhân dân xã về BHXH, BHYT, "
                   "theo dõi kết quả thực hiện chỉ tiêu của từng thành viên."),
        ("clause", f"Viên chức {bhxh} phụ trách địa bàn đối chiếu danh sách người tham gia, "
                   "hướng dẫn thủ tục cho người dân."),
        ("clause", "Thành viên là người đứng đầu Mặt trận Tổ quốc và các hội, đoàn thể vận động "
                   "hội viên tham gia BHXH tự nguyện, BHYT hộ gia đình theo chỉ tiêu được giao."),
        ("clause", "Trưởng thôn lập danh sách hộ gia đình chưa tham gia BHYT và phối hợp tổ "
                   "chức dịch vụ thu vận động tại thôn."),
        ("clause", f"Trưởng Bưu điện văn hóa xã {commune} tổ chức thu, hướng dẫn người tham "
                   "gia tại điểm thu của xã."),
        ("chapter", "CHẾ ĐỘ HỌP, SƠ KẾT, TỔNG KẾT VÀ BÁO CÁO"),
        ("article", "Chế độ họp, sơ kết, tổng kết"),
        ("clause", "Ban Chỉ đạo họp định kỳ mỗi quý một lần; sơ kết 6 tháng và tổng kết năm, "
                   "đánh giá kết quả hoạt động của Ban Chỉ đạo và của từng thành viên."),
        ("article", "Chế độ thông tin, báo cáo"),
        ("clause", "Các thành viên báo cáo kết quả thực hiện nhiệm vụ được giao về Công chức "
                   "Văn hóa - Xã hội xã trước ngày 20 hằng tháng để tổng hợp báo cáo Trưởng ban."),
        ("clause", f"Ban Chỉ đạo báo cáo Ủy ban nhân dân huyện {district} và {bhxh} 6 tháng "
                   "(trước ngày 15/6) và cả năm (trước ngày 15/12)."),
        ("article", "Giải pháp, nhiệm vụ thời gian tới"),
        ("clause", "Đẩy mạnh tuyên truyền, đối thoại chính sách tại các thôn; phấn đấu tỷ lệ "
                   "bao phủ BHYT đạt 95% dân số vào năm 2025."),
        ("chapter", "ĐIỀU KHOẢN THI HÀNH"),
        ("article", "Tổ chức thực hiện"),
        ("clause", "Trong quá trình thực hiện, nếu có vướng mắc, các thành viên phản ánh về "
                   "Trưởng ban để xem xét, sửa đổi, bổ sung Quy chế cho phù hợp."),
    ]


def regulation_sample(commune: str, district: str, issuer: tuple[str, ...],
                      motto: tuple[str, ...], letterhead: str) -> Sample:
    def edit(document) -> None:
        add_numbering(document, [abstract_number(NUM, LEVELS)], [number_instance(NUM, NUM)])
        add_paragraph_style(document, "Chuong")
        add_paragraph_style(document, "DieuQC")

    title = ("QUY CHẾ", f"Hoạt động của Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã {commune}")
    issued = (f"(Ban hành kèm theo Quyết định số 45/QĐ-UBND ngày 05/3/2024 của Chủ tịch Ủy ban "
              f"nhân dân xã {commune})")
    body = [letterhead, centred(title), para(run(issued, italic=True), align="center")]
    lines = [*issuer, *motto, *title, issued]
    counts = {"chapter": 0, "article": 0, "clause": 0}
    for kind, content in regulation_parts(commune, district):
        if kind == "chapter":
            counts["chapter"] += 1
            body.append(para("", style="Chuong", align="center", extra=numbered(NUM, 0)))
            body.append(centred((content,)))
            lines += [f"Chương {_roman(counts['chapter'])}", content]
        elif kind == "article":
            counts["article"] += 1
            counts["clause"] = 0
            body.append(para(run(content, bold=True), style="DieuQC", extra=numbered(NUM, 1)))
            lines.append(f"Điều {counts['article']}. {content}")
        else:
            counts["clause"] += 1
            text, points = content if isinstance(content, tuple) else (content, ())
            body.append(para(text, extra=numbered(NUM, 2)))
            lines.append(f"{counts['clause']}. {text}")
            for letter, point in zip("abcd", points, strict=False):
                body.append(para(point, extra=numbered(NUM, 3)))
                lines.append(f"{letter}) {point}")
    return Sample(
        f"qc-xa-{_slug(commune)}-2024-chuong-dieu-tu-dong.docx",
        "Regulation numbered by one multi-level list: 'Chương %1' (upperRoman, empty "
        "paragraphs), 'Điều %2.' running on across chapters (w:lvlRestart 0), khoản '%3.' "
        "restarting per article, điểm '%4)' (lowerLetter) restarting per khoản.",
        "".join(body), {"lines": lines, "absent": ["Điều 0", "Chương 1"]}, edit)


def _roman(value: int) -> str:
    return ("I", "II", "III", "IV", "V")[value - 1]


def _slug(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    return "-".join("".join(c for c in plain if c.isascii()).lower().split())
