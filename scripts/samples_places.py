"""The invented localities that issue sample documents, and the words each level uses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """An issuing locality and the words its documents use."""

    level: str  # province, district, commune
    era: str  # "old" (three tiers, before 1/7/2025) or "new" (two tiers)
    kind: str  # "tỉnh", "huyện", "xã", "phường", "đặc khu"
    name: str  # "An Bình"
    upper: str  # the level above, with its kind: "huyện Châu Thành"
    bhxh: str  # the social-insurance office serving it: "BHXH huyện Châu Thành"
    vhxh: str  # who carries the Văn hóa - Xã hội duties
    village_head: str  # "Trưởng ấp", "Trưởng thôn", "Tổ trưởng tổ dân phố"
    village: str  # "ấp", "thôn", "tổ dân phố"
    head_left: tuple[str, ...]  # letterhead, left column, as printed
    parent: str | None  # the parent line(s) of head_left, joined
    issuer: str  # the issuing-body line(s) of head_left, joined
    place_word: str  # before the date: "Xã An Bình", "Côn Đảo"

    @property
    def unit(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def UNIT(self) -> str:
        return self.unit.upper()

    @property
    def ubnd(self) -> str:
        return f"UBND {self.kind}"


def commune_old(name: str, district: str, *, village="thôn", kind="xã", with_parent=False,
                district_kind="huyện") -> Place:
    parent = f"UBND {district_kind.upper()} {district.upper()}"
    issuer_lines = ("ỦY BAN NHÂN DÂN", f"{kind.upper()} {name.upper()}")
    head = ((parent, f"ỦY BAN NHÂN DÂN {kind.upper()} {name.upper()}") if with_parent
            else issuer_lines)
    return Place(
        level="commune", era="old", kind=kind, name=name, upper=f"{district_kind} {district}",
        bhxh=f"BHXH {district_kind} {district}", vhxh=f"Công chức Văn hóa - Xã hội {kind}",
        village_head="Tổ trưởng tổ dân phố" if village == "tổ dân phố" else f"Trưởng {village}",
        village=village, head_left=head, parent=parent if with_parent else None,
        issuer=" ".join(head[1:] if with_parent else head),
        place_word=f"{kind.capitalize()} {name}" if kind == "xã" else name,
    )


def commune_new(name: str, province: str, bhxh_base: str, *, kind="xã",
                village="thôn") -> Place:
    parent = f"TỈNH {province.upper()}" if not province.startswith("Thành phố") else \
        province.upper()
    issuer = f"ỦY BAN NHÂN DÂN {kind.upper()} {name.upper()}"
    return Place(
        level="commune", era="new", kind=kind, name=name,
        upper=province if province.startswith("Thành phố") else f"tỉnh {province}",
        bhxh=f"BHXH cơ sở {bhxh_base}", vhxh=f"Phòng Văn hóa - Xã hội {kind}",
        village_head="Tổ trưởng tổ dân phố" if village == "tổ dân phố" else f"Trưởng {village}",
        village=village, head_left=(parent, issuer), parent=parent, issuer=issuer,
        place_word=name,
    )


def district_place(name: str, province: str) -> Place:
    return Place(
        level="district", era="old", kind="huyện", name=name, upper=f"tỉnh {province}",
        bhxh=f"BHXH huyện {name}", vhxh="Phòng Lao động - Thương binh và Xã hội huyện",
        village_head="Trưởng thôn", village="thôn",
        head_left=("ỦY BAN NHÂN DÂN", f"HUYỆN {name.upper()}"), parent=None,
        issuer=f"ỦY BAN NHÂN DÂN HUYỆN {name.upper()}", place_word=name,
    )


def province_place(name: str) -> Place:
    return Place(
        level="province", era="old", kind="tỉnh", name=name, upper="Chính phủ",
        bhxh="BHXH tỉnh", vhxh="Sở Lao động - Thương binh và Xã hội",
        village_head="Trưởng thôn", village="thôn",
        head_left=("ỦY BAN NHÂN DÂN", f"TỈNH {name.upper()}"), parent=None,
        issuer=f"ỦY BAN NHÂN DÂN TỈNH {name.upper()}", place_word=name,
    )
