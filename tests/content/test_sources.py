"""Source-note wording and numbering, on hand-made notes."""

from __future__ import annotations

from reportgen.content.facts import Facts
from reportgen.content.model import CITATION, SourceNote
from reportgen.content.sources import Citations, note_text, speaker_notes

QUOTED = SourceNote("a", "360亿元", "对外贸易额达360亿元", "上合新动能")
DERIVED = SourceNote("b", "22.5%", None, None, "按“甲 ÷ 乙”推算")


def test_a_slide_note_dashes_the_source():
    assert note_text(QUOTED, "zh", "slide") == "360亿元 — “对外贸易额达360亿元” 《上合新动能》"
    assert note_text(QUOTED, "en", "slide") == '360亿元 — “对外贸易额达360亿元” "上合新动能"'
    assert note_text(DERIVED, "zh", "slide") == "22.5% — 按“甲 ÷ 乙”推算"


def test_a_page_note_puts_a_colon_after_the_value():
    assert note_text(QUOTED, "zh", "page") == "360亿元：“对外贸易额达360亿元”《上合新动能》"
    assert note_text(QUOTED, "en", "page") == "360亿元: “对外贸易额达360亿元” (上合新动能)"
    assert note_text(DERIVED, "zh", "page") == "22.5%：按“甲 ÷ 乙”推算"
    assert note_text(DERIVED, "en", "page") == "22.5%: 按“甲 ÷ 乙”推算"


def test_speaker_notes_put_sources_after_a_blank_line_and_heading():
    assert speaker_notes(["要点"], [QUOTED], "zh") == (
        "• 要点",
        "",
        "数据来源：",
        "360亿元 — “对外贸易额达360亿元” 《上合新动能》",
    )
    assert speaker_notes(["point"], [], "en") == ("• point",)
    assert speaker_notes([], [DERIVED], "en")[:2] == ("", "Sources:")


def test_citations_number_by_first_use_and_share_a_sentence(seed):
    citations = Citations(Facts(seed, "zh"))
    assert citations.number("platform_enterprises") == 1
    assert citations.number("foreign_trade_growth_2022") == 2
    assert citations.number("foreign_trade_2022") == 2  # the same sentence
    assert citations.number("platform_enterprises") == 1
    assert citations.numbers(["sco_trade_share_2022", "platform_enterprises"]) == "3, 1"
    assert CITATION.fullmatch(citations.marker("foreign_trade_2022")).group(1) == "2"
    notes = citations.notes()
    assert [n.facts for n in notes] == [
        ("platform_enterprises",),
        ("foreign_trade_growth_2022", "foreign_trade_2022"),
        ("sco_trade_share_2022",),
    ]
    assert notes[1].shown == "38.3%、360亿元"
    assert [c.text[:3] for c in citations.citations()] == ["1. ", "2. ", "3. "]
