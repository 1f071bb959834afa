"""KPI kind: headline figures in a grid of tiles, one grid rule for the drawing and the deck."""

from dataclasses import replace

import matplotlib
import pytest

from reportgen.charts.kinds import kpi
from reportgen.charts.spec import ChartSpec


def spec(**fields):
    return ChartSpec.model_validate(
        {"id": "x", "kind": "kpi", "title_zh": "x", "title_en": "x", **fields}
    )


@pytest.mark.parametrize(
    ("count", "grid"),
    [(1, (1, 1)), (2, (1, 2)), (3, (1, 3)), (4, (1, 4)), (5, (2, 3)), (6, (2, 3)), (7, (3, 3))],
)
def test_one_row_up_to_four_then_rows_of_three(count, grid):
    assert kpi.kpi_grid(count) == grid


@pytest.mark.parametrize("count", range(1, kpi.MAX_FIGURES + 1))
def test_the_grid_fits_every_figure_with_no_empty_row(count):
    rows, cols = kpi.kpi_grid(count)
    assert rows * cols >= count > (rows - 1) * cols


def test_a_kpi_figure_holds_one_to_eight_figures():
    with pytest.raises(ValueError, match="a 'kpi' chart needs metrics"):
        spec()
    with pytest.raises(ValueError, match="holds at most 8 figures"):
        spec(metrics=[f"m{i}" for i in range(9)])
    assert len(spec(metrics=[f"m{i}" for i in range(8)]).metrics) == 8


def test_resolve_keeps_each_figure_in_its_own_unit(seed, briefing):
    fields = kpi.resolve(briefing.chart("key_figures"), seed, "zh")
    points = fields["series"][0].points
    assert [p.text for p in points] == [
        "360亿元",
        "100.3%",
        "4700余家",
        "近3000列",
        "50余项",
        "144人",
    ]
    assert points[2].qualifier == "over" and points[3].qualifier == "approx"
    assert "axis_label" not in fields and "categories" not in fields


def test_describe_lists_the_figures(resolved):
    logistics = resolved("logistics_figures")
    assert logistics.alt_text == (
        "关键数据：物流枢纽。累计开行中欧班列近3000列；中欧班列到发站点全国排名第9名；"
        "开展海关AEO互认工作的上合组织国家5个。"
    )
    assert resolved("logistics_figures", "en").takeaway.startswith(
        "China–Europe freight trains run nearly 3,000, National rank"
    )


def test_draw_tiles_follow_the_grid(drawn, resolved, briefing):
    chart = resolved("key_figures")
    marked = replace(chart.series[0].points[0], derived=True)
    series = replace(chart.series[0], points=(marked, *chart.series[0].points[1:]))
    chart = replace(chart, series=(series,))
    fig = drawn(kpi.KIND, chart)
    values = {
        t.get_text(): t for t in fig.texts if t.get_text() in {p.text for p in chart.points()}
    }
    assert len(values) == 6
    xs = {round(t.get_position()[0], 6) for t in values.values()}
    ys = {round(t.get_position()[1], 6) for t in values.values()}
    assert (len(ys), len(xs)) == kpi.kpi_grid(6)
    primary = matplotlib.colors.to_rgba(briefing.theme.colors.primary)
    assert matplotlib.colors.to_rgba(values["100.3%"].get_color()) == primary
    assert matplotlib.colors.to_rgba(values["360亿元"].get_color()) != primary  # derived
    labels = [t.get_text() for t in fig.texts]
    assert "综服平台入驻企业" in labels


def test_powerpoint_sets_key_figures_as_text_not_a_chart():
    assert kpi.KIND.native is None
