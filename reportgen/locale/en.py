"""English: the hedge words English outputs use, how numbers, units, ranks and dates are
written, and their fixed strings: CNY 36 bn, over 4,700, nearly 3,000, 4th, 10 May 2023."""

from __future__ import annotations

import re

from reportgen.locale import Moved, PageTexts, PlanTexts, Qualifier, StoryTexts
from reportgen.locale.numbers import (
    CURRENCIES,
    MEASURE_DECIMALS,
    decimal_value,
    largest_exact_scale,
    plain_number,
)
from reportgen.locale.reading import Reading

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

#: Scale words of money and their factors, largest first: CNY 36 bn.
SCALES: dict[str, int] = {"tn": 10**12, "bn": 10**9, "mn": 10**6}
_SCALE_WORDS = {factor: word for word, factor in SCALES.items()} | {1: ""}

#: Units with English names, singular and plural; other measure words print no unit.
UNIT_NAMES: dict[str, tuple[str, str]] = {
    "天": ("day", "days"),
    "岁": ("year", "years"),
    "小时": ("hour", "hours"),
    "年": ("year", "years"),
    "月": ("month", "months"),
    "人": ("person", "people"),
    "km2": ("km²", "km²"),
    "m2": ("m²", "m²"),
    "个百分点": ("percentage point", "percentage points"),
    "℃": ("°C", "°C"),
    "‰": ("‰", "‰"),
    "/10万": ("per 100,000", "per 100,000"),
    "分钟": ("minute", "minutes"),
    "秒": ("second", "seconds"),
    "微克/立方米": ("μg/m³", "μg/m³"),
    "公里/小时": ("km/h", "km/h"),
}

#: Month names, January first (dates, and the checker telling a date from a quantity).
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def money_scale(values: list[float]) -> tuple[int, str]:
    """The largest tn/bn/mn scale that shows the largest value as at least 1 and every value
    with at most three decimals: CNY 3,015.6 bn, not CNY 3.0156 tn."""
    return largest_exact_scale(values, ((f, w) for w, f in SCALES.items()), 3) or (1, "")


def money_axis_label(values: list[float]) -> tuple[int, str]:
    """Scale factor and axis unit for a chart of money values: (10**9, "CNY bn")."""
    factor, word = money_scale(values)
    return factor, f"CNY {word}".rstrip()


def _number_and_unit(value: float, unit: str, money_factor: int | None) -> str:
    if unit in CURRENCIES:
        if money_factor:
            factor, word = money_factor, _SCALE_WORDS[money_factor]
        else:
            factor, word = money_scale([value])
        amount = plain_number(value / factor, max_decimals=3, grouping=True)
        return f"{unit} {amount} {word}".rstrip()
    if unit == "%":
        return f"{plain_number(value, max_decimals=MEASURE_DECIMALS)}%"
    if unit == "版":
        return f"v{value:.1f}"
    if unit == "名":
        return f"No. {plain_number(value)}"
    number = plain_number(value, max_decimals=MEASURE_DECIMALS, grouping=True)
    if unit in UNIT_NAMES:
        singular, plural = UNIT_NAMES[unit]
        return f"{number} {singular if value == 1 else plural}"
    return number


def format_value(
    value: float,
    unit: str,
    qualifier: Qualifier,
    hedge: str | None,
    *,
    money_factor: int | None = None,
) -> str:
    """The value with its unit and an English hedge before it: over 4,700, CNY 36 bn. The
    article's Chinese hedge picks the closer word where there is one (近 is "nearly")."""
    text = _number_and_unit(value, unit, money_factor)
    if qualifier == "exact":
        return text
    word = HEDGE_FOR_ZH.get(hedge or "", DEFAULT_HEDGE.get(qualifier, ""))
    return f"{word} {text}"


def unit_label(unit: str) -> str:
    """The unit of a value axis: days, km², CNY; '' for a measure word English leaves out."""
    if unit in UNIT_NAMES:
        return UNIT_NAMES[unit][1]
    return {"CNY": "CNY", "%": "%"}.get(unit, "")


def rank_text(rank: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def format_date(iso: str) -> str:
    """2023-05-10 -> 10 May 2023; 2023-05 -> May 2023; 2023 -> 2023."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def format_date_range(start: str, end: str | None, *, with_year: bool = True) -> str:
    """15–19 May 2023; the shared year and month are written once."""

    def short(iso: str) -> str:
        text = format_date(iso)
        return text if with_year else text.rsplit(" ", 1)[0]

    if not end or end == start:
        return short(start)
    s, e = start.split("-"), end.split("-")
    if len(s) == len(e) == 3 and s[:2] == e[:2]:
        month_year = short(end).split(" ", 1)[1]
        return f"{int(s[2])}–{int(e[2])} {month_year}"
    return f"{short(start)} – {short(end)}"


def derivation_text(label: str, formula: str) -> str:
    """How a derived value was computed, for a footnote or a speaker note."""
    return f"{label}: computed as {formula}; not reported in the article."


_PARSE = re.compile(
    rf"^({'|'.join(HEDGES)})?\s*(?:[A-Z]{{3}}\s+|No\.\s+|v)?"
    rf"(-?\d[\d,]*(?:\.\d+)?)\s*({'|'.join(SCALES)})?(?:%|\s.*)?$"
)


def parse_value(text: str) -> tuple[float, Qualifier]:
    """The value and qualifier a text written by `format_value` states.

    >>> parse_value("more than CNY 130 bn"), parse_value("4,700")
    ((130000000000.0, 'over'), (4700.0, 'exact'))
    """
    match = _PARSE.match(text)
    if not match:
        raise ValueError(f"not a formatted value: {text!r}")
    word, digits, scale = match.groups()
    qualifier = HEDGES.get(word, "exact") if word else "exact"
    return decimal_value(digits, SCALES.get(scale or "", 1)), qualifier


# --- reading a page back (the checker) ---------------------------------------------------------

_NUMBER = re.compile(
    # a hedge is a word of its own: "turnover 40.2%" has no hedge "over"
    rf"(?:(?<![A-Za-z])(?P<before>{'|'.join(HEDGES)}))?\s*(?:[A-Z]{{3}}\s*)?"
    # spaces go with a scale word only
    rf"(?P<digits>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<scale>{'|'.join(SCALES)}))?\b"
)
_MONTH_NAMES = "|".join(MONTHS)


def _qualifier(match: re.Match, text: str) -> Qualifier | None:
    hedge = match.group("before")
    return HEDGES.get(hedge) if hedge else None


def _is_quantity(text: str, end: int) -> bool:
    """Whether a number is followed by a unit (4,700 enterprises, 38.3%)."""
    if re.match(rf"\s*(?:{_MONTH_NAMES})\b", text[end : end + 12]) or re.search(
        rf"\b(?:{_MONTH_NAMES})\s+\d*$", text[max(0, end - 14) : end]
    ):
        return False  # 30 June 2025, June 30: a date
    return bool(re.match(r"(%| ?[A-Za-z])", text[end : end + 2]))


#: How the checker reads an English page; the Chinese it quotes is read the Chinese way.
_DATE = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}})?\b|\b(?:{_MONTH_NAMES})\s+\d{{1,2}}(?:,\s*\d{{4}})?\b"
)
READING = Reading(_NUMBER, _qualifier, _is_quantity, embedded="zh", dates=_DATE)


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


#: The fixed texts of a template `reportgen plan` writes.
PLAN_TEXTS = PlanTexts(
    subtitle="Briefing · {{ subject }}",
    source_note=(
        "Every number on this slide comes from {{ outlet }}; the sources below quote each sentence."
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


#: The words a planned storyline is composed with.
PAGE_TEXTS = PageTexts(
    heading="Sources",
    intro="Every number on the slides links to its figure and to its sentence, highlighted in "
    "the article.",
    slides="Slides",
    figures="Figures",
    articles="Articles",
    slide="Slide {n}",
    no_numbers="(no numbers on this slide)",
    value="Value",
    unit="Unit",
    period="Period",
    topic="Topic",
    role="Kind",
    quote="Quote",
    derived="How derived",
    inputs="From",
    source="Source",
    reviewed="reviewed",
    unreviewed="not reviewed",
    unreviewed_warning="Some figures were drafted from the articles automatically and have not "
    "been reviewed.",
    quote_elsewhere="The article writes this sentence with other line breaks or hyphens; it "
    "is not highlighted.",
    shown_on="On",
)

STORY_TEXTS = StoryTexts(
    subtitle="{{ source }}",
    continued=" (continued)",
    outlook="Outlook",
    plans="Direction",
    plans_note="The plans the articles state; figures in them are the articles' own.",
    rank_columns=("Who", "Assessment", "Year", "Place"),
    coming_up="Coming up",
    changes="Growth",
    levels="Scale",
    events="Events",
    unreviewed=(
        "These figures were drafted from the articles automatically and have not been reviewed."
    ),
    untranslated="Not in the glossary, given in pinyin: {terms}.",
)


def story_point(label: str, value: str, period: str, change: str | None) -> str:
    """A figure as an English point: label: figure (period), up change."""
    said = f"{label}: {value}"
    if period:
        said += f" ({period})"
    return said + (f", change {change}" if change else "")


def largest(label: str, value: str, growth: bool) -> str:
    """A chart's note: which figure is largest (or grows fastest)."""
    return f"{'Fastest growth' if growth else 'Largest'}: {label} ({value})."


def smallest(label: str, value: str, growth: bool) -> str:
    return f"{'Slowest growth' if growth else 'Smallest'}: {label} ({value})."


def figures_shown(labels: list[str]) -> str:
    """A KPI slide's note: the figures it shows."""
    return "On this slide: " + "; ".join(labels) + "."


def plan_lead(points: list[str]) -> str:
    """A planned summary's lead: its first points as one sentence."""
    return "; ".join(p.rstrip(".;") for p in points) + "."


# -- running text: punctuation and the small phrases sentences are built from ------------------

#: Between a label and what it introduces: Source: …
COLON = ": "
#: Between the items of a sentence's list: Bachelor's 77, Master's 62.
COMMA = ", "
#: Between the clauses of a sentence.
SEMICOLON = "; "
FULL_STOP = "."
#: Between a label and its value, and after a full stop.
SPACE = " "
#: Before the parts of a total: Staff 144, of whom Bachelor's 77.
OF_WHICH = ", of whom "


def aside(text: str) -> str:
    """A remark in brackets after what it qualifies: Foreign trade (2022)."""
    return f" ({text})"


def numbered(title: str, n: int) -> str:
    """The n-th section of one title: Trade, part two (in words: a digit on a slide must be
    a figure of the data)."""
    words = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return f"{title}, part {words[n - 1] if n <= len(words) else 'more'}"


def joined(names: list[str]) -> str:
    """Names as one title: Trade and logistics; Trade, logistics and investment."""
    if not names:
        return ""
    rest = [n[:1].lower() + n[1:] if n[:2] != n[:2].upper() else n for n in names[1:]]
    if not rest:
        return names[0]
    return ", ".join([names[0], *rest[:-1]]) + " and " + rest[-1]


def joined_lines(text: str) -> str:
    """A text whose lines folded YAML joined with spaces: English keeps them."""
    return text


def as_of(period: str) -> str:
    """The time of a stock: as of Apr 2023."""
    return f"as of {period}"


def ranked(rank: str, year: int) -> str:
    """A rank in a year's assessment, ``rank`` as `rank_text` writes it: 1st in 2022."""
    return f"{rank} in {year}"


def assessment_year(year: int) -> str:
    """A year of an assessment, as a rank chart's category: 2022."""
    return str(year)


#: The value axis of a rank chart.
RANK_AXIS = "rank"


def rank_moved(first: tuple[str, str], last: tuple[str, str], moved: Moved) -> str:
    """How a rank went from the first (year, rank) to the last: The rank rose from 4th in…"""
    verb = {"up": "rose", "down": "fell", "held": "held"}[moved]
    return f"The rank {verb} from {first[1]} in {first[0]} to {last[1]} in {last[0]}."


def source_line(outlet: str, date: str) -> str:
    """Where a chart's numbers come from: Source: Qingdao Daily, 18 May 2023."""
    return f"Source: {outlet}, {date}"


def slide_note(shown: str, quote: str, title: str) -> str:
    """A source note in a slide's speaker notes: the number, its sentence, its article."""
    return slide_derivation(shown, f"“{quote}” {quoted_title(title)}")


def slide_derivation(shown: str, derivation: str) -> str:
    """A derived number's note in a slide's speaker notes: the number, how it was computed."""
    return f"{shown} — {derivation}"


def page_note(shown: str, quote: str, title: str) -> str:
    """A numbered source note on a PDF page: the number, its sentence, its article."""
    return f"{shown}{COLON}“{quote}” ({title})"


#: The columns of a summary's events table.
EVENT_COLUMNS = ("Date", "Event", "Place")

#: What alt text calls a chart of each kind.
CHART_KIND_NAMES = {
    "bar": "Bar chart",
    "column": "Column chart",
    "comparison": "Comparison bar chart",
    "composition": "Donut chart",
    "kpi": "Key figures",
    "rank": "Rank line chart",
    "timeline": "Timeline",
}

#: How reportlab breaks this language's lines in a PDF paragraph ("CJK": between any two
#: characters; None: at spaces).
PDF_WORD_WRAP: str | None = None

#: What a draft data folder writes where the article does not say (the outlet).
#: What a draft says of a field its article does not state (an outlet): a fact, not a prompt.
NOT_STATED = "Not stated"
TO_BE_WRITTEN = "(to be written)"


def draft(text: str) -> str:
    """A drafted text still to be translated into this language."""
    return f"(draft) {text}"
