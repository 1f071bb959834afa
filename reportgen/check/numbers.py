"""Which numbers a page may print, and the numbers a text prints that the data does not hold.

`Supported` is computed once per dataset, in one place, and read by every check (slide text,
speaker notes, chart labels, PDF pages): the metrics' values and their 万/亿/bn scalings, the
constants of derived formulas (shown as the formula), ranks, years and dates of rankings,
events, periods and articles, and numbers printed in titles (the dataset's, its articles' and
its events'), labels and units. A text is read twice: Arabic numbers with their hedges, and
figures written in Chinese numerals, found by the extractor (which knows the names and idioms
whose numerals are no figures: 一带一路, 十四五) and read with the same numeral reader
`validate` uses. A page is read the way its language writes numbers: its locale module's
``READING``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from reportgen.data import Dataset
from reportgen.data.formulas import constants_in
from reportgen.data.trajectory import rank_scale, trajectory
from reportgen.locale import LANGS, get
from reportgen.locale.numbers import decimal_value
from reportgen.text.normalize import squash
from reportgen.text.numerals import parse_chinese_numeral

#: Every scale word a page may print, in any language, and its factor (亿, bn).
SCALE: dict[str, int] = {word: f for lang in LANGS for word, f in get(lang).SCALES.items()}
_FACTORS = tuple(sorted({1, *SCALE.values()}))  # every display scale a value may be printed in
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


@dataclass(frozen=True)
class Supported:
    """What the dataset lets a page print, computed once (see `supported`)."""

    numbers: frozenset[float]  # every number the data can put on a page
    qualifiers: Mapping[float, frozenset[str]]  # value -> hedges of the facts that have it
    articles: tuple[str, ...]  # the articles' text without whitespace (verbatim quotes)
    #: value -> the labels of the facts that have it, squashed (a label may end in a word
    #: that is also a hedge: 单日客流最高 before its 30万人次 is no hedge 最高)
    labels: Mapping[float, frozenset[str]] = field(default_factory=dict)

    def __contains__(self, number: float) -> bool:
        return round(number, 6) in self.numbers

    def in_articles(self, text: str) -> bool:
        """Whether ``text`` is a verbatim piece of an article (ignoring whitespace)."""
        squashed = _squash(text)
        return bool(squashed) and any(squashed in article for article in self.articles)


def _squash(text: str) -> str:
    """As `validate` compares a quote with its article (one rule: a quote it accepts is
    verbatim here too, its line-broken Latin words joined)."""
    return squash(text)


def _numbers_printed(text: str) -> set[float]:
    """Numbers printed in a label, title or unit: PM2.5, per 100,000 (and 100 and 000)."""
    found: set[float] = set()
    for number in _DIGITS.findall(text):
        found.update(float(n) for n in (number.replace(",", ""), *re.findall(r"\d+", number)))
    return found


def supported(dataset: Dataset) -> Supported:
    """Every number the data can put on a page, and the hedges each value carries."""
    allowed: set[float] = set()
    qualifiers: dict[float, set[str]] = {}
    labels: dict[float, set[str]] = {}
    for metric in dataset.metrics:
        labels.setdefault(round(metric.value, 6), set()).update(
            squash(label) for label in metric.label.values() if label
        )
        for factor in _FACTORS:  # a decrease prints its sign apart
            allowed.add(round(abs(metric.value) / factor, 6))
            allowed.add(round(metric.value / factor, 6))
        qualifiers.setdefault(round(metric.value, 6), set()).add(metric.qualifier)
        if metric.derived is not None:  # a derived value's note shows its formula
            allowed.update(round(c, 6) for c in constants_in(metric.derived.formula))
        # numbers in the unit as printed count too: /10万 is "per 100,000" in English
        for text in (
            metric.period,
            *metric.label.values(),
            metric.unit,
            *(get(lang).unit_label(metric.unit) for lang in LANGS),
        ):
            allowed |= _numbers_printed(text)
    for ranking in dataset.rankings:
        allowed.update({float(ranking.rank), float(ranking.year)})
        qualifiers.setdefault(float(ranking.rank), set()).add("exact")
        # who is ranked and in what are names (全国168个重点城市空气质量排名)
        for text in (*ranking.entity.values(), *ranking.assessment.values()):
            allowed |= _numbers_printed(text or "")
    for text in dataset.assessment.values():
        allowed |= _numbers_printed(text or "")
    # a rank chart's axis marks each place of a short scale (第3名 between 4th and 2nd)
    line = trajectory(dataset.rankings, dataset.info.subject)
    allowed.update(float(place) for place in rank_scale(r.rank for r in line))
    for event in dataset.events:
        for iso in (event.date, event.end_date or event.date):
            allowed.update(float(p) for p in iso.split("-"))
        # where it was held and who took part are names (五四广场 is 54 Guangchang in English)
        for text in (
            *event.place.values(),
            *(n for names in event.parties.values() for n in names),
        ):
            allowed |= _numbers_printed(text or "")
    info = dataset.info  # titles and names are data too (a draft's English title is its id)
    for text in (
        info.id,
        *info.title.values(),
        *info.subject.values(),
        *(title for a in dataset.articles for title in a.title.values()),
        *(title for e in dataset.events for title in e.title.values()),  # 上午7时30分
        *(a.date for a in dataset.articles),
    ):
        allowed.update(float(n) for n in re.findall(r"\d+(?:\.\d+)?", text))
    for stamp in (dataset.info.as_of, dataset.page.date if dataset.page else ""):
        allowed.update(float(p) for p in stamp.split("-") if p)
    return Supported(
        numbers=frozenset(allowed),
        qualifiers={k: frozenset(v) for k, v in qualifiers.items()},
        articles=tuple(_squash(t) for t in dataset.article_texts.values()),
        labels={k: frozenset(v) for k, v in labels.items()},
    )


# --- reading a text ----------------------------------------------------------------------------


def lang_of(tag: str | None) -> str:
    """The language a document's tag names (zh-CN, en-US): an untagged document is in the
    default language; a tag of a language reportgen does not write is read as English."""
    if not tag:
        return LANGS[0]
    return next((lang for lang in LANGS if tag.startswith(lang)), _FOREIGN)


def number_findings(
    text: str, data: Supported, lang: str, extra: frozenset[float] = frozenset()
) -> list[str]:
    """Numbers in ``text`` (written in ``lang``) no fact supports, and hedged facts shown
    without their hedge."""
    reading = get(lang).READING
    if reading.numerals:
        text = _without_relative_periods(text)
    problems = []
    quotes = []
    other = reading.embedded  # Chinese text on an English page: read it as Chinese
    run = get(other).READING.run if other is not None else None
    if other is not None and run is not None:
        quotes = [m.span() for m in run.finditer(text)]
        for start, end in quotes:
            problems += number_findings(text[start:end], data, other, extra)
    for match in reading.pattern.finditer(text):
        if any(start <= match.start() < end for start, end in quotes):
            continue
        digits, magnitude = match.group("digits"), match.group("scale")
        qualifier = reading.qualifier(match, text)
        number = decimal_value(digits)
        value = round(decimal_value(digits, SCALE.get(magnitude, 1)), 6)
        if match.group("before") and _after_own_label(text, match, data, value, number):
            qualifier = None  # the word is the end of the figure's label, not its hedge
        shown = match.group().strip()
        if number not in data and value not in data and number not in extra:
            problems.append(f"number {shown} is not in the dataset")
            continue
        end = match.end()
        problems += _hedge_findings(
            shown,
            digits,
            value,
            number,
            qualifier,
            data,
            lambda end=end: reading.is_quantity(text, end),
        )
    if reading.numerals:
        problems += _chinese_figure_findings(text, data)
    return problems


#: Any date: a relative period's span does not depend on the day it is read from.
_SOME_DAY = date(2000, 1, 1)


def _without_relative_periods(text: str) -> str:
    """``text`` with its relative periods blanked (近三年, 过去五年, 前4个月): their number
    is how long a period runs, not a figure, and 近 there is no hedge. The extractor's period
    reader decides what a period is; one that names a year (2023年) is left to be read."""
    from reportgen.extract.periods import period_phrases

    if not re.search(r"[年月季]", text):
        return text
    out = text
    for phrase in period_phrases(text, _SOME_DAY):
        if not re.search(r"\d{4}", phrase.text):
            out = out[: phrase.start] + " " * (phrase.end - phrase.start) + out[phrase.end :]
    return out


def _after_own_label(text: str, match: re.Match, data: Supported, value, number) -> bool:
    """Whether the text before a figure ends with the label of a fact that has its value."""
    before = _squash(text[: match.start("digits")])
    labels = data.labels.get(value, frozenset()) | data.labels.get(round(number, 6), frozenset())
    return any(before.endswith(label) for label in labels)


def _hedge_findings(shown, digits, value, number, qualifier, data: Supported, quantity) -> list:
    kinds = data.qualifiers.get(value) or data.qualifiers.get(round(number, 6))
    if not kinds:
        return []
    if qualifier and qualifier not in kinds:
        return [f"{shown}: the data has no such hedge for {digits}"]
    if qualifier is None and "exact" not in kinds and value in data.qualifiers and quantity():
        return [f"{shown} is shown without its hedge"]
    return []


#: The reading of a page whose language tag is none of reportgen's.
_FOREIGN = "en"


def blank_quotes(text: str, data: Supported) -> str:
    """``text`` with every “quote” that is a verbatim piece of an article blanked out.

    Quotes nest (“首创“信用上合”等50余项…”): the widest closing mark that makes a verbatim
    quote wins."""
    out = list(text)
    start = text.find("“")
    while start != -1:
        closes = [i for i in range(len(text) - 1, start, -1) if text[i] == "”"]
        end = next((i for i in closes if data.in_articles(text[start + 1 : i])), None)
        if end is None:
            start = text.find("“", start + 1)
            continue
        out[start : end + 1] = " " * (end + 1 - start)
        start = text.find("“", end + 1)
    return "".join(out)


# --- figures in Chinese numerals ---------------------------------------------------------------


def chinese_figures(text: str) -> Iterator[tuple[str, list[float], str | None]]:
    """Figures written in Chinese numerals (八千七百家, 约八千七百亿元, a bare 八千七百):
    (text, values, qualifier). Names, idioms, ordinals and titles are not figures: the
    extractor decides that, so the check and `extract` agree on what a figure is."""
    from reportgen.extract.facts import CN, extract, is_name, view_of

    taken: list[tuple[int, int]] = []
    for fact in extract(text):
        taken.append((fact.start, fact.end))
        if (
            re.search(r"\d", fact.text)
            or not re.search("[零〇一二两三四五六七八九十百千]", fact.text)
            or fact.kind in ("date", "date_range")
        ):
            continue  # Arabic numbers are read above, dates by their parts; 亿元 alone is a unit
        values = fact.value if isinstance(fact.value, list) else [fact.value]
        if values and all(isinstance(v, int | float) for v in values):
            yield fact.text, [float(v) for v in values], fact.qualifier
    # A numeral with no measure word after it is no fact to the extractor, but a page that
    # prints 八千七百 prints a number: read runs that compose a value from digits and units.
    view = view_of(text)
    for match in re.finditer(rf"[{CN}]{{2,}}", view):
        start, end = match.span()
        run = match.group()
        if (
            not re.search("[一二两三四五六七八九]", run)  # 千万级, 千亿级: a class, not a figure
            or not re.search("[十百千万亿]", run)  # 一一, 三三两两: no composed value
            or any(s < end and start < e for s, e in taken)
        ):
            continue
        value = parse_chinese_numeral(run)
        if value is not None and not is_name(view, start, end):
            yield text[start:end], [float(value)], None


def _chinese_figure_findings(text: str, data: Supported) -> list[str]:
    problems = []
    for shown, values, qualifier in chinese_figures(text):
        for value in values:
            if value not in data:
                problems.append(f"number {shown} is not in the dataset")
                break
        else:
            if len(values) == 1:
                word = qualifier if qualifier and qualifier != "exact" else None
                problems += _hedge_findings(
                    shown, shown, values[0], values[0], word, data, lambda: True
                )
    return problems
