"""Reading a matched number: Arabic and Chinese numerals, magnitudes, vague amounts, rough
pairs, ranges and hedges, into a value and a qualifier.

A fact's kind decides what its value means (``facts``); how the digits of a match are read is
decided here, once, for every kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportgen.extract.lexicon import MAGNITUDES, PREFIX_HEDGES, SUFFIX_HEDGES, VAGUE_HEADS
from reportgen.extract.patterns import group
from reportgen.text.numerals import DIGITS, parse_chinese_numeral


def int_or_float(value: float) -> int | float:
    """A whole number as an int (360, not 360.0), any other as it is."""
    return int(value) if float(value).is_integer() else value


def number(token: str) -> float | None:
    """The number a token says (1,300, 38.3, 四千七百, 数十 -> 10), or None if it says none."""
    token = re.sub(r"\s+", "", token).replace(",", "")
    token = token.lstrip(VAGUE_HEADS).rstrip("几")  # 数十 -> 十: the floor of a vague amount
    if not token:
        return None
    if token[0].isdigit():
        return float(token)
    value = parse_chinese_numeral(token)
    return float(value) if value is not None else None


def scaled(token: str, factor: float) -> float:
    """A number times its magnitude, exactly: 512.3亿 is 51230000000, not 51229999999.99999."""
    token = re.sub(r"\s+", "", token).replace(",", "")
    if token and token[0].isdigit():
        return float(Decimal(token) * Decimal(int(factor)))
    return number(token) * factor


_PAIR_DIGITS = {ch: value for ch, value in DIGITS.items() if value}  # 一..九 and 两


def approx_pair(token: str) -> tuple[int, int] | None:
    """七八家, 两三个, 三五年: two adjacent numerals are a rough range, not 78 or 23."""
    token = re.sub(r"\s+", "", token)
    if len(token) != 2 or any(ch not in _PAIR_DIGITS for ch in token):
        return None
    low, high = _PAIR_DIGITS[token[0]], _PAIR_DIGITS[token[1]]
    return (low, high) if high == low + 1 or (low, high) == (3, 5) else None


def vague(token: str) -> tuple[str, str] | None:
    """数十, 几百, 十几 mean "more than"; 上千 means "about": (qualifier, hedge word)."""
    token = re.sub(r"\s+", "", token)
    if token.startswith("上") and len(token) > 1:
        return "approx", "上"
    if token.startswith(("数", "几")) or token.endswith("几"):
        return "over", token
    return None


def hedge(*words: str | None) -> tuple[str, str | None]:
    """The qualifier and word of the first hedge among ``words``; exact when none is one."""
    words = tuple(re.sub(r"\s+", "", w) if w else w for w in words)
    for word in words:
        if word and word in PREFIX_HEDGES:
            return PREFIX_HEDGES[word], word
        if word and word in SUFFIX_HEDGES:
            return SUFFIX_HEDGES[word], word
    return "exact", None


def clock_duration(match: re.Match) -> tuple[int | float, str]:
    """2小时08分36秒 in seconds, 1小时30分钟 in minutes: a race time or a journey as one value."""
    hours = int(match.group("hh") or 0)
    minutes = int(match.group("mm") or match.group("mm2"))
    seconds = match.group("ss") or match.group("ss2")
    if seconds is None:
        return hours * 60 + minutes, "分钟"
    total = Decimal(hours * 3600 + minutes * 60) + Decimal(seconds)
    return int_or_float(float(total)), "秒"


@dataclass(frozen=True)
class Figure:
    """The number of a match as it is stated, before its kind says what it means.

    ``number`` is read without its magnitude, ``factor`` is that magnitude (1 without one);
    ``unit`` is the match's unit word (成 already read as tens of percent); ``pair`` is a rough
    range (七八家); ``qualifier`` and ``hedge`` are the match's hedge, or what a vague amount
    or a rough pair says instead."""

    raw: str
    number: float
    factor: float
    unit: str
    qualifier: str
    hedge: str | None
    pair: tuple[int, int] | None


def figure(match: re.Match, unit: str, qualifier: str, hedge: str | None) -> Figure | None:
    """The figure in a match's ``n`` (or ``n2``) and ``mag`` groups; None when it has none."""
    raw = group(match, "n") or group(match, "n2")
    value = number(raw) if raw else None
    if value is None:
        return None
    said = vague(raw)
    if said:
        qualifier, hedge = said
    pair = approx_pair(raw)
    if pair:
        qualifier, hedge = "approx", raw
    if unit == "成":
        value, unit = value * 10, "%"  # 六成 = 60%
    if group(match, "pct"):
        unit = "%"
    factor = MAGNITUDES.get(group(match, "mag") or "", 1)
    return Figure(raw, value, factor, unit, qualifier, hedge, pair)


def low_end(match: re.Match, factor: float, magnified: bool) -> int | float | None:
    """The low end of a range (the 16 of 16—24岁, the 5万 of 5万至6万人), or None without one.
    Its own magnitude wins; else it shares the high end's (5至6万); a ``magnified`` kind scales
    it, others read the number alone."""
    low = group(match, "lo")
    if low is None:
        return None
    magnitude = group(match, "lomag")
    scale = MAGNITUDES[magnitude] if magnitude else factor
    return int_or_float(scaled(low, scale) if magnified else number(low))
