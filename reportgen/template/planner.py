"""What a first template for a data folder plans (`reportgen plan`): the articles' story.

The briefing template's plans name the seed's metric ids, so a new article's data needs plans
of its own, and they follow the articles as a curator's would: the headline as the title, the
figures the articles lead with as key figures, the ranking when something is ranked, then one
section per subhead of an article (per topic where an article has none), each a chart that
compares like with like (``charting``) with the article's own clauses as points, a timeline of
the dated events, the outlook the articles state, and the sources. Nothing is typed: points
are the articles' clauses with every figure a metric snippet (``{{ m.trade_01 }}``), or a
figure composed from its data (label, value, period, change); notes say what a slide shows
(the largest, the fastest growing) and the content layer adds every number's sentence.

Each choice is a pure function that returns the template's own models (``ChartSpec``,
``SlidePlan``, ``DeckPlan``, ``SummaryPlan``), so what is chosen is checked as any template is
and ``write`` only has to serialise it. Every wording comes from the locale.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from reportgen import locale
from reportgen.charts.spec import ChartSpec, EventQuery, Item
from reportgen.data import Dataset
from reportgen.data.schema import Metric
from reportgen.data.topics import Topics
from reportgen.data.trajectory import trajectory
from reportgen.formatting import format_period, rank_text
from reportgen.locale import LANGS, Lang
from reportgen.locale.english import english
from reportgen.locale.texts import Localized
from reportgen.template.charting import chart_groups, names_something, role_of
from reportgen.template.plan import (
    Column,
    DeckPlan,
    EventRange,
    KeyFigure,
    SlidePlan,
    SummaryPlan,
    TablePlan,
    Topic,
)
from reportgen.text.normalize import drop_spaces_by_cjk

KEY_FIGURES = 6  # on the key-figures slide
#: Units of money: a key figure in money counts a little more (after what the article leads with).
MONEY = frozenset({"CNY", "USD", "EUR"})
#: Spans of time (用时114天, 3年): how long, not how much; never a key figure.
SPANS = frozenset({"年", "天", "个月", "月", "小时", "个工作日", "工作日", "周", "分钟"})
POINTS = 4  # points on one slide
KPI_TILES = 6  # figures on one KPI slide
RANK_ROWS = 8  # places in a rank table
SECTION_SLIDES = 2  # slides one section may take
CONTENT_SLIDES = 14  # section slides in one deck, at most
SUMMARY_FIGURES = 9
LEAD_FIGURES = 3
SUMMARY_CHARTS = 3
SUMMARY_TOPICS = 6
#: The topic of figures no topic's words describe: its section is titled with the subject.
GENERAL = "general"
KEY_FIGURES_ID = "key_figures"
RANKING_ID = "ranking"
EVENTS_ID = "events"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FIGURE = re.compile(r"\{([a-z][a-z0-9_]*)\}")
T = TypeVar("T")


@dataclass(frozen=True)
class Plans:
    """A planned template: its charts, its deck plan and (when it has a chart to show) its
    summary plan."""

    charts: tuple[ChartSpec, ...]
    deck: DeckPlan
    summary: SummaryPlan | None


@dataclass
class Section:
    """A part of the story: a subhead of an article, or a topic of the figures."""

    key: str
    title: Localized[str]
    metrics: list[Metric] = field(default_factory=list)


def plan_template(dataset: Dataset) -> Plans:
    """The charts, deck and summary a first template for ``dataset`` holds."""
    story = _Story(dataset)
    return Plans(charts=tuple(story.charts), deck=story.deck(), summary=story.summary())


# -- figures and dates ---------------------------------------------------------------------


def reported_figures(dataset: Dataset) -> list[Metric]:
    """The figures the articles report (derived ones are computed from these), in data order."""
    return [m for m in dataset.metrics if not m.is_derived]


def key_metrics(metrics: Sequence[Metric], limit: int = KEY_FIGURES) -> list[Metric]:
    """The figures worth leading with: those the articles lead with (headline and lead) and
    those the articles give with their change count most (money a little), then levels before
    changes, in the articles' order; one per indicator (a change whose level is chosen is shown
    beside it, not again), never a rank, a span of time or a derived value."""
    paired = {m.change_of for m in metrics if m.change_of}
    ranked = sorted(
        (
            m
            for m in metrics
            if not m.is_derived
            and role_of(m) != "rank"
            and m.unit not in SPANS
            and names_something(m)
        ),
        key=lambda m: (
            -(2 * m.salient + 2 * (m.id in paired) + (m.unit in MONEY)),
            role_of(m) == "change",
            not m.reviewed,
        ),
    )
    chosen: list[Metric] = []
    for metric in ranked:
        if len(chosen) == limit:
            break
        if any(metric.label["zh"] == c.label["zh"] for c in chosen):
            continue
        if metric.change_of and any(c.id == metric.change_of for c in chosen):
            continue
        chosen.append(metric)
    return chosen


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


def sections(dataset: Dataset, topics: Topics | None = None) -> list[Section]:
    """The story's sections in the articles' order: one per subhead a figure stands under
    (titled with it), one per topic for the figures of articles without subheads, merged
    across articles. In another language a subhead is its translation where the glossary knows
    every word of it, else the names of the topics most of its figures are about, never a
    title another section has."""
    topics = topics or dataset.topics or Topics.load()

    def name(topic: str, lang: Lang) -> str:
        # figures no topic describes are about what the folder is about
        return dataset.info.subject[lang] if topic == GENERAL else topics.name(topic, lang)

    found: dict[str, Section] = {}
    for metric in dataset.metrics:
        key = (
            f"section:{metric.article}:{metric.section}"
            if metric.section
            else f"topic:{metric.topic}"
        )
        if key not in found:
            found[key] = Section(key, _localized(lambda lang, m=metric: name(m.topic, lang)))
        found[key].metrics.append(metric)
    out = list(found.values())
    used = {lang: {s.title[lang] for s in out if s.key.startswith("topic:")} for lang in LANGS}
    for section in out:
        if section.key.startswith("section:"):
            heading = section.metrics[0].section or ""
            section.title = _localized(
                lambda lang, s=section, h=heading: (
                    h if lang == LANGS[0] else _heading_in(h, s.metrics, lang, used[lang], name)
                )
            )
            for lang in LANGS:
                used[lang].add(section.title[lang])
    return out


def _heading_in(
    heading: str,
    metrics: Sequence[Metric],
    lang: Lang,
    used: set[str],
    name: Callable[[str, Lang], str],
) -> str:
    """A subhead in ``lang``: translated when every word is known and it states no number the
    subhead does not, else its figures' commonest topics, joined until the title is new."""
    said = english(heading, "title")
    if not said.untranslated and set(re.findall(r"\d", said.text)) <= set(
        re.findall(r"\d", heading)
    ):
        return said.text
    counts: dict[str, int] = {}
    for metric in metrics:
        if role_of(metric) != "rank":
            counts[metric.topic] = counts.get(metric.topic, 0) + 1
    ranked = sorted(counts, key=lambda t: (t == GENERAL, -counts[t])) or [metrics[0].topic]
    first, *others = [name(topic, lang) for topic in ranked]
    tried = [[first], *([first, other] for other in others), [first, *others]]
    for names in tried:
        title = locale.get(lang).joined(names)
        if title not in used:
            return title
    count = 2  # every reading is taken: number it rather than say one title twice
    while locale.get(lang).numbered(first, count) in used:
        count += 1
    return locale.get(lang).numbered(first, count)


# -- points --------------------------------------------------------------------------------


def snippet_of(said: str) -> str:
    """A point as a template writes it: each ``{metric}`` a snippet showing that metric."""
    return _FIGURE.sub(lambda m: _value(m.group(1)), said)


class _Story:
    """The storyline of one dataset: its sections, charts, slides and summary."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.metrics = {m.id: m for m in dataset.metrics}
        self.change = {m.change_of: m for m in dataset.metrics if m.change_of}
        self.key = key_metrics(reported_figures(dataset))
        self.days = event_days(dataset)
        self.charts: list[ChartSpec] = []
        self.slides: list[SlidePlan] = []
        if self.key:
            self.charts.append(self._kpi_chart(KEY_FIGURES_ID, self.key, None))
        self.ranking = has_trajectory(dataset)
        if self.ranking:
            self.charts.append(ranking_chart())
        self.sections = sections(dataset)
        self._plan_sections()
        timeline = events_chart(self.days)
        if timeline is not None:
            self.charts.append(timeline)

    # -- texts of one figure --

    def point(self, metric: Metric, lang: Lang) -> str:
        """A figure composed from its data: label, value, period and its change."""
        change = self.change.get(metric.id)
        return locale.get(lang).story_point(
            _short(metric.label[lang], lang, limit=60),
            _value(metric.id),
            self.period(metric, lang),
            _value(change.id) if change is not None else None,
        )

    def period(self, metric: Metric, lang: Lang) -> str:
        period = format_period(metric.period, lang)
        return period if metric.period_kind == "during" else locale.get(lang).as_of(period)

    def units(self, metrics: Sequence[Metric]) -> list[tuple[str, list[Metric]]]:
        """The points of the figures, each as its article's clause (or composed) and the
        figures it names: each clause once, a clause inside a longer one dropped, at most
        ``POINTS``; a change whose level is listed is said with it."""
        said: list[tuple[str, list[Metric]]] = []
        listed = {m.id for m in metrics}
        for metric in metrics:
            if metric.change_of in listed and not metric.point:
                continue  # composed beside its level
            if metric.point:
                text = metric.point
                named = [self.metrics[i] for i in _FIGURE.findall(text) if i in self.metrics]
            else:
                text, named = f"{{{metric.id}}}", [metric]
            if any(text in other for other, _ in said):
                continue
            said = [(o, n) for o, n in said if o not in text]  # the longer clause says both
            said.append((text, named))
        return said[:POINTS]

    def points(self, metrics: Sequence[Metric], lang: Lang) -> list[str]:
        """The points' texts in ``lang``: the article's clause in its own language, else each
        figure it names composed from its data (label: value (period), change)."""
        out = []
        for text, named in self.units(metrics):
            if lang == "zh" and text != f"{{{named[0].id}}}":
                out.append(snippet_of(text))
                continue
            ids = {m.id for m in named}
            parts = [self.point(m, lang) for m in named if m.change_of not in ids]
            out.append(
                locale.get(lang).SEMICOLON.join(parts) if parts else self.point(named[0], lang)
            )
        return out

    # -- sections --

    def _plan_sections(self) -> None:
        budget = CONTENT_SLIDES
        singles: list[Section] = []
        for section in self.sections:
            metrics = [m for m in section.metrics if role_of(m) != "rank" or not self.ranking]
            if not metrics or budget <= 0:
                continue
            groups = chart_groups(metrics)
            if not groups and len(metrics) == 1:
                if metrics[0] not in self.key:  # a key figure already has its slide
                    singles.append(section)
                continue
            made = self._section_slides(section, metrics, groups, min(budget, SECTION_SLIDES))
            budget -= made
        if len(singles) >= 2 and budget > 0:
            merged = Section(
                key="singles",
                title=_localized(
                    lambda lang: locale.get(lang).joined([s.title[lang] for s in singles[:3]])
                ),
                metrics=[m for s in singles[:3] for m in s.metrics],
            )
            self._section_slides(merged, merged.metrics, [], 1)

    def _section_slides(
        self, section: Section, metrics: list[Metric], groups: list[list[Metric]], room: int
    ) -> int:
        """A section's slides: a chart of its largest like-with-like group with the points,
        then its other figures as key figures. Returns how many slides it took."""
        made = 0
        shown: set[str] = set()
        ident = _slug(section.key, len(self.slides))
        if groups:
            group = self._said(groups[0])
            chart = self._bar_chart(f"{ident}_chart", section, group)
            self.charts.append(chart)
            shown |= {m.id for m in group}
            shown |= {self.change[m.id].id for m in group if m.id in self.change}
            rest = [m for m in metrics if m.id not in shown]
            self.slides.append(self._chart_slide(ident, section, chart, group, rest))
            made += 1
            shown |= {m.id for _, named in self.units([*group, *rest]) for m in named}
        rest = [
            m
            for m in metrics
            if m.id not in shown
            and m not in self.key  # the key-figures slide shows it already
            and names_something(m)
            and not m.is_derived
            and role_of(m) != "rank"
            and not (m.change_of and m.change_of in {x.id for x in metrics})
        ]
        if len(rest) >= 2 and made < room:  # one figure alone is no slide of key figures
            tiles = rest[:KPI_TILES]
            chart = self._kpi_chart(f"{ident}_figures", tiles, section)
            self.charts.append(chart)
            self.slides.append(self._kpi_slide(f"{ident}_figures", section, chart, tiles, made > 0))
            made += 1
        elif not made and sum(1 for _, n in self.units(metrics) if n[0].point) >= 2:
            # its figures are key figures: the article's words on them, when it has a few
            self.slides.append(self._points_slide(ident, section, metrics))
            made += 1
        return made

    def _points_slide(self, ident: str, section: Section, metrics: list[Metric]) -> SlidePlan:
        """A section whose figures the key-figures slide shows: the article's points on them."""
        named = [m for _, n in self.units(metrics) for m in n]
        return SlidePlan(
            id=ident,
            layout="Two Columns",
            title=section.title,
            left=_localized(lambda lang: self.points(metrics, lang)),
            notes=self.notes(named, self._shows(named)),
        )

    def _said(self, group: list[Metric]) -> list[Metric]:
        """The bars a slide's points name (a chart never shows a bar its points leave out):
        the group's figures the first ``POINTS`` points cover, when two or more are."""
        named = {m.id for _, n in self.units(group) for m in n}
        said = [
            m
            for m in group
            if m.id in named or (m.id in self.change and self.change[m.id].id in named)
        ]
        return said if len(said) >= 2 else group

    def _bar_chart(self, ident: str, section: Section, group: list[Metric]) -> ChartSpec:
        growth = role_of(group[0]) == "change"

        def title(lang: Lang) -> str:
            words = locale.get(lang)
            what = words.STORY_TEXTS.changes if growth else words.STORY_TEXTS.levels
            return f"{what}{words.SPACE}·{words.SPACE}{self.period(group[0], lang)}"

        changes = [self.change[m.id] for m in group if m.id in self.change]
        takeaway: dict[str, str | None] = {lang: None for lang in LANGS}
        if changes and not growth:
            takeaway = {
                lang: locale.get(lang).LIST_SEPARATOR.join(
                    locale.get(lang).story_point(
                        _short(m.label[lang], lang),
                        "{" + m.id + "}",
                        "",
                        "{" + self.change[m.id].id + "}",
                    )
                    for m in group
                    if m.id in self.change
                )
                for lang in LANGS
            }
        return ChartSpec.model_validate(
            {
                "id": ident,
                "kind": "bar",
                **{f"title_{lang}": title(lang) for lang in LANGS},
                **(
                    {f"takeaway_{lang}": takeaway[lang] for lang in LANGS}
                    if changes and not growth
                    else {}
                ),
                "metrics": [_item(m) for m in group],
            }
        )

    def _kpi_chart(
        self, ident: str, metrics: Sequence[Metric], section: Section | None
    ) -> ChartSpec:
        return ChartSpec(
            id=ident,
            kind="kpi",
            title=section.title
            if section is not None
            else _localized(lambda lang: locale.get(lang).PLAN_TEXTS.key_figures),
            metrics=[_item(m) for m in metrics],
        )

    def notes(
        self, metrics: Sequence[Metric], first: Callable[[Lang], str]
    ) -> Localized[list[str]]:
        """A slide's notes: what it shows (from the data), and plainly whether a person has
        reviewed its figures; the content adds each number's sentence."""

        def notes(lang: Lang) -> list[str]:
            said = [first(lang)]
            if any(not m.reviewed for m in metrics):
                said.append(locale.get(lang).STORY_TEXTS.unreviewed)
            else:
                said.append(locale.get(lang).PLAN_TEXTS.source_note)
            return said

        return _localized(notes)

    def _extremes(self, group: Sequence[Metric]) -> Callable[[Lang], str]:
        growth = role_of(group[0]) == "change"
        top = max(group, key=lambda m: m.value)
        low = min(group, key=lambda m: m.value)

        def line(lang: Lang) -> str:
            words = locale.get(lang)
            said = words.largest(_short(top.label[lang], lang), _value(top.id), growth)
            if low.id != top.id:
                said += words.SPACE + words.smallest(
                    _short(low.label[lang], lang), _value(low.id), growth
                )
            return said

        return line

    def _shows(self, metrics: Sequence[Metric]) -> Callable[[Lang], str]:
        return lambda lang: locale.get(lang).figures_shown(
            [_short(m.label[lang], lang) for m in metrics]
        )

    def _chart_slide(
        self,
        ident: str,
        section: Section,
        chart: ChartSpec,
        group: list[Metric],
        rest: list[Metric],
    ) -> SlidePlan:
        listed = [*group, *rest]
        return SlidePlan(
            id=ident,
            layout="Chart",
            title=section.title,
            chart=chart.id,
            points=_localized(lambda lang: self.points(listed, lang)),
            notes=self.notes(listed, self._extremes(group)),
        )

    def _kpi_slide(
        self, ident: str, section: Section, chart: ChartSpec, tiles: list[Metric], more: bool
    ) -> SlidePlan:
        title = section.title
        if more:
            title = _localized(
                lambda lang: section.title[lang] + locale.get(lang).STORY_TEXTS.continued
            )
        return SlidePlan(
            id=ident,
            layout="KPI Grid",
            title=title,
            kpis=chart.id,
            notes=self.notes(tiles, self._shows(tiles)),
        )

    # -- the deck --

    def deck(self) -> DeckPlan:
        slides = [title_slide()]
        if self.key:
            slides.append(
                SlidePlan(
                    id=KEY_FIGURES_ID,
                    layout="KPI Grid",
                    title=_localized(lambda lang: locale.get(lang).PLAN_TEXTS.key_figures),
                    kpis=KEY_FIGURES_ID,
                    notes=self.notes(self.key, self._shows(self.key)),
                )
            )
        if self.ranking:
            slides.append(self._ranking_slide())
        elif self.dataset.rankings:
            slides.append(self._rank_table_slide())
        slides += self.slides
        if len(self.days) >= 2:
            slides.append(self._events_slide())
        outlook = self._outlook_slide()
        if outlook is not None:
            slides.append(outlook)
        slides.append(sources_slide())
        return DeckPlan(slides=slides)

    def _ranking_slide(self) -> SlidePlan:
        line = trajectory(self.dataset.rankings, self.dataset.info.subject)
        first, last = line[0], line[-1]

        went = "up" if last.rank < first.rank else "down" if last.rank > first.rank else "held"

        def moved(lang: Lang) -> str:
            def at(r):
                return (format_period(str(r.year), lang), rank_text(r.rank, lang))

            return locale.get(lang).rank_moved(at(first), at(last), went)

        assessment = last.assessment
        title = _localized(lambda lang: assessment[lang] or locale.get(lang).PLAN_TEXTS.ranking)
        return SlidePlan(
            id=RANKING_ID,
            layout="Chart",
            title=title,
            chart=RANKING_ID,
            notes=_localized(
                lambda lang: [
                    moved(lang),
                    locale.get(lang).STORY_TEXTS.unreviewed
                    if any(not r.reviewed for r in line)
                    else locale.get(lang).PLAN_TEXTS.source_note,
                ]
            ),
        )

    def _rank_table_slide(self) -> SlidePlan:
        """Several entities ranked (no one entity's climb): who is ranked where, as a table."""
        rankings = sorted(self.dataset.rankings, key=lambda r: (r.year, r.rank))[:RANK_ROWS]
        fields = ("entity", "assessment", "year", "rank")
        assessment = next((r.assessment for r in rankings if r.assessment["zh"]), None)
        return SlidePlan(
            id=RANKING_ID,
            layout="Table",
            title=_localized(
                lambda lang: (
                    (assessment[lang] if assessment else None)
                    or locale.get(lang).PLAN_TEXTS.ranking
                )
            ),
            table=TablePlan(
                source="rankings",
                ids=[r.id for r in rankings],
                columns=_columns(fields, lambda lang: locale.get(lang).STORY_TEXTS.rank_columns),
            ),
            notes=_localized(
                lambda lang: [
                    locale.get(lang).figures_shown(
                        [r.entity[lang] or self.dataset.info.subject[lang] for r in rankings]
                    ),
                    locale.get(lang).STORY_TEXTS.unreviewed
                    if any(not r.reviewed for r in rankings)
                    else locale.get(lang).PLAN_TEXTS.source_note,
                ]
            ),
        )

    def _events_slide(self) -> SlidePlan:
        events = [e for e in self.dataset.events if _DAY.match(e.date)]
        return SlidePlan(
            id=EVENTS_ID,
            layout="Timeline",
            title=_events_title(self.days),
            timeline=EVENTS_ID,
            notes=_localized(
                lambda lang: [
                    locale.get(lang).LIST_SEPARATOR.join(
                        e.title[lang] for e in events[:4] if e.title[lang]
                    )
                    or locale.get(lang).PLAN_TEXTS.events,
                    locale.get(lang).STORY_TEXTS.unreviewed
                    if any(not e.reviewed for e in events)
                    else locale.get(lang).PLAN_TEXTS.source_note,
                ]
            ),
        )

    def _english_plan(self, said: str) -> str | None:
        """A plan in English: its words translated around its figures when the glossary knows
        them all, else its figures composed from their data; None when it has neither (a
        sentence of pinyin is no slide text)."""
        parts = _FIGURE.split(said)
        words = [english(part, "title") for part in parts[::2]]
        if all(not w.untranslated for w in words):
            joined = "".join(
                words[n // 2].text if n % 2 == 0 else f" {_value(part)} "
                for n, part in enumerate(parts)
            )
            return " ".join(joined.split())
        named = [self.metrics[i] for i in parts[1::2] if i in self.metrics]
        if not named:
            return None
        return locale.get("en").SEMICOLON.join(self.point(m, "en") for m in named)

    def _outlook_slide(self) -> SlidePlan | None:
        stated = [p for a in self.dataset.articles for p in a.plans]
        plans = [p for p in stated if self._english_plan(p) is not None][:POINTS]
        coming = [e for e in self.dataset.events if e.status == "planned"][:3]
        if not plans and not coming:
            return None

        def planned(lang: Lang) -> list[str]:
            if lang == LANGS[0]:
                return [snippet_of(p) for p in plans]
            return [self._english_plan(p) or "" for p in plans]

        left = planned if plans else (lambda lang: [e.title[lang] for e in coming])
        texts = {
            "left_heading": _localized(
                lambda lang: (
                    locale.get(lang).STORY_TEXTS.plans
                    if plans
                    else locale.get(lang).STORY_TEXTS.coming_up
                )
            ),
            "left": _localized(left),
        }
        if plans and coming:
            texts["right_heading"] = _localized(lambda lang: locale.get(lang).STORY_TEXTS.coming_up)
            texts["right"] = _localized(lambda lang: [e.title[lang] for e in coming])
        return SlidePlan(
            id="outlook",
            layout="Two Columns",
            title=_localized(lambda lang: locale.get(lang).STORY_TEXTS.outlook),
            notes=_localized(
                lambda lang: [
                    locale.get(lang).STORY_TEXTS.plans_note,
                    locale.get(lang).STORY_TEXTS.unreviewed,
                ]
            ),
            **texts,
        )

    # -- the summary --

    def summary(self) -> SummaryPlan | None:
        """A lead naming the first figures, the key figures with their changes, up to three
        charts, the events' years and one topic per section with its points."""
        shown = [c.id for c in self.charts if c.kind != "kpi"][:SUMMARY_CHARTS]
        if self.key and len(shown) < 2:
            shown = [KEY_FIGURES_ID, *shown]
        if not shown:
            return None
        lead = self.key[:LEAD_FIGURES]
        figures = key_metrics(reported_figures(self.dataset), SUMMARY_FIGURES)
        topics = [
            Topic(
                heading=section.title,
                points=_localized(lambda lang, s=section: self.points(s.metrics, lang)[:3]),
            )
            for section in self.sections
            if section.metrics and self.points(section.metrics, "zh")
        ][:SUMMARY_TOPICS]
        return SummaryPlan(
            title=_same("{{ title }}"),
            lead=_localized(lambda lang: locale.get(lang).plan_lead(self.points(lead, lang))),
            key_figures=[
                KeyFigure(metric=m.id, change=self.change[m.id].id if m.id in self.change else None)
                for m in figures
            ],
            charts=shown,
            events=_event_years(self.days),
            topics=topics,
        )


# -- charts and fixed slides ---------------------------------------------------------------


def ranking_chart() -> ChartSpec:
    """The rankings table as a rank chart."""
    return ChartSpec(
        id=RANKING_ID,
        kind="rank",
        table="rankings",
        title=_localized(lambda lang: locale.get(lang).PLAN_TEXTS.ranking),
    )


def events_chart(days: Sequence[str]) -> ChartSpec | None:
    """A timeline from the first to the last event dated to the day; None with fewer than two."""
    if len(days) < 2:
        return None
    return ChartSpec(
        id=EVENTS_ID,
        kind="timeline",
        title=_events_title(days),
        events=EventQuery.model_validate({"from": days[0], "to": days[-1]}),
    )


def _events_title(days: Sequence[str]) -> Localized[str]:
    """重点活动 · 2023年5月: what the timeline shows and when."""
    first, last = days[0][:7], days[-1][:7]
    period = first if first == last else f"{first}/{last}"
    return _localized(
        lambda lang: (
            f"{locale.get(lang).STORY_TEXTS.events}{locale.get(lang).SPACE}·"
            f"{locale.get(lang).SPACE}{format_period(period, lang)}"
        )
    )


def title_slide() -> SlidePlan:
    """The headline, with the outlet and date beneath it."""
    return SlidePlan(
        id="title",
        layout="Title",
        title=_same("{{ title }}"),
        subtitle=_localized(lambda lang: locale.get(lang).STORY_TEXTS.subtitle),
    )


def sources_slide() -> SlidePlan:
    """The articles: title, outlet and date."""
    fields = ("title", "outlet", "date")
    return SlidePlan(
        id="sources",
        layout="Table",
        title=_localized(lambda lang: locale.get(lang).PLAN_TEXTS.sources),
        table=TablePlan(
            source="articles",
            columns=_columns(fields, lambda lang: locale.get(lang).PLAN_TEXTS.article_columns),
        ),
        notes=_localized(
            lambda lang: [
                locale.get(lang).PLAN_TEXTS.sources_prompt,
                locale.get(lang).PLAN_TEXTS.source_note,
            ]
        ),
    )


def _columns(fields: Sequence[str], headings: Callable[[Lang], Sequence[str]]) -> list[Column]:
    """A table's columns, each field headed by its heading in every language."""
    return [
        Column(field=name, heading=_localized(lambda lang, n=n: headings(lang)[n]))
        for n, name in enumerate(fields)
    ]


def _event_years(days: Sequence[str]) -> EventRange | None:
    """The whole years from the first event dated to the day to the last; None without one."""
    if not days:
        return None
    return EventRange.model_validate(
        {"from": days[0][:4] + "-01-01", "to": days[-1][:4] + "-12-31"}
    )


# -- texts ---------------------------------------------------------------------------------


def _localized(text_of: Callable[[Lang], T]) -> Localized[T]:
    return Localized({lang: text_of(lang) for lang in LANGS})


def _same(snippet: str) -> Localized[str]:
    """A snippet every language writes alike ({{ title }})."""
    return _localized(lambda _lang: snippet)


def _item(metric: Metric) -> Item:
    """A chart item with the metric's label shortened to what a chart has room for."""
    return Item(metric=metric.id, label=_localized(lambda lang: _short(metric.label[lang], lang)))


def _value(metric_id: str) -> str:
    """The snippet that shows a metric's value: the number is the data's, never typed."""
    return f"{{{{ m.{metric_id} }}}}"


def _slug(key: str, n: int) -> str:
    """A slide id for a section: its topic id, or s<n> for a subhead."""
    kind, _, rest = key.partition(":")
    # never a fixed slide's id (a topic named ranking or events is a section, not that slide)
    return f"topic_{rest}" if kind == "topic" else f"s{n + 1}"


def _short(text: str, lang: Lang, limit: int | None = None) -> str:
    """A label cut to the language's limit. Spaces go next to Chinese ("2022 年"), not between
    English words ("Foreign trade")."""
    limit = limit or locale.get(lang).PLAN_TEXTS.label_limit
    text = drop_spaces_by_cjk(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"
