"""Composing decisions (Quyết định) and documents: legal bases, the Doc record, the
decision body of Nghị định 30, and the wrappers for regulations and combined files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from samples_blocks import Block, Letterhead, PageBreak, Para, SignBlock, blocks_to_text
from samples_people import (
    PTT,
    TB,
    Member,
    NamePool,
    commune_members,
    district_members,
    member_blocks,
)
from samples_places import Place


def date_words(day: dt.date, *, zeros: bool = True) -> str:
    """"ngày 05 tháng 10 năm 2023": Nghị định 30 pads days 1-9 and months 1-2."""
    d = f"{day.day:02d}" if zeros else str(day.day)
    m = f"{day.month:02d}" if zeros and day.month < 3 else str(day.month)
    return f"ngày {d} tháng {m} năm {day.year}"


def dmy(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


LAW_2015 = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa "
            "đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
            "địa phương ngày 22 tháng 11 năm 2019;")
LAW_2025 = ("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm "
            "2025;")
LAW_INSURANCE = ("Căn cứ Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014; Luật Bảo hiểm y tế "
                 "ngày 14 tháng 11 năm 2008 và Luật sửa đổi, bổ sung một số điều của Luật Bảo "
                 "hiểm y tế ngày 13 tháng 6 năm 2014;")
ND33 = ("Căn cứ Nghị định số 33/2023/NĐ-CP ngày 10 tháng 6 năm 2023 của Chính phủ quy định về "
        "cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân "
        "phố;")
CV3036 = ("Căn cứ Công văn số 3036/BHXH-BT ngày 24/9/2020 của Bảo hiểm xã hội Việt Nam về việc "
          "tham mưu cấp ủy, chính quyền lãnh đạo, chỉ đạo tăng cường thực hiện chính sách BHXH, "
          "BHYT;")
CV2657 = ("Căn cứ Công văn số 2657/BHXH-TCCB ngày 25/8/2023 của Bảo hiểm xã hội Việt Nam về việc "
          "triển khai thực hiện nhiệm vụ theo Nghị định số 33/2023/NĐ-CP ngày 10/6/2023 của Chính "
          "phủ, trong đó có nội dung kiện toàn Ban Chỉ đạo có công chức Văn hóa - Xã hội tham "
          "gia;")


@dataclass
class Doc:
    """A composed document and the facts a test can check about it."""

    id: str
    blocks: list[Block]
    doc_type: str
    place: Place | None
    number: str | None = None
    symbol: str | None = None
    date: dt.date | None = None
    members: list[Member] = field(default_factory=list)
    cites_3036: bool = False
    fail: set[str] = field(default_factory=set)  # rules deliberately made to fail
    unsure: set[str] = field(default_factory=set)  # rules not asserted either way
    issued_by: dict[str, str | None] | None = None  # the decision a regulation names
    traps: list[str] = field(default_factory=list)
    notes: str = ""
    named: bool = True  # members are listed with their names (not by position only)
    has_signer: bool = True

    def text(self) -> str:
        return blocks_to_text(self.blocks)


def letterhead(place: Place, number: str | None, day: dt.date | None, *, zeros=True,
               rows=False, rule="-------", left: tuple[str, ...] | None = None,
               summary_left: str | None = None) -> Letterhead:
    return Letterhead(
        left=left or place.head_left,
        number_line=f"Số: {number}" if number else None,
        place_date=f"{place.place_word}, {date_words(day, zeros=zeros)}" if day else None,
        row_per_line=rows, rule=rule, summary_left=summary_left,
    )


def committee(place: Place, *, short: bool = False) -> str:
    policy = "BHXH, BHYT" if short else "bảo hiểm xã hội, bảo hiểm y tế"
    return f"Ban Chỉ đạo thực hiện chính sách {policy} {place.unit}"


@dataclass
class DecisionParts:
    """The varying pieces of an establishing decision."""

    number: str
    day: dt.date
    members: list[Member]
    shape: str
    bases: list[str]
    proposal: str
    signer: tuple[str, ...]
    recipients: tuple[str, ...]
    collective: bool = False  # "ỦY BAN NHÂN DÂN ..." decides (signer TM.) vs the Chủ tịch
    verb: str = "Kiện toàn"
    committee_name: str | None = None
    art1: str | None = None
    attach_regulation: bool = False
    replaces: str = ""
    zeros: bool = True
    rows: bool = False
    rule: str = "-------"
    extra_art3: tuple[str, ...] = ()


def executor(place: Place) -> str:
    """Who is first charged with carrying out a decision, by level."""
    if place.level == "commune" and place.era == "old":
        return "Công chức Văn phòng - Thống kê"
    if place.level == "province":
        return "Chánh Văn phòng UBND tỉnh"
    return f"Chánh Văn phòng HĐND và UBND {place.kind}"


def decision_blocks(place: Place, p: DecisionParts) -> list[Block]:
    name = p.committee_name or committee(place)
    authority = (f"ỦY BAN NHÂN DÂN {place.UNIT}" if p.collective
                 else f"CHỦ TỊCH ỦY BAN NHÂN DÂN {place.UNIT}")
    art1 = p.art1 or (
        f"{p.verb} {name} (sau đây gọi tắt là Ban Chỉ đạo) trên cơ sở hợp nhất Ban Chỉ đạo "
        f"phát triển người tham gia bảo hiểm xã hội và Ban Chỉ đạo thực hiện bảo hiểm y tế "
        f"toàn dân {place.unit}.")
    if p.attach_regulation:
        regulation = ("Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo "
                      f"thực hiện chính sách BHXH, BHYT {place.unit}.")
    else:
        regulation = ("Trưởng ban Chỉ đạo ban hành Quy chế hoạt động của Ban Chỉ đạo, phân công "
                      "nhiệm vụ cụ thể cho từng thành viên trong thời hạn 15 ngày kể từ ngày "
                      "Quyết định này có hiệu lực thi hành.")
    blocks: list[Block] = [
        letterhead(place, p.number, p.day, zeros=p.zeros, rows=p.rows, rule=p.rule),
        Para("QUYẾT ĐỊNH", "heading"),
        Para(f"Về việc {p.verb.lower()} {name}", "heading"),
        Para(authority, "heading"),
        *(Para(b) for b in p.bases),
        Para(p.proposal),
        Para("QUYẾT ĐỊNH:", "heading"),
        Para(f"Điều 1. {art1}"),
        Para("Điều 2. Thành phần Ban Chỉ đạo gồm các ông (bà) có tên sau:"),
        *member_blocks(p.members, p.shape),
        Para("Điều 3. Nhiệm vụ, quyền hạn của Ban Chỉ đạo"),
        Para(f"1. Giúp {'Ủy ban nhân dân' if p.collective else 'Chủ tịch Ủy ban nhân dân'} "
             f"{place.unit} lãnh đạo, chỉ đạo, điều phối các cơ quan, đơn vị, tổ chức trên "
             "địa bàn thực hiện chính sách BHXH, BHYT; xây dựng kế hoạch phát triển người tham "
             "gia BHXH, BHYT hằng năm."),
        Para(f"2. {regulation}"),
        *(Para(x) for x in p.extra_art3),
        Para("3. Ban Chỉ đạo được sử dụng con dấu của Ủy ban nhân dân "
             f"{place.unit} trong quá trình hoạt động; các thành viên Ban Chỉ đạo làm việc "
             "theo chế độ kiêm nhiệm."),
        Para(f"Điều 4. Quyết định này có hiệu lực kể từ ngày ký{p.replaces}."),
        Para(f"{executor(place)}, Thủ trưởng các cơ quan, đơn vị có liên quan và các "
             "ông (bà) có tên tại Điều 2 chịu trách nhiệm thi hành Quyết định này./."),
        SignBlock(p.recipients, p.signer),
    ]
    return blocks


def commune_bases(place: Place, day: dt.date, *, cite_2657=True) -> list[str]:
    bases = [LAW_2025 if place.era == "new" else LAW_2015, LAW_INSURANCE]
    if day >= dt.date(2023, 6, 10):
        bases.append(ND33)
    bases.append(CV3036)
    if cite_2657 and day >= dt.date(2023, 8, 25):
        bases.append(CV2657)
    return bases


def commune_recipients(place: Place, *, post_line: str | None = None) -> tuple[str, ...]:
    upper = f"- UBND {place.upper} (b/c);" if place.era == "old" else "- UBND tỉnh (b/c);"
    lines = ["Nơi nhận:", "- Như Điều 4;", upper, f"- {place.bhxh};"]
    if place.era == "new":
        lines.append(f"- Phòng Văn hóa - Xã hội {place.kind};")
    lines += ["- TT Đảng ủy, TT HĐND " + place.kind + ";",
              post_line or f"- Bưu điện {place.upper};", "- Lưu: VT."]
    return tuple(lines)


def commune_decision(doc_id: str, place: Place, *, number: str, day: dt.date, shape: str,
                     villages: Sequence[str], signer: str = "kt", fail: Iterable[str] = (),
                     **kw) -> Doc:
    pool = NamePool(doc_id)
    members = kw.pop("members", None) or commune_members(
        place, pool, villages, vhxh=kw.pop("vhxh", "commune"), post=kw.pop("post", "collector"),
        abbrev=kw.pop("abbrev", False))
    head = next(m for m in members if m.role == TB)
    deputy = next(m for m in members if m.role == PTT) if any(
        m.role == PTT for m in members) else head
    signers = {
        "kt": ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", deputy.name or ""),
        "ct": ("CHỦ TỊCH", "", "", "", head.name or ""),
        "tm": ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", head.name or ""),
    }
    proposal = kw.pop("proposal", None) or (
        f"Theo đề nghị của Công chức Văn hóa - Xã hội {place.kind}." if place.era == "old"
        else f"Theo đề nghị của Trưởng phòng Văn hóa - Xã hội {place.kind}.")
    parts = DecisionParts(
        number=number, day=day, members=members, shape=shape,
        bases=kw.pop("bases", None) or commune_bases(place, day),
        proposal=proposal, signer=signers[signer],
        recipients=kw.pop("recipients", None) or commune_recipients(place),
        collective=signer == "tm",
        replaces=kw.pop("replaces", None) or (
            f" và thay thế Quyết định số 102/QĐ-UBND ngày 12/11/2020 của Chủ tịch UBND "
            f"{place.unit} về việc thành lập Ban Chỉ đạo thực hiện chính sách BHXH, BHYT "
            f"{place.unit}"),
        **{k: kw.pop(k) for k in list(kw) if k in DecisionParts.__dataclass_fields__},
    )
    n, sym = number.split("/", 1)
    return Doc(id=doc_id, blocks=decision_blocks(place, parts), doc_type="decision",
               place=place, number=n, symbol=sym, date=day, members=members,
               cites_3036=CV3036 in parts.bases, fail=set(fail), **kw)


def district_decision(doc_id: str, place: Place, *, number: str, day: dt.date, shape: str,
                      deputies=True, fail: Iterable[str] = (), **kw) -> Doc:
    pool = NamePool(doc_id)
    members = district_members(place, pool, deputies=deputies)
    bases = [LAW_2015, LAW_INSURANCE, CV3036,
             f"Căn cứ Công văn số 2458/UBND-VX ngày 02/10/2020 của UBND {place.upper} về việc "
             "kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT các cấp;"]
    deputy = members[1]
    parts = DecisionParts(
        number=number, day=day, members=members, shape=shape, bases=bases,
        proposal=f"Theo đề nghị của Giám đốc Bảo hiểm xã hội huyện {place.name} và Trưởng phòng "
                 "Nội vụ huyện.",
        signer=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", deputy.name or ""),
        recipients=("Nơi nhận:", "- Như Điều 4;", f"- UBND {place.upper};",
                    f"- BHXH {place.upper};", "- TT Huyện ủy, TT HĐND huyện;",
                    "- CT, các PCT UBND huyện;", "- UBND các xã, thị trấn;", "- Lưu: VT."),
        replaces=(f" và thay thế Quyết định số 1520/QĐ-UBND ngày 14/5/2018 của Chủ tịch UBND "
                  f"huyện {place.name} về việc kiện toàn Ban Chỉ đạo phát triển người tham gia "
                  "BHXH và Ban Chỉ đạo thực hiện BHYT toàn dân huyện"),
        **{k: kw.pop(k) for k in list(kw) if k in DecisionParts.__dataclass_fields__},
    )
    n, sym = number.split("/", 1)
    return Doc(id=doc_id, blocks=decision_blocks(place, parts), doc_type="decision",
               place=place, number=n, symbol=sym, date=day, members=members,
               cites_3036=True, fail=set(fail), **kw)


def regulation_doc(doc_id: str, place: Place, body: list[Block], *, head: Letterhead,
                   signer: tuple[str, ...] | None, dec: tuple[str, str, dt.date],
                   fail: Iterable[str] = (), unsure: Iterable[str] = (), notes="",
                   number: str | None = None, day: dt.date | None = None,
                   traps: Sequence[str] = ()) -> Doc:
    blocks: list[Block] = [head, *body]
    if signer:
        blocks.append(SignBlock((), signer))
    n, sym = (number.split("/", 1) if number else (None, None))
    return Doc(id=doc_id, blocks=blocks, doc_type="regulation", place=place, number=n,
               symbol=sym, date=day, fail=set(fail), unsure=set(unsure), notes=notes,
               has_signer=signer is not None, traps=list(traps),
               issued_by={"number": dec[0], "symbol": dec[1], "date": dec[2].isoformat()})


def combined_doc(decision: Doc, regulation: list[Block], *, fail: Iterable[str] = (),
                 reg_head: Letterhead | None = None, notes="") -> Doc:
    blocks = [*decision.blocks, PageBreak()]
    if reg_head:
        blocks.append(reg_head)
    blocks += regulation
    decision.blocks = blocks
    decision.doc_type = "combined"
    decision.fail |= set(fail)
    decision.notes = notes
    return decision
