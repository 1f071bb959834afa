"""One deck's numbers, the pooled numbers of a set, and how both are printed (a table or JSON)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from reportgen.deckeval.path import LANGS


@dataclass(frozen=True)
class Hit:
    """One text that counts against a deck, and why."""

    lang: str
    slide: int
    place: str  # title, text, table, chart, notes
    text: str
    why: str  # the placeholder forms, the chart's mixes, "untranslated"


@dataclass
class DeckReport:
    name: str
    articles: list[str]
    built: bool = False
    failure: str = ""  # first failed step and its first error line
    slides: dict[str, int] = field(default_factory=dict)  # per language
    placeholder_slide_texts: int = 0  # texts (or empty frames) on slides, both languages
    placeholder_note_texts: int = 0  # lines of speaker notes, both languages
    placeholder_forms: dict[str, int] = field(default_factory=dict)
    charts: int = 0  # charts with a value axis (zh deck)
    mixed_charts: int = 0
    figures: int = 0  # figures shown on slides with a source sentence (zh and en decks)
    figures_sourced: int = 0  # ... whose sentence is in that slide's notes
    figures_derived: int = 0  # derived figures (a formula, no sentence): not counted above
    untranslated_slides: int = 0  # English slides showing Chinese
    untranslated_texts: int = 0  # English slide texts holding Chinese
    untranslated_note_lines: int = 0  # English note lines with Chinese beside the quotes
    content_error: str = ""  # the content model could not be read back
    hits: list[Hit] = field(default_factory=list)

    @property
    def placeholders(self) -> int:
        return self.placeholder_slide_texts + self.placeholder_note_texts

    @property
    def sourced_share(self) -> float | None:
        return self.figures_sourced / self.figures if self.figures else None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["placeholders"] = self.placeholders
        data["sourced_share"] = self.sourced_share
        return data


_SUMMED = (
    "placeholder_slide_texts",
    "placeholder_note_texts",
    "charts",
    "mixed_charts",
    "figures",
    "figures_sourced",
    "figures_derived",
    "untranslated_slides",
    "untranslated_texts",
    "untranslated_note_lines",
)


def pooled(reports: list[DeckReport]) -> DeckReport:
    """The set as one: every count summed, over the decks that built."""
    total = DeckReport(f"all {len(reports)} decks", [a for r in reports for a in r.articles])
    total.built = all(r.built for r in reports)
    total.failure = "; ".join(f"{r.name}: {r.failure}" for r in reports if r.failure)
    for lang in LANGS:
        total.slides[lang] = sum(r.slides.get(lang, 0) for r in reports)
    forms: Counter[str] = Counter()
    for report in reports:
        for name in _SUMMED:
            setattr(total, name, getattr(total, name) + getattr(report, name))
        forms.update(report.placeholder_forms)
    total.placeholder_forms = dict(sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])))
    return total


def to_json(reports: list[DeckReport]) -> str:
    """Every deck and the pooled numbers, for tests and scripts."""
    data = {
        "decks": [r.as_dict() for r in reports],
        "pooled": {k: v for k, v in pooled(reports).as_dict().items() if k != "hits"},
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


_COLUMNS = (
    ("deck", 28),
    ("built", 5),
    ("slides zh/en", 12),
    ("placeholders slides/notes", 25),
    ("mixed charts", 12),
    ("figures with sentence", 21),
    ("EN slides/texts with Chinese", 28),
    ("EN note lines", 13),
)


def _row(report: DeckReport) -> list[str]:
    share = report.sourced_share
    return [
        report.name[-28:],
        "yes" if report.built else "NO",
        "/".join(str(report.slides.get(lang, 0)) for lang in LANGS),
        f"{report.placeholder_slide_texts}/{report.placeholder_note_texts}",
        f"{report.mixed_charts} of {report.charts}",
        f"{report.figures_sourced}/{report.figures}"
        + (f" ({share:.0%})" if share is not None else ""),
        f"{report.untranslated_slides}/{report.untranslated_texts}",
        str(report.untranslated_note_lines),
    ]


def format_table(reports: list[DeckReport], details: bool = False) -> str:
    """A table: one row per deck, then the pooled row; below it, what failed and which
    placeholder forms were seen (with ``details``, every text that counted)."""
    widths = [w for _, w in _COLUMNS]
    head = "  ".join(name.ljust(w) for (name, _), w in zip(_COLUMNS, widths, strict=True))
    lines = [head, "  ".join("-" * w for w in widths)]
    rows = [*reports, pooled(reports)] if len(reports) > 1 else list(reports)
    for n, report in enumerate(rows):
        if n == len(reports) and n:
            lines.append("  ".join("-" * w for w in widths))
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(_row(report), widths, strict=True)))
    lines.append("")
    lines.append(
        "figures with sentence: figures shown on a slide whose source sentence is in that "
        "slide's notes, zh and en decks (derived figures aside); EN note lines: lines of the "
        "English notes with Chinese beside the quoted source sentences (informational)"
    )
    for report in reports:
        if report.failure:
            lines.append(f"{report.name}: did not build: {report.failure}")
        if report.content_error:
            lines.append(f"{report.name}: content model not read: {report.content_error}")
    forms = pooled(reports).placeholder_forms
    if forms:
        lines.append(
            "placeholder forms: " + ", ".join(f"{name} {count}" for name, count in forms.items())
        )
    if details:
        for report in reports:
            for hit in report.hits:
                lines.append(
                    f"  {report.name} [{hit.lang}] slide {hit.slide} {hit.place}: "
                    f"{hit.why}: {hit.text[:90]}"
                )
    return "\n".join(lines)
