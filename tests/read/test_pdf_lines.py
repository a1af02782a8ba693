"""Line assembly (validator.read.pdf.lines) on pieces laid out by hand: each defect class
of real text layers, reduced to the geometry that makes it."""

from __future__ import annotations

import math

import numpy as np

from validator.read.pdf.lines import assemble
from validator.read.pdf.pieces import Pieces

HEIGHT = 15.0  # a 13 pt line's loose box
ADVANCE = 6.5  # a glyph's advance


class Drawing:
    """Pieces as a PDF draws them: `text` is pdfium's text (with its spaces and line
    breaks), each piece a stretch of it with a box; added in drawing order."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[tuple[int, int, float, float, float, float, float]] = []

    def line(self, string: str, x: float, top: float, *, glyphs: bool = False,
             advance: float = ADVANCE, ink: dict[int, float] | None = None) -> Drawing:
        """`string` as pdfium's next line: one piece, or one piece per visible glyph."""
        if self.text:
            self.text += "\r\n"
        start = len(self.text)
        self.text += string
        if not glyphs:
            self.spans.append((start, start + len(string) - 1, x, top,
                               x + advance * len(string), top + HEIGHT, math.nan))
            return self
        left = x
        for offset, char in enumerate(string):
            mark_ink = (ink or {}).get(offset, math.nan)
            width = 0.0 if not math.isnan(mark_ink) else advance  # marks do not advance
            if not char.isspace():
                self.spans.append((start + offset, start + offset, left, top, left + width,
                                   top + HEIGHT, mark_ink))
            left += width
        return self

    def glyph(self, char: str, x: float, top: float, width: float = ADVANCE,
              ink: float = math.nan, height: float = HEIGHT) -> Drawing:
        """One glyph pdfium put on a line of its own (drawn out of order)."""
        self.text += ("\r\n" if self.text else "") + char
        index = len(self.text) - 1
        self.spans.append((index, index, x, top, x + width, top + height, ink))
        return self

    def pieces(self) -> Pieces:
        first, last, x0, top, x1, bottom, ink = (np.array(c) for c in zip(*self.spans,
                                                                            strict=True))
        return Pieces(text=self.text, first=first.astype(np.int64),
                      last=last.astype(np.int64), x0=x0.astype(float), top=top.astype(float),
                      x1=x1.astype(float), bottom=bottom.astype(float), ink=ink.astype(float))


def texts(drawing: Drawing) -> list[list[str]]:
    return [row.cells for row in assemble(drawing.pieces()).rows]


def test_rows_top_to_bottom_and_header_columns_as_cells() -> None:
    drawing = (Drawing().line("Độc lập - Tự do", 300, 40).line("ỦY BAN NHÂN DÂN", 90, 20)
               .line("XÃ AN BÌNH", 110, 40).line("CỘNG HÒA XÃ HỘI", 280, 20))
    assert texts(drawing) == [["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI"],
                              ["XÃ AN BÌNH", "Độc lập - Tự do"]]


def test_glyph_drawn_twice_is_dropped_and_counted() -> None:
    drawing = Drawing()
    for offset, char in enumerate("TỔ CHỨC"):
        if char != " ":
            x = 100 + ADVANCE * offset
            drawing.glyph(char, x, 50).glyph(char, x + 1.2, 50)  # fake bold
    assembly = assemble(drawing.pieces())
    assert [row.cells for row in assembly.rows] == [["TỔ CHỨC"]]
    assert sum(assembly.dropped.values()) == 6


def test_run_drawn_again_over_itself_is_dropped() -> None:
    drawing = Drawing().line("QUYẾT ĐỊNH", 250, 100).line("QUYẾT ĐỊNH", 250.6, 100.4)
    assembly = assemble(drawing.pieces())
    assert [row.cells for row in assembly.rows] == [["QUYẾT ĐỊNH"]]
    assert assembly.dropped == {"QUYẾT ĐỊNH": 1}


def test_line_pieces_overlapping_other_text_are_reported_to_be_taken_apart() -> None:
    drawing = Drawing().line("Số:     /QĐ-UBND", 100, 70).line("25", 126, 71)
    assembly = assemble(drawing.pieces())
    assert assembly.apart is not None
    assert assembly.apart.tolist() == [True, True]  # both lines, to be read glyph by glyph


def test_number_and_day_written_into_blanks() -> None:
    drawing = (Drawing().line("Số:", 100, 70, glyphs=True).line("/QĐ-UBND", 150, 70,
                                                                   glyphs=True)
               .line("ngày", 300, 70, glyphs=True).line("tháng 10", 345, 70, glyphs=True)
               .line("25", 126, 71, glyphs=True).line("28", 330, 71, glyphs=True))
    # pdfium's text has the blanks as spaces: "Số:   /QĐ-UBND", "ngày    tháng 10"
    drawing.text = drawing.text.replace("Số:\r\n/", "Số:  /").replace("ngày\r\nth", "ngày  th")
    assert texts(drawing) == [["Số: 25/QĐ-UBND", "ngày 28 tháng 10"]]


def test_combining_mark_after_its_letter_joins_it_wherever_its_ink_is() -> None:
    # "Cô" drawn C, o, U+0302 with the mark's ink past the o (a font without mark placement)
    drawing = Drawing().line("Co\u0302ng", 100, 50, glyphs=True, ink={2: 100 + 2.2 * ADVANCE})
    assembly = assemble(drawing.pieces())
    assert [row.cells for row in assembly.rows] == [["Công"]]
    assert assembly.composed


def test_marks_drawn_in_a_second_pass_join_the_letter_under_their_ink() -> None:
    drawing = Drawing().line("Viet Nam", 100, 50, glyphs=True)
    drawing.glyph("\u0302", 100 + 2.5 * ADVANCE, 50, width=0.0, ink=100 + 2.5 * ADVANCE)
    drawing.glyph("\u0323", 100 + 2.5 * ADVANCE, 50, width=0.0, ink=100 + 2.5 * ADVANCE)
    assert texts(drawing) == [["Việt Nam"]]


def test_spacing_accent_over_a_vowel_is_a_mark_and_elsewhere_stays() -> None:
    drawing = Drawing().line("ca", 100, 50, glyphs=True)
    drawing.glyph("\u00b4", 100 + 1.3 * ADVANCE, 50, width=3.0, ink=100 + 1.5 * ADVANCE)
    assert texts(drawing) == [["cá"]]
    alone = Drawing().line("ca", 100, 50, glyphs=True).glyph("\u00b4", 130, 50, width=3.0,
                                                               ink=131.5)
    assert texts(alone) == [["ca ´"]]


def test_glyphs_drawn_in_any_order_read_left_to_right_with_word_gaps() -> None:
    order = [5, 0, 3, 7, 1, 8, 2, 6, 4]
    word_gap = 3.5
    placed = []
    x = 100.0
    for char in "Ban Chỉ đạo":
        if char == " ":
            x += word_gap
            continue
        placed.append((char, x))
        x += ADVANCE
    drawing = Drawing()
    for position in order:
        char, left = placed[position]
        drawing.glyph(char, left, 50)
    assert texts(drawing) == [["Ban Chỉ đạo"]]


def test_letter_spaced_glyphs_break_words_only_at_wider_gaps() -> None:
    drawing = Drawing().line("QUYẾTĐỊNH", 100, 50, glyphs=True, advance=ADVANCE + 3)
    spans = drawing.spans
    drawing.spans = [s if k < 5 else (s[0], s[1], s[2] + 5, s[3], s[4] + 5, s[5], s[6])
                     for k, s in enumerate(spans)]  # a word gap after QUYẾT
    drawing.text = drawing.text  # pdfium's text has no space: its letters are consecutive
    rows = assemble(drawing.pieces()).rows
    assert [row.cells for row in rows] == [["QUYẾTĐỊNH"]]  # pdfium's own text decides


def test_footnote_number_raised_above_the_line_stays_in_it() -> None:
    # a smaller glyph inside the line's box, its middle too high to share the line's band
    drawing = (Drawing().line("địa phương", 100, 100).glyph("1", 100 + 10 * ADVANCE, 100.5,
                                                            width=3.5, height=7.0)
               .line("tham gia góp ý", 175, 100))
    assert texts(drawing) == [["địa phương1 tham gia góp ý"]]


def test_groups_keep_table_cells_on_rows_of_their_own() -> None:
    drawing = Drawing().line("Ông Ngô Văn Thành", 100, 50).line("Trưởng ban", 230, 50)
    rows = assemble(drawing.pieces(), groups=np.array([0, 1])).rows
    assert [(row.group, row.cells) for row in rows] == [(0, ["Ông Ngô Văn Thành"]),
                                                       (1, ["Trưởng ban"])]


def test_many_glyphs_assemble_in_near_linear_work() -> None:
    """30,000 glyphs each on a pdfium line of its own, in a shuffled order."""
    rng = np.random.default_rng(7)
    drawing = Drawing()
    cells = [(row, column) for row in range(60) for column in range(500)]
    for k in rng.permutation(len(cells)):
        row, column = cells[k]
        drawing.glyph("a", 10 + column * 1.1, 20 + row * 13, width=1.1, height=12)
    rows = assemble(drawing.pieces()).rows
    assert len(rows) == 60 and all(row.cells == ["a" * 500] for row in rows)
