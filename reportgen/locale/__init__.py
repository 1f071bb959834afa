"""Everything that differs by language, one module per language.

A language module holds the words a number is hedged with, how numbers, units, dates and
periods are written, and the fixed strings every output shares (the derived mark, headings,
the page label, the language tag). Nothing else in reportgen spells these: the extractor, the
validator, the formatter, the builders, the renderers and the checker all read them here, so
adding a language means adding one module here (and its texts in the data).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol, runtime_checkable

if TYPE_CHECKING:
    from reportgen.locale.reading import Reading

Lang = Literal["zh", "en"]
#: Every language reportgen writes, the default first.
LANGS: tuple[Lang, ...] = ("zh", "en")

#: What a hedge word says about the true value, whatever the language it is written in.
Qualifier = Literal["exact", "approx", "over", "at_least", "under", "at_most"]
#: Where a rank went from its first year to its last (a smaller number is "up").
Moved = Literal["up", "down", "held"]


class PlanTexts(NamedTuple):
    """The fixed texts of the plans `reportgen plan` writes, in one language: titles, column
    headings, and the notes that ask the user to write what only they know."""

    #: The title slide's subtitle (a Jinja snippet).
    subtitle: str
    #: The first speaker note of every content slide: where its numbers come from.
    source_note: str
    #: Slide and chart titles.
    key_figures: str
    ranking: str
    events: str
    all_figures: str
    sources: str
    #: The headings of the sources table's title, outlet and date columns.
    article_columns: tuple[str, str, str]
    #: The second speaker note: what the user should write or do on the slide.
    talking_points: str
    figures_prompt: str
    sources_prompt: str
    #: The one point of a chart slide that has no figures to list.
    no_points: str
    #: The longest label a planned chart item or point shows, in characters.
    label_limit: int


class StoryTexts(NamedTuple):
    """The words a planned storyline composes its titles and notes with, in one language:
    never a prompt, always said of the data (the largest, the fastest growing)."""

    #: The title slide's subtitle: outlet and date (a Jinja snippet).
    subtitle: str
    #: A second slide of one section: its title with this after it.
    continued: str
    #: The outlook slide: title, and its two columns' headings.
    outlook: str
    plans: str
    plans_note: str
    #: The rank table's headings: who, assessment, year, place.
    rank_columns: tuple[str, str, str, str]
    coming_up: str
    #: A chart of changes, of levels and of shares: what it shows, before its period.
    changes: str
    levels: str
    #: The timeline's title, before its months.
    events: str
    #: A note on a slide whose figures nobody has reviewed yet.
    unreviewed: str
    #: A note naming what the glossary could not translate (English only; {terms}).
    untranslated: str


class PageTexts(NamedTuple):
    """The fixed words of the sources page (`build` writes it beside the deck): where each
    number on the slides comes from, in one language."""

    #: The page's heading, before the deck's title.
    heading: str
    #: What the page is, in a sentence.
    intro: str
    slides: str
    figures: str
    articles: str
    #: A slide's number in the outline ({n}).
    slide: str
    #: A slide with no number on it.
    no_numbers: str
    #: The fields of a figure.
    value: str
    unit: str
    period: str
    topic: str
    role: str
    quote: str
    derived: str
    inputs: str
    source: str
    #: A figure's review state, and a warning over the page while any is unreviewed.
    reviewed: str
    unreviewed: str
    unreviewed_warning: str
    #: A quote the article text holds only in another form (line breaks, a hyphen).
    quote_elsewhere: str
    #: Which slides show a figure.
    shown_on: str


@runtime_checkable
class Language(Protocol):
    """What a language module provides (`zh`, `en`): a new language is one module with these.

    ``reportgen.formatting`` dispatches to them, so a caller never asks which language it has.
    """

    #: The language tag written into decks and PDFs (zh-CN).
    TAG: str
    #: Hedge word -> qualifier, as this language writes and reads them.
    HEDGES: Mapping[str, Qualifier]
    #: The word written for a qualifier when the data gives no hedge of this language.
    DEFAULT_HEDGE: Mapping[Qualifier, str]
    #: Scale words and their factors, largest first (亿: 10**8, bn: 10**9).
    SCALES: Mapping[str, int]
    DERIVED_MARK: str
    DERIVED_WORD: str
    SOURCES_HEADING: str
    SUMMARY_HEADINGS: tuple[str, ...]
    FIGURE_COLUMNS: tuple[str, ...]
    HATCH_NOTE: str
    DERIVED_LEGEND: str
    DERIVED_NOTE: str
    #: Punctuation of running text: 、/", " between a list's items, ；/"; " between clauses.
    COLON: str
    COMMA: str
    SEMICOLON: str
    FULL_STOP: str
    #: Between a label and its value, and after a full stop ("" in Chinese).
    SPACE: str
    #: Before the parts of a total (，其中 / ", of whom ").
    OF_WHICH: str
    #: Between the items of a list in a table cell (parties to an agreement).
    LIST_SEPARATOR: str
    #: The value axis of a rank chart.
    RANK_AXIS: str
    #: The columns of a summary's events table: date, event, place.
    EVENT_COLUMNS: tuple[str, str, str]
    #: What alt text calls a chart of each kind (柱状图 / Column chart).
    CHART_KIND_NAMES: Mapping[str, str]
    #: reportlab's line breaking for this language ("CJK", or None to break at spaces).
    PDF_WORD_WRAP: str | None
    #: What a draft data folder writes where the article does not say (the outlet).
    TO_BE_WRITTEN: str
    #: What a draft says of a field its article does not state (an outlet).
    NOT_STATED: str
    #: How the checker reads a page in this language back (`reading.Reading`).
    READING: Reading
    #: The fixed texts of the plans `reportgen plan` writes.
    PLAN_TEXTS: PlanTexts
    STORY_TEXTS: StoryTexts
    PAGE_TEXTS: PageTexts
    #: A planned chart's title for each topic of figures (贸易 / Trade).

    def format_value(
        self,
        value: float,
        unit: str,
        qualifier: Qualifier,
        hedge: str | None,
        *,
        money_factor: int | None = None,
    ) -> str:
        """A value with its unit and hedge; raises `numbers.FormatError` rather than round."""
        ...

    def parse_value(self, text: str) -> tuple[float, Qualifier]:
        """The value and qualifier a text written by `format_value` states."""
        ...

    def money_scale(self, values: list[float]) -> tuple[int, str]:
        """The scale factor and word that show every value without rounding."""
        ...

    def money_axis_label(self, values: list[float]) -> tuple[int, str]:
        """Scale factor and axis unit for a chart of money values."""
        ...

    def unit_label(self, unit: str) -> str:
        """The unit of a value axis."""
        ...

    def rank_text(self, rank: int) -> str:
        """A rank: 第4名, 4th."""
        ...

    def format_date(self, iso: str) -> str:
        """An ISO year, month or date."""
        ...

    def format_date_range(self, start: str, end: str | None, *, with_year: bool = True) -> str:
        """Two ISO dates, the shared parts written once."""
        ...

    def derivation_text(self, label: str, formula: str) -> str:
        """How a derived value was computed, given its label and its formula in words."""
        ...

    def page_label(self, page: int, total: int) -> str:
        """The footer of a PDF page."""
        ...

    def quoted_title(self, title: str) -> str:
        """An article's title where a source note names it."""
        ...

    def slide_note(self, shown: str, quote: str, title: str) -> str:
        """A source note in a slide's speaker notes: the number, its sentence, its article."""
        ...

    def slide_derivation(self, shown: str, derivation: str) -> str:
        """A derived number's note in a slide's speaker notes: the number, its computation."""
        ...

    def page_note(self, shown: str, quote: str, title: str) -> str:
        """A numbered source note on a PDF page: the number, its sentence, its article."""
        ...

    def source_line(self, outlet: str, date: str) -> str:
        """Where a chart's numbers come from: the outlet and the (formatted) date."""
        ...

    def aside(self, text: str) -> str:
        """A remark in brackets after what it qualifies, with the space it needs before."""
        ...

    def joined_lines(self, text: str) -> str:
        """A text whose lines folded YAML joined with spaces, spaced as the language is."""
        ...

    def as_of(self, period: str) -> str:
        """The time of a stock (截至2023年4月 / as of Apr 2023)."""
        ...

    def ranked(self, rank: str, year: int) -> str:
        """A rank, as `rank_text` writes it, in a year's assessment."""
        ...

    def assessment_year(self, year: int) -> str:
        """A year of an assessment, as a rank chart's category."""
        ...

    def draft(self, text: str) -> str:
        """A drafted text still to be translated into this language."""
        ...

    def rank_moved(self, first: tuple[str, str], last: tuple[str, str], moved: Moved) -> str:
        """One sentence: how a rank went from the first (year, rank) to the last."""
        ...

    def plan_lead(self, points: list[str]) -> str:
        """A planned summary's lead: its first points as one sentence."""
        ...

    def story_point(self, label: str, value: str, period: str, change: str | None) -> str:
        """A figure as a point composed from its data (label, value, period, change)."""
        ...

    def largest(self, label: str, value: str, growth: bool) -> str:
        """A chart's note on its largest (or fastest growing) figure."""
        ...

    def smallest(self, label: str, value: str, growth: bool) -> str:
        """A chart's note on its smallest (or slowest growing) figure."""
        ...

    def numbered(self, title: str, n: int) -> str:
        """The n-th section of one title, when no other reading is free (Trade (2))."""
        ...

    def joined(self, names: list[str]) -> str:
        """Names joined as one title (Trade and logistics)."""
        ...

    def figures_shown(self, labels: list[str]) -> str:
        """A KPI slide's note naming its figures."""
        ...


def get(lang: str) -> ModuleType:
    """The module of one language (``reportgen.locale.zh``, ``reportgen.locale.en``); each
    provides `Language`. The module is named after the language, so a new one needs no code
    here beyond its name in ``Lang`` and ``LANGS``."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
    return importlib.import_module(f"{__name__}.{lang}")
