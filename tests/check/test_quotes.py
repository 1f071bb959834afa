"""Source notes are quotations (`check/quotes.py`): their sentences are proved against the
data and the articles, and the figures inside them are not matched to other facts."""

from __future__ import annotations

import dataclasses

import pytest

from reportgen.check import check_bytes
from reportgen.check.quotes import blank_quotations, quote_problems, verified_quotes
from reportgen.content.facts import Facts
from reportgen.data import load_dataset
from tests.check import drawn
from tests.check.folders import RAIL, RAIL_METRICS, folder


@pytest.fixture
def rail(tmp_path):
    return load_dataset(folder(tmp_path, RAIL, RAIL_METRICS))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_exact_figure_quoted_in_a_note_is_no_hedged_fact(rail, briefing, lang, tmp_path):
    """Issue 14: 增加国家铁路建设投资1000亿元 quoted in the note of 25% was read as the hedged
    首次突破千亿元 and stopped the build (`1000亿 is shown without its hedge`)."""
    from reportgen.render.pdf import render_summary
    from reportgen.render.pptx import render_deck

    summary, deck = drawn.summary(rail, lang), drawn.deck(rail, lang)
    pdf, pptx = render_summary(summary, briefing), render_deck(deck, briefing)
    assert check_bytes(pdf, "pdf", rail, "s.pdf", summary) == []
    assert check_bytes(pptx, "pptx", rail, "d.pptx", deck) == []
    # read without the content (`reportgen check` on the files), the quote is the article's
    # as validate reads it, its line-broken name joined
    assert check_bytes(pdf, "pdf", rail, "s.pdf") == []
    assert check_bytes(pptx, "pptx", rail, "d.pptx") == []


def test_a_note_that_quotes_another_sentence_is_the_contents_fault(rail):
    note = Facts(rail, "zh").source("freight_growth")
    assert quote_problems(note, rail) == []
    other = dataclasses.replace(note, quote="增加国家铁路建设投资1000亿元")
    assert quote_problems(other, rail) == [
        "freight_growth: its source note quotes a sentence that is not the fact's quote in "
        "the data (content)"
    ]
    quotes, bad = verified_quotes([note, other], rail)
    assert quotes == [note.quote] and [n for n, _ in bad] == [other]


def test_a_quote_its_article_does_not_hold_is_the_datas_fault(rail):
    note = Facts(rail, "zh").source("freight_growth")
    edited = dataclasses.replace(rail, article_texts={"trade": "全国铁路投资首次突破千亿元。"})
    assert quote_problems(note, edited) == [
        "freight_growth: the quote of its source note is not in article 'trade' "
        "(data: run reportgen validate)"
    ]


def test_a_quotation_is_blanked_however_the_page_wraps_it():
    text = "2. 25%：“面向Tashkent增加国家铁路建设投\n资1000亿元”《报道》"
    blanked = blank_quotations(text, ["面向Tashkent增加国家铁路建设投资1000亿元"])
    assert "1000" not in blanked and "25%" in blanked and "《报道》" in blanked
    assert len(blanked) == len(text)


@pytest.mark.slow
def test_a_figure_in_the_title_a_note_cites_is_a_name(tmp_path, briefing):
    """The note of an exact 20万元 cites an article titled …最高补贴20万元: the title's 最高
    is its headline's wording, not a hedge the template put before the figure."""
    from reportgen.render.pptx import render_deck
    from tests.check.folders import PEAK

    metric = {
        "id": "subsidy",
        "label_zh": "创业补助",
        "label_en": "Start-up grant",
        "value": 200000,
    }
    metric["quote"] = "对外贸易额增长25%，补贴20万元"
    article = PEAK.replace("增长25%", "增长25%，补贴20万元")
    data = load_dataset(folder(tmp_path, article, [metric], title="创业者最高补贴20万元"))
    deck = drawn.deck(data, "zh")
    assert any("最高补贴20万元》" in line for line in deck.slides[0].speaker_notes)
    assert check_bytes(render_deck(deck, briefing), "pptx", data, "d.pptx", deck) == []


@pytest.mark.slow
def test_a_numeral_inside_a_label_is_the_labels_wording(tmp_path, briefing):
    """A translated label that keeps a numeral (出台新一轮 as 'new 1 round') printed beside its
    value: the 1 is the label's, not a figure missing the hedge of the data's 1年以上."""
    from reportgen.render.pdf import render_summary

    article = "## 示范区一季度成绩单\n\n出台新一轮政策，补贴20万元。对首次创业1年以上的给予支持。\n"
    metrics = [
        {
            "id": "subsidy",
            "label_zh": "新一轮政策补贴",
            "label_en": "New 1 round policy subsidy",
            "value": 200000,
            "quote": "出台新一轮政策，补贴20万元",
        },
        {
            "id": "years",
            "label_zh": "创业年限",
            "label_en": "Years in business",
            "value": 1,
            "unit": "年",
            "qualifier": "at_least",
            "hedge": "以上",
            "quote": "对首次创业1年以上的给予支持",
        },
    ]
    data = load_dataset(folder(tmp_path, article, metrics))
    summary = drawn.summary(data, "en", lead="New 1 round policy subsidy {subsidy}")
    pdf = render_summary(summary, briefing)
    assert check_bytes(pdf, "pdf", data, "s.pdf", summary) == []
