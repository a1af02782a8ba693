"""Vietnamese dates: "ngày 05 tháng 10 năm 2023", "ngày 24/9/2020", drafts with blanks."""

from __future__ import annotations

import datetime as dt
import re

# Day and month may be left blank in a draft ("ngày    tháng 10 năm 2023"); a year broken by
# extraction ("năm 20 20") is still one year. Between a day and a month a "tháng" that lost one
# letter or its tone ("háng", "thang") is still the month word.
_MONTH = r"(?:th?[aáàảãạ]ng|h[aáàảãạ]ng)"
# A day or month a scan damaged ("1$", "l5") still makes a date line, with no date.
_PART = r"(?:\d{1,2}[^\s\d.…_/,]?|[^\s\d.…_/,]\d)"
DATE_WORDS = re.compile(
    rf"ngày\s*(?P<d>{_PART})?[\s.…_/]*{_MONTH}\s*(?P<m>{_PART})?[\s.…_/]*năm\s*"
    r"(?P<y>\d(?:\s?\d){3})"
)
# A date line whose handwritten day, month or year a scan could not read at all ("ngày l? tháng
# $ năm 2O25", "ngày,#8 tháng", "ngà: tháng"): the three words, "ngày" maybe without its last
# letter, with anything short between them. Only where a date line is expected (the
# letterhead); it gives no date.
_BLOT = r"[^\s,;]{1,4}"
DATE_DAMAGED = re.compile(
    rf"(?<!\w)ng[aàá]y?[\s.…_/,:]*(?P<d>{_BLOT})?[\s.…_/]*{_MONTH}\s*(?P<m>{_BLOT})?[\s.…_/]*năm\s*"
    r"(?P<y>(?=[^\s,;]*\d)[^\s,;]{2,6})"
)
DATE_NUMERIC = re.compile(
    r"ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?!\d)"
)


def make_date(day: str | None, month: str | None, year: str | None) -> dt.date | None:
    """A real calendar date or None (blank parts, 31/02...)."""
    if not (day and month and year) or not (day.isdigit() and month.isdigit()
                                             and year.replace(" ", "").isdigit()):
        return None
    try:
        return dt.date(int(year.replace(" ", "")), int(month), int(day))
    except ValueError:
        return None


def find_date(key: str, start: int = 0) -> tuple[re.Match[str] | None, dt.date | None]:
    """The first written date in a lower-cased text, and its value when it is a real date."""
    found = [m for m in (DATE_WORDS.search(key, start), DATE_NUMERIC.search(key, start)) if m]
    if not found:
        return None, None
    match = min(found, key=lambda m: m.start())
    return match, make_date(match.group("d"), match.group("m"), match.group("y"))


def find_date_line(key: str, start: int = 0) -> tuple[re.Match[str] | None, dt.date | None]:
    """`find_date`, or else a date whose parts a scan left unreadable (no value then)."""
    match, value = find_date(key, start)
    if match is not None:
        return match, value
    return DATE_DAMAGED.search(key, start), None
