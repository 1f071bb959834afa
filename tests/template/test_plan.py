"""The schema of a template's plans: what deck.yaml and summary.yaml may say."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reportgen.template.plan import DeckPlan, SlidePlan, SummaryPlan, TablePlan

TITLE = {"zh": "标题", "en": "Title"}
NOTES = {"zh": ["来源", "要点"], "en": ["Source", "Point"]}


def slide(**fields) -> dict:
    return {"id": "s", "layout": "Chart", "title": TITLE, "chart": "c", "notes": NOTES, **fields}


def refused(model, data) -> str:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return str(info.value)


def test_a_chart_slide_with_its_chart_and_notes_is_valid():
    plan = SlidePlan.model_validate(slide(points={"zh": ["一"], "en": ["one"]}))
    assert plan.chart == "c" and plan.points["en"] == ("one",)


def test_a_layout_needs_its_block_and_has_no_room_for_others():
    assert "layout 'Chart' needs 'chart'" in refused(SlidePlan, slide(chart=None))
    assert "layout 'Chart' has no place for 'table'" in refused(
        SlidePlan,
        slide(table={"source": "articles", "columns": [{"field": "title", "heading": TITLE}]}),
    )
    two_texts = slide(subtitle=TITLE, points={"zh": ["一"], "en": ["one"]})
    assert "has room for 1 text block(s), not subtitle and points" in refused(SlidePlan, two_texts)


def test_a_content_slide_needs_two_to_four_notes():
    one = {"zh": ["来源"], "en": ["Source"]}
    assert "two to four speaker 'notes'" in refused(SlidePlan, slide(notes=one))
    title = {"id": "t", "layout": "Title", "title": TITLE}
    assert SlidePlan.model_validate(title).notes is None  # a title slide needs none


def test_both_languages_have_as_many_items():
    points = {"zh": ["一", "二"], "en": ["one"]}
    assert "zh has 2 items but en has 1" in refused(SlidePlan, slide(points=points))


def test_a_list_holds_at_most_twelve_items():
    points = {"zh": ["一"] * 13, "en": ["one"] * 13}
    assert "at most 12 items" in refused(SlidePlan, slide(points=points))
    assert len(SlidePlan.model_validate(slide(points={"zh": ["一"] * 12, "en": ["a"] * 12})).points)


def test_plan_texts_are_stripped_like_every_text_of_a_template():
    plan = SlidePlan.model_validate(slide(title={"zh": " 标题 ", "en": "Title\n"}))
    assert dict(plan.title) == {"zh": "标题", "en": "Title"}


def test_a_table_has_only_its_sources_columns():
    columns = [{"field": "value", "heading": TITLE}]
    assert "a table of articles has no column 'value'" in refused(
        TablePlan, {"source": "articles", "columns": columns}
    )
    assert TablePlan.model_validate({"source": "metrics", "columns": columns}).ids == []


def test_slide_ids_are_unique_in_a_deck():
    deck = {"slides": [slide(), slide()]}
    assert "duplicate slide id(s): s" in refused(DeckPlan, deck)


def test_texts_refuse_control_characters_and_typos():
    assert "titel\n  Extra inputs are not permitted" in refused(SlidePlan, slide(titel=TITLE))
    tab = refused(SlidePlan, slide(title={"zh": "标\t题", "en": "Title"}))
    assert "title.zh" in tab and "U+0009 TAB" in tab


def test_a_summary_names_its_event_range_by_from_and_to():
    summary = SummaryPlan.model_validate(
        {
            "title": TITLE,
            "lead": TITLE,
            "key_figures": [{"metric": "trade_2023"}],
            "charts": ["key_figures"],
            "events": {"from": "2023", "to": "2023-12-31"},
        }
    )
    assert (summary.events.from_, summary.events.to) == ("2023", "2023-12-31")
    assert summary.topics == []
    no_chart = summary.model_dump(by_alias=True) | {"charts": []}
    assert "charts" in refused(SummaryPlan, no_chart)
