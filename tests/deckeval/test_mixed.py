"""A chart mixes when its one value axis holds figures of different roles, units or period
kinds; charts with no shared axis (key figures, a timeline) never do."""

from __future__ import annotations

from reportgen.charts.model import ChartData, Point, Series
from reportgen.deckeval.mixed import Kind, chart_mixing

KINDS = {
    "trade": Kind("level", "CNY", "during"),
    "trade_growth": Kind("change", "%", "during"),
    "export_growth": Kind("change", "%", "during"),
    "import_growth": Kind("change", "%", "during"),
    "general_share": Kind("share", "%", "during"),
    "firms": Kind("count", "家", "as_of"),
    "firms_new": Kind("count", "家", "during"),
    "parks": Kind(None, "个", "during"),
    "parks_built": Kind("count", "个", "during"),
}
VALUES = {"trade": 150e8, "trade_growth": 21.5, "export_growth": 25.1}


def chart(kind: str, *ids: str, total: str | None = None) -> ChartData:
    points = tuple(Point(i, VALUES.get(i, 1.0), "x", sources=(i,)) for i in ids)
    return ChartData(
        id="c",
        kind=kind,
        lang="zh",
        title="t",
        series=(Series("s", points),),
        total=Point(total, 9.0, "x", sources=(total,)) if total else None,
    )


def test_a_level_beside_its_change_is_mixed():
    found = chart_mixing(chart("bar", "trade", "trade_growth"), KINDS)
    assert found.mixes == ("role", "unit")


def test_changes_with_changes_are_not():
    found = chart_mixing(chart("bar", "trade_growth", "export_growth", "import_growth"), KINDS)
    assert not found.mixed
    assert [fact for fact, _ in found.facts] == ["trade_growth", "export_growth", "import_growth"]


def test_a_growth_rate_beside_a_share_mixes_roles_though_both_are_percent():
    assert chart_mixing(chart("bar", "trade_growth", "general_share"), KINDS).mixes == ("role",)


def test_a_stock_beside_a_flow_mixes_period_kinds():
    assert chart_mixing(chart("column", "firms", "firms_new"), KINDS).mixes == ("period kind",)


def test_a_composition_s_total_is_on_the_axis():
    assert chart_mixing(chart("composition", "trade_growth", total="trade"), KINDS).mixed


def test_a_role_the_data_leaves_unset_is_not_a_difference():
    assert not chart_mixing(chart("bar", "parks", "parks_built"), KINDS).mixed


def test_key_figures_and_timelines_have_no_axis_to_mix():
    assert chart_mixing(chart("kpi", "trade", "trade_growth"), KINDS) is None
    assert chart_mixing(chart("timeline"), KINDS) is None


def test_a_point_naming_its_change_for_its_label_stands_for_its_level():
    level = Point("2023", 150e8, "150亿元 +21.5%", sources=("trade_growth", "trade"))
    two = ChartData(
        "c", "column", "zh", "t", series=(Series("s", (level, *chart("x", "trade").points())),)
    )
    found = chart_mixing(two, KINDS, VALUES)
    assert not found.mixed
    assert [fact for fact, _ in found.facts] == ["trade"]
