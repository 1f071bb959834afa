"""The content model: what a deck or a summary shows, decided once, drawn by any renderer.

Both documents are views of one decision (``reportgen.content.facts``): every number is a
``Shown`` that carries the id of the fact it comes from, its text with the article's hedge and
its derived mark; every source note is worded and numbered before a renderer sees it. The
PPTX renderer and the PDF renderer draw these objects and nothing else.

A block kind is a subclass of ``Block``: subclassing registers it (``Block.kinds``), and each
renderer registers one draw function for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from reportgen.charts.model import ChartData
from reportgen.locale import Lang


@dataclass(frozen=True)
class Shown:
    """One number as a reader sees it, and the fact (metric or ranking id) it comes from.

    ``text`` is the value with its unit and the article's hedge (4700余家, 近3000列); ``mark``
    is the locale's derived mark for a value computed from reported ones, else empty.
    """

    fact: str
    text: str
    mark: str = ""
    qualifier: str = "exact"

    @property
    def display(self) -> str:
        """The value with its derived mark, as a figure or a sentence shows it."""
        return self.text + self.mark

    @property
    def derived(self) -> bool:
        return bool(self.mark)


@dataclass(frozen=True)
class SourceNote:
    """Where one number comes from: its quote and article, or its derivation."""

    fact_id: str
    shown: str  # the value as the note names it
    quote: str | None
    article: str | None  # article title
    derivation: str | None = None
    facts: tuple[str, ...] = ()  # every fact the note stands for (one quote may hold several)


@dataclass(frozen=True)
class Citation:
    """A numbered source note of a page, worded: ``text`` starts with its number."""

    number: int
    text: str
    note: SourceNote


class Block:
    """A kind of content a slide or a page holds. Subclassing registers a kind."""

    kinds: ClassVar[list[type[Block]]] = []

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        Block.kinds.append(cls)

    def texts(self) -> tuple[str, ...]:
        """Every string the block prints (a renderer checks its font has their glyphs)."""
        raise NotImplementedError

    def checked_texts(self) -> tuple[str, ...]:
        """What the block prints in running text, where the check looks for the numbers the
        content put in it. Every kind says so itself, so a new kind is never skipped."""
        raise NotImplementedError(f"{type(self).__name__} does not say what the check reads")


@dataclass(frozen=True)
class KeyFigure:
    """A headline number: its label, its value and, beside it, its change and period."""

    label: str
    value: Shown
    change: Shown | None = None
    period: str = ""


@dataclass(frozen=True)
class Kpis(Block):
    """Key figures in a grid of ``rows`` by ``cols``, decided with the content (the kpi
    chart's rule), so a renderer only places them."""

    figures: tuple[KeyFigure, ...]
    rows: int
    cols: int

    def __post_init__(self) -> None:
        if self.rows * self.cols < len(self.figures):
            raise ValueError(
                f"a {self.rows} x {self.cols} grid cannot hold {len(self.figures)} figures"
            )

    def texts(self) -> tuple[str, ...]:
        return tuple(
            t
            for f in self.figures
            for t in (f.value.display, f.label, *((f.change.display,) if f.change else ()))
        )

    def checked_texts(self) -> tuple[str, ...]:
        return tuple(s.display for f in self.figures for s in (f.value, f.change) if s is not None)


@dataclass(frozen=True)
class Chart(Block):
    chart: ChartData

    def texts(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.chart.texts())

    def checked_texts(self) -> tuple[str, ...]:
        """None: a chart's labels are drawn, maybe as a picture, and checked by its own rules."""
        return ()


@dataclass(frozen=True)
class Table(Block):
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()  # right-align these columns
    striped: bool = True  # alternate rows on the theme's stripe colour
    #: Per row, per column: the number a cell shows, or None.
    shown: tuple[tuple[Shown | None, ...], ...] = ()

    def texts(self) -> tuple[str, ...]:
        return (*self.columns, *(cell for row in self.rows for cell in row))

    def checked_texts(self) -> tuple[str, ...]:
        return self.texts()


@dataclass(frozen=True)
class Bullets(Block):
    items: tuple[str, ...]
    heading: str | None = None
    shown: tuple[tuple[Shown, ...], ...] = ()  # per item: the numbers it shows

    def texts(self) -> tuple[str, ...]:
        return (self.heading or "", *self.items)

    def checked_texts(self) -> tuple[str, ...]:
        return self.texts()


@dataclass(frozen=True)
class Prose(Block):
    """A paragraph of running text."""

    text: str

    def texts(self) -> tuple[str, ...]:
        return (self.text,)

    def checked_texts(self) -> tuple[str, ...]:
        return self.texts()


@dataclass(frozen=True)
class SourceList(Block):
    """A page's numbered source notes, in citation order."""

    citations: tuple[Citation, ...]

    def texts(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.citations)

    def checked_texts(self) -> tuple[str, ...]:
        return self.texts()


@dataclass(frozen=True)
class Slide:
    id: str
    layout: str
    title: str
    subtitle: str | None = None
    blocks: tuple[Block, ...] = ()
    note: str | None = None  # the slide's own footnote
    talking_points: tuple[str, ...] = ()
    sources: tuple[SourceNote, ...] = ()
    footnotes: tuple[str, ...] = ()  # what the slide's foot shows: chart notes, then its note
    speaker_notes: tuple[str, ...] = ()  # lines: talking points, then worded sources
    shown: tuple[Shown, ...] = ()  # every number on the slide or in its notes

    @property
    def is_content(self) -> bool:
        return self.layout not in ("Title", "Section", "Closing")


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    lang: Lang
    date: str  # ISO date the document is about (the source's date)


@dataclass(frozen=True)
class Running:
    """What a master's footer and date placeholders show on content slides (where the
    master has them): the deck's subject and the date it is about, worded for its language."""

    footer: str = ""
    date: str = ""


@dataclass(frozen=True)
class Deck:
    info: DocumentInfo
    slides: tuple[Slide, ...] = field(default_factory=tuple)
    running: Running = field(default_factory=Running)


CITE_OPEN, CITE_CLOSE = "\ue000", "\ue001"  # around a source-note number inside a text
#: A whole citation marker; its number is group 1. Data can never hold these characters
#: (reportgen.text.safe refuses private-use text), so every match is the content model's own.
CITATION = re.compile(f"{CITE_OPEN}(\\d{{1,4}}){CITE_CLOSE}")
#: A printed citation mark (``citation_mark``) in a page's extracted text.
CITATION_MARK = re.compile(r"\[\d+\]")


def citation_mark(number: int) -> str:
    """A citation number as a page prints it after a value: in brackets, so a copied
    "60多个[17]" never reads as 6017. The renderer prints it and the checks look for it."""
    return f"[{number}]"


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Summary:
    """The PDF summary: a title block, a lead, and sections; the last holds the notes.

    Texts may hold citation markers (CITE_OPEN n CITE_CLOSE) that the renderer turns into
    superscript numbers pointing at the citation numbered n.
    """

    info: DocumentInfo
    title: str
    byline: str
    lead: str
    sections: tuple[Section, ...]
    shown: tuple[Shown, ...] = ()  # every number of the summary, in order of first use

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(
            c
            for s in self.sections
            for b in s.blocks
            if isinstance(b, SourceList)
            for c in b.citations
        )
