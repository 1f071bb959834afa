"""The document model: a deck (or summary) of sections made of blocks, decided once.

Renderers draw these objects and nothing else: the PPTX renderer and the PDF renderer get the
same blocks, so a number is chosen, formatted and sourced in one place. Every value carries
the ids of the facts behind it; every slide carries its sources for the speaker notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen import locale
from reportgen.charts.model import ChartData, Point
from reportgen.formatting import Lang


@dataclass(frozen=True)
class SourceNote:
    """Where one number on a slide comes from: its quote and article, or its derivation."""

    fact_id: str
    shown: str  # the value as the slide shows it
    quote: str | None
    article: str | None  # article title
    derivation: str | None = None


@dataclass(frozen=True)
class Kpis:
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Chart:
    chart: ChartData


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()  # right-align these columns


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    heading: str | None = None


Block = Kpis | Chart | Table | Bullets


@dataclass(frozen=True)
class Slide:
    id: str
    layout: str
    title: str
    subtitle: str | None = None
    blocks: tuple[Block, ...] = ()
    note: str | None = None  # a footnote on the slide
    talking_points: tuple[str, ...] = ()
    sources: tuple[SourceNote, ...] = ()

    @property
    def is_content(self) -> bool:
        return self.layout not in ("Title", "Section", "Closing")

    def notes_text(self, lang: Lang) -> str:
        """Speaker notes: talking points, then the source of every number on the slide."""
        lines = [f"• {point}" for point in self.talking_points]
        if self.sources:
            lines.append("")
            lines.append(locale.get(lang).SOURCES_HEADING)
            for source in self.sources:
                if source.derivation:
                    lines.append(f"{source.shown} — {source.derivation}")
                else:
                    where = locale.get(lang).quoted_title(source.article)
                    lines.append(f"{source.shown} — “{source.quote}” {where}")
        return "\n".join(lines)


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    lang: Lang
    date: str  # ISO date the document is about (the source's date)


@dataclass(frozen=True)
class Deck:
    info: DocumentInfo
    slides: tuple[Slide, ...] = field(default_factory=tuple)


CITE_OPEN, CITE_CLOSE = "\ue000", "\ue001"  # around a source-note number inside a text
#: A whole citation marker; its number is group 1. Data can never hold these characters
#: (reportgen.text.safe refuses private-use text), so every match is the content model's own.
CITATION = re.compile(f"{CITE_OPEN}(\\d{{1,4}}){CITE_CLOSE}")


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Summary:
    """The PDF summary: a title block, a lead, sections, and numbered source notes.

    Texts may hold citation markers (CITE_OPEN n CITE_CLOSE) that the renderer turns into
    superscript numbers pointing at ``notes[n - 1]``.
    """

    info: DocumentInfo
    title: str
    byline: str
    lead: str
    sections: tuple[Section, ...]
    notes: tuple[SourceNote, ...]
    derived_note: str
