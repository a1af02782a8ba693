"""The library API of SPEC section 10: `check` one document, `load_rules` once for many.

    from validator import check, load_rules
    rules = load_rules()                      # the shipped packs (cached per process)
    entry = check("decision.pdf", rules=rules)
    entry.verdict, [r.rule_id for r in entry.results if r.status == "fail"]

`check` accepts a path, bytes or a binary file object and returns the SPEC section 8 document
entry as a pydantic model (`DocumentReport`). It never raises for a bad document: an unreadable
one comes back with verdict "error" and an error code.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Literal

from validator.model import DocumentReport

if TYPE_CHECKING:
    from validator.engine import RuleSet

Source = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]


def load_rules(paths: Sequence[str] = (), select: Sequence[str] = (),
               ignore: Sequence[str] = ()) -> RuleSet:
    """The shipped rule packs plus `paths`, filtered by `select`/`ignore` (ids or prefixes)."""
    return _load_rules(tuple(paths), tuple(select), tuple(ignore))


@functools.lru_cache(maxsize=8)
def _load_rules(paths: tuple[str, ...], select: tuple[str, ...],
                ignore: tuple[str, ...]) -> RuleSet:
    from validator.engine import load_rules as engine_load_rules

    return engine_load_rules(paths, select, ignore)


def check(source: Source, *, rules: RuleSet | None = None, lang: Literal["vi", "en"] = "vi",
          ocr: Literal["auto", "always", "never"] = "auto", name: str | None = None,
          max_bytes: int | None = None) -> DocumentReport:
    """Check one document. `name` is the path the entry shows for bytes and file objects."""
    from validator.pipeline import Options, check_data, check_file

    ruleset = rules if rules is not None else load_rules()
    options = Options(ocr=ocr) if max_bytes is None else Options(ocr=ocr, max_bytes=max_bytes)
    if isinstance(source, str | os.PathLike):
        return check_file(os.fspath(source), options, ruleset, lang)
    if isinstance(source, bytes | bytearray | memoryview):
        return check_data(bytes(source), name or "<bytes>", options, ruleset, lang)
    data = _read_bounded(source, options.max_bytes)
    label = name or str(getattr(source, "name", "") or "<stream>")
    return check_data(data, label, options, ruleset, lang)


def _read_bounded(stream: IO[bytes], limit: int) -> bytes:
    """At most `limit` + 1 bytes, so an endless stream cannot fill memory."""
    data = stream.read(limit + 1)
    if isinstance(data, str):
        raise TypeError("check() needs a binary file object (open the file with 'rb')")
    return data
