"""The planner's choices: given a small dataset, which story, charts, slides and summary a
first template gets (nothing is written here; tests/template/test_write.py covers the files)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from reportgen.data import load_dataset
from reportgen.data.schema import Article, Event, Metric, Ranking
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
        "quote": f"句子{metric_id}",
    }
    return Metric(id=metric_id, topic=topic, unit=unit, **{**base, **fields})


def with_metrics(mini, *metrics, **more):
    return replace(mini, metrics=tuple(metrics), **more)


def snippets(texts) -> set[str]:
    return {i for t in texts for i in re.findall(r"\{\{ m\.([a-z0-9_]+) \}\}", t)}


def test_reported_figures_leave_out_derived_ones(mini):
    ids = [m.id for m in planner.reported_figures(mini)]
    assert ids == ["trade_2023", "trade_growth_2023", "trains_total"]


def test_key_figures_lead_with_what_the_article_leads_with_not_with_money():
    metrics = [
        figure("money_a"),
        figure("count_lead", unit="家", salient=True),
        figure("level", unit="列"),
        figure("growth", unit="%", role="change", change_of="level"),
        figure("days", unit="天"),  # a span of time: never a key figure
        figure("rank", unit="名", role="rank"),
        figure("same_label", label_zh="指标money_a"),  # one per indicator
    ]
    chosen = [m.id for m in planner.key_metrics(metrics)]
    # the lead first, then the level the article gives with its change, then the rest; the
    # change is shown beside its level, not as a figure of its own
    assert chosen == ["count_lead", "level", "money_a"]


def test_key_figures_take_at_most_six():
    metrics = [figure(f"m{n}", label_zh=f"项{n}") for n in range(9)]
    assert len(planner.key_metrics(metrics)) == planner.KEY_FIGURES == 6


def test_sections_follow_subheads_then_topics_merged_across_articles(mini):
    metrics = [
        figure("a1", "trade", section="三年迈上三个新台阶"),
        figure("a2", "logistics", section="三年迈上三个新台阶"),
        figure("b1", "logistics", article="other"),
        figure("a3", "talent", section="“上合人”凝聚“上合魂”"),
        figure("c1", "logistics", article="third"),
        figure("g1", "general"),
    ]
    found = planner.sections(with_metrics(mini, *metrics))
    assert [s.title["zh"] for s in found] == [
        "三年迈上三个新台阶",
        "物流",
        "“上合人”凝聚“上合魂”",
        "示范区",  # figures no topic describes: the folder's subject
    ]
    assert [[m.id for m in s.metrics] for s in found] == [
        ["a1", "a2"],
        ["b1", "c1"],
        ["a3"],
        ["g1"],
    ]
    assert found[0].title["en"] == "Trade"  # a subhead is not translated: its topic names it


def test_a_figure_s_point_is_the_article_s_clause_in_chinese_and_composed_in_english(mini):
    metrics = [
        figure(
            "exports",
            unit="%",
            role="change",
            value=25.1,
            label_en="Export growth",
            point="出口和进口分别增长{exports}和{imports}",
        ),
        figure(
            "imports",
            unit="%",
            role="change",
            value=9.8,
            label_en="Import growth",
            point="出口和进口分别增长{exports}和{imports}",
        ),
        figure(
            "total",
            value=1.5e10,
            label_en="Foreign trade",
            period="2023-01/2023-05",
            point="前5个月，对外贸易额达{total}，增长{growth}",
        ),
        figure(
            "growth",
            unit="%",
            role="change",
            change_of="total",
            value=21.5,
            period="2023-01/2023-05",
            point="前5个月，对外贸易额达{total}，增长{growth}",
        ),
    ]
    plans = planner.plan_template(with_metrics(mini, *metrics, rankings=(), events=()))
    slide = next(s for s in plans.deck.slides if s.chart and s.chart.endswith("_chart"))
    assert slide.points["zh"] == (
        "出口和进口分别增长{{ m.exports }}和{{ m.imports }}",
        "前5个月，对外贸易额达{{ m.total }}，增长{{ m.growth }}",
    )
    assert slide.points["en"] == (
        "Export growth: {{ m.exports }} (2023); Import growth: {{ m.imports }} (2023)",
        "Foreign trade: {{ m.total }} (January 2023 – May 2023), change {{ m.growth }}",
    )


def test_a_chart_compares_like_with_like_and_its_points_name_every_bar(mini):
    metrics = [
        figure("g1", unit="%", role="change", label_zh="出口增速", point="出口增长{g1}"),
        figure("g2", unit="%", role="change", label_zh="进口增速", point="进口增长{g2}"),
        figure("share", unit="%", role="share", label_zh="民营企业占比"),
        figure("lvl", unit="%", label_zh="覆盖率"),
    ]
    plans = planner.plan_template(with_metrics(mini, *metrics, rankings=(), events=()))
    bars = [c for c in plans.charts if c.kind == "bar"]
    assert [[i.metric for i in c.metrics] for c in bars] == [["g1", "g2"]]
    slide = next(s for s in plans.deck.slides if s.chart == bars[0].id)
    assert {"g1", "g2"} <= snippets(slide.points["zh"])
    assert "%" not in slide.title["zh"] and "（" not in slide.title["zh"]


def test_the_deck_tells_the_story_in_order(mini):
    metrics = [
        figure("lead", salient=True, section="第一节", point="对外贸易额达{lead}"),
        figure("lead2", label_zh="进口额", section="第一节"),
        figure("lead3", label_zh="出口额", section="第一节"),
    ]
    events = tuple(
        Event.model_validate(
            {
                "id": f"e{n}",
                "date": f"2023-03-0{n}",
                "date_basis": "stated",
                "title_zh": f"活动{n}",
                "title_en": f"Event {n}",
                "status": "held",
                "article": "trade",
                "quote": "句子",
            }
        )
        for n in (1, 2)
    )
    article = mini.articles[0].model_copy(update={"plans": ["将加快建设{lead}"]})
    data = with_metrics(mini, *metrics, events=events, articles=(article,))
    slides = [(s.id, s.layout) for s in planner.plan_template(data).deck.slides]
    assert slides[:3] == [("title", "Title"), ("key_figures", "KPI Grid"), ("ranking", "Chart")]
    assert slides[-3:] == [("events", "Timeline"), ("outlook", "Two Columns"), ("sources", "Table")]
    middle = [s for s in planner.plan_template(data).deck.slides[3:-3]]
    assert middle and all(s.title["zh"].startswith("第一节") for s in middle)
    outlook = planner.plan_template(data).deck.slides[-2]
    assert outlook.left["zh"] == ("将加快建设{{ m.lead }}",)


def test_no_slide_says_a_prompt_and_unreviewed_figures_are_said_to_be_so(mini):
    metrics = [figure(f"m{n}", label_zh=f"项{n}额", reviewed=n > 0) for n in range(3)]
    plans = planner.plan_template(with_metrics(mini, *metrics))
    prompts = ("请在此", "Write the talking", "（请补充", "(add key", "草稿", "Draft:", "全部数据")
    for slide in plans.deck.slides:
        for lang in ("zh", "en"):
            texts = [slide.title[lang], *(slide.points[lang] if slide.points else ())]
            texts += [*(slide.notes[lang] if slide.notes else ())]
            assert not [t for t in texts if any(p in t for p in prompts)], slide.id
    key = next(s for s in plans.deck.slides if s.id == "key_figures")
    assert "尚未经人工审核" in key.notes["zh"][1]
    assert "have not been reviewed" in key.notes["en"][1]


def test_a_chart_slide_note_says_which_figure_is_largest(mini):
    metrics = [
        figure("a", unit="%", role="change", value=3.0, label_zh="出口增速", label_en="Exports"),
        figure("b", unit="%", role="change", value=9.0, label_zh="进口增速", label_en="Imports"),
    ]
    plans = planner.plan_template(with_metrics(mini, *metrics, rankings=()))
    slide = next(s for s in plans.deck.slides if s.layout == "Chart")
    assert slide.notes["zh"][0] == (
        "增速最快的是进口增速（{{ m.b }}）。增速最慢的是出口增速（{{ m.a }}）。"
    )
    assert slide.notes["en"][0] == (
        "Fastest growth: Imports ({{ m.b }}). Slowest growth: Exports ({{ m.a }})."
    )


def test_summary_key_figures_carry_their_change(mini):
    plans = planner.plan_template(mini)
    assert [(f.metric, f.change) for f in plans.summary.key_figures] == [
        ("trade_2023", None),  # money a little first; the mini data pairs no change
        ("trade_growth_2023", None),
        ("trains_total", None),
    ]
    paired = with_metrics(
        mini,
        figure("t", salient=True),
        figure("g", unit="%", role="change", change_of="t"),
    )
    assert [(f.metric, f.change) for f in planner.plan_template(paired).summary.key_figures] == [
        ("t", "g")
    ]


def test_a_climb_chart_needs_one_entitys_places_not_several_entities_of_one_year(mini):
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


def test_no_timeline_from_one_date():
    assert planner.events_chart(["2023-05-01"]) is None


def test_article_plans_field_is_typed():
    assert Article.model_fields["plans"].default_factory() == []


def test_several_entities_ranked_in_one_year_make_a_rank_table(mini):
    def place(id, rank, entity):
        entry = {"id": id, "year": 2023, "rank": rank, "article": "trade", "quote": f"第{rank}"}
        return Ranking.model_validate(entry | {"entity_zh": entity, "assessment_zh": "全省考核"})

    data = replace(mini, rankings=(place("b", 23, "乙区"), place("a", 18, "甲区")))
    slide = next(s for s in planner.plan_template(data).deck.slides if s.id == "ranking")
    assert slide.layout == "Table" and slide.table.source == "rankings"
    assert slide.table.ids == ["a", "b"]  # best place first
    assert [c.field for c in slide.table.columns] == ["entity", "assessment", "year", "rank"]
    assert slide.title["zh"] == "全省考核"


def test_subheads_never_share_an_english_title(mini):
    """Two subheads the glossary cannot translate, both about logistics and trade: each
    gets its own English title, never one said twice."""
    metrics = [
        figure(f"{s}{n}", topic, section=heading)
        for s, heading in (("a", "鑫瑞澜翱翔"), ("b", "鑫瑞澜腾飞"), ("c", "鑫瑞澜远航"))
        for n, topic in enumerate(("logistics", "logistics", "trade"))
    ]
    found = planner.sections(with_metrics(mini, *metrics, rankings=()))
    titles = [s.title["en"] for s in found]
    assert len(set(titles)) == 3 and titles[0] == "Logistics"
    assert all(not re.search(r"\d", t) for t in titles)  # no digit a check would read


def test_a_chart_shows_no_bar_its_points_leave_out(mini):
    """Six growth rates each in a clause of its own: the slide has room for four points, so
    the chart draws the four its points name, not six bars with two unexplained."""
    metrics = [
        figure(
            f"g{n}",
            unit="%",
            role="change",
            label_zh=f"产品{n}出口增速",
            point=f"产品{n}出口增长{{g{n}}}",
        )
        for n in range(6)
    ]
    plans = planner.plan_template(with_metrics(mini, *metrics, rankings=(), events=()))
    [bar] = [c for c in plans.charts if c.kind == "bar"]
    slide = next(s for s in plans.deck.slides if s.chart == bar.id)
    assert [i.metric for i in bar.metrics] == ["g0", "g1", "g2", "g3"]
    assert snippets(slide.points["zh"]) == {"g0", "g1", "g2", "g3"}
