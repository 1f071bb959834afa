"""Source notes: how they are numbered and worded, in one place.

A slide's speaker notes name each number's source after its talking points; a page lists
numbered notes that its texts cite. The wording differs between the two (a slide's note reads
"360亿元 — “quote” 《title》", a page's "360亿元：“quote”《title》"), and both are written
here from the locale's forms (`slide_note`, `page_note`), so no renderer spells a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from reportgen import locale
from reportgen.content.facts import Facts
from reportgen.content.model import CITE_CLOSE, CITE_OPEN, Citation, SourceNote
from reportgen.locale import Lang

#: Where a note is read: in a slide's speaker notes, or in a page's numbered notes.
Place = Literal["slide", "page"]


def note_text(note: SourceNote, lang: Lang, place: Place) -> str:
    """One source note worded for where it is read."""
    words = locale.get(lang)
    if place == "slide":
        if note.derivation:
            return words.slide_derivation(note.shown, note.derivation)
        return words.slide_note(note.shown, note.quote, note.article)
    if note.derivation:
        return f"{note.shown}{words.COLON}{note.derivation}"
    return words.page_note(note.shown, note.quote, note.article)


def speaker_notes(
    talking_points: Sequence[str], sources: Sequence[SourceNote], lang: Lang
) -> tuple[str, ...]:
    """A slide's speaker notes, line by line: its talking points, then every number's source."""
    lines = [f"• {point}" for point in talking_points]
    if sources:
        lines.append("")
        lines.append(locale.get(lang).SOURCES_HEADING)
        lines += [note_text(source, lang, "slide") for source in sources]
    return tuple(lines)


class Citations:
    """Numbers a page's source notes in order of first citation; facts quoted from the same
    sentence share one note (360亿元 and 38.3% both cite "对外贸易额达360亿元，增长38.3%")."""

    def __init__(self, facts: Facts) -> None:
        self._facts = facts
        self._keys: list[str] = []
        self._grouped: dict[str, list[str]] = {}

    def number(self, fact_id: str) -> int:
        """The note number of a fact, given it now if it has none."""
        key = self._facts.quote_key(fact_id)
        if key not in self._grouped:
            self._keys.append(key)
            self._grouped[key] = []
        if fact_id not in self._grouped[key]:
            self._grouped[key].append(fact_id)
        return self._keys.index(key) + 1

    def numbers(self, fact_ids: Iterable[str]) -> str:
        """The note numbers of several facts as a table cell shows them: "1, 2"."""
        refs = [self.number(fact_id) for fact_id in fact_ids]
        return ", ".join(str(r) for r in dict.fromkeys(refs))

    def marker(self, fact_id: str) -> str:
        """The citation marker put after a number in a text."""
        return f"{CITE_OPEN}{self.number(fact_id)}{CITE_CLOSE}"

    def notes(self) -> tuple[SourceNote, ...]:
        """One note per number: its facts' values joined, the first fact's source."""
        joiner = locale.get(self._facts.lang).COMMA
        notes = []
        for key in self._keys:
            parts = self._facts.sources(self._grouped[key])
            first = parts[0]
            notes.append(
                SourceNote(
                    first.fact_id,
                    joiner.join(p.shown for p in parts),
                    first.quote,
                    first.article,
                    first.derivation,
                    tuple(p.fact_id for p in parts),
                )
            )
        return tuple(notes)

    def citations(self) -> tuple[Citation, ...]:
        """The numbered notes, worded for a page."""
        lang = self._facts.lang
        return tuple(
            Citation(n, f"{n}. {note_text(note, lang, 'page')}", note)
            for n, note in enumerate(self.notes(), start=1)
        )
