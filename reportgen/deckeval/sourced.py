"""Whether each figure on a slide has its source sentence in that slide's speaker notes.

The figures a slide shows are read from the content model (each number carries its fact's
id); the notes are the deck's own, read back from the file. A derived figure has no sentence
(it has a formula) and is counted apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reportgen.content.model import Bullets, Chart, Kpis, Slide, Table

_SPACE = re.compile(r"\s+")


def figures_on(slide: Slide) -> tuple[str, ...]:
    """The fact ids of the numbers a slide shows (key figures, chart values, table cells and
    bullets; not its notes), in order, each once."""
    ids: list[str] = []
    for block in slide.blocks:
        if isinstance(block, Kpis):
            for figure in block.figures:
                ids.append(figure.value.fact)
                if figure.change is not None:
                    ids.append(figure.change.fact)
        elif isinstance(block, Chart):
            if block.chart.items:  # a timeline draws events, not figures
                continue
            ids += [s for p in block.chart.points() for s in p.sources]
            if block.chart.total is not None:
                ids += list(block.chart.total.sources)
        elif isinstance(block, Table):
            ids += [cell.fact for row in block.shown for cell in row if cell is not None]
        elif isinstance(block, Bullets):
            ids += [shown.fact for item in block.shown for shown in item]
    return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class Sourcing:
    """Figures on one slide: with their sentence in the notes, without it, derived."""

    slide: int
    with_sentence: tuple[str, ...]
    without: tuple[str, ...]
    derived: tuple[str, ...]


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def slide_sourcing(
    number: int,
    figures: Iterable[str],
    notes: Iterable[str],
    quotes: Mapping[str, str | None],
) -> Sourcing:
    """Which of ``figures`` (fact ids) have their quote (``quotes``; None for a derived
    figure) in the slide's ``notes`` lines. Whitespace is ignored: a renderer may wrap."""
    text = _squeeze("".join(notes))
    found, missing, derived = [], [], []
    for fact in figures:
        quote = quotes.get(fact)
        if quote is None:
            (derived if fact in quotes else missing).append(fact)
        elif _squeeze(quote) in text:
            found.append(fact)
        else:
            missing.append(fact)
    return Sourcing(number, tuple(found), tuple(missing), tuple(derived))


def fact_quotes(dataset) -> dict[str, str | None]:
    """Every metric's and ranking's source sentence by id; None for a derived metric."""
    quotes: dict[str, str | None] = {m.id: m.quote for m in dataset.metrics}
    quotes.update({r.id: r.quote for r in dataset.rankings})
    return quotes
