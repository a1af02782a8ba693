"""Word's automatic numbering, rendered as Word shows it ("Điều 1.", "Chương II", "a)").

python-docx reads numbering.xml but does not render it, so the counting is done here
(ECMA-376 §17.9, as Word behaves):
- a paragraph is numbered by its own `w:numPr` or by its paragraph style's (style-linked
  numbering; the level is then the one whose `w:pStyle` names the style);
- counters belong to the abstract definition: every `w:num` that points at it continues the
  same sequence, and a `w:num` with `w:startOverride` restarts it where that num first appears;
- a level restarts when a higher level advances, unless `w:lvlRestart` says otherwise.

Word's letter formats are the 26 Latin letters: Vietnamese "đ)" in an a), b), c), d), đ) list
is typed by hand, never produced by numbering.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from docx.oxml.ns import qn
from lxml.etree import _Element

from validator.read.docx_styles import Styles, num_pr_values, run_font, to_int

LEVELS = 9
_W_VAL = qn("w:val")
_BULLET = "•"


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart when a level above this 1-based one is used
    legal: bool = False  # w:isLgl: every level shown in decimal
    suffix: str = " "  # what follows the number: Word's tab or space becomes one space
    font: str | None = None
    style: str | None = None  # w:pStyle: the paragraph style this level is linked to


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    suffix: str
    font: str | None


@dataclass(slots=True)
class _Num:
    num_id: str
    abstract: str
    levels: tuple[Level, ...]
    restarts: tuple[int, ...] = ()  # levels whose start is overridden by this instance


@dataclass
class Numbering:
    """The numbering definitions of one document and the running counters."""

    styles: Styles
    nums: dict[str, _Num] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, numbering: _Element | None, styles: Styles) -> Numbering:
        return cls(styles=styles, nums=_nums(numbering, styles))

    def fresh(self) -> Numbering:
        """The same definitions with counters of their own (page headers count apart)."""
        return Numbering(styles=self.styles, nums=self.nums)

    def label(self, p_pr: _Element | None) -> Label | None:
        """The number of a paragraph with properties `p_pr`, advancing the counters."""
        found = self._num_of(p_pr)
        if found is None:
            return None
        num, level = found
        counters = self.counters.setdefault(num.abstract, [None] * LEVELS)
        if num.num_id not in self.seen:
            self.seen.add(num.num_id)
            for restarted in num.restarts:
                counters[restarted] = None
        current = counters[level]
        counters[level] = num.levels[level].start if current is None else current + 1
        for deeper in range(level + 1, LEVELS):
            restart = num.levels[deeper].restart
            if restart != 0 and (restart is None or level < restart):
                counters[deeper] = None
        definition = num.levels[level]
        return Label(_render(definition, num.levels, counters), definition.suffix,
                     definition.font)

    def _num_of(self, p_pr: _Element | None) -> tuple[_Num, int] | None:
        num_id = level = style_id = None
        if p_pr is not None:
            style = p_pr.find(qn("w:pStyle"))
            style_id = style.get(_W_VAL) if style is not None else None
            num_pr = p_pr.find(qn("w:numPr"))
            if num_pr is not None:
                num_id, level = num_pr_values(num_pr)
        from_style = False
        for style in self.styles.chain(style_id or self.styles.default_paragraph):
            if num_id is None and style.num_id is not None:
                num_id, from_style = style.num_id, True
            if level is None and style.level is not None:
                level = style.level
        num = self.nums.get(num_id) if num_id not in (None, "0") else None
        if num is None:
            return None
        if level is None and from_style:
            level = next((i for i, lvl in enumerate(num.levels) if lvl.style == style_id), 0)
        return num, min(max(level or 0, 0), LEVELS - 1)


def _nums(numbering: _Element | None, styles: Styles) -> dict[str, _Num]:
    if numbering is None:
        return {}
    abstracts = {a.get(qn("w:abstractNumId")): a
                 for a in numbering.iterchildren(qn("w:abstractNum"))}
    instances = {n.get(qn("w:numId")): n for n in numbering.iterchildren(qn("w:num"))}
    levels = {key: _levels(element) for key, element in abstracts.items()}
    nums: dict[str, _Num] = {}
    for num_id, element in instances.items():
        abstract = _abstract_id(element, abstracts, instances, styles)
        if abstract is None or abstract not in levels:
            continue
        own = list(levels[abstract])
        restarts = []
        for override in element.iterchildren(qn("w:lvlOverride")):
            index = to_int(override.get(qn("w:ilvl")))
            if index is None or not 0 <= index < LEVELS:
                continue
            replacement = override.find(qn("w:lvl"))
            if replacement is not None:
                own[index] = _level(replacement, own[index])
                restarts.append(index)
            start = override.find(qn("w:startOverride"))
            if start is not None:
                own[index] = replace(own[index], start=to_int(start.get(_W_VAL)) or 0)
                restarts.append(index)
        nums[num_id] = _Num(num_id, abstract, tuple(own), tuple(restarts))
    return nums


def _abstract_id(num: _Element, abstracts: dict, instances: dict,
                 styles: Styles) -> str | None:
    """The abstract definition behind a num, following a numbering style's link once."""
    ref = num.find(qn("w:abstractNumId"))
    abstract = ref.get(_W_VAL) if ref is not None else None
    element = abstracts.get(abstract)
    link = element.find(qn("w:numStyleLink")) if element is not None else None
    if link is not None:
        style = styles.styles.get(link.get(_W_VAL))
        linked = instances.get(style.num_id) if style is not None else None
        ref = linked.find(qn("w:abstractNumId")) if linked is not None else None
        if ref is not None and ref.get(_W_VAL) != abstract:
            return ref.get(_W_VAL)
    return abstract


def _levels(abstract: _Element) -> tuple[Level, ...]:
    levels = [Level(text=f"%{i + 1}.") for i in range(LEVELS)]
    for element in abstract.iterchildren(qn("w:lvl")):
        index = to_int(element.get(qn("w:ilvl")))
        if index is not None and 0 <= index < LEVELS:
            levels[index] = _level(element, Level(text=""))
    return tuple(levels)


def _level(element: _Element, base: Level) -> Level:
    def val(tag: str) -> str | None:
        child = element.find(qn(tag))
        return None if child is None else child.get(_W_VAL)

    start, restart = to_int(val("w:start")), to_int(val("w:lvlRestart"))
    legal = element.find(qn("w:isLgl"))
    suffix = val("w:suff")
    text = val("w:lvlText")
    return Level(
        start=base.start if start is None else start,
        format=val("w:numFmt") or base.format,
        text=base.text if text is None else text,
        restart=base.restart if restart is None else restart,
        legal=legal is not None and legal.get(_W_VAL) not in ("0", "false"),
        suffix="" if suffix == "nothing" else " ",
        font=run_font(element.find(qn("w:rPr"))) or base.font,
        style=val("w:pStyle") or base.style,
    )


def _render(level: Level, levels: tuple[Level, ...], counters: list[int | None]) -> str:
    if level.format == "bullet":
        return "".join(_BULLET if "\uf000" <= ch <= "\uf0ff" else ch for ch in level.text)
    out = []
    text = level.text
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            index = int(text[i + 1]) - 1
            value = counters[index]
            shown = levels[index].start if value is None else value
            fmt = "decimal" if level.legal else levels[index].format
            out.append(format_number(shown, fmt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def format_number(value: int, fmt: str) -> str:
    if fmt == "none":
        return ""
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        if value < 1:
            return str(value)
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        return f"{value}{_ordinal_suffix(value)}"
    return str(value)  # decimal and the formats Vietnamese documents do not use


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = []
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                            (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                            (4, "IV"), (1, "I")):
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)


def _ordinal_suffix(value: int) -> str:
    if 10 <= value % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
