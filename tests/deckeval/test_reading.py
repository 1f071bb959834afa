"""A built deck read back: each text with its place, empty frames, notes line by line."""

from __future__ import annotations

from reportgen.deckeval.reading import read_deck


def test_texts_are_read_with_where_they_are(deck_file):
    path = deck_file(
        [
            {"title": "上合示范区简报", "body": ["2023年6月"], "opening": True},
            {
                "title": "对外贸易",
                "body": ["外贸增长21.5%", "出口增长25.1%"],
                "table": [["指标", "数值"], ["企业", "4700家"]],
                "notes": ["• 讲解要点", "", "来源："],
            },
        ]
    )
    first, second = read_deck(path)
    assert not first.is_content and second.is_content
    assert [(t.place, t.text) for t in second.shown()] == [
        ("title", "对外贸易"),
        ("text", "外贸增长21.5%"),
        ("text", "出口增长25.1%"),
        ("table", "指标"),
        ("table", "数值"),
        ("table", "企业"),
        ("table", "4700家"),
    ]
    assert [t.text for t in second.notes()] == ["• 讲解要点", "来源："]


def test_a_text_frame_left_empty_is_reported(deck_file):
    (slide,) = read_deck(deck_file([{"title": "物流", "body": []}]))
    assert len(slide.empty_frames) == 1
    assert slide.texts[0].text == "物流"
