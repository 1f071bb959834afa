"""How chart descriptions are worded in each language, shared by every kind's describe part.

Alt texts and takeaways restate the chart's own values (with their hedges and derived
marks); they never compute a new number, so everything a presenter reads aloud traces to a
fact.
"""

from __future__ import annotations

from reportgen import locale
from reportgen.charts.model import ChartData, Point


def value_text(point: Point, lang: str) -> str:
    """The value as displayed, marked when it is derived: 约260.3亿元（推算）."""
    if not point.derived:
        return point.text
    return point.text + locale.get(lang).DERIVED_MARK


def separators(lang: str) -> tuple[str, str, str]:
    """(list separator, clause separator, full stop)."""
    words = locale.get(lang)
    return words.COMMA, words.SEMICOLON, words.FULL_STOP


def colon(lang: str) -> str:
    return locale.get(lang).COLON


def labelled(label: str, point: Point, lang: str) -> str:
    """A label and its value: 硕士研究生62人 / Master's 62."""
    return f"{label}{locale.get(lang).SPACE}{value_text(point, lang)}"


def legend_entry(point: Point, lang: str, gap: str = " ") -> str:
    """A legend's name for a part, with its value: 硕士研究生 62人 / 本科 77人（推算）. A
    legend sets the two apart with a space in every language."""
    return f"{point.label}{gap}{value_text(point, lang)}"


def listing(chart: ChartData) -> list[str]:
    """Each point as label and value, in order."""
    return [labelled(p.label, p, chart.lang) for p in chart.points()]


def listed(chart: ChartData) -> str:
    """Every point as one sentence: 产业园区20个、…。"""
    comma, _, stop = separators(chart.lang)
    return comma.join(listing(chart)) + stop
