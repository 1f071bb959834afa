"""A small summary and a one-slide deck drawn from a data folder with the content layer's
own decisions (Facts, Citations, speaker notes): a lead that writes each figure's label
right before its value, as a planned lead does, and every figure's source note."""

from __future__ import annotations

from reportgen.content.facts import Facts
from reportgen.content.model import Deck, DocumentInfo, Section, Slide, SourceList, Summary
from reportgen.content.sources import Citations, speaker_notes


def _info(dataset, lang) -> DocumentInfo:
    return DocumentInfo(dataset.info.title[lang], "s", "reportgen", (), lang, "2023-03")


def summary(dataset, lang: str, lead: str | None = None) -> Summary:
    """The figures of ``dataset`` in a lead (label then value, or ``lead`` with {id} marks
    for each metric's value and citation), then their numbered notes."""
    facts = Facts(dataset, lang)
    cites = Citations(facts)
    ids = [m.id for m in dataset.metrics]
    values = {i: facts.value(i).display + cites.marker(i) for i in ids}
    text = (
        lead.format(**values)
        if lead
        else "；".join(dataset.metric(i).label[lang] + values[i] for i in ids)
    )
    notes = SourceList(cites.citations())
    return Summary(
        info=_info(dataset, lang),
        title=dataset.info.title[lang],
        byline="测试日报",
        lead=text,
        sections=(Section("资料来源与注释", (notes,)),),
        shown=facts.shown_all(ids),
    )


def deck(dataset, lang: str) -> Deck:
    """One slide whose speaker notes source every figure."""
    facts = Facts(dataset, lang)
    ids = [m.id for m in dataset.metrics]
    sources = facts.sources(ids)
    slide = Slide(
        id="end",
        layout="Closing",
        title=dataset.info.title[lang],
        sources=sources,
        speaker_notes=speaker_notes((), sources, lang),  # type: ignore[arg-type]
        shown=facts.shown_all(ids),
    )
    return Deck(_info(dataset, lang), (slide,))
