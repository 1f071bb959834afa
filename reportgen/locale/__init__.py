"""Everything that differs by language, one module per language.

A language module holds the words a number is hedged with, how numbers, units, dates and
periods are written, and the fixed strings every output shares (the derived mark, headings,
the page label, the language tag). Nothing else in reportgen spells these: the extractor, the
validator, the formatter, the builders, the renderers and the checker all read them here, so
adding a language means adding one module here (and its texts in the data).
"""

from __future__ import annotations

from types import ModuleType
from typing import Literal, NamedTuple

Lang = Literal["zh", "en"]
#: Every language reportgen writes, the default first.
LANGS: tuple[Lang, ...] = ("zh", "en")

#: What a hedge word says about the true value, whatever the language it is written in.
Qualifier = Literal["exact", "approx", "over", "at_least", "under", "at_most"]


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


def get(lang: str) -> ModuleType:
    """The module of one language (``reportgen.locale.zh``, ``reportgen.locale.en``)."""
    if lang == "zh":
        from reportgen.locale import zh

        return zh
    if lang == "en":
        from reportgen.locale import en

        return en
    raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
