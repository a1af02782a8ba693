"""Hand-built documents for the check-kind tests: the engine's unit tests do not depend on
the structure step, only on normalisation."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import pytest

from validator.model import ArticleNode, Member, ReadResult, SourceLine, SourcePage
from validator.normalize import normalize
from validator.structure.document import Document


class DocBuilder:
    """Build a Document from lines; nodes and members are located by their text."""

    def __init__(self, lines: Sequence[str], confidence: float | None = None) -> None:
        source = [
            SourceLine(page=1, line=i + 1, text=t, confidence=confidence)
            for i, t in enumerate(lines)
        ]
        self.read = ReadResult(format="txt", pages=(SourcePage(number=1, lines=tuple(source)),))
        self.text = normalize(source)

    def span(self, first: str, last: str | None = None) -> tuple[int, int]:
        start = self.text.text.index(first)
        end_text = last or first
        end = self.text.text.index(end_text, start) + len(end_text)
        return start, end

    def node(
        self,
        kind: Any,
        number: str,
        first: str,
        last: str | None = None,
        heading: str = "",
        children: Sequence[ArticleNode] = (),
    ) -> ArticleNode:
        start, end = self.span(first, last)
        page, line = self.text.position(start)
        return ArticleNode(
            kind=kind,
            number=number,
            heading=heading,
            page=page,
            line=line,
            start=start,
            end=end,
            children=list(children),
        )

    def member(self, entry: str, **fields: Any) -> Member:
        start = self.text.text.index(entry)
        page, line = self.text.position(start)
        return Member(text=entry, page=page, line=line, **fields)

    def document(self, **fields: Any) -> Document:
        return Document(path="<test>", read=self.read, text=self.text, **fields)


@pytest.fixture
def builder() -> type[DocBuilder]:
    return DocBuilder


@pytest.fixture(scope="session", autouse=True)
def compiled_rules_in_a_temporary_cache(tmp_path_factory):
    """Packs compiled by the tests (many small ones) stay out of the user's cache folder."""
    from validator.engine import compiled

    before = os.environ.get(compiled.CACHE_ENV)
    os.environ[compiled.CACHE_ENV] = str(tmp_path_factory.mktemp("compiled"))
    yield
    if before is None:
        os.environ.pop(compiled.CACHE_ENV, None)
    else:
        os.environ[compiled.CACHE_ENV] = before
