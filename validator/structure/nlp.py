"""The one spaCy pipeline of the project: a blank Vietnamese pipeline tuned for official documents.

Why not plain `spacy.blank("vi")`: without pyvi its tokenizer only splits on spaces, so "vụ." and
"Số:" stay glued and no Matcher pattern on "vụ" or "số" ever fires. `xx` splits punctuation but
breaks document symbols ("57/QĐ-UBND" -> 57 / QĐ - UBND) and signer prefixes ("TM." -> TM .).
So we keep the Vietnamese language data (stop words, number words for LIKE_NUM) and swap in a
rule-based tokenizer with the multilingual punctuation rules plus two Vietnamese-specific
additions: a token_match that keeps number/symbol references whole, and special cases for the
abbreviations of administrative writing.

Components (no trained model anywhere):
- vn_sentences: sentence starts at every line break and after . ! ? ; that really end a
  sentence (not the "1." of "Điều 1." or a numbered line).
- vn_entities (entities.py): LEGAL_REF (Nghị định số 33/2023/NĐ-CP ...) and DATE.
People are not entities here: members are read by the member grammar (member_entry.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, SENT_START
from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from validator.structure import entities  # registers vn_entities
from validator.structure.vocab import NUMBER_SYMBOL

# A reference number with its symbol, kept as one token: 57/QĐ-UBND, 33/2023/NĐ-CP, 21-NQ/TW,
# 68/2013/QH13, and a draft's blank number "…/QĐ-UBND".
_TOKEN_MATCH = re.compile(rf"^{NUMBER_SYMBOL}$")

# Abbreviations whose final period is part of the word, not the end of a sentence.
_ABBREVIATIONS = (
    "TM.", "KT.", "TL.", "TUQ.", "Q.", "V/v", "v/v", "Đ/c", "đ/c", "TP.", "Tp.", "TT.", "ThS.",
    "TS.", "BS.", "CN.", "Ths.", "PGS.", "GS.",
)

_SENTENCE_END = {".", "!", "?", ";"}
_ENUMERATION_WORDS = {"điều", "chương", "mục", "khoản", "phần"}


# The suffix rules are anchored at the token's end, yet a regex search tries them from every
# position: on a long token stripped one suffix at a time ("Số " and 200,000 "_") that is
# quadratic. A suffix is short and spaCy uses only the length of the match, so only the
# token's tail is searched.
_SUFFIX_WINDOW = 64


def _tail_search(search: Callable[[str], re.Match[str] | None]) \
        -> Callable[[str], re.Match[str] | None]:
    def tail(text: str) -> re.Match[str] | None:
        return search(text[-_SUFFIX_WINDOW:])
    return tail


def _tokenizer(nlp: Language) -> Tokenizer:
    rules = {abbr: [{ORTH: abbr}] for abbr in _ABBREVIATIONS}
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES).search,
        suffix_search=_tail_search(compile_suffix_regex(TOKENIZER_SUFFIXES).search),
        infix_finditer=compile_infix_regex(TOKENIZER_INFIXES).finditer,
        token_match=_TOKEN_MATCH.match,
    )


@Language.component("vn_sentences")
def vn_sentences(doc: Doc) -> Doc:
    """Sentence starts after line breaks and sentence-final punctuation.

    Works on attribute arrays and writes with one from_array call: setting is_sent_start token
    by token makes spaCy re-check the whole document each time, and Token objects are slow.
    """
    if len(doc) == 0:
        return doc
    space, punct, lower = doc.to_array([IS_SPACE, IS_PUNCT, LOWER]).T
    space, punct = space.astype(bool), punct.astype(bool)
    strings = doc.vocab.strings
    enders = numpy.isin(lower, [strings.add(e) for e in _SENTENCE_END])
    newline = numpy.zeros(len(doc), dtype=bool)
    for i in numpy.flatnonzero(space):
        newline[i] = "\n" in doc[int(i)].text
    starts = numpy.zeros(len(doc), dtype=bool)
    starts[0] = True
    starts[1:] = (newline[:-1] & ~space[1:]) | (enders[:-1] & ~punct[1:] & ~space[1:])
    for i in numpy.flatnonzero(starts[1:] & enders[:-1]):
        if _is_enumeration_mark(doc, int(i)):
            starts[i + 1] = False
    values = numpy.where(starts, 1, -1).astype("int64").view("uint64")
    doc.from_array([SENT_START], values.reshape(-1, 1))
    return doc


def _is_enumeration_mark(doc: Doc, period: int) -> bool:
    """The period of "Điều 1.", "Chương II." or a line-initial "2." does not end a sentence."""
    if period == 0 or doc[period].text != ".":
        return False
    number = doc[period - 1]
    if not (number.like_num or (len(number.text) <= 4 and number.text.isupper())):
        return False
    if period == 1:
        return True
    before = doc[period - 2]
    return "\n" in before.text or before.lower_ in _ENUMERATION_WORDS


def parse(text: str) -> Doc:
    """The pipeline over a whole document; text beyond the pipeline's `max_length` goes through
    in pieces cut at line ends and joined again, so a very long document is read, not refused.

    Every piece ends with its newline, so the joined Doc has exactly the text given.
    """
    nlp = get_nlp()
    if len(text) <= nlp.max_length:
        doc = nlp.make_doc(text)
        doc.user_data[entities.TEXT_KEY] = text
        return nlp(doc)
    return Doc.from_docs(list(nlp.pipe(_pieces(text, nlp.max_length))))


def _pieces(text: str, size: int) -> list[str]:
    pieces, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut >= start else end  # a single line longer than a piece: cut it
        pieces.append(text[start:end])
        start = end
    return pieces


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared blank pipeline; built once per process (the engine adds its Matchers to it)."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = _tokenizer(nlp)
    nlp.max_length = 5_000_000  # whole documents; a blank pipeline needs no memory per token
    nlp.add_pipe("vn_sentences")
    nlp.add_pipe("vn_entities")
    return nlp
