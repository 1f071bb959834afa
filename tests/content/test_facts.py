"""The shared decision: how each fact of the seed is shown and sourced, for every view."""

from __future__ import annotations

import pytest

from reportgen.charts.resolve import resolve_chart
from reportgen.content.deck import build_deck
from reportgen.content.facts import Facts
from reportgen.content.model import Bullets, Kpis, Table
from reportgen.content.summary import build_summary


@pytest.fixture(scope="module")
def zh(seed):
    return Facts(seed, "zh")


@pytest.fixture(scope="module")
def en(seed):
    return Facts(seed, "en")


def test_a_value_keeps_the_articles_hedge_and_names_its_metric(zh, en):
    shown = zh.value("platform_enterprises")
    assert (shown.fact, shown.text, shown.mark) == ("platform_enterprises", "4700余家", "")
    assert shown.qualifier == "over" and not shown.derived
    assert zh.value("freight_trains_total").display == "近3000列"
    assert en.value("freight_trains_total").display == "nearly 3,000"


def test_a_derived_value_carries_the_locale_mark(zh, en):
    assert zh.value("sco_trade_share_2022").display == "22.5%（推算）"
    assert en.value("sco_trade_share_2022").display == "22.5% (derived)"
    assert zh.value("sco_trade_share_2022").derived
    assert zh.value("sco_trade_share_2022").text == "22.5%"


def test_an_unknown_metric_is_named(zh):
    with pytest.raises(KeyError, match="no metric 'nope'"):
        zh.value("nope")


def test_a_ranking_is_shown_as_its_year_and_place(zh, en):
    assert zh.shown("rank_2022").text == "2022年度第1名"
    assert en.shown("rank_2022").text.endswith("in 2022")
    assert zh.shown("not_a_fact") is None


def test_a_reported_fact_is_sourced_by_its_sentence_and_article(zh):
    note = zh.source("foreign_trade_2022")
    assert note.shown == "360亿元"
    assert note.quote == "2022年，上合示范区对外贸易额达360亿元，增长38.3%"
    assert note.article == "万众一心向前冲，“上合人”激活“新动能”"
    assert note.derivation is None and note.facts == ("foreign_trade_2022",)


def test_a_derived_fact_is_sourced_by_its_formula(zh):
    note = zh.source("sco_trade_share_2022")
    assert note.quote is None and note.article is None
    assert "对上合组织国家进出口额（2022年） ÷ 对外贸易额（2022年）" in note.derivation


def test_sources_come_once_each_in_order_of_first_use(zh):
    notes = zh.sources(["staff_total", "rank_2020", "staff_total", "nope"])
    assert [n.fact_id for n in notes] == ["staff_total", "rank_2020"]


def test_facts_from_one_sentence_share_a_key(zh):
    assert zh.quote_key("foreign_trade_2022") == zh.quote_key("foreign_trade_growth_2022")
    assert zh.quote_key("foreign_trade_2022") != zh.quote_key("sco_trade_2022")
    assert zh.quote_key("sco_trade_share_2022") == "derived:sco_trade_share_2022"


def test_a_stock_is_dated_as_of_and_a_flow_by_its_period(zh, en):
    assert zh.period("foreign_trade_2022") == "2022年"
    assert zh.period("platform_enterprises") == "截至2023年5月"
    assert en.period("platform_enterprises").startswith("as of ")


def test_deck_and_summary_show_a_metric_the_same_way(seed, briefing):
    """Both views draw their numbers from one decision: the same metric has the same text
    and mark in the deck's KPI grid, its bullets and the summary's key-figure table."""
    facts = Facts(seed, "zh")
    deck = build_deck(seed, briefing, briefing.deck, "zh", facts)
    summary = build_summary(seed, briefing, briefing.summary, "zh", facts)
    in_deck = {s.fact: s for slide in deck.slides for s in slide.shown}
    in_summary = {s.fact: s for s in summary.shown}
    common = in_deck.keys() & in_summary.keys()
    assert {"foreign_trade_2022", "platform_enterprises", "sco_trade_share_2022"} <= common
    for fact in common:
        assert in_deck[fact] == in_summary[fact], fact
    grid = next(b for s in deck.slides for b in s.blocks if isinstance(b, Kpis))
    table = summary.sections[0].blocks[0]
    assert isinstance(table, Table)
    grid_values = {f.value.fact: f.value for f in grid.figures}
    table_values = {row[1].fact: row[1] for row in table.shown}
    for fact in grid_values.keys() & table_values.keys():
        assert grid_values[fact] == table_values[fact]
    bullets = [b for s in deck.slides for b in s.blocks if isinstance(b, Bullets)]
    assert any(v.display == "22.5%（推算）" for b in bullets for item in b.shown for v in item)


def test_the_two_key_figure_choices_are_explicit(seed, briefing):
    """Today the deck's grid shows the template's 'kpi' chart (its own labels) and the
    summary the plan's key_figures (the metrics' labels, with their change): both kept."""
    facts = Facts(seed, "zh")
    kpi = facts.chart_figures(resolve_chart(briefing.chart("key_figures"), seed, "zh"))
    assert [f.label for f in kpi][:2] == ["2022年对外贸易额", "对上合组织国家进出口增速"]
    assert all(f.change is None for f in kpi)
    planned = facts.plan_figures(briefing.summary.key_figures)
    assert planned[0].label == "对外贸易额"
    assert planned[0].change.fact == "foreign_trade_growth_2022"
    assert planned[0].change.text == "38.3%"
