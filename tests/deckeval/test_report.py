"""Pooling and printing: counts add up over decks, the table and JSON show them."""

from __future__ import annotations

import json

from reportgen.deckeval.report import DeckReport, Hit, format_table, pooled, to_json


def reports() -> list[DeckReport]:
    a = DeckReport("a", ["a.txt"], built=True, slides={"zh": 6, "en": 6})
    a.placeholder_slide_texts, a.placeholder_note_texts = 3, 2
    a.placeholder_forms = {"(draft)": 4, "请在此": 1}
    a.charts, a.mixed_charts = 2, 1
    a.figures, a.figures_sourced = 10, 9
    a.untranslated_slides, a.untranslated_texts = 2, 5
    a.hits = [Hit("en", 1, "title", "(draft) 标题", "(draft)")]
    b = DeckReport("b", ["b.txt"], built=False, failure="build exit 3: bad hedge")
    return [a, b]


def test_pooled_counts_are_sums_and_one_failure_fails_the_set():
    total = pooled(reports())
    assert not total.built
    assert total.slides == {"zh": 6, "en": 6}
    assert (total.placeholders, total.mixed_charts, total.charts) == (5, 1, 2)
    assert total.sourced_share == 0.9
    assert total.placeholder_forms == {"(draft)": 4, "请在此": 1}
    assert "b: build exit 3: bad hedge" in total.failure


def test_the_table_has_a_row_per_deck_and_the_pool():
    table = format_table(reports(), details=True)
    assert "9/10 (90%)" in table
    assert "all 2 decks" in table
    assert "b: did not build: build exit 3: bad hedge" in table
    assert "a [en] slide 1 title: (draft): (draft) 标题" in table


def test_json_holds_every_deck_and_the_pool():
    data = json.loads(to_json(reports()))
    assert [d["name"] for d in data["decks"]] == ["a", "b"]
    assert data["decks"][0]["placeholders"] == 5
    assert data["pooled"]["figures_sourced"] == 9
    assert "hits" not in data["pooled"]
