"""Dates and periods as ISO strings: 2022年6月 -> "2022-06", 5月17日 -> "--05-17" (the year
unknown), 1至10月 -> ["--01", "--10"], 去年底 -> the last month of the year before the article.
"""

from __future__ import annotations

import re
from datetime import date

from reportgen.extract.lexicon import RELATIVE_YEARS
from reportgen.text.numerals import DIGITS, parse_chinese_numeral


def iso(year: str | int | None, month: str | int | None, day: str | int | None) -> str:
    """2022-06, 2022-06-01, or --06-01 when the year is unknown."""
    parts = [f"{int(month):02d}" if month else None, f"{int(day):02d}" if day else None]
    tail = "-".join(p for p in parts if p)
    if year:
        return f"{int(year)}" + (f"-{tail}" if tail else "")
    return f"--{tail}"  # the year is unknown


def year_of(groups: dict[str, str | None], article_date: date | None) -> str | None:
    """The year a match states (2022年), or the one a relative word (去年) means given the
    article's date; None when it is unknown (同年 is settled after the scan)."""
    year = groups.get("y")
    if groups.get("rel"):
        if article_date is None:
            year = None
        else:
            offset = RELATIVE_YEARS.get(groups["rel"])
            year = str(article_date.year + offset) if offset is not None else None
    return re.sub(r"\D", "", year) if year else None


def date_value(match: re.Match, article_date: date | None) -> str | None:
    """A date or a month (2022年6月, 5月17日, 9月底, 去年底), or None when it is no date."""
    groups = match.groupdict()
    year = year_of(groups, article_date)
    m, d = groups.get("m"), groups.get("d")
    if groups.get("edge"):  # 去年底 is the last month of last year; without a date, unknown
        return iso(year, "12" if groups["edge"] in "底末" else "01", None) if year else None
    if (m and not 1 <= int(m) <= 12) or (d and not 1 <= int(d) <= 31):
        return None
    return iso(year, m, d)


def period_value(match: re.Match, article_date: date | None) -> list[str] | None:
    """A period as its first and last date (1至10月, 5月15日至19日, 2021—2023年, 90年代), or
    None when the two ends do not make one."""
    groups = match.groupdict()
    if groups.get("decade"):
        first = 1900 + int(groups["decade"])  # 90年代: the 1990s, as news writes it
        return [str(first), str(first + 9)]
    year = year_of(groups, article_date)
    if groups.get("y2"):
        if int(groups["y2"]) <= int(year or 0):
            return None
        return [iso(year, None, None), iso(groups["y2"], None, None)]
    m2 = groups.get("m2") or groups.get("m")
    if not (1 <= int(groups["m"]) <= 12 and 1 <= int(m2) <= 12):
        return None
    if groups.get("d") is None and int(m2) <= int(groups["m"]):
        return None  # 1至10月 runs forwards; 12-1 is not a month range
    return [iso(year, groups.get("m"), groups.get("d")), iso(year, m2, groups.get("d2"))]


def chinese_date(match: re.Match) -> str | None:
    """二〇二四年十一月五日, as official documents print it; None for a month or day that
    is none."""
    year = "".join(str(DIGITS[ch]) for ch in match.group("ycn"))
    month = parse_chinese_numeral(match.group("mcn")) if match.group("mcn") else None
    day = parse_chinese_numeral(match.group("dcn")) if match.group("dcn") else None
    if (month and not 1 <= month <= 12) or (day and not 1 <= day <= 31):
        return None
    return year + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
