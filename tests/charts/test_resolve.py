"""resolve_chart: the kind's fields plus title, source line, notes, alt text and takeaway."""

from dataclasses import replace

import pytest

from reportgen.charts import resolve_all
from reportgen.charts.resolve import ChartError, fill_placeholders, resolve_chart, source_line
from reportgen.charts.spec import ChartSpec


def spec(**fields):
    return ChartSpec.model_validate({"id": "x", "title_zh": "x", "title_en": "x", **fields})


def test_a_spec_takeaway_is_filled_from_the_data(briefing, seed):
    trade = resolve_chart(briefing.chart("foreign_trade"), seed, "zh")
    assert trade.takeaway == (
        "2022年对外贸易额360亿元，增长38.3%；对上合组织国家进出口额81亿元，同比增长100.3%。"
    )
    assert "约260.3亿元（推算）" in trade.alt_text  # the alt text is generated, not the spec's
    english = resolve_chart(briefing.chart("foreign_trade"), seed, "en")
    assert english.takeaway.startswith("Foreign trade reached CNY 36 bn in 2022, up 38.3%")


def test_without_a_spec_takeaway_the_kind_reads_the_chart(briefing, seed):
    rank = resolve_chart(briefing.chart("ranking_climb"), seed, "en")
    assert rank.takeaway == "The rank rose from 4th in 2020 to 1st in 2022."
    assert rank.title == "Three steps up in three years"
    assert rank.subtitle == "Rank in Qingdao's annual assessment of functional zones"


def test_the_spec_note_follows_the_derivation_notes(seed):
    parts = spec(kind="composition", metrics=["staff_bachelors", "staff_masters"], note_zh="注")
    chart = resolve_chart(parts, seed, "zh")
    assert len(chart.footnotes) == 2 and chart.footnotes[-1] == "注"
    assert "推算" in chart.footnotes[0]
    assert resolve_chart(parts, seed, "en").footnotes[-1] != "注"  # no English note given


def test_source_line_names_outlet_and_date(seed):
    assert source_line(seed, "zh") == "来源：青岛日报/观海新闻，2023年5月"
    assert source_line(seed, "en").startswith("Source: ")
    without_page = replace(seed, page=None)
    first = seed.articles[0]
    assert first.outlet["zh"] in source_line(without_page, "zh")


def test_placeholders_are_metric_values_and_nothing_else(seed):
    text = fill_placeholders("{platform_enterprises}家？{not a placeholder}", seed, "zh")
    assert text == "4700余家家？{not a placeholder}"


def test_every_value_traces_to_a_fact(briefing, seed):
    ids = {m.id for m in seed.metrics} | {r.id for r in seed.rankings}
    for chart_spec in briefing.charts:
        for lang in ("zh", "en"):
            resolved = resolve_chart(chart_spec, seed, lang)
            for point in resolved.points():
                assert point.sources and set(point.sources) <= ids
                if point.sources[0] in {m.id for m in seed.metrics}:
                    assert point.value == seed.metric(point.sources[0]).value


def test_unknown_metric_names_the_chart(seed):
    with pytest.raises(ChartError, match="chart 'x': no metric 'nope'"):
        resolve_chart(spec(kind="kpi", metrics=["nope"]), seed, "zh")


def test_resolve_all_takes_the_specs_not_a_template(briefing, seed):
    charts = resolve_all(seed, briefing.charts, "zh")
    assert [c.id for c in charts] == [s.id for s in briefing.charts]
    assert resolve_all(seed, (), "zh") == []
