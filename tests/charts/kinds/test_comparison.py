"""Comparison kind: exactly two metrics, as bars in two colours."""

import matplotlib
import pytest
from matplotlib.patches import Rectangle

from reportgen.charts.kinds import comparison
from reportgen.charts.spec import ChartSpec


def spec(**fields):
    return ChartSpec.model_validate(
        {"id": "x", "kind": "comparison", "title_zh": "x", "title_en": "x", **fields}
    )


def test_a_comparison_compares_exactly_two_metrics():
    with pytest.raises(ValueError, match="a 'comparison' chart needs metrics"):
        spec()
    with pytest.raises(ValueError, match="compares exactly two"):
        spec(metrics=["a"])
    with pytest.raises(ValueError, match="compares exactly two"):
        spec(metrics=["a", "b", "c"])
    assert spec(metrics=["a", "b"]).kind == "comparison"


def test_resolve_keeps_the_over_hedge(seed, briefing):
    fields = comparison.KIND.resolve(briefing.chart("holding_group"), seed, "zh")
    points = fields["series"][0].points
    assert [p.text for p in points] == ["200亿元", "超过1300亿元"]
    assert [p.qualifier for p in points] == ["exact", "over"]
    assert fields["axis_label"] == "亿元"


def test_describe_names_the_kind(resolved):
    holding = resolved("holding_group")
    assert holding.alt_text == "对比条形图：上合控股发展集团。注册资本200亿元；总资产超过1300亿元。"
    assert resolved("holding_group", "en").takeaway == (
        "Registered capital CNY 20 bn, Total assets more than CNY 130 bn."
    )


def test_draw_sets_the_two_in_two_colours(drawn, resolved, briefing):
    fig = drawn(comparison.KIND, resolved("holding_group"))
    bars = [p for p in fig.axes[0].patches if isinstance(p, Rectangle)]
    colours = briefing.theme.colors
    assert [b.get_facecolor() for b in bars] == [
        matplotlib.colors.to_rgba(colours.primary),
        matplotlib.colors.to_rgba(colours.accent),
    ]
    arrows = [t for t in fig.axes[0].texts if isinstance(t, matplotlib.text.Annotation)]
    assert len(arrows) == 1  # 超过1300亿元: the true value lies beyond the bar


def test_native_colours_alternate(native, resolved, briefing):
    series = native(resolved("holding_group")).chart.plots[0].series[0]
    colours = briefing.theme.colors
    fills = [str(series.points[j].format.fill.fore_color.rgb) for j in range(2)]
    assert fills == [colours.primary.lstrip("#").upper(), colours.accent.lstrip("#").upper()]
