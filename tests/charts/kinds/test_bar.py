"""Bar kind: metrics in one unit, one bar each, with open ends drawn past the bar."""

import matplotlib
import pytest
from matplotlib.patches import Rectangle
from pptx.enum.chart import XL_CHART_TYPE

from reportgen.charts.kinds import bar
from reportgen.charts.model import ChartData, Point, Series
from reportgen.charts.resolve import ChartError
from reportgen.charts.spec import ChartSpec


def spec(**fields):
    return ChartSpec.model_validate(
        {"id": "x", "kind": "bar", "title_zh": "x", "title_en": "x", **fields}
    )


def parks(lang="zh"):
    points = (
        Point("布局园区", 20, "20个"),
        Point("进入建设阶段", 12, "超过12个", qualifier="over"),
        Point("推算园区", 8, "8个", derived=True),
    )
    return ChartData(id="p", kind="bar", lang=lang, title="园区", series=(Series("园区", points),))


def test_a_bar_chart_needs_metrics():
    with pytest.raises(ValueError, match="a 'bar' chart needs metrics"):
        spec()


def test_resolve_labels_from_the_spec_in_one_unit(seed, briefing):
    fields = bar.resolve(briefing.chart("industry_parks"), seed, "zh")
    points = fields["series"][0].points
    assert fields["categories"] == ("布局园区", "进入建设阶段", "入选青岛十大新兴产业专业园区")
    assert [p.text for p in points] == ["20个", "12个", "2个"]
    assert fields["series"][0].label == "产业园区布局"  # the chart's title names the one series
    assert fields["axis_label"] == "个" and fields["scale"] == 1.0
    assert fields["footnotes"] == ()
    english = bar.resolve(briefing.chart("platform_build_speed"), seed, "en")
    assert english["series"][0].points[0].text == "114 days"


def test_one_axis_cannot_mix_units(seed):
    mixed = spec(metrics=["staff_total", "platform_phase1_days"])
    with pytest.raises(ChartError, match="cannot mix units"):
        bar.resolve(mixed, seed, "zh")


def test_describe_lists_every_value_with_its_mark():
    chart = parks()
    assert bar.KIND.alt_body(chart) == [
        "布局园区20个",
        "进入建设阶段超过12个",
        "推算园区8个（推算）",
    ]
    assert bar.KIND.takeaway(chart) == "布局园区20个、进入建设阶段超过12个、推算园区8个（推算）。"


def test_draw_one_bar_per_value_with_an_open_end_arrow(drawn, texts, briefing):
    chart = parks()
    fig = drawn(bar.KIND, chart)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert [round(b.get_width(), 6) for b in bars] == [20, 12, 8]
    primary = matplotlib.colors.to_rgba(briefing.theme.colors.primary)
    assert bars[0].get_facecolor() == primary and bars[1].get_facecolor() == primary
    assert bars[2].get_hatch() and bars[2].get_facecolor() != primary  # derived: lighter
    arrows = [t for t in ax.texts if isinstance(t, matplotlib.text.Annotation)]
    assert len(arrows) == 1  # only the "over" value gets one
    assert arrows[0].xy[0] > 12
    labels = [t.get_text().replace("\n", "") for t in ax.get_yticklabels()]
    assert labels == ["布局园区", "进入建设阶段", "推算园区"]
    assert not ax.xaxis.get_visible()
    assert ax.yaxis_inverted()  # first item at the top
    assert {"20个", "超过12个", "8个", "推算值"} <= set(texts(fig))
    # the longest value label still fits right of the longest bar
    renderer = fig.canvas.get_renderer()
    right = max(t.get_window_extent(renderer).x1 for t in ax.texts if t.get_text())
    assert right <= fig.bbox.x1


def test_native_bars_read_top_down_with_value_labels(native):
    frame = native(parks())
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    series = chart.plots[0].series[0]
    assert list(series.values) == [20, 12, 8]
    assert [series.points[j].data_label.text_frame.text for j in range(3)] == [
        "20个",
        "超过12个",
        "8个",
    ]
    assert chart.category_axis.reverse_order
    assert not chart.value_axis.visible and not chart.has_legend


def test_the_widest_label_is_not_wrapped(drawn):
    fig = drawn(bar.KIND, parks())
    assert "\n" not in fig.axes[0].get_yticklabels()[1].get_text()


def _inside(fig, artist) -> bool:
    """Whether an artist's drawn extent lies within the figure (not clipped off its edge)."""
    box = artist.get_window_extent(fig.canvas.get_renderer())
    return box.x0 >= 0 and box.x1 <= fig.bbox.width


def test_a_fall_is_drawn_left_of_zero_with_its_label_in_view(drawn):
    """A falling value (-40%) beside rises gets its bar and label, not an empty row."""
    points = (
        Point("货物通关时间", -40, "-40%"),
        Point("进出口增速", 12.6, "12.6%"),
    )
    chart = ChartData(id="n", kind="bar", lang="zh", title="变化", series=(Series("变化", points),))
    fig = drawn(bar.KIND, chart)
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    assert low < -40 and high > 12.6
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() < 1]
    assert sorted(round(b.get_width(), 6) for b in bars) == [-40, 12.6]
    labels = {t.get_text(): t for t in ax.texts}
    assert set(labels) == {"-40%", "12.6%"}
    assert all(_inside(fig, label) for label in labels.values())
    assert labels["-40%"].get_position()[0] < -40 < 0 < labels["12.6%"].get_position()[0]


def test_native_bars_reach_below_zero_for_a_fall(native):
    points = (Point("货物通关时间", -40, "-40%"), Point("进出口增速", 12.6, "12.6%"))
    chart = ChartData(id="n", kind="bar", lang="zh", title="变化", series=(Series("变化", points),))
    axis = native(chart).chart.value_axis
    assert axis.minimum_scale <= -40 * 1.7 and axis.maximum_scale >= 12.6 * 1.7
    assert native(parks()).chart.value_axis.minimum_scale == 0


def test_native_bar_labels_stay_at_the_left_edge_when_a_bar_falls(native):
    from pptx.enum.chart import XL_TICK_LABEL_POSITION

    points = (Point("货物通关时间", -40, "-40%"), Point("进出口增速", 12.6, "12.6%"))
    chart = ChartData(id="n", kind="bar", lang="zh", title="变化", series=(Series("变化", points),))
    axis = native(chart).chart.category_axis
    assert axis.tick_label_position == XL_TICK_LABEL_POSITION.LOW
