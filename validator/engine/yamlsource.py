"""YAML loading that remembers the line of every key and list item.

PyYAML's composer gives each node a start mark; building plain dicts and lists from the node
tree ourselves lets a validation error's location (a key path) be turned back into a line.
libyaml's parser (CSafeLoader) is used when PyYAML was built with it: it reads the packs about
ten times faster than the pure-Python one, and gives the same nodes and marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml


class LinedDict(dict):
    """A mapping that knows the line of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]


class LinedList(list):
    line: int = 0
    item_lines: list[int]


class DuplicateKeyError(ValueError):
    def __init__(self, key: Any, line: int) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.line = line


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_with_lines(text: str) -> Any:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _build(node, loader)
    finally:
        loader.dispose()


def _build(node: yaml.Node, loader: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        mapping = LinedDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        own_keys: set[Any] = set()
        own = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
        loader.flatten_mapping(node)  # YAML merge keys (<<: *anchor) come first, own keys win
        merged = len(node.value) - own
        for index, (key_node, value_node) in enumerate(node.value):
            key = loader.construct_object(key_node, deep=True)
            if key in mapping and index >= merged and key in own_keys:
                raise DuplicateKeyError(key, key_node.start_mark.line + 1)
            if index >= merged:
                own_keys.add(key)
            mapping[key] = _build(value_node, loader)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        items = LinedList(_build(item, loader) for item in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        return items
    return loader.construct_object(node, deep=True)


def line_of(data: Any, path: Sequence[Any]) -> int | None:
    """The line of the deepest element of `path` that exists in `data`.

    Path elements that are not keys (pydantic's union tags) are skipped."""
    line = getattr(data, "line", None)
    current = data
    for step in path:
        if isinstance(current, LinedDict) and step in current:
            line = current.key_lines.get(step, line)
            current = current[step]
        elif isinstance(current, LinedList) and isinstance(step, int) and step < len(current):
            line = current.item_lines[step]
            current = current[step]
    return line
