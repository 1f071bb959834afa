"""An article read as a curator would: its pieces, and in each the figures with their frames,
periods and topics, the rankings with who is ranked, and the dated events.

This is the one pipeline the draft writer and ``reportgen evaluate`` share: layout (what is a
headline, a byline, a caption) -> facts (numbers in the body) -> period phrases -> frames
(role, entity, indicator, label) -> topic; rankings and events beside them. It decides; the
draft only writes what it decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportgen.data.topics import Topics
from reportgen.extract.events import EventFact, event_facts
from reportgen.extract.facts import Fact, extract
from reportgen.extract.frames import Frame, frames, subject_of
from reportgen.extract.layout import Layout, Piece, read_layout
from reportgen.extract.periods import period_phrase_facts, period_phrases, periods_of
from reportgen.extract.rankings import RankFact, rank_facts


@dataclass(frozen=True)
class Figure:
    """A figure as the draft will propose it: the frame, its period, its topic."""

    frame: Frame
    period: str
    period_kind: str
    topic: str

    @property
    def fact(self) -> Fact:
        return self.frame.fact


@dataclass(frozen=True)
class PieceReading:
    """One article of a file, read."""

    piece: Piece
    date: dt.date
    figures: tuple[Figure, ...]
    rankings: tuple[RankFact, ...]
    events: tuple[EventFact, ...]


@dataclass(frozen=True)
class Reading:
    """A file read: its layout and its pieces (one for an article, several for a page)."""

    text: str
    layout: Layout
    facts: tuple[Fact, ...]
    pieces: tuple[PieceReading, ...] = field(default_factory=tuple)

    @property
    def figures(self) -> list[Figure]:
        return [figure for piece in self.pieces for figure in piece.figures]

    def subject(self, given: str = "") -> str:
        """What the file is about: ``given``, else the entity most of its figures name."""
        headlines = [piece.title for piece in self.layout.pieces]
        return subject_of([figure.frame for figure in self.figures], given, headlines)


class NoDate(ValueError):
    """An article whose date neither its header, its dateline nor the caller gives."""


def read(
    text: str,
    article_date: dt.date | None = None,
    topics: Topics | None = None,
    year_base: dt.date | None = None,
) -> Reading:
    """The file ``text`` read. ``article_date`` is the date when the text does not say it (a
    header's ``date:`` or a dateline wins); relative periods resolve against each piece's date.
    ``year_base`` only gives a dateline that states month and day (新华社青岛6月20日电) its
    year: an article that states no date at all is never dated by it."""
    topics = topics or Topics.load()
    layout = read_layout(text, article_date or year_base)
    base = (layout.header.date if layout.header and layout.header.date else None) or article_date
    facts = extract(text, base, breaks=layout.breaks())
    pieces = []
    for piece in layout.pieces:
        date = piece.date or base
        if date is None:
            raise NoDate("no date: give a header line 'date: YYYY-MM-DD' or --date")
        inside = [f for f in facts if layout.piece_at(f.start) == piece and layout.body(f.start)]
        inside = sorted(inside + _headline_only(layout, piece, facts, inside), key=_start)
        if not inside:
            pieces.append(PieceReading(piece, date, (), (), ()))
            continue
        pieces.append(_read_piece(text, piece, date, inside, topics))
    return Reading(text, layout, tuple(facts), tuple(pieces))


def _start(fact: Fact) -> int:
    return fact.start


def _headline_only(
    layout: Layout, piece: Piece, facts: Sequence[Fact], body: Sequence[Fact]
) -> list[Fact]:
    """The headline's figures the body does not state again (同比增长近三成 above a body that
    gives 29.6%): the title shows them, so they are figures of the draft, quoted from the
    headline; one the body repeats with the same hedge is the body's (20万 above 20万元)."""
    stated = {(f.value, f.qualifier) for f in body if not isinstance(f.value, list)}
    out = []
    for fact in facts:
        segment = layout.segment_at(fact.start)
        if segment is None or segment.kind != "headline" or layout.piece_at(fact.start) != piece:
            continue
        if isinstance(fact.value, list) or (fact.value, fact.qualifier) not in stated:
            out.append(fact)
    return out


def _read_piece(
    text: str, piece: Piece, date: dt.date, facts: Sequence[Fact], topics: Topics
) -> PieceReading:
    """The figures, rankings and events of one piece."""
    skip = period_phrase_facts(facts, period_phrases(text, date))
    # a place with its year goes to the rankings table; 跻身十强 (a bound) and a place whose
    # year the text does not give stay metrics
    ranked = [r for r in rank_facts(facts, text, date) if r.year and r.qualifier == "exact"]
    ranked_spans = {(r.start, r.end) for r in ranked}
    framed = frames(facts, text, headline=piece.title, skip=skip)
    when = dict(zip((f.start for f in facts), periods_of(facts, text, date), strict=True))
    figures = []
    for frame in framed:
        if (frame.fact.start, frame.fact.end) in ranked_spans:
            continue  # a rank with who is ranked goes to the rankings table
        period, kind = when[frame.fact.start]
        label = frame.label()
        topic = topics.assign(label, frame.fact.sentence, frame.role, frame.fact.unit)
        figures.append(Figure(frame, period, kind, topic))
    events = event_facts(facts, text, date)
    return PieceReading(piece, date, tuple(figures), tuple(ranked), tuple(events))
