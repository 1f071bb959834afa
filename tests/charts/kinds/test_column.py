"""Column kind: series over periods, hedges kept, derived values marked in every part."""

import pytest
from matplotlib.patches import Rectangle
from pptx.enum.chart import XL_CHART_TYPE, XL_TICK_LABEL_POSITION
from pptx.enum.dml import MSO_FILL

from reportgen.charts.kinds import column
from reportgen.charts.model import ChartData, Point, Series
from reportgen.charts.resolve import ChartError
from reportgen.charts.spec import ChartSpec


def spec(**fields):
    return ChartSpec.model_validate(
        {"id": "x", "kind": "column", "title_zh": "x", "title_en": "x", **fields}
    )


def two_series(lang="zh"):
    """Two series over two periods; the first value is derived, one value is hedged."""
    zh = lang == "zh"
    a = (
        Point("2021", 10, "约10亿元" if zh else "about CNY 1 bn", derived=True),
        Point("2022", 20, "20亿元" if zh else "CNY 2 bn"),
    )
    b = (
        Point("2021", 3, "3亿元" if zh else "CNY 0.3 bn"),
        Point("2022", 4, "近4亿元" if zh else "nearly CNY 0.4 bn", qualifier="approx"),
    )
    return ChartData(
        id="t",
        kind="column",
        lang=lang,
        title="贸易" if zh else "Trade",
        categories=("2021年", "2022年") if zh else ("2021", "2022"),
        series=(Series("总额" if zh else "Total", a), Series("其中" if zh else "of which", b)),
    )


def test_a_column_chart_needs_series():
    with pytest.raises(ValueError, match="a 'column' chart needs series"):
        spec()


def test_resolve_keeps_hedges_and_marks_derived(seed, briefing):
    fields = column.resolve(briefing.chart("foreign_trade"), seed, "zh")
    assert fields["categories"] == ("2021年", "2022年")
    assert fields["axis_label"] == "亿元" and fields["scale"] == 1e8
    total, sco = fields["series"]
    assert total.label == "对外贸易额"
    assert [p.text for p in total.points] == ["约260.3亿元", "360亿元"]
    assert [p.derived for p in total.points] == [True, False]
    assert [p.text for p in sco.points] == ["约40.4亿元", "81亿元"]
    assert [p.sources for p in sco.points] == [("sco_trade_2021_implied",), ("sco_trade_2022",)]
    assert len(fields["footnotes"]) == 2 and all("推算" in n for n in fields["footnotes"])


def test_resolve_in_english(seed, briefing):
    fields = column.resolve(briefing.chart("foreign_trade"), seed, "en")
    assert fields["axis_label"] == "CNY bn" and fields["categories"] == ("2021", "2022")
    assert [p.text for p in fields["series"][0].points] == ["about CNY 26.03 bn", "CNY 36 bn"]
    assert "not reported in the article" in fields["footnotes"][0]


def test_every_series_needs_as_many_metrics(seed):
    uneven = spec(
        series=[
            {"label_zh": "a", "label_en": "a", "metrics": ["foreign_trade_2022"]},
            {
                "label_zh": "b",
                "label_en": "b",
                "metrics": ["sco_trade_2021_implied", "sco_trade_2022"],
            },
        ]
    )
    with pytest.raises(ChartError, match="every series needs the same number of metrics"):
        column.resolve(uneven, seed, "zh")


def test_alt_body_gives_each_period_every_series():
    assert column.alt_body(two_series()) == [
        "2021年：总额约10亿元（推算）、其中3亿元",
        "2022年：总额20亿元、其中近4亿元",
    ]


def test_takeaway_reads_the_latest_period():
    assert column.takeaway(two_series()) == "2022年：总额20亿元、其中近4亿元。"
    english = two_series("en")
    assert column.alt_body(english)[0] == (
        "2021: Total about CNY 1 bn (derived), of which CNY 0.3 bn"
    )
    assert column.takeaway(english) == "2022: Total CNY 2 bn, of which nearly CNY 0.4 bn."


def test_draw_makes_one_labelled_column_per_value(drawn, texts):
    chart = two_series()
    fig = drawn(column.KIND, chart)
    (ax,) = fig.axes
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(bars) == 4
    heights = sorted(round(b.get_height(), 6) for b in bars)
    assert heights == [3, 4, 10, 20]
    derived = next(b for b in bars if round(b.get_height()) == 10)
    assert derived.get_hatch() and not any(b.get_hatch() for b in bars if b is not derived)
    drawn_texts = texts(fig)
    for point in chart.points():
        assert point.text in drawn_texts
    # the legend names both series and the derived fill; the value axis shows no numbers
    assert {"总额", "其中", "推算值"} <= set(drawn_texts)
    assert not any(t.get_visible() and t.get_text() for t in ax.get_yticklabels())
    assert ax.get_ylim()[1] == pytest.approx(20 * 1.16)


def test_native_chart_keeps_display_texts_and_hatches_derived(native):
    chart = two_series()
    frame = native(chart)
    plot = frame.chart.plots[0]
    assert frame.chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(plot.categories) == ["2021年", "2022年"]
    first, second = plot.series
    assert (first.name, second.name) == ("总额", "其中")
    assert list(second.values) == [3, 4]
    assert list(first.values) == [10, 20]
    assert [first.points[j].data_label.text_frame.text for j in range(2)] == ["约10亿元", "20亿元"]
    assert first.points[0].format.fill.type == MSO_FILL.PATTERNED
    assert first.points[1].format.fill.type == MSO_FILL.SOLID
    assert frame.chart.has_legend
    assert frame.chart.value_axis.maximum_scale >= 20 * 1.15


def test_a_fall_hangs_below_zero_with_its_label_under_it(drawn):
    points = (Point("2022年", -8.5, "-8.5%"), Point("2023年", 12.0, "12%"))
    chart = ChartData(
        id="c",
        kind="column",
        lang="zh",
        title="增速",
        categories=("2022年", "2023年"),
        series=(Series("增速", points),),
    )
    fig = drawn(column.KIND, chart)
    ax = fig.axes[0]
    low, high = ax.get_ylim()
    assert low < -8.5 and high > 12
    heights = sorted(round(p.get_height(), 6) for p in ax.patches if isinstance(p, Rectangle))
    assert -8.5 in heights and 12 in heights
    fall = next(t for t in ax.texts if t.get_text() == "-8.5%")
    assert fall.get_position()[1] < -8.5 and fall.get_va() == "top"
    assert fall.get_position()[1] > low


def test_native_columns_reach_below_zero_for_a_fall(native):
    points = (Point("2022年", -8.5, "-8.5%"), Point("2023年", 12.0, "12%"))
    chart = ChartData(
        id="c",
        kind="column",
        lang="zh",
        title="增速",
        categories=("2022年", "2023年"),
        series=(Series("增速", points),),
    )
    drawn = native(chart).chart
    axis = drawn.value_axis
    assert axis.minimum_scale <= -8.5 * 1.15 and axis.maximum_scale >= 12 * 1.15
    assert drawn.category_axis.tick_label_position == XL_TICK_LABEL_POSITION.LOW
