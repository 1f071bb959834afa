"""The deck's content model for the seed and the default template: slides, blocks, figures,
footnotes and speaker notes, before anything is drawn."""

from __future__ import annotations

import pytest

from reportgen.content.deck import build_deck
from reportgen.content.model import Bullets, Chart, Kpis, Table


@pytest.fixture(scope="module")
def decks(seed, briefing):
    return {lang: build_deck(seed, briefing, briefing.deck, lang) for lang in ("zh", "en")}


def slide(deck, slide_id):
    return next(s for s in deck.slides if s.id == slide_id)


def test_slides_follow_the_plan_with_their_titles(decks, briefing):
    deck = decks["zh"]
    assert [s.id for s in deck.slides] == [p.id for p in briefing.deck.slides]
    assert deck.slides[0].title == "上合示范区：三年迈上三个台阶"
    assert slide(deck, "key_figures").title == "关键数据一览"
    assert slide(decks["en"], "key_figures").title == "Key figures at a glance"
    assert [s.is_content for s in deck.slides][:2] == [False, True]


def test_the_kpi_grid_shows_the_chosen_figures_with_their_metrics(decks):
    (grid,) = slide(decks["zh"], "key_figures").blocks
    assert isinstance(grid, Kpis)
    assert [f.value.fact for f in grid.figures] == [
        "foreign_trade_2022",
        "sco_trade_growth_2022",
        "platform_enterprises",
        "freight_trains_total",
        "institutional_innovations",
        "staff_total",
    ]
    assert [f.value.display for f in grid.figures] == [
        "360亿元",
        "100.3%",
        "4700余家",
        "近3000列",
        "50余项",
        "144人",
    ]
    assert grid.figures[0].label == "2022年对外贸易额"


def test_bullets_know_the_numbers_they_show(decks):
    trade = slide(decks["zh"], "trade")
    bullets = next(b for b in trade.blocks if isinstance(b, Bullets))
    assert bullets.items[0] == "2022年对外贸易额360亿元，增长38.3%"
    assert [s.fact for s in bullets.shown[0]] == ["foreign_trade_2022", "foreign_trade_growth_2022"]
    assert bullets.items[2].endswith("22.5%（推算）")
    assert [s.display for s in bullets.shown[2]] == ["22.5%（推算）"]


def test_a_slide_lists_every_number_it_shows_once(decks):
    trade = slide(decks["zh"], "trade")
    facts = [s.fact for s in trade.shown]
    assert len(facts) == len(set(facts))
    assert facts[:2] == ["foreign_trade_2021_implied", "foreign_trade_2022"]  # the chart first
    assert "sco_trade_share_2022" in facts


def test_a_chart_with_derived_values_gets_the_hatch_note_last(decks):
    trade = slide(decks["zh"], "trade")
    assert isinstance(trade.blocks[0], Chart)
    assert trade.footnotes[-1] == "图中斜线填充为推算值。"
    assert trade.footnotes[0].startswith("2021年对外贸易额（推算）：按")
    en = slide(decks["en"], "trade")
    assert en.footnotes[-1] == "Hatched fills mark derived values."


def test_a_plain_note_is_the_only_footnote(decks):
    assert decks["zh"].slides[0].footnotes == ("来源：青岛日报/观海新闻，2023年5月",)
    assert slide(decks["zh"], "ranking").footnotes == ()


def test_speaker_notes_are_talking_points_then_sources(decks):
    trade = slide(decks["zh"], "trade")
    lines = trade.speaker_notes
    points = len(trade.talking_points)
    assert 2 <= points <= 4
    assert all(line.startswith("• ") for line in lines[:points])
    assert lines[points : points + 2] == ("", "数据来源：")
    assert (
        "360亿元 — “2022年，上合示范区对外贸易额达360亿元，增长38.3%” "
        "《万众一心向前冲，“上合人”激活“新动能”》"
    ) in lines
    assert any(line.startswith("约260.3亿元 — 2021年对外贸易额（推算）：按") for line in lines)
    assert len(lines) == points + 2 + len(trade.sources)


def test_english_speaker_notes_quote_the_title(decks):
    trade = slide(decks["en"], "trade")
    assert trade.speaker_notes[len(trade.talking_points) + 1] == "Sources:"
    assert (
        "CNY 36 bn — “2022年，上合示范区对外贸易额达360亿元，增长38.3%” "
        '"All together forward — the "SCO people" unlock "new momentum""'
    ) in trade.speaker_notes


def test_a_slide_without_notes_has_none(decks):
    assert decks["zh"].slides[0].speaker_notes == ()


def test_the_sources_table_is_striped_text(decks):
    (table,) = slide(decks["zh"], "sources").blocks
    assert isinstance(table, Table)
    assert table.striped
    assert len(table.rows) == len(table.shown) >= 1
    assert all(len(row) == len(table.columns) for row in table.rows)


def test_document_info_comes_from_the_source(decks):
    info = decks["zh"].info
    assert info.lang == "zh" and info.author == "reportgen"
    assert info.title == "上合示范区：三年迈上三个台阶"
    assert info.date == "2023-05-19"
    assert info.keywords[0] == "qingdao-sco-2023-05"


def test_the_kpi_grid_is_decided_with_the_content(decks):
    (grid,) = slide(decks["zh"], "key_figures").blocks
    assert (grid.rows, grid.cols) == (2, 3)  # six figures: two rows of three
