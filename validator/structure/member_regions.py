"""Where a member list is: in the article that names the members, or after the signer.

"Điều 2. Thành phần Ban Chỉ đạo gồm:", "... gồm các ông (bà) có tên sau:" open a list inside
an article; "DANH SÁCH THÀNH VIÊN ...", "PHỤ LỤC / Danh sách thành viên ... (Kèm theo Quyết
định số ...)" or a table with a member header row open one after the signer or in an annex
filed alone. An article that puts its list "kèm theo" names an annex, which may be missing.
"""

from __future__ import annotations

import re

from validator.model import ArticleNode, Located
from validator.structure.lines import Lines
from validator.structure.member_table import header_columns
from validator.structure.vocab import is_upper_text

_ANCHOR = re.compile(
    r"thành phần|gồm (?:các |những )?(?:ông|bà|đồng chí|đ/c|thành viên|cá nhân|đại diện)"
    r"|có tên sau|danh sách (?:sau|dưới đây)|gồm(?:\s+có)?\s*:\s*$"
    r"|(?:ban chỉ đạo|bcđ|hội đồng|tổ|đội)[^.;:]{0,160}gồm(?:\s+có)?\s*:"
)
_NOT_MEMBERS = re.compile(r"nhiệm vụ|trách nhiệm|quyền hạn|chức năng|quy chế|nguyên tắc|dự họp")
_APPENDED = re.compile(r"^\s*(?:danh sách|phụ lục)\b")
_APPENDED_UPPER = re.compile(r"^\s*danh sách(?:\s+các)?\s+(?:thành viên|ban chỉ đạo|bcđ)")
_ISSUED_BY = re.compile(r"^\s*\(\s*(?:được\s+)?(?:ban hành\s+)?kèm theo")
_MISSING_ANNEX = re.compile(
    r"(?:danh sách|thành phần|gồm)[^.;]{0,120}?(?:kèm theo|phụ lục)"
)
_LOOK_AHEAD = 4


def _walk(nodes: list[ArticleNode]) -> list[ArticleNode]:
    found = []
    for node in nodes:
        if node.kind == "article":
            found.append(node)
        else:
            found.extend(_walk(node.children))
    return found


def _article_lines(lines: Lines, article: ArticleNode, main: tuple[int, int]) -> range:
    first = lines.index_at(article.start)
    last = min(lines.index_at(max(article.end - 1, article.start)) + 1, main[1])
    return range(first, last)


def article_regions(lines: Lines, articles: list[ArticleNode],
                     main: tuple[int, int]) -> list[tuple[int, int]]:
    regions = []
    for article in _walk(articles):
        span = _article_lines(lines, article, main)
        for index in span:
            if _is_anchor(lines.keys[index]):
                regions.append((index + 1, span.stop))
                break
    return regions


def _is_anchor(key: str) -> bool:
    match = _ANCHOR.search(key)
    return match is not None and not _NOT_MEMBERS.search(key[:match.start()])


def appended_regions(lines: Lines, start: int, stop: int) -> list[tuple[int, int]]:
    """Lists after the signer or in an annex: a DANH SÁCH title, or a table with a header."""
    regions = []
    tables_seen: set[int] = set()
    for index in range(start, stop):
        item = lines.items[index]
        key = lines.keys[index]
        if _APPENDED.match(key):
            after = _after_issued_by(lines, index, stop)
            if after is not None:
                regions.append((after, stop))
            elif _APPENDED_UPPER.match(key) and is_upper_text(lines.texts[index]):
                regions.append((index + 1, stop))
        elif item.table is not None and item.table not in tables_seen:
            tables_seen.add(item.table)
            if header_columns(lines.texts[index].split("\t")):
                regions.append((index, stop))
    return regions


def _after_issued_by(lines: Lines, index: int, stop: int) -> int | None:
    """The line after "(Kèm theo Quyết định số ... )" under an annex title, if there is one."""
    for probe in range(index + 1, min(stop, index + _LOOK_AHEAD)):
        if _ISSUED_BY.match(lines.keys[probe]):
            last = probe
            while ")" not in lines.texts[last] and last + 1 < stop and last - probe < 3:
                last += 1
            return last + 1
    return None


def missing_annex(lines: Lines, articles: list[ArticleNode],
                   main: tuple[int, int]) -> Located | None:
    """The sentence that puts the member list in an annex (none was found in the file)."""
    for article in _walk(articles):
        for index in _article_lines(lines, article, main):
            match = _MISSING_ANNEX.search(lines.keys[index])
            if match is not None and not _NOT_MEMBERS.search(lines.keys[index][:match.start()]):
                return lines.located(index)
    return None
