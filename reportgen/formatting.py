"""Numbers as a presenter reads them, with the article's hedge kept: the one front door.

One place decides how a value is written, so a chart label, a slide and the PDF say the same
thing: 360亿元, 4700余家, 近3000列, 不到31岁, 160小时以上 in Chinese; CNY 36 bn, over 4,700,
nearly 3,000, under 31 years in English. How each language writes them lives in its locale
module (``reportgen.locale.zh``, ``reportgen.locale.en``); this module only picks the language,
so a caller never asks which one it has. Nothing is rounded beyond what the data holds: a
number that needs more digits than the display allows raises instead of being silently cut.

>>> from reportgen.data.schema import Metric
>>> m = Metric(id="x", label_zh="x", label_en="x", value=4700, unit="家", qualifier="over",
...            hedge="余", period="2023", topic="platform", article="a", quote="4700余家")
>>> format_metric(m, "zh"), format_metric(m, "en")
('4700余家', 'over 4,700')
"""

from __future__ import annotations

import re

from reportgen import locale
from reportgen.data.schema import Metric
from reportgen.locale import LANGS, Lang
from reportgen.locale.numbers import FormatError

__all__ = [
    "FormatError",
    "derivation_text",
    "format_date",
    "format_date_range",
    "format_metric",
    "format_period",
    "money_axis_label",
    "rank_text",
    "unit_label",
    "unprintable",
]


def format_metric(metric: Metric, lang: Lang, *, money_factor: int | None = None) -> str:
    """The value with its unit and hedge, as it should appear on a slide or a page.

    ``money_factor`` forces a money scale (1e8 for 亿元, 1e9 for bn) so a chart's labels agree.
    """
    return locale.get(lang).format_value(
        metric.value, metric.unit, metric.qualifier, metric.hedge, money_factor=money_factor
    )


def money_axis_label(values: list[float], lang: Lang) -> tuple[int, str]:
    """Scale factor and axis unit for a chart of money values (亿元 / CNY bn)."""
    return locale.get(lang).money_axis_label(values)


def rank_text(rank: int, lang: Lang) -> str:
    """第4名 / 4th."""
    return locale.get(lang).rank_text(rank)


def format_date(iso: str, lang: Lang) -> str:
    """2023-05-10 -> 2023年5月10日 / 10 May 2023; 2023-05 -> 2023年5月 / May 2023."""
    return locale.get(lang).format_date(iso)


def format_date_range(start: str, end: str | None, lang: Lang, *, with_year: bool = True) -> str:
    """5月15日至19日 / 15–19 May; the shared year and month are written once."""
    return locale.get(lang).format_date_range(start, end, with_year=with_year)


def format_period(period: str, lang: Lang) -> str:
    """A metric's period for a category axis: 2021 -> 2021年 / 2021."""
    if "/" in period:
        start, end = period.split("/")
        return format_date_range(start, end, lang)
    return format_date(period, lang)


def unit_label(unit: str, lang: Lang) -> str:
    """The unit of a value axis: 个 / 天 / days."""
    return locale.get(lang).unit_label(unit)


def unprintable(metric: Metric) -> str | None:
    """Why ``format_metric`` cannot write the metric's value in some language, or None.

    Validation reports this on the metric's value, so build never meets a value it would have
    to round (8000000000.123457 yuan: more decimals than 元 shows).
    """
    for lang in LANGS:
        try:
            format_metric(metric, lang)
        except FormatError as exc:
            return f"cannot be printed without rounding: {exc}"
    return None


_OPERATOR_SIGNS = {"*": "×", "/": "÷"}
#: A number (1e15 is not the id e15), a metric id, or an operator that prints as a sign.
_FORMULA_TOKEN = re.compile(r"(\.?\d[\d.]*(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([*/])")


def derivation_text(metric: Metric, labels: dict[str, str], lang: Lang) -> str:
    """How a derived value was computed, in words, for a footnote or a speaker note."""

    def word(token: re.Match[str]) -> str:
        number, name, operator = token.groups()
        if number:
            return number
        return labels.get(name, name) if name else _OPERATOR_SIGNS[operator]

    # One pass over the formula: a label is inserted once and never read again, so its
    # backslashes, slashes and asterisks print as they are (进出口/对外贸易额 keeps its /).
    formula = _FORMULA_TOKEN.sub(word, metric.derived.formula)
    label = metric.label[lang]
    return locale.get(lang).derivation_text(label, formula)
