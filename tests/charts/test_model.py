"""A chart's resolved data: what every renderer draws, and every string it may print."""

from __future__ import annotations

from reportgen.charts.model import ChartData, Point, Series, TimelineItem


def bars() -> ChartData:
    return ChartData(
        id="trade",
        kind="bar",
        lang="zh",
        title="对外贸易额",
        subtitle="2021—2022年",
        categories=("2021", "2022"),
        series=(
            Series(
                "进出口",
                (Point("2021", 260.3, "约260.3亿元*", derived=True), Point("2022", 360, "360亿元")),
            ),
            Series("出口", (Point("2022", 200, "200亿元"),)),
        ),
        axis_label="亿元",
        footnotes=("* 推算值",),
        source_line="来源：青岛日报",
    )


def test_points_are_every_series_points_in_order():
    assert [p.text for p in bars().points()] == ["约260.3亿元*", "360亿元", "200亿元"]
    assert ChartData(id="e", kind="bar", lang="en", title="t").points() == []


def test_every_text_a_chart_may_draw_is_listed_with_where_it_is():
    assert bars().texts() == [
        ("chart 'trade' title", "对外贸易额"),
        ("chart 'trade' subtitle", "2021—2022年"),
        ("chart 'trade' axis_label", "亿元"),
        ("chart 'trade' category 1", "2021"),
        ("chart 'trade' category 2", "2022"),
        ("chart 'trade' series label", "进出口"),
        ("chart 'trade' point label", "2021"),
        ("chart 'trade' value label", "约260.3亿元*"),
        ("chart 'trade' point label", "2022"),
        ("chart 'trade' value label", "360亿元"),
        ("chart 'trade' series label", "出口"),
        ("chart 'trade' point label", "2022"),
        ("chart 'trade' value label", "200亿元"),
        ("chart 'trade' footnote", "* 推算值"),
        ("chart 'trade' source line", "来源：青岛日报"),
    ]


def test_a_timeline_lists_its_events_and_a_total_its_text():
    chart = ChartData(
        id="events",
        kind="timeline",
        lang="en",
        title="Events",
        total=Point("Total", 4700, "over 4,700"),
        items=(
            TimelineItem("2023-05-15", "2023-05-19", "15–19 May", "Expo", "Qingdao", "a1"),
            TimelineItem("2023-06-01", None, "1 June", "Forum", None, "a2"),
        ),
    )
    assert [text for _, text in chart.texts()] == [
        "Events",
        "over 4,700",
        "Total",
        "15–19 May",
        "Expo",
        "Qingdao",
        "1 June",
        "Forum",  # no place, no entry for one
    ]


def test_the_plain_data_keeps_every_field_for_cache_keys():
    data = bars().as_dict()
    assert list(data)[:4] == ["id", "kind", "lang", "title"]
    assert data["series"][0]["points"][0] == {
        "label": "2021",
        "value": 260.3,
        "text": "约260.3亿元*",
        "derived": True,
        "qualifier": "exact",
        "sources": (),
    }
    changed = ChartData(**{**bars().__dict__, "scale": 10.0})
    assert changed.as_dict() != bars().as_dict()  # a scale change is a different chart
