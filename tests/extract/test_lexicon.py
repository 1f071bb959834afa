"""The extractor's word lists: complete, consistent with the locale and the schema, no overlaps."""

from __future__ import annotations

import pytest

from reportgen.data.schema import CURRENCIES
from reportgen.extract import lexicon
from reportgen.locale import zh


def test_the_hedges_are_the_locales_split_by_where_they_stand():
    before, after = lexicon.PREFIX_HEDGES, lexicon.SUFFIX_HEDGES
    assert not set(before) & set(after)
    assert {**before, **after} == zh.HEDGES  # every hedge word, none added, none lost
    assert before["近"] == "approx" and before["最高"] == "at_most"
    assert after["余"] == "over" and after["以内"] == "at_most" and after["左右"] == "approx"
    assert "余" not in before and "近" not in after


def test_every_currency_of_the_schema_is_read_from_its_word():
    codes = lexicon.CURRENCY_CODES
    assert set(codes.values()) == set(CURRENCIES)
    assert codes["元"] == "CNY" and codes["美元"] == "USD" and codes["港元"] == "HKD"
    assert codes["人民币"] == "CNY" and codes["美金"] == "USD" and codes["港币"] == "HKD"


@pytest.mark.parametrize("word", ["家", "个", "列", "人次", "班次", "班", "TEU", "标准箱", "吨"])
def test_measure_words_include_the_classifiers_news_uses(word):
    assert word in lexicon.MEASURE_WORDS


def test_measure_words_are_not_time_units_currencies_or_magnitudes():
    measures = lexicon.MEASURE_WORDS
    assert not measures & set(lexicon.TIME_UNITS)
    assert not measures & set(lexicon.CURRENCY_CODES)
    assert not measures & set(lexicon.MAGNITUDES)
    assert all(word and not any(ch.isspace() for ch in word) for word in measures)


def test_no_time_unit_is_cut_short_by_an_earlier_one():
    """The alternation takes the first unit that matches: a unit listed before a longer one
    that starts with it would cut that one short (年 before 年代 would read 90年 alone)."""
    units = lexicon.TIME_UNITS
    for i, earlier in enumerate(units):
        assert not any(later.startswith(earlier) for later in units[i + 1 :]), earlier
    assert {"个月", "小时", "工作日", "天", "年"} <= set(units)


def test_magnitudes_scale_as_chinese_counts():
    assert lexicon.MAGNITUDES == {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}


def test_names_that_are_not_facts_each_hold_a_numeral():
    """A name without a numeral could never be mistaken for a figure: it would be dead weight."""
    assert all(any(ch in lexicon.CN for ch in name) for name in lexicon.NOT_FACTS)
    assert len(set(lexicon.NOT_FACTS)) == len(lexicon.NOT_FACTS)
    assert {"一带一路", "十四五", "千方百计", "百闻不如一见"} <= set(lexicon.NOT_FACTS)


def test_rank_names_begin_with_a_rank_and_are_names():
    assert all(name.startswith("第") for name in lexicon.RANK_NAMES)
    assert set(lexicon.RANK_NAMES) <= set(lexicon.NOT_FACTS)


def test_relative_years_count_from_the_articles_year():
    assert lexicon.RELATIVE_YEARS == {"去年": -1, "今年": 0, "前年": -2, "明年": 1}
    assert not set(lexicon.SAME_YEAR_WORDS) & set(lexicon.RELATIVE_YEARS)


def test_decrease_verbs_say_down_and_no_increase_does():
    assert {"下降", "减少", "缩短", "同比下降"} <= set(lexicon.DOWN_VERBS)
    assert not {"增长", "增加", "提高", "上升"} & set(lexicon.DOWN_VERBS)


def test_word_lists_are_written_without_blanks():
    for words in (
        lexicon.NOT_FACTS,
        lexicon.LEAD_VERBS,
        lexicon.NOUN_ENDS,
        lexicon.RANK_VERBS,
        lexicon.DOWN_VERBS,
    ):
        assert all(word and word == word.strip() and " " not in word for word in words)
    assert "达" in lexicon.LEAD_VERBS and "企业" not in lexicon.LEAD_VERBS
    assert "入驻" in lexicon.NOUN_ENDS and "的" in lexicon.NOUN_ENDS


def test_the_ranking_and_event_word_lists_are_words_without_repeats():
    for name in (
        "PLACE_VERBS",
        "BOUND_VERBS",
        "ASSESSMENT_WORDS",
        "ENTITY_HEADS",
        "MEASURE_HEADS",
        "LEAD_WORDS",
        "SUBJECT_STOPS",
        "ACTION_VERBS",
        "REPORT_VERBS",
        "PLANNED_WORDS",
        "DEADLINE_WORDS",
        "DAY_WORDS",
    ):
        words = getattr(lexicon, name)
        assert words and all(w and not any(ch.isspace() for ch in w) for w in words), name
        assert len(set(words)) == len(words), name
    assert set(lexicon.RANK_VERBS) <= set(lexicon.PLACE_VERBS)
    assert not set(lexicon.ENTITY_HEADS) & set(lexicon.MEASURE_HEADS)  # a head is one or other
    assert set(lexicon.STOP_GUARDS) | set(lexicon.STOP_AFTER_GUARDS) <= set(lexicon.SUBJECT_STOPS)
