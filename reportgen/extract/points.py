"""The article's own words for a figure, a section and a plan, as a deck can print them.

A talking point is extractive: the clause that states a figure (with the clause before it when
it goes on from there, and the sentence's period in front), each figure in it written as its
metric's placeholder (``对外贸易额达{trade_01}，增长{trade_02}``), so the number a slide shows is
the data's, hedge and all, and the check can trace it. A clause that would print any other
figure is no point: nothing on a slide may be a number the data does not hold. The same rule
makes the outlook's plans (将加快…, 力争到2025年…) and a figure's section is the subhead printed
above it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportgen.extract.facts import Fact, extract
from reportgen.extract.layout import Layout, Piece
from reportgen.extract.lexicon import (
    CLAUSE_CONNECTIVES,
    CLAUSE_CONTINUES,
    CLAUSE_MARKS,
    PERIOD_CLAUSE,
    PLAN_MARKS,
    PLANS_PER_ARTICLE,
    POINT_LIMIT,
    PREFIX_HEDGES,
)
from reportgen.extract.sentences import sentence_bounds
from reportgen.text.normalize import squash

_PLACEHOLDER = re.compile(r"\{[a-z][a-z0-9_]*\}")
_PERIOD_CLAUSE = re.compile(PERIOD_CLAUSE)
_PLAN = re.compile(PLAN_MARKS)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_PLACEHOLDER_WIDTH = 6  # characters a placeholder's figure takes on a slide, about
_TRAILING = "，,；;：:。.！!？?、 "


@dataclass(frozen=True)
class Placed:
    """Where a metric's figure is printed in the article: hedge, number and unit."""

    start: int
    end: int
    metric: str


def figure_span(text: str, fact: Fact) -> tuple[int, int]:
    """The part of a fact's text that the metric's value shows: from its hedge (近, 超过, 约)
    or its first numeral to its end. 同比增长约12% keeps 同比增长 as the article's words."""
    own = text[fact.start : fact.end]
    first = next(
        (i for i, ch in enumerate(own) if ch.isdigit() or ch in "零〇一二两三四五六七八九十"), 0
    )
    for hedge in sorted(PREFIX_HEDGES, key=len, reverse=True):
        at = own.rfind(hedge, 0, first + 1)
        if at >= 0 and at + len(hedge) == first:
            first = at
            break
    return fact.start + first, fact.end


def point(
    text: str,
    sentence: tuple[int, int],
    at: int,
    placed: Sequence[Placed],
    allowed: Iterable[float] = (),
) -> str | None:
    """The point for the figure at offset ``at``: its clause of the sentence, trimmed, with
    every figure placed in it written as ``{metric}``; None when the clause would show a
    figure no metric holds (or says nothing but the figure)."""
    clauses = _clauses(text, *sentence)
    k = next((n for n, (a, b) in enumerate(clauses) if a <= at < b), None)
    if k is None:
        return None
    first = k
    while first > 0 and _continues(_words(text, *clauses[first], placed)):
        first -= 1
    while first < k and _words(text, *clauses[first], placed) in CLAUSE_CONNECTIVES:
        first += 1
    parts = [_words(text, a, b, placed) for a, b in clauses[first : k + 1]]
    lead = _words(text, *clauses[0], placed).strip(_TRAILING)
    if first > 0 and _PERIOD_CLAUSE.match(lead) and not _PLACEHOLDER.search(lead):
        parts.insert(0, lead)
    said = "，".join(p.strip(_TRAILING) for p in parts if p.strip(_TRAILING))
    return _fit(_unconnected(said), allowed)


def _unconnected(said: str) -> str:
    """A point without the connective it opens with (其中出口… is 出口…)."""
    for word in sorted(CLAUSE_CONNECTIVES, key=len, reverse=True):
        if said.startswith(word) and len(said) > len(word) + 4:
            return said[len(word) :].lstrip(_TRAILING)
    return said


def section_of(text: str, piece: Piece, offset: int) -> str | None:
    """The subhead printed above ``offset`` in its piece, if the piece has subheads."""
    above = [h for h in piece.headings if h.end <= offset]
    if not above:
        return None
    heading = squash(text[above[-1].start : above[-1].end]).strip(_TRAILING)
    return heading or None


def plans(
    text: str,
    layout: Layout,
    piece: Piece,
    facts: Sequence[Fact],
    placed: Sequence[Placed],
    allowed: Iterable[float] = (),
) -> list[str]:
    """What the piece says will be done (the outlook): each sentence stating a plan, from its
    plan word to the end of that clause and the next, at most ``PLANS_PER_ARTICLE``."""
    bounds = sentence_bounds(text, {f.end for f in facts}, layout.breaks())
    starts = [piece.start, *(b for b in bounds if piece.start < b < piece.end)]
    found: list[str] = []
    for a, b in itertools.pairwise([*starts, piece.end]):
        sentence = text[a:b]
        if not sentence.strip() or not layout.body(a + len(sentence) - len(sentence.lstrip())):
            continue
        match = _PLAN.search(sentence)
        if match is None:
            continue
        clauses = _clauses(text, a, b)
        k = next(n for n, (x, y) in enumerate(clauses) if x <= a + match.start() < y)
        while k + 1 < len(clauses) and len(_words(text, *clauses[k], placed).strip(_TRAILING)) <= 4:
            k += 1  # 下一步，示范区将…: the plan is what follows its marker
        words = [_words(text, x, y, placed).strip(_TRAILING) for x, y in clauses[k : k + 2]]
        said = _fit(_unconnected("，".join(w for w in words if w)), allowed)
        if said and said not in found and len(_PLACEHOLDER.sub("", said)) >= 8:
            found.append(said)
        if len(found) == PLANS_PER_ARTICLE:
            break
    return found


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]``: cut after each clause mark (not a digit group's
    comma), and at the sentence's own end."""
    cuts = [start]
    for i in range(start, end):
        ch = text[i]
        if ch in CLAUSE_MARKS:
            if (
                ch == ","
                and 0 < i < len(text) - 1
                and text[i - 1].isdigit()
                and text[i + 1].isdigit()
            ):
                continue
            cuts.append(i + 1)
    cuts.append(end)
    return [(a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]


def _words(text: str, start: int, end: int, placed: Sequence[Placed]) -> str:
    """``text[start:end]`` without whitespace, each figure placed inside it as ``{metric}``."""
    out, at = [], start
    for span in sorted(placed, key=lambda p: p.start):
        if start <= span.start and span.end <= end and span.start >= at:
            out += [text[at : span.start], "\x00" + span.metric + "\x01"]
            at = span.end
    out.append(text[at:end])
    return squash("".join(out)).replace("\x00", "{").replace("\x01", "}")


def _continues(clause: str) -> bool:
    """Whether a clause goes on from the one before it (增长21.5%, 分别增长…, a figure alone)."""
    bare = clause.strip(_TRAILING)
    if bare.startswith(CLAUSE_CONTINUES):
        return True
    return len(_PLACEHOLDER.sub("", bare)) < 4


def _fit(said: str, allowed: Iterable[float]) -> str | None:
    """A point as printed, or None: too long, or showing a figure that is not placed."""
    if not said:
        return None
    width = len(_PLACEHOLDER.sub("", said)) + _PLACEHOLDER_WIDTH * len(_PLACEHOLDER.findall(said))
    if width > POINT_LIMIT:
        return None
    masked = _PLACEHOLDER.sub("某", said)
    allowed = {round(float(n), 6) for n in allowed}
    for fact in extract(masked):
        numbers = [*(float(d) for d in _DIGITS.findall(fact.text))]
        if isinstance(fact.value, (int, float)):
            numbers.append(float(fact.value))
        if any(round(n, 6) not in allowed for n in numbers):
            return None
    if any(round(float(d), 6) not in allowed for d in _DIGITS.findall(masked)):
        return None
    return said
