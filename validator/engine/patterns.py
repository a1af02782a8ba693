"""Phrase variants compiled to regular expressions over the matching keys of a document.

A variant is written as a reviewer would write it ("công chức {vhxh}"); it is normalised with
the same functions as the document, so case, tone-mark placement, dashes and line breaks do not
matter. `{name}` expands to the pack's synonym list (abbreviations: VH-XH, UBND, BHXH ...).
A variant starting with "re:" is a raw regular expression over the diacritic-free key
(or the fold key when `marks` is set).

With `marks` a phrase keeps its diacritics except the difference OCR blurs: hỏi, ngã and sắc are
one (fold_key), so a scanned "Trướng ấp" is still "Trưởng ấp" while "Trưởng bản" stays apart
from "Trưởng ban". Without `marks` every diacritic is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from validator.normalize import (
    NormalizedText,
    fold_key,
    fold_tones,
    loose_key,
    normalize_string,
)

REGEX_PREFIX = "re:"
_REFERENCE = re.compile(r"\{([A-Za-z0-9_]+)\}")
# Punctuation that writers space freely: "BHXH,BHYT" / "BHXH , BHYT", "VH-XH" / "VH - XH".
_LOOSE_PUNCT = {"-": r"\s*-\s*", ",": r"\s*,\s*", "/": r"\s*/\s*", ";": r"\s*;\s*"}


class PatternError(ValueError):
    """A variant that cannot be compiled; the loader adds file and line."""


@dataclass(frozen=True)
class PhraseSet:
    """Alternatives as one regular expression; `marks` keeps diacritics (Trưởng bản is not
    Trưởng ban) but those OCR confuses (hỏi / ngã / sắc). The expression is compiled on first
    use: a run that never needs a rule's phrases never pays for them."""

    source: str
    marks: bool = False

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        # The haystacks are lower-cased already; IGNORECASE would defeat the literal-prefix scan.
        return re.compile(self.source)

    def __getstate__(self) -> dict[str, object]:
        """A cached rule set keeps the source only: compiling is left to the first use."""
        return {"source": self.source, "marks": self.marks}

    def haystack(self, text: NormalizedText) -> str:
        return text.fold if self.marks else text.loose

    def finditer(self, text: NormalizedText, start: int, end: int) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(self.haystack(text), start, end):
            if match.end() > match.start():
                yield match.start(), match.end()

    def search_string(self, value: str) -> re.Match[str] | None:
        """Search a short normalised string (a heading, a member's position)."""
        key = _key(value, self.marks)
        return self.pattern.search(key)


def literal_regex(literal: str, marks: bool) -> str:
    """Regex for one literal phrase, tolerant of spacing around punctuation and line breaks."""
    normalised = normalize_string(literal).strip()
    key = _key(normalised, marks)
    parts: list[str] = []
    pending_space = False
    for char in key:
        if char.isspace():
            pending_space = True
            continue
        if char in _LOOSE_PUNCT:
            parts.append(_LOOSE_PUNCT[char])
            pending_space = False
            continue
        if pending_space and parts and not parts[-1].endswith(r"\s*"):
            parts.append(r"\s+")
        pending_space = False
        parts.append(re.escape(char))
    # The word-start check comes after the first letter ("c(?<!\w.)ong") so that the
    # pattern still starts with a literal and `re` can skip ahead to candidate letters.
    head, rest = parts[0], "".join(parts[1:])
    body = head + r"(?<!\w.)" + rest if key[:1].isalnum() else head + rest
    if key[-1:].isalnum():
        body += r"(?!\w)"
    return body


def _key(text: str, marks: bool) -> str:
    return fold_key(text) if marks else loose_key(text)


def variant_regex(variant: str, synonyms: Mapping[str, Sequence[str]], marks: bool) -> str:
    if variant.startswith(REGEX_PREFIX):
        return _raw_regex(variant, marks)
    pieces: list[str] = []
    position = 0
    for ref in _REFERENCE.finditer(variant):
        if ref.start() > position:
            pieces.append(_literal_piece(variant[position : ref.start()], marks))
        name = ref.group(1)
        if name not in synonyms:
            raise PatternError(f"unknown synonym {{{name}}} in {variant!r}")
        alternatives = sorted(synonyms[name], key=len, reverse=True)
        pieces.append("(?:" + "|".join(_alternative(s, marks) for s in alternatives) + ")")
        position = ref.end()
    if position < len(variant):
        pieces.append(_literal_piece(variant[position:], marks))
    return _join_pieces(variant, pieces)


def _alternative(synonym: str, marks: bool) -> str:
    if synonym.startswith(REGEX_PREFIX):
        return _raw_regex(synonym, marks)
    return literal_regex(synonym, marks)


def _raw_regex(variant: str, marks: bool) -> str:
    """A "re:" variant; folding only touches toned letters, never regex syntax."""
    source = variant[len(REGEX_PREFIX) :]
    return fold_tones(source) if marks else source


def _literal_piece(text: str, marks: bool) -> str:
    if not text.strip():
        return r"\s+" if text else ""
    lead = r"\s+" if text[:1].isspace() else ""
    trail = r"\s+" if text[-1:].isspace() else ""
    return lead + literal_regex(text, marks) + trail


def _join_pieces(variant: str, pieces: list[str]) -> str:
    joined = "".join(p for p in pieces if p)
    if not joined:
        raise PatternError(f"empty phrase {variant!r}")
    return joined


def compile_phrases(
    variants: Sequence[str], synonyms: Mapping[str, Sequence[str]], marks: bool = False
) -> PhraseSet:
    """One pattern matching any of the variants, longest first; compiled now, so a bad "re:"
    variant is an error of the pack, not of the first document."""
    if not variants:
        raise PatternError("a phrase list needs at least one variant")
    alternatives = [variant_regex(v, synonyms, marks) for v in variants]
    phrases = PhraseSet(source="|".join(f"(?:{a})" for a in alternatives), marks=marks)
    try:
        phrases.pattern  # noqa: B018 - compiled for its errors
    except re.error as exc:
        raise PatternError(f"bad regular expression in {list(variants)!r}: {exc}") from exc
    return phrases
