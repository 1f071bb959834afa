"""The planner's choices: given a small dataset, which charts, slides and summary a first
template gets (nothing is written here; tests/template/test_write.py covers the files)."""

from __future__ import annotations

import pytest

from reportgen.data import load_dataset
from reportgen.data.schema import Metric
from reportgen.template import planner
from tests.conftest import MINI_DIR


@pytest.fixture(scope="module")
def mini():
    return load_dataset(MINI_DIR)


def figure(metric_id: str, topic: str = "trade", unit: str = "CNY", **fields) -> Metric:
    """A reported figure with the fields the planner reads."""
    base = {
        "label_zh": f"指标{metric_id}",
        "label_en": f"Measure {metric_id}",
        "value": 1.0,
        "qualifier": "exact",
        "period": "2023",
        "article": "trade",
        "quote": "示范区对外贸易额达1亿元",
    }
    return Metric(id=metric_id, topic=topic, unit=unit, **{**base, **fields})


def test_reported_figures_leave_out_derived_ones(mini):
    ids = [m.id for m in planner.reported_figures(mini)]
    assert ids == ["trade_2023", "trade_growth_2023", "trains_total"]


def test_key_figures_lead_with_reviewed_money_then_shares():
    metrics = (
        figure("count_a", unit="家"),
        figure("share_a", unit="%"),
        figure("money_unreviewed", reviewed=False),
        figure("money_a"),
    )
    ranked = [m.id for m in planner.ranked_figures(metrics)]
    assert ranked == ["money_a", "share_a", "count_a", "money_unreviewed"]


def test_bar_charts_group_like_with_like_largest_first():
    metrics = [
        figure("a1", "trade", "CNY"),
        figure("t1", "talent", "人"),
        figure("t2", "talent", "人"),
        figure("t3", "talent", "人"),
        figure("a2", "trade", "CNY"),
        figure("b1", "trade", "%"),  # alone in its group: no chart
        figure("d1", "logistics", "天"),  # a duration: never a bar
        figure("d2", "logistics", "天"),
    ]
    charts = planner.bar_charts(metrics)
    assert [(c.id, c.kind) for c in charts] == [("talent_1", "bar"), ("trade_2", "bar")]
    assert [i.metric for i in charts[0].metrics] == ["t1", "t2", "t3"]
    assert (charts[0].title["zh"], charts[0].title["en"]) == ("人才（人）", "Talent (people)")
    assert (charts[1].title["zh"], charts[1].title["en"]) == ("贸易（元）", "Trade (CNY)")


def test_at_most_three_bar_charts_of_six_figures():
    sizes = {"trade": 10, "finance": 3, "platform": 2, "industry": 2}
    metrics = [figure(f"{t}{n}", t, "CNY") for t, size in sizes.items() for n in range(size)]
    charts = planner.bar_charts(metrics)
    assert [c.id for c in charts] == ["trade_1", "finance_2", "platform_3"]
    assert len(charts[0].metrics) == planner.BAR_ITEMS == 6


def test_chart_labels_are_cut_to_the_language_limit():
    long = figure("a", label_zh="很" * 30, label_en="word " * 12)
    item = planner.key_figures_chart([long]).metrics[0]
    assert item.label["zh"] == "很" * 23 + "…"
    assert len(item.label["en"]) == 40 and item.label["en"].endswith("…")
    spaced = planner.key_figures_chart([figure("b", label_zh="2022 年 外贸")]).metrics[0]
    assert spaced.label["zh"] == "2022年外贸"


def test_no_figures_no_key_figures_chart_and_no_timeline_from_one_date():
    assert planner.key_figures_chart([]) is None
    assert planner.events_chart(["2023-05-01"]) is None
    timeline = planner.events_chart(["2023-03-05", "2023-05-01"])
    assert (timeline.kind, timeline.events.from_, timeline.events.to) == (
        "timeline",
        "2023-03-05",
        "2023-05-01",
    )


def test_mini_gets_key_figures_ranking_and_no_timeline(mini):
    """The mini folder: three reported figures in three groups (no bar chart), a ranking, and
    one event (no timeline, but the summary still covers its year)."""
    plans = planner.plan_template(mini)
    assert [(c.id, c.kind) for c in plans.charts] == [("key_figures", "kpi"), ("ranking", "rank")]
    assert [m.metric for m in plans.charts[0].metrics] == [
        "trade_2023",
        "trade_growth_2023",
        "trains_total",
    ]
    slides = [(s.id, s.layout) for s in plans.deck.slides]
    assert slides == [
        ("title", "Title"),
        ("key_figures", "KPI Grid"),
        ("ranking", "Chart"),
        ("figures_1", "Table"),
        ("sources", "Table"),
    ]
    summary = plans.summary
    assert summary.charts == ["key_figures", "ranking"]
    assert [f.metric for f in summary.key_figures] == [
        "trade_2023",
        "trade_growth_2023",
        "trains_total",
    ]
    assert (summary.events.from_, summary.events.to) == ("2023-01-01", "2023-12-31")


def test_deck_order_puts_tables_between_charts_and_timeline():
    metrics = [figure(f"m{n}", "trade", "CNY") for n in range(12)]
    charts = [
        planner.key_figures_chart(metrics[:6]),
        *planner.bar_charts(metrics),
        planner.ranking_chart(),
        planner.events_chart(["2023-01-02", "2023-02-03"]),
    ]
    deck = planner.choose_deck(metrics, charts)
    assert [s.id for s in deck.slides] == [
        "title",
        "key_figures",
        "trade_1",
        "ranking",
        "figures_1",
        "figures_2",
        "events",
        "sources",
    ]
    tables = [s.table.ids for s in deck.slides if s.id.startswith("figures_")]
    assert tables == [[f"m{n}" for n in range(10)], ["m10", "m11"]]


def test_chart_slide_points_name_the_first_four_figures_by_snippet():
    metrics = [figure(f"m{n}", label_zh=f"项{n}", label_en=f"Item {n}") for n in range(6)]
    slide = planner.chart_slide(planner.bar_charts(metrics)[0])
    assert slide.points["zh"] == tuple(f"项{n}：{{{{ m.m{n} }}}}" for n in range(4))
    assert slide.points["en"] == tuple(f"Item {n}: {{{{ m.m{n} }}}}" for n in range(4))
    assert slide.notes["zh"][1] == "请在此写下讲解要点。"
    ranking = planner.chart_slide(planner.ranking_chart())
    assert dict(ranking.points) == {"zh": ("（请补充要点）",), "en": ("(add key points)",)}


def test_every_content_slide_says_where_its_numbers_come_from(mini):
    for slide in planner.plan_template(mini).deck.slides:
        if slide.layout != "Title":
            assert slide.notes["zh"][0].startswith("本页数字均来自{{ outlet }}")
            assert slide.notes["en"][0].startswith("Every number on this slide comes from")


def test_summary_lead_names_the_first_three_figures():
    metrics = [figure(f"m{n}", label_zh=f"项{n}", label_en=f"Item {n}") for n in range(4)]
    charts = [planner.key_figures_chart(metrics)]
    summary = planner.choose_summary(metrics, charts, [])
    assert summary.lead["zh"] == "据{{ outlet }}报道：项0{{ m.m0 }}；项1{{ m.m1 }}；项2{{ m.m2 }}。"
    assert summary.lead["en"] == (
        "According to {{ outlet }}: Item 0 {{ m.m0 }}; Item 1 {{ m.m1 }}; Item 2 {{ m.m2 }}."
    )
    assert summary.charts == ["key_figures"] and summary.events is None


def test_summary_shows_up_to_three_charts_without_key_figures_when_it_has_two():
    metrics = [figure(f"{t}{n}", t, "CNY") for t in ("trade", "finance") for n in range(2)]
    charts = [planner.key_figures_chart(metrics), *planner.bar_charts(metrics)]
    assert planner.choose_summary(metrics, charts, []).charts == ["trade_1", "finance_2"]
    assert planner.choose_summary([], [], []) is None


def test_charts_come_key_figures_bars_ranking_timeline_each_when_there_is_data():
    metrics = [figure(f"m{n}") for n in range(3)]
    days = ["2023-01-02", "2023-02-03"]
    charts = planner.choose_charts(metrics, metrics, days, ranking=True)
    assert [c.id for c in charts] == ["key_figures", "trade_1", "ranking", "events"]
    assert [c.id for c in planner.choose_charts(metrics[:1], metrics[:1], [], ranking=False)] == [
        "key_figures"
    ]


def test_a_climb_chart_needs_one_entitys_places_not_several_entities_of_one_year(mini):
    from dataclasses import replace

    from reportgen.data.schema import Ranking

    def place(id, year, rank, entity=None):
        entry = {"id": id, "year": year, "rank": rank, "article": "trade", "quote": f"第{rank}"}
        return Ranking.model_validate(entry | ({"entity_zh": entity} if entity else {}))

    def charted(*rankings):
        return "ranking" in [
            c.id for c in planner.plan_template(replace(mini, rankings=rankings)).charts
        ]

    assessment = (
        place("a", 2023, 18, "甲区"),
        place("b", 2023, 23, "乙区"),
        place("c", 2023, 35, "丙区"),
    )
    assert not charted(*assessment)
    assert charted(*assessment, place("a22", 2022, 20, "甲区"))  # 甲区: 20th, then 18th
    assert charted(place("z", 2023, 1))  # the one place the table holds
    assert not charted()
