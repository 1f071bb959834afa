"""The counters on hand-made decks: each counts what it should and nothing else."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from reportgen.charts.model import ChartData, Point, Series
from reportgen.content.model import Chart, Slide
from reportgen.deckeval.measure import (
    count_mixed,
    count_placeholders,
    count_untranslated,
    measure,
)
from reportgen.deckeval.path import PathRun, Step
from reportgen.deckeval.reading import read_deck
from reportgen.deckeval.report import DeckReport


def test_a_placeholder_note_is_counted_as_a_note(deck_file):
    slides = read_deck(
        deck_file(
            [
                {
                    "title": "对外贸易",
                    "body": ["外贸增长21.5%"],
                    "notes": ["• 请在此写下讲解要点。"],
                },
                {"title": "物流", "body": ["开行312列"], "notes": ["• 中欧班列开行312列。"]},
            ]
        )
    )
    report = DeckReport("d", [])
    count_placeholders(report, "zh", slides)
    assert (report.placeholder_slide_texts, report.placeholder_note_texts) == (0, 1)
    assert report.placeholder_forms == {"请在此": 1}
    assert report.hits[0].slide == 1 and report.hits[0].place == "notes"


def test_generic_titles_and_draft_labels_count_on_slides(deck_file):
    slides = read_deck(
        deck_file(
            [
                {"title": "贸易（%）", "body": ["(draft)出口增速: 25.1%"]},
                {"title": "全部数据", "table": [["指标"], ["(draft) 进口"]], "body": ["x"]},
            ]
        )
    )
    report = DeckReport("d", [])
    count_placeholders(report, "en", slides)
    assert report.placeholder_slide_texts == 4
    assert report.placeholder_forms == {
        "(draft)": 2,
        "title <topic>（<unit>）": 1,
        "全部数据": 1,
    }


def test_an_empty_frame_counts_on_a_content_slide_only(deck_file):
    slides = read_deck(
        deck_file([{"title": "Briefing", "opening": True}, {"title": "Trade", "body": []}])
    )
    report = DeckReport("d", [])
    count_placeholders(report, "en", slides)
    assert report.placeholder_slide_texts == 1
    assert report.hits[0].slide == 2 and report.hits[0].why == "empty text frame"


def test_chinese_on_english_slides_counts_by_slide_and_text(deck_file):
    quote = "对外贸易额达150亿元，增长21.5%；"
    slides = read_deck(
        deck_file(
            [
                {"title": "Foreign trade", "body": ["进口增速: 9.8%", "出口增速: 25.1%"]},
                {"title": "Jiaozhou", "body": ["胶州 (Jiaozhou): 3 parks"]},
                {
                    "title": "Logistics",
                    "body": ["312 trains"],
                    "notes": [f"CNY 15 bn — “{quote}”", "Talking point: 待补充"],
                },
            ]
        )
    )
    report = DeckReport("d", [])
    count_untranslated(report, slides, [quote])
    assert report.untranslated_slides == 1
    assert report.untranslated_texts == 2
    assert report.untranslated_note_lines == 1  # the quote is the article's own; the rest is not


def test_a_deck_that_did_not_build_is_reported_with_its_first_error(tmp_path: Path):
    run = PathRun(
        (Step("extract", 0), Step("plan", 0), Step("build", 3, "最高30: no such hedge")),
        tmp_path / "d",
        tmp_path / "t",
        tmp_path / "o",
    )
    report = measure("a", [tmp_path / "a.txt"], run)
    assert not report.built
    assert report.failure == "build exit 3: 最高30: no such hedge"
    assert report.slides == {}


def metric(id: str, role: str, unit: str, value: float, period_kind: str = "during"):
    return SimpleNamespace(id=id, role=role, unit=unit, value=value, period_kind=period_kind)


def chart_slide(kind: str, *ids: str) -> Slide:
    points = tuple(Point(i, 1.0, "1", sources=(i,)) for i in ids)
    chart = ChartData("c_" + kind, kind, "zh", "t", series=(Series("s", points),))
    return Slide(kind, "Chart", "标题", blocks=(Chart(chart),))


def test_a_chart_of_a_level_and_a_change_is_counted_mixed_key_figures_are_not():
    dataset = SimpleNamespace(
        metrics=[metric("trade", "level", "CNY", 1.0), metric("growth", "change", "%", 1.0)],
        rankings=[],
    )
    slides = [
        chart_slide("kpi", "trade", "growth"),
        chart_slide("bar", "trade", "growth"),
        chart_slide("bar", "growth"),
    ]
    report = DeckReport("d", [])
    count_mixed(report, "zh", slides, dataset)
    assert (report.charts, report.mixed_charts) == (2, 1)
    assert report.hits[0].slide == 2 and report.hits[0].text == "c_bar"
    assert report.hits[0].why.startswith("mixes role, unit")
