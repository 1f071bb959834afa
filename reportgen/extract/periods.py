"""The period each figure is about, read from the text: 前4个月, 1—10月, 上半年, 2022年, 截至5月底.

A figure's period is what the article says it is, not the article's date. Two steps:

**Phrases** (``period_phrases``). Every period phrase in the text, resolved to an ISO period
that ``schema.Period`` accepts, with its kind:

- 前4个月 / 前十个月 / 1—4月 / 1-4月 / 1至4月 / 1～4月 / 1月至4月: ``YYYY-01/YYYY-04``. The year is
  the one stated (2024年, 今年, 去年), else the latest such range not after the article's month
  (1—10月 in a February article is last year's).
- 上半年 ``01/06``, 下半年 ``07/12``, 一季度/第一季度 ``01/03`` … 四季度 ``10/12``, 前三季度
  ``01/09``: the year stated, else the latest one begun by the article's month.
- 今年以来 / 2019年以来 / 5月以来 / 自2019年获批建设以来 / “十四五”以来: from then to the article's
  month. 全年 / 今年 / 2022年 / 2023年度 / 年内: the year. 2021—2023年: ``2021/2023``.
- 近三年 / 三年来 / 近3年: the three years up to and including the article's year; 过去五年 the
  five before it (过去一年 in January–March is last year, later the twelve months before the
  article's month); 今后三年 / 未来三年: this year and the two after; 五年前: that year.
- 2023年5月: ``2023-05``; 4月份 / 4月当月 / 5月: the latest such month not after the article's
  month, never in the future, unless the clause looks ahead (将于5月20日至22日举办, 10月前完成):
  then the next one. 5月1日至5日 is a range of days; a single day is no period (an event's
  date), except as a cut-off (截至2024年3月31日 is as of that day).
- ``as_of`` (a stock or a running total at a point): 截至5月底 / 截至5月末 / 5月末 ``2024-05``;
  截至2021年底 / 2021年底 / 去年末 ``2021-12``; 二季度末; 年初; 到2025年 (a target); but
  年底前 (园区将在年底前再引进20家) is from the article's month to December, ``during``;
  目前 / 现有 / 现已 / 截至目前: the article's month. 累计 / 已累计 takes the phrase before it in
  its sentence when no figure stands between (今年1至7月，园区累计处理… is the total over those
  months; 截至9月底…累计 is as of September), is as of that phrase's end when it follows a figure
  (全年新增31家，累计达到211家: at the end of the year), else as of the article's month (the start
  of a running total is unknown).
- ``None``: a comparison base says nothing about the figure's period: 去年同期 / 上年同期 / 比同期
  (the period in force a year earlier: 前7个月……比去年同期 is ``2023-01/2023-07``), 比去年,
  较上年, 较2020年, 比五年前, 与2019年相比, 是2020年的2.4倍, 较年初, 比去年末.
- 全年 without a year is the year of the period phrase before it (2024年……全年 is 2024; a single
  month, an event's date, does not count), else the article's year, except in a January or
  February article that does not look ahead, where 全年 is last year (the annual figures are
  published then). 同年 / 当年 is the last year named before it.

A year stated is never overridden: 2022年，…达360亿元 in a 2023 article is 2022. Phrases inside a
title in 《》 are not read.

**Assignment** (``periods_of``). A figure takes the phrase that governs its clause: the nearest
period phrase before it in its sentence (a later phrase governs the figures after it; comparison
bases govern nothing). With none in its sentence:

1. a sentence in the same paragraph as the one before takes that sentence's period (the phrase in
   force at its end), and so does a sentence that opens by going on with those statistics
   (其中, 同比, 分别, 从…看, 分…看, 按…分) across a paragraph break; a sentence that turns to
   something else (此外, 另外, 下一步) or speaks of the present (现有, 已, 规划, 目前) does not;
2. else the article's *lead period*: the first phrase of the headline or the lead that governs a
   figure, if it lies within one year and is recent (begun by the article's month, ended within
   the year before): statistics articles state their period once and report the rest of it
   paragraph by paragraph (近三年 is a review, not the statistics of one period), and a headline
   without a period reports the lead's figures. A sentence that speaks of the present, looks
   ahead (计划, 预计, 力争), states a policy's terms (给予, 补贴) or turns to something else
   does not take it;
3. else the article's month: ``as_of`` when the words before the figure speak of a stock (目前,
   已, 现有, 余额, 累计, 总数, 截至…), ``during`` otherwise.

A sentence is the extractor's (``Fact.sentence_start``/``sentence_end``); a paragraph ends at a
blank line, at a line break after 。！？, or before an indented line.

A figure of a stock (余额, 总量, 总数, 保有量, 累计) after its period phrase is as of the end of
that period, and never after the article's month (上半年新增5.2万户……总量达到68.7万户: the
total is as of June; but 占新增总量的36.5% is a share of the flow). The two levels of
由…到… (由12.1万公里增加到14.6万公里) split a range of years or months that governs them: the
first level has its start, the second its end; 由2021年的12.1万公里增加到14.6万公里 gives the
second level the end of the sentence's period before 由, or the article's year.

A period phrase is never a metric (``is_period_phrase``): the 4个月 of 前4个月, the 1—10月 date
range, the 三年 of 近三年 are when, not how much. A real duration (历时3年, 用时2个月建成, 压缩至
1.5小时) is no period phrase.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from reportgen.data.schema import check_order, date_span
from reportgen.extract.facts import Fact
from reportgen.extract.lexicon import (
    BASE_LEADS,
    BASE_TAILS,
    CONTINUATION_OPENERS,
    FIVE_YEAR_PLANS,
    FUTURE_WORDS,
    POLICY_WORDS,
    PRESENT_MARKS,
    PRESENT_WORDS,
    RELATIVE_YEARS,
    SAME_YEAR_WORDS,
    SHIFT_OPENERS,
    STOCK_WORDS,
)
from reportgen.extract.patterns import view_of
from reportgen.extract.sentences import sentence_bounds
from reportgen.text.numerals import DIGITS, parse_chinese_numeral

__all__ = [
    "PeriodPhrase",
    "is_period_phrase",
    "period_phrase_facts",
    "period_phrases",
    "periods_of",
]


@dataclass(frozen=True)
class PeriodPhrase:
    """A period phrase at ``start:end`` of the text, resolved: ``period`` as ``schema.Period``
    accepts it; ``kind`` 'during' (a flow over the period), 'as_of' (a stock or running total at
    its end) or None (a comparison base: it says nothing about the figure's period)."""

    start: int
    end: int
    text: str
    period: str
    kind: str | None


# --- the phrases ------------------------------------------------------------------------------

_S = r"[ \t\r\n\u3000]{0,3}"
_NUM = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
_DASH = r"(?:—{1,2}|–|―|-|~|〜|至|到)"
#: Years said relative to the article, as the phrases read them (上年, 本年 too).
_REL_YEARS = {**RELATIVE_YEARS, "上年": -1, "本年": 0}
_REL = "|".join(sorted((*_REL_YEARS, *SAME_YEAR_WORDS), key=len, reverse=True))
_YEAR = (
    rf"(?:(?P<y>(?:19|20)\d{{2}}){_S}年|(?P<ycn>[一二][〇零一二三四五六七八九]{{3}})年"
    rf"|(?<![以上])(?P<rel>{_REL}))"
)
_NOT_DAY = rf"(?!{_S}\d{{1,2}}{_S}[日号])"
_MONTH_START = r"(?<![\d个第.])"

# Each pattern names what it reads; ``_READERS`` turns a match into (period, kind, tag).
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("skip", re.compile(r"《[^》\n]{0,80}》|〔\d{4}〕")),  # titles and document numbers
    (
        "cutoff",
        re.compile(
            rf"截[至止](?:到)?{_S}(?:(?P<now>目前|发稿时?|现在|当前|今天|今日)|(?:{_YEAR}{_S})?"
            rf"(?:(?P<m>\d{{1,2}}){_S}月(?:{_S}(?P<d>\d{{1,2}}){_S}[日号])?(?:{_S}(?:底|末|份))?"
            rf"|第?(?P<q>[一二三四1-4]){_S}季度末?|(?P<h>上)半年末?|(?P<edge>年?{_S}[底末]))?)"
        ),
    ),
    (
        "days",
        re.compile(
            rf"(?:{_YEAR}{_S})?{_MONTH_START}(?P<m>\d{{1,2}}){_S}月{_S}(?P<d>\d{{1,2}}){_S}[日号]"
            rf"{_S}{_DASH}{_S}(?:(?P<m2>\d{{1,2}}){_S}月{_S})?(?P<d2>\d{{1,2}}){_S}[日号]"
        ),
    ),
    (
        "skip",  # a single day is an event's date, not a period: taken so 5月 is not read in it
        re.compile(
            rf"(?:(?:19|20)\d{{2}}{_S}年{_S})?{_MONTH_START}\d{{1,2}}{_S}月{_S}\d{{1,2}}{_S}[日号]"
        ),
    ),
    (
        "years",
        re.compile(
            rf"(?<!\d)(?P<y>(?:19|20)\d{{2}}){_S}年?{_S}{_DASH}{_S}(?P<y2>(?:19|20)\d{{2}}){_S}年"
            rf"(?!{_S}\d)"
        ),
    ),
    (
        "target",  # 到2025年底, 到2027年: a level aimed at or reached by then (not 到2023年的…)
        re.compile(
            rf"(?<![由从\d])(?:到|至){_S}{_YEAR}(?:{_S}(?P<m>\d{{1,2}}){_S}月)?{_S}(?P<edge>[底末])?"
            rf"{_NOT_DAY}(?!{_S}的)"
            # 增至今年上半年的2.86亿美元: the end of a pair, in a half or a quarter of that year
            rf"(?!{_S}(?:[上下]半年|[一二三四]季度|第[一二三四]季度|前三季度|前{_S}\d|全年))"
        ),
    ),
    ("since", re.compile(rf"自{_S}{_YEAR}[^，,。；;：:\d\n]{{0,12}}?以来")),
    (
        "plan",
        re.compile(rf"[“\"]?(?P<plan>{'|'.join(FIVE_YEAR_PLANS)})[”\"]?(?P<when>以来|期间|时期)"),
    ),
    (
        "n_years",
        re.compile(
            rf"(?P<lead>近|最近|过去的?|今后|未来|这)(?P<n>{_NUM})个?年(?P<tail>来|以来)?"
            rf"|(?<![\d连续历时用为期])(?P<n2>{_NUM})年(?P<tail2>来|以来|前)"
        ),
    ),
    (
        "part",
        re.compile(
            rf"(?:{_YEAR}{_S})?(?:"
            rf"前{_S}(?P<first>{_NUM}){_S}个?{_S}月"
            rf"|{_MONTH_START}(?P<m1>\d{{1,2}}){_S}(?:月(?:份)?{_S})?{_DASH}{_S}(?P<m2>\d{{1,2}}){_S}月"
            rf"(?:份)?{_NOT_DAY}"
            rf"|前{_S}(?P<nq>[两二三23]){_S}个?{_S}季度"
            rf"|(?P<half>[上下])半年(?P<hend>末)?"
            rf"|第?{_S}(?P<q>[一二三四1-4]){_S}季度(?P<qend>末)?"
            rf"|(?P<ytd>以来)"
            rf"|(?P<full>全年)"
            rf"|(?P<edge>年?{_S}[底末初])(?P<since0>以来)?"
            rf"|{_MONTH_START}(?P<m>\d{{1,2}}){_S}月(?P<mpart>份|底|末|初|上旬|中旬|下旬)?"
            rf"(?P<since>以来)?(?:{_S}当月)?{_NOT_DAY}"
            rf"|(?P<same>同期)"
            rf"|(?P<yearly>度)"
            rf")?"
        ),
    ),
    ("present", re.compile("|".join(PRESENT_WORDS))),
    ("running", re.compile(r"已?累计")),
    ("within", re.compile(r"(?<![\d一二两三四五六七八九十几多])年内")),  # not 三年内
    ("month_rel", re.compile(r"(?P<last>上个?月)|(?P<this>本月)")),
]

_FUTURE = re.compile("|".join(w if w != "将" else "将(?!近)" for w in FUTURE_WORDS))
_CLAUSE_MARK = re.compile(r"[，,。；;：:！？!?\n（）()]")
_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万]+[个家项条列名人次批座户台辆艘万亿]")


@dataclass(frozen=True)
class _Context:
    """What a reader needs besides its match: the view, the article's date and the clause before
    the match (does it look ahead?)."""

    view: str
    today: date

    def ahead(self, start: int, end: int) -> bool:
        """Does the clause look ahead (将于, 计划), or is the phrase a deadline (10月前)?"""
        marks = [m.end() for m in _CLAUSE_MARK.finditer(self.view, max(0, start - 30), start)]
        clause = self.view[marks[-1] if marks else max(0, start - 30) : start]
        after = re.split(r"[。；;！？!?\n]", self.view[end : end + 15])[0]
        return bool(_FUTURE.search(clause + after)) or after.startswith("前")


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _span(year: int, first: int, last: int, end_year: int | None = None) -> str:
    """YYYY-MM/YYYY-MM, or one month when both ends are the same."""
    start, end = _month(year, first), _month(end_year or year, last)
    return start if start == end else f"{start}/{end}"


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else parse_chinese_numeral(text)


def _stated_year(groups: dict, today: date) -> int | None:
    """The year a match states (2022年, 二〇二二年) or says relative to the article (去年);
    None when it states none or says 同年 (settled by what was said before)."""
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("ycn"):
        return int("".join(str(DIGITS[ch]) for ch in groups["ycn"]))
    rel = groups.get("rel")
    if rel in _REL_YEARS:
        return today.year + _REL_YEARS[rel]
    return None


def _latest(today: date, first: int, last: int, by_end: bool, ahead: bool) -> int:
    """The year of a span of months ``first``..``last`` the text gives without one: the latest
    not after the article's month (by its end for a running total, 1—10月; by its start for a
    quarter or a half, which may be under way), or the next one when the clause looks ahead."""
    if ahead:
        return today.year if last >= today.month else today.year + 1
    edge = last if by_end else first
    return today.year if edge <= today.month else today.year - 1


Reading = tuple[str, str | None, str]  # (period, kind, tag): a tag asks for the context pass


def _read_cutoff(m: re.Match, ctx: _Context) -> Reading | None:
    g, today = m.groupdict(), ctx.today
    year = _stated_year(g, today)
    if g["now"]:
        return _month(today.year, today.month), "as_of", ""
    if g["m"]:
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        year = year or _latest(today, month, month, True, False)
        if g["d"]:
            day = int(g["d"])
            return (f"{_month(year, month)}-{day:02d}", "as_of", "") if 1 <= day <= 31 else None
        return _month(year, month), "as_of", ""
    if g["q"]:
        last = 3 * (_number(g["q"]) or 0)
        return _month(year or _latest(today, last, last, True, False), last), "as_of", ""
    if g["h"]:
        return _month(year or _latest(today, 6, 6, True, False), 6), "as_of", ""
    if year is not None:
        return _month(year, 12) if g["edge"] else str(year), "as_of", ""
    if g["edge"] and "年" in g["edge"]:
        return _month(today.year, 12), "as_of", ""
    return None


def _read_days(m: re.Match, ctx: _Context) -> Reading | None:
    g, today = m.groupdict(), ctx.today
    m1, d1 = int(g["m"]), int(g["d"])
    m2, d2 = int(g["m2"] or g["m"]), int(g["d2"])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    if (m2, d2) <= (m1, d1):
        return None
    year = _stated_year(g, today) or _latest(today, m1, m1, False, ctx.ahead(m.start(), m.end()))
    return f"{_month(year, m1)}-{d1:02d}/{_month(year, m2)}-{d2:02d}", "during", ""


def _read_years(m: re.Match, ctx: _Context) -> Reading | None:
    first, last = int(m.group("y")), int(m.group("y2"))
    return (f"{first}/{last}", "during", "") if first < last else None


def _read_target(m: re.Match, ctx: _Context) -> Reading | None:
    year = _stated_year(m.groupdict(), ctx.today)
    if year is None:
        return None
    if m.group("m"):
        month = int(m.group("m"))
        return (_month(year, month), "as_of", "") if 1 <= month <= 12 else None
    return (_month(year, 12) if m.group("edge") else str(year)), "as_of", ""


def _read_since(m: re.Match, ctx: _Context) -> Reading | None:
    year, today = _stated_year(m.groupdict(), ctx.today), ctx.today
    if year is None or year > today.year:
        return None
    return _span(year, 1, today.month, today.year), "during", ""


def _read_plan(m: re.Match, ctx: _Context) -> Reading | None:
    first, today = FIVE_YEAR_PLANS[m.group("plan")], ctx.today
    if m.group("when") == "以来":
        return (
            (_span(first, 1, today.month, today.year), "during", "")
            if first <= today.year
            else None
        )
    return f"{first}/{first + 4}", "during", ""


def _read_n_years(m: re.Match, ctx: _Context) -> Reading | None:
    n = _number(m.group("n") or m.group("n2"))
    year = ctx.today.year
    if not n or n > 50:
        return None
    lead, tail = m.group("lead"), m.group("tail2")
    if tail == "前":
        return str(year - n), "during", ""
    if lead in ("今后", "未来"):
        return (f"{year}/{year + n - 1}" if n > 1 else str(year)), "during", ""
    if lead and lead.startswith("过去"):
        if n == 1:
            if ctx.today.month <= 3:
                return str(year - 1), "during", ""
            last = ctx.today.month - 1 or 12
            return _span(year - 1, ctx.today.month, last, year), "during", ""
        return f"{year - n}/{year - 1}", "during", ""
    if ctx.today.month <= 3 and n > 1:
        # 近三年 early in a year (a year-end review published in January) is the three years
        # that have ended
        return f"{year - n}/{year - 1}", "during", ""
    return (f"{year - n + 1}/{year}" if n > 1 else str(year)), "during", ""


def _view_after(m: re.Match, ctx: _Context) -> str:
    return ctx.view[m.end() : m.end() + 1]


def _read_part(m: re.Match, ctx: _Context) -> Reading | None:
    g, today = m.groupdict(), ctx.today
    year = _stated_year(g, today)
    same_year = g.get("rel") in SAME_YEAR_WORDS
    tag = "same_year" if same_year else ""

    def ahead() -> bool:
        return ctx.ahead(m.start(), m.end())

    if g["first"]:
        n = _number(g["first"])
        if not n or n > 12:
            return None
        year = year or _latest(today, 1, n, True, ahead())
        return _span(year, 1, n), "during", tag
    if g["m1"]:
        first, last = int(g["m1"]), int(g["m2"])
        if not 1 <= first < last <= 12:
            return None
        year = year or _latest(today, first, last, True, ahead())
        return _span(year, first, last), "during", tag
    if g["nq"]:
        last = 3 * (_number(g["nq"]) or 0)
        year = year or _latest(today, 1, last, True, ahead())
        return _span(year, 1, last), "during", tag
    if g["half"] or g["q"]:
        if g["half"]:
            first, last = (1, 6) if g["half"] == "上" else (7, 12)
            at_end = g["hend"]
        else:
            q = _number(g["q"]) or 0
            first, last, at_end = 3 * q - 2, 3 * q, g["qend"]
        # under way by its start; its end (二季度末, a point) must have come by the article
        year = year or _latest(today, first, last, bool(at_end), ahead())
        if at_end:
            return _month(year, last), "as_of", tag
        return _span(year, first, last), "during", tag
    if g["ytd"]:
        if year is None and not same_year:
            return None
        year = year or today.year
        return (
            (_span(year, 1, today.month, today.year), "during", tag) if year <= today.year else None
        )
    if g["full"]:
        return (str(year), "during", tag) if year else (str(today.year), "during", "full")
    if g["edge"]:
        edge = re.sub(r"\s+", "", g["edge"])
        if year is None and not edge.startswith("年"):
            return None  # 底, 末 or 初 alone is no period
        year = year or today.year
        if edge.endswith("初"):  # 年初, 2024年初: its first month
            if g["since0"]:
                return _span(year, 1, today.month, today.year), "during", tag
            return _month(year, 1), "as_of", tag
        if _view_after(m, ctx).startswith("前") and year == today.year:
            return _span(year, today.month, 12), "during", tag  # 年底前再引进20家: from now on
        return _month(year, 12), "as_of", tag
    if g["m"]:
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        if g["since"]:
            year = year or _latest(today, month, month, False, False)
            return _span(year, month, today.month, today.year), "during", tag
        year = year or _latest(today, month, month, False, ahead())
        kind = "as_of" if g["mpart"] in ("底", "末") else "during"
        return _month(year, month), kind, tag
    if g["same"]:  # 去年同期 / 比同期: a year before the period in force; 2019年同期: in 2019
        stated = g.get("y") or g.get("ycn")
        return (str(year) if stated else ""), None, "same"
    if year is None and not same_year:
        return None
    return str(year or today.year), "during", tag


def _read_present(m: re.Match, ctx: _Context) -> Reading:
    return _month(ctx.today.year, ctx.today.month), "as_of", ""


def _read_running(m: re.Match, ctx: _Context) -> Reading:
    return _month(ctx.today.year, ctx.today.month), "as_of", "running"


def _read_within(m: re.Match, ctx: _Context) -> Reading:
    return str(ctx.today.year), "during", ""


def _read_month_rel(m: re.Match, ctx: _Context) -> Reading:
    today = ctx.today
    if m.group("last"):
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return _month(year, month), "during", ""
    return _month(today.year, today.month), "during", ""


_READERS: dict[str, Callable[[re.Match, _Context], Reading | None]] = {
    "cutoff": _read_cutoff,
    "days": _read_days,
    "years": _read_years,
    "target": _read_target,
    "since": _read_since,
    "plan": _read_plan,
    "n_years": _read_n_years,
    "part": _read_part,
    "present": _read_present,
    "running": _read_running,
    "within": _read_within,
    "month_rel": _read_month_rel,
}


@dataclass
class _Found:
    start: int
    end: int
    period: str
    kind: str | None
    tag: str


def period_phrases(
    text: str, article_date: date, bounds: Sequence[int] | None = None
) -> list[PeriodPhrase]:
    """Every period phrase in the text, in order, resolved (see the module docstring).

    ``bounds`` are the offsets where sentences end (``sentences.sentence_bounds`` by default):
    累计 is read with the phrase before it in its sentence."""
    view = view_of(text)
    ctx = _Context(view, article_date)
    taken = [False] * len(text)
    found: list[_Found] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(view):
            start, end = match.span()
            while start < end and view[start].isspace():
                start += 1
            while end > start and view[end - 1].isspace():
                end -= 1
            if start >= end or any(taken[start:end]):
                continue
            if name == "skip":
                reading: Reading | None = ("", None, "skip")
            else:
                reading = _READERS[name](match, ctx)
            if reading is None:
                continue
            for i in range(start, end):
                taken[i] = True
            found.append(_Found(start, end, *reading))
    found = sorted((f for f in found if f.tag != "skip"), key=lambda f: f.start)
    if bounds is None:
        bounds = sentence_bounds(text, set())
    _in_context(found, view, article_date, list(bounds))
    return [
        PeriodPhrase(f.start, f.end, text[f.start : f.end], f.period, f.kind)
        for f in found
        if _valid(f.period) and not _in_a_name(view, f.end)
    ]


#: An event's name and the verb that says it took place, after a period phrase in one clause
#: (2025年济南市“春风行动”大型招聘会在…举行, 一季度重大项目集中开工活动在济南举行): the phrase
#: is part of the name, not the period of the clause's figures.
_NAMED_EVENT = re.compile(
    r"[^，,。；;：:！？]{0,40}?(?:会|活动|节|展|论坛|峰会|仪式|大赛|赛事)"
    r"[^，,。；;：:！？]{0,20}?(?:举行|举办|开幕|召开|启动|开展|拉开帷幕|闭幕)"
)


def _in_a_name(view: str, end: int) -> bool:
    return bool(_NAMED_EVENT.match(view, end))  # match() anchors at ``end``


def _valid(period: str) -> bool:
    """A period the schema accepts: real dates in its years (今后五十年 from 2090 is not)."""
    first, _, last = period.partition("/")
    try:
        date_span(first)
        if last:
            check_order(first, last, "end", "start")
    except ValueError:
        return False
    return True


def _is_base(found: _Found, view: str) -> bool:
    """比去年, 较2020年, 与2019年相比, 是2020年的2.4倍: a comparison base."""
    before = re.sub(r"\s+", "", view[max(0, found.start - 6) : found.start])
    after = re.sub(r"\s+", "", view[found.end : found.end + 8])
    if found.tag == "same" or before.endswith(tuple(BASE_LEADS)):
        return True
    return after.startswith(BASE_TAILS) or bool(
        re.match(r"的[\d.]+倍|的[一两二三四五六七八九十]+倍", after)
    )


def _in_context(found: list[_Found], view: str, today: date, bounds: list[int]) -> None:
    """What a phrase means by what was said before it: comparison bases, 全年, 同年, 去年同期
    and 累计 (in place, in text order, in one pass)."""
    ruling: _Found | None = None  # the last phrase that governs figures (not a base, not 累计)
    whole: int | None = None  # the year of the last phrase of a year's figures (2024年, 上半年)
    for item in found:
        if _is_base(item, view):
            item.kind = None
        if item.tag == "same":  # 去年同期: the period in force, a year earlier
            if item.period:  # 2019年同期: that year
                years = int(item.period) - (_last_year(ruling.period) if ruling else today.year)
            else:
                years = -1
            base = ruling.period if ruling else _month(today.year, today.month)
            item.period = _shifted(base, years)
        elif item.tag == "full":
            if whole is None:
                early = today.month <= 2 and not _looks_ahead(view, item)
                item.period = str(today.year - 1 if early else today.year)
            else:
                item.period = str(whole)
        elif item.tag == "same_year":
            item.period = _with_year(
                item.period, _last_year(ruling.period) if ruling else today.year
            )
        elif item.tag == "running" and ruling is not None:
            sentence = bisect.bisect_right(bounds, item.start)
            if bisect.bisect_right(bounds, ruling.start) == sentence:
                if _FIGURE.search(view[ruling.end : item.start]):
                    item.period, item.kind = _end_of(ruling.period), "as_of"
                else:
                    item.period, item.kind = ruling.period, ruling.kind
        if item.kind is not None and item.tag != "running":
            ruling = item
            if _whole(item):
                whole = _last_year(item.period)


def _looks_ahead(view: str, item: _Found) -> bool:
    end = _CLAUSE_MARK.search(view, item.end)
    return bool(_FUTURE.search(view[item.start : end.start() if end else len(view)])) or bool(
        _FUTURE.search(view[max(0, item.start - 10) : item.start])
    )


def _whole(found: _Found) -> bool:
    """A phrase that names figures of one year (2024年, 今年以来, 上半年, 去年底), not a month
    (an event's date) nor a span of years."""
    first, _, last = found.period.partition("/")
    if found.kind == "as_of":
        return found.period.endswith("-12") and len(found.period) == 7
    return len(found.period) == 4 or (bool(last) and first[:4] == last[:4])


def _last_year(period: str) -> int:
    return int(period.rpartition("/")[2][:4])


def _end_of(period: str) -> str:
    """The last month of a period (2024 -> 2024-12, 2024-01/2024-07 -> 2024-07); a day stays."""
    last = period.rpartition("/")[2]
    return f"{last}-12" if len(last) == 4 else last


def _shifted(period: str, years: int) -> str:
    return "/".join(f"{int(p[:4]) + years:04d}{p[4:]}" for p in period.split("/"))


def _with_year(period: str, year: int) -> str:
    return _shifted(period, year - int(period[:4]))


# --- which phrase governs a figure -------------------------------------------------------------

_CONTINUES = re.compile(CONTINUATION_OPENERS)
_PRESENT = re.compile("(?:" + "|".join(PRESENT_MARKS) + ")(?![量率])")  # not 拥有量
_STOCK = re.compile("|".join(STOCK_WORDS))
_POLICY = re.compile("|".join(POLICY_WORDS))
_PRESENT_WORD = re.compile("|".join(PRESENT_WORDS))
_PARAGRAPH = re.compile(r"\n[ \t\u3000]*\n|(?<=[。！？!?”」])[ \t\u3000]*\n|\n(?=[ \t\u3000]{2})")
_FROM = re.compile(r"(?:由|从)[^，,。；;]{0,12}$")
_TO = re.compile(
    r"^(?:增加|增长|提高|提升|上升|扩大|跃升|攀升|降低|下降|减少|缩短|压缩|缩减|降|增|升|跃)?"
    r"了?(?:到|至)了?[^，,。；;\d]{0,10}$"
)
#: Kinds of facts that a period phrase may hold (the 4个月 of 前4个月, the 1—10月 date range).
_PERIOD_KINDS = ("duration", "date", "date_range")


def is_period_phrase(fact: Fact, phrases: Sequence[PeriodPhrase]) -> bool:
    """A fact that is (part of) a period phrase (前4个月 read as a duration of 4 个月, 1—10月 as
    a date range): never a metric."""
    for phrase in phrases:
        if fact.start < phrase.end and phrase.start < fact.end:
            inside = phrase.start <= fact.start and fact.end <= phrase.end
            if inside or fact.kind in _PERIOD_KINDS:
                return True
    return False


@dataclass(frozen=True)
class _Text:
    """Where sentences and paragraphs of the text are, for the assignment."""

    text: str
    bounds: list[int]
    paragraphs: list[int]

    def sentence(self, offset: int) -> int:
        return bisect.bisect_right(self.bounds, offset)

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraphs, offset)

    def sentence_span(self, index: int) -> tuple[int, int]:
        """The sentence's span, without the blank lines and spaces before it (a sentence that
        opens a paragraph starts after the paragraph break)."""
        start = self.bounds[index - 1] if index else 0
        end = self.bounds[index] if index < len(self.bounds) else len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        return start, end

    def words(self, index: int) -> str:
        start, end = self.sentence_span(index)
        return re.sub(r"\s+", "", self.text[start:end]).lstrip('“”"「」 ')


def _event_day(
    facts: Sequence[Fact], sentence: Sequence[int], n: int, article_date: date
) -> PeriodPhrase | None:
    """A figure in a sentence that names a day before it (3月28日，全省集中开工项目1068个) and no
    period: the figures of that day's event, in its month."""
    for m in sentence:
        day = facts[m]
        if m >= n or day.kind != "date" or not isinstance(day.value, str):
            continue
        found = re.fullmatch(r"(\d{4}|-)-(\d{2})-(\d{2})", day.value)
        if not found:
            continue
        month = int(found.group(2))
        year = int(found.group(1)) if found.group(1) != "-" else article_date.year
        if found.group(1) == "-" and month > article_date.month:
            year -= 1  # a bare 11月5日 in a January article is last year's
        return PeriodPhrase(day.start, day.end, day.text, f"{year}-{month:02d}", "during")
    return None


def _aside(phrase: PeriodPhrase) -> bool:
    """A month named as an aside within a longer period's statistics (6月当月, 单月)."""
    return "当月" in phrase.text or "单月" in phrase.text


def _year_to_date(before: Sequence[PeriodPhrase]) -> PeriodPhrase:
    """The phrase that governs a figure: the last before it, except that a year (今年) after a
    cut-off of that year in the same sentence (截至6月10日，今年…已累计开行206列) is the year
    so far: January to the cut-off's month, as of then."""
    last = before[-1]
    if re.fullmatch(r"\d{4}", last.period) and any("今年" in p.text for p in before):
        cut = next(
            (
                p
                for p in reversed(before[:-1])
                if p.kind == "as_of" and p.period[:4] == last.period and len(p.period) >= 7
            ),
            None,
        )
        if cut is not None and not cut.period.endswith("-12"):  # 截至6月10日，今年…已累计
            return replace(last, period=f"{last.period}-01/{cut.period[:7]}", kind="as_of")
    return last


def periods_of(facts: Sequence[Fact], text: str, article_date: date) -> list[tuple[str, str]]:
    """(period, period_kind) for every fact, in order: the period the figure is about (see the
    module docstring for the rules)."""
    if not facts:
        return []
    # the facts' own sentences (read with the layout's breaks: a header block, a byline) win
    # over bounds found without them, which may cut a lead sentence where a header ran into it
    spans = sorted({(f.sentence_start, f.sentence_end) for f in facts if f.sentence_end})
    bounds = {
        b
        for b in sentence_bounds(text, {f.end for f in facts})
        if not any(start < b < end for start, end in spans)
    }
    for fact in facts:
        bounds |= {fact.sentence_start, fact.sentence_end}
    where = _Text(
        text,
        sorted(b for b in bounds if 0 < b < len(text)),
        [m.end() for m in _PARAGRAPH.finditer(text)],
    )
    phrases = period_phrases(text, article_date, where.bounds)
    ruling = [p for p in phrases if p.kind is not None]
    by_sentence: dict[int, list[PeriodPhrase]] = {}
    for phrase in ruling:
        by_sentence.setdefault(where.sentence(phrase.start), []).append(phrase)
    lead, headline = _lead(facts, phrases, ruling, where, article_date)
    today = _month(article_date.year, article_date.month)

    in_phrase = period_phrase_facts(facts, phrases)
    facts_in: dict[int, list[int]] = {}  # sentence -> its facts
    for n, fact in enumerate(facts):
        facts_in.setdefault(where.sentence(fact.start), []).append(n)
    governing: list[PeriodPhrase | None] = [None] * len(facts)
    carry: tuple[PeriodPhrase, int] | None = None  # the phrase in force, and its paragraph
    for index in sorted(set(facts_in) | set(by_sentence)):
        own = by_sentence.get(index, [])
        start, _ = where.sentence_span(index)
        if index in facts_in:
            taken = _taken(
                where.words(index),
                carry,
                lead,
                where.paragraph(start),
                lead_before=lead is not None
                and (lead.start < start or where.paragraph(start) == headline),
            )
            for n in facts_in[index]:
                fact = facts[n]
                before = [p for p in own if p.start < fact.end and p.start <= fact.start]
                governing[n] = (
                    _year_to_date(before)
                    if before
                    else _event_day(facts, facts_in[index], n, article_date) or taken
                )
        figures = [n for n in facts_in.get(index, []) if n not in in_phrase]
        if figures:  # the phrase of its last figure (累计 is read in its sentence only)
            ruled = [governing[n] for n in figures]
            last = next((p for p in reversed(ruled) if p is None or not _running(p)), ruled[-1])
            carry = None if last is None else (last, where.paragraph(start))
        elif own:
            carry = (own[-1], where.paragraph(own[-1].start))
        if carry is not None and _aside(carry[0]):
            # 6月当月 is an aside: the sentences after it go on with the lead's period
            carry = (lead, carry[1]) if lead is not None else None

    out: list[tuple[str, str]] = []
    for n, fact in enumerate(facts):
        index = where.sentence(fact.start)
        phrase = governing[n]
        sentence_start = where.sentence_span(index)[0]
        if phrase is None:
            said = text[sentence_start : fact.start]
            stock = _PRESENT.search(said) or _stock(said) or "截至" in said
            out.append((today, "as_of" if stock else "during"))
            continue
        period, kind = phrase.period, phrase.kind or "during"
        from_ = phrase.end if where.sentence(phrase.start) == index else sentence_start
        if kind == "during" and _stock(text[from_ : fact.start]):
            period, kind = min(_end_of(period), today), "as_of"  # never after the article
        out.append((period, kind))
    return _pairs(facts, text, out, phrases, article_date)


def period_phrase_facts(facts: Sequence[Fact], phrases: Sequence[PeriodPhrase]) -> frozenset[int]:
    """The positions of the facts that are period phrases (``phrases`` in text order, as
    ``period_phrases`` gives them): what ``frames.frames`` must skip."""
    starts = [p.start for p in phrases]
    out = set()
    for n, fact in enumerate(facts):
        i = bisect.bisect_left(starts, fact.end)  # the phrases that start before the fact ends
        near = phrases[max(0, i - 2) : i]
        if is_period_phrase(fact, near):
            out.add(n)
    return frozenset(out)


def _running(phrase: PeriodPhrase) -> bool:
    return phrase.text.endswith("累计")


def _stock(words: str) -> bool:
    """Do the words before a figure say it is a stock (余额, 总量, 累计)? Not in a share's
    whole: 占新增总量的36.5% is a part of a flow."""
    words = re.sub(r"占[^，,。；;]*$", "", re.sub(r"\s+", "", words))
    return bool(_STOCK.search(words))


def _taken(
    words: str,
    carry: tuple[PeriodPhrase, int] | None,
    lead: PeriodPhrase | None,
    paragraph: int,
    lead_before: bool,
) -> PeriodPhrase | None:
    """The phrase a sentence without one of its own takes from before it: the one in force in
    its paragraph (or across a break when it goes on with those statistics), else the lead's,
    unless it turns to something else, speaks of the present or of a policy, or looks ahead."""
    if words.startswith(SHIFT_OPENERS) or _PRESENT.search(words):
        return None
    if carry is not None and (carry[1] == paragraph or _CONTINUES.match(words)):
        return carry[0]
    if lead_before and lead is not None and not (_FUTURE.search(words) or _POLICY.search(words)):
        return lead
    return None


def _is_prose(where: _Text, paragraph: int) -> bool:
    """True when the paragraph is running text (it ends a sentence), not a headline line."""
    start = where.paragraphs[paragraph - 1] if paragraph else 0
    end = where.paragraphs[paragraph] if paragraph < len(where.paragraphs) else len(where.text)
    return bool(re.search(r"[。！？]", where.text[start:end]))


def _lead(
    facts: Sequence[Fact],
    phrases: Sequence[PeriodPhrase],
    ruling: Sequence[PeriodPhrase],
    where: _Text,
    article_date: date,
) -> tuple[PeriodPhrase | None, int | None]:
    """The period the headline or the lead states, if it is recent: the first phrase in a
    sentence with a figure, in the first two paragraphs that have figures; and the headline's
    paragraph when the lead states it below the headline (青岛高新技术企业突破8000家 above
    2024年全市高新技术企业数量达到8126家: the headline's figures are of the lead's period)."""
    in_phrase = period_phrase_facts(facts, phrases)
    figures = [f for n, f in enumerate(facts) if n not in in_phrase]
    paragraphs = sorted({where.paragraph(f.start) for f in figures})[:2]
    if paragraphs and _is_prose(where, paragraphs[0]):
        # the first paragraph with figures is the lead, not a headline: a period stated only
        # further down (今年以来 in the third paragraph) is no lead period
        paragraphs = paragraphs[:1]
    with_figures = {where.sentence(f.start) for f in figures}
    months = article_date.year * 12 + article_date.month
    for phrase in ruling:
        if where.paragraph(phrase.start) not in paragraphs:
            continue
        if _running(phrase) or _PRESENT_WORD.fullmatch(phrase.text):
            continue
        if where.sentence(phrase.start) not in with_figures:
            continue
        first, _, last = phrase.period.partition("/")
        if last and first[:4] != last[:4]:
            return None, None  # 近三年, 过去的三年: a review, not the statistics of one period
        last = _end_of(last or first)
        begins = int(first[:4]) * 12 + (int(first[5:7]) if len(first) > 4 else 1)
        ends = int(last[:4]) * 12 + int(last[5:7])
        if begins <= months and ends >= months - 12:
            below = where.paragraph(phrase.start) != paragraphs[0]
            return phrase, paragraphs[0] if below else None
        return None, None
    return None, None


def _pairs(
    facts: Sequence[Fact],
    text: str,
    out: list[tuple[str, str]],
    phrases: Sequence[PeriodPhrase],
    article_date: date,
) -> list[tuple[str, str]]:
    """由A到B: the start level takes the start of a range that governs both, the end level its
    end; 由2021年的A增加到B gives B the end of the period before 由, or the article's year."""
    result = list(out)
    for n in range(len(facts) - 1):
        first, second = facts[n], facts[n + 1]
        if first.sentence_start != second.sentence_start or first.unit != second.unit:
            continue
        before = re.sub(r"\s+", "", text[first.sentence_start : first.start])
        between = re.sub(r"\s+", "", text[first.end : second.start])
        if not (_FROM.search(before) and _TO.match(between)):
            continue
        frm = first.sentence_start + text[first.sentence_start : first.start].rfind(
            "由" if "由" in text[first.sentence_start : first.start] else "从"
        )
        start_year = [p for p in phrases if frm <= p.start and p.end <= first.start]
        end_year = [p for p in phrases if first.end <= p.start and p.end <= second.start]
        if start_year and start_year[-1].kind is None and not end_year:
            # 由去年同期的30.6%提高到34.9%: the start is of the base period, the end the sentence's
            result[n] = (start_year[-1].period, out[n][1])
            continue
        if start_year and not end_year:  # 由2021年的A增加到B
            earlier = [
                p
                for p in phrases
                if p.kind is not None and first.sentence_start <= p.start and p.end <= frm
            ]
            if earlier:
                last = earlier[-1].period.rpartition("/")[2]
                result[n + 1] = (last, earlier[-1].kind or "during")
            else:
                result[n + 1] = (str(article_date.year), out[n + 1][1])
            continue
        if start_year or end_year:
            continue  # each level names its own year
        period, kind = out[n]
        if out[n + 1] == out[n] and "/" in period:
            begin, _, end = period.partition("/")
            result[n], result[n + 1] = (begin, kind), (end, kind)
    return result
