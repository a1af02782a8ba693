"""Small realistic documents for the structure tests, composed from parts."""

from __future__ import annotations

from validator.model import SourceLine
from validator.normalize import normalize
from validator.structure.lines import Lines

LETTERHEAD = """UBND HUYỆN BÌNH SƠN
ỦY BAN NHÂN DÂN XÃ AN BÌNH
-------
Số: 57/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Xã An Bình, ngày 05 tháng 10 năm 2023"""

OPENING = """QUYẾT ĐỊNH
Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình
CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số 33/2023/NĐ-CP ngày 10/6/2023 của Chính phủ quy định về cán bộ, công chức cấp xã;
Căn cứ Công văn số 2657/BHXH-TCCB ngày 25/8/2023 của Bảo hiểm xã hội Việt Nam;
Theo đề nghị của Công chức Văn hóa - Xã hội xã.
QUYẾT ĐỊNH:"""

MEMBERS = """Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình.
Điều 2. Thành phần Ban Chỉ đạo gồm các ông (bà) có tên sau:
1. Ông Nguyễn Văn An, Chủ tịch UBND xã - Trưởng ban;
2. Bà Trần Thị Bình, Phó Chủ tịch UBND xã - Phó Trưởng ban Thường trực;
3. Ông Lê Văn Cường, Phó Giám đốc BHXH huyện Bình Sơn - Phó Trưởng ban;
4. Bà Phạm Thị Dung, Công chức Văn hóa - Xã hội xã - Thành viên;
5. Ông Hoàng Văn Em, Trưởng thôn An Phú - Thành viên."""

DUTIES = """Điều 3. Nhiệm vụ của Ban Chỉ đạo
1. Trưởng ban: chịu trách nhiệm chung, phân công nhiệm vụ cho các thành viên;
2. Công chức Văn hóa - Xã hội xã tham mưu Ban Chỉ đạo;
a) Xây dựng kế hoạch hằng năm;
b) Phối hợp với Bưu điện xã, đại lý thu;
Điều 4. Quyết định có hiệu lực kể từ ngày ký. Công chức Văn phòng - Thống kê, các ông (bà) \
có tên tại Điều 2 chịu trách nhiệm thi hành Quyết định này./."""

CLOSING = """Nơi nhận:
- Như Điều 4;
- BHXH huyện Bình Sơn;
- Bưu điện xã An Bình;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Thị Bình"""


def compose(*parts: str) -> str:
    return "\n".join(parts) + "\n"



def lines_of(text: str) -> Lines:
    """Normalised lines of a text, one source line per text line."""
    source = [SourceLine(page=1, line=i, text=t, table=1 if "\t" in t else None)
              for i, t in enumerate(text.splitlines(), 1)]
    return Lines(normalize(source))
