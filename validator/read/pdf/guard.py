"""Refuse PDFs whose pages expand into more drawing work than a page can need.

A form XObject that draws another form twice, thirty levels deep, is a few kilobytes on
disk and a billion objects in pdfium, which parses every form it meets while it loads the
page; pdfium cannot be stopped halfway. So before pdfium loads anything, the forms are
counted the way pdfium would expand them, with pdfminer.six reading the objects lazily.
Form XObjects are streams and stream dictionaries are never compressed, so a file without
"/Form" in its bytes has none and skips the check.
"""

from __future__ import annotations

import io
import re
import zlib
from itertools import islice
from typing import Any

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import LIT

from validator.model import ReadFailure

MAX_FORM_DRAWS = 20_000  # form XObjects drawn on one page, nested forms counted as pdfium does
MAX_CONTENT_BYTES = 32 * 1024 * 1024  # decoded content read per stream while counting
MAX_FORM_DEPTH = 40  # pdfium's own limit on forms within forms

_FORM = re.compile(rb"/Subtype\s*/Form\b")
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
_FLATE = LIT("FlateDecode")


def check_form_expansion(data: bytes, limit: int = MAX_FORM_DRAWS,
                         max_pages: int | None = None) -> None:
    """Raise ReadFailure('too_large') when a page would draw more than `limit` forms.
    Pages past `max_pages` are not looked at (the page limit refuses such a file anyway)."""
    if not _FORM.search(data):
        return
    counter = _FormCounter(limit)
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        pages = islice(PDFPage.create_pages(document), max_pages)
        for number, page in enumerate(pages, 1):
            if counter.page(page) > limit:
                raise ReadFailure("too_large", f"page {number}: > {limit} nested form drawings")
    except ReadFailure:
        raise
    except Exception:  # pdfminer fails on what pdfium may still repair
        return


class _FormCounter:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.costs: dict[int, int] = {}
        self.open: set[int] = set()
        self.page_resources: Any = {}

    def page(self, page: PDFPage) -> int:
        """Forms the page draws, its annotations' appearances included (flattened later)."""
        self.page_resources = page.resources or {}
        contents = page.contents if isinstance(page.contents, list) else [page.contents]
        total = 0
        for stream in contents:
            total += self._draws(_content(resolve1(stream)), page.resources)
        for annotation in _list(page.annots):
            for form in _appearances(annotation):
                total += self._form(form)
        return total

    def _draws(self, content: bytes, resources: Any, depth: int = 0) -> int:
        """Forms drawn by one content stream, each counted with everything it draws."""
        # A form without resources of its own uses the page's (as pdfium does).
        xobjects = _dict((_dict(resources) or _dict(self.page_resources)).get("XObject"))
        uses: dict[bytes, int] = {}
        for match in _DO.finditer(content):
            uses[match.group(1)] = uses.get(match.group(1), 0) + 1
        total = 0
        for name, count in uses.items():
            reference = xobjects.get(name.decode("latin-1"))
            total += count * self._form(reference, depth + 1)
            if total > self.limit:
                break
        return total

    def _form(self, reference: Any, depth: int = 1) -> int:
        objid = reference.objid if isinstance(reference, PDFObjRef) else id(reference)
        if objid in self.costs:
            return self.costs[objid]
        stream = resolve1(reference)
        if not isinstance(stream, PDFStream) or resolve1(stream.get("Subtype")) != LIT("Form"):
            return 0
        if objid in self.open or depth > MAX_FORM_DEPTH:
            return 0  # pdfium draws no form inside itself, nor one nested deeper
        self.open.add(objid)
        cost = 1 + self._draws(_content(stream), stream.get("Resources"), depth)
        self.open.discard(objid)
        self.costs[objid] = min(cost, self.limit + 1)
        return self.costs[objid]


def _list(value: Any) -> list:
    value = resolve1(value)
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict:
    value = resolve1(value)
    return value if isinstance(value, dict) else {}


def _appearances(annotation: Any) -> list[Any]:
    """The normal appearance streams of an annotation (one per state for widgets)."""
    normal = _dict(_dict(annotation).get("AP")).get("N")
    states = resolve1(normal)
    return list(states.values()) if isinstance(states, dict) else [normal]


def _content(stream: Any) -> bytes:
    """A content stream's bytes, inflated to at most MAX_CONTENT_BYTES."""
    if not isinstance(stream, PDFStream):
        return b""
    filters = [resolve1(f) for f, _params in stream.get_filters()]
    if getattr(stream, "decipher", None) is None and filters in ([], [_FLATE]):
        raw = stream.get_rawdata() or b""
        if not filters:
            return raw[:MAX_CONTENT_BYTES]
        try:
            return zlib.decompressobj().decompress(raw, MAX_CONTENT_BYTES)
        except zlib.error:
            return b""
    try:
        return stream.get_data()[:MAX_CONTENT_BYTES]
    except Exception:  # an undecodable stream draws nothing we can count
        return b""
