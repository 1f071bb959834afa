"""Events: dated actions (签约, 举行, 开通, 发布…), not every sentence with a date.

A date is an event's when the clause it dates has an action verb (``ACTION_VERBS``) and says
something happened, not how much: ``event_facts`` reads one event per such clause. Not events:

- the date a figure was reported (8月20日，记者从青岛海关获悉; 7月8日发布数据显示): a clause
  with a reporting verb (``REPORT_VERBS``), or 发布 with nothing after it;
- a period of statistics (1—10月, 2019年至2024年: a range without days) and a clause that
  states a quantity (新开通国际航线12条: a figure, not an event);
- a deadline, a start or a target (截至5月底, 到2025年, 今年10月前, 自去年3月起) and a year
  compared with (较2019年), a date inside a document's title (《2024年…公报》) or a name
  (示范区2024年一季度重点项目: a date that modifies a noun, not one that dates the clause);
- a dateline (本报9月18日讯) unless the sentence says 今天/今日: then it dates that clause.
  今天 without a dateline is the article's date.

When the date's clause holds only the date (8月5日，胶州冷链物流园二期项目正式投入运营), the event
is in the next clause (skipping one that opens with 经/据/按照: 经上级…批准). The title is that
clause's own words in their order, trimmed: without the date, the period and day words, planning
words (将于), adverbs (正式, 隆重), the place (在上海举行 -> 举行; kept in ``place``) and 为期N天的;
``在…举行的Y上`` is Y. A title over ``MAX_TITLE`` characters keeps its first party with the verb
and object, else the subject and verb, else the verb and object; it is never cut inside a word
or a figure.

The date: the fact's ISO value; a year the text leaves out is resolved against the article's
date by month: the latest such month not after the article's, unless the clause says the event
is planned (将, 计划, 拟, 预计, 即将: ``PLANNED_WORDS``), then the earliest not before it (by month,
so a piece dated only to its month does not push its own month's dates a year away).
``date_basis`` is ``stated`` when the year is in the date's text, ``inferred`` when the month is
read from 底/末/初, else ``relative``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportgen.extract.clauses import FactsBySentence, Sentence, front, sentences
from reportgen.extract.facts import Fact, view_of
from reportgen.extract.lexicon import (
    ACTION_VERBS,
    COMPARED_WITH,
    DAY_WORDS,
    DEADLINE_TAILS,
    DEADLINE_WORDS,
    PLANNED_WORDS,
    REPORT_VERBS,
    TITLE_ADVERBS,
    TODAY_WORDS,
)

#: The longest title an event gets, in characters.
MAX_TITLE = 40
#: Kinds of figures that make a clause a statistic, not an event.
QUANTITIES = ("money", "count", "percent", "growth", "area", "age", "score", "other")
#: … of which these do wherever they stand in the clause.
AMOUNTS = ("money", "percent", "growth")


@dataclass(frozen=True)
class EventFact:
    """One dated action, read from one clause of one sentence."""

    start: int  # the date's span in the text (今天's when the article's date is meant)
    end: int
    date: str  # ISO
    end_date: str | None
    date_basis: str  # stated | relative | inferred (as schema.Event)
    title: str  # the clause's subject and verb, in its own words, at most MAX_TITLE characters
    status: str  # held | planned
    sentence: str  # the sentence, as facts quote it
    place: str = ""  # where, when the clause says 在X举行


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_ACTION = re.compile(_alternatives(ACTION_VERBS))
_REPORT = re.compile(rf"{_alternatives(REPORT_VERBS)}|发布$")
_PLANNED = re.compile(_alternatives(PLANNED_WORDS))
_ADVERBS = _alternatives(TITLE_ADVERBS)
_DAY = re.compile(rf"^(?:{_alternatives(DAY_WORDS)}|\d{{1,2}}[时点](?:\d{{1,2}}分|半)?)+")
_TODAY = re.compile(_alternatives(TODAY_WORDS))
_TODAY_ANYWHERE = re.compile(r"今天|今日|当天|当日")
_PLACE = re.compile(rf"在(?P<place>[^，。；在]{{2,20}}?)(?=(?:{_ADVERBS})*(?:{_ACTION.pattern}))")
_LASTING = re.compile(r"为期[^，。；的]{1,8}的")
_ATTRIBUTIVE = re.compile(rf"^在?(?P<verb>{_ACTION.pattern})的(?P<what>.+?)(?:上|期间|中)?$")
_ASIDE = re.compile(r"^(?:经|据|按照|根据|随着|作为|为了)")
#: Words that make a date adverbial when they stand right before it: 于2022年6月, 自2019年
_BEFORE_DATE = ("于", "在", "自", "从", "是", "将于", "定于")
_SINCE = re.compile(r"^(?:自|从)|以来$")


@dataclass(frozen=True)
class _Anchor:
    """A date in a sentence's compact text: its span there and in the text, and its value."""

    at: int
    end: int
    start_offset: int
    end_offset: int
    first: str
    last: str | None
    basis: str
    fact: Fact | None
    dateline: bool = False


def event_facts(facts: Sequence[Fact], text: str, article_date: date) -> list[EventFact]:
    """Every dated action in ``text``, one per clause, in order."""
    out: list[EventFact] = []
    by_sentence = FactsBySentence(facts)
    for sentence in sentences(facts, text):
        own = by_sentence.within(sentence)
        anchors = _anchors(sentence, own, article_date)
        seen: dict[tuple[int, int], int] = {}  # clause -> index in out: one event per clause
        for anchor in anchors:
            event = _event(anchor, sentence, own, article_date)
            if event is None:
                continue
            clause, found = event
            if clause in seen:
                if _precision(found.date) > _precision(out[seen[clause]].date):
                    out[seen[clause]] = found
                continue
            seen[clause] = len(out)
            out.append(found)
    return out


def _precision(iso: str) -> int:
    return iso.count("-")


# --- the dates of a sentence ---------------------------------------------------------------


def _anchors(sentence: Sentence, facts: Sequence[Fact], article_date: date) -> list[_Anchor]:
    """The sentence's dates, and 今天 (the article's day) when no date of the sentence is it."""
    out = []
    for fact in facts:
        if fact.kind not in ("date", "date_range") or not (
            sentence.start <= fact.start < sentence.end
        ):
            continue
        first, last = fact.value if isinstance(fact.value, list) else (fact.value, None)
        if not isinstance(first, str):
            continue
        at, end = sentence.position(fact.start), sentence.position(fact.end)
        compact = sentence.compact
        dateline = compact[end : end + 1] == "讯" or compact[max(0, at - 2) : at] == "本报"
        out.append(
            _Anchor(at, end, fact.start, fact.end, first, last, _basis(fact), fact, dateline)
        )
    if not any(a.dateline for a in out):
        for m in _TODAY.finditer(sentence.compact):
            if not any(a.at <= m.start() < a.end for a in out):
                iso = article_date.isoformat()
                start, end = sentence.offset(m.start()), sentence.offset(m.end() - 1) + 1
                out.append(_Anchor(m.start(), m.end(), start, end, iso, None, "relative", None))
    return sorted(out, key=lambda a: a.at)


def _basis(fact: Fact) -> str:
    written = view_of(re.sub(r"\s+", "", fact.text))  # ２０２２年 states 2022
    first = fact.value[0] if isinstance(fact.value, list) else fact.value
    if not (isinstance(first, str) and first[:4].isdigit() and written[:4] == first[:4]):
        return "relative"
    return "inferred" if re.search(r"年[底末初]", written) else "stated"


# --- one event -----------------------------------------------------------------------------


def _event(
    anchor: _Anchor, sentence: Sentence, facts: Sequence[Fact], article_date: date
) -> tuple[tuple[int, int], EventFact] | None:
    """The event ``anchor`` dates, with the clause it is read from; None if it dates none."""
    compact = sentence.compact
    if anchor.dateline:
        today = _TODAY.search(compact, anchor.end)
        if today is None:
            return None
        at = today.start()
        basis = "relative"
    else:
        if not _dates_an_action(anchor, compact):
            return None
        at, basis = anchor.at, anchor.basis
    clause = _action_clause(sentence, at, anchor)
    if clause is None:
        return None
    words = _clause_words(compact, clause, anchor)
    if _REPORT.search(words) or _has_quantity(sentence, clause, facts):
        return None
    verb = _ACTION.search(words)
    if verb is None:
        return None
    own = sentence.clause_at(anchor.at)
    planned = bool(_PLANNED.search(words[: verb.start()])) or bool(
        _PLANNED.search(compact[own[0] : anchor.at])  # 预计6月底，项目将竣工投产
    )
    title, place = _title(words)
    if not title:
        return None
    first, last = anchor.first, anchor.last
    if first.startswith("--"):
        first = f"{_year(first, article_date, planned)}{first[1:]}"
        basis = "relative"
    if last and last.startswith("--"):  # the year of the start, or the next across new year
        last = f"{int(first[:4]) + (last[2:4] < first[5:7])}{last[1:]}"
    event = EventFact(
        start=anchor.start_offset,
        end=anchor.end_offset,
        date=first,
        end_date=last,
        date_basis=basis,
        title=title,
        status="planned" if planned else "held",
        sentence=sentence.quote,
        place=place,
    )
    return clause, event


def _dates_an_action(anchor: _Anchor, compact: str) -> bool:
    """Whether the date says when something happened: not a deadline, a start, a target, a year
    compared with, a period of statistics, a title's year or a date inside a name."""
    if anchor.last is not None and not re.search(r"-\d{2}-\d{2}$", anchor.first):
        return False  # 1—10月, 2019年至2024年: a period, not a day
    before = compact[max(0, anchor.at - 3) : anchor.at]
    after = compact[anchor.end : anchor.end + 3]
    if any(before.endswith(w) for w in (*DEADLINE_WORDS, *COMPARED_WITH)):
        return False
    if any(after.startswith(w) for w in DEADLINE_TAILS) or after.startswith("同期"):
        return False
    if compact.rfind("《", 0, anchor.at) > compact.rfind("》", 0, anchor.at):
        return False
    return _adverbial(anchor, compact)


def _adverbial(anchor: _Anchor, compact: str) -> bool:
    """A date that dates its clause: at the clause's front, after 于/在/自, or right before a
    verb, a place or a comma; not one inside a name (示范区2024年一季度重点项目)."""
    left = max(compact.rfind(mark, 0, anchor.at) for mark in "，,；;：:。")
    if not front(compact[left + 1 : anchor.at]):
        return True
    if any(compact[: anchor.at].endswith(w) for w in _BEFORE_DATE):
        return True
    rest = _DAY.sub("", compact[anchor.end :])
    return (
        not rest or rest[0] in "，,；;。" or bool(re.match(rf"在|将|正式|{_ACTION.pattern}", rest))
    )


def _action_clause(sentence: Sentence, at: int, anchor: _Anchor) -> tuple[int, int] | None:
    """The clause the date dates: its own, or when that holds only the date (and day words),
    the next one that is no aside (经…批准)."""
    clauses = sentence.clauses()
    index = next((i for i, (a, b) in enumerate(clauses) if a <= at < b), None)
    if index is None:
        return None
    if _PLANNED.sub("", _clause_words(sentence.compact, clauses[index], anchor)):
        return clauses[index]  # more than the date (and 预计): the date's own clause
    for following in clauses[index + 1 : index + 3]:
        words = _clause_words(sentence.compact, following, anchor)
        if words and not _ASIDE.match(words):
            return following
    return None


def _clause_words(compact: str, clause: tuple[int, int], anchor: _Anchor) -> str:
    """A clause's words without the date (when it is in the clause), the byline and periods
    before the subject, and day words (今天上午7时30分)."""
    a, b = clause
    text = compact[a:b]
    if a <= anchor.at < b:
        text = compact[a : anchor.at] + compact[anchor.end : b]
    text = front(_DAY.sub("", front(text)))
    return _TODAY_ANYWHERE.sub("", text)


def _has_quantity(sentence: Sentence, clause: tuple[int, int], facts: Sequence[Fact]) -> bool:
    """Whether the clause states a quantity: an amount, a share or a change anywhere (完成投资
    10亿元), a count after its verb (新开通国际航线12条). A count before the verb is part of
    who acted (十余家金融机构联合签署): the clause is still an event."""
    start, end = sentence.offset(clause[0]), sentence.offset(clause[1] - 1) + 1
    verb = _ACTION.search(sentence.compact, clause[0], clause[1])
    after = sentence.offset(verb.start()) if verb else start
    return any(
        start <= f.start < end
        and (f.kind in AMOUNTS or (f.kind in QUANTITIES and f.start >= after))
        for f in facts
    )


def _title(words: str) -> tuple[str, str]:
    """(title, place) from a clause's words, as the module docstring says."""
    text = _SINCE.sub("", _SINCE.sub("", words))
    text = re.sub(rf"(?:自|从)(?={_ACTION.pattern})", "", text)  # 自2019年获批: the date is out
    text = _LASTING.sub("", text)
    attributive = _ATTRIBUTIVE.match(text)
    if attributive:  # 在5月17日举行的…论坛上: the forum is the event
        return _bounded(attributive["what"], None), ""
    place = ""
    found = _PLACE.search(text)
    if found:
        place = found["place"]
        text = text[: found.start()] + text[found.end() :]
    text = re.sub(rf"(?:{_PLANNED.pattern})(?=于|在|{_ACTION.pattern}|$)", "", text)
    text = re.sub(rf"于(?=$|{_ACTION.pattern})", "", text)
    text = re.sub(rf"(?:{_ADVERBS})+(?={_ACTION.pattern})", "", text)
    text = text.strip("，,、的。.！!？? ")
    verb = _ACTION.search(text)
    return _bounded(text, verb), place


def _bounded(title: str, verb: re.Match | None) -> str:
    """The title within MAX_TITLE: whole; else its first party with the verb and its object
    (A与B及C联合签署了…备忘录 -> A签署了…备忘录); else the subject and verb; else the verb and
    its object; '' when none fits. Each is the clause's words in order, cut only at a party's
    or the verb's edge, never inside a word or a figure."""
    if len(title) <= MAX_TITLE:
        return title
    if verb is None:
        return ""
    party = re.split(r"[、与和及同]", title[: verb.start()], maxsplit=1)[0]
    shapes = (party + title[verb.start() :], title[: verb.end()], title[verb.start() :])
    return next((shape for shape in shapes if len(shape) <= MAX_TITLE), "")


def _year(iso: str, article_date: date, planned: bool) -> int:
    """The year of a --MM or --MM-DD date: the latest month not after the article's, or for a
    planned event the earliest not before it."""
    month = int(iso[2:4])
    if planned:
        return article_date.year if month >= article_date.month else article_date.year + 1
    return article_date.year if month <= article_date.month else article_date.year - 1
