"""A sentence as the ranking and event readers see it: its text without whitespace, mapped back
to the article's offsets, cut into clauses, with the subject of a clause read off its front.

PDF text breaks lines inside words ("2020年" / "度第四名"), so a sentence is read with its
whitespace taken out; ``Sentence.offset`` maps a position back to the text. Quotations that hold
clause marks (“怀鸿鹄之志，展骐骥之跃”) are one unit: their commas do not cut a clause.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.extract.facts import Fact
from reportgen.extract.lexicon import (
    CN,
    LEAD_WORDS,
    PRONOUNS,
    STOP_AFTER_GUARDS,
    STOP_GUARDS,
    SUBJECT_STOPS,
)
from reportgen.extract.patterns import view_of
from reportgen.extract.sentences import sentence_bounds, sentence_of

#: Marks that end a clause (a double dash too: 三年迈上三个台阶——2020年度第四名; a single one
#: joins names and ranges: 中国—上海合作组织, 1—10月).
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]|——")
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」")
# a bullet, and a dateline with its byline: 本报3月26日讯（记者赵雪）, 霍尔果斯讯记者…
_BYLINE = re.compile(r"^[■□●◆▶•※]?(?:[^，。；]{0,12}?讯(?:[（(][^）)]*[）)]|(?=记者)))?")
_LEADS = "|".join(sorted(LEAD_WORDS, key=len, reverse=True))
_STOPS = re.compile(
    "|".join(
        (f"(?<![{STOP_AFTER_GUARDS[w]}])" if w in STOP_AFTER_GUARDS else "")
        + re.escape(w)
        + (f"(?![{STOP_GUARDS[w]}])" if w in STOP_GUARDS else "")
        for w in sorted(SUBJECT_STOPS, key=len, reverse=True)
    )
)
# a date or a period opening a clause: 2022年, 2023年度, 今年1至10月, 5月17日, 前4个月
_DATE_LEAD = (
    r"(?:19|20)\d{2}年度?|\d{1,2}(?:[至到—-]\d{1,2})?月(?:份|底|末|初|上旬|中旬|下旬)?"
    r"|\d{1,2}日|前[\d一二三四五六七八九十]{1,2}个?(?:月|季度)"
)
_LEAD = re.compile(
    rf"^(?:{_LEADS}|{_DATE_LEAD}|据[^，]{{1,8}}?(?:统计|介绍|了解|显示|获悉))[，,、]?"
)
_FIGURE_START = re.compile(rf"[\d{CN}]")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article: ``compact`` is its view without whitespace, ``offsets`` the
    article offset of each of its characters, ``quote`` the sentence as facts quote it."""

    start: int
    end: int
    compact: str
    offsets: tuple[int, ...]
    quote: str

    def offset(self, i: int) -> int:
        """The article offset of compact position ``i`` (the end of the sentence past it)."""
        return self.offsets[i] if i < len(self.offsets) else self.end

    def position(self, offset: int) -> int:
        """The compact position of article ``offset`` (the next kept character)."""
        for i, at in enumerate(self.offsets):
            if at >= offset:
                return i
        return len(self.offsets)

    def clauses(self) -> list[tuple[int, int]]:
        """The clauses' spans in ``compact``; a quotation with clause marks in it is kept
        whole."""
        masked = _QUOTED.sub(lambda m: "＿" * len(m.group()), self.compact)
        spans, left = [], 0
        for mark in _CLAUSE_END.finditer(masked):
            if mark.start() > left:
                spans.append((left, mark.start()))
            left = mark.end()
        if left < len(masked):
            spans.append((left, len(masked)))
        return spans

    def clause_at(self, i: int) -> tuple[int, int]:
        """The clause holding compact position ``i``."""
        for span in self.clauses():
            if span[0] <= i < span[1]:
                return span
        return (i, i)


def sentences(facts: Sequence[Fact], text: str) -> list[Sentence]:
    """The article's sentences, ended where the facts' sentences end (the extractor's bounds,
    with the layout's breaks it was given), else where ``sentences`` ends them."""
    bounds = set(sentence_bounds(text, {fact.end for fact in facts}))
    for fact in facts:
        bounds |= {fact.sentence_start, fact.sentence_end}
    ordered = sorted(b for b in bounds if 0 < b < len(text))
    view = view_of(text)
    out, start = [], 0
    for end in [*ordered, len(text)]:
        if end > start:
            out.append(_sentence(text, view, start, end))
        start = end
    return [s for s in out if s.compact]


def sentence_around(text: str, start: int, end: int, bounds: list[int]) -> Sentence:
    """The sentence around ``text[start:end]`` given sentence ``bounds``."""
    s, e = sentence_of(text, start, end, bounds)
    return _sentence(text, view_of(text), s, e)


def _sentence(text: str, view: str, start: int, end: int) -> Sentence:
    kept = [i for i in range(start, end) if not view[i].isspace()]
    compact = "".join(view[i] for i in kept)
    quote = re.sub(r"\s+", "", text[start:end]).strip("”」 ")
    return Sentence(start, end, compact, tuple(kept), quote)


def front(clause: str) -> str:
    """The clause without what stands before its subject: a byline (本报讯（记者…）), periods
    and sources (今年, 据统计), a quotation that is no name."""
    clause = _QUOTED.sub(lambda m: m.group() if _is_name(m.group()) else "", clause)
    clause = _BYLINE.sub("", clause)
    while True:
        lead = _LEAD.match(clause)
        if not lead or not lead.group():
            return clause
        clause = clause[lead.end() :]


def _is_name(quoted: str) -> bool:
    """A short quotation without clause marks names something (“小巨人”, “2024中德论坛”)."""
    return len(quoted) <= 20 and not re.search(r"[，,；;。！？]", quoted)


def subject(clause: str) -> str:
    """The noun phrase a clause opens with, up to its verb, a preposition or a figure:
    崂山绿茶在…评比中获得… -> 崂山绿茶; '' when the clause opens with none, or with a word that
    points back (该区) instead of naming."""
    words = front(clause)
    cut = len(words)
    stop = _STOPS.search(words)
    if stop:
        cut = stop.start()
    figure = _FIGURE_START.search(words[:cut])
    if figure:
        cut = figure.start()
    phrase = words[:cut].strip("“”「」（）()、和及与的")
    if len(phrase) < 2 or len(phrase) > 24 or phrase.startswith(PRONOUNS):
        return ""
    return phrase


class FactsBySentence:
    """The facts of each sentence, found by bisection rather than a scan of every fact (an
    article of thousands of sentences and figures stays linear)."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self._facts = sorted(facts, key=lambda f: f.start)
        self._starts = [f.start for f in self._facts]

    def within(self, sentence: Sentence) -> list[Fact]:
        """The facts that start inside ``sentence``, in order."""
        lo = bisect.bisect_left(self._starts, sentence.start)
        hi = bisect.bisect_left(self._starts, sentence.end)
        return self._facts[lo:hi]
