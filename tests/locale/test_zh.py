"""Chinese numbers, units, ranks, dates and derivations, written and read back."""

from __future__ import annotations

import pytest

from reportgen import locale
from reportgen.locale import zh
from reportgen.locale.numbers import CURRENCIES, FormatError


def test_zh_provides_the_language_interface():
    assert isinstance(zh, locale.Language)
    assert locale.get("zh") is zh


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "hedge", "text"),
    [
        (36_000_000_000, "CNY", "exact", None, "360亿元"),
        (38.3, "%", "exact", None, "38.3%"),
        (4700, "家", "over", "余", "4700余家"),  # inside: between number and measure word
        (3000, "列", "approx", "近", "近3000列"),  # before
        (160, "小时", "at_least", "以上", "160小时以上"),  # after the measure word
        (1, "年", "over", "多", "1年多"),  # 多 follows a time unit
        (60, "个", "over", "多", "60多个"),  # and precedes other measure words
        (2, "月", "over", "多", "2个多月"),
        (2, "月", "exact", None, "2个月"),
        (31, "岁", "under", "不到", "不到31岁"),
        (38.85, "km2", "exact", None, "38.85平方公里"),
        (3, "版", "exact", None, "3.0版"),
        (4, "名", "exact", None, "第4名"),
        (26_030_000_000, "CNY", "approx", None, "约260.3亿元"),  # a derived value's hedge
        (230_000_000, "USD", "exact", None, "2.3亿美元"),
        (10_000_000, "CNY", "at_most", "最高", "最高1000万元"),
        (52_000, "人", "exact", None, "5.2万人"),  # a large count in 万
        (360_000_000, "人", "exact", None, "3.6亿人"),
        (52_001, "人", "exact", None, "52001人"),  # 5.2001万 would need rounding
        (-3.2, "个百分点", "exact", None, "-3.2个百分点"),
        (-0.0, "CNY", "exact", None, "0元"),
        (2.155, "%", "exact", None, "2.155%"),
    ],
)
def test_values_are_written_with_the_hedge_where_chinese_puts_it(
    value, unit, qualifier, hedge, text
):
    assert zh.format_value(value, unit, qualifier, hedge) == text


def test_the_money_scale_never_needs_rounding():
    assert zh.format_value(3_015_600_000_000, "CNY", "exact", None) == "30156亿元"
    assert zh.format_value(3_000_000_000_000, "CNY", "exact", None) == "3万亿元"
    assert zh.money_scale([3_015_600_000_000]) == (10**8, "亿元")
    assert zh.money_scale([5000]) == (1, "元")
    assert zh.money_scale([]) == (1, "元")


def test_a_chart_forces_one_money_scale_on_every_label():
    assert zh.format_value(8_100_000_000, "CNY", "exact", None, money_factor=10**8) == "81亿元"
    assert zh.format_value(5_000_000, "USD", "exact", None, money_factor=10**8) == "0.05亿美元"
    assert zh.money_axis_label([36e9, 8.1e9]) == (10**8, "亿元")
    assert zh.money_axis_label([5e4, 3e4]) == (10**4, "万元")


def test_a_value_that_needs_rounding_is_refused():
    with pytest.raises(FormatError):
        zh.format_value(8_000_000_000.123457, "CNY", "exact", None)
    with pytest.raises(FormatError):
        zh.format_value(1e-7, "家", "exact", None)


def test_every_currency_has_a_chinese_word():
    assert set(zh.CURRENCY_WORDS) == set(CURRENCIES)
    assert zh.CURRENCY_WORDS["CNY"] == "元"


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("4700余家", 4700, "over"),
        ("近3000列", 3000, "approx"),
        ("160小时以上", 160, "at_least"),
        ("1年多", 1, "over"),
        ("2个多月", 2, "over"),
        ("不到31岁", 31, "under"),
        ("2.3亿美元", 230_000_000, "exact"),
        ("3万亿元", 3_000_000_000_000, "exact"),
        ("约260.3亿元", 26_030_000_000, "approx"),
        ("第4名", 4, "exact"),
        ("38.85平方公里", 38.85, "exact"),
        ("-3.2个百分点", -3.2, "exact"),
    ],
)
def test_a_written_value_is_read_back(text, value, qualifier):
    assert zh.parse_value(text) == (value, qualifier)


@pytest.mark.parametrize("text", ["", "约", "abc", "4700家企业入驻了示范区", "about 4,700"])
def test_text_that_is_no_written_value_is_refused(text):
    with pytest.raises(ValueError, match="not a formatted value"):
        zh.parse_value(text)


def test_trailing_hedges_are_the_after_hedges_and_duo():
    assert {"以上", "及以上", "以下", "左右", "多"} <= zh.TRAILING_HEDGES
    assert "近" not in zh.TRAILING_HEDGES and "余" not in zh.TRAILING_HEDGES


def test_scales_are_largest_first():
    assert list(zh.SCALES.items()) == [("万亿", 10**12), ("亿", 10**8), ("万", 10**4)]


@pytest.mark.parametrize(
    ("unit", "label"),
    [("CNY", "元"), ("%", "%"), ("km2", "平方公里"), ("月", "个月"), ("家", "家"), ("", "")],
)
def test_unit_label(unit, label):
    assert zh.unit_label(unit) == label


@pytest.mark.parametrize("rank", [1, 2, 4, 11, 21])
def test_rank_text(rank):
    assert zh.rank_text(rank) == f"第{rank}名"


@pytest.mark.parametrize(
    ("iso", "text"),
    [("2023", "2023年"), ("2023-05", "2023年5月"), ("2023-05-10", "2023年5月10日")],
)
def test_format_date(iso, text):
    assert zh.format_date(iso) == text


@pytest.mark.parametrize(
    ("start", "end", "with_year", "text"),
    [
        ("2023-05-15", "2023-05-19", True, "2023年5月15日至19日"),
        ("2023-05-15", "2023-05-19", False, "5月15日至19日"),
        ("2023-05-30", "2023-06-02", True, "2023年5月30日至2023年6月2日"),
        ("2023-05-30", "2023-06-02", False, "5月30日至6月2日"),
        ("2021", "2023", True, "2021年至2023年"),
        ("2023-05-15", None, True, "2023年5月15日"),
        ("2023-05-15", "2023-05-15", False, "5月15日"),
    ],
)
def test_format_date_range(start, end, with_year, text):
    assert zh.format_date_range(start, end, with_year=with_year) == text


def test_derivation_text():
    assert zh.derivation_text("2021年外贸额", "外贸额 ÷ 1.383") == (
        "2021年外贸额：按“外贸额 ÷ 1.383”推算，原文未直接报道。"
    )


def test_running_text_puts_no_spaces_and_chinese_punctuation():
    words = (zh.COLON, zh.COMMA, zh.SEMICOLON, zh.FULL_STOP, zh.SPACE)
    assert words == ("：", "、", "；", "。", "")
    assert zh.aside("2022年") == "（2022年）"
    assert zh.OF_WHICH == "，其中"


def test_folded_lines_lose_the_spaces_next_to_chinese():
    assert zh.joined_lines("上合示范区 外贸 growth rate") == "上合示范区外贸growth rate"


def test_ranks_and_periods_are_worded_the_chinese_way():
    assert zh.ranked("第1名", 2022) == "2022年度第1名"
    assert zh.assessment_year(2020) == "2020年度"
    assert zh.as_of("2023年4月") == "截至2023年4月"
    first, last = ("2020年度", "第4名"), ("2022年度", "第1名")
    assert zh.rank_moved(first, last, "up") == "排名由2020年度第4名升至2022年度第1名。"
    assert zh.rank_moved(last, first, "down") == "排名由2022年度第1名降至2020年度第4名。"
    assert zh.rank_moved(first, first, "held").startswith("排名由2020年度第4名保持")


def test_sources_are_named_with_book_title_marks():
    assert zh.source_line("青岛日报", "2023年5月18日") == "来源：青岛日报，2023年5月18日"
    note = zh.page_note("360亿元", "外贸达360亿元", "上合搭桥")
    assert note == "360亿元：“外贸达360亿元”《上合搭桥》"


def test_a_draft_marks_what_is_still_to_write():
    assert zh.TO_BE_WRITTEN == "（待补充）"
    assert zh.draft("标题") == "（草稿）标题"


@pytest.mark.parametrize(
    ("text", "digits", "qualifier"),
    [
        ("近3000列", "3000", "approx"),  # before
        ("4700余家", "4700", "over"),  # inside
        ("160小时以上", "160", "at_least"),  # after the measure word
        ("最高可达400万元", "400", "at_most"),  # a link between hedge and number
        ("签约30个项目", "30", None),  # 约 ends 签约: no hedge
        ("最近20年", "20", None),  # 近 ends 最近
    ],
)
def test_a_chinese_page_is_read_with_its_hedges(text, digits, qualifier):
    match = zh.READING.pattern.search(text)
    assert match.group("digits") == digits
    assert zh.READING.qualifier(match, text) == qualifier


def test_a_chinese_page_reads_scales_and_numerals():
    match = zh.READING.pattern.search("360亿元")
    assert (match.group("digits"), match.group("scale")) == ("360", "亿")
    assert zh.READING.numerals and zh.READING.embedded is None


@pytest.mark.parametrize(
    ("text", "end", "quantity"),
    [("4700家", 4, True), ("38.3%", 4, True), ("2025年6月", 4, False), ("÷ 100\n给予", 5, False)],
)
def test_a_chinese_number_is_a_quantity_before_its_measure_word(text, end, quantity):
    assert zh.READING.is_quantity(text, end) is quantity


def test_chinese_text_is_found_on_another_page():
    text = "as the article says “提升约20%” in 2023"
    assert [m.group() for m in zh.READING.run.finditer(text)] == ["“提升约20%”"]


def test_a_slide_note_names_the_sentence_and_the_article():
    assert zh.slide_note("360亿元", "对外贸易额达360亿元", "上合新动能") == (
        "360亿元 — “对外贸易额达360亿元” 《上合新动能》"
    )
    assert zh.slide_derivation("22.5%", "按“甲 ÷ 乙”推算") == "22.5% — 按“甲 ÷ 乙”推算"
