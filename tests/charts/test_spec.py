"""Chart specs: shorthand items, inputs checked by the kind, takeaways in pairs."""

import pytest

from reportgen.charts.spec import ChartSpec


def spec(**fields):
    return ChartSpec.model_validate({"id": "x", "title_zh": "x", "title_en": "x", **fields})


def test_metric_ids_may_be_written_as_plain_ids():
    chart = spec(kind="bar", metrics=["a", {"metric": "b", "label_zh": "乙"}])
    assert [(i.metric, i.label_zh) for i in chart.metrics] == [("a", None), ("b", "乙")]


def test_inputs_are_checked_by_the_kind():
    with pytest.raises(ValueError, match="a 'column' chart needs series"):
        spec(kind="column", metrics=["a"])
    with pytest.raises(ValueError, match="a 'rank' chart needs table: rankings"):
        spec(kind="rank", metrics=["a"])


def test_takeaways_come_in_pairs():
    with pytest.raises(ValueError, match="takeaway_zh and takeaway_en together"):
        spec(kind="kpi", metrics=["a"], takeaway_zh="x")
    both = spec(kind="kpi", metrics=["a"], takeaway_zh="{a}", takeaway_en="{a}")
    assert both.takeaway_en == "{a}"


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
