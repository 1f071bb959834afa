"""Every chart kind the briefing plans, resolved against the seed data."""

import pytest

from reportgen.charts.resolve import ChartError, resolve_chart
from reportgen.charts.spec import ChartSpec


def chart(briefing, seed, chart_id, lang="zh"):
    return resolve_chart(briefing.chart(chart_id), seed, lang)


def test_column_keeps_hedges_and_marks_derived(briefing, seed):
    trade = chart(briefing, seed, "foreign_trade")
    assert trade.categories == ("2021年", "2022年")
    assert trade.axis_label == "亿元" and trade.scale == 1e8
    total, sco = trade.series
    assert [p.text for p in total.points] == ["约260.3亿元", "360亿元"]
    assert [p.derived for p in total.points] == [True, False]
    assert [p.text for p in sco.points] == ["约40.4亿元", "81亿元"]
    assert len(trade.footnotes) == 2 and all("推算" in n for n in trade.footnotes)
    assert trade.takeaway == (
        "2022年对外贸易额360亿元，增长38.3%；对上合组织国家进出口额81亿元，同比增长100.3%。"
    )
    assert "约260.3亿元（推算）" in trade.alt_text


def test_column_in_english(briefing, seed):
    trade = chart(briefing, seed, "foreign_trade", "en")
    assert trade.axis_label == "CNY bn"
    assert [p.text for p in trade.series[0].points] == ["about CNY 26.03 bn", "CNY 36 bn"]
    assert trade.takeaway.startswith("Foreign trade reached CNY 36 bn in 2022, up 38.3%")
    assert "not reported in the article" in trade.footnotes[0]


def test_rank_trajectory(briefing, seed):
    rank = chart(briefing, seed, "ranking_climb")
    assert [(p.label, p.value, p.text) for p in rank.points()] == [
        ("2020年度", 4, "第4名"),
        ("2021年度", 2, "第2名"),
        ("2022年度", 1, "第1名"),
    ]
    assert rank.takeaway == "排名由2020年度第4名升至2022年度第1名。"
    assert chart(briefing, seed, "ranking_climb", "en").takeaway == (
        "The rank rose from 4th in 2020 to 1st in 2022."
    )


def test_composition_adds_up_and_marks_the_derived_part(briefing, seed):
    staff = chart(briefing, seed, "staff_by_degree")
    assert [(p.label, p.text, p.derived) for p in staff.points()] == [
        ("本科", "77人", True),
        ("硕士研究生", "62人", False),
        ("博士研究生", "5人", False),
    ]
    assert staff.total.text == "144人"
    assert staff.footnotes and "管委会工作人员" in staff.footnotes[0]


def test_comparison_keeps_the_over_hedge(briefing, seed):
    holding = chart(briefing, seed, "holding_group")
    assert [p.text for p in holding.points()] == ["200亿元", "超过1300亿元"]
    assert [p.qualifier for p in holding.points()] == ["exact", "over"]


def test_bar_and_kpi(briefing, seed):
    parks = chart(briefing, seed, "industry_parks")
    assert [p.text for p in parks.points()] == ["20个", "12个", "2个"]
    kpis = chart(briefing, seed, "key_figures")
    assert "4700余家" in [p.text for p in kpis.points()]
    assert "近3000列" in [p.text for p in kpis.points()]
    assert chart(briefing, seed, "platform_build_speed", "en").points()[0].text == "114 days"


def test_timeline_of_may_2023(briefing, seed):
    events = chart(briefing, seed, "may_2023_events")
    assert [(i.label, i.source) for i in events.items] == [
        ("5月10日", "shanghai_signing_2023_05_10"),
        ("5月15日至19日", "xinjiang_visit_2023_05"),
        ("5月17日", "uzbekistan_forum_2023_05_17"),
    ]
    english = chart(briefing, seed, "may_2023_events", "en")
    assert english.items[1].label == "15–19 May"


def test_every_value_traces_to_a_metric(briefing, seed):
    ids = {m.id for m in seed.metrics} | {r.id for r in seed.rankings}
    for spec in briefing.charts:
        for lang in ("zh", "en"):
            resolved = resolve_chart(spec, seed, lang)
            for point in resolved.points():
                assert point.sources and set(point.sources) <= ids
                if point.sources[0] in {m.id for m in seed.metrics}:
                    assert point.value == seed.metric(point.sources[0]).value


def spec(**fields):
    return ChartSpec.model_validate({"id": "x", "title_zh": "x", "title_en": "x", **fields})


def test_one_axis_cannot_mix_units(seed):
    mixed = spec(kind="bar", metrics=["staff_total", "platform_phase1_days"])
    with pytest.raises(ChartError, match="cannot mix units"):
        resolve_chart(mixed, seed, "zh")


def test_parts_must_add_up_to_the_total(seed):
    parts = spec(
        kind="composition", total="staff_total", metrics=["staff_masters", "staff_doctorates"]
    )
    with pytest.raises(ChartError, match="add up to 67, not to staff_total = 144"):
        resolve_chart(parts, seed, "zh")


def test_unknown_metric_names_the_chart(seed):
    with pytest.raises(ChartError, match="chart 'x': no metric 'nope'"):
        resolve_chart(spec(kind="kpi", metrics=["nope"]), seed, "zh")


def test_empty_event_query(seed):
    empty = spec(kind="timeline", events={"from": "2030-01-01", "to": "2030-12-31"})
    with pytest.raises(ChartError, match="no events between"):
        resolve_chart(empty, seed, "zh")


def test_spec_checks_inputs_per_kind():
    with pytest.raises(ValueError, match="a 'column' chart needs series"):
        spec(kind="column")
    with pytest.raises(ValueError, match="compares exactly two"):
        spec(kind="comparison", metrics=["a"])
    with pytest.raises(ValueError, match="takeaway_zh and takeaway_en together"):
        spec(kind="kpi", metrics=["a"], takeaway_zh="x")
