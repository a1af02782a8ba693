"""Committee members: roles, seeded name pools, the member lists each level expects, and
the shapes offices print them in (Điều 2 of a decision).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from samples_blocks import Block, Para, Table
from samples_places import Place


@dataclass(frozen=True)
class Member:
    honorific: str | None
    name: str | None
    position: str
    role: str  # Trưởng ban, Phó Trưởng ban Thường trực, Phó Trưởng ban, Thành viên ...


def role_class(role: str) -> str:
    if role.startswith("Phó Trưởng ban"):
        return "Phó Trưởng ban"
    if role.startswith("Trưởng ban"):
        return "Trưởng ban"
    return "Thành viên"


def members_from(rows: Sequence[tuple[str, str, str, str]]) -> list[Member]:
    return [Member(h or None, n or None, p, r) for h, n, p, r in rows]


TB, PTT, PT, TVT, TV = ("Trưởng ban", "Phó Trưởng ban Thường trực", "Phó Trưởng ban",
                        "Thành viên thường trực", "Thành viên")


def member_blocks(members: Sequence[Member], shape: str) -> list[Block]:
    """The member list of Điều 2 in one of the shapes offices use."""
    last = len(members) - 1
    end = [";" if i < last else "." for i in range(len(members))]
    if shape == "numbered":
        return [Para(f"{i + 1}. {m.honorific} {m.name}, {m.position} - {m.role}{end[i]}")
                for i, m in enumerate(members)]
    if shape == "dash":
        return [Para(f"- {m.honorific} {m.name}, {m.position} - {m.role}{end[i]}")
                for i, m in enumerate(members)]
    if shape == "lam":
        return [Para(f"{i + 1}. {m.honorific} {m.name}, {m.position} làm "
                     f"{m.role if m.role != TV else 'thành viên'}{end[i]}")
                for i, m in enumerate(members)]
    if shape == "position":
        return [Para(f"{i + 1}. {m.position[0].upper()}{m.position[1:]} - {m.role}{end[i]}")
                for i, m in enumerate(members)]
    if shape == "role_first":
        heads = [m for m in members if role_class(m.role) == "Trưởng ban"]
        deputies = [m for m in members if role_class(m.role) == "Phó Trưởng ban"]
        others = [m for m in members if role_class(m.role) == "Thành viên"]
        out: list[Block] = [Para(f"1. Trưởng ban: {m.honorific} {m.name}, {m.position}.")
                            for m in heads]
        out.append(Para("2. Các Phó Trưởng ban:"))
        out += [Para(f"- {m.role}: {m.honorific} {m.name}, {m.position};") for m in deputies]
        out.append(Para("3. Các thành viên gồm:"))
        out += [Para(f"- {m.honorific} {m.name}, {m.position}"
                     f"{' (thành viên thường trực)' if m.role == TVT else ''}"
                     f"{';' if i < len(others) - 1 else '.'}")
                for i, m in enumerate(others)]
        return out
    if shape == "table":
        rows = [("STT", "Họ và tên", "Chức vụ, đơn vị", "Chức danh trong Ban Chỉ đạo")]
        rows += [(str(i + 1), f"{m.honorific} {m.name}", m.position[0].upper() + m.position[1:],
                  m.role) for i, m in enumerate(members)]
        return [Table(tuple(rows), (1.2, 4.3, 7.0, 3.8))]
    raise ValueError(shape)


MEN = ["Nguyễn Văn Hùng", "Lê Văn Tâm", "Võ Minh Trí", "Huỳnh Văn Lợi", "Đặng Văn Phúc",
       "Trương Văn Sơn", "Phan Văn Út", "Trần Quốc Việt", "Hoàng Đức Thắng", "Bùi Văn Khải",
       "Đỗ Minh Quang", "Ngô Văn Thành", "Dương Văn Hải", "Lý Văn Nghĩa", "Tạ Quang Vinh",
       "Mai Xuân Trường", "Hồ Văn Tuấn", "Vũ Đình Dũng", "Châu Văn Lực", "Kiều Văn Thịnh"]
WOMEN = ["Trần Thị Mai", "Phạm Thị Hồng", "Nguyễn Thị Lan", "Lý Thị Thu", "Đỗ Thị Kim",
         "Cao Thị Nga", "Lê Thị Hạnh", "Hà Thị Yến", "Đinh Thị Thủy", "Vương Thị Hoa",
         "Lưu Thị Phương", "Tô Thị Nhung"]


class NamePool:
    """Deterministic people for a document (seeded by the document id)."""

    def __init__(self, seed: str) -> None:
        rng = random.Random(seed)
        self.men = rng.sample(MEN, len(MEN))
        self.women = rng.sample(WOMEN, len(WOMEN))

    def man(self) -> tuple[str, str]:
        return "Ông", self.men.pop()

    def woman(self) -> tuple[str, str]:
        return "Bà", self.women.pop()

    def any(self, i: int) -> tuple[str, str]:
        return self.woman() if i % 3 == 1 else self.man()


def commune_members(place: Place, pool: NamePool, villages: Sequence[str], *, vhxh="commune",
                    post="collector", abbrev=False) -> list[Member]:
    """The member list 2657 expects of a commune committee, with deliberate variations."""
    k = place.kind
    ub = "UBND" if abbrev else "Ủy ban nhân dân"
    mttq = "UB MTTQ VN" if abbrev else "Ủy ban Mặt trận Tổ quốc Việt Nam"
    rows = [
        (*pool.man(), f"Chủ tịch {ub} {k}", TB),
        (*pool.woman(), f"Phó Chủ tịch {ub} {k}", PTT),
        (*pool.man(), f"Phó Giám đốc {place.bhxh}", PT),
    ]
    if vhxh == "commune" and place.era == "old":
        label = "Công chức VH-XH" if abbrev else "Công chức Văn hóa - Xã hội"
        rows.append((*pool.woman(), f"{label} {k}", TVT))
    elif vhxh == "commune":
        rows.append((*pool.woman(), f"Trưởng phòng Văn hóa - Xã hội {k}", TVT))
        rows.append((*pool.man(), f"Chuyên viên Phòng Văn hóa - Xã hội {k}", TV))
    elif vhxh == "district_vhtt":
        rows.append((*pool.woman(), f"Chuyên viên Phòng Văn hóa và Thông tin {place.upper}",
                     TV))
    rows += [
        (*pool.man(), f"Viên chức {place.bhxh} phụ trách địa bàn {k}", TV),
        (*pool.man(), f"Chủ tịch {mttq} {k}", TV),
        (*pool.man(), f"Chủ tịch Hội Nông dân {k}", TV),
        (*pool.woman(), f"Chủ tịch Hội Liên hiệp Phụ nữ {k}", TV),
        (*pool.man(), f"Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh {k}", TV),
        (*pool.man(), f"Chủ tịch Hội Cựu chiến binh {k}", TV),
        (*pool.woman(), f"Trạm trưởng Trạm Y tế {k}", TV),
    ]
    rows += [(*pool.any(i), f"{place.village_head} {v}", TV) for i, v in enumerate(villages)]
    if post == "collector":
        rows.append((*pool.woman(), f"Trưởng Bưu điện văn hóa {k} {place.name} (tổ chức dịch "
                     f"vụ thu có điểm thu tại {k})", TV))
    elif post == "clerk":
        rows.append((*pool.man(), f"nhân viên Bưu điện {k} (phụ trách chuyển phát báo chí, "
                     "bưu phẩm)", TV))
    return members_from(rows)


def district_members(place: Place, pool: NamePool, *, deputies=True) -> list[Member]:
    h = "huyện"
    rows = [(*pool.man(), f"Chủ tịch UBND {h}", TB)]
    if deputies:
        rows += [(*pool.woman(), f"Phó Chủ tịch UBND {h}", PTT),
                 (*pool.man(), f"Giám đốc {place.bhxh}", PT),
                 (*pool.man(), f"Trưởng phòng Lao động - Thương binh và Xã hội {h}", PT)]
    else:
        rows += [(*pool.woman(), f"Phó Chủ tịch UBND {h}", TV),
                 (*pool.man(), f"Giám đốc {place.bhxh}", TV)]
    rows += [
        (*pool.man(), f"Trưởng phòng Tài chính - Kế hoạch {h}", TV),
        (*pool.woman(), f"Trưởng phòng Y tế {h}", TV),
        (*pool.man(), f"Giám đốc Trung tâm Y tế {h}", TV),
        (*pool.man(), f"Trưởng phòng Giáo dục và Đào tạo {h}", TV),
        (*pool.man(), f"Trưởng phòng Văn hóa và Thông tin {h}", TV),
        (*pool.man(), f"Chi cục trưởng Chi cục Thuế khu vực {place.name}", TV),
        (*pool.woman(), f"Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam {h}", TV),
        (*pool.man(), f"Chủ tịch Liên đoàn Lao động {h}", TV),
        (*pool.man(), f"Chủ tịch Hội Nông dân {h}", TV),
        (*pool.woman(), f"Chủ tịch Hội Liên hiệp Phụ nữ {h}", TV),
        (*pool.man(), f"Bí thư Huyện đoàn {place.name}", TV),
        (*pool.man(), f"Giám đốc Bưu điện {h} {place.name}", TV),
    ]
    return members_from(rows)
