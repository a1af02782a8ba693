"""The pipeline's entities: LEGAL_REF ("Nghị định số 33/2023/NĐ-CP") and DATE ("ngày 10 tháng 6
năm 2023", "ngày 24/9/2020"), which references.py reads into LegalReferences.

Why regular expressions over the text and not spaCy's EntityRuler: the ruler's token Matcher
tries its 40 patterns at every token through Python predicates and took half the structure
step (about 5 ms of a two-page decision); one compiled expression finds the same spans in a
tenth of that. The spans are then laid on the tokens (`Doc.char_span`), so an entity is always
whole tokens, as the ruler's were: a match that does not fall on token edges is dropped.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from validator.structure.vocab import LEGAL_KINDS, NUMBER_SYMBOL

_KIND = "|".join(sorted(LEGAL_KINDS, key=len, reverse=True))
# Tokens are separated by one space or by nothing where the tokenizer splits ("số:"); a line
# break or a run of spaces is a token of its own, which no entity crosses. Words match in any
# case, as the ruler's LOWER did; the number and symbol as written, as its TEXT did.
_GAP = " ?"
_END = r"(?![\w/])"  # the number or symbol ends its token
# OCR and hand typing leave a space before the slash, "số 57 /QĐ-UBND": the token after the
# space is the symbol, whatever follows its first letter.
_REFERENCE = re.compile(
    rf"(?<!\w)(?i:{_KIND}) (?:(?i:số){_GAP})?(?::{_GAP})?(?:[.…_]++{_GAP})?"
    rf"(?:{NUMBER_SYMBOL}{_END}|(?P<split>\d+ /[A-ZĐ]))"
)
_DATE = re.compile(
    r"(?<!\w)(?i:ngày) (?:\d{1,2} (?i:tháng) \d{1,2} (?i:năm) \d{4}|\d{1,2}/\d{1,2}/\d{4})(?!\d)"
)


# The text a Doc was made from, handed over by nlp.parse: `Doc.text` rebuilds it token by
# token, which cost as much as the search itself.
TEXT_KEY = "vn_text"


@Language.component("vn_entities")
def vn_entities(doc: Doc) -> Doc:
    """LEGAL_REF and DATE entities, the longest where two overlap."""
    text = doc.user_data.pop(TEXT_KEY, None) or doc.text
    spans = [*_spans(doc, text, _REFERENCE, "LEGAL_REF"), *_spans(doc, text, _DATE, "DATE")]
    doc.ents = filter_spans(spans)
    return doc


def _spans(doc: Doc, text: str, pattern: re.Pattern[str], label: str) -> list[Span]:
    spans = []
    for match in pattern.finditer(text):
        # A split symbol is its whole token ("expand"); otherwise the match must be whole
        # tokens, as the ruler's patterns were ("24/9/2020)./." is no date token).
        mode = "expand" if match.groupdict().get("split") else "strict"
        span = doc.char_span(match.start(), match.end(), label=label, alignment_mode=mode)
        if span is not None and span.start_char == match.start():
            spans.append(span)
    return spans
