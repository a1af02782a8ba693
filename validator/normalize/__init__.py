"""Vietnamese text normalisation with a map back to the original page and line.

`normalize` turns the reader's source lines into one text in which
- characters are canonical: NFC, one Đ, one dash, plain spaces and quotes, no invisible marks;
- open oa / oe / uy syllables carry their tone mark in one place (hòa, khỏe, thủy);
- lines broken inside a word or a sentence are joined into logical lines;
- OCR slips are undone where the document itself shows them: a hỏi read as sắc where the same
  phrase is spelt otherwise elsewhere (repair_confused_tones), a circumflex, breve or horn lost
  under a kept tone mark ("QUYÉT", lost_mark_repairs), a speck read as "." or "," at the end
  of a heading or name line.
Every character of the result remembers the source line and column it came from, so a match
found in the normalised text can still be quoted from the original with its page and line.

The line joiner leans on a Vietnamese syllable grammar (onset + medial + nucleus + coda + tone):
a piece of a line that is not a syllable was cut out of a word, a piece that is one may stand alone.

Modules: chars (one line's characters and tone convention), syllables (the syllable grammar),
keys (matching keys), repair (OCR slips), joining (visual lines into logical lines), text (the
result and its map to the source), builder (`normalize`, which puts them together).
"""

from validator.normalize.builder import normalize
from validator.normalize.chars import normalize_string
from validator.normalize.keys import fold_key, fold_tones, loose_key, match_key
from validator.normalize.repair import lost_mark_repairs, repair_confused_tones
from validator.normalize.syllables import is_syllable
from validator.normalize.text import NormalizedText, NormLine, Span

__all__ = [
    "NormLine",
    "NormalizedText",
    "Span",
    "fold_key",
    "fold_tones",
    "is_syllable",
    "loose_key",
    "lost_mark_repairs",
    "match_key",
    "normalize",
    "normalize_string",
    "repair_confused_tones",
]
