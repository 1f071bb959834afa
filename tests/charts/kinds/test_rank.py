"""Rank kind: places year by year from the rankings table, first place at the top."""

from dataclasses import replace

import matplotlib
import pytest
from pptx.enum.chart import XL_CHART_TYPE

from reportgen.charts.kinds import rank
from reportgen.charts.model import ChartData, Point, Series
from reportgen.charts.resolve import ChartError
from reportgen.charts.spec import ChartSpec


def spec(**fields):
    return ChartSpec.model_validate(
        {"id": "x", "kind": "rank", "title_zh": "x", "title_en": "x", **fields}
    )


def ranks(*places, lang="zh"):
    years = [f"{2020 + i}年度" if lang == "zh" else str(2020 + i) for i in range(len(places))]
    texts = [f"第{p}名" if lang == "zh" else f"No. {p}" for p in places]
    points = tuple(Point(y, float(p), t) for y, p, t in zip(years, places, texts, strict=True))
    return ChartData(
        id="r",
        kind="rank",
        lang=lang,
        title="排名",
        categories=tuple(years),
        series=(Series("考核", points),),
    )


def test_a_rank_chart_reads_the_rankings_table():
    with pytest.raises(ValueError, match="a 'rank' chart needs table: rankings"):
        spec()
    assert spec(table="rankings").table == "rankings"


def test_resolve_orders_years_and_traces_each_place(seed):
    fields = rank.resolve(spec(table="rankings"), seed, "zh")
    points = fields["series"][0].points
    assert [(p.label, p.value, p.text) for p in points] == [
        ("2020年度", 4, "第4名"),
        ("2021年度", 2, "第2名"),
        ("2022年度", 1, "第1名"),
    ]
    assert all(p.sources and p.sources[0] in {r.id for r in seed.rankings} for p in points)
    assert fields["axis_label"] == "名次"
    english = rank.resolve(spec(table="rankings"), seed, "en")
    assert english["categories"] == ("2020", "2021", "2022") and english["axis_label"] == "rank"


def test_resolve_without_rankings_names_the_chart(seed):
    with pytest.raises(ChartError, match="chart 'x': the dataset has no rankings"):
        rank.resolve(spec(table="rankings"), replace(seed, rankings=()), "zh")


def test_takeaway_says_which_way_the_rank_went():
    assert rank.takeaway(ranks(4, 2, 1)) == "排名由2020年度第4名升至2022年度第1名。"
    assert rank.takeaway(ranks(1, 3)) == "排名由2020年度第1名降至2021年度第3名。"
    assert rank.takeaway(ranks(2, 2)) == "排名由2020年度第2名保持2021年度第2名。"
    assert (
        rank.takeaway(ranks(4, 1, lang="en"))
        == "The rank rose from No. 4 in 2020 to No. 1 in 2021."
    )
    assert rank.takeaway(ranks(1, 2, lang="en")).startswith("The rank fell from No. 1")
    assert rank.takeaway(ranks(3)) == "2020年度第3名。"  # one year: nothing to compare


def test_alt_text_lists_every_year(resolved):
    assert resolved("ranking_climb").alt_text == (
        "排名折线图：三年迈上三个台阶（青岛市功能区年度综合绩效考核排名）。"
        "2020年度第4名；2021年度第2名；2022年度第1名。"
    )


def test_draw_puts_first_place_on_top(drawn, texts, briefing):
    fig = drawn(rank.KIND, ranks(4, 2, 1))
    ax = fig.axes[0]
    (line,) = ax.get_lines()
    assert list(line.get_ydata()) == [4.0, 2.0, 1.0]
    bottom, top = ax.get_ylim()
    assert bottom > top  # inverted
    assert [t.get_text() for t in ax.get_yticklabels()] == ["第1名", "第2名", "第3名", "第4名"]
    markers = ax.collections
    accent = matplotlib.colors.to_rgba(briefing.theme.colors.accent)
    assert [tuple(m.get_facecolor()[0]) == accent for m in markers] == [False, False, True]
    assert {"第4名", "第2名", "第1名", "2020年度", "2022年度"} <= set(texts(fig))


def test_native_line_with_reversed_axis(native, resolved):
    chart = native(resolved("ranking_climb")).chart
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    series = chart.plots[0].series[0]
    assert list(series.values) == [4, 2, 1]
    assert [series.points[j].data_label.text_frame.text for j in range(3)] == [
        "第4名",
        "第2名",
        "第1名",
    ]
    axis = chart.value_axis
    assert axis.reverse_order and (axis.minimum_scale, axis.maximum_scale) == (0.5, 4.5)


def named(id, year, place, entity=None, assessment=None):
    from reportgen.data.schema import Ranking

    entry = {"id": id, "year": year, "rank": place, "article": "a", "quote": f"第{place}名"}
    if entity:
        entry["entity_zh"] = entity
    if assessment:
        entry["assessment_zh"] = assessment
    return Ranking.model_validate(entry)


def test_a_table_of_several_entities_draws_one_entitys_line(seed):
    table = (
        named("a22", 2022, 9, "青岛港", "全球港口货物吞吐量排名"),
        named("b22", 2022, 3, "宁波舟山港", "全球港口货物吞吐量排名"),
        named("a23", 2023, 8, "青岛港", "全球港口货物吞吐量排名"),
        named("b21", 2021, 4, "宁波舟山港", "全球港口货物吞吐量排名"),
        named("b23", 2023, 3, "宁波舟山港", "全球港口货物吞吐量排名"),
    )
    fields = rank.resolve(spec(table="rankings"), replace(seed, rankings=table), "zh")
    (series,) = fields["series"]
    assert [p.sources for p in series.points] == [("b21",), ("b22",), ("b23",)]
    assert fields["categories"] == ("2021年度", "2022年度", "2023年度")
    assert series.label == "宁波舟山港（全球港口货物吞吐量排名）"  # whose line, in what


def test_a_long_scale_marks_only_the_places_drawn(drawn):
    fig = drawn(rank.KIND, ranks(23, 18))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["第18名", "第23名"]
    bottom, top = ax.get_ylim()
    assert bottom > 23 and 1 < top < 18  # the span drawn, first place not forced in
