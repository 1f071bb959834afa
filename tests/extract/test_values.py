"""Reading a matched number: numerals, magnitudes, vague amounts, rough pairs, ranges, hedges."""

from __future__ import annotations

import re

import pytest

from reportgen.extract.patterns import LO, NUM, PATTERNS
from reportgen.extract.values import (
    approx_pair,
    clock_duration,
    figure,
    hedge,
    int_or_float,
    low_end,
    number,
    scaled,
    vague,
)


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("360", 360.0),
        ("1,300", 1300.0),
        ("38.3", 38.3),
        ("47 00", 4700.0),  # a line break inside a number
        ("四千七百", 4700.0),
        ("二十", 20.0),
        ("两", 2.0),
        ("百", 100.0),
        ("数十", 10.0),  # a vague amount reads as its floor
        ("几百", 100.0),
        ("上千", 1000.0),
        ("十几", 10.0),
        ("", None),
        ("数", None),
    ],
)
def test_number(token, value):
    assert number(token) == value


def test_a_magnitude_scales_exactly():
    assert 512.3 * 1e8 != 51_230_000_000  # what plain floats would give
    assert scaled("512.3", 1e8) == 51_230_000_000
    assert scaled("1,300", 1e8) == 130_000_000_000
    assert scaled("三", 1e4) == 30_000
    assert scaled("360", 1) == 360


def test_int_or_float_keeps_whole_numbers_whole():
    assert int_or_float(360.0) == 360 and isinstance(int_or_float(360.0), int)
    assert int_or_float(38.3) == 38.3


@pytest.mark.parametrize(
    ("token", "pair"),
    [("七八", (7, 8)), ("两三", (2, 3)), ("三五", (3, 5)), ("二十", None), ("七九", None)],
)
def test_two_adjacent_numerals_are_a_rough_pair(token, pair):
    assert approx_pair(token) == pair


@pytest.mark.parametrize(
    ("token", "said"),
    [
        ("数十", ("over", "数十")),
        ("几百", ("over", "几百")),
        ("十几", ("over", "十几")),
        ("上千", ("approx", "上")),
        ("三十", None),
        ("上", None),
    ],
)
def test_vague_amounts_say_more_than_or_about(token, said):
    assert vague(token) == said


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (("约", None), ("approx", "约")),
        ((None, "余"), ("over", "余")),
        (("不到",), ("under", "不到")),
        (("以 上",), ("at_least", "以上")),  # a line break inside the hedge
        (("最高", "以上"), ("at_most", "最高")),  # the first hedge wins
        (("零下",), ("exact", None)),
        ((None, None), ("exact", None)),
    ],
)
def test_hedge(words, said):
    assert hedge(*words) == said


CLOCK = next(p for kind, p in PATTERNS if kind == "duration" and "hh" in p.groupindex)


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("2小时08分36秒", (7716, "秒")),
        ("1小时30分钟", (90, "分钟")),
        ("12分05.5秒", (725.5, "秒")),
    ],
)
def test_a_clock_time_is_one_value(text, duration):
    assert clock_duration(CLOCK.search(text)) == duration


FIGURE = re.compile(rf"(?P<pct>百分之)?(?P<n>{NUM})(?P<mag>万亿|亿|万|千)?(?P<u>成|家|元)?")


def read(text: str, qualifier: str = "exact", word: str | None = None):
    match = FIGURE.fullmatch(text)
    return figure(match, match.group("u") or "", qualifier, word)


def test_a_figure_keeps_its_magnitude_apart():
    stated = read("1.2万家", "over", "余")
    assert (stated.raw, stated.number, stated.factor, stated.unit) == ("1.2", 1.2, 1e4, "家")
    assert (stated.qualifier, stated.hedge, stated.pair) == ("over", "余", None)
    assert read("360元").factor == 1


def test_tens_of_percent_and_percent_in_words_are_percent():
    assert (read("六成").number, read("六成").unit) == (60, "%")
    assert (read("百分之十五").number, read("百分之十五").unit) == (15, "%")


def test_a_vague_amount_or_a_rough_pair_replaces_the_hedge():
    stated = read("数十家", "approx", "约")
    assert (stated.number, stated.qualifier, stated.hedge) == (10, "over", "数十")
    stated = read("七八家")
    assert (stated.pair, stated.qualifier, stated.hedge) == ((7, 8), "approx", "七八")


def test_no_number_no_figure():
    match = re.match(r"(?P<u>家)", "家")
    assert figure(match, "家", "exact", None) is None


RANGE = re.compile(LO + rf"(?P<n>{NUM})(?P<mag>万)?")


@pytest.mark.parametrize(
    ("text", "factor", "magnified", "low"),
    [
        ("5万至6万", 1e4, True, 50_000),  # its own magnitude
        ("5至6万", 1e4, True, 50_000),  # the high end's magnitude
        ("16—24", 1, False, 16),
        ("2至3", 1e4, False, 2),  # a kind that is not magnified reads the number alone
        ("三到五", 1, False, 3),
    ],
)
def test_the_low_end_of_a_range(text, factor, magnified, low):
    assert low_end(RANGE.fullmatch(text), factor, magnified) == low


def test_no_low_end_without_a_range():
    assert low_end(RANGE.fullmatch("6万"), 1e4, True) is None
