"""Lookups every kind's resolve part shares: traced points, one unit per axis, notes."""

import dataclasses

import pytest

from reportgen.charts import lookup
from reportgen.charts.spec import ChartSpec, Item


def spec(**fields):
    return ChartSpec.model_validate(
        {"id": "x", "kind": "bar", "title_zh": "x", "title_en": "x", "metrics": ["a"], **fields}
    )


def test_point_carries_text_hedge_derivation_and_source(seed):
    over = lookup.point(seed.metric("platform_enterprises"), "入驻企业", "zh")
    assert (over.label, over.value, over.text) == ("入驻企业", 4700.0, "4700余家")
    assert (over.qualifier, over.derived, over.sources) == (
        "over",
        False,
        ("platform_enterprises",),
    )
    implied = lookup.point(seed.metric("foreign_trade_2021_implied"), "2021年", "zh")
    assert implied.derived and implied.qualifier == "approx"
    assert implied.text == "约260.3亿元" and implied.value == 26_030_000_000


def test_a_point_shows_its_value_as_every_other_place_does(seed):
    """Issue 14: a chart of 3.4万亿元 beside 360亿元 printed 超过34000亿元 (the axis's 亿
    scale) where the slide said 超过3.4万亿元. The label is the content's own text; the
    axis keeps one scale for the bars."""
    from reportgen.content.facts import Facts

    big = seed.metric("foreign_trade_2022").model_copy(
        update={"id": "big", "value": 3.4e12, "qualifier": "over", "hedge": "超过"}
    )
    small = seed.metric("foreign_trade_2022")
    data = dataclasses.replace(seed, metrics=(*seed.metrics, big))
    assert lookup.point(big, "x", "zh").text == "超过3.4万亿元"
    for lang in ("zh", "en"):  # the chart and the slide's sentences: one decision
        assert lookup.point(big, "x", lang).text == Facts(data, lang).value("big").text
    assert lookup.point(small, "x", "zh").text == "360亿元"
    from reportgen.charts.resolve import resolve_chart

    chart = resolve_chart(spec(metrics=["big", small.id]), data, "zh")
    assert sorted(p.text for p in chart.points()) == ["360亿元", "超过3.4万亿元"]
    assert chart.scale == 100_000_000  # the bars: 34000 and 360 on one 亿元 axis


def test_item_label_prefers_the_spec_over_the_metric(seed):
    metric = seed.metric("staff_masters")
    assert lookup.item_label(Item(metric="staff_masters", label_zh="硕士"), metric, "zh") == "硕士"
    assert lookup.item_label(Item(metric="staff_masters"), metric, "zh") == "其中硕士研究生"


def test_one_axis_holds_one_unit(seed):
    same = [seed.metric("staff_masters"), seed.metric("staff_doctorates")]
    assert lookup.one_unit(spec(), same) == "人"
    mixed = [seed.metric("staff_total"), seed.metric("platform_phase1_days")]
    with pytest.raises(lookup.ChartError, match=r"chart 'x': one axis cannot mix units 人, 天"):
        lookup.one_unit(spec(), mixed)


def test_axis_scales_money_and_names_other_units():
    factor, scale, label = lookup.axis("CNY", [36e9, 8.1e9], "zh")
    assert (factor, scale, label) == (100_000_000, 1e8, "亿元")
    assert lookup.axis("CNY", [36e9, 8.1e9], "en") == (1_000_000_000, 1e9, "CNY bn")
    assert lookup.axis("人", [144], "zh") == (None, 1.0, "人")


def test_derivation_notes_name_the_inputs_once(seed):
    implied = seed.metric("staff_bachelors")
    notes = lookup.derivation_notes([implied, seed.metric("staff_total"), implied], seed, "zh")
    assert len(notes) == 1
    assert notes[0].startswith("其中本科学历（推算）：按“管委会工作人员（2023年5月）")
    assert lookup.derivation_notes([seed.metric("staff_total")], seed, "zh") == ()


def test_metric_labels_carry_the_period(seed):
    zh = lookup.metric_labels(seed, "zh")
    en = lookup.metric_labels(seed, "en")
    assert zh["foreign_trade_2022"] == "对外贸易额（2022年）"
    assert en["staff_total"].endswith(" (May 2023)")
    assert set(zh) == {m.id for m in seed.metrics}
