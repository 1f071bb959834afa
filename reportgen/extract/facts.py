"""Find every quantitative fact in a Chinese news text, with exact character offsets.

The text is scanned through a same-length "view": full-width digits and ASCII-like symbols are
mapped one to one (４７００ -> 4700, ％ -> %), so every span found in the view is the same span
in the input and ``input[start:end] == text`` always holds. Whitespace and line breaks may
stand inside a fact ("4700 余家", "2022 年\\n6 月").

The scan tries the patterns (``patterns``) in order; each match is read by its kind's reader
(``READERS``, one small function per kind), which reads the number (``values``) or the date
(``dates``) and says what it means for that kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date

from reportgen.extract.dates import chinese_date, date_value, period_value
from reportgen.extract.lexicon import CN, CURRENCY_CODES, DOWN_VERBS, SAME_YEAR_WORDS
from reportgen.extract.names import is_name
from reportgen.extract.patterns import PATTERNS, group, view_of
from reportgen.extract.sentences import sentence_bounds, sentence_of
from reportgen.extract.subjects import subject
from reportgen.extract.values import (
    Figure,
    clock_duration,
    figure,
    hedge,
    int_or_float,
    low_end,
    number,
    scaled,
)
from reportgen.locale.zh import DEFAULT_HEDGE, UNIT_TEXT

__all__ = ["CN", "KINDS", "READERS", "Fact", "extract", "is_name", "view_of"]

#: Every kind of fact the extractor reports (a gold file may use no other).
KINDS = (
    "money",
    "count",
    "percent",
    "growth",
    "rank",
    "date",
    "date_range",
    "duration",
    "age",
    "area",
    "score",
    "code",
    "other",
)


@dataclass(frozen=True)
class Fact:
    text: str
    start: int
    end: int
    kind: str
    value: object
    unit: str
    qualifier: str
    subject: str
    sentence: str
    hedge: str | None = None
    #: Where the fact's sentence stands in the text (``text[sentence_start:sentence_end]``):
    #: the frame, period and topic of a figure are read within it.
    sentence_start: int = 0
    sentence_end: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def extract(
    text: str, article_date: date | None = None, breaks: frozenset[int] = frozenset()
) -> list[Fact]:
    """Every quantitative fact in ``text``, in order, without overlaps.

    ``breaks`` are offsets where a sentence ends whatever the punctuation says: the edges of a
    headline, a byline or a caption (``layout``), which must not run into the next sentence."""
    view = view_of(text)
    taken = [False] * len(text)
    facts: list[Fact] = []
    for kind, pattern in PATTERNS:
        spanned = "span" in pattern.groupindex  # context words that are not part of the fact
        for match in pattern.finditer(view):
            start, end = _trim(view, *(match.span("span") if spanned else match.span()))
            if (
                start >= end
                or any(taken[start:end])
                or _inside_number(view, start)
                or is_name(view, start, end)
            ):
                continue
            fact = _fact(kind, Found.of(match, view, start, end, article_date), text)
            if fact is None:
                continue
            for i in range(start, end):
                taken[i] = True
            facts.append(fact)
    facts.sort(key=lambda f: f.start)
    return _listed_growth(_same_year(_with_sentences(facts, text, view, breaks), view), view)


# --- reading a match, per kind ---------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A pattern's match at ``start:end`` of the view, with what every kind reads the same
    way: the unit word and the hedge."""

    match: re.Match
    view: str
    start: int
    end: int
    article_date: date | None
    unit: str
    qualifier: str
    hedge: str | None

    @classmethod
    def of(
        cls, match: re.Match, view: str, start: int, end: int, article_date: date | None
    ) -> Found:
        qualifier, word = hedge(
            group(match, "pre"), group(match, "suf"), group(match, "suf3"), group(match, "suf2")
        )
        unit = (group(match, "u") or "").strip()
        return cls(match, view, start, end, article_date, unit, qualifier, word)

    def group(self, name: str) -> str | None:
        return group(self.match, name)

    def reading(self, value: object, unit: str) -> Reading:
        """The match read as ``value`` in ``unit``, with its own hedge."""
        return Reading(value, unit, self.qualifier, self.hedge, self.start)


@dataclass(frozen=True)
class Reading:
    """What a kind makes of a match: the value, its unit and hedge, and where the fact starts
    (a range whose low end is no low end starts at its number)."""

    value: object
    unit: str
    qualifier: str
    hedge: str | None
    start: int


#: kind -> its reader: what a match of that kind means, or None when it is no fact after all.
Reader = Callable[[Found], Reading | None]


def _fact(kind: str, found: Found, text: str) -> Fact | None:
    reading = READERS[kind](found)
    if reading is None:
        return None
    return Fact(
        text=text[reading.start : found.end],
        start=reading.start,
        end=found.end,
        kind=kind,
        value=reading.value,
        unit=reading.unit,
        qualifier=reading.qualifier,
        subject="",  # filled in by _with_sentences
        sentence="",  # filled in by _with_sentences
        hedge=reading.hedge,
    )


def _numbered(
    value_of: Callable[[Found, Figure], Reading | None],
    *,
    rough_pair: bool = False,
    magnified: bool = False,
) -> Reader:
    """A reader for a kind whose value is a stated number: ``value_of`` says what the figure
    means; a ``rough_pair`` kind reads 七八家 as [7, 8]; a ``magnified`` kind scales the pair
    and the low end of a range by the magnitude (5至6万人 is [50000, 60000])."""

    def read(found: Found) -> Reading | None:
        stated = figure(found.match, found.unit, found.qualifier, found.hedge)
        if stated is None:
            return None
        reading = value_of(found, stated)
        if reading is None:
            return None
        if rough_pair and stated.pair:
            scale = stated.factor if magnified else 1
            low, high = stated.pair
            reading = replace(
                reading, value=[int_or_float(low * scale), int_or_float(high * scale)]
            )
        if found.group("lo") is not None and isinstance(reading.value, int | float):
            bottom = low_end(found.match, stated.factor, magnified)
            if bottom is not None and bottom < reading.value:
                reading = replace(reading, value=[bottom, reading.value])  # 16—24岁: a range
            else:  # not a range: the number alone
                reading = replace(
                    reading, start=_trim(found.view, found.match.start("n"), found.end)[0]
                )
        return reading

    return read


def _stated(found: Found, stated: Figure, value: object, unit: str) -> Reading:
    """The figure read as ``value`` in ``unit``, with the hedge it was stated with."""
    return Reading(value, unit, stated.qualifier, stated.hedge, found.start)


def _money(found: Found, stated: Figure) -> Reading:
    value = int_or_float(scaled(stated.raw, stated.factor))
    return _stated(found, stated, value, CURRENCY_CODES[re.sub(r"\s+", "", stated.unit)])


#: A unit as Chinese prints it -> as the data writes it (平方公里 -> km2): the locale's unit
#: text, read back.
_DATA_UNIT = {text: unit for unit, text in UNIT_TEXT.items()}


def _area(found: Found, stated: Figure) -> Reading:
    value = int_or_float(scaled(stated.raw, stated.factor))
    return _stated(found, stated, value, _DATA_UNIT.get(stated.unit, stated.unit))


def _count(found: Found, stated: Figure) -> Reading | None:
    if stated.unit == "名" and found.view[max(0, found.start - 1) : found.start] == "第":
        return None
    unit = "个" if found.group("big") else stated.unit  # 6大展区, 二十大园区: six of them
    return _stated(found, stated, int_or_float(scaled(stated.raw, stated.factor)), unit)


def _change(found: Found, stated: Figure) -> Reading:
    # 增加2.1万户 is 21000; 增长三成 is already 30 (成 was read as tens of percent)
    value = int_or_float(scaled(stated.raw, stated.factor) if stated.factor != 1 else stated.number)
    if found.group("verb") in DOWN_VERBS:
        value = -value
    return _stated(found, stated, value, stated.unit)


def _share(found: Found, stated: Figure) -> Reading:
    return _stated(found, stated, int_or_float(stated.number), "%")


def _place(found: Found, stated: Figure) -> Reading:
    reading = _stated(found, stated, int_or_float(stated.number), stated.unit)
    if found.view[found.start] == "前":  # 前三: somewhere in the top three
        reading = replace(reading, qualifier="at_most", hedge="前")
    return reading


def _other(found: Found, stated: Figure) -> Reading:
    if stated.unit in ("℃", "摄氏度"):
        value = -stated.number if found.group("pre") == "零下" else stated.number
        return Reading(int_or_float(value), "℃", "exact", None, found.start)
    if stated.unit in ("版本", "版"):
        return _stated(found, stated, stated.number, stated.unit)  # a version such as 1.0
    return _stated(found, stated, int_or_float(stated.number), stated.unit)


def _in_unit(unit: str | None) -> Callable[[Found, Figure], Reading]:
    """The number as it is, in ``unit`` (or the match's own unit)."""

    def value_of(found: Found, stated: Figure) -> Reading:
        return _stated(found, stated, int_or_float(stated.number), unit or stated.unit)

    return value_of


_numbered_percent = _numbered(_share)
_numbered_growth = _numbered(_change)
_numbered_rank = _numbered(_place)
_numbered_duration = _numbered(_in_unit(None), rough_pair=True)


def _date(found: Found) -> Reading | None:
    if found.group("ycn"):  # 二〇二四年十一月五日
        return found.reading(chinese_date(found.match), "")
    value = date_value(found.match, found.article_date)
    return None if value is None else found.reading(value, "")


def _date_range(found: Found) -> Reading | None:
    value = period_value(found.match, found.article_date)
    return None if value is None else found.reading(value, "")


def _code(found: Found) -> Reading:
    return found.reading(found.match.group("code"), found.unit)


def _duration(found: Found) -> Reading | None:
    if found.group("mm") or found.group("mm2"):  # 2小时08分36秒
        return found.reading(*clock_duration(found.match))
    return _numbered_duration(found)


def _rank(found: Found) -> Reading | None:
    if found.group("w"):  # 首位, 榜首
        return found.reading(1, found.match.group("w"))
    return _numbered_rank(found)


def _percent(found: Found) -> Reading | None:
    if found.group("den"):  # 三分之一, 约占四分之三
        denominator, numerator = number(found.group("den")), number(found.group("num"))
        if not denominator or numerator is None or numerator > denominator:
            return None
        reading = found.reading(int_or_float(round(numerator / denominator * 100, 6)), "%")
        return (
            replace(reading, qualifier="approx", hedge=DEFAULT_HEDGE["approx"])
            if found.group("pre")
            else reading
        )
    if found.group("share_half"):  # 接近一半
        return found.reading(50, "%")
    return _numbered_percent(found)


def _growth(found: Found) -> Reading | None:
    if found.group("half"):  # 缩短一半
        return found.reading(-50 if found.group("verb") in DOWN_VERBS else 50, "%")
    if found.group("times"):  # 增长一倍
        return found.reading(int(number(found.group("times")) * 100), "%")
    if found.group("fold"):  # 翻一番
        return found.reading((2 ** int(number(found.group("fold"))) - 1) * 100, "%")
    return _numbered_growth(found)


READERS: dict[str, Reader] = {
    "money": _numbered(_money, rough_pair=True, magnified=True),
    "count": _numbered(_count, rough_pair=True, magnified=True),
    "percent": _percent,
    "growth": _growth,
    "rank": _rank,
    "date": _date,
    "date_range": _date_range,
    "duration": _duration,
    "age": _numbered(_in_unit("岁"), rough_pair=True),
    "area": _numbered(_area, rough_pair=True, magnified=True),
    "score": _numbered(_in_unit("分")),
    "code": _code,
    "other": _numbered(_other),
}


# --- the scan's helpers and its passes over the facts found ----------------------------------


def _inside_number(view: str, start: int) -> bool:
    """A match that begins in the middle of a number (the 万 of 1万余家) would misread it."""
    if start == 0 or not (view[start].isdigit() or view[start] in CN):
        return False
    return view[start - 1].isdigit() or (
        view[start - 1] in ".," and start > 1 and view[start - 2].isdigit()
    )


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return start, end


def _with_sentences(
    facts: list[Fact], text: str, view: str, breaks: frozenset[int] = frozenset()
) -> list[Fact]:
    """Each fact with its sentence and its subject, read within that sentence (the next item of
    a list is not what a figure measures). The sentence ends are found once the facts are known
    (a list of figures breaks at each line; see ``sentences``); a shared sentence is made once."""
    bounds = sentence_bounds(text, {fact.end for fact in facts}, breaks)
    made: dict[tuple[int, int], str] = {}
    out = []
    for fact in facts:
        span = sentence_of(text, fact.start, fact.end, bounds)
        if span not in made:
            made[span] = re.sub(r"\s+", "", text[span[0] : span[1]]).strip("”」 ")
        measured = subject(view, fact.start, fact.end, fact.kind, span)
        out.append(
            replace(
                fact,
                sentence=made[span],
                subject=measured,
                sentence_start=span[0],
                sentence_end=span[1],
            )
        )
    return out


def _listed_growth(facts: list[Fact], view: str) -> list[Fact]:
    """分别增长21.4%和23.9%: a percentage listed after a growth figure is growth too."""
    out: list[Fact] = []
    for fact in facts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and fact.kind == "percent"
            and prev.kind == "growth"
            and prev.unit == "%"
            and re.sub(r"\s+", "", view[prev.end : fact.start]) in ("和", "、", "及", "与")
        ):
            down = re.sub(r"\s+", "", prev.text).startswith(DOWN_VERBS)
            value = -fact.value if down and isinstance(fact.value, int | float) else fact.value
            fact = replace(fact, kind="growth", value=value)
        out.append(fact)
    return out


def _same_year(facts: list[Fact], view: str) -> list[Fact]:
    """同年10月 takes the year of the last date before it."""
    year = None
    out = []
    for fact in facts:
        if fact.kind == "date" and isinstance(fact.value, str):
            if fact.value[:4].isdigit():
                year = fact.value[:4]
            elif year and view[fact.start : fact.start + 2] in SAME_YEAR_WORDS:
                fact = replace(fact, value=year + fact.value[1:])
        out.append(fact)
    return out
