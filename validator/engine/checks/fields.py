"""Reading dotted field paths of a Document ("metadata.signer.name") and dates written in text."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from validator.engine.context import DocContext, Range
from validator.model import Located, Messages
from validator.normalize import loose_key

if TYPE_CHECKING:
    from validator.structure.document import Document

FIELD_ROOTS = ("metadata", "attachment", "doc")
# Where a field stands on the paper, for "Đã tìm trong": the longest matching path prefix.
_PLACES = {
    "metadata.issuer": ("tên cơ quan ban hành (phần đầu văn bản)", "issuing body (header)"),
    "metadata.parent": ("tên cơ quan chủ quản (phần đầu văn bản)", "parent body (header)"),
    "metadata.number": ("dòng số, ký hiệu", "number and symbol line"),
    "metadata.symbol": ("dòng số, ký hiệu", "number and symbol line"),
    "metadata.number_line": ("dòng số, ký hiệu", "number and symbol line"),
    "metadata.place": ("dòng địa danh, ngày tháng", "place and date line"),
    "metadata.date": ("dòng địa danh, ngày tháng", "place and date line"),
    "metadata.date_line": ("dòng địa danh, ngày tháng", "place and date line"),
    "metadata.type_name": ("tên loại văn bản", "document type name"),
    "metadata.summary": ("trích yếu", "summary line"),
    "metadata.national_motto": ("Quốc hiệu, Tiêu ngữ", "national name and motto"),
    "metadata.authority_line": ("dòng thẩm quyền ban hành", "issuing authority line"),
    "metadata.legal_bases": ("phần căn cứ", "legal bases"),
    "metadata.legal_basis_lines": ("phần căn cứ", "legal bases"),
    "metadata.signer": ("khối chữ ký", "signature block"),
    "metadata.recipients": ("Nơi nhận", "recipients (Nơi nhận)"),
    "attachment": ("phần Quy chế", "the regulation"),
    "attachment.issued_by_line": (
        "dòng «Ban hành kèm theo Quyết định số … ngày …»",
        "the line «Ban hành kèm theo Quyết định số … ngày …»",
    ),
    "attachment.decision_number": (
        "dòng «Ban hành kèm theo Quyết định số … ngày …»",
        "the line «Ban hành kèm theo Quyết định số … ngày …»",
    ),
    "attachment.decision_date": (
        "dòng «Ban hành kèm theo Quyết định số … ngày …»",
        "the line «Ban hành kèm theo Quyết định số … ngày …»",
    ),
}


def field_place(path: str) -> Messages:
    """A field path in a reviewer's words: "metadata.signer.name" is the "khối chữ ký"."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        found = _PLACES.get(".".join(parts[:cut]))
        if found is not None:
            return Messages(vi=found[0], en=found[1])
    return Messages(vi="thông tin văn bản", en="document details")


_WRITTEN_DATE = re.compile(
    r"ngay\s*(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})\s*nam\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})"
)


def check_path(path: str) -> str:
    """Validate a field path at load time."""
    root = path.split(".", 1)[0]
    if root not in FIELD_ROOTS or "." not in path:
        raise ValueError(f"a field path starts with one of {', '.join(FIELD_ROOTS)}: {path!r}")
    return path


def resolve(doc: Document, path: str) -> tuple[Any, list[Any]]:
    """The value at `path` and the objects walked through (for evidence)."""
    root, *names = path.split(".")
    current: Any = doc if root == "doc" else getattr(doc, root)
    trail = [current]
    for name in names:
        if current is None:
            return None, trail
        current = getattr(current, name, None)
        trail.append(current)
    return current, trail


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Located):
        return value.text
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "\n".join(t for t in map(as_text, value) if t) or None
    text = str(value).strip()
    return text or None


def evidence_range(ctx: DocContext, path: str, trail: list[Any]) -> Range | None:
    """The line behind a field: the value itself if located, its `<name>_line` sibling, or
    the nearest located object on the path (the signer block for signer.name)."""
    parent = trail[-2] if len(trail) >= 2 else None
    name = path.rsplit(".", 1)[-1]
    sibling = getattr(parent, f"{name}_line", None) if parent is not None else None
    for item in [trail[-1], sibling, *reversed(trail[:-1])]:
        if isinstance(item, list) and item:
            item = item[0]
        if isinstance(item, Located):
            return ctx.locate(item)
        if hasattr(item, "page") and hasattr(item, "line") and hasattr(item, "text"):
            return ctx.locate_text(item.text, item.page, item.line)
        if hasattr(item, "page") and hasattr(item, "line"):
            return ctx.line_range(item.page, item.line)
    return None


def written_date(text: str) -> tuple[str, str, str] | None:
    """(day, month, year) as written in a date line, digits untouched."""
    found = _WRITTEN_DATE.search(loose_key(text))
    if found is None:
        return None
    if found.group("d"):
        return found.group("d"), found.group("m"), found.group("y")
    return found.group("d2"), found.group("m2"), found.group("y2")


def real_date(parts: tuple[str, str, str]) -> dt.date | None:
    day, month, year = (int(p) for p in parts)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def leading_zero_fixes(parts: tuple[str, str, str]) -> list[str]:
    """Nghị định 30: days below 10 and months 1 and 2 take a leading zero (ngày 05 tháng 02).
    The fixes as a reviewer writes them: «ngày 5» → «ngày 05»."""
    day, month, _ = parts
    fixes = []
    if int(day) < 10 and len(day) < 2:
        fixes.append(f"«ngày {day}» → «ngày 0{day}»")
    if int(month) <= 2 and len(month) < 2:
        fixes.append(f"«tháng {month}» → «tháng 0{month}»")
    return fixes
