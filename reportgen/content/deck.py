"""Build the deck's content model from a dataset, a template's plans and a language.

This is where each slide is arranged: which blocks, with which texts. How each number looks
and where it comes from is decided once, in ``Facts``; the renderers only draw what this
returns.
"""

from __future__ import annotations

import dataclasses

from reportgen import locale
from reportgen.charts.kinds.kpi import kpi_grid
from reportgen.charts.model import ChartData
from reportgen.charts.resolve import resolve_chart
from reportgen.content.display import for_display
from reportgen.content.facts import Facts
from reportgen.content.model import (
    Block,
    Bullets,
    Chart,
    Deck,
    DocumentInfo,
    Kpis,
    Running,
    Shown,
    Slide,
    Table,
)
from reportgen.content.sources import speaker_notes
from reportgen.content.text import (
    SnippetError,
    SnippetRenderer,
    snippet_context,
    template_file,
)
from reportgen.data import Dataset
from reportgen.data.translation import described, untranslated
from reportgen.formatting import format_date, format_date_range, format_period, rank_text
from reportgen.locale import LANGS, Lang
from reportgen.locale.texts import Localized
from reportgen.template.plan import DeckPlan, SlidePlan, TablePlan


class _Builder:
    def __init__(self, dataset: Dataset, template, lang: Lang, facts: Facts | None = None):
        self.dataset, self.template, self.lang = dataset, template, lang
        self.facts = facts if facts is not None else Facts(dataset, lang)
        self.context = snippet_context(dataset, lang)
        source = template_file(template, "deck.yaml")
        self.snippets = SnippetRenderer(
            dataset, lang, self.context, source=source, facts=self.facts
        )

    def text(self, value: Localized[str] | None, where: str, used: list[str]) -> str | None:
        if value is None:
            return None
        return self.render(value[self.lang], where, used)

    def render(self, snippet: str, where: str, used: list[str]) -> str:
        text, ids = self.snippets.render(snippet, where)
        used.extend(i for i in ids if i not in used)
        return text

    def texts(
        self, value: Localized[tuple[str, ...]] | None, where: str, used: list[str]
    ) -> tuple[str, ...]:
        return self.items(value, where, used)[0]

    def items(
        self, value: Localized[tuple[str, ...]] | None, where: str, used: list[str]
    ) -> tuple[tuple[str, ...], tuple[tuple[Shown, ...], ...]]:
        """A list's texts, and per text the numbers it shows."""
        if value is None:
            return (), ()
        texts, shown = [], []
        for n, snippet in enumerate(value[self.lang], 1):
            own: list[str] = []
            texts.append(self.render(snippet, f"{where} item {n}", own))
            used.extend(i for i in own if i not in used)
            shown.append(self.facts.shown_all(own))
        return tuple(texts), tuple(shown)

    def chart(self, chart_id: str) -> ChartData:
        return resolve_chart(self.template.chart(chart_id), self.dataset, self.lang)

    def slide(self, plan: SlidePlan) -> Slide:
        where = f"slide '{plan.id}'"
        used: list[str] = []
        title = self.text(plan.title, f"{where} title", used)
        subtitle = self.text(plan.subtitle, f"{where} subtitle", used)
        blocks: list[Block] = []
        if plan.kpis:
            kpis = self.chart(plan.kpis)
            figures = self.facts.chart_figures(kpis)
            blocks.append(Kpis(figures, *kpi_grid(len(figures))))
            used.extend(s for p in kpis.points() for s in p.sources)
            used.extend(f.change.fact for f in figures if f.change is not None)
        for chart_id in (plan.chart, plan.timeline):
            if chart_id:
                chart = self.chart(chart_id)
                blocks.append(Chart(chart))
                used.extend(s for p in chart.points() for s in p.sources)
        if plan.table:
            blocks.append(self.table(plan.table, used, f"{where} table"))
        points, shown = self.items(plan.points, f"{where} points", used)
        if points:
            blocks.append(Bullets(points, shown=shown))
        for side in ("left", "right"):
            items, shown = self.items(getattr(plan, side), f"{where} {side}", used)
            if items:
                heading = self.text(getattr(plan, f"{side}_heading"), f"{where} {side}", used)
                blocks.append(Bullets(items, heading, shown))
        note = self.text(plan.note, f"{where} note", used)
        charts = [b.chart for b in blocks if isinstance(b, Chart)]
        if any(p.derived for chart in charts for p in chart.points()):
            hint = locale.get(self.lang).HATCH_NOTE
            note = f"{hint}{locale.get(self.lang).SPACE}{note}" if note else hint
        footnotes = [text for chart in charts for text in chart.footnotes]
        talking = self.texts(plan.notes, f"{where} notes", used)
        sources = self.facts.sources(used)
        return Slide(
            id=plan.id,
            layout=plan.layout,
            title=title,
            subtitle=subtitle,
            blocks=tuple(blocks),
            note=note,
            talking_points=talking,
            sources=sources,
            footnotes=(*footnotes, note) if note else tuple(footnotes),
            speaker_notes=speaker_notes(talking, sources, self.lang),
            shown=self.facts.shown_all(used),
        )

    def table(self, plan: TablePlan, used: list[str], where: str = "table") -> Table:
        lang = self.lang
        records = {
            "metrics": {m.id: m for m in self.dataset.metrics},
            "events": {e.id: e for e in self.dataset.events},
            "articles": {a.id: a for a in self.dataset.articles},
            "rankings": {r.id: r for r in self.dataset.rankings},
        }[plan.source]
        ids = plan.ids or list(records)
        if not ids:  # a table of nothing cannot be drawn
            raise SnippetError(f"{self.snippets.source}: {where}: no {plan.source} in the data")
        rows, shown = [], []
        for record_id in ids:
            record = records.get(record_id)
            if record is None:  # the template names a record this data folder lacks
                raise SnippetError(
                    f"{self.snippets.source}: {where}: "
                    f"no {plan.source[:-1]} '{record_id}' in the data"
                )
            if plan.source in ("metrics", "rankings"):
                used.append(record.id)
            rows.append(tuple(self.cell(record, column.field) for column in plan.columns))
            shown.append(
                tuple(
                    self.facts.value(record.id)
                    if column.field == "value"
                    else self.facts.shown(record.id)
                    if column.field == "rank"
                    else None
                    for column in plan.columns
                )
            )
        return Table(
            columns=tuple(c.heading[lang] for c in plan.columns),
            rows=tuple(rows),
            numeric=tuple(c.field in ("value", "rank") for c in plan.columns),
            shown=tuple(shown),
        )

    def cell(self, record, field: str) -> str:
        lang = self.lang
        if field == "value":
            # A table's value cell has never carried the derived mark (the chart and the
            # sentences do): kept so, the outputs stay byte-identical.
            return self.facts.value(record.id).text
        if field == "label":
            return record.label[lang]
        if field == "note":
            return record.note[lang] or ""
        if field == "period":
            return format_period(record.period, lang)
        if field == "year":
            return format_period(str(record.year), lang)
        if field == "rank":
            return rank_text(record.rank, lang)
        if field == "date":
            if getattr(record, "end_date", None):
                return format_date_range(record.date, record.end_date, lang)
            return format_date(record.date, lang)
        if field == "parties":
            return locale.get(lang).LIST_SEPARATOR.join(record.parties[lang])
        value = getattr(record, field, None)
        if field in type(record).localized:
            value = value[lang]
        return value or "—"


def build_deck(
    dataset: Dataset, template, plan: DeckPlan, lang: Lang, facts: Facts | None = None
) -> Deck:
    """The deck for one language: every slide of the plan, filled from the data. ``facts``
    is the decision shared with the summary (made here if not given)."""
    dataset = for_display(dataset)  # labels and titles as a slide shows them
    builder = _Builder(dataset, template, lang, facts)
    info = dataset.info
    keywords = tuple(dict.fromkeys([info.id, *(s.chart for s in plan.slides if s.chart)]))
    document = DocumentInfo(
        title=builder.context["title"],
        subject=info.subject[lang],
        author="reportgen",
        keywords=keywords,
        lang=lang,
        date=dataset.page.date_earliest
        if dataset.page and dataset.page.date_earliest
        else info.as_of,
    )
    slides = [builder.slide(s) for s in plan.slides]
    gaps = untranslated(dataset) if lang != LANGS[0] else {}
    wording = locale.get(lang).STORY_TEXTS.untranslated
    if gaps and wording and slides:  # the presenter sees, once, what a person should check
        terms = tuple(dict.fromkeys(t for found in gaps.values() for t in found))
        first = slides[0]
        talking = (*first.talking_points, wording.format(terms=described(terms)))
        slides[0] = dataclasses.replace(
            first,
            talking_points=talking,
            speaker_notes=speaker_notes(talking, first.sources, lang),
        )
    running = Running(footer=document.subject, date=format_date(document.date, lang))
    return Deck(info=document, slides=tuple(slides), running=running)
