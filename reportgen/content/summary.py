"""Build the PDF summary's content model: the same facts as the deck, condensed, each number
with a numbered source note."""

from __future__ import annotations

from reportgen import locale
from reportgen.charts.resolve import resolve_chart
from reportgen.content.display import for_display
from reportgen.content.facts import Facts
from reportgen.content.model import (
    Bullets,
    Chart,
    DocumentInfo,
    KeyFigure,
    Prose,
    Section,
    Shown,
    SourceList,
    Summary,
    Table,
)
from reportgen.content.sources import Citations
from reportgen.content.text import (
    SnippetError,
    SnippetRenderer,
    snippet_context,
    template_file,
)
from reportgen.data import Dataset
from reportgen.formatting import format_date, format_date_range
from reportgen.locale import Lang
from reportgen.template.plan import SummaryPlan


def build_summary(
    dataset: Dataset, template, plan: SummaryPlan, lang: Lang, facts: Facts | None = None
) -> Summary:
    """The summary for one language. ``facts`` is the decision shared with the deck (made
    here if not given)."""
    dataset = for_display(dataset)  # labels and titles as a page shows them
    facts = facts if facts is not None else Facts(dataset, lang)
    citations = Citations(facts)
    plan_file = template_file(template, "summary.yaml")
    context = snippet_context(dataset, lang)
    snippets = SnippetRenderer(
        dataset, lang, context, cite=citations.marker, source=plan_file, facts=facts
    )
    used: list[str] = []

    def text(snippet: str, where: str) -> str:
        rendered, ids = snippets.render(snippet, where)
        used.extend(ids)
        return rendered

    title = text(plan.title[lang], "summary title")
    lead = text(plan.lead[lang], "summary lead")
    headings = locale.get(lang).SUMMARY_HEADINGS
    figures = facts.plan_figures(plan.key_figures)
    sections = [Section(headings[0], (_key_figures(figures, citations, lang),))]
    used.extend(f.value.fact for f in figures)
    used.extend(f.change.fact for f in figures if f.change)
    charts = [resolve_chart(template.chart(chart_id), dataset, lang) for chart_id in plan.charts]
    for chart in charts:
        for point in chart.points():
            for source in point.sources:
                citations.number(source)
                used.append(source)
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
            items, shown = [], []
            for point in topic.points[lang]:
                rendered, ids = snippets.render(point, f"summary topic {n}")
                items.append(rendered)
                shown.append(facts.shown_all(ids))
                used.extend(ids)
            blocks.append(Bullets(tuple(items), topic.heading[lang], tuple(shown)))
        sections.append(Section(headings[3], tuple(blocks)))
    notes = (Prose(locale.get(lang).DERIVED_NOTE), SourceList(citations.citations()))
    page = dataset.page
    first = dataset.articles[0]
    outlet = page.outlet[lang] if page else first.outlet[lang]
    reporter = first.reporter[lang]
    date = format_date(page.date if page else first.date, lang)
    byline = " · ".join(part for part in (outlet, date, reporter) if part)
    info = DocumentInfo(
        title=title,
        subject=dataset.info.subject[lang],
        author="reportgen",
        keywords=(dataset.info.id, *plan.charts),
        lang=lang,
        date=page.date_earliest if page and page.date_earliest else dataset.info.as_of,
    )
    return Summary(
        info=info,
        title=title,
        byline=byline,
        lead=lead,
        sections=(*sections, Section(headings[4], notes)),
        shown=facts.shown_all(used),
    )


def _key_figures(figures: tuple[KeyFigure, ...], citations: Citations, lang: Lang) -> Table:
    rows, shown = [], []
    for figure in figures:
        change: tuple[Shown, ...] = (figure.change,) if figure.change else ()
        refs = citations.numbers([figure.value.fact, *(c.fact for c in change)])
        rows.append(
            (
                figure.label,
                figure.value.display,
                # The change has never carried the derived mark here: kept so, the outputs
                # stay byte-identical.
                figure.change.text if figure.change else "",
                figure.period,
                refs,
            )
        )
        shown.append((None, figure.value, figure.change, None, None))
    return Table(
        columns=locale.get(lang).FIGURE_COLUMNS,
        rows=tuple(rows),
        numeric=(False, True, True, False, False),
        shown=tuple(shown),
    )


def _events(dataset: Dataset, plan: SummaryPlan, lang: Lang) -> Table:
    window = plan.events
    chosen = [e for e in dataset.events if window.from_ <= e.date <= window.to + "\uffff"]
    chosen.sort(key=lambda e: (e.date, e.id))
    rows = tuple(
        (
            format_date_range(e.date, e.end_date, lang),
            e.title[lang],
            e.place[lang] or "—",
        )
        for e in chosen
    )
    return Table(columns=locale.get(lang).EVENT_COLUMNS, rows=rows)
