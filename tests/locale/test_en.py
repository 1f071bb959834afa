"""English numbers, units, ranks, dates and derivations, written and read back."""

from __future__ import annotations

import pytest

from reportgen import locale
from reportgen.locale import en
from reportgen.locale.numbers import FormatError


def test_en_provides_the_language_interface():
    assert isinstance(en, locale.Language)
    assert locale.get("en") is en


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "hedge", "text"),
    [
        (36_000_000_000, "CNY", "exact", None, "CNY 36 bn"),
        (38.3, "%", "exact", None, "38.3%"),
        (4700, "家", "over", "余", "over 4,700"),  # a measure word English leaves out
        (3000, "列", "approx", "近", "nearly 3,000"),  # 近 has a closer word than "about"
        (130_000_000_000, "CNY", "over", "超过", "more than CNY 130 bn"),
        (31, "岁", "under", "不到", "under 31 years"),
        (160, "小时", "at_least", "以上", "at least 160 hours"),
        (1, "年", "over", "多", "over 1 year"),  # singular
        (1.5, "小时", "at_most", "以内", "within 1.5 hours"),
        (100, "家", "approx", "接近", "nearly 100"),
        (10_000_000, "CNY", "at_most", "最高", "up to CNY 10 mn"),
        (26_030_000_000, "CNY", "approx", None, "about CNY 26.03 bn"),
        (3, "版", "exact", None, "v3.0"),
        (4, "名", "exact", None, "No. 4"),
        (38.85, "km2", "exact", None, "38.85 km²"),
        (2, "人", "exact", None, "2 people"),
        (230_000_000, "USD", "exact", None, "USD 230 mn"),
        (5000, "CNY", "exact", None, "CNY 5,000"),  # below every scale
        (3_015_600_000_000, "CNY", "exact", None, "CNY 3,015.6 bn"),  # 3.0156 tn would round
        (-3.2, "个百分点", "exact", None, "-3.2 percentage points"),
        (-0.0, "%", "exact", None, "0%"),
        (4700, "家", "exact", "余", "4,700"),  # an exact value prints no hedge
    ],
)
def test_values_are_written_with_an_english_hedge(value, unit, qualifier, hedge, text):
    assert en.format_value(value, unit, qualifier, hedge) == text


def test_a_chart_forces_one_money_scale_on_every_label():
    assert en.format_value(8_100_000_000, "CNY", "exact", None, money_factor=10**9) == "CNY 8.1 bn"
    assert en.format_value(-0.0, "CNY", "exact", None, money_factor=10**9) == "CNY 0 bn"
    assert en.money_axis_label([36e9, 8.1e9]) == (10**9, "CNY bn")
    assert en.money_axis_label([5000]) == (1, "CNY")


def test_a_value_that_needs_rounding_is_refused():
    with pytest.raises(FormatError):
        en.format_value(8_000_000_000.123457, "CNY", "exact", None)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("over 4,700", 4700, "over"),
        ("nearly 3,000", 3000, "approx"),
        ("more than CNY 130 bn", 130_000_000_000, "over"),
        ("about CNY 26.03 bn", 26_030_000_000, "approx"),
        ("USD 230 mn", 230_000_000, "exact"),
        ("at least 160 hours", 160, "at_least"),
        ("up to CNY 10 mn", 10_000_000, "at_most"),
        ("38.3%", 38.3, "exact"),
        ("No. 4", 4, "exact"),
        ("v3.0", 3, "exact"),
    ],
)
def test_a_written_value_is_read_back(text, value, qualifier):
    assert en.parse_value(text) == (value, qualifier)


@pytest.mark.parametrize("text", ["", "over", "4700余家", "some 4,700"])
def test_text_that_is_no_written_value_is_refused(text):
    with pytest.raises(ValueError, match="not a formatted value"):
        en.parse_value(text)


@pytest.mark.parametrize(
    ("unit", "label"),
    [
        ("天", "days"),
        ("km2", "km²"),
        ("CNY", "CNY"),
        ("%", "%"),
        ("家", ""),
        ("/10万", "per 100,000"),
    ],
)
def test_unit_label(unit, label):
    assert en.unit_label(unit) == label


@pytest.mark.parametrize(
    ("rank", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
    ],
)
def test_rank_text(rank, text):
    assert en.rank_text(rank) == text


@pytest.mark.parametrize(
    ("iso", "text"),
    [("2023", "2023"), ("2023-05", "May 2023"), ("2023-05-10", "10 May 2023")],
)
def test_format_date(iso, text):
    assert en.format_date(iso) == text


def test_months_are_in_calendar_order():
    assert en.MONTHS[0] == "January" and en.MONTHS[11] == "December" and len(en.MONTHS) == 12


@pytest.mark.parametrize(
    ("start", "end", "with_year", "text"),
    [
        ("2023-05-15", "2023-05-19", True, "15–19 May 2023"),
        ("2023-05-15", "2023-05-19", False, "15–19 May"),
        ("2023-05-30", "2023-06-02", True, "30 May 2023 – 2 June 2023"),
        ("2023-05-30", "2023-06-02", False, "30 May – 2 June"),
        ("2021", "2023", True, "2021 – 2023"),
        ("2023-05-15", None, True, "15 May 2023"),
    ],
)
def test_format_date_range(start, end, with_year, text):
    assert en.format_date_range(start, end, with_year=with_year) == text


def test_derivation_text():
    assert en.derivation_text("Trade 2021", "trade ÷ 1.383") == (
        "Trade 2021: computed as trade ÷ 1.383; not reported in the article."
    )


def test_running_text_is_spaced_and_punctuated_the_english_way():
    words = (en.COLON, en.COMMA, en.SEMICOLON, en.FULL_STOP, en.SPACE)
    assert words == (": ", ", ", "; ", ".", " ")
    assert en.aside("2022") == " (2022)"
    assert en.OF_WHICH == ", of whom "


def test_folded_lines_keep_their_spaces():
    assert en.joined_lines("Foreign trade grew") == "Foreign trade grew"


def test_ranks_and_periods_are_worded_the_english_way():
    assert en.ranked("1st", 2022) == "1st in 2022"
    assert en.assessment_year(2020) == "2020"
    assert en.as_of("Apr 2023") == "as of Apr 2023"
    first, last = ("2020", "4th"), ("2022", "1st")
    assert en.rank_moved(first, last, "up") == "The rank rose from 4th in 2020 to 1st in 2022."
    assert en.rank_moved(last, first, "down") == "The rank fell from 1st in 2022 to 4th in 2020."
    assert en.rank_moved(first, first, "held").startswith("The rank held from 4th")


def test_sources_are_named_in_brackets():
    assert en.source_line("Qingdao Daily", "18 May 2023") == "Source: Qingdao Daily, 18 May 2023"
    note = en.page_note("CNY 36 bn", "trade reached", "SCO bridge")
    assert note == "CNY 36 bn: “trade reached” (SCO bridge)"


def test_a_draft_marks_what_is_still_to_write():
    assert en.TO_BE_WRITTEN == "(to be written)"
    assert en.draft("Title") == "(draft) Title"


@pytest.mark.parametrize(
    ("text", "digits", "scale", "qualifier"),
    [
        ("more than CNY 130 bn", "130", "bn", "over"),
        ("nearly 3,000 trains", "3,000", None, "approx"),
        ("4,700 enterprises", "4,700", None, None),
    ],
)
def test_an_english_page_is_read_with_its_hedges(text, digits, scale, qualifier):
    match = en.READING.pattern.search(text)
    assert (match.group("digits"), match.group("scale")) == (digits, scale)
    assert en.READING.qualifier(match, text) == qualifier


@pytest.mark.parametrize(
    ("text", "end", "quantity"),
    [
        ("4,700 enterprises", 5, True),
        ("38.3%", 4, True),
        ("30 June 2025", 2, False),  # a day before its month
        ("June 30 2025", 7, False),  # a day after its month
        ("÷ 100", 5, False),
    ],
)
def test_an_english_number_is_a_quantity_before_its_unit(text, end, quantity):
    assert en.READING.is_quantity(text, end) is quantity


def test_an_english_page_reads_the_chinese_it_quotes_the_chinese_way():
    assert en.READING.embedded == "zh" and not en.READING.numerals


def test_a_slide_note_names_the_sentence_and_the_article():
    assert en.slide_note("CNY 36 bn", "对外贸易额达360亿元", "上合新动能") == (
        'CNY 36 bn — “对外贸易额达360亿元” "上合新动能"'
    )
    assert en.slide_derivation("22.5%", "computed as A ÷ B") == "22.5% — computed as A ÷ B"
