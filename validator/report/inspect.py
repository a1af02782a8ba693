"""Output of `validate inspect`: what was read and understood in each file, no rules.

JSON is `{"documents": [entry, ...]}` with the pipeline's entries as they are; text shows the
same entries as an indented outline, the page lines last and the joined text left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

_SKIPPED_KEYS = frozenset({"text", "pages"})


def write_inspect_json(entries: Iterable[dict[str, Any]], out: TextIO) -> None:
    """Entries as they come; a stopped run (KeyboardInterrupt) still closes the document."""
    out.write('{"documents": [')
    try:
        for index, entry in enumerate(entries):
            out.write(("\n" if index == 0 else ",\n") + json.dumps(entry, ensure_ascii=False,
                                                                    default=str))
    except KeyboardInterrupt:
        out.write("\n]}\n")
        raise
    out.write("\n]}\n")


def _is_empty(value: object) -> bool:
    return value is None or value == [] or value == {} or value == ""


def _outline(value: object, indent: int) -> Iterable[str]:
    pad = "  " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if _is_empty(item):
                continue
            if isinstance(item, dict | list):
                yield f"{pad}{key}:"
                yield from _outline(item, indent + 1)
            else:
                yield f"{pad}{key}: {item}"
    elif isinstance(value, list):
        for item in value:
            lines = list(_outline(item, indent + 1))
            if lines:
                yield f"{pad}- {lines[0].strip()}"
                yield from lines[1:]
    else:
        yield f"{pad}{value}"


def write_inspect_text(entries: Iterable[dict[str, Any]], out: TextIO) -> None:
    for entry in entries:
        out.write(f"== {entry.get('path')}\n")
        fields = {k: v for k, v in entry.items() if k not in _SKIPPED_KEYS and k != "path"}
        out.writelines(line + "\n" for line in _outline(fields, 1))
        for page in entry.get("pages") or []:
            for line in page.get("lines", []):
                out.write(f"  [{line.get('page')}:{line.get('line')}] {line.get('text')}\n")
        out.write("\n")
