"""What the member-list samples are made of: roles, the Person and Sample records, the
opening and closing of a decision, the places used, and what a header or signer must read as.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from samples_blocks import Letterhead, Para, SignBlock, blocks_to_text

TB, PT, PTT, TV, UV = "Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban Thường trực", \
    "Thành viên", "Ủy viên"
BASES = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
         "Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024;",
         "Căn cứ Công văn số 3036/BHXH-BT ngày 24/9/2020 của Bảo hiểm xã hội Việt Nam;")


@dataclass(frozen=True)
class Person:
    """What the reader must find for one member (None: nothing written there)."""

    honorific: str | None
    name: str | None
    position: str | None
    role: str | None
    agency: str | None = None  # only asserted where a heading, column or head names it


@dataclass
class Sample:
    id: str
    shapes: tuple[str, ...]
    blocks: list
    formats: tuple[str, ...]
    members: list[Person] = field(default_factory=list)
    header: dict = field(default_factory=dict)
    signers: list[dict] = field(default_factory=list)
    doc_type: str = "other"
    missing_annex: bool = False
    text: str | None = None  # the text file when it is not the blocks' own text

    def plain(self) -> str:
        return self.text if self.text is not None else blocks_to_text(self.blocks)


def head(left: tuple[str, ...], number: str | None, place_date: str | None,
         v_v: str | None = None) -> object:
    return Letterhead(left=left, number_line=f"Số: {number}" if number else None,
                      place_date=place_date, summary_left=v_v)


def opening(summary: str, authority: str, bases=BASES, proposal: str | None = None) -> list:
    blocks = [Para("QUYẾT ĐỊNH", "heading"), Para(summary, "heading"),
              Para(authority, "heading"), *(Para(b) for b in bases)]
    if proposal:
        blocks.append(Para(proposal))
    blocks.append(Para("QUYẾT ĐỊNH:", "heading"))
    return blocks


def closing(executor: str, recipients: tuple[str, ...], signer: tuple[str, ...],
            article: int = 3) -> list:
    return [Para(f"Điều {article}. Quyết định này có hiệu lực kể từ ngày ký. {executor} và các "
                 "ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
            SignBlock(recipients, signer)]


def duties(body: str) -> Para:
    return Para(f"Điều 2. {body} thực hiện nhiệm vụ theo quy định; các thành viên làm việc theo "
                "chế độ kiêm nhiệm.")


RECIPIENTS = ("Nơi nhận:", "- Như Điều 3;", "- Bảo hiểm xã hội tỉnh;", "- Lưu: VT, VX.")
PROVINCE = ("ỦY BAN NHÂN DÂN", "TỈNH BẮC LÂM")
COMMUNE = ("UBND TỈNH BẮC LÂM", "ỦY BAN NHÂN DÂN XÃ EA HLÊ")


def expect_header(number=None, symbol=None, date=None, place=None, type_name="QUYẾT ĐỊNH",
                  kind="quyết định", summary=None) -> dict:
    return {"number": number, "symbol": symbol, "date": date, "place": place,
            "type_name": type_name, "kind": kind, "summary": summary}


def signer(authority=None, position=None, name=None, chain=()) -> dict:
    return {"authority": authority, "position": position, "name": name, "chain": list(chain)}


EA_HLE = "Xã Ea Hlê, ngày 12 tháng 3 năm 2025"
COMMUNE_RECIPIENTS = ("Nơi nhận:", "- Như Điều 3;", "- Bảo hiểm xã hội cơ sở Hlê Bắc;",
                      "- Lưu: VT.")
EA_SUMMARY = "Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Ea Hlê"
EA_AUTHORITY = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ EA HLÊ"
