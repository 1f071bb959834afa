"""Chinese: the hedge words articles use, and the fixed strings of Chinese outputs."""

from __future__ import annotations

from typing import Literal

from reportgen.locale import PlanTexts, Qualifier

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

#: The name of each data topic, as a chart title says it.
TOPIC_NAMES = {
    "general": "数据",
    "trade": "贸易",
    "platform": "平台",
    "industry": "产业",
    "finance": "金融",
    "reform": "改革",
    "talent": "人才",
    "logistics": "物流",
    "events": "活动",
    "promotion": "推介",
    "ranking": "排名",
}


def with_unit(title: str, unit: str) -> str:
    """A chart title with the unit of its figures: 人才（岁）; the title alone without one."""
    return f"{title}（{unit}）" if unit else title


#: The fixed texts of a template `reportgen plan` writes.
PLAN_TEXTS = PlanTexts(
    subtitle="简报 · {{ subject }}",
    source_note="本页数字均来自{{ source }}，每个数字的原文句子见下方来源。",
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


def plan_point(label: str, value: str) -> str:
    """A planned chart slide's point: a figure's label and its value."""
    return f"{label}：{value}"


def plan_lead(figures: list[tuple[str, str]]) -> str:
    """A planned summary's lead: the source, then its first figures (label, value)."""
    return "据{{ source }}报道：" + "；".join(label + value for label, value in figures) + "。"
