"""Chart specs: shorthand items, inputs checked by the kind, takeaways in pairs."""

import pytest

from reportgen.charts.spec import ChartSpec


def spec(**fields):
    return ChartSpec.model_validate({"id": "x", "title_zh": "x", "title_en": "x", **fields})


def test_metric_ids_may_be_written_as_plain_ids():
    chart = spec(kind="bar", metrics=["a", {"metric": "b", "label_zh": "乙"}])
    assert [(i.metric, i.label["zh"]) for i in chart.metrics] == [("a", None), ("b", "乙")]


def test_inputs_are_checked_by_the_kind():
    with pytest.raises(ValueError, match="a 'column' chart needs series"):
        spec(kind="column", metrics=["a"])
    with pytest.raises(ValueError, match="a 'rank' chart needs table: rankings"):
        spec(kind="rank", metrics=["a"])


def test_takeaways_come_in_pairs():
    with pytest.raises(ValueError, match="takeaway_zh and takeaway_en together"):
        spec(kind="kpi", metrics=["a"], takeaway_zh="x")
    both = spec(kind="kpi", metrics=["a"], takeaway_zh="{a}", takeaway_en="{a}")
    assert both.takeaway["en"] == "{a}"


def test_metric_ids_include_totals_and_takeaway_placeholders_once():
    chart = spec(
        kind="composition",
        metrics=["a", "b"],
        total="t",
        takeaway_zh="{t}，其中{a}",
        takeaway_en="{t}, {c}",
    )
    assert chart.metric_ids() == ["a", "b", "t", "c"]
    series = spec(
        kind="column",
        series=[{"label_zh": "s", "label_en": "s", "metrics": ["x", "y"]}],
    )
    assert series.metric_ids() == ["x", "y"]


def test_texts_are_localized_whether_written_per_language_or_as_a_mapping():
    suffixed = spec(kind="kpi", metrics=["a"], subtitle_zh="副", subtitle_en="Sub")
    mapped = ChartSpec.model_validate(
        {
            "id": "x",
            "title": {"zh": "x", "en": "x"},
            "subtitle": {"zh": "副", "en": "Sub"},
            "kind": "kpi",
            "metrics": ["a"],
        }
    )
    assert suffixed == mapped
    assert dict(suffixed.subtitle) == {"zh": "副", "en": "Sub"}
    assert dict(spec(kind="kpi", metrics=["a"]).note) == {"zh": None, "en": None}


def test_a_missing_title_language_is_refused():
    with pytest.raises(ValueError) as caught:
        ChartSpec.model_validate({"id": "x", "kind": "kpi", "metrics": ["a"], "title_zh": "x"})
    assert [e["loc"] for e in caught.value.errors()] == [("title", "en")]
