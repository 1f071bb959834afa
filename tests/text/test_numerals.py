import pytest

from reportgen.text.numerals import appears_in, format_plain, numbers_in, parse_chinese_numeral


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三", 3),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("百", 100),
        ("一百", 100),
        ("一百零五", 105),
        ("三千", 3000),
        ("两万", 20000),
        ("一亿二千万", 120000000),
        ("二〇二二", 2022),
    ],
)
def test_parse_chinese_numeral(text, value):
    assert parse_chinese_numeral(text) == value


@pytest.mark.parametrize("text", ["", "十百", "三a", "亿亿"])
def test_parse_chinese_numeral_rejects_non_numerals(text):
    assert parse_chinese_numeral(text) is None


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("对外贸易额达360亿元", 36_000_000_000),
        ("总资产规模超过1300亿元", 130_000_000_000),
        ("总资产规模超过1,300亿元", 130_000_000_000),
        ("增长38.3%", 38.3),
        ("目前已吸引4700 余家国内外企业", 4700),
        ("目前已吸引４７００余家", 4700),  # full-width digits
        ("他主持了百余场推介会", 100),
        ("布局二十大园区", 20),
        ("连续两个月", 2),
        ("2022年度第四名", 4),
        ("规划范围38.85平方公里", 38.85),
        ("由“1+6+N”1.0版本到“1567”2.0版本", 2.0),
    ],
)
def test_value_appears_in_quote(quote, value):
    assert appears_in(value, quote)


@pytest.mark.parametrize(
    ("quote", "value"),
    [("对外贸易额达360亿元", 360_000_000), ("增长38.3%", 38.0), ("总资产规模超过1300亿元", 1e8)],
)
def test_value_absent_from_quote(quote, value):
    assert not appears_in(value, quote)


def test_bare_magnitude_word_is_not_a_number():
    assert numbers_in("亿元") == set()


@pytest.mark.parametrize(
    ("value", "text"), [(36e9, "36000000000"), (38.3, "38.3"), (1.0, "1"), (-2.5, "-2.5")]
)
def test_format_plain(value, text):
    assert format_plain(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (60, "占比达六成"),
        (20, "比上届增长两成多"),
        (30, "出口增长超过三成"),
        (33.333333, "约占三分之一"),
        (50, "较去年同期缩短一半"),
        (100, "产量增长一倍"),
        (300, "三年翻两番"),
        (1, "连续四年位居全国陆路口岸首位"),
        (1, "位列全市开发区综合考核榜首"),
        (1, "获得男子全程冠军"),
        (1, "青岛啤酒实现五连冠"),  # first place, five years running
    ],
)
def test_numbers_stated_in_words(value, text):
    assert appears_in(value, text)


def test_a_negative_value_needs_a_stated_decrease():
    assert appears_in(-3.2, "比上年下降3.2个百分点")
    assert not appears_in(-3.2, "比上年增长3.2%")
