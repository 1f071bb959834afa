"""Rankings with their names: who is ranked where, in what assessment, for which year.

A rank figure alone (第18, 首位) says nothing a presenter can show; what an assessment article
is about is who ranks where. ``rank_facts`` reads each place with its entity, assessment and
year, in the shapes Chinese news prints them:

- ``X位列第N(位)``, ``X居全省第N名``, ``X排名第N``, ``X位居…首位/榜首``, ``X获得…第N名``: a place
  after a place verb (``PLACE_VERBS``), the scope between them (全省, 全国陆路口岸);
- ``A、B、C分别位列第18、23、35位``: one place per name, paired in order (when the counts
  differ, the names are not guessed: each place is the sentence's subject's);
- ``2020年第4、2021年第2`` / ``从2020年的第四位跃升至2022年的第一位`` / ``2020年度第四名``: a
  place with its year attached, so a climb is one entity's places over several years;
- ``连续N年位居…首位`` and ``N连冠``: the same place in each of N years, back from the year the
  sentence states (or says relative to the article: 今年, 去年); when it states none, one entry
  without a year (the years are not the text's);
- ``跻身全国N强``, ``进入前N``: a bound, not a place: ``qualifier`` is ``at_most`` and ``rank`` is
  N. The rankings table holds places; a bound is for a metric (qualifier at_most, 前N), so a
  rank chart never draws "10th" for "among the top ten".

The entity is the noun phrase that opens the place's clause (before its verb, a preposition
or a figure; not 分别, not a date, not 该区). When that is a measure of someone (增速, 综合实力,
ending in ``MEASURE_HEADS``) or empty, the measure is kept and the entity is looked for in the
clauses before, back to the sentence's start: a phrase naming a place or body (ending in
``ENTITY_HEADS``: 青岛港, 园区) or standing right before 在 (崂山绿茶在…评比中). 黄岛区综合实力 is
split at its head: entity 黄岛区, measure 综合实力. Nothing found: the entity is '' (the
dataset's subject). The assessment is the sentence's ``在…中`` phrase (在全国168个重点城市空气
质量排名中), else an ``…考核中``-like phrase, else the scope between the verb and the place
(居全省县级区（市）第一位 -> 全省县级区（市）), without a leading year. The year is the attached
one, else the nearest year stated before the place in the sentence (not one compared with:
较2019年), else one after it (…榜首，2023年度得分…), else None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from reportgen.extract.clauses import FactsBySentence, Sentence, front, sentences, subject
from reportgen.extract.facts import Fact
from reportgen.extract.lexicon import (
    ASSESSMENT_WORDS,
    BOUND_VERBS,
    COMPARED_WITH,
    ENTITY_HEADS,
    FIRST_PLACE_WORDS,
    MEASURE_HEADS,
    MEASURE_WORDS,
    PLACE_VERBS,
    RELATIVE_YEARS,
    SCOPE_WORDS,
    TIME_UNITS,
)
from reportgen.extract.values import number


@dataclass(frozen=True)
class RankFact:
    """One place of one entity in one year's assessment, read from one sentence."""

    start: int  # the rank figure's span in the text: 第18, 第18位, 首位, 五连冠, 十强
    end: int
    entity: str  # who is ranked ('' when the sentence does not say: the dataset's subject)
    assessment: str  # in what ('' when not said)
    year: int | None  # which year's assessment (None when the sentence does not say)
    rank: int
    sentence: str  # the sentence, as facts quote it
    measure: str = ""  # what of the entity is ranked, when said apart from it (增速, 综合实力)
    qualifier: str = "exact"  # at_most: a bound (跻身十强), not a place


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_NUM = r"(?:\d{1,5}|[一二两三四五六七八九十百千]{1,4})"
# what follows 第N when it counts something else: 第34届, 第二批, 第一方阵, 第九大
_NOT_PLACE = "".join(
    sorted(
        {w[0] for w in (*MEASURE_WORDS, *TIME_UNITS) if w not in ("名", "位")}
        | set("届期批次号条种类年天月大阶步章轮档梯阵代级季单座所方")
    )
)
_PLACE = (
    rf"(?P<place>第(?P<n>{_NUM})(?P<u>名|位)?(?![\d{re.escape(_NOT_PLACE)}])"
    rf"|(?P<w>{_alternatives(FIRST_PLACE_WORDS)}))"
)
_VERBS = _alternatives(PLACE_VERBS)
_SCOPES = _alternatives(SCOPE_WORDS)
_RELATIVE = _alternatives(list(RELATIVE_YEARS))
#: 2020年度第四名, 从2020年的第四位, 2020年第4: a place with its year
_YEAR_PLACE = re.compile(
    rf"(?:(?P<y>(?:19|20)\d{{2}})年|(?P<rel>{_RELATIVE}))度?的?(?:{_VERBS})?(?:{_SCOPES})?{_PLACE}"
)
#: A、B、C分别位列第18、23、35位: a list of places
_LISTED = re.compile(
    rf"分别(?P<verb>{_VERBS}|为|是)?(?P<scope>[^，。；：、\d第]{{0,12}}?)"
    rf"(?P<items>第{_NUM}[名位]?(?:(?:、|，|,|和|及|与)第?{_NUM}[名位]?)+)"
)
_ITEM = re.compile(rf"第?(?P<n>{_NUM})[名位]?")
#: 位列第N, 居全省第N名, 位居全国陆路口岸首位: a place after its verb
_PLACED = re.compile(rf"(?P<verb>{_VERBS})(?P<scope>[^，。；：第]{{0,20}}?){_PLACE}")
#: 跻身全国十强, 进入全国前十: a bound
_BOUND = re.compile(
    rf"(?P<verb>{_alternatives(BOUND_VERBS)})(?P<scope>[^，。；：、第]{{0,16}}?)"
    rf"(?P<place>前(?P<n>{_NUM})(?:名|位|强)?|(?P<n2>{_NUM})强)"
)
#: 五连冠: first place N years running
_STREAK = re.compile(rf"(?P<place>(?P<n>{_NUM})连冠)")
_RUNNING = re.compile(rf"连续(?P<n>{_NUM})年")
_MAYBE = re.compile(rf"第|首位|榜首|冠军|强|连冠|{_NUM}")
_IN_SCOPE = re.compile(r"在(?P<what>[^，。；]{1,30}?)(?:中|上|里)(?![国心华])")
_NAMED_ASSESSMENT = re.compile(
    rf"(?:^|[，,；;])(?P<what>[^，。；]{{2,30}}?(?:{_alternatives(ASSESSMENT_WORDS)}))(?:中|上)"
)
_YEAR_LEAD = re.compile(rf"^(?:(?:19|20)\d{{2}}年度?|{_RELATIVE}度?|年度)的?")
_ENTITY_HEAD = re.compile(_alternatives(ENTITY_HEADS))
_MEASURE_END = re.compile(rf"(?:{_alternatives(MEASURE_HEADS)})$")
_RELATIVE_AT_CLAUSE = re.compile(
    rf"(?:^|[，,；;])在?(?P<rel>{_RELATIVE})(?!同期|同比|底|末|初|以来)"
)


@dataclass(frozen=True)
class _Place:
    """A place found in a sentence's compact text: its span, the match around it (verb and
    scope included), the scope's span, and what its shape says."""

    start: int
    end: int
    match_start: int
    rank: int
    scope: str
    year: int | None = None
    qualifier: str = "exact"
    streak: int = 1
    names: tuple[str, ...] | None = None  # the names a 分别 list pairs with its places
    index: int = 0  # this place's index in its list
    count: int = 0  # the list's number of places


def rank_facts(facts: Sequence[Fact], text: str, article_date: date) -> list[RankFact]:
    """Every place (or bound) the text gives, with who, in what and which year; in order."""
    out: list[RankFact] = []
    by_sentence = FactsBySentence(facts)
    for sentence in sentences(facts, text):
        if not _MAYBE.search(sentence.compact):
            continue
        places = _places(sentence.compact, article_date)
        if not places:
            continue
        years = _years(sentence, by_sentence.within(sentence), article_date, places)
        for place in places:
            out.extend(_read(place, sentence, years))
    return [replace(rank, assessment=_named(rank.assessment)) for rank in out]


def _named(assessment: str) -> str:
    """The assessment's name without the figures around it (全国229家国家级经开区 -> 全国国家级
    经开区, 商务部2024年…评估 -> 商务部…评估): the year is the ranking's, the count a fact."""
    named = re.sub(r"\d{4}年度?|[\d.]+(?:万|亿)?[家个所项名]", "", assessment)
    return named if len(named) >= 2 else assessment


# --- places --------------------------------------------------------------------------------


def _places(compact: str, article_date: date) -> list[_Place]:
    """The places of a sentence, each once: a shape found earlier wins where two overlap."""
    found: list[_Place] = []
    taken: list[tuple[int, int]] = []

    def add(place: _Place, span: tuple[int, int]) -> None:
        if any(a < span[1] and span[0] < b for a, b in taken):
            return
        found.append(place)

    def close(span: tuple[int, int]) -> None:
        taken.append(span)

    for m in _YEAR_PLACE.finditer(compact):
        rank = _rank(m)
        if rank is None:
            continue
        year = int(m.group("y")) if m.group("y") else article_date.year + RELATIVE_YEARS[m["rel"]]
        add(_Place(m.start("place"), m.end("place"), m.start(), rank, "", year=year), m.span())
    for span in [(p.match_start, p.end) for p in found]:
        close(span)
    for m in _LISTED.finditer(compact):
        items = list(_ITEM.finditer(m.group("items")))
        ranks = [_int(i.group("n")) for i in items]
        if any(r is None for r in ranks):
            continue
        names = _listed_names(compact, m.start())
        base = m.start("items")
        for index, (item, rank) in enumerate(zip(items, ranks, strict=True)):
            place = _Place(
                base + item.start(),
                base + item.end(),
                m.start(),
                rank,  # type: ignore[arg-type]
                m.group("scope") or "",
                names=names,
                index=index,
                count=len(items),
            )
            add(place, (place.start, place.end))
        close(m.span())
    for m in _PLACED.finditer(compact):
        rank = _rank(m)
        if rank is not None:
            add(_Place(m.start("place"), m.end("place"), m.start(), rank, m["scope"]), m.span())
            close(m.span())
    for m in _BOUND.finditer(compact):
        rank = _int(m.group("n") or m.group("n2"))
        if rank is not None and rank > 1:
            place = _Place(
                m.start("place"), m.end("place"), m.start(), rank, m["scope"], qualifier="at_most"
            )
            add(place, m.span())
            close(m.span())
    for m in _STREAK.finditer(compact):
        streak = _int(m.group("n"))
        if streak:
            add(_Place(m.start(), m.end(), m.start(), 1, "", streak=streak), m.span())
            close(m.span())
    return sorted(found, key=lambda p: p.start)


def _rank(match: re.Match) -> int | None:
    return 1 if match.group("w") else _int(match.group("n"))


def _int(token: str | None) -> int | None:
    value = number(token) if token else None
    return int(value) if value and value == int(value) and 1 <= value <= 10000 else None


def _listed_names(compact: str, at: int) -> tuple[str, ...]:
    """The names before 分别, split at 、和及与: 青岛西海岸新区、胶州湾经济区、即墨区分别位列…"""
    left = max(compact.rfind(mark, 0, at) for mark in "，,；;：:。")
    words = _without_scope(front(compact[left + 1 : at]))
    return tuple(n for n in re.split(r"[、和及与]", words) if n)


# --- years ---------------------------------------------------------------------------------


def _years(
    sentence: Sentence, facts: Sequence[Fact], article_date: date, places: list[_Place]
) -> list[tuple[int, int]]:
    """(compact position, year) of each year the sentence states for a place: the dates'
    years (not one compared with, 较2019年; not one a place has attached) and 今年/去年 opening
    a clause, resolved against the article's date."""
    attached = [(p.match_start, p.end) for p in places if p.year is not None]
    out = []
    for fact in facts:
        if fact.kind not in ("date", "date_range") or not (
            sentence.start <= fact.start < sentence.end
        ):
            continue
        first = fact.value[0] if isinstance(fact.value, list) else fact.value
        if not isinstance(first, str) or not first[:4].isdigit():
            continue
        at = sentence.position(fact.start)
        end = sentence.position(fact.end)
        before = sentence.compact[max(0, at - 2) : at]
        if (
            any(before.endswith(w) for w in COMPARED_WITH)
            or "同期" in sentence.compact[end : end + 2]
        ):
            continue
        if any(a <= at < b for a, b in attached) or _inside_title(sentence.compact, at):
            continue
        out.append((at, int(first[:4])))
    for m in _RELATIVE_AT_CLAUSE.finditer(sentence.compact):
        if not any(a <= m.start("rel") < b for a, b in attached):
            out.append((m.start("rel"), article_date.year + RELATIVE_YEARS[m["rel"]]))
    return sorted(out)


def _inside_title(compact: str, at: int) -> bool:
    """A year inside 《…》 names a document, not the year of a place."""
    return compact.rfind("《", 0, at) > compact.rfind("》", 0, at)


def _year_of(place: _Place, years: list[tuple[int, int]]) -> int | None:
    if place.year is not None:
        return place.year
    before = [year for at, year in years if at < place.match_start]
    if before:
        return before[-1]
    after = [year for at, year in years if at >= place.end]
    return after[0] if after else None


# --- who and what --------------------------------------------------------------------------


def _read(place: _Place, sentence: Sentence, years: list[tuple[int, int]]) -> list[RankFact]:
    compact = sentence.compact
    clause_start = sentence.clause_at(place.start)[0]
    if place.names is not None:
        names = place.names
        entity = names[place.index] if len(names) == place.count else ""
        measure = ""
    else:
        entity, measure = _who(sentence, clause_start, place.match_start)
    assessment = _assessment(compact, place)
    year = _year_of(place, years)
    running = _RUNNING.search(compact[clause_start : place.match_start])
    streak = place.streak if place.streak > 1 else _int(running.group("n")) if running else 1
    held: Sequence[int | None] = [year]
    if year is not None and streak and streak > 1:  # 连续四年 up to the stated year
        held = range(year - streak + 1, year + 1)
    return [
        RankFact(
            start=sentence.offset(place.start),
            end=sentence.offset(place.end - 1) + 1,
            entity=entity,
            assessment=assessment,
            year=each,
            rank=place.rank,
            sentence=sentence.quote,
            measure=measure,
            qualifier=place.qualifier,
        )
        for each in held
    ]


def _who(sentence: Sentence, clause_start: int, verb: int) -> tuple[str, str]:
    """(entity, measure) of a place whose verb is at ``verb``: the clause's own subject, else
    the nearest clause before it that names someone."""
    compact = sentence.compact
    own = subject(_without_scope(front(compact[clause_start:verb])))
    entity, measure = _split(own)
    if entity:
        return entity, measure
    for start, end in reversed([c for c in sentence.clauses() if c[1] <= clause_start]):
        words = _without_scope(front(compact[start:end]))
        found = subject(words)
        if not found:
            continue
        named, measured = _split(found)
        measure = measure or measured
        follows = words[len(found) : len(found) + 1]
        if named and (_ENTITY_HEAD.search(named) or follows == "在"):
            return named, measure
    return "", measure


def _split(phrase: str) -> tuple[str, str]:
    """A subject as (entity, measure): 黄岛区综合实力 -> (黄岛区, 综合实力), 增速 -> ('', 增速),
    崂山绿茶 -> (崂山绿茶, '')."""
    if not phrase or not _MEASURE_END.search(phrase):
        return phrase, ""
    heads = [m.end() for m in _ENTITY_HEAD.finditer(phrase) if m.end() < len(phrase)]
    if not heads:
        return "", phrase
    return phrase[: heads[-1]], phrase[heads[-1] :]


def _without_scope(words: str) -> str:
    """A clause without the 在…中 phrase that opens it: 在全国…排名中青岛位列 -> 青岛位列."""
    m = _IN_SCOPE.match(words)
    return words[m.end() :] if m else words


def _assessment(compact: str, place: _Place) -> str:
    """The assessment a place is in: the sentence's 在…中 phrase before it, else a phrase ending
    in an assessment word, else the scope between the verb and the place."""
    found = [m.group("what") for m in _IN_SCOPE.finditer(compact, 0, place.match_start)]
    if not found:
        found = [m.group("what") for m in _NAMED_ASSESSMENT.finditer(compact, 0, place.start)]
    what = found[-1] if found else place.scope
    return _YEAR_LEAD.sub("", what).strip("的中")
