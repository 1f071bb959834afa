"""Dates and periods: ISO strings, years relative to the article, months and days that are none."""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.extract.dates import chinese_date, date_value, iso, period_value, year_of
from reportgen.extract.patterns import PATTERNS

ARTICLE = dt.date(2025, 9, 12)


def matched(kind: str, text: str):
    """The first pattern of ``kind`` that reads the whole of ``text``, and its match."""
    return next(m for k, p in PATTERNS if k == kind and (m := p.fullmatch(text)))


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        ((2022, 6, None), "2022-06"),
        (("2022", "6", "1"), "2022-06-01"),
        (("2024", None, None), "2024"),
        ((None, "5", "17"), "--05-17"),  # the year unknown
        ((None, "1", None), "--01"),
    ],
)
def test_iso(parts, text):
    assert iso(*parts) == text


def test_the_year_is_stated_or_counted_from_the_article():
    assert year_of({"y": "2022 年 "}, None) == "2022"
    assert year_of({"rel": "去年"}, ARTICLE) == "2024"
    assert year_of({"rel": "明年"}, ARTICLE) == "2026"
    assert year_of({"rel": "去年"}, None) is None  # no article date, no year
    assert year_of({"rel": "同年"}, ARTICLE) is None  # settled after the scan
    assert year_of({}, ARTICLE) is None


@pytest.mark.parametrize(
    ("text", "article", "value"),
    [
        ("5月17日", None, "--05-17"),
        ("2022 年 6 月", None, "2022-06"),
        ("2022年6月1日", None, "2022-06-01"),
        ("去年3月", dt.date(2023, 5, 20), "2022-03"),
        ("今年8月", ARTICLE, "2025-08"),
        ("去年底", ARTICLE, "2024-12"),
        ("今年初", ARTICLE, "2025-01"),
        ("2025年底", None, "2025-12"),
        ("9月底", None, "--09"),
        ("7月", None, "--07"),
        ("2023年", None, "2023"),
    ],
)
def test_dates(text, article, value):
    assert date_value(matched("date", text), article) == value


@pytest.mark.parametrize(
    ("text", "article"),
    [
        ("去年底", None),  # no article date: no year to give
        ("13月", None),
        ("5月32日", None),
    ],
)
def test_dates_that_are_none(text, article):
    assert date_value(matched("date", text), article) is None


@pytest.mark.parametrize(
    ("text", "article", "value"),
    [
        ("今年1至10月", dt.date(2024, 11, 5), ["2024-01", "2024-10"]),
        ("2024年1-9月", None, ["2024-01", "2024-09"]),
        ("1—10月", None, ["--01", "--10"]),
        ("5月至7月", None, ["--05", "--07"]),
        ("5月15日至19日", None, ["--05-15", "--05-19"]),
        ("5月30日至6月2日", None, ["--05-30", "--06-02"]),
        ("2021—2023年", None, ["2021", "2023"]),
        ("90年代", None, ["1990", "1999"]),
        ("上世纪90年代", None, ["1990", "1999"]),
    ],
)
def test_periods(text, article, value):
    assert period_value(matched("date_range", text), article) == value


@pytest.mark.parametrize("text", ["12-1月", "2023—2021年", "1至13月"])
def test_periods_that_do_not_run_forwards_or_are_no_months(text):
    assert period_value(matched("date_range", text), None) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二〇二四年十一月五日", "2024-11-05"),
        ("二〇二四年三月", "2024-03"),
        ("二〇二四年", "2024"),
        ("二〇二四年十三月", None),
    ],
)
def test_dates_in_chinese_digits(text, value):
    assert chinese_date(matched("date", text)) == value
