"""Labels and titles as slides and pages show them (`content/display.py`): raw page
markers (□ before a byline, ■ before a caption) are no part of a name."""

from __future__ import annotations

import dataclasses

from reportgen.content.display import for_display, without_markers
from reportgen.locale.texts import Localized


def test_a_marker_is_taken_out_of_a_name():
    assert without_markers("□青岛日报记者") == "青岛日报记者"
    assert without_markers("■ 上合之珠国际博览中心") == "上合之珠国际博览中心"
    assert without_markers("对外贸易额") == "对外贸易额"
    assert without_markers("□") == "□"  # nothing else to show: left for the check to report


def test_a_clean_folder_is_shown_as_it_is(seed):
    assert for_display(seed) is seed


def _mark(record, name: str, mark: str):
    values = getattr(record, name)
    return record.model_copy(update={name: Localized({**values, "zh": mark + values["zh"]})})


def _marked(seed):
    """The seed with a caption marker before every label and a byline marker before every
    event title."""
    return dataclasses.replace(
        seed,
        metrics=tuple(_mark(m, "label", "■") for m in seed.metrics),
        events=tuple(_mark(e, "title", "□") for e in seed.events),
    )


def test_labels_and_event_titles_lose_their_markers(seed):
    shown = for_display(_marked(seed))
    assert shown.metrics == seed.metrics and shown.events == seed.events


def test_slides_pages_and_charts_show_names_without_markers(seed, briefing):
    """Issue 14: raw □/■ page markers showed in labels and timeline titles."""
    from reportgen.content.deck import build_deck
    from reportgen.content.facts import Facts
    from reportgen.content.summary import build_summary

    marked = _marked(seed)
    deck = build_deck(marked, briefing, briefing.deck, "zh")
    summary = build_summary(marked, briefing, briefing.summary, "zh", Facts(marked, "zh"))
    texts = [s.title for s in deck.slides]
    for slide in deck.slides:
        for block in slide.blocks:
            texts += block.texts()
    for section in summary.sections:
        for block in section.blocks:
            texts += block.texts()
    assert not any("□" in t or "■" in t for t in texts)
    titles = [e.title["zh"] for e in seed.events]
    assert any(title in text for title in titles for text in texts)  # the titles are shown
