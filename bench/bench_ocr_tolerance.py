"""How many rule statuses flip when the sample sources get the damage Tesseract does to scans.

Usage: python bench/bench_ocr_tolerance.py [--seeds N] [--show]
Prints, per perturbation kind and rate, how many rule statuses differ from the clean run over
every sample source (tests/data/sources/*.txt listed in samples/manifest.json); --show lists them.

The kinds imitate what our Tesseract runs on scanned decisions actually produce:
  tone      hỏi read as sắc (Tổ -> Tố, kể -> kế; 80 % of them), else sắc or ngã read as hỏi;
            rate = share of all syllables so damaged (measured: ~0.8 %)
  diacritic any other mark error on a syllable (Văn -> Vẫn, ơ -> ô, a tone lost or added)
  numeral   the Roman numeral after "Chương" lost, cut short or mangled (III -> II, IHI, Il, 1I);
            rate = share of chapter headings
  glue      two words of a person's name run together (Văn Phúc -> VănPhúc); rate = share of names
  punct     a stray "." or "," at the end of a line (KT. CHỦ TỊCH .); rate = share of lines
  scan      tone confusions at the rate + every chapter numeral damaged
  mixed     tone confusions at the rate + every numeral damaged + glue 20 % + punct 5 %
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from validator.engine import RuleSet, evaluate, load_rules
from validator.structure import document_from_text

OCR = 90.0  # the texts stand for what OCR read: per-document spelling repair applies

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_TONES = _GRAVE + _ACUTE + _TILDE + _HOOK + _DOT
# What a confused tone is read as: hỏi and sắc look alike at 200-300 dpi. Our scans mostly
# read hỏi as sắc (Tổ -> Tố); the other way (cứ -> cử) and ngã as hỏi come less often.
_HOI_AS_SAC = {_HOOK: _ACUTE}
_OTHER_WAY = {_ACUTE: _HOOK, _TILDE: _HOOK}
HOI_AS_SAC_SHARE = 0.8
# Vowel-quality marks OCR drops, adds or swaps: base letter -> letters it may become.
_QUALITY = {"a": "ăâ", "ă": "aâ", "â": "aă", "o": "ôơ", "ô": "oơ", "ơ": "oô", "u": "ư", "ư": "u",
            "e": "ê", "ê": "e"}
_WORD = re.compile(r"[^\W\d_]+")
_CHAPTER = re.compile(r"(?m)^(\s*(?:Chương|CHƯƠNG)\s+)([IVXLC]+)\b")
_HONORIFIC_NAME = re.compile(
    r"(?:\b(?:Ông|Bà|Anh|Chị|Đồng chí|ông|bà|đồng chí) )((?:[A-ZÀ-ỸĐ][^\W\d_]* ){1,4}"
    r"[A-ZÀ-ỸĐ][^\W\d_]*)"
)

Perturb = Callable[[str, float, random.Random], str]


# ------------------------------------------------------------------------ syllables


def _split(word: str) -> tuple[str, str]:
    """(the word without its tone mark, decomposed; the tone mark or '')."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    return "".join(c for c in decomposed if c not in _TONES), tones[0] if len(tones) == 1 else ""


def _with_tone(toneless: str, tone: str) -> str:
    """Put `tone` (on an NFD word without one) after the vowel that carries it: the one with a
    quality mark, else the middle one of two or three vowels."""
    if not tone:
        return unicodedata.normalize("NFC", toneless)
    vowels = [i for i, c in enumerate(toneless) if c.lower() in "aeiouy"]
    if not vowels:
        return unicodedata.normalize("NFC", toneless)
    marked = [i for i in vowels if toneless[i + 1 : i + 2] in ("\u0302", "\u0306", "\u031b")]
    at = marked[-1] + 1 if marked else vowels[len(vowels) // 2 if len(vowels) > 1 else 0]
    return unicodedata.normalize("NFC", toneless[: at + 1] + tone + toneless[at + 1 :])


def _retone(word: str, tone: str) -> str:
    """The word with its tone mark replaced by `tone` ('' drops it), on the same vowel."""
    decomposed = unicodedata.normalize("NFD", word)
    at = next((i for i, c in enumerate(decomposed) if c in _TONES), None)
    if at is None:
        return _with_tone(decomposed, tone)
    toneless = decomposed[:at] + decomposed[at + 1 :]
    # The tone goes after the vowel's quality mark, or NFC cannot compose them (ỏ + ^).
    end = at
    while end < len(toneless) and unicodedata.combining(toneless[end]):
        end += 1
    return unicodedata.normalize("NFC", toneless[:end] + tone + toneless[end:])


def _damage_words(
    text: str, rate: float, rng: random.Random, damage: Callable[[str, random.Random], str | None]
) -> str:
    """Damage round(rate x all words) of the words `damage` can change (None: it cannot)."""
    words = list(_WORD.finditer(text))
    eligible = [m for m in words if damage(m.group(), random.Random(0)) is not None]
    count = min(len(eligible), round(rate * len(words)))
    chosen = sorted(rng.sample(eligible, count), key=lambda m: m.start())
    pieces, position = [], 0
    for match in chosen:
        pieces += [text[position : match.start()], damage(match.group(), rng) or match.group()]
        position = match.end()
    return "".join([*pieces, text[position:]])


def _confuser(table: dict[str, str]) -> Callable[[str, random.Random], str | None]:
    def confuse(word: str, rng: random.Random) -> str | None:
        tone = _split(word)[1]
        return _retone(word, table[tone]) if tone in table else None

    return confuse


def _other_diacritic(word: str, rng: random.Random) -> str | None:
    toneless, tone = _split(word)
    plain = unicodedata.normalize("NFC", toneless)
    changeable = [i for i, c in enumerate(plain) if c.lower() in _QUALITY]
    if not changeable:
        return None
    if rng.random() < 0.5:  # a tone lost, added or read as another
        return _retone(word, rng.choice([t for t in ["", *_TONES] if t != tone]))
    at = rng.choice(changeable)
    letter = plain[at]
    new = rng.choice(_QUALITY[letter.lower()])
    new = new.upper() if letter.isupper() else new
    return _with_tone(unicodedata.normalize("NFD", plain[:at] + new + plain[at + 1 :]), tone)


# ------------------------------------------------------------------------- perturbations


def tone(text: str, rate: float, rng: random.Random) -> str:
    """`rate` of the words get a confused tone: most hỏi read as sắc, the rest the other way."""
    text = _damage_words(text, rate * HOI_AS_SAC_SHARE, rng, _confuser(_HOI_AS_SAC))
    return _damage_words(text, rate * (1 - HOI_AS_SAC_SHARE), rng, _confuser(_OTHER_WAY))


def diacritic(text: str, rate: float, rng: random.Random) -> str:
    return _damage_words(text, rate, rng, _other_diacritic)


def _mangle_numeral(numeral: str, rng: random.Random) -> str:
    choices = [
        "",  # lost
        numeral[:-1],  # III -> II
        numeral.replace("I", "l", 1),  # I -> l
        numeral.replace("I", "1", 1),  # I -> 1
        numeral[:1] + "H" + numeral[1:] if len(numeral) > 1 else "l",  # III -> IHI
    ]
    return rng.choice(choices)


def numeral(text: str, rate: float, rng: random.Random) -> str:
    def damage(match: re.Match[str]) -> str:
        if rng.random() >= rate:
            return match.group()
        mangled = _mangle_numeral(match.group(2), rng)
        return match.group(1) + mangled if mangled else match.group(1).rstrip()

    return _CHAPTER.sub(damage, text)


def glue(text: str, rate: float, rng: random.Random) -> str:
    def damage(match: re.Match[str]) -> str:
        words = match.group(1).split()
        if rng.random() >= rate or len(words) < 2:
            return match.group()
        at = rng.randrange(len(words) - 1)
        glued = [*words[:at], words[at] + words[at + 1], *words[at + 2 :]]
        start = match.start(1) - match.start()
        return match.group()[:start] + " ".join(glued)

    return _HONORIFIC_NAME.sub(damage, text)


def punct(text: str, rate: float, rng: random.Random) -> str:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.strip() and "\t" not in line and rng.random() < rate:
            lines[index] = line + rng.choice([" .", ".", " ,", ",", " ."])
    return "\n".join(lines)


def scan(text: str, rate: float, rng: random.Random) -> str:
    """Tone confusions at `rate` and every chapter numeral damaged."""
    return numeral(tone(text, rate, rng), 1.0, rng)


def mixed(text: str, rate: float, rng: random.Random) -> str:
    """The realistic bar: tone confusions at `rate`, every chapter numeral damaged, some
    names glued and stray marks at line ends."""
    text = tone(text, rate, rng)
    text = numeral(text, 1.0, rng)
    text = glue(text, 0.2, rng)
    return punct(text, 0.05, rng)


KINDS: dict[str, tuple[Perturb, tuple[float, ...]]] = {
    "tone": (tone, (0.01, 0.02, 0.03, 0.05)),
    "diacritic": (diacritic, (0.01, 0.03, 0.05)),
    "numeral": (numeral, (0.25, 0.5, 1.0)),
    "glue": (glue, (0.1, 0.3, 0.5)),
    "punct": (punct, (0.05, 0.1, 0.2)),
    "scan": (scan, (0.008, 0.01, 0.02, 0.03)),
    "mixed": (mixed, (0.008, 0.01, 0.02, 0.03)),
}


# ------------------------------------------------------------------------------ running


@dataclass(frozen=True)
class Flip:
    source: str
    rule_id: str
    clean: str
    damaged: str


def sources() -> list[tuple[str, str]]:
    """(file name, text) of every sample source the manifest lists."""
    files = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["files"]
    found = []
    for entry in files:
        if entry.get("error") or not entry.get("source"):
            continue
        found.append((entry["file"], (SAMPLES / entry["source"]).read_text(encoding="utf-8")))
    return found


def statuses(text: str, name: str, rules: RuleSet) -> dict[str, str]:
    document = document_from_text(text, name, ocr_confidence=OCR)
    return {r.rule_id: r.status for r in evaluate(document, rules)}


def seeded(seed: int, name: str, kind: str) -> random.Random:
    """One generator per (seed, file, kind): a file's damage does not depend on the others."""
    return random.Random(zlib.crc32(f"{seed}:{name}:{kind}".encode()))


def flips(
    kind: str, rate: float, seeds: range, rules: RuleSet, clean: dict[str, dict[str, str]]
) -> tuple[list[Flip], int]:
    """The statuses that differ from the clean run, and how many statuses were compared."""
    perturb = KINDS[kind][0]
    found: list[Flip] = []
    compared = 0
    for seed in seeds:
        for name, text in sources():
            damaged = statuses(perturb(text, rate, seeded(seed, name, kind)), name, rules)
            compared += len(damaged)
            found += [
                Flip(name, rule_id, status, damaged[rule_id])
                for rule_id, status in clean[name].items()
                if damaged[rule_id] != status
            ]
    return found, compared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--show", action="store_true", help="list every flipped status")
    parser.add_argument("--kind", choices=sorted(KINDS), action="append")
    arguments = parser.parse_args()

    rules = load_rules()
    clean = {name: statuses(text, name, rules) for name, text in sources()}
    print(f"{len(clean)} sources x {len(rules.rules)} rules x {arguments.seeds} seeds")
    print(f"{'kind':<10} {'rate':>6} {'flips':>6} {'of':>6}")
    for kind in arguments.kind or KINDS:
        for rate in KINDS[kind][1]:
            found, compared = flips(kind, rate, range(arguments.seeds), rules, clean)
            print(f"{kind:<10} {rate:>6.1%} {len(found):>6} {compared:>6}")
            if arguments.show:
                for flip in found:
                    print(f"    {flip.source}  {flip.rule_id}  {flip.clean} -> {flip.damaged}")


if __name__ == "__main__":
    main()
