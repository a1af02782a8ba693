"""The second reading: doubtful pieces of a page read again in isolation.

Tesseract's own page segmentation is where most scan errors start, not its recogniser:
a line that runs through both columns of the signer block is fitted with one baseline and
its short left half comes out as garbage ("- Như Điều 4;" read at confidence 7), and in
a bold capital line the LSTM now and then emits no space ("ỦY BANNHÂNDÂN", "TrầnThị").
Both are read again in isolation: each doubtful piece is cut out into a strip, joined
words with their inner gaps widened, the strips are stacked on one small image and read
in a single extra Tesseract run, and a new reading replaces the old one only when it is
better. Pages without doubtful pieces pay nothing.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np
from PIL import Image

from validator.read.ocr import engine
from validator.read.ocr.engine import LOW_CONFIDENCE, Word
from validator.read.ocr.layout import Segment, confidence, segments
from validator.read.ocr.lost import lost_lines
from validator.read.ocr.syllables import is_word

DOUBTFUL = 60.0  # mean confidence under which a piece of line is read again
LOST_CONFIDENCE = 80.0  # a lost line read again is kept from this mean confidence
SPACE_GAP = 0.8  # of the page's median gap between words: a gap inside a word this wide is a space

@dataclass(frozen=True, slots=True)
class Strip:
    """A piece of the page cut out for the second reading and where it came from.

    pieces: (x in the strip, x0 on the page) of each pasted part, left to right; top: page
    y of the strip's first row; words: the first reading it may replace; centre: the page y
    the wanted line runs through; kind: why it was cut out ("joined": a space-wide gap
    inside a word, "split": one word read as two, "doubtful": a segment read with low
    confidence, "word": a short word read so, like a lone list number, "lost": a line
    the first reading has no word on, see lost); box: the page area (x0, top, x1, bottom)
    it covers; line: the Tesseract line (block, paragraph, line) new words are filed under.
    """

    image: Image.Image
    pieces: tuple[tuple[int, int], ...]
    top: int
    words: tuple[Word, ...]
    centre: float
    kind: str
    box: tuple[int, int, int, int]
    line: tuple[int, int, int] | None = None

    def to_page(self, word: Word, strip_top: int) -> Word:
        """A word of the second reading with its box moved back onto the page."""
        middle = word.left + word.width / 2
        start, x0 = max((p for p in self.pieces if p[0] <= middle), default=self.pieces[0])
        first = self.words[0] if self.words else None
        block, paragraph, line = self.line or (first.block, first.paragraph, first.line)
        return Word(block, paragraph, line, word.left - start + x0,
                    word.top - strip_top + self.top, word.width, word.height,
                    word.confidence, word.text)


def _parts(band: np.ndarray, min_gap: float) -> list[tuple[int, int]]:
    """x ranges of the inked parts of a band, split at blank column runs >= min_gap."""
    columns = np.flatnonzero((band < 128).any(axis=0))
    if not len(columns):
        return []
    breaks = np.flatnonzero(np.diff(columns) - 1 >= min_gap)
    starts = [columns[0], *columns[breaks + 1]]
    ends = [*columns[breaks], columns[-1]]
    return [(int(a), int(b) + 1) for a, b in zip(starts, ends, strict=True)]


def _cut(gray: np.ndarray, box: tuple[int, int, int, int], min_gap: float,
         line_height: float) -> tuple[Image.Image, tuple[tuple[int, int], ...]]:
    """The box (x0, top, x1, bottom) with every blank gap of min_gap or more widened to
    most of a line height: a space Tesseract cannot miss. Returns image and pieces."""
    x0, top, x1, bottom = box
    band = gray[top:bottom, x0:x1]
    parts = _parts(band, min_gap) or [(0, x1 - x0)]
    spacer = round(0.8 * line_height)
    canvas = np.full((bottom - top, sum(b - a for a, b in parts) + spacer * (len(parts) + 1)),
                     255, dtype=np.uint8)
    pieces, x = [], spacer
    for a, b in parts:
        canvas[:, x:x + b - a] = band[:, a:b]
        pieces.append((x, x0 + a))
        x += b - a + spacer
    return Image.fromarray(canvas, "L"), tuple(pieces)


def _joined_word_strip(gray: np.ndarray, word: Word, min_gap: float,
                       line_height: float) -> Strip | None:
    """A word whose box holds a blank gap as wide as a space, when it has one."""
    pad = round(0.2 * line_height)
    box = (max(0, word.left), max(0, word.top - pad), min(gray.shape[1], word.right),
           min(gray.shape[0], word.bottom + pad))
    inner = gray[max(0, word.top):word.bottom, box[0]:box[2]]
    if len(_parts(inner, min_gap)) < 2:
        return None
    image, pieces = _cut(gray, box, min_gap, line_height)
    return Strip(image, pieces, box[1], (word,), (word.top + word.bottom) / 2, "joined", box)


def _word_strip(gray: np.ndarray, words: Sequence[Word], kind: str, min_gap: float,
                line_height: float, context: Word | None = None) -> Strip:
    """One doubtful word, or two read apart with no space between them, on their own.

    context is the next word of the line, cut out too: alone, a list number is misread
    ("5." as "Si") as often as in the page. Its new reading is not used.
    """
    pad = round(0.3 * line_height)
    right = max(w.right for w in (*words, *([context] if context else [])))
    box = (max(0, min(w.left for w in words) - pad), max(0, min(w.top for w in words) - pad),
           min(gray.shape[1], right + pad),
           min(gray.shape[0], max(w.bottom for w in words) + pad))
    image, pieces = _cut(gray, box, min_gap, line_height)
    centre = statistics.median((w.top + w.bottom) / 2 for w in words)
    return Strip(image, pieces, box[1], tuple(words), centre, kind, box)


def _segment_strip(gray: np.ndarray, part: Segment, words: Sequence[Word], min_gap: float,
                   line_height: float) -> Strip:
    """The band of page a doubtful segment lies in, one line high, between the trusted
    words on either side of it (the misread words' own boxes are as wrong as their text),
    and no more than a few line heights beyond them: a signature's stroke running on
    along the line is what made the first reading garbage."""
    centre = _line_centre(part, words)
    top = max(0, round(centre - 0.8 * line_height))
    bottom = min(gray.shape[0], round(centre + 0.8 * line_height))
    beside = [w for w in words if w.confidence >= 80 and w.top < bottom and w.bottom > top
              and w not in part.words]
    pad, reach = round(0.3 * line_height), round(3 * line_height)
    x0 = max([w.right + pad for w in beside if w.right <= part.left], default=0)
    x1 = min([w.left - pad for w in beside if w.left >= part.right], default=gray.shape[1])
    x0, x1 = max(x0, part.left - reach), min(x1, part.right + reach)
    box = (min(x0, part.left), top, max(x1, part.right), bottom)
    image, pieces = _cut(gray, box, min_gap, line_height)
    return Strip(image, pieces, top, tuple(part.words), centre, "doubtful", box)


def _line_centre(part: Segment, words: Sequence[Word]) -> float:
    """Where the segment's line runs: through its trusted words on the same Tesseract line
    (a misread word's box is as wrong as its text), else through the segment's own. One
    Tesseract line may run through both columns of a signer block, whose lines do not
    align: trusted words more than half a line off the segment's own are another line."""
    key = (part.words[0].block, part.words[0].paragraph, part.words[0].line)
    own = statistics.median((w.top + w.bottom) / 2 for w in part.words)
    reach = statistics.median(w.height for w in part.words) / 2
    trusted = [(w.top + w.bottom) / 2 for w in words
               if (w.block, w.paragraph, w.line) == key and w.confidence >= 80
               and abs((w.top + w.bottom) / 2 - own) <= reach]
    return statistics.median(trusted) if trusted else own


def _strips(gray: np.ndarray, words: Sequence[Word], line_height: float) -> list[Strip]:
    gaps = _word_gaps(words, 2.0 * line_height)
    if not gaps:
        return []
    min_gap = SPACE_GAP * statistics.median(gaps)
    pairs = _split_pairs(words, 0.4 * min_gap)
    result = [_word_strip(gray, pair, "split", min_gap, line_height) for pair in pairs]
    paired = {w for pair in pairs for w in pair}
    for part in segments(words, 2.0 * line_height):
        mean = sum(w.confidence for w in part.words) / len(part.words)
        if mean < DOUBTFUL and sum(ch.isalnum() for ch in part.text) >= 4:
            result.append(_segment_strip(gray, part, words, min_gap, line_height))
            continue
        result.extend(_word_strips(gray, part.words, paired, min_gap, line_height))
    return result + _lost_strips(gray, words, min_gap, line_height)


def _lost_strips(gray: np.ndarray, words: Sequence[Word], min_gap: float,
                 line_height: float) -> list[Strip]:
    """Lines the first reading lost (see lost), each filed as a Tesseract line of its own."""
    last = max(w.block for w in words)
    pad = round(0.3 * line_height)
    result = []
    for number, (x0, top, x1, bottom) in enumerate(lost_lines(gray, words, line_height), 1):
        box = (max(0, x0 - pad), max(0, top - pad), min(gray.shape[1], x1 + pad),
               min(gray.shape[0], bottom + pad))
        image, pieces = _cut(gray, box, min_gap, line_height)
        result.append(Strip(image, pieces, box[1], (), (top + bottom) / 2, "lost", box,
                            line=(last + number, 1, 1)))
    return result


def _split_pairs(words: Sequence[Word], tiny: float) -> list[tuple[Word, Word]]:
    """Side-by-side words with no space between them: one word read as two ("Thân" "h"),
    sometimes even on two of Tesseract's lines. A space is never this narrow."""
    ordered = sorted(words, key=lambda w: w.left)
    lefts = [w.left for w in ordered]
    pairs: list[tuple[Word, Word]] = []
    used: set[Word] = set()
    for word in ordered:
        start = bisect.bisect_left(lefts, word.right)
        for other in ordered[start:bisect.bisect_left(lefts, word.right + tiny)]:
            down = min(word.bottom, other.bottom) - max(word.top, other.top)
            if down > 0.5 * min(word.height, other.height) and not {word, other} & used:
                pairs.append((word, other))
                used.update((word, other))
    return pairs


def _word_strips(gray: np.ndarray, words: Sequence[Word], paired: set[Word], min_gap: float,
                 line_height: float) -> Iterator[Strip]:
    """Strips for the words of a segment that look misread: a space-wide gap inside one,
    a short doubtful word (a lone list or table number), a doubtful number ("57/QĐ-UBND":
    numbers and dates are what a reviewer checks first)."""
    following = dict(pairwise(words))
    for word in words:
        if word in paired:
            continue
        strip = _joined_word_strip(gray, word, min_gap, line_height)
        if strip is not None:
            yield strip
        elif word.confidence < LOW_CONFIDENCE and (
                len(word.text) <= 3 or any(ch.isdigit() for ch in word.text)):
            yield _word_strip(gray, (word,), "word", min_gap, line_height,
                              following.get(word))


def _word_gaps(words: Sequence[Word], limit: float) -> list[int]:
    """Gaps between neighbouring words of Tesseract's lines: the page's own space width."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    gaps = []
    for line_words in lines.values():
        line_words.sort(key=lambda w: w.left)
        gaps += [b.left - a.right for a, b in pairwise(line_words)
                 if 0 < b.left - a.right < limit]
    return gaps


def _stack(strips: Sequence[Strip], spacer: int) -> tuple[Image.Image, list[int]]:
    """The strips one under another, a blank spacer apart; returns the image and tops."""
    width = max(s.image.width for s in strips) + 2 * spacer
    height = sum(s.image.height + spacer for s in strips) + spacer
    sheet = Image.new("L", (width, height), 255)
    tops, y = [], spacer
    for strip in strips:
        sheet.paste(strip.image, (spacer, y))
        tops.append(y)
        y += strip.image.height + spacer
    return sheet, tops


def reread(gray: Image.Image, words: list[Word], dpi: int) -> list[Word]:
    """Words after the second reading of doubtful segments, joined words and lost lines."""
    if not words:
        return words
    line_height = statistics.median(w.height for w in words)
    pixels = np.asarray(gray, dtype=np.uint8)
    strips = _strips(pixels, words, line_height)
    replaced: dict[Word, list[Word]] = {}
    added: list[Word] = []
    # Lost lines on a sheet of their own: beside the other strips Tesseract tends to file
    # them as picture again.
    for group in ([s for s in strips if s.words], [s for s in strips if not s.words]):
        for strip, moved in _read_strips(group, dpi, round(line_height)):
            better = _better_reading(strip, moved)
            if better is None:
                if (sure := _confirmed(strip, moved)) is not None:
                    replaced[strip.words[0]] = [sure]
                continue
            if not strip.words:
                added += better
                continue
            replaced[strip.words[0]] = better
            replaced.update({w: [] for w in strip.words[1:]})
            if strip.kind == "doubtful":
                replaced.update({w: [] for w in _debris(words, strip) if w not in replaced})
    return _merge(words, replaced) + [
        w for w in added if not any(_same_place(w, old) for old in words)]


def _read_strips(strips: Sequence[Strip], dpi: int,
                 spacer: int) -> Iterator[tuple[Strip, list[Word]]]:
    """Each strip with the words read on it, in page pixels: all strips stacked on one
    sheet, read in one Tesseract run."""
    if not strips:
        return
    sheet, tops = _stack(strips, spacer)
    found = engine.recognize(sheet, dpi, engine.STRIP_SEGMENTATION)
    for strip, top in zip(strips, tops, strict=True):
        inside = [w for w in found if top <= w.top + w.height / 2 < top + strip.image.height]
        # The strip was shifted right by the spacer on the sheet.
        yield strip, [strip.to_page(_shift(w, -spacer), top) for w in inside]


def _merge(words: Sequence[Word], replaced: dict[Word, list[Word]]) -> list[Word]:
    """The page's words with the accepted new readings in place of the old ones.

    A strip also holds the edges of its neighbours: a new word where a trusted old word
    already is belongs to that word, and a doubtful old word where a new one now is was
    stamp debris read into it; so was a mark with no letter or digit ("." or ":" read
    from a speck inside a garbled name), however sure.
    """
    trusted = [w for w in words if w not in replaced and _trusted(w)]
    new = [n for w in words for n in replaced.get(w, [])
           if not any(_same_place(n, k) for k in trusted)]
    result = []
    for word in words:
        if word in replaced:
            result.extend(n for n in replaced[word] if n in new)
        elif _trusted(word) or not any(_same_place(word, n) for n in new):
            result.append(word)
    return result


def _trusted(word: Word) -> bool:
    return word.confidence >= DOUBTFUL and any(ch.isalnum() for ch in word.text)


def _debris(words: Sequence[Word], strip: Strip) -> list[Word]:
    """Doubtful words of the first reading inside a strip that was read again (a dash read
    as "SN" beside the garbage): the new reading covers them."""
    x0, top, x1, bottom = strip.box
    return [w for w in words if w.confidence < DOUBTFUL and w not in strip.words
            and x0 <= (w.left + w.right) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]


def _same_place(a: Word, b: Word) -> bool:
    """The two boxes cover mostly the same ink (over half the smaller one each way)."""
    across = min(a.right, b.right) - max(a.left, b.left)
    down = min(a.bottom, b.bottom) - max(a.top, b.top)
    return (across > 0.5 * min(a.width, b.width) and down > 0.5 * min(a.height, b.height))


def _shift(word: Word, dx: int) -> Word:
    return Word(word.block, word.paragraph, word.line, word.left + dx, word.top, word.width,
                word.height, word.confidence, word.text)


def _better_reading(strip: Strip, words: list[Word]) -> list[Word] | None:
    """The new words of the strip's own line, when they read better than the old ones."""
    line = _nearest_line(words, strip.centre)
    if strip.kind == "word":  # without the context word
        line = [w for w in line if w.left < strip.words[0].right]
    elif strip.kind == "doubtful":  # no signature stroke beside the words read as a dash
        left, right = min(w.left for w in strip.words), max(w.right for w in strip.words)
        line = [w for w in line if any(ch.isalnum() for ch in w.text)
                or (w.right > left and w.left < right)]
    if not line:
        return None
    old = confidence(strip.words) or 0.0
    new = confidence(line) or 0.0
    plausible = all(is_word(w.text) for w in line)
    if strip.kind == "joined":
        # The split must give a word per part, read at least as surely, and every new
        # word must be one (a gap inside a letter would leave "Thân h").
        ok = len(line) >= len(strip.pieces) and new >= max(old, 80.0) and plausible
    elif strip.kind == "split":
        ok = len(line) < len(strip.words) and new >= LOW_CONFIDENCE and plausible
    elif strip.kind == "lost":  # print, not a seal's ring or a signature read as letters
        ok = new >= LOST_CONFIDENCE and plausible and sum(
            ch.isalpha() for w in line for ch in w.text) >= 3
    else:
        ok = new >= max(old + 15.0, LOW_CONFIDENCE)
    return sorted(line, key=lambda w: w.left) if ok else None

def _confirmed(strip: Strip, words: list[Word]) -> Word | None:
    """The doubtful number of a "word" strip marked sure when the second reading finds the
    same digits and letters; a speck read beside them does not count. Handwriting read twice
    comes out differently ("ngày19", then "ngày13"), and so does a symbol misread
    ("4NO-CP", then "I4NQ-CP"): the same digits alone do not make it sure."""
    if strip.kind != "word":
        return None
    old = strip.words[0]
    if not any(ch.isdigit() for ch in old.text):
        return None
    line = [w for w in _nearest_line(words, strip.centre) if w.left < old.right]
    again = "".join(w.text for w in line)
    return replace(old, confirmed=True) if _alnum(again) == _alnum(old.text) else None


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _nearest_line(words: Sequence[Word], centre: float) -> list[Word]:
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    if not lines:
        return []
    def distance(line_words: list[Word]) -> float:
        return abs(statistics.median((w.top + w.bottom) / 2 for w in line_words) - centre)
    return min(lines.values(), key=distance)

