"""Field rules the schema holds: real dates, ordered intervals, bounded values, display text."""

from __future__ import annotations

import datetime

import pytest
from pydantic import ValidationError

from reportgen.data.schema import MAX_VALUE, Event, Metric, date_span

METRIC = dict(
    id="x",
    label_zh="对外贸易额",
    label_en="Foreign trade",
    value=25,
    unit="%",
    qualifier="exact",
    period="2023",
    topic="trade",
    article="a",
    quote="增长25%",
)
EVENT = dict(
    id="e",
    date="2023-05-15",
    date_basis="stated",
    title_zh="签约",
    title_en="Signing",
    status="held",
    article="a",
    quote="5月15日签约",
)


def errors(model, **fields) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as error:
        model(**fields)
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in error.value.errors()]


def test_date_span_covers_years_months_and_leap_days():
    assert date_span("2024") == (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert date_span("2024-02")[1] == datetime.date(2024, 2, 29)
    assert date_span("2024-02-29") == (datetime.date(2024, 2, 29),) * 2


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2022-02-30", "2022-02-30 is not a calendar date (2022-02 has 28 days)"),
        ("2023-02-29", "not a calendar date"),
        ("0000", "year 0000 is outside 1900-2100"),
        ("2022-12/2022-01", "the period's end 2022-01 is before its start 2022-12"),
        ("2022/2021-12-31", "is before its start 2022"),
        ("2022-01/2022-04-31", "2022-04-31 is not a calendar date"),
    ],
)
def test_periods_are_real_ordered_calendar_dates(period, message):
    [(field, text)] = errors(Metric, **{**METRIC, "period": period})
    assert field == "period" and message in text


@pytest.mark.parametrize("period", ["2024-02-29", "2022/2022-03", "2022-05-17/2022-05", "2023"])
def test_real_periods_are_kept(period):
    assert Metric(**{**METRIC, "period": period}).period == period


def test_event_dates_are_real_and_ordered():
    [(field, text)] = errors(Event, **{**EVENT, "date": "2022-02-30"})
    assert field == "date" and "not a calendar date" in text
    assert (
        "end_date 2023-05-01 is before date 2023-05-15"
        in errors(Event, **{**EVENT, "end_date": "2023-05-01"})[0][1]
    )
    assert Event(**{**EVENT, "end_date": "2023-05-19"}).end_date == "2023-05-19"


def test_values_are_bounded_and_a_negative_zero_is_zero():
    assert errors(Metric, **{**METRIC, "value": MAX_VALUE * 2})[0][0] == "value"
    assert Metric(**{**METRIC, "value": -MAX_VALUE}).value == -MAX_VALUE
    zero = Metric(**{**METRIC, "value": -0.0, "quote": "增长0%"}).value
    assert zero == 0 and str(zero) == "0.0"


@pytest.mark.parametrize(
    ("field", "loc"),
    [("label_zh", "label.zh"), ("label_en", "label.en"), ("quote", "quote"), ("hedge", "hedge")],
)
def test_every_displayed_field_follows_the_text_rule(field, loc):
    """A localised field is checked per language (the file form label_zh is the model's
    label.zh; the loader reports it as the file writes it: tests/data/test_loader.py)."""
    fields = {**METRIC, "qualifier": "approx", "hedge": "近", field: "近\u200b25%"}
    [(where, text)] = errors(Metric, **fields)
    assert where == loc and "U+200B ZERO WIDTH SPACE" in text


def test_event_lists_and_places_follow_the_text_rule():
    [(where, text)] = errors(
        Event, **{**EVENT, "parties_zh": ["甲", "乙\ue000"], "parties_en": ["A", "B"]}
    )
    assert where == "parties.zh.1" and "U+E000" in text and "private-use" in text
    [(where, _)] = errors(Event, **{**EVENT, "place_en": "Qingdao\u202e"})
    assert where == "place.en"


def test_a_ranking_names_who_is_ranked_and_in_what_when_the_article_does():
    from reportgen.data.schema import Ranking

    plain = Ranking.model_validate(
        dict(id="r", year=2022, rank=1, article="a", quote="2022年度第一名")
    )
    assert plain.entity["zh"] is None and plain.assessment["en"] is None and plain.reviewed
    named = Ranking.model_validate(
        dict(
            id="r",
            year=2023,
            rank=18,
            entity_zh="青岛西海岸新区",
            entity_en="West Coast New Area",
            assessment_zh="全省开发区综合考核",
            article="a",
            quote="青岛西海岸新区、胶州湾经济区分别位列第18、23位",
            reviewed=False,
        )
    )
    assert (named.entity["en"], named.assessment["zh"], named.reviewed) == (
        "West Coast New Area",
        "全省开发区综合考核",
        False,
    )
    with pytest.raises(ValidationError, match="entity"):
        Ranking.model_validate(
            dict(id="r", year=2023, rank=1, entity_zh="\x1f", article="a", quote="第一")
        )
