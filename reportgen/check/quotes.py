"""Source notes are quotations: their sentences are verified against the articles, not read
as figures.

A source note quotes the sentence a number comes from, and that sentence often holds other
figures (增加国家铁路建设投资1000亿元 beside the 25% the note is for). Read as figures, they
would be matched to whatever metric has the same value (首次突破千亿元, hedged) and stop the
build for a hedge the quote never needed. Given the content an output was drawn from, the
check knows every note it placed and the fact each note is for: the quote is proved to be
the fact's own quote in the data, and that quote a piece of its article (compared as
`validate` compares them), and then it is taken out of the text the numbers are read from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reportgen.content.model import SourceNote
from reportgen.data import Dataset
from reportgen.text.normalize import squash


def names(dataset: Dataset, lang: str) -> list[str]:
    """What a page names rather than states, in ``lang``: the articles' titles a source note
    cites (《…最高补贴20万元》), the metrics' labels (单日客流最高, a translated label that keeps
    a numeral) and the events' titles. A figure or a hedge word inside a name is its wording,
    not a figure the page shows: the figures are the values the content placed beside them."""
    found = [a.title[lang] for a in dataset.articles]
    found += [m.label[lang] for m in dataset.metrics]
    found += [e.title[lang] for e in dataset.events]
    return [name for name in found if name]


def quote_problems(note: SourceNote, dataset: Dataset) -> list[str]:
    """What is wrong with a note's quote: not its fact's quote in the data (the content is at
    fault), or not in its article (the data is at fault). Empty when it is a true quotation."""
    if note.quote is None:
        return []
    records = {r.id: r for r in (*dataset.metrics, *dataset.rankings)}
    record = records.get(note.fact_id)
    if record is None:
        return [f"{note.fact_id}: its source note is for no fact in the data (content)"]
    if getattr(record, "quote", None) != note.quote:
        return [
            f"{note.fact_id}: its source note quotes a sentence that is not the fact's quote "
            "in the data (content)"
        ]
    article = dataset.article_texts.get(record.article or "", "")
    if squash(note.quote) not in squash(article):
        return [
            f"{note.fact_id}: the quote of its source note is not in article "
            f"'{record.article}' (data: run reportgen validate)"
        ]
    return []


@lru_cache(maxsize=4096)
def _spaced(text: str) -> re.Pattern:
    """``text`` as a pattern that allows any whitespace between its characters: a drawn
    line may wrap anywhere inside a quote."""
    return re.compile(r"\s*".join(re.escape(ch) for ch in squash(text)))


def blank_quotations(text: str, quotes: Iterable[str]) -> str:
    """``text`` with every occurrence of each quote blanked (same length, so offsets hold)."""
    out = text
    for quote in sorted(set(quotes), key=len, reverse=True):
        if not squash(quote):
            continue
        out = _spaced(quote).sub(lambda m: re.sub(r"\S", " ", m.group()), out)
    return out


def verified_quotes(
    notes: Iterable[SourceNote], dataset: Dataset
) -> tuple[list[str], list[tuple[SourceNote, str]]]:
    """The quotes of ``notes`` proved to be quotations, and (note, problem) for the others."""
    good: list[str] = []
    bad: list[tuple[SourceNote, str]] = []
    for note in notes:
        problems = quote_problems(note, dataset)
        if problems:
            bad += [(note, problem) for problem in problems]
        elif note.quote:
            good.append(note.quote)
    return good, bad
