"""Numbers as a presenter reads them, with the article's hedge kept.

One place decides how a value is written, so a chart label, a slide and the PDF say the same
thing: 360亿元, 4700余家, 近3000列, 不到31岁, 160小时以上 in Chinese; CNY 36 bn, over 4,700,
nearly 3,000, under 31 years in English. Nothing is rounded beyond what the data holds: a
number that needs more digits than the display allows raises instead of being silently cut.

>>> from reportgen.data.schema import Metric
>>> m = Metric(id="x", label_zh="x", label_en="x", value=4700, unit="家", qualifier="over",
...            hedge="余", period="2023", topic="platform", article="a", quote="4700余家")
>>> format_metric(m, "zh"), format_metric(m, "en")
('4700余家', 'over 4,700')
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportgen.data.schema import CURRENCY_WORDS, Metric
from reportgen.locale import LANGS, Lang, en, zh
from reportgen.locale.zh import HEDGES

# Where a Chinese hedge word goes: before the number, between number and measure word, or after.
_ZH_PREFIX = set(zh.hedges_at("before"))
_ZH_INFIX = set(zh.hedges_at("inside"))
ZH_SUFFIX_HEDGES = set(zh.hedges_at("after"))
_ZH_DUO_AFTER_UNIT = {"年", "天", "小时", "岁", "周"}

_ZH_UNIT_TEXT = {"km2": "平方公里", "m2": "平方米", "月": "个月", "℃": "℃"}
_EN_UNIT = {
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


_EN_MONEY = ((10**12, "tn"), (10**9, "bn"), (10**6, "mn"), (1, ""))


#: Decimals a measure (not money) may show as stated: 42.195公里, 2.155%. More would mean the
#: value is a rounded fraction, which is refused rather than rounded again.
MEASURE_DECIMALS = 4


class FormatError(ValueError):
    """A value cannot be written in the requested form without losing digits."""


def plain_number(value: float, *, max_decimals: int = 2, grouping: bool = False) -> str:
    """Shortest decimal form of ``value`` with at most ``max_decimals`` places, never rounded.

    >>> plain_number(260.3), plain_number(36.0), plain_number(4700, grouping=True)
    ('260.3', '36', '4,700')
    """
    number = Decimal(repr(float(value) + 0.0)).normalize()  # + 0.0: -0 prints as 0
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > max_decimals:
        raise FormatError(f"{value!r} needs more than {max_decimals} decimal places")
    text = f"{number:,f}" if grouping else f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _exact_at(values: list[float], factor: int, decimals: int) -> bool:
    """Whether every value can be shown at this scale without rounding (3.0156万亿 cannot)."""
    try:
        for value in values:
            plain_number(value / factor, max_decimals=decimals)
    except FormatError:
        return False
    return True


def zh_money_scale(values: list[float]) -> tuple[int, str]:
    """The largest 万亿/亿/万 scale that shows the largest value as at least 1 and every value
    without rounding: 30156亿元, not 3.0156万亿元."""
    largest = max(abs(v) for v in values) if values else 0
    for factor, word in ((10**12, "万亿元"), (10**8, "亿元"), (10**4, "万元")):
        if largest >= factor and _exact_at(values, factor, 2):
            return factor, word
    return 1, "元"


def en_money_scale(values: list[float]) -> tuple[int, str]:
    largest = max(abs(v) for v in values) if values else 0
    for factor, word in _EN_MONEY:
        if largest >= factor and _exact_at(values, factor, 3):
            return factor, word
    return 1, ""


def format_metric(metric: Metric, lang: Lang, *, money_factor: int | None = None) -> str:
    """The value with its unit and hedge, as it should appear on a slide or a page.

    ``money_factor`` forces a money scale (1e8 for 亿元, 1e9 for bn) so a chart's labels agree.
    """
    return format_value(
        metric.value,
        metric.unit,
        metric.qualifier,
        metric.hedge,
        lang,
        money_factor=money_factor,
        derived=metric.is_derived,
    )


def format_value(
    value: float,
    unit: str,
    qualifier: str,
    hedge: str | None,
    lang: Lang,
    *,
    money_factor: int | None = None,
    derived: bool = False,
) -> str:
    """``format_metric`` for loose parts (used where no Metric exists, e.g. chart axes)."""
    if lang == "zh":
        number, unit_text = _zh_number_and_unit(value, unit, money_factor)
        word = (
            hedge
            if hedge
            else (zh.DEFAULT_HEDGE.get(qualifier, "") if qualifier != "exact" else "")
        )
        if word == "多" and unit in _ZH_DUO_AFTER_UNIT:
            return f"{number}{unit_text}多"  # 一年多, 十天多: 多 follows a time unit
        if word == "多" and unit == "月":
            return f"{number}个多月"
        if word in _ZH_INFIX:
            return f"{number}{word}{unit_text}"
        if word in ZH_SUFFIX_HEDGES:
            return f"{number}{unit_text}{word}"
        return f"{word}{number}{unit_text}"
    text = _en_number_and_unit(value, unit, money_factor)
    if qualifier == "exact":
        return text
    word = en.HEDGE_FOR_ZH.get(hedge or "", en.DEFAULT_HEDGE.get(qualifier, ""))
    return f"{word} {text}"


def _zh_number_and_unit(value: float, unit: str, money_factor: int | None) -> tuple[str, str]:
    if unit in CURRENCY_WORDS:  # 360亿元, 2.3亿美元: the yuan scale, the currency's word
        factor, word = (
            (money_factor, _zh_money_word(money_factor))
            if money_factor
            else zh_money_scale([value])
        )
        return plain_number(value / factor), word[:-1] + CURRENCY_WORDS[unit]
    if unit == "%":
        return plain_number(value, max_decimals=MEASURE_DECIMALS), "%"
    if unit == "版":
        return f"{value:.1f}", "版"
    if unit == "名":
        return f"第{plain_number(value)}", "名"
    return _zh_count(value), _ZH_UNIT_TEXT.get(unit, unit)


def _zh_count(value: float) -> str:
    """5.2万 and 3.6亿 as Chinese prints large counts, where that loses no digit; else whole."""
    if abs(value) >= 10**4:
        for factor, word in ((10**8, "亿"), (10**4, "万")):
            if abs(value) >= factor:
                try:
                    return plain_number(value / factor) + word
                except FormatError:
                    continue
    return plain_number(value, max_decimals=MEASURE_DECIMALS)


def _zh_money_word(factor: int) -> str:
    return {10**12: "万亿元", 10**8: "亿元", 10**4: "万元", 1: "元"}[factor]


def _en_number_and_unit(value: float, unit: str, money_factor: int | None) -> str:
    if unit in CURRENCY_WORDS:
        factor, word = (
            (money_factor, dict(_EN_MONEY)[money_factor])
            if money_factor
            else en_money_scale([value])
        )
        amount = plain_number(value / factor, max_decimals=3, grouping=True)
        return f"{unit} {amount} {word}".rstrip()
    if unit == "%":
        return f"{plain_number(value, max_decimals=MEASURE_DECIMALS)}%"
    if unit == "版":
        return f"v{value:.1f}"
    if unit == "名":
        return f"No. {plain_number(value)}"
    number = plain_number(value, max_decimals=MEASURE_DECIMALS, grouping=True)
    if unit in _EN_UNIT:
        singular, plural = _EN_UNIT[unit]
        return f"{number} {singular if value == 1 else plural}"
    return number


def money_axis_label(values: list[float], lang: Lang) -> tuple[int, str]:
    """Scale factor and axis unit for a chart of money values (亿元 / CNY bn)."""
    if lang == "zh":
        return zh_money_scale(values)
    factor, word = en_money_scale(values)
    return factor, f"CNY {word}".rstrip()


def rank_text(rank: int, lang: Lang) -> str:
    """第4名 / 4th."""
    if lang == "zh":
        return f"第{rank}名"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


_MONTHS_EN = (
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


def format_date(iso: str, lang: Lang) -> str:
    """2023-05-10 -> 2023年5月10日 / 10 May 2023; 2023-05 -> 2023年5月 / May 2023."""
    parts = [int(p) for p in iso.split("-")]
    if lang == "zh":
        return "".join(f"{n}{unit}" for n, unit in zip(parts, ("年", "月", "日"), strict=False))
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS_EN[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def format_date_range(start: str, end: str | None, lang: Lang, *, with_year: bool = True) -> str:
    """5月15日至19日 / 15–19 May; the shared year and month are written once."""

    def short(iso: str) -> str:
        text = format_date(iso, lang)
        if with_year:
            return text
        return text.split("年", 1)[1] if lang == "zh" else text.rsplit(" ", 1)[0]

    if not end or end == start:
        return short(start)
    s, e = start.split("-"), end.split("-")
    if len(s) == len(e) == 3 and s[:2] == e[:2]:
        if lang == "zh":
            return f"{short(start)}至{int(e[2])}日"
        month_year = short(end).split(" ", 1)[1]
        return f"{int(s[2])}–{int(e[2])} {month_year}"
    joiner = "至" if lang == "zh" else " – "
    return f"{short(start)}{joiner}{short(end)}"


def format_period(period: str, lang: Lang) -> str:
    """A metric's period for a category axis: 2021 -> 2021年 / 2021."""
    if "/" in period:
        start, end = period.split("/")
        return format_date_range(start, end, lang)
    return format_date(period, lang)


def unit_label(unit: str, lang: Lang) -> str:
    """The unit of a value axis: 个 / 天 / days."""
    if lang == "zh":
        return {"CNY": "元", "%": "%"}.get(unit, _ZH_UNIT_TEXT.get(unit, unit))
    if unit in _EN_UNIT:
        return _EN_UNIT[unit][1]
    return {"CNY": "CNY", "%": "%"}.get(unit, "")


_OPERATOR_SIGNS = {"*": "×", "/": "÷"}
#: A number (1e15 is not the id e15), a metric id, or an operator that prints as a sign.
_FORMULA_TOKEN = re.compile(r"(\.?\d[\d.]*(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([*/])")


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
    if lang == "zh":
        return f"{metric.label_zh}：按“{formula}”推算，原文未直接报道。"
    return f"{metric.label_en}: computed as {formula}; not reported in the article."


_ZH_PREFIX_RE = "|".join(sorted(_ZH_PREFIX, key=len, reverse=True))
_ZH_SUFFIX_RE = "|".join(sorted(ZH_SUFFIX_HEDGES | {"多"}, key=len, reverse=True))
_PARSE_ZH = re.compile(
    rf"^(?:第)?({_ZH_PREFIX_RE})?(-?\d[\d,]*(?:\.\d+)?)(余|多)?(万亿|亿|万)?(余|多)?"
    rf"(?:元|个多月|个月|平方公里|平方米|%|‰|℃|[\u4e00-\u9fff]{{0,4}}?)?({_ZH_SUFFIX_RE})?$"
)
EN_HEDGE_WORDS = en.HEDGES
_PARSE_EN = re.compile(
    rf"^({'|'.join(EN_HEDGE_WORDS)})?\s*(?:[A-Z]{{3}}\s+|No\.\s+|v)?"
    r"(-?\d[\d,]*(?:\.\d+)?)\s*(tn|bn|mn)?(?:%|\s.*)?$"
)


def parse_value(text: str, lang: Lang) -> tuple[float, str]:
    """The value and qualifier a formatted text states; the inverse of ``format_value``.

    >>> parse_value("4700余家", "zh"), parse_value("more than CNY 130 bn", "en")
    ((4700.0, 'over'), (130000000000.0, 'over'))
    """
    if lang == "zh":
        match = _PARSE_ZH.match(text)
        if not match:
            raise ValueError(f"not a formatted value: {text!r}")
        prefix, digits, infix, magnitude, after_magnitude, suffix = match.groups()
        hedge = prefix or infix or after_magnitude or suffix or ("多" if "个多月" in text else None)
        factor = {"万亿": 10**12, "亿": 10**8, "万": 10**4}.get(magnitude or "", 1)
        qualifier = HEDGES.get(hedge, "exact") if hedge else "exact"
    else:
        match = _PARSE_EN.match(text)
        if not match:
            raise ValueError(f"not a formatted value: {text!r}")
        word, digits, magnitude = match.groups()
        factor = {word: f for f, word in _EN_MONEY}.get(magnitude, 1) if magnitude else 1
        qualifier = EN_HEDGE_WORDS.get(word, "exact") if word else "exact"
    number = float(digits.replace(",", ""))
    return float(Decimal(digits.replace(",", "")) * factor) if factor != 1 else number, qualifier
