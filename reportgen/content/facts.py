"""The one decision both documents are built from: how each fact is shown and sourced.

The deck and the summary are two views of a dataset in one language. What a number looks like
(its hedge, its derived mark), which fact it comes from, what its source note says and which
key figures a view puts first are decided here, once; the builders only arrange them.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportgen import locale
from reportgen.charts.model import ChartData
from reportgen.charts.resolve import metric_labels
from reportgen.content.display import for_display
from reportgen.content.model import KeyFigure, Shown, SourceNote
from reportgen.data import Dataset
from reportgen.formatting import derivation_text, format_metric, format_period, rank_text
from reportgen.locale import Lang


class Facts:
    """Every metric and ranking of a dataset as one language shows and sources it."""

    def __init__(self, dataset: Dataset, lang: Lang) -> None:
        dataset = for_display(dataset)  # labels and titles as a page shows them
        self.dataset, self.lang = dataset, lang
        self._metrics = {m.id: m for m in dataset.metrics}
        self._rankings = {r.id: r for r in dataset.rankings}
        self._titles = {a.id: a.title[lang] for a in dataset.articles}
        self._labels = metric_labels(dataset, lang)
        self._changes = {m.change_of: m.id for m in dataset.metrics if m.change_of}

    def has_metric(self, fact_id: str) -> bool:
        return fact_id in self._metrics

    def _metric(self, metric_id: str):
        metric = self._metrics.get(metric_id)
        if metric is None:
            raise KeyError(f"no metric '{metric_id}' in dataset '{self.dataset.info.id}'")
        return metric

    def value(self, metric_id: str) -> Shown:
        """A metric as shown: 4700余家; 22.5%（推算） for a derived one. KeyError if unknown."""
        metric = self._metric(metric_id)
        mark = locale.get(self.lang).DERIVED_MARK if metric.is_derived else ""
        return Shown(metric.id, format_metric(metric, self.lang), mark, metric.qualifier)

    def shown(self, fact_id: str) -> Shown | None:
        """A metric or a ranking as shown (2022年度第一名 / first in 2022); None if neither."""
        if fact_id in self._metrics:
            return self.value(fact_id)
        ranking = self._rankings.get(fact_id)
        if ranking is None:
            return None
        rank = rank_text(ranking.rank, self.lang)
        return Shown(ranking.id, locale.get(self.lang).ranked(rank, ranking.year))

    def shown_all(self, fact_ids: Iterable[str]) -> tuple[Shown, ...]:
        """The facts shown, each once, in order of first use; ids of no fact are skipped."""
        found = (self.shown(i) for i in dict.fromkeys(fact_ids))
        return tuple(s for s in found if s is not None)

    def source(self, fact_id: str) -> SourceNote | None:
        """Where a fact comes from: its quote and article, or how it was derived."""
        shown = self.shown(fact_id)
        if shown is None:
            return None
        metric = self._metrics.get(fact_id)
        if metric is not None and metric.is_derived:
            derivation = derivation_text(metric, self._labels, self.lang)
            return SourceNote(fact_id, shown.text, None, None, derivation, (fact_id,))
        record = metric if metric is not None else self._rankings[fact_id]
        title = self._titles.get(record.article)
        return SourceNote(fact_id, shown.text, record.quote, title, None, (fact_id,))

    def sources(self, fact_ids: Iterable[str]) -> tuple[SourceNote, ...]:
        """The source notes of the facts, each once, in order of first use."""
        found = (self.source(i) for i in dict.fromkeys(fact_ids))
        return tuple(s for s in found if s is not None)

    def quote_key(self, fact_id: str) -> str:
        """Facts quoted from the same sentence share a source note: the sentence is the key."""
        record = self._rankings.get(fact_id) or self._metrics.get(fact_id)
        quote = getattr(record, "quote", None)
        return quote or f"derived:{fact_id}"

    def period(self, metric_id: str) -> str:
        """The time a metric is about: 2022年 for a flow, 截至2023年4月 for a stock."""
        metric = self._metric(metric_id)
        period = format_period(metric.period, self.lang)
        if metric.period_kind == "during":
            return period
        return locale.get(self.lang).as_of(period)

    def figure(
        self, metric_id: str, label: str | None = None, change: str | None = None
    ) -> KeyFigure:
        """A key figure: the metric's value (its own label unless one is given), and the
        metric of its change beside it."""
        metric = self._metric(metric_id)
        return KeyFigure(
            label=label if label is not None else metric.label[self.lang],
            value=self.value(metric_id),
            change=self.value(change) if change else None,
            period=self.period(metric_id),
        )

    # The two views choose their key figures differently today, and both choices are kept
    # as they are (the outputs are byte-identical): the deck's KPI grid shows a template
    # 'kpi' chart, with the chart's labels; the summary's table shows summary.yaml's
    # key_figures, with the metrics' own labels and their change metrics.

    def chart_figures(self, chart: ChartData) -> tuple[KeyFigure, ...]:
        """The key figures of a resolved 'kpi' chart (the deck's KPI grid)."""
        return tuple(
            self.figure(
                point.sources[0], label=point.label, change=self.change_of(point.sources[0])
            )
            for point in chart.points()
        )

    def change_of(self, metric_id: str) -> str | None:
        """The metric that states how ``metric_id`` changed (its ``change_of``), if the data
        pairs them: a key figure shows it beside the value."""
        return self._changes.get(metric_id)

    def plan_figures(self, figures: Iterable) -> tuple[KeyFigure, ...]:
        """The key figures a summary plan lists (``metric`` and ``change`` ids)."""
        return tuple(self.figure(f.metric, change=f.change) for f in figures)
