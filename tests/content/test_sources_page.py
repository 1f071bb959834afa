"""The sources page's content: every number of the deck traced to its figure and sentence."""

from __future__ import annotations

import pytest

from reportgen.content.deck import build_deck
from reportgen.content.sources_page import build_sources_page
from reportgen.data import load_dataset
from reportgen.text.normalize import squash
from tests.conftest import edit


@pytest.fixture(scope="module", params=["zh", "en"])
def page(request, seed, briefing):
    deck = build_deck(seed, briefing, briefing.deck, request.param)
    return deck, build_sources_page(deck, seed, request.param)


def test_every_number_on_every_slide_has_its_figure(page):
    deck, sources = page
    figures = {f.id: f for f in sources.figures}
    assert len(sources.slides) == len(deck.slides) == 14
    for number, slide in enumerate(deck.slides, start=1):
        for shown in slide.shown:
            assert number in figures[shown.fact].slides
            assert figures[shown.fact].shown == shown.display


def test_every_reported_figure_is_highlighted_in_its_article(page, seed):
    _, sources = page
    articles = {a.id: a for a in sources.articles}
    for figure in sources.figures:
        if figure.quote is None:
            continue
        assert figure.located, figure.id
        marked = "".join(
            p.text for p in articles[figure.article].passages if figure.id in p.figures
        )
        assert squash(marked) == squash(figure.quote)
        starts = [p for p in articles[figure.article].passages if figure.id in p.anchors]
        assert len(starts) == 1  # one place to link to


def test_the_passages_are_the_article_text_whole_without_subhead_marks(page, seed):
    _, sources = page
    for article in sources.articles:
        text = seed.article_texts[article.id]
        joined = "".join(p.text for p in article.passages)
        assert joined == text.replace("\n## ", "\n").removeprefix("## ")
    assert any("\n## " in seed.article_texts[a.id] for a in sources.articles)


def test_a_derived_figure_says_how_and_its_inputs_are_figures_of_the_page(page):
    _, sources = page
    figures = {f.id: f for f in sources.figures}
    derived = [f for f in sources.figures if f.derivation]
    assert derived
    for figure in derived:
        assert figure.quote is None and figure.inputs
        for name in figure.inputs:
            assert name in figures  # even when no slide shows the input itself


def _mini_page(folder, lang):
    from reportgen.build import resolve_template

    dataset = load_dataset(folder)
    template = resolve_template("briefing", {m.id for m in dataset.metrics}, dataset)
    return build_sources_page(build_deck(dataset, template, template.deck, lang), dataset, lang)


def test_a_quote_the_article_writes_otherwise_is_kept_but_not_highlighted(mini, monkeypatch):
    from reportgen.content import sources_page as provenance

    real = provenance.locate
    monkeypatch.setattr(
        provenance, "locate", lambda quote, text: None if "班列" in quote else real(quote, text)
    )
    figures = {f.id: f for f in _mini_page(mini, "en").figures}
    assert not figures["trains_total"].located and figures["trains_total"].quote
    assert figures["trade_2023"].located


def test_a_draft_page_says_it_is_unreviewed(mini):
    assert not _mini_page(mini, "zh").unreviewed
    edit(mini / "metrics.yaml", "    topic: trade\n", "    topic: trade\n    reviewed: false\n")
    assert _mini_page(mini, "zh").unreviewed
