"""What a first template for a data folder plans (`reportgen plan`), chosen from the data.

The briefing template's plans name the seed's metric ids, so a new article's data needs plans
of its own: key figures, one bar chart per topic whose figures share a unit, the ranking and
the events when there are any, every figure in tables, and the sources. Each choice is a pure
function that returns the template's own models (``ChartSpec``, ``SlidePlan``, ``DeckPlan``,
``SummaryPlan``), so what is chosen is checked as any template is and ``write`` only has to
serialise it. The fixed texts come from the locale, once per language.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from reportgen import locale
from reportgen.charts.spec import ChartSpec, EventQuery, Item
from reportgen.data import Dataset
from reportgen.data.schema import Metric
from reportgen.data.topics import Topics
from reportgen.data.trajectory import trajectory
from reportgen.formatting import unit_label
from reportgen.locale import LANGS, Lang
from reportgen.locale.texts import Localized
from reportgen.template.plan import (
    Column,
    DeckPlan,
    EventRange,
    KeyFigure,
    SlidePlan,
    SummaryPlan,
    TablePlan,
)
from reportgen.text.normalize import drop_spaces_by_cjk

#: The units key figures lead with: money first, then shares; every other unit after them.
KPI_ORDER = {"CNY": 0, "%": 1}
#: Units whose figures are not quantities of one thing: ranks and durations make no bar chart.
NOT_COMPARABLE = {"名", "位", "大", "年", "个月", "月", "天", "小时", "个工作日", "首位", "榜首"}
KEY_FIGURES = 6  # on the key-figures slide
BAR_CHARTS = 3
BAR_ITEMS = 6  # figures in one bar chart
POINTS = 4  # figures listed beside a chart
TABLE_ROWS = 10  # figures on one slide of the figures table
SUMMARY_FIGURES = 9
LEAD_FIGURES = 3
SUMMARY_CHARTS = 3
KEY_FIGURES_ID = "key_figures"
RANKING_ID = "ranking"
EVENTS_ID = "events"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
T = TypeVar("T")


@dataclass(frozen=True)
class Plans:
    """A planned template: its charts, its deck plan and (when it has a chart to show) its
    summary plan."""

    charts: tuple[ChartSpec, ...]
    deck: DeckPlan
    summary: SummaryPlan | None


def plan_template(dataset: Dataset) -> Plans:
    """The charts, deck and summary a first template for ``dataset`` holds."""
    reported = reported_figures(dataset)
    ranked = ranked_figures(reported)
    days = event_days(dataset)
    charts = choose_charts(
        reported, ranked, days, ranking=has_trajectory(dataset), topics=dataset.topics
    )
    return Plans(
        charts=tuple(charts),
        deck=choose_deck(reported, charts),
        summary=choose_summary(ranked, charts, days),
    )


# -- figures and dates ---------------------------------------------------------------------


def reported_figures(dataset: Dataset) -> list[Metric]:
    """The figures the articles report (derived ones are computed from these), in data order."""
    return [m for m in dataset.metrics if not m.is_derived]


def ranked_figures(reported: Sequence[Metric]) -> list[Metric]:
    """The figures worth leading with first: reviewed before unreviewed, money before shares
    before everything else, data order otherwise."""
    return sorted(reported, key=lambda m: (not m.reviewed, KPI_ORDER.get(m.unit, 2)))


def has_trajectory(dataset: Dataset) -> bool:
    """Whether the rankings make a line a rank chart can draw: one entity's places over two
    or more years, or every entry of the table (one entity's place in one year). An
    assessment's table of several entities in one year is no climb: the chart would draw one
    of them and drop the rest."""
    line = trajectory(dataset.rankings, dataset.info.subject)
    return len(line) >= 2 or (len(line) == 1 and len(dataset.rankings) == 1)


def event_days(dataset: Dataset) -> list[str]:
    """The dates of the events dated to the day, earliest first (a timeline places only those)."""
    return sorted(e.date for e in dataset.events if _DAY.match(e.date))


# -- charts --------------------------------------------------------------------------------


def choose_charts(
    reported: Sequence[Metric],
    ranked: Sequence[Metric],
    days: Sequence[str],
    ranking: bool,
    topics: Topics | None = None,
) -> list[ChartSpec]:
    """Key figures, bar charts, the ranking (when the data ranks something) and the timeline,
    each when the data has what it shows."""
    key = key_figures_chart(ranked[:KEY_FIGURES])
    bars = bar_charts(reported, topics)
    rank = ranking_chart() if ranking else None
    return [c for c in (key, *bars, rank, events_chart(days)) if c is not None]


def key_figures_chart(key: Sequence[Metric]) -> ChartSpec | None:
    """The key figures as a KPI grid; None without figures."""
    if not key:
        return None
    return ChartSpec(
        id=KEY_FIGURES_ID,
        kind="kpi",
        title=_localized(lambda lang: _texts(lang).key_figures),
        metrics=[_item(m) for m in key],
    )


def bar_charts(reported: Sequence[Metric], topics: Topics | None = None) -> list[ChartSpec]:
    """One bar chart for each of the largest groups of two or more figures with one topic and
    one unit (like with like), at most ``BAR_CHARTS``."""
    topics = topics or Topics.load()
    groups: dict[tuple[str, str], list[Metric]] = defaultdict(list)
    for metric in reported:
        if metric.unit not in NOT_COMPARABLE:
            groups[(metric.topic, metric.unit)].append(metric)
    largest = sorted(groups.items(), key=lambda group: -len(group[1]))
    charts: list[ChartSpec] = []
    for (topic, unit), metrics in largest:
        if len(metrics) >= 2 and len(charts) < BAR_CHARTS:
            charts.append(
                ChartSpec(
                    id=f"{topic}_{len(charts) + 1}",
                    kind="bar",
                    title=_localized(
                        lambda lang, t=topic, u=unit: _bar_title(topics.name(t, lang), u, lang)
                    ),
                    metrics=[_item(m) for m in metrics[:BAR_ITEMS]],
                )
            )
    return charts


def _bar_title(name: str, unit: str, lang: Lang) -> str:
    return locale.get(lang).with_unit(name, unit_label(unit, lang) or unit)


def ranking_chart() -> ChartSpec:
    """The rankings table as a rank chart."""
    return ChartSpec(
        id=RANKING_ID,
        kind="rank",
        table="rankings",
        title=_localized(lambda lang: _texts(lang).ranking),
    )


def events_chart(days: Sequence[str]) -> ChartSpec | None:
    """A timeline from the first to the last event dated to the day; None with fewer than two."""
    if len(days) < 2:
        return None
    return ChartSpec(
        id=EVENTS_ID,
        kind="timeline",
        title=_localized(lambda lang: _texts(lang).events),
        events=EventQuery.model_validate({"from": days[0], "to": days[-1]}),
    )


# -- the deck ------------------------------------------------------------------------------


def choose_deck(reported: Sequence[Metric], charts: Sequence[ChartSpec]) -> DeckPlan:
    """Title, key figures, one slide per bar or rank chart, every figure in tables, the
    timeline, and the sources."""
    slides = [title_slide()]
    slides += [key_figures_slide(c) for c in charts if c.kind == "kpi"]
    slides += [chart_slide(c) for c in charts if c.kind in ("bar", "rank")]
    slides += figure_table_slides(reported)
    slides += [events_slide(c) for c in charts if c.kind == "timeline"]
    slides.append(sources_slide())
    return DeckPlan(slides=slides)


def title_slide() -> SlidePlan:
    return SlidePlan(
        id="title",
        layout="Title",
        title=_same("{{ title }}"),
        subtitle=_localized(lambda lang: _texts(lang).subtitle),
        note=_same("{{ source }}"),
    )


def key_figures_slide(chart: ChartSpec) -> SlidePlan:
    return SlidePlan(
        id=chart.id,
        layout="KPI Grid",
        title=_localized(lambda lang: _texts(lang).key_figures),
        kpis=chart.id,
        notes=_notes(lambda lang: _texts(lang).talking_points),
    )


def chart_slide(chart: ChartSpec) -> SlidePlan:
    """A chart with its first figures as points (a user's prompt where it has none)."""
    items = chart.metrics[:POINTS]

    def points(lang: Lang) -> list[str]:
        listed = [locale.get(lang).plan_point(_label_of(i, lang), _value(i.metric)) for i in items]
        return listed or [_texts(lang).no_points]

    return SlidePlan(
        id=chart.id,
        layout="Chart",
        title=_localized(lambda lang: _title_of(chart, lang)),
        chart=chart.id,
        points=_localized(points),
        notes=_notes(lambda lang: _texts(lang).talking_points),
    )


def figure_table_slides(reported: Sequence[Metric]) -> list[SlidePlan]:
    """Every reported figure, ``TABLE_ROWS`` to a slide: label, value and period."""
    headings = {
        field: _localized(lambda lang, f=field: _figure_heading(f, lang))
        for field in ("label", "value", "period")
    }
    return [
        SlidePlan(
            id=f"figures_{start // TABLE_ROWS + 1}",
            layout="Table",
            title=_localized(lambda lang: _texts(lang).all_figures),
            table=TablePlan(
                source="metrics",
                ids=[m.id for m in reported[start : start + TABLE_ROWS]],
                columns=[Column(field=f, heading=h) for f, h in headings.items()],
            ),
            notes=_notes(lambda lang: _texts(lang).figures_prompt),
        )
        for start in range(0, len(reported), TABLE_ROWS)
    ]


def _figure_heading(field: str, lang: Lang) -> str:
    """A metric column's heading, the one the summary's key-figure table gives it."""
    label, value, _change, period, _note = locale.get(lang).FIGURE_COLUMNS
    return {"label": label, "value": value, "period": period}[field]


def events_slide(chart: ChartSpec) -> SlidePlan:
    return SlidePlan(
        id=chart.id,
        layout="Timeline",
        title=_localized(lambda lang: _texts(lang).events),
        timeline=chart.id,
        notes=_notes(lambda lang: _texts(lang).talking_points),
    )


def sources_slide() -> SlidePlan:
    """The articles: title, outlet and date."""
    fields = ("title", "outlet", "date")
    return SlidePlan(
        id="sources",
        layout="Table",
        title=_localized(lambda lang: _texts(lang).sources),
        table=TablePlan(
            source="articles",
            columns=[
                Column(
                    field=field,
                    heading=_localized(lambda lang, n=n: _texts(lang).article_columns[n]),
                )
                for n, field in enumerate(fields)
            ],
        ),
        notes=_notes(lambda lang: _texts(lang).sources_prompt),
    )


# -- the summary ---------------------------------------------------------------------------


def choose_summary(
    ranked: Sequence[Metric], charts: Sequence[ChartSpec], days: Sequence[str]
) -> SummaryPlan | None:
    """A lead naming the first figures, the key figures, up to three charts and the events'
    years; None when there is no chart to show (the summary needs one)."""
    shown = [c.id for c in charts if c.kind != "kpi"][:SUMMARY_CHARTS]
    # The key figures always exist (a valid data folder has a reported figure), so the
    # summary always has a chart: the build the plan prints makes the PDF too.
    if any(c.kind == "kpi" for c in charts) and len(shown) < 2:
        shown = [KEY_FIGURES_ID, *shown]
    if not shown:
        return None
    lead = ranked[:LEAD_FIGURES]
    return SummaryPlan(
        title=_same("{{ title }}"),
        lead=_localized(
            lambda lang: locale.get(lang).plan_lead(
                [(_short(_label(m, lang), lang), _value(m.id)) for m in lead]
            )
        ),
        key_figures=[KeyFigure(metric=m.id) for m in ranked[:SUMMARY_FIGURES]],
        charts=shown,
        events=_event_years(days),
    )


def _event_years(days: Sequence[str]) -> EventRange | None:
    """The whole years from the first event dated to the day to the last; None without one."""
    if not days:
        return None
    return EventRange.model_validate(
        {"from": days[0][:4] + "-01-01", "to": days[-1][:4] + "-12-31"}
    )


# -- texts ---------------------------------------------------------------------------------


def _texts(lang: Lang) -> locale.PlanTexts:
    return locale.get(lang).PLAN_TEXTS


def _localized(text_of: Callable[[Lang], T]) -> Localized[T]:
    return Localized({lang: text_of(lang) for lang in LANGS})


def _same(snippet: str) -> Localized[str]:
    """A snippet every language writes alike ({{ title }})."""
    return _localized(lambda _lang: snippet)


def _notes(prompt_of: Callable[[Lang], str]) -> Localized[list[str]]:
    """A content slide's speaker notes: where its numbers come from, then a prompt."""
    return _localized(lambda lang: [_texts(lang).source_note, prompt_of(lang)])


def _title_of(chart: ChartSpec, lang: Lang) -> str:
    return chart.title[lang]


def _label(metric: Metric, lang: Lang) -> str:
    return metric.label[lang]


def _label_of(item: Item, lang: Lang) -> str:
    return item.label[lang]


def _item(metric: Metric) -> Item:
    """A chart item with the metric's label shortened to what a chart has room for."""
    return Item(metric=metric.id, label=_localized(lambda lang: _short(_label(metric, lang), lang)))


def _value(metric_id: str) -> str:
    """The snippet that shows a metric's value: the number is the data's, never typed."""
    return f"{{{{ m.{metric_id} }}}}"


def _short(text: str, lang: Lang) -> str:
    """A label cut to the language's limit. Spaces go next to Chinese ("2022 年"), not between
    English words ("Foreign trade")."""
    limit = _texts(lang).label_limit
    text = drop_spaces_by_cjk(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"
