"""Chinese: the hedge words articles use, how numbers, units, ranks and dates are written
(360亿元, 4700余家, 近3000列, 160小时以上, 第4名, 2023年5月10日), and the fixed strings of
Chinese outputs."""

from __future__ import annotations

import re
from typing import Literal

from reportgen.locale import Moved, PageTexts, PlanTexts, Qualifier, StoryTexts
from reportgen.locale.numbers import (
    MEASURE_DECIMALS,
    FormatError,
    decimal_value,
    largest_exact_scale,
    plain_number,
)
from reportgen.locale.reading import Reading, alternatives
from reportgen.text.normalize import CJK, drop_spaces_by_cjk

#: The language tag written into decks and PDFs.
TAG = "zh-CN"

#: Where a hedge word stands: before the number (近3000列), between the number and its measure
#: word (4700余家), or after both (160小时以上).
Position = Literal["before", "inside", "after"]

#: Every word Chinese articles hedge numbers with: what it means and where it stands. The
#: extractor finds hedges with it, the validator checks a metric's hedge against it, the
#: formatter places the word with it, and the checker reads it back with it.
HEDGE_WORDS: dict[str, tuple[Qualifier, Position]] = {
    "近": ("approx", "before"),
    "约": ("approx", "before"),
    "接近": ("approx", "before"),
    "将近": ("approx", "before"),
    "大约": ("approx", "before"),
    "超过": ("over", "before"),
    "逾": ("over", "before"),
    "超": ("over", "before"),
    "突破": ("over", "before"),
    "不到": ("under", "before"),
    "不足": ("under", "before"),
    "未满": ("under", "before"),
    "至少": ("at_least", "before"),
    "不少于": ("at_least", "before"),
    "最多": ("at_most", "before"),
    "最高": ("at_most", "before"),
    "不超过": ("at_most", "before"),
    "最低": ("at_least", "before"),
    "余": ("over", "inside"),
    "多": ("over", "inside"),
    "以上": ("at_least", "after"),
    "及以上": ("at_least", "after"),
    "以下": ("at_most", "after"),
    "及以下": ("at_most", "after"),
    "以内": ("at_most", "after"),
    "左右": ("approx", "after"),
}

#: Hedge word -> qualifier.
HEDGES: dict[str, Qualifier] = {word: meaning for word, (meaning, _) in HEDGE_WORDS.items()}


def hedges_at(position: Position) -> dict[str, Qualifier]:
    """The hedge words that stand at one position, with their meaning."""
    return {word: meaning for word, (meaning, where) in HEDGE_WORDS.items() if where == position}


#: The word written for a qualifier when the data gives no hedge word (a derived value).
DEFAULT_HEDGE: dict[Qualifier, str] = {
    "approx": "约",
    "over": "超过",
    "at_least": "至少",
    "under": "不到",
    "at_most": "最多",
}

#: A one-character hedge is no hedge after these characters: it ends a word (签约, 最近, 赶超).
HEDGE_WORD_TAILS = {"约": "签合条履特预节制邀公缔违践", "近": "最附临就靠亲贴", "超": "赶"}

#: Words that may stand between a hedge and its number: 最高可达400万元, 约占六成, 约为35%.
HEDGE_LINKS = (
    "可达",
    "达到",
    "可获得",
    "可获",
    "可享受",
    "补贴",
    "奖励",
    "资助",
    "给予",
    "占",
    "为",
    "达",
)

#: Hedges that may follow the measure word: 160小时以上, and 多 after a time unit (1年多).
TRAILING_HEDGES: frozenset[str] = frozenset(hedges_at("after")) | {"多"}
_INSIDE_HEDGES = hedges_at("inside")
#: Time units 多 follows rather than precedes (1年多, not 1多年).
_DUO_AFTER_UNIT = {"年", "天", "小时", "岁", "周"}

#: Each currency's ISO code (`numbers.CURRENCIES`) and the word Chinese prints after 万/亿
#: (2.3亿美元).
CURRENCY_WORDS: dict[str, str] = {
    "CNY": "元",
    "USD": "美元",
    "EUR": "欧元",
    "HKD": "港元",
    "JPY": "日元",
    "GBP": "英镑",
    "RUB": "卢布",
    "KRW": "韩元",
}

#: Scale words and their factors, largest first: money and large counts are written with them.
SCALES: dict[str, int] = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
_SCALE_WORDS = {factor: word for word, factor in SCALES.items()} | {1: ""}
#: Scales a count may take (5.2万家, 3.6亿人); 万亿 is money only.
COUNT_SCALES = ("亿", "万")

#: Units printed in other words than the data writes them (the extractor reads them back).
UNIT_TEXT = {"km2": "平方公里", "m2": "平方米", "月": "个月", "℃": "℃"}


def money_scale(values: list[float]) -> tuple[int, str]:
    """The largest 万亿/亿/万 scale that shows the largest value as at least 1 and every value
    without rounding, with its yuan word: 30156亿元, not 3.0156万亿元."""
    found = largest_exact_scale(values, ((f, w + "元") for w, f in SCALES.items()), 2)
    return found or (1, "元")


def money_axis_label(values: list[float]) -> tuple[int, str]:
    """Scale factor and axis unit for a chart of money values: (10**8, "亿元")."""
    return money_scale(values)


def _count(value: float) -> str:
    """5.2万 and 3.6亿 as Chinese prints large counts, where that loses no digit; else whole."""
    if abs(value) >= 10**4:
        for word in COUNT_SCALES:
            factor = SCALES[word]
            if abs(value) >= factor:
                try:
                    return plain_number(value / factor) + word
                except FormatError:
                    continue
    return plain_number(value, max_decimals=MEASURE_DECIMALS)


def _number_and_unit(value: float, unit: str, money_factor: int | None) -> tuple[str, str]:
    if unit in CURRENCY_WORDS:  # 360亿元, 2.3亿美元: the yuan scale, the currency's word
        if money_factor:
            factor, scale = money_factor, _SCALE_WORDS[money_factor]
        else:
            factor, word = money_scale([value])
            scale = word[:-1]
        return plain_number(value / factor), scale + CURRENCY_WORDS[unit]
    if unit == "%":
        return plain_number(value, max_decimals=MEASURE_DECIMALS), "%"
    if unit == "版":
        return f"{value:.1f}", "版"
    if unit == "名":
        return f"第{plain_number(value)}", "名"
    return _count(value), UNIT_TEXT.get(unit, unit)


def format_value(
    value: float,
    unit: str,
    qualifier: Qualifier,
    hedge: str | None,
    *,
    money_factor: int | None = None,
) -> str:
    """The value with its unit and its hedge where Chinese puts it: 近3000列, 4700余家,
    160小时以上, 1年多, 2个多月."""
    number, unit_text = _number_and_unit(value, unit, money_factor)
    word = hedge if hedge else (DEFAULT_HEDGE.get(qualifier, "") if qualifier != "exact" else "")
    if word == "多" and unit in _DUO_AFTER_UNIT:
        return f"{number}{unit_text}多"  # 一年多, 十天多: 多 follows a time unit
    if word == "多" and unit == "月":
        return f"{number}个多月"
    if word in _INSIDE_HEDGES:
        return f"{number}{word}{unit_text}"
    if word in TRAILING_HEDGES:
        return f"{number}{unit_text}{word}"
    return f"{word}{number}{unit_text}"


def unit_label(unit: str) -> str:
    """The unit of a value axis: 个, 天, 元, 平方公里."""
    return {"CNY": "元", "%": "%"}.get(unit, UNIT_TEXT.get(unit, unit))


def rank_text(rank: int) -> str:
    """第4名."""
    return f"第{rank}名"


def format_date(iso: str) -> str:
    """2023-05-10 -> 2023年5月10日; 2023-05 -> 2023年5月; 2023 -> 2023年."""
    parts = [int(p) for p in iso.split("-")]
    return "".join(f"{n}{unit}" for n, unit in zip(parts, ("年", "月", "日"), strict=False))


def format_date_range(start: str, end: str | None, *, with_year: bool = True) -> str:
    """2023年5月15日至19日; the shared year and month are written once."""

    def short(iso: str) -> str:
        text = format_date(iso)
        return text if with_year else text.split("年", 1)[1]

    if not end or end == start:
        return short(start)
    s, e = start.split("-"), end.split("-")
    if len(s) == len(e) == 3 and s[:2] == e[:2]:
        return f"{short(start)}至{int(e[2])}日"
    return f"{short(start)}至{short(end)}"


def derivation_text(label: str, formula: str) -> str:
    """How a derived value was computed, for a footnote or a speaker note."""
    return f"{label}：按“{formula}”推算，原文未直接报道。"


_PARSE = re.compile(
    rf"^(?:第)?({alternatives(hedges_at('before'))})?(-?\d[\d,]*(?:\.\d+)?)(余|多)?"
    rf"({'|'.join(SCALES)})?(余|多)?"
    rf"(?:元|个多月|个月|平方公里|平方米|%|‰|℃|[\u4e00-\u9fff]{{0,4}}?)?"
    rf"({alternatives(TRAILING_HEDGES)})?$"
)


def parse_value(text: str) -> tuple[float, Qualifier]:
    """The value and qualifier a text written by `format_value` states.

    >>> parse_value("4700余家"), parse_value("2.3亿美元")
    ((4700.0, 'over'), (230000000.0, 'exact'))
    """
    match = _PARSE.match(text)
    if not match:
        raise ValueError(f"not a formatted value: {text!r}")
    prefix, digits, infix, scale, after_scale, suffix = match.groups()
    hedge = prefix or infix or after_scale or suffix or ("多" if "个多月" in text else None)
    qualifier = HEDGES.get(hedge, "exact") if hedge else "exact"
    return decimal_value(digits, SCALES.get(scale or "", 1)), qualifier


# --- reading a page back (the checker) ---------------------------------------------------------

# hedges that follow the number or its measure word (a unit as the schema allows it)
_AFTER_RE = re.compile(
    rf"(?:[%‰]|[\u4e00-\u9fff]{{1,4}}?(?:/[\u4e00-\u9fff]{{1,3}})?)?"
    rf"({alternatives(TRAILING_HEDGES)})"
)
# A hedge word counts only where it is a hedge: 约 in 签约/条约 or 近 in 最近/附近 is not (and
# 近 in 将近 is read as 将近).
_NOT_AFTER = "".join(sorted(set("".join(HEDGE_WORD_TAILS.values())) | {"将"}))
_NUMBER = re.compile(
    rf"(?<![{_NOT_AFTER}])(?:(?P<before>{alternatives(hedges_at('before'))})"
    rf"(?:{'|'.join(HEDGE_LINKS)})?)?"
    rf"(?P<digits>\d[\d,]*(?:\.\d+)?)(?:[ \t]*(?P<scale>{'|'.join(SCALES)}))?"
    rf"(?:[ \t]*(?P<inside>{'|'.join(_INSIDE_HEDGES)}))?"
)


def _qualifier(match: re.Match, text: str) -> Qualifier | None:
    """The hedge before the number, between it and its measure word, or after both
    (160小时以上, 一年多)."""
    after = _AFTER_RE.match(text[match.end() :])
    hedge = match.group("before") or match.group("inside") or (after.group(1) if after else None)
    return HEDGES.get(hedge) if hedge else None


def _is_quantity(text: str, end: int) -> bool:
    """Whether a number is followed by a measure word (4700家), as opposed to a bare operand
    such as the 100 in ``÷ 100``."""
    if re.match(r"\s*[年月日号时]", text[end : end + 2]):
        return False  # 2025年6月30日: a date, not a quantity
    # a line break ends the number: a table's note "1" above the label 给予 is no 1给予
    return bool(re.match(r"[ \t]?[\u4e00-\u9fff%]", text[end : end + 3]))


#: Chinese text on another language's page (a quoted source sentence, an untranslated draft
#: title): from a Chinese character to the last Chinese character or % before Latin text, so
#: the figures inside it are read the Chinese way (提升约20% keeps its hedge 约).
RUN = re.compile(rf"“?[\u4e00-\u9fff](?:[{CJK}\d.,%\s“”‘’]*[{CJK}%”])?")

#: How the checker reads a Chinese page: Arabic numbers with their hedges, and figures
#: written in Chinese numerals.
READING = Reading(_NUMBER, _qualifier, _is_quantity, numerals=True, run=RUN)


#: After a value computed from reported ones, wherever it is shown.
DERIVED_MARK = "（推算）"
#: The word of the derived mark, as the checker looks for it after a value.
DERIVED_WORD = "推算"

#: The heading of the sources in a slide's speaker notes.
SOURCES_HEADING = "数据来源："


def page_label(page: int, total: int) -> str:
    """The footer of a PDF page."""
    return f"第 {page} 页 / 共 {total} 页"


def quoted_title(title: str) -> str:
    """An article's title where a source note names it."""
    return f"《{title}》"


#: The summary's section headings: key figures, charts, events, key points, sources and notes.
SUMMARY_HEADINGS = ("关键数据", "图表", "大事记", "要点", "资料来源与注释")
#: The columns of the summary's key-figure table.
FIGURE_COLUMNS = ("指标", "数值", "变化", "时期", "注")
#: Under a chart with derived values: what the hatching means.
HATCH_NOTE = "图中斜线填充为推算值。"
#: The legend entry of derived values in a drawn chart.
DERIVED_LEGEND = "推算值"
#: At the end of a summary that shows derived values.
DERIVED_NOTE = "标注“推算”的数值由报道中的数据计算得出，原文未直接报道；计算方法见对应注释。"

#: Between the items of a list in running text (parties to an agreement).
LIST_SEPARATOR = "、"


#: The fixed texts of a template `reportgen plan` writes.
PLAN_TEXTS = PlanTexts(
    subtitle="简报 · {{ subject }}",
    source_note="本页数字均来自{{ outlet }}，每个数字的原文句子见下方来源。",
    key_figures="关键数据一览",
    ranking="排名",
    events="大事记",
    all_figures="全部数据",
    sources="资料来源",
    article_columns=("标题", "媒体", "日期"),
    talking_points="请在此写下讲解要点。",
    figures_prompt="草稿：请删去不需要展示的数据。",
    sources_prompt="本简报所依据的报道。",
    no_points="（请补充要点）",
    label_limit=24,
)


#: The words a planned storyline is composed with.
PAGE_TEXTS = PageTexts(
    heading="数据来源",
    intro="幻灯片上的每个数字都链接到它的数据条目，以及它在文章中的原句（高亮）。",
    slides="幻灯片",
    figures="数据",
    articles="文章",
    slide="第{n}页",
    no_numbers="（本页无数字）",
    value="数值",
    unit="单位",
    period="时期",
    topic="主题",
    role="类型",
    quote="原文",
    derived="推算方法",
    inputs="所用数据",
    source="出处",
    reviewed="已审核",
    unreviewed="未审核",
    unreviewed_warning="部分数据由文章自动提取，尚未经人工审核。",
    quote_elsewhere="原句在文中因换行或连字符而写法不同，未能标出。",
    shown_on="见于",
)

STORY_TEXTS = StoryTexts(
    subtitle="{{ source }}",
    continued="（续）",
    outlook="展望",
    plans="发展方向",
    plans_note="以下是报道提到的下一步安排，均为原文表述。",
    rank_columns=("对象", "考评", "年度", "名次"),
    coming_up="即将到来",
    changes="增速",
    levels="规模",
    events="重点活动",
    unreviewed="本页数据由reportgen从报道中自动摘录，尚未经人工审核。",
    untranslated="",
)


def story_point(label: str, value: str, period: str, change: str | None) -> str:
    """A figure as a point where the article's own clause cannot be shown: 对外贸易额150亿元
    （2023年1—5月），增长21.5%."""
    said = f"{label}{value}"
    if period:
        said += f"（{period}）"
    return said + (f"，增长{change}" if change else "")


def largest(label: str, value: str, growth: bool) -> str:
    """A chart's note: which figure is largest (or grows fastest)."""
    return f"{'增速最快' if growth else '规模最大'}的是{label}（{value}）。"


def smallest(label: str, value: str, growth: bool) -> str:
    return f"{'增速最慢' if growth else '最小'}的是{label}（{value}）。"


def figures_shown(labels: list[str]) -> str:
    """A KPI slide's note: the figures it shows."""
    return "本页数据：" + "、".join(labels) + "。"


def plan_lead(points: list[str]) -> str:
    """A planned summary's lead: its first points, the articles' own clauses, as one sentence."""
    return "；".join(p.rstrip("。；") for p in points) + "。"


# -- running text: punctuation and the small phrases sentences are built from ------------------

#: Between a label and what it introduces: 来源：…
COLON = "："
#: Between the items of a sentence's list: 本科77人、硕士62人.
COMMA = "、"
#: Between the clauses of a sentence.
SEMICOLON = "；"
FULL_STOP = "。"
#: Between a label and its value, and after a full stop: Chinese puts no space there.
SPACE = ""
#: Before the parts of a total: 管委会工作人员144人，其中本科77人.
OF_WHICH = "，其中"


def aside(text: str) -> str:
    """A remark in brackets after what it qualifies: 对外贸易额（2022年）."""
    return f"（{text}）"


def numbered(title: str, n: int) -> str:
    """The n-th section of one title: 贸易（之二）. (Chinese titles are the subheads
    themselves; this is for a language whose readings of them all collide.)"""
    return f"{title}（之{'一二三四五六七八九十'[min(n, 10) - 1]}）"


def joined(names: list[str]) -> str:
    """Names as one title: 贸易与物流, 贸易、物流与投资."""
    if len(names) < 2:
        return "".join(names)
    return "、".join(names[:-1]) + "与" + names[-1]


def joined_lines(text: str) -> str:
    """A text whose lines folded YAML joined with spaces: Chinese puts none next to Chinese."""
    return drop_spaces_by_cjk(text)


def as_of(period: str) -> str:
    """The time of a stock: 截至2023年4月."""
    return f"截至{period}"


def ranked(rank: str, year: int) -> str:
    """A rank in a year's assessment, ``rank`` as `rank_text` writes it: 2022年度第1名."""
    return f"{year}年度{rank}"


def assessment_year(year: int) -> str:
    """A year of an assessment, as a rank chart's category: 2022年度."""
    return f"{year}年度"


#: The value axis of a rank chart.
RANK_AXIS = "名次"


def rank_moved(first: tuple[str, str], last: tuple[str, str], moved: Moved) -> str:
    """How a rank went from the first (year, rank) to the last: 排名由2020年度第4名升至…。"""
    verb = {"up": "升至", "down": "降至", "held": "保持"}[moved]
    return f"排名由{first[0]}{first[1]}{verb}{last[0]}{last[1]}。"


def source_line(outlet: str, date: str) -> str:
    """Where a chart's numbers come from: 来源：青岛日报，2023年5月18日."""
    return f"来源：{outlet}，{date}"


def slide_note(shown: str, quote: str, title: str) -> str:
    """A source note in a slide's speaker notes: the number, its sentence, its article."""
    return slide_derivation(shown, f"“{quote}” {quoted_title(title)}")


def slide_derivation(shown: str, derivation: str) -> str:
    """A derived number's note in a slide's speaker notes: the number, how it was computed."""
    return f"{shown} — {derivation}"


def page_note(shown: str, quote: str, title: str) -> str:
    """A numbered source note on a PDF page: the number, its sentence, its article."""
    return f"{shown}{COLON}“{quote}”{quoted_title(title)}"


#: The columns of a summary's events table.
EVENT_COLUMNS = ("日期", "活动", "地点")

#: What alt text calls a chart of each kind.
CHART_KIND_NAMES = {
    "bar": "条形图",
    "column": "柱状图",
    "comparison": "对比条形图",
    "composition": "环形图",
    "kpi": "关键数据",
    "rank": "排名折线图",
    "timeline": "时间线",
}

#: How reportlab breaks this language's lines in a PDF paragraph ("CJK": between any two
#: characters; None: at spaces).
PDF_WORD_WRAP: str | None = "CJK"

#: What a draft data folder writes where the article does not say (the outlet).
#: What a draft says of a field its article does not state (an outlet): a fact, not a prompt.
NOT_STATED = "未注明"
TO_BE_WRITTEN = "（待补充）"


def draft(text: str) -> str:
    """A drafted text still to be translated into this language."""
    return f"（草稿）{text}"
