"""The range look-ups of the engine's document context answer exactly what comparing every
range with every other answered, for any ranges (overlapping, touching, empty, unsorted):
they replaced quadratic scans that took a minute on a long document."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from validator.engine.context import Clipper, Cover, HitIndex, merge

offsets = st.integers(min_value=0, max_value=60)
spans = st.tuples(offsets, offsets).map(lambda pair: (min(pair), max(pair)))
raw_ranges = st.lists(st.tuples(offsets, offsets), max_size=8)  # may be inverted or empty
units = st.lists(spans, min_size=1, max_size=3).map(tuple)  # pieces may overlap


@given(raw_ranges, spans)
def test_a_span_is_covered_when_one_range_holds_it_whole(ranges, span) -> None:
    expected = any(s <= span[0] and span[1] <= e for s, e in ranges)
    assert (span in Cover(ranges)) == expected


@given(raw_ranges, offsets)
def test_an_offset_is_held_when_one_range_holds_it(ranges, offset) -> None:
    assert Cover(ranges).holds(offset) == any(s <= offset < e for s, e in ranges)


@given(raw_ranges, units)
def test_clipping_keeps_the_parts_of_a_unit_inside_the_ranges(ranges, unit) -> None:
    parts = [(max(s, rs), min(e, re_)) for s, e in unit for rs, re_ in ranges
             if min(e, re_) > max(s, rs)]
    assert Clipper(ranges).clip(unit) == tuple(merge(parts))


@given(st.lists(spans, max_size=10), units)
def test_the_hits_inside_a_unit_come_in_their_given_order(hits, unit) -> None:
    expected = [h for h in hits if any(s <= h[0] and h[1] <= e for s, e in unit)]
    assert HitIndex(hits).within(unit) == expected
