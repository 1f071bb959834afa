"""What each figure is: its role, the entity and indicator it measures, and a label a presenter
would print.

A figure's words are read within its own clause (the stretch of its sentence after the last
clause mark before it): the indicator is that clause without its period words (前4个月, 2022年,
同比), its connectors (其中, 此外), the verbs that lead to the figure (达, 实现, 累计) and any other
figure. Where a clause names nothing (…128.6亿元，增长21.4%), a change or a share measures what
the clause before it measured. Three shapes are read as a whole:

- ``分别`` lists: 出口和进口分别增长25.1%和9.8% gives 出口增速 and 进口增速, the items paired
  with the figures in order, one label each;
- start and end levels: 由12.1万公里增加到14.6万公里 / 从3家增至15家 are two levels of one
  indicator (the change between them is derived, never reported);
- a count followed by its noun: 4700余家国内外企业入驻 is 入驻企业 (the verb after the noun tells
  which enterprises).

The label is the indicator with the role's word (增速, 降幅, 增加, 占比, 排名) and without the
entity when that entity is what the whole folder is about (``label``). Nothing in a label is
invented: every character comes from the article, or is one of those role words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportgen.extract.facts import Fact
from reportgen.extract.lexicon import (
    CLAUSE_OPENERS,
    EDGE_WORDS,
    ENTITY_SUFFIXES,
    LEAD_VERBS,
    LEVEL_UNITS,
    NOUN_ENDS,
    PERIOD_WORDS,
    SELF_ENTITIES,
    VERB_ENDS,
)
from reportgen.locale.numbers import CURRENCIES

#: Roles a metric can have; facts of other kinds (dates, periods, codes) are no metrics.
ROLES = ("level", "count", "change", "share", "rank")

_CLAUSE_MARK = re.compile(r"[，,；;。：:！？!?“”\"]")
_LIST_JOINS = re.compile(r"[和、及与以及]+")
_PERIOD = re.compile(PERIOD_WORDS)
_FROM = re.compile(r"(?:由|从)(?:\d{4}年(?:底|末)?的?|[\u4e00-\u9fff]{1,6}?的(?:平均)?|平均)?$")
_TO = re.compile(
    r"^(?:增加|增长|提高|提升|上升|扩大|跃升|攀升|降低|下降|减少|缩短|压缩|缩减|降|增|升|跃)?"
    r"(?:了)?(?:到|至)(?:了)?(?:\d{4}年(?:底|末)?的?|(?:目前|现在|当前|今年|去年)的?)?$"
)
_COMPARED = re.compile(r"^(?:比|较)?[\u4e00-\u9fff]{0,10}?(?:高于|低于|快于|慢于|快|慢|高出|低)")
_CHANGE_VERB = re.compile(r"(?:增加|减少|多增|少增|净增|增长|下降)(?:了)?$")
_CHANGED = re.compile(r"(?:增加|减少|多增|少增|增长|下降|降低|提高|净增)(?:了)?$")
_SHARE_WORDS = ("占", "比重", "占比", "份额")
_ENTITY = re.compile(
    rf"^(?:{'|'.join(SELF_ENTITIES)}|(?![占对在从由向比与和及])[^在的和与对]{{1,8}}?(?:{ENTITY_SUFFIXES}))"
    r"(?!内|级|场|口|长|域|位)"
)


@dataclass(frozen=True)
class Frame:
    """A figure and what it is: ``role`` (one of ROLES), the ``entity`` it is about ('' when the
    text names none), the ``indicator`` it measures, and ``pair`` (the index of the other end
    of a start/end pair, with ``end_level`` true on its end)."""

    fact: Fact
    role: str
    entity: str
    indicator: str
    salient: bool = False
    pair: int | None = None
    end_level: bool = False

    def label(self, subject: str = "") -> str:
        """The label a presenter prints: the indicator with its role's word, the entity kept
        unless it is ``subject`` (what the whole folder is about) or a 全市/本区 of it."""
        entity = self.entity
        if entity in SELF_ENTITIES or (
            subject and entity and (entity in subject or subject in entity)
        ):
            entity = ""
        worded = _worded(self)
        label = tidy(worded if worded.startswith(entity) else entity + worded)
        if subject and label.startswith(subject) and len(label) - len(subject) >= 2:
            label = tidy(label[len(subject) :])
        # one character, a function word or punctuation alone (分别, 、、) names nothing
        named = re.sub(r"[^\w]", "", label)
        return label if len(named) >= 2 and named not in EDGE_WORDS else ""


def _worded(frame: Frame) -> str:
    """The indicator with the word that says what kind of figure it is."""
    indicator, fact = frame.indicator, frame.fact
    if frame.role == "change" and _COMPARED.search(indicator):
        # 高于全国平均水平0.7个百分点: how it compares is what it says
        return indicator if indicator.startswith(("增速", "增幅")) else "增速" + indicator
    if frame.role == "change":
        down = isinstance(fact.value, int | float) and fact.value < 0
        yearly = "年均" in re.sub(r"\s+", "", fact.sentence)[: fact.sentence.find(fact.text) + 1]
        if fact.unit == "倍":
            word = "增长倍数"
        elif fact.unit == "%":
            word = ("年均" if yearly and "年均" not in indicator else "") + (
                "降幅" if down else "增速"
            )
        elif fact.unit in ("个百分点", "百分点"):
            word = "下降" if down else "提高"
        else:
            word = "减少" if down else "增加"
        if indicator.endswith(("增速", "增幅", "降幅", "增长", "增量", "增加", "减少", "提高")):
            return indicator
        return indicator + word
    if frame.role == "share":
        if indicator.endswith(("占比", "比重", "份额", "比例", "率")):
            return indicator
        return indicator + "占比" if indicator else "占比"
    if frame.role == "rank":
        return indicator if indicator.endswith(("排名", "名次", "位次")) else indicator + "排名"
    if frame.role == "level" and fact.unit in CURRENCIES and indicator.endswith(("出口", "进口")):
        return indicator + "额"  # 出口2245.6亿元: the presenter's 出口额
    return indicator


def tidy(label: str) -> str:
    """A label without a dangling function word at either edge (和, 的, 其中, 占…), figures or
    brackets, at most 20 characters (cut at a word boundary the text gives: 的)."""
    label = re.sub(r"\s+", "", label)
    label = re.sub(r"[“”\"‘’《》「」（）()]", "", label)
    label = re.sub(r"^[-*+•●○◆◇■□▪▫►▶※√✓·、.．:：,，;；]+", "", label)  # an item's mark
    changed = True
    while changed and label:
        changed = False
        for word in EDGE_WORDS:
            if label.startswith(word) and len(label) > len(word):
                label, changed = label[len(word) :], True
            if label.endswith(word) and len(label) > len(word):
                label, changed = label[: -len(word)], True
    if len(label) > 20 and "的" in label[:-2]:
        label = label[label.rindex("的", 0, len(label) - 2) + 1 :]  # the head noun phrase
    return label[-20:]


def role_of(fact: Fact, clause: str) -> str | None:
    """The figure's role, or None when it is no metric (a date, a period, a code)."""
    figure = re.sub(r"\s+", "", fact.text)
    if fact.kind == "growth":
        return "change"
    if fact.kind == "rank":
        return "rank"
    if fact.kind == "percent":
        return "share" if any(word in clause for word in _SHARE_WORDS) else "level"
    if fact.kind == "count":
        if _CHANGED.search(clause.split(figure)[0]):
            return "change"
        return "level" if fact.unit in LEVEL_UNITS else "count"
    if fact.kind in ("money", "area") and _CHANGED.search(clause.split(figure)[0]):
        return "change"  # 比年初增加1986亿元, 多增213亿元: a change in the figure's own unit
    if fact.kind in ("money", "area", "age", "duration", "score"):
        return "level"
    if fact.kind == "other" and fact.unit not in ("版本", "版"):
        return "level"
    return None


def _clause(text: str, fact: Fact) -> tuple[int, str]:
    """The start and text of the words before the figure in its clause (whitespace removed)."""
    start = fact.sentence_start
    for mark in _CLAUSE_MARK.finditer(text, fact.sentence_start, fact.start):
        start = mark.end()
    return start, re.sub(r"\s+", "", text[start : fact.start])


def _after(text: str, fact: Fact) -> str:
    """The words right after the figure up to the next clause mark (whitespace removed)."""
    end = fact.sentence_end
    mark = _CLAUSE_MARK.search(text, fact.end, fact.sentence_end)
    if mark:
        end = mark.start()
    return re.sub(r"\s+", "", text[fact.end : end])


def _cleaned(words: str, others: Sequence[Fact], text: str) -> str:
    """Clause words without period phrases, connectors, other figures and lead verbs."""
    words = re.sub(r"[（(][^（）()]{0,12}[）)]", "", words)  # 中欧班列(日照): an aside
    words = _BASE.sub("", words)
    words = _PERIOD.sub("", words)
    for other in others:
        words = words.replace(re.sub(r"\s+", "", other.text), "")
    words = _PERIOD.sub("", words)
    words = re.sub(r"[\d.,，%％]+", "", words)
    words = _FILLERS.sub("", words)
    words = _THRESHOLD.sub("", words)
    changed = True
    while changed:
        changed = False
        for opener in (*CLAUSE_OPENERS, *_LEADING):
            if words.startswith(opener):
                words, changed = words[len(opener) :], True
    words = re.sub(r"^(?:从|在|分)[\u4e00-\u9fff]{1,8}(?:看|上|来看|方面)", "", words)
    changed = True
    while changed:
        changed = False
        for verb in (*LEAD_VERBS, *_TRAILING):
            if words.endswith(verb) and len(words) > len(verb):
                words, changed = words[: -len(verb)], True
    return _CHANGE_VERB.sub("", words)  # 比年初增加: the change's verb is no part of what


#: Verbs a clause may open with before what it measures (完成集装箱吞吐量…).
_LEADING = (
    "完成",
    "实现",
    "累计",
    "共有",
    "共",
    "已",
    "拥有",
    "有",
    "力争",
    "计划",
    "预计",
    "目标",
    "确保",
    "锚定",
    "加快推进",
    "推动",
    "全年",
    "面向社会",
    "依托",
    "按照",
    "围绕",
    "通过",
    "组建",
    "布局",
    "如今",
    "当前",
    "较",
    "我们",
    "届时",
    "建成后",
    "投产后",
    "将",
)
#: Words inside a label that add nothing a presenter needs (本外币各项贷款余额).
_FILLERS = re.compile(r"各项|各类|相关")
#: A comparison base before a change (比年初增加, 较去年底增加): not what it measures.
_BASE = re.compile(
    r"(?:比|较|同比|环比|相比)(?:年初|上年末|上年底|去年底|去年末|上年|去年同期|同期|去年|上月|上季度|"
    r"[\u4e00-\u9fff]{1,6}?(?:前|初期|以前))?"
    r"(?=增加|减少|多增|少增|增长|下降|提高|降低|收窄|扩大|$)"
)
#: What is left of a threshold whose figure was taken out (投资过10亿元的重大项目).
_THRESHOLD = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:过|超过|超|以上|以下|及以上)的")
#: Heads that say "the amount" without saying of what: they take the noun of the clause before.
_GENERIC_HEADS = ("总投资", "投资额", "总额", "金额", "规模", "投资", "合计")

#: Words that end a clause before a change or a level but are no part of what it measures.
_TRAILING = (
    "同比",
    "比上年",
    "比去年",
    "较上年",
    "较去年",
    "环比",
    "分别",
    "提升至",
    "提高至",
    "增长至",
    "压缩至",
    "增至",
    "升至",
    "每小时",
    "首次",
    "再次",
    "每天",
    "每周",
    "缩短至",
    "降至",
    "减少至",
    "降低至",
    "压减至",
    "达到",
    "超过",
    "突破",
    "吸引",
    "位列",
    "位居",
    "名列",
    "排名",
    "居",
    "预计",
    "计划",
    "拥有",
    "新增",
    "增长",
    "增加",
    "提高",
    "提升",
    "下降",
    "减少",
    "占",
    "的",
)


def _entity(words: str) -> tuple[str, str]:
    """The entity a clause opens with (青岛市, 上合示范区, 全市) and the rest."""
    found = _ENTITY.match(words)
    if not found or len(words) - found.end() < 2:
        return "", words
    entity = found.group(0)
    if words[found.end() : found.end() + 1] == "港" and entity.endswith("港"):
        entity += "港"  # 连云港港: the port of 连云港
    if entity in ("地区", "社区", "小区", "山区", "景区", "城区") or any(
        word in entity for word in ("于", "增速", "比", "较", "占")
    ):
        return "", words  # 增速高于全省: a comparison, not a place
    self_named = next((w for w in SELF_ENTITIES if w[0] in "全本该" and entity.endswith(w)), None)
    if self_named and entity != self_named:
        entity = self_named  # 五一假期全市: the article's own 全市, after a time word
    return entity, words[len(entity) :] if words.startswith(entity) else words[found.end() :]


def frames(
    facts: Sequence[Fact], text: str, headline: str = "", skip: frozenset[int] = frozenset()
) -> list[Frame]:
    """A frame for every fact that is a metric, in order. Dates have none, nor the facts at
    the positions in ``skip`` (period phrases: 前4个月 is when, not how much)."""
    out: list[Frame] = []
    for n, fact in enumerate(facts):
        if n in skip:
            continue
        start, words = _clause(text, fact)
        clause = words + re.sub(r"\s+", "", text[fact.start : fact.end]) + _after(text, fact)
        role = role_of(fact, clause)
        if role is None:
            continue
        inside = [f for f in facts if start <= f.start and f.end <= fact.start]
        if inside:  # 硕士研究生62人、博士研究生5人: the item after the last figure
            tail = re.sub(r"\s+", "", text[max(f.end for f in inside) : fact.start])
            if "、" in tail or "和" in tail[:1]:
                words = re.split(r"[、和]", tail)[-1] or words
        whole = ""
        if role == "share" and re.match(r"(?:约|均|分别)?占", words):
            whole = words  # 占全市外贸总值的62.6%: the part is what the clause before measured
            words = ""
        entity, indicator = _entity(_cleaned(words, inside, text))
        indicator = _cleaned(indicator, [], text)
        if role in ("count", "level") and re.search(r"(?:已|累计|共)?开行$", words) and indicator:
            indicator += "开行量"  # 中欧班列今年已开行206列: how many trains ran
        if role == "share":
            at = max(indicator.rfind("占比"), indicator.rfind("比重"))
            if at > 0:  # 青年人才占比超过九成: the part is before 占比
                indicator = indicator[:at]
        if len(indicator) < 2:
            indicator = ""  # 以93.62分位列第一: a preposition names nothing
        if whole and not any(
            f.fact.sentence_start == fact.sentence_start and f.role in ("level", "count")
            for f in out
        ):
            # a share with no part before it (占全省电力总装机比重首次超过一半): the whole
            indicator = _cleaned(re.sub(r"^(?:约|均|分别)?占", "", whole), inside, text)
        named = _named_after(text, fact) if indicator in _GENERIC_HEADS else ""
        if named:  # 总投资50亿元的新能源商用车零部件产业园项目: the project's investment
            indicator = named + indicator
        elif indicator in _GENERIC_HEADS or (role != "share" and not indicator):
            head = _previous_clause(text, fact, start, facts)
            if head:  # 签约项目23个，总投资216.8亿元: the investment of the projects signed
                indicator = head + indicator
        if role in ("count",) or (role == "level" and not indicator):
            noun = _noun_after(text, fact)
            if noun and (role == "count" or not indicator or _is_verb(indicator)):
                reach = re.search(f"({'|'.join(_REACH_VERBS)})", indicator)
                if reach and noun in _BARE_NOUNS:  # 通达23个国家: 通达国家, not 国家
                    noun = reach.group(1) + noun
                indicator = noun  # what a count counts is the noun after it: 24家企业
        out.append(Frame(fact, role, entity, indicator))
    out = _listed(out, facts, text)
    out = _paired(out, text)
    out = _inherited(out, text)
    return _salient(out, text, headline)


def _named_after(text: str, fact: Fact) -> str:
    """The name a figure modifies (总投资50亿元的X项目将…): X项目, up to its verb; '' if the
    figure is not followed by 的."""
    after = _after(text, fact)
    if not after.startswith("的"):
        return ""
    name = re.split(r"将|规划|计划|已|于|落户|建设|主要|预计|由|是|为|占地", after[1:], maxsplit=1)[
        0
    ]
    name = re.sub(r"(?:项目)$", "", name)
    if re.search(r"[\d０-９、，,]", name):
        return ""  # the figures of a list, not one name
    return name if 2 <= len(name) <= 16 else ""


def _previous_clause(text: str, fact: Fact, start: int, facts: Sequence[Fact]) -> str:
    """The cleaned words of the clause before the figure's, within its sentence ('' if none)."""
    if start <= fact.sentence_start + 1:
        return ""
    before = text[fact.sentence_start : start - 1]
    cut = max(before.rfind(m) for m in "，,；;：:")
    words = re.sub(r"\s+", "", before[cut + 1 :])
    inside = [f for f in facts if fact.sentence_start <= f.start and f.end <= start]
    _, words = _entity(_cleaned(words, inside, text))
    words = _cleaned(words, [], text)
    return "" if _is_verb(words) or len(words) > 14 else words


#: Verbs whose object a count counts; a bare noun after the count keeps the verb (通达国家).
_REACH_VERBS = (
    "通达",
    "覆盖",
    "辐射",
    "联通",
    "连通",
    "服务",
    "引进",
    "吸引",
    "签约",
    "新增",
    "培育",
    "认定",
    "开通",
    "新开",
    "走访",
    "惠及",
    "对接",
    "开辟",
)
#: Nouns too bare to be a label on their own.
_BARE_NOUNS = ("国家", "城市", "地区", "国家和地区", "企业", "项目", "航线", "港口", "家庭", "人次")


def _is_verb(words: str) -> bool:
    """Words that end in a verb name an action, not what a count counts (海关推出22条措施)."""
    return words.endswith(VERB_ENDS)


def _noun_after(text: str, fact: Fact) -> str:
    """The noun after a count's measure word (4700余家国内外企业入驻 -> 入驻企业: a verb that
    follows tells which ones)."""
    after = _after(text, fact)
    found = re.match(r"([\u4e00-\u9fff]{2,12}?)(" + "|".join(NOUN_ENDS) + r"|$)", after)
    if not found:
        return ""
    noun, verb = found.group(1), found.group(2)
    if verb in ("入驻", "签约", "落地", "参与", "入选") and not noun.startswith(verb):
        return verb + noun.removeprefix("国内外")
    return noun


def _listed(out: list[Frame], facts: Sequence[Fact], text: str) -> list[Frame]:
    """分别 lists: the items before 分别 paired with the figures after it, in order. Items that
    share a head noun written once (铁矿石、原油吞吐量) each get it; a second 分别 without items of
    its own (…，分别增长3.5%、6.1%) pairs its figures with the first list's."""
    result = list(out)
    lists: dict[int, list[str]] = {}  # sentence start -> the items of its last 分别 list
    for n, frame in enumerate(out):
        fact = frame.fact
        sentence = text[fact.sentence_start : fact.start]
        at = sentence.rfind("分别")
        if at < 0:
            continue
        head = sentence[:at]
        cut = max(head.rfind(m) for m in "，,；;：:。")
        items_text = _PERIOD.sub("", re.sub(r"\s+", "", head[cut + 1 :]))
        for opener in CLAUSE_OPENERS:
            items_text = items_text.removeprefix(opener)
        items = [item for item in _LIST_JOINS.split(items_text) if item]
        own = items[0] if len(items) == 1 else ""  # 投资额分别为…: what this list measures
        if len(items) < 2 and cut >= 0:  # 涵盖A、B、C和D等领域，分别为11个、14个…
            items = _enumerated(head[:cut])
        if len(items) >= 2:
            items = _shared_head(items)
            lists[fact.sentence_start] = items
        else:
            items = lists.get(fact.sentence_start, []) or _levels_before(out, n, frame, at)
            items = [item + own for item in items]
        if len(items) < 2:
            continue
        listed = [
            m
            for m in range(len(out))
            if out[m].fact.sentence_start == fact.sentence_start
            and out[m].fact.start > fact.sentence_start + at
            and out[m].role == frame.role
        ]
        if n not in listed:
            continue
        position = listed.index(n)
        if position < len(items):
            item = items[position]
            if "对" in items[0][:-1] and "对" not in item:
                item = "对" + item  # 对东盟、欧盟和韩国: 对 belongs to every item
            first = min(out[m].fact.start for m in listed)
            verb = re.sub(r"\s+", "", text[fact.sentence_start + at + 2 : first])
            if verb in _LISTED_VERBS:  # 分别进出口186.2亿元…: what each item did
                item += verb
            entity, indicator = _entity(_cleaned(item, [], text))
            result[n] = replace(frame, entity=entity or frame.entity, indicator=indicator)
    return result


#: Verbs after 分别 that name what the listed items measure (分别进出口…, 分别出口…).
_LISTED_VERBS = ("进出口", "出口", "进口", "实现进出口", "完成")


def _enumerated(clause: str) -> list[str]:
    """The items a clause enumerates (签约项目涵盖跨境物流、农产品加工、新能源和文旅康养等领域):
    the words after its verb of covering, without the closing 等领域."""
    words = re.sub(r"\s+", "", clause)
    words = words[max(words.rfind(m) for m in "，,；;：:。") + 1 :]
    found = re.search(r"(?:涵盖|包括|覆盖|涉及|包含|主要是|集中在)(.+)$", words)
    if not found:
        return []
    listed = re.sub(r"等(?:[\u4e00-\u9fff]{1,3})?$", "", found.group(1))
    what = _PERIOD.sub("", words[: found.start()])  # 签约项目 (涵盖…): what each item is
    return [item + what for item in _LIST_JOINS.split(listed) if item]


def _levels_before(out: list[Frame], n: int, frame: Frame, at: int) -> list[str]:
    """出口2245.6亿元，进口1490.6亿元，分别增长8.3%和2.2%: the levels before 分别 are the items."""
    start = frame.fact.sentence_start
    levels = [
        f.entity + f.indicator
        for f in out[:n]
        if f.fact.sentence_start == start
        and f.fact.end <= start + at
        and f.role in ("level", "count")
        and f.indicator
    ]
    listed = sum(
        1
        for f in out
        if f.fact.sentence_start == start and f.fact.start > start + at and f.role == frame.role
    )
    return levels[-listed:] if listed >= 2 and len(levels) >= listed else []


_HEAD_NOUN = re.compile(
    r"(吞吐量|开行量|进出口额|进出口总值|出口额|进口额|产值|余额|总额|营业收入|增加值|收入|"
    r"投资额|交易额|销售额|货运量|客运量|数量|总量|规模)$"
)


def _shared_head(items: list[str]) -> list[str]:
    """铁矿石、原油吞吐量分别为…: the last item's head noun belongs to every item."""
    found = _HEAD_NOUN.search(items[-1])
    if not found or len(items[-1]) == len(found.group(1)):
        return items
    head = found.group(1)
    return [item if _HEAD_NOUN.search(item) else item + head for item in items]


def _paired(out: list[Frame], text: str) -> list[Frame]:
    """由A增加到B: A and B are the start and end level of one indicator, not two changes."""
    result = list(out)
    for n in range(len(out) - 1):
        first, second = out[n].fact, out[n + 1].fact
        if first.sentence_start != second.sentence_start or first.unit != second.unit:
            continue
        before = re.sub(r"\s+", "", text[first.sentence_start : first.start])
        between = re.sub(r"\s+", "", text[first.end : second.start])
        if not (_FROM.search(before) and _TO.match(between)):
            continue
        role = "level" if out[n].role in ("change", "level") else out[n].role
        role = "share" if first.kind == "percent" and role == "level" and "占" in before else role
        words = _FROM.sub("", before)
        cut = max(words.rfind(m) for m in "，,；;：:。")
        indicator = _cleaned(words[cut + 1 :], [], text)
        entity, indicator = _entity(indicator)
        if (
            role == "share"
        ):  # 占…比重由62.8%提高到65.2%: the part is what the clause before measured
            part = next(
                (
                    f
                    for f in reversed(result[:n])
                    if f.fact.sentence_start == first.sentence_start
                    and f.role in ("level", "count")
                ),
                None,
            )
            if part is not None and part.indicator:
                entity, indicator = part.entity, part.indicator
        for m, end in ((n, False), (n + 1, True)):
            result[m] = replace(
                out[m],
                role=role if out[m].fact.kind != "count" or role != "count" else "count",
                entity=entity,
                indicator=indicator or out[m].indicator,
                pair=n + 1 if not end else n,
                end_level=end,
            )
    return result


def _inherited(out: list[Frame], text: str) -> list[Frame]:
    """A change or share whose clause names nothing measures what the figure before it in the
    sentence measured (…128.6亿元，增长21.4%)."""
    result = list(out)
    for n, frame in enumerate(out):
        if frame.indicator and len(frame.indicator) >= 2 and not _generic(frame.indicator):
            continue
        previous = next(
            (
                result[m]
                for m in range(n - 1, -1, -1)
                if result[m].fact.sentence_start == frame.fact.sentence_start
                and result[m].role in ("level", "count")
                and result[m].indicator
            ),
            None,
        )
        if (
            previous is None
            and n > 0
            and result[n - 1].role in ("level", "count")
            and result[n - 1].fact.sentence_end == frame.fact.sentence_start
        ):
            previous = result[n - 1]  # 同比增长6.2% on its own after the level's sentence
        if previous is not None:
            result[n] = replace(frame, entity=previous.entity, indicator=previous.indicator)
    return result


def _generic(indicator: str) -> bool:
    return indicator in ("占比", "比重", "增速", "增幅", "同比", "合计", "共计", "总计", "年均")


def _salient(out: list[Frame], text: str, headline: str) -> list[Frame]:
    """Headline figures and the lead's: what the article leads with."""
    lead = min((f.fact.sentence_start for f in out), default=0)
    headline_figures = re.findall(r"\d+(?:\.\d+)?", headline)
    result = []
    for frame in out:
        digits = re.sub(r"[^\d.]", "", frame.fact.text)
        salient = frame.fact.sentence_start == lead or (bool(digits) and digits in headline_figures)
        result.append(replace(frame, salient=salient))
    return result


def _own(entity: str) -> bool:
    """全市, 本区, 我市: how an article names its own place, never a subject by itself."""
    return entity in SELF_ENTITIES and entity[0] in "全本该我"


def subject_of(found: Sequence[Frame], given: str = "", headlines: Sequence[str] = ()) -> str:
    """What the folder is about: ``given`` (a header's or the user's), else the entity its
    figures and headlines name most. A mention counts once, a headline naming it (with or
    without 市/区) twice more; a short form counts for the long one it ends (经开区 for
    威海经开区), and the long one is the subject, spelled as a headline spells it where one
    does (即墨经济开发区 above 开发区). An entity named once only is a subject when the article
    goes on to call it 全市/全区 or a headline names it; else ''."""
    if given:
        return given
    named = Counter(f.entity for f in found if f.entity and not _own(f.entity))
    if not named:
        return ""
    for short in list(named):
        longer = [e for e in named if e != short and e.endswith(short)]
        if len(longer) == 1:
            named[longer[0]] += named.pop(short)
    scores = Counter()
    for entity, times in named.items():
        bare = entity[:-1] if entity[-1] in "市区县省" and len(entity) > 2 else entity
        headlined = any(bare in headline for headline in headlines)
        scores[entity] = times + (2 if headlined else 0)
    entity, score = scores.most_common(1)[0]
    own = {f.entity[-1] for f in found if _own(f.entity)}
    if named[entity] < 2 and entity[-1] not in own and score == named[entity]:
        return ""  # one mention, no headline, no 全市: no subject
    for headline in headlines:  # the long name a headline gives (即墨经济开发区 for 开发区)
        spelled = re.search(rf"([\u4e00-\u9fff]{{2,8}}){re.escape(entity)}", headline)
        if spelled and len(entity) <= 4 and not re.search(r"[年月日前今去]", spelled.group(1)):
            return spelled.group(0)
    return entity
