"""Property tests: formatting round-trips, text fitting never overflows or crashes, and the
numeral reader survives any input."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pptx.util import Pt

from reportgen import locale
from reportgen.fonts import resolve
from reportgen.locale.numbers import FormatError
from reportgen.locale.zh import HEDGES
from reportgen.render.pptx_text import Fonts, Para, TextOverflowError, _height, fit_size
from reportgen.text.numerals import numbers_in
from reportgen.text.wrap import wrap

FONTS = Fonts("Noto Sans SC", "Noto Sans SC", resolve("Noto Sans SC"), "zh-CN")
UNITS = ["CNY", "%", "家", "列", "人", "天", "km2", "岁", "小时", "年", "月", "项", "个"]
QUALIFIERS = ["exact", "approx", "over", "at_least", "under", "at_most"]


@st.composite
def displayed_values(draw):
    unit = draw(st.sampled_from(UNITS))
    if unit == "CNY":
        value = float(draw(st.integers(min_value=1, max_value=10**6)) * 10**6)
    else:
        value = float(Decimal(draw(st.integers(min_value=0, max_value=10**6))) / 100)
    qualifier = draw(st.sampled_from(QUALIFIERS))
    words = [word for word, meaning in HEDGES.items() if meaning == qualifier]
    hedge = draw(st.sampled_from(words)) if words and qualifier != "exact" else None
    return value, unit, qualifier, hedge


@settings(max_examples=300, deadline=None)
@given(displayed_values(), st.sampled_from(["zh", "en"]))
def test_format_then_parse_gives_back_value_and_hedge(case, lang):
    value, unit, qualifier, hedge = case
    try:
        text = locale.get(lang).format_value(value, unit, qualifier, hedge)
    except FormatError:
        assume(False)  # more digits than the display allows: refused, never rounded
    read, read_qualifier = locale.get(lang).parse_value(text)
    assert read == pytest.approx(value, rel=1e-12, abs=1e-9), text
    assert read_qualifier == qualifier, text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("上合示范区对外贸易额，。、（）“”0123456789 abcXYZ%")),
        max_size=300,
    ),
    st.integers(min_value=20, max_value=800),  # box width, pt
    st.integers(min_value=10, max_value=600),  # box height, pt
    st.booleans(),
)
def test_fitted_text_fits_or_is_reported(text, width, height, bullet):
    """The size found is the largest half point that fits; overflow only when 8 pt does not."""
    paras = [Para(text, bullet=bullet)]
    usable_w = (width - 2 * 7.2) * 0.94
    usable_h = height - 2 * 3.6

    def text_height(size: float) -> float:
        return _height(paras, usable_w, size, FONTS.face)

    # 1e-6: the box's sizes are computed in EMU by fit_size and in points here; a height that
    # close to the limit may go either way.
    try:
        size = fit_size(paras, Pt(width), Pt(height), FONTS, max_size=24, min_size=8, where="x")
    except TextOverflowError:
        assert text_height(8) > usable_h - 1e-6, "reported as overflowing, yet it fits at 8 pt"
        return
    assert 8 <= size <= 24 and float(size * 2).is_integer()
    assert text_height(size) <= usable_h + 1e-6
    larger_fits = size < 24 and text_height(size + 0.5) <= usable_h - 1e-6
    assert not larger_fits, "a larger size would have fitted"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.floats(min_value=1, max_value=500))
def test_wrap_keeps_every_character_and_never_crashes(text, width):
    lines = wrap(text, width, lambda s: float(len(s)))

    def visible(parts):
        return "".join(ch for part in parts for ch in part if not ch.isspace())

    assert visible(lines) == visible([text])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_numeral_reader_survives_any_text(text):
    assert all(isinstance(n, float) and math.isfinite(n) for n in numbers_in(text))


# Text around a number that holds no digit, numeral, magnitude or decimal point of its own.
FILLER = st.text(
    alphabet=st.sampled_from(list("上合示范区对外贸易额，。、（）“” abcXYZ")), max_size=20
)


@settings(max_examples=300, deadline=None)
@given(FILLER, st.integers(min_value=0, max_value=10**12), FILLER)
def test_numeral_reader_finds_a_number_in_any_text_around_it(before, number, after):
    assert float(number) in numbers_in(f"{before}{number}{after}")
    assert float(number) in numbers_in(f"{before}{number:,}{after}")  # grouped: 4,700
