"""Numerals that are no figures: names, idioms, ordinals, titles, slogans and phone numbers.

The scan asks ``is_name`` of every match, and ``check`` asks it of the numerals it reads on a
page, so the extractor and the check agree on what a figure is.
"""

from __future__ import annotations

import re

from reportgen.extract.lexicon import NOT_FACTS, RANK_NAMES
from reportgen.extract.patterns import MEASURES, TIME_UNIT

# Every name in NOT_FACTS, found where they overlap too (one search instead of one per name).
_NOT_FACTS_RE = re.compile(
    "(?=(" + "|".join(re.escape(n) for n in sorted(NOT_FACTS, key=len, reverse=True)) + "))"
)
_QUOTED = re.compile(r"[“‘\"]([^“”‘’\"]{1,16})[”’\"]")
# 一 + a measure word is an article in news prose (一张名片, 一家企业), not a count.
_ARTICLE_ONE = re.compile(rf"一(?:{MEASURES}|{TIME_UNIT})")


def is_name(view: str, start: int, end: int) -> bool:
    """A numeral inside a name, an idiom or an enumeration; or a phone or document number."""
    window = view[max(0, start - 4) : end + 4]
    core = view[start:end]
    if core.startswith("第"):
        return any(name in view[start : start + 4] for name in RANK_NAMES)
    if view[max(0, start - 1) : start] == "第":
        return True  # 第五届, 第19届: an ordinal, not a count
    if view[max(0, start - 1) : start] == "每":
        return True  # 每千人口, 每10万人: the denominator of a rate
    opened = view.rfind("《", max(0, start - 60), start)
    if opened >= 0 and view.find("》", opened, start) < 0:
        return True  # 《2024年…公报》: inside a title
    for quoted in _QUOTED.finditer(view, max(0, start - 16), min(len(view), end + 16)):
        if not (quoted.start() < start and end <= quoted.end()):
            continue
        if not re.search(r"\d", core):
            return True  # 四个中心, 中国这十年: a name in quotation marks
        words = quoted.end() - quoted.start() - 2 > end - start
        if words and not re.search(r"[，。；、,;]", quoted.group(1)):
            return True  # “15分钟健康服务圈”: a slogan; “100%” alone stays a fact
    if not re.search(r"\d", core):
        if _ARTICLE_ONE.fullmatch(re.sub(r"\s+", "", core)):
            return True
        if re.fullmatch(r"[一二三四五六七八九十]期", re.sub(r"\s+", "", core)):
            return True  # 二期: a project phase, a name
    if not core.startswith("约") and not re.search(r"\d", core):
        base = max(0, start - 4)
        for found in _NOT_FACTS_RE.finditer(window):
            absolute = base + found.start()
            if absolute < end and absolute + len(found.group(1)) > start:
                return True
    if re.fullmatch(r"[百千万亿]{1,2}[^\d余多来几]*", core):
        return True  # 单位：亿元, 万元: a magnitude alone is a unit; 百余场, 超过亿元 stay facts
    before = view[max(0, start - 2) : start]
    after = view[end : end + 2]
    return bool(
        "〔" in before
        or after.startswith("号")
        or re.match(r"-\d", after)
        or re.search(r"\d-$", before)
        or re.match(r"0\d", core) is not None  # 0532…: a phone or area code
    )
