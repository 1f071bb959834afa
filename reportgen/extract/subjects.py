"""What a figure measures: the noun after its measure word (4700余家企业), else the words
before it (对外贸易额达360亿元), read only within the figure's own sentence."""

from __future__ import annotations

import re

from reportgen.extract.lexicon import LEAD_VERBS, NOUN_ENDS
from reportgen.extract.sentences import ITEM_START
from reportgen.locale.zh import SCALES

_STOP = re.compile(r"[，。；：、！？,;:!?（）()“”\"《》■—]|(?<!\d)\.(?!\d)")  # 2.5 is no stop
_NOUN_END = re.compile("|".join(NOUN_ENDS))
_NEXT_FIGURE = re.compile(r"(?:约|近|超过|超|逾)?\d")
_AFTER_FIGURE = re.compile(rf"(?<![A-Za-z\d.])\d[\d.,]*(?:{'|'.join(SCALES)})?[^\d，。；、]?")
_PARAGRAPH = re.compile(r"\n[ \t\u3000]*\n")


def subject(view: str, start: int, end: int, kind: str, sentence: tuple[int, int]) -> str:
    """What the number at ``start:end`` measures: the noun after a measure word, else the
    words before it; for a change with nothing before it (…360亿元，增长38.3%), what the
    clause before measured. Only words of the fact's own ``sentence`` (a span of ``view``)
    are read, and an item mark that opens it (- 1. （一）) is not a word."""
    window = view[end : min(end + 24, sentence[1])]
    window = _PARAGRAPH.split(window, 1)[0]  # a headline's number does not run into the body
    after = re.sub(r"\s+", "", window)[:16]  # PDF line breaks are not words
    cut = _STOP.search(after)
    following = after[: cut.start()] if cut else after
    following = _NEXT_FIGURE.split(following, maxsplit=1)[0]  # …资助资金约6800万元 ends at 资金
    verb = _NOUN_END.search(following)
    if verb:
        following = following[: verb.start()]
    window = view[max(start - 60, sentence[0]) : start]
    item = ITEM_START.match(window) if start - 60 <= sentence[0] else None
    window = _PARAGRAPH.split(window[item.end() if item else 0 :])[-1]
    before = re.sub(r"\s+", "", window)[-40:]
    cuts = list(_STOP.finditer(before))
    preceding = strip_lead_verbs(before[cuts[-1].end() :] if cuts else before[-24:])
    # words after the last figure before this one (…为1.2万名家庭经济困难学生发放资助资金)
    preceding = _AFTER_FIGURE.split(preceding)[-1]
    if not preceding and cuts and cuts[-1].end() == len(before) and before[-1] in "：:":
        # 实际使用外资：4.5亿美元: a label and its figure
        preceding = before[cuts[-2].end() if len(cuts) >= 2 else 0 : -1]
    if not preceding and kind in ("growth", "percent") and len(cuts) >= 1:
        clause = before[cuts[-2].end() if len(cuts) >= 2 else 0 : cuts[-1].start()]
        head = re.split(r"[\d零〇一二两三四五六七八九十百千万亿]", clause, maxsplit=1)[0]
        preceding = strip_lead_verbs(head)
    if kind in ("count", "duration") and len(following) >= 2:
        return following.strip()
    return (preceding or following).strip()


def strip_lead_verbs(words: str) -> str:
    """Words before a figure without the verbs that lead to it: 对外贸易额累计达 -> 对外贸易额."""
    changed = True
    while changed:
        changed = False
        for word in LEAD_VERBS:
            if words.endswith(word):
                words = words[: -len(word)]
                changed = True
    return words
