"""Build the deck's content model from a dataset, a template's plans and a language.

This is where each block is decided: which values, formatted how, with which sources. The
renderers only draw what this returns.
"""

from __future__ import annotations

from reportgen import locale
from reportgen.charts.model import ChartData
from reportgen.charts.resolve import metric_labels, resolve_chart, source_line
from reportgen.content.model import (
    Block,
    Bullets,
    Chart,
    Deck,
    DocumentInfo,
    Kpis,
    Slide,
    SourceNote,
    Table,
)
from reportgen.content.text import SnippetError, SnippetRenderer, template_file
from reportgen.data import Dataset
from reportgen.formatting import (
    Lang,
    derivation_text,
    format_date,
    format_date_range,
    format_metric,
    format_period,
    rank_text,
)
from reportgen.template.plan import DeckPlan, Localized, LocalizedList, SlidePlan, TablePlan


class _Builder:
    def __init__(self, dataset: Dataset, template, lang: Lang):
        self.dataset, self.template, self.lang = dataset, template, lang
        info = dataset.info
        self.context = {
            "title": getattr(info, f"title_{lang}"),
            "subject": getattr(info, f"subject_{lang}"),
            "source": source_line(dataset, lang),
            "date": format_date(info.as_of, lang),
        }
        source = template_file(template, "deck.yaml")
        self.snippets = SnippetRenderer(dataset, lang, self.context, source=source)
        self.labels = metric_labels(dataset, lang)

    def text(self, value: Localized | None, where: str, used: list[str]) -> str | None:
        if value is None:
            return None
        text, ids = self.snippets.render(getattr(value, self.lang), where)
        used.extend(i for i in ids if i not in used)
        return text

    def texts(self, value: LocalizedList | None, where: str, used: list[str]) -> tuple[str, ...]:
        if value is None:
            return ()
        return tuple(
            self.text(Localized(zh=zh, en=en), f"{where} item {n}", used)
            for n, (zh, en) in enumerate(zip(value.zh, value.en, strict=True), 1)
        )

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
            blocks.append(Kpis(kpis.points()))
            used.extend(s for p in kpis.points() for s in p.sources)
        for chart_id in (plan.chart, plan.timeline):
            if chart_id:
                chart = self.chart(chart_id)
                blocks.append(Chart(chart))
                used.extend(s for p in chart.points() for s in p.sources)
        if plan.table:
            blocks.append(self.table(plan.table, used, f"{where} table"))
        points = self.texts(plan.points, f"{where} points", used)
        if points:
            blocks.append(Bullets(points))
        for side in ("left", "right"):
            items = self.texts(getattr(plan, side), f"{where} {side}", used)
            if items:
                heading = self.text(getattr(plan, f"{side}_heading"), f"{where} {side}", used)
                blocks.append(Bullets(items, heading))
        note = self.text(plan.note, f"{where} note", used)
        if any(p.derived for b in blocks if isinstance(b, Chart) for p in b.chart.points()):
            hint = locale.get(self.lang).HATCH_NOTE
            note = f"{hint}{'' if self.lang == 'zh' else ' '}{note}" if note else hint
        talking = self.texts(plan.notes, f"{where} notes", used)
        return Slide(
            id=plan.id,
            layout=plan.layout,
            title=title,
            subtitle=subtitle,
            blocks=tuple(blocks),
            note=note,
            talking_points=talking,
            sources=self.sources(used),
        )

    def table(self, plan: TablePlan, used: list[str], where: str = "table") -> Table:
        lang = self.lang
        records = {
            "metrics": {m.id: m for m in self.dataset.metrics},
            "events": {e.id: e for e in self.dataset.events},
            "articles": {a.id: a for a in self.dataset.articles},
        }[plan.source]
        ids = plan.ids or list(records)
        if not ids:  # a table of nothing cannot be drawn
            raise SnippetError(f"{self.snippets.source}: {where}: no {plan.source} in the data")
        rows = []
        for record_id in ids:
            record = records.get(record_id)
            if record is None:  # the template names a record this data folder lacks
                raise SnippetError(
                    f"{self.snippets.source}: {where}: "
                    f"no {plan.source[:-1]} '{record_id}' in the data"
                )
            if plan.source == "metrics":
                used.append(record.id)
            rows.append(tuple(self.cell(record, column.field) for column in plan.columns))
        return Table(
            columns=tuple(getattr(c.heading, lang) for c in plan.columns),
            rows=tuple(rows),
            numeric=tuple(c.field == "value" for c in plan.columns),
        )

    def cell(self, record, field: str) -> str:
        lang = self.lang
        if field == "value":
            return format_metric(record, lang)
        if field == "label":
            return getattr(record, f"label_{lang}")
        if field == "note":
            return getattr(record, f"note_{lang}", None) or ""
        if field == "period":
            return format_period(record.period, lang)
        if field == "date":
            if getattr(record, "end_date", None):
                return format_date_range(record.date, record.end_date, lang)
            return format_date(record.date, lang)
        if field == "parties":
            return ("、" if lang == "zh" else "; ").join(getattr(record, f"parties_{lang}"))
        value = getattr(record, f"{field}_{lang}", None)
        if value is None:
            value = getattr(record, field, None)
        return value or "—"

    def sources(self, used: list[str]) -> tuple[SourceNote, ...]:
        notes = []
        metrics = {m.id: m for m in self.dataset.metrics}
        rankings = {r.id: r for r in self.dataset.rankings}
        titles = {a.id: getattr(a, f"title_{self.lang}") for a in self.dataset.articles}
        for fact_id in dict.fromkeys(used):
            if fact_id in metrics:
                metric = metrics[fact_id]
                shown = format_metric(metric, self.lang)
                if metric.is_derived:
                    notes.append(
                        SourceNote(
                            fact_id,
                            shown,
                            None,
                            None,
                            derivation_text(metric, self.labels, self.lang),
                        )
                    )
                else:
                    notes.append(
                        SourceNote(fact_id, shown, metric.quote, titles.get(metric.article))
                    )
            elif fact_id in rankings:
                ranking = rankings[fact_id]
                shown = (
                    f"{ranking.year}年度{rank_text(ranking.rank, self.lang)}"
                    if self.lang == "zh"
                    else f"{rank_text(ranking.rank, self.lang)} in {ranking.year}"
                )
                notes.append(SourceNote(fact_id, shown, ranking.quote, titles.get(ranking.article)))
        return tuple(notes)


def build_deck(dataset: Dataset, template, plan: DeckPlan, lang: Lang) -> Deck:
    """The deck for one language: every slide of the plan, filled from the data."""
    builder = _Builder(dataset, template, lang)
    info = dataset.info
    keywords = tuple(dict.fromkeys([info.id, *(s.chart for s in plan.slides if s.chart)]))
    document = DocumentInfo(
        title=builder.context["title"],
        subject=getattr(info, f"subject_{lang}"),
        author="reportgen",
        keywords=keywords,
        lang=lang,
        date=dataset.page.date_earliest
        if dataset.page and dataset.page.date_earliest
        else info.as_of,
    )
    return Deck(info=document, slides=tuple(builder.slide(s) for s in plan.slides))
