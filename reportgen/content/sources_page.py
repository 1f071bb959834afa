"""The sources page's content: where every number of a deck comes from.

A presenter asked "where is that from?" opens the page `build` writes beside the deck: the
deck as an outline of slides, each number on a slide linked to its figure (label, value as
shown, unit, period, topic, kind, whether a person reviewed it; for a derived value its
formula in words and the figures it uses), and each figure linked to its sentence,
highlighted in the full text of its article. Everything here is decided from the deck's
content and the dataset; the renderer only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from reportgen import locale
from reportgen.content.display import for_display
from reportgen.content.facts import Facts
from reportgen.content.model import Deck, DocumentInfo, Shown
from reportgen.data import Dataset
from reportgen.data.formulas import names_in
from reportgen.data.provenance import HEADING_MARK
from reportgen.formatting import format_period
from reportgen.locale import Lang, PageTexts
from reportgen.text.normalize import locate


@dataclass(frozen=True)
class Figure:
    """One fact the deck shows (or a derived one uses), as the page describes it."""

    id: str
    label: str
    shown: str  # as on the slides: hedge and derived mark included
    unit: str
    period: str
    topic: str
    role: str
    reviewed: bool
    article: str | None  # the article it is quoted from
    quote: str | None
    located: bool  # the quote is highlighted in the article's text
    derivation: str | None  # how it was computed, in words
    inputs: tuple[str, ...]  # the figures a derived value is computed from
    slides: tuple[int, ...]  # the slides that show it (1-based)


@dataclass(frozen=True)
class Passage:
    """A stretch of an article's text: plain, or the sentence of one or more figures."""

    text: str
    figures: tuple[str, ...] = ()
    #: The figures whose highlighted sentence starts here (the page links to this spot).
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceArticle:
    id: str
    title: str
    outlet: str
    date: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class OutlineSlide:
    number: int
    title: str
    subtitle: str | None
    shown: tuple[Shown, ...]  # every number on the slide or in its notes, in order


@dataclass(frozen=True)
class SourcesPage:
    info: DocumentInfo
    texts: PageTexts
    slides: tuple[OutlineSlide, ...]
    figures: tuple[Figure, ...]
    articles: tuple[SourceArticle, ...]

    @property
    def unreviewed(self) -> bool:
        return any(not figure.reviewed for figure in self.figures)


def build_sources_page(
    deck: Deck, dataset: Dataset, lang: Lang, facts: Facts | None = None
) -> SourcesPage:
    """The sources page of ``deck``: its slides, their figures and those figures' inputs,
    and the articles they are quoted from."""
    facts = facts or Facts(dataset, lang)
    shown = for_display(dataset)
    slides = tuple(
        OutlineSlide(number, slide.title, slide.subtitle, slide.shown)
        for number, slide in enumerate(deck.slides, start=1)
    )
    on_slides: dict[str, list[int]] = {}
    for slide in slides:
        for item in slide.shown:
            on_slides.setdefault(item.fact, []).append(slide.number)
    wanted = _with_inputs(list(on_slides), shown)
    figures = tuple(
        _figure(fact, shown, facts, lang, tuple(dict.fromkeys(on_slides.get(fact, ()))))
        for fact in wanted
    )
    quoted = {f.article for f in figures if f.article}
    articles = tuple(
        _article(article, shown.article_texts.get(article.id, ""), figures, lang)
        for article in shown.articles
        if article.id in quoted
    )
    located = {fact for a in articles for passage in a.passages for fact in passage.figures}
    figures = tuple(replace(figure, located=figure.id in located) for figure in figures)
    return SourcesPage(deck.info, locale.get(lang).PAGE_TEXTS, slides, figures, articles)


def _with_inputs(facts: list[str], dataset: Dataset) -> list[str]:
    """The facts and, after them, every figure a derived one is computed from (and theirs)."""
    metrics = {m.id: m for m in dataset.metrics}
    found = list(dict.fromkeys(facts))
    for fact in found:  # grows while it is walked: inputs of inputs too
        metric = metrics.get(fact)
        if metric is not None and metric.derived is not None:
            found += [name for name in names_in(metric.derived.formula) if name not in found]
    return found


def _figure(
    fact: str, dataset: Dataset, facts: Facts, lang: Lang, slides: tuple[int, ...]
) -> Figure:
    metric = next((m for m in dataset.metrics if m.id == fact), None)
    source = facts.source(fact)
    value = facts.shown(fact)
    if metric is not None:
        return Figure(
            id=fact,
            label=metric.label[lang],
            shown=value.display if value else "",
            unit=metric.unit,
            period=format_period(metric.period, lang),
            topic=dataset.topics.name(metric.topic, lang),
            role=metric.role or "",
            reviewed=metric.reviewed,
            article=metric.article,
            quote=metric.quote,
            located=False,
            derivation=source.derivation if source else None,
            inputs=tuple(names_in(metric.derived.formula)) if metric.derived else (),
            slides=slides,
        )
    ranking = next(r for r in dataset.rankings if r.id == fact)
    words = [ranking.entity[lang], ranking.assessment[lang] or dataset.assessment[lang]]
    return Figure(
        id=fact,
        label=" · ".join(w for w in words if w) or (value.display if value else fact),
        shown=value.display if value else "",
        unit="",
        period=str(ranking.year),
        topic="",
        role="rank",
        reviewed=ranking.reviewed,
        article=ranking.article,
        quote=ranking.quote,
        located=False,
        derivation=None,
        inputs=(),
        slides=slides,
    )


def readable(text: str) -> str:
    """An article's text as a reader sees it: subheads without their ``## `` mark."""
    return "\n".join(line.removeprefix(HEADING_MARK) for line in text.split("\n"))


def cut(text: str, spans: list[tuple[int, int, str]]) -> tuple[Passage, ...]:
    """``text`` cut into passages at the edges of the spans (start, end, fact): each passage
    says which facts' sentences cover it and which of those start there. The passages
    joined are the text; overlapping sentences share the passages they share."""
    edges = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    passages = []
    started: set[str] = set()
    for start, end in pairwise(edges):
        covering = tuple(dict.fromkeys(f for s, e, f in spans if s <= start and end <= e))
        anchors = tuple(f for f in covering if f not in started)
        started.update(anchors)
        passages.append(Passage(text[start:end], covering, anchors))
    return tuple(passages)


def _article(article, text: str, figures: tuple[Figure, ...], lang: Lang) -> SourceArticle:
    """The article's text cut into passages at the edges of its figures' sentences."""
    text = readable(text)
    spans: list[tuple[int, int, str]] = []
    for figure in figures:
        if figure.article == article.id and figure.quote:
            found = locate(figure.quote, text)
            if found is not None:
                spans.append((*found, figure.id))
    return SourceArticle(
        article.id,
        article.title[lang],
        article.outlet[lang],
        article.date,
        cut(text, spans),
    )
