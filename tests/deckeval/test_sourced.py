"""Figures on a slide, and whether each has its source sentence in that slide's notes."""

from __future__ import annotations

from reportgen.charts.model import ChartData, Point, Series, TimelineItem
from reportgen.content.model import Bullets, Chart, KeyFigure, Kpis, Shown, Slide, Table
from reportgen.deckeval.sourced import figures_on, slide_sourcing


def test_figures_are_read_from_every_block_that_shows_numbers():
    kpis = Kpis((KeyFigure("外贸", Shown("trade", "150亿元"), Shown("growth", "21.5%")),), 1, 1)
    bars = ChartData(
        "c", "bar", "zh", "t", series=(Series("s", (Point("a", 1.0, "1", sources=("parks",)),)),)
    )
    timeline = ChartData(
        "e",
        "timeline",
        "zh",
        "t",
        items=(TimelineItem("2023-05-01", None, "5月1日", "签约", None, "ev"),),
    )
    table = Table(
        ("指标", "数值"), (("企业", "4700家"),), shown=((None, Shown("firms", "4700家")),)
    )
    bullets = Bullets(("外贸增长21.5%",), shown=((Shown("growth", "21.5%"),),))
    slide = Slide("s", "Chart", "标题", blocks=(kpis, Chart(bars), Chart(timeline), table, bullets))
    assert figures_on(slide) == ("trade", "growth", "parks", "firms")


QUOTES = {
    "trade": "前5个月，对外贸易额达150亿元，增长21.5%；",
    "firms": "已吸引4700余家企业入驻。",
    "implied": None,  # derived: a formula, no sentence
}


def test_a_figure_counts_when_its_sentence_is_in_the_notes_even_wrapped():
    notes = ["• 外贸", "150亿元 — “前5个月，对外贸易额达150亿元，", "增长21.5%；” 《标题》"]
    found = slide_sourcing(3, ["trade", "firms", "implied", "unknown"], notes, QUOTES)
    assert found.with_sentence == ("trade",)
    assert found.without == ("firms", "unknown")
    assert found.derived == ("implied",)


def test_placeholder_notes_source_nothing():
    found = slide_sourcing(2, ["trade", "firms"], ["请在此写下讲解要点。"], QUOTES)
    assert found.with_sentence == ()
    assert found.without == ("trade", "firms")
