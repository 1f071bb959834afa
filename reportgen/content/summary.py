"""Build the PDF summary's content model: the same facts as the deck, condensed, each number
with a numbered source note."""

from __future__ import annotations

from reportgen import locale
from reportgen.charts.resolve import resolve_chart
from reportgen.content.deck import _Builder
from reportgen.content.model import (
    CITE_CLOSE,
    CITE_OPEN,
    Bullets,
    Chart,
    DocumentInfo,
    Section,
    SourceNote,
    Summary,
    Table,
)
from reportgen.content.text import SnippetError, SnippetRenderer, derived_mark, template_file
from reportgen.data import Dataset
from reportgen.formatting import Lang, format_date, format_date_range, format_metric, format_period
from reportgen.template.plan import Localized, SummaryPlan


class _Citations:
    """Numbers source notes in order of first citation; facts quoted from the same sentence
    share one note (360亿元 and 38.3% both cite "对外贸易额达360亿元，增长38.3%")."""

    def __init__(self, dataset: Dataset) -> None:
        self.keys: list[str] = []
        self.facts: dict[str, list[str]] = {}
        quotes = {m.id: m.quote for m in dataset.metrics if m.quote}
        quotes.update({r.id: r.quote for r in dataset.rankings})
        self._key = lambda fact_id: quotes.get(fact_id) or f"derived:{fact_id}"

    def number(self, fact_id: str) -> int:
        key = self._key(fact_id)
        if key not in self.facts:
            self.keys.append(key)
            self.facts[key] = []
        if fact_id not in self.facts[key]:
            self.facts[key].append(fact_id)
        return self.keys.index(key) + 1

    def marker(self, fact_id: str) -> str:
        return f"{CITE_OPEN}{self.number(fact_id)}{CITE_CLOSE}"

    def notes(self, base: _Builder, lang: Lang) -> tuple[SourceNote, ...]:
        joiner = "、" if lang == "zh" else ", "
        notes = []
        for key in self.keys:
            parts = base.sources(self.facts[key])
            first = parts[0]
            notes.append(
                SourceNote(
                    first.fact_id,
                    joiner.join(p.shown for p in parts),
                    first.quote,
                    first.article,
                    first.derivation,
                )
            )
        return tuple(notes)


def build_summary(dataset: Dataset, template, plan: SummaryPlan, lang: Lang) -> Summary:
    base = _Builder(dataset, template, lang)
    citations = _Citations(dataset)
    plan_file = template_file(template, "summary.yaml")
    snippets = SnippetRenderer(dataset, lang, base.context, cite=citations.marker, source=plan_file)

    def text(value: Localized, where: str) -> str:
        return snippets.render(getattr(value, lang), where)[0]

    title = text(plan.title, "summary title")
    lead = text(plan.lead, "summary lead")
    headings = locale.get(lang).SUMMARY_HEADINGS
    sections = [Section(headings[0], (_key_figures(dataset, plan, lang, citations),))]
    charts = [resolve_chart(template.chart(chart_id), dataset, lang) for chart_id in plan.charts]
    for chart in charts:
        for point in chart.points():
            for source in point.sources:
                citations.number(source)
    sections.append(Section(headings[1], tuple(Chart(c) for c in charts)))
    if plan.events:
        events = _events(dataset, plan, lang)
        if not events.rows:  # the window fits another month's data, not this one's
            raise SnippetError(
                f"{plan_file}: summary events: no events between {plan.events.from_} and "
                f"{plan.events.to} in the data"
            )
        sections.append(Section(headings[2], (events,)))
    if plan.topics:
        blocks = []
        for n, topic in enumerate(plan.topics, 1):
            items = tuple(
                snippets.render(zh if lang == "zh" else en, f"summary topic {n}")[0]
                for zh, en in zip(topic.points.zh, topic.points.en, strict=True)
            )
            blocks.append(Bullets(items, getattr(topic.heading, lang)))
        sections.append(Section(headings[3], tuple(blocks)))
    notes = citations.notes(base, lang)
    page = dataset.page
    first = dataset.articles[0]
    outlet = getattr(page, f"outlet_{lang}") if page else getattr(first, f"outlet_{lang}")
    reporter = getattr(first, f"reporter_{lang}")
    date = format_date(page.date if page else first.date, lang)
    byline = " · ".join(part for part in (outlet, date, reporter) if part)
    info = DocumentInfo(
        title=title,
        subject=getattr(dataset.info, f"subject_{lang}"),
        author="reportgen",
        keywords=(dataset.info.id, *plan.charts),
        lang=lang,
        date=page.date_earliest if page and page.date_earliest else dataset.info.as_of,
    )
    derived = locale.get(lang).DERIVED_NOTE
    return Summary(
        info=info,
        title=title,
        byline=byline,
        lead=lead,
        sections=(*sections, Section(headings[4], ())),
        notes=tuple(notes),
        derived_note=derived,
    )


def _key_figures(dataset: Dataset, plan: SummaryPlan, lang: Lang, citations: _Citations) -> Table:
    rows = []
    for figure in plan.key_figures:
        metric = dataset.metric(figure.metric)
        value = format_metric(metric, lang) + (derived_mark(lang) if metric.is_derived else "")
        change = ""
        refs = [citations.number(metric.id)]
        if figure.change:
            growth = dataset.metric(figure.change)
            change = format_metric(growth, lang)
            refs.append(citations.number(growth.id))
        rows.append(
            (
                getattr(metric, f"label_{lang}"),
                value,
                change,
                _period(metric, lang),
                ", ".join(str(r) for r in dict.fromkeys(refs)),
            )
        )
    return Table(
        columns=locale.get(lang).FIGURE_COLUMNS,
        rows=tuple(rows),
        numeric=(False, True, True, False, False),
    )


def _events(dataset: Dataset, plan: SummaryPlan, lang: Lang) -> Table:
    window = plan.events
    chosen = [e for e in dataset.events if window.from_ <= e.date <= window.to + "\uffff"]
    chosen.sort(key=lambda e: (e.date, e.id))
    heads = ("日期", "活动", "地点") if lang == "zh" else ("Date", "Event", "Place")
    rows = tuple(
        (
            format_date_range(e.date, e.end_date, lang),
            getattr(e, f"title_{lang}"),
            getattr(e, f"place_{lang}") or "—",
        )
        for e in chosen
    )
    return Table(columns=heads, rows=rows)


__all__ = ["SourceNote", "build_summary"]


def _period(metric, lang: Lang) -> str:
    period = format_period(metric.period, lang)
    if metric.period_kind == "during":
        return period
    return f"截至{period}" if lang == "zh" else f"as of {period}"
