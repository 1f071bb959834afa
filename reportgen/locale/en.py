"""English: the hedge words English outputs use, and their fixed strings."""

from __future__ import annotations

from reportgen.locale import PlanTexts, Qualifier

#: The language tag written into decks and PDFs.
TAG = "en-US"

#: English hedge words and the qualifier each means (the parser and the checker read them).
HEDGES: dict[str, Qualifier] = {
    "nearly": "approx",
    "about": "approx",
    "over": "over",
    "more than": "over",
    "at least": "at_least",
    "under": "under",
    "at most": "at_most",
    "up to": "at_most",
    "within": "at_most",
}

#: The word written for a qualifier.
DEFAULT_HEDGE: dict[Qualifier, str] = {
    "approx": "about",
    "over": "over",
    "at_least": "at least",
    "under": "under",
    "at_most": "at most",
}

#: Chinese hedge words with a closer English word than their qualifier's (近 is "nearly").
HEDGE_FOR_ZH: dict[str, str] = {
    "近": "nearly",
    "将近": "nearly",
    "接近": "nearly",
    "超过": "more than",
    "最高": "up to",
    "以内": "within",
}

#: After a value computed from reported ones, wherever it is shown.
DERIVED_MARK = " (derived)"
#: The word of the derived mark, as the checker looks for it after a value.
DERIVED_WORD = "derived"

#: The heading of the sources in a slide's speaker notes.
SOURCES_HEADING = "Sources:"


def page_label(page: int, total: int) -> str:
    """The footer of a PDF page."""
    return f"Page {page} of {total}"


def quoted_title(title: str) -> str:
    """An article's title where a source note names it."""
    return f'"{title}"'


#: The summary's section headings: key figures, charts, events, key points, sources and notes.
SUMMARY_HEADINGS = ("Key figures", "Charts", "Events", "Key points", "Sources and notes")
#: The columns of the summary's key-figure table.
FIGURE_COLUMNS = ("Measure", "Value", "Change", "Period", "Note")
#: Under a chart with derived values: what the hatching means.
HATCH_NOTE = "Hatched fills mark derived values."
#: The legend entry of derived values in a drawn chart.
DERIVED_LEGEND = "Derived"
#: At the end of a summary that shows derived values.
DERIVED_NOTE = (
    "Values marked “derived” are computed from reported figures and do not appear "
    "in the articles; the notes give each formula."
)

#: Between the items of a list in running text (parties to an agreement).
LIST_SEPARATOR = "; "

#: The name of each data topic, as a chart title says it.
TOPIC_NAMES = {
    "general": "General",
    "trade": "Trade",
    "platform": "Platform",
    "industry": "Industry",
    "finance": "Finance",
    "reform": "Reform",
    "talent": "Talent",
    "logistics": "Logistics",
    "events": "Events",
    "promotion": "Promotion",
    "ranking": "Ranking",
}


def with_unit(title: str, unit: str) -> str:
    """A chart title with the unit of its figures: Talent (years); the title alone without one."""
    return f"{title} ({unit})" if unit else title


#: The fixed texts of a template `reportgen plan` writes.
PLAN_TEXTS = PlanTexts(
    subtitle="Briefing · {{ subject }}",
    source_note=(
        "Every number on this slide comes from {{ source }}; the sources below quote each sentence."
    ),
    key_figures="Key figures at a glance",
    ranking="Ranking",
    events="Events",
    all_figures="All figures",
    sources="Sources",
    article_columns=("Title", "Outlet", "Date"),
    talking_points="Write the talking points here.",
    figures_prompt="Draft: remove figures not worth showing.",
    sources_prompt="The articles this briefing is based on.",
    no_points="(add key points)",
    label_limit=40,
)


def plan_point(label: str, value: str) -> str:
    """A planned chart slide's point: a figure's label and its value."""
    return f"{label}: {value}"


def plan_lead(figures: list[tuple[str, str]]) -> str:
    """A planned summary's lead: the source, then its first figures (label, value)."""
    return (
        "According to {{ source }}: "
        + "; ".join(f"{label} {value}" for label, value in figures)
        + "."
    )
