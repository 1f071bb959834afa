"""One built deck measured: the counters of ``DeckReport``, from the decks as files and the
content model that made them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from reportgen.deckeval.mixed import chart_mixing, fact_kinds
from reportgen.deckeval.path import LANGS, PathRun
from reportgen.deckeval.placeholders import placeholder_forms
from reportgen.deckeval.reading import SlideTexts, read_deck
from reportgen.deckeval.report import DeckReport, Hit
from reportgen.deckeval.sourced import fact_quotes, figures_on, slide_sourcing
from reportgen.deckeval.untranslated import untranslated, without_quotes

EMPTY_FRAME = "empty text frame"


def count_placeholders(
    report: DeckReport, lang: str, slides: Sequence[SlideTexts], units: Iterable[str] = ()
) -> None:
    """Texts (one paragraph, cell or note line each) holding a placeholder or generic form,
    and empty text frames on content slides."""
    units = tuple(units)
    forms: Counter[str] = Counter(report.placeholder_forms)
    for slide in slides:
        for text in slide.texts:
            title = text.place in ("title", "chart")
            found = placeholder_forms(text.text, title=title, units=units)
            if not found:
                continue
            if text.place == "notes":
                report.placeholder_note_texts += 1
            else:
                report.placeholder_slide_texts += 1
            forms.update(found)
            report.hits.append(Hit(lang, slide.number, text.place, text.text, ", ".join(found)))
        if slide.is_content:
            for name in slide.empty_frames:
                report.placeholder_slide_texts += 1
                forms[EMPTY_FRAME] += 1
                report.hits.append(Hit(lang, slide.number, "text", name, EMPTY_FRAME))
    report.placeholder_forms = dict(sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])))


def count_untranslated(
    report: DeckReport, slides: Sequence[SlideTexts], quotes: Iterable[str] = ()
) -> None:
    """Chinese on the English deck: slides and texts (notes apart), and note lines that hold
    Chinese besides the quoted source sentences and article titles."""
    quotes = tuple(quotes)
    for slide in slides:
        found = [t for t in slide.shown() if untranslated(t.text)]
        report.untranslated_texts += len(found)
        report.untranslated_slides += bool(found)
        report.hits += [Hit("en", slide.number, t.place, t.text, "untranslated") for t in found]
        for line in slide.notes():
            if untranslated(without_quotes(line.text, quotes)):
                report.untranslated_note_lines += 1
                report.hits.append(Hit("en", slide.number, "notes", line.text, "untranslated"))


def _picture_chart_texts(slide_model, number: int) -> list:
    """The strings of charts placed as pictures (not readable in the file): from the model."""
    from reportgen.charts.kinds import NATIVE_KINDS
    from reportgen.content.model import Chart
    from reportgen.deckeval.reading import Text

    return [
        Text(number, "chart", text)
        for block in slide_model.blocks
        if isinstance(block, Chart) and block.chart.kind not in NATIVE_KINDS
        for _, text in block.chart.texts()
    ]


def _with_pictures(slides: tuple[SlideTexts, ...], deck_model) -> tuple[SlideTexts, ...]:
    from dataclasses import replace

    if deck_model is None or len(deck_model.slides) != len(slides):
        return slides
    return tuple(
        replace(s, texts=s.texts + tuple(_picture_chart_texts(m, s.number)))
        for s, m in zip(slides, deck_model.slides, strict=True)
    )


def content_models(run: PathRun) -> tuple[object, dict]:
    """The dataset and the deck content model per language, as the build made them."""
    from reportgen.content.deck import build_deck
    from reportgen.data import load_dataset
    from reportgen.template import load_template

    dataset = load_dataset(run.data)
    template = load_template(run.template, {m.id for m in dataset.metrics})
    if template.deck is None:
        raise ValueError(f"{run.template}: the template plans no deck")
    return dataset, {lang: build_deck(dataset, template, template.deck, lang) for lang in LANGS}


def measure(name: str, articles: Sequence[Path], run: PathRun) -> DeckReport:
    """Every counter of one deck that went (or did not go) through the path."""
    report = DeckReport(name, [str(a) for a in articles], built=run.ok, failure=run.failure)
    if not run.ok:
        return report
    dataset, models = None, {}
    try:
        dataset, models = content_models(run)
    except Exception as exc:  # measured, not fatal: the file-based counters still run
        report.content_error = f"{type(exc).__name__}: {exc}".splitlines()[0]
    units = {m.unit for m in dataset.metrics} if dataset is not None else set()
    for lang in LANGS:
        path = run.decks.get(lang)
        if path is None:
            report.content_error = report.content_error or f"no {lang} deck in {run.out}"
            continue
        model = models.get(lang)
        slides = _with_pictures(read_deck(path), model)
        report.slides[lang] = len(slides)
        count_placeholders(report, lang, slides, units)
        if lang == "en":
            count_untranslated(report, slides, _original_texts(dataset))
        if model is None:
            continue
        if len(model.slides) != len(slides):
            report.content_error = report.content_error or (
                f"the {lang} deck has {len(slides)} slides, its content model {len(model.slides)}"
            )
            continue
        if lang == LANGS[0]:  # the charts are the same in every language
            count_mixed(report, lang, model.slides, dataset)
        count_sourced(report, lang, model.slides, slides, fact_quotes(dataset))
    return report


def count_mixed(report: DeckReport, lang: str, model_slides: Sequence, dataset) -> None:
    """Charts with a value axis, and those mixing roles, units or period kinds on it."""
    kinds, values = fact_kinds(dataset), _values(dataset)
    for number, slide in enumerate(model_slides, 1):
        for chart in _charts(slide):
            mixing = chart_mixing(chart, kinds, values)
            if mixing is None:
                continue
            report.charts += 1
            if mixing.mixed:
                report.mixed_charts += 1
                why = f"mixes {', '.join(mixing.mixes)}: {_kinds_text(mixing)}"
                report.hits.append(Hit(lang, number, "chart", chart.id, why))


def count_sourced(
    report: DeckReport,
    lang: str,
    model_slides: Sequence,
    slides: Sequence[SlideTexts],
    quotes: dict[str, str | None],
) -> None:
    """Figures on each slide (from the model) with their sentence in its notes (the file's)."""
    for slide, texts in zip(model_slides, slides, strict=True):
        notes = [t.text for t in texts.notes()]
        sourcing = slide_sourcing(texts.number, figures_on(slide), notes, quotes)
        report.figures += len(sourcing.with_sentence) + len(sourcing.without)
        report.figures_sourced += len(sourcing.with_sentence)
        report.figures_derived += len(sourcing.derived)
        for fact in sourcing.without:
            report.hits.append(Hit(lang, texts.number, "notes", fact, "no source sentence"))


def _charts(slide) -> list:
    from reportgen.content.model import Chart

    return [block.chart for block in slide.blocks if isinstance(block, Chart)]


def _values(dataset) -> dict[str, float]:
    values = {m.id: float(m.value) for m in dataset.metrics}
    values.update({r.id: float(r.rank) for r in dataset.rankings})
    return values


def _kinds_text(mixing) -> str:
    return "; ".join(
        f"{fact} {kind.role or '?'} {kind.unit} {kind.period_kind or ''}".rstrip()
        for fact, kind in mixing.facts
    )


def _original_texts(dataset) -> list[str]:
    """What an English note quotes in the original on purpose: source sentences, titles."""
    if dataset is None:
        return []
    found = [q for q in fact_quotes(dataset).values() if q]
    found += [e.quote for e in dataset.events]
    found += [a.title["zh"] for a in dataset.articles if a.title["zh"]]
    return found
