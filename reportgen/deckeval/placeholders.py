"""Placeholder and generic texts a presenter should never see, in either language.

This list is kept here on purpose, apart from the product's own check (``reportgen.check``):
an evaluation that read the product's list could only ever agree with it. Add a form here
when a deck shows a new one; never import it into the product.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Texts that mark a draft or a prompt to the user, found anywhere in a text.
MARKERS: tuple[str, ...] = (
    "(draft)",
    "（draft）",
    "（待补充）",
    "(待补充)",
    "(to be written)",
    "请在此",
    "Write the talking points",
    "草稿",
    "Draft:",
    "全部数据",
    "All figures",
)

#: Units a generic title may end with in brackets (``贸易（%）``, ``Logistics (个)``), beside
#: the units of the data folder being evaluated.
UNIT_WORDS: tuple[str, ...] = (
    "%",
    "个",
    "家",
    "元",
    "万元",
    "亿元",
    "万亿元",
    "美元",
    "亿美元",
    "列",
    "项",
    "人",
    "人次",
    "万人次",
    "次",
    "吨",
    "万吨",
    "标箱",
    "万标箱",
    "架",
    "条",
    "座",
    "平方米",
    "亩",
    "公里",
    "千米",
    "天",
    "年",
    "倍",
    "个百分点",
    "位",
    "名",
    "CNY",
    "CNY bn",
    "CNY m",
    "CNY 100m",
    "USD",
    "USD bn",
    "yuan",
    "TEU",
    "pp",
    "percent",
    "percentage points",
    "count",
    "rank",
)

#: Generic forms by name, found anywhere in a text.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("数据（…）", re.compile(r"数据\s*[（(][^）)]*[）)]")),
    ("General (…)", re.compile(r"\bGeneral\s*[（(][^）)]*[）)]")),
    # a count left out of its sentence: 共篇报道, "based on  articles" (two spaces)
    ("count missing (共篇)", re.compile(r"共\s*篇|\S {2,}(?:articles?|reports?)\b")),
    ("raw □/■ marker", re.compile(r"[□■]")),
)


def _unit_title(units: Iterable[str]) -> re.Pattern[str]:
    words = sorted({*UNIT_WORDS, *(u for u in units if u)}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^.{{1,40}}?\s*[（(]\s*(?:{alternatives})\s*[)）]$")


def placeholder_forms(text: str, title: bool = False, units: Iterable[str] = ()) -> list[str]:
    """The placeholder or generic forms ``text`` holds (empty when it holds none).

    ``title``: the text is a slide or chart title, where a topic with a unit in brackets
    (``贸易（%）``, ``Logistics (个)``) is a generic title; ``units`` adds the data's units.
    """
    found = [marker for marker in MARKERS if marker in text]
    found += [name for name, pattern in _RULES if pattern.search(text)]
    if title and _unit_title(units).match(text.strip()):
        found.append("title <topic>（<unit>）")
    return found
