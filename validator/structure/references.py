"""Legal references: LEGAL_REF and DATE entities of the spaCy pipeline, plus laws cited by name.

"Nghị định số 33/2023/NĐ-CP ngày 10/6/2023" is one entity followed by a date entity; the two are
read into one LegalReference. A law is cited by its name ("Luật Tổ chức chính quyền địa phương
ngày 19 tháng 6 năm 2015"), which no token pattern can delimit, so laws come from a regex.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from validator.model import LegalReference
from validator.normalize import NormalizedText
from validator.structure.dates import find_date

_NUMBER = re.compile(r"^(?P<num>\d+[a-zA-Z]?)?[.…_]*\s*[/-](?P<sym>.+)$")
_LAW = re.compile(
    r"(?<![^\s(])(?P<kind>bộ luật|luật)\s+(?!số)(?P<name>[^,;()\n]{3,120}?)\s+"
    r"(?=ngày\s*\d)"
)
_GLUE = {",", "được", "ban", "hành"}  # words allowed between a reference and its date


def references(doc: Doc, text: NormalizedText) -> list[tuple[int, LegalReference]]:
    """Every legal reference in the document with its text offset, in text order."""
    found = [(ent.start_char, _reference(text, ent, date)) for ent, date in _with_dates(doc)]
    found.extend(_laws(text))
    return sorted(found, key=lambda pair: pair[0])


def _with_dates(doc: Doc) -> list[tuple[Span, Span | None]]:
    ents = list(doc.ents)
    pairs = []
    for i, ent in enumerate(ents):
        if ent.label_ != "LEGAL_REF":
            continue
        after = ents[i + 1] if i + 1 < len(ents) else None
        date = after if after is not None and after.label_ == "DATE" and all(
            t.lower_ in _GLUE for t in doc[ent.end:after.start]) else None
        pairs.append((ent, date))
    return pairs


def _reference(text: NormalizedText, ent: Span, date: Span | None) -> LegalReference:
    tokens = list(ent)
    split = len(tokens) >= 2 and tokens[-1].text.startswith("/") and tokens[-2].like_num
    number_tokens = tokens[-2:] if split else tokens[-1:]
    kind = " ".join(t.text for t in tokens[:len(tokens) - len(number_tokens)]
                    if t.lower_ not in ("số", ":") and not t.is_punct)
    match = _NUMBER.match("".join(t.text for t in number_tokens))
    end = date.end_char if date is not None else ent.end_char
    value = find_date(date.text.lower())[1] if date is not None else None
    page, line = text.position(ent.start_char)
    return LegalReference(
        kind=kind[:1].upper() + kind[1:],
        number=match.group("num") if match else None,
        symbol=match.group("sym") if match else None,
        date=value,
        text=text.text[ent.start_char:end],  # doc.text would rebuild the whole text
        page=page,
        line=line,
    )


def _laws(text: NormalizedText) -> list[tuple[int, LegalReference]]:
    laws = []
    for match in _LAW.finditer(text.key):
        date_match, value = find_date(text.key, match.end())
        if date_match is None or date_match.start() != match.end():
            continue
        page, line = text.position(match.start())
        kind = text.text[match.start("kind"):match.end("kind")]
        laws.append((match.start(), LegalReference(
            kind=kind[:1].upper() + kind[1:].lower(), date=value,
            text=text.text[match.start():date_match.end()], page=page, line=line,
        )))
    return laws
