"""The fact patterns: the view they run on, their fragments, their order and their bounds."""

from __future__ import annotations

import re
import time

import pytest

from reportgen.extract import patterns
from reportgen.extract.facts import KINDS
from reportgen.extract.patterns import (
    LO,
    MEASURES,
    PATTERNS,
    PRE,
    PREFIX,
    SUF2,
    VAGUE,
    S,
    group,
    view_of,
)


def first_kind(text: str) -> str | None:
    """The kind of the first pattern, in scan order, that reads the whole of ``text``."""
    return next((kind for kind, pattern in PATTERNS if pattern.fullmatch(text)), None)


def test_the_view_maps_full_width_digits_and_symbols_one_to_one():
    text = "吸引４７００余家，占比３８．５％，时间：１０～１２日"
    view = view_of(text)
    assert len(view) == len(text)
    assert view == "吸引4700余家，占比38.5%，时间:10~12日"
    assert view_of("对外贸易额达360亿元") == "对外贸易额达360亿元"


def test_group_is_none_for_a_group_the_pattern_does_not_have():
    match = re.match(r"(?P<n>\d+)(?P<u>家)?", "12")
    assert group(match, "n") == "12"
    assert group(match, "u") is None  # the pattern has it, it did not match
    assert group(match, "mag") is None  # the pattern has no such group


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("5月17日", "date"),
        ("2022年6月", "date"),
        ("1至10月", "date_range"),
        ("2021—2023年", "date_range"),
        ("90年代", "date_range"),
        ("6个月", "duration"),
        ("2小时08分36秒", "duration"),
        ("360亿元", "money"),
        ("38.85平方公里", "area"),
        ("38.3%", "percent"),
        ("三分之一", "percent"),
        ("同比增长38.3%", "growth"),
        ("下降3.2个百分点", "growth"),
        ("翻一番", "growth"),
        ("第四名", "rank"),
        ("榜首", "rank"),
        ("4700余家", "count"),
        ("二十大园区", "count"),
        ("平均年龄不到31岁", None),  # context words are no part of any pattern
        ("31岁", "age"),
        ("96分", "score"),
        ("“5-2-1”", "code"),
        ("1.8‰", "other"),
        ("零下5摄氏度", "other"),
    ],
)
def test_the_first_pattern_to_read_a_figure_is_of_its_kind(text, kind):
    assert first_kind(text) == kind


def test_every_pattern_is_of_a_known_kind():
    assert {kind for kind, _ in PATTERNS} == set(KINDS)


def test_measure_words_are_tried_longest_first():
    assert re.match(f"(?:{MEASURES})", "班次").group() == "班次"
    assert re.match(f"(?:{MEASURES})", "人次").group() == "人次"
    assert re.match(f"(?:{MEASURES})", "标准箱").group() == "标准箱"


def test_a_one_character_hedge_is_no_hedge_at_the_end_of_a_word():
    assert re.search(f"(?:{PREFIX})32", "签约32个") is None
    assert re.search(f"(?:{PREFIX})32", "约32个").group() == "约32"
    assert re.search(f"(?:{PREFIX})3000", "最近3000") is None  # 最近 is "recently"


def test_a_hedge_may_take_a_linking_word_before_the_number():
    match = re.match(PRE + r"(?P<n>\d+)", "最高可达400")
    assert (match.group("pre"), match.group("n")) == ("最高", "400")
    match = re.match(PRE + r"(?P<n>\d+)", "约为35")
    assert (match.group("pre"), match.group("n")) == ("约", "35")
    assert re.match(PRE + r"(?P<n>\d+)", "400").group("pre") is None


@pytest.mark.parametrize(
    ("text", "low", "magnitude"),
    [("5万至6", "5", "万"), ("16—24", "16", None), ("三到五", "三", None), ("10%—30", "10", None)],
)
def test_the_low_end_of_a_range(text, low, magnitude):
    match = re.fullmatch(LO + r"(?P<n>\d+|[三五])", text)
    assert (match.group("lo"), match.group("lomag")) == (low, magnitude)


@pytest.mark.parametrize("text", ["以上", "及以上", "及 以 上", "以下", "以内", "左右"])
def test_hedges_after_a_figure(text):
    assert re.fullmatch(SUF2, text)


@pytest.mark.parametrize(
    ("text", "vague"),
    [("数十", True), ("几百", True), ("上千", True), ("二十几", True), ("十", False)],
)
def test_vague_amounts(text, vague):
    assert bool(re.fullmatch(VAGUE, text)) is vague


def test_padding_inside_a_fact_is_at_most_three_characters():
    assert re.fullmatch(S, " \n\u3000")
    assert re.fullmatch(S, "    ") is None


def test_no_pattern_repeats_a_digit_or_a_class_without_bound():
    """An unbounded \\d+ is quadratic on a long run of digits; every repeat is bounded."""
    for _, pattern in PATTERNS:
        assert not re.search(r"(?:\\d|\])[+*](?![?+])", pattern.pattern), pattern.pattern[:60]
    assert patterns.RUN == 16


def test_a_long_run_of_digits_is_scanned_in_linear_time():
    view = "1" * 20_000 + "亿元"
    started = time.perf_counter()
    for _, pattern in PATTERNS:
        list(pattern.finditer(view))
    assert time.perf_counter() - started < 5


def test_no_fact_starts_inside_a_number():
    money = next(p for kind, p in PATTERNS if kind == "money")
    assert money.match("三十亿元", 1) is None  # the 十 of 三十
    assert money.match("312亿元", 1) is None  # the 1 of 312
    assert money.match("3亿5000万元", 2).group() == "5000万元"  # 亿 ends a number


def test_hedge_and_scale_words_are_the_locales_in_the_order_the_patterns_need():
    # the words are spelled once, in reportgen.locale.zh; these are the alternations they make
    assert patterns.INSIDE == "余|多"
    assert patterns.SCALE == "万亿|亿|万"
    assert patterns.MONEY_SCALE == "万亿|亿|万|千"
    assert set(patterns.COUNT_SCALE.split("|")) == {"亿", "万"}
    assert patterns.SHARE_PRE == "约占|约|近"


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("约占四分之三", 75, "approx"),
        ("近三分之一", 33.333333, "approx"),
        ("三分之一", 33.333333, "exact"),
    ],
)
def test_a_share_keeps_its_hedge(text, value, qualifier):
    from reportgen.extract import extract

    (fact,) = [f for f in extract(text) if f.kind == "percent"]
    assert (fact.value, fact.qualifier) == (value, qualifier)
