"""The build pipeline, top to bottom: load and check everything, then draw, then write.

Data and template problems surface before any drawing starts, and every file is written
atomically, so a failed build leaves the previous outputs as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import Problem, TemplateError, UsageError
from reportgen.formatting import Lang
from reportgen.outputs import atomic_write
from reportgen.paths import display_path
from reportgen.template import DEFAULT_TEMPLATE, Template, load_template


@dataclass(frozen=True)
class Built:
    path: Path
    kind: str
    lang: str
    pages: int  # slides or pages


def resolve_template(name_or_path: str | Path, metric_ids: set[str]) -> Template:
    """A template folder or name; or an organisation's own .pptx master, used with the
    default template's theme and plans."""
    path = Path(name_or_path)
    if path.suffix.lower() == ".pptx":
        if not path.is_file():
            raise TemplateError(
                [Problem(display_path(path), None, None, None, "PowerPoint master not found")]
            )
        base = load_template(DEFAULT_TEMPLATE, metric_ids)
        from dataclasses import replace

        return replace(base, master_override=path)
    return load_template(name_or_path, metric_ids)


def deck_filename(dataset_id: str, template: Template, lang: str) -> str:
    """What and when: the data set (its id carries the period), the template, the language."""
    return f"{dataset_id}_{template.name}_{lang}.pptx"


def summary_filename(dataset_id: str, template: Template, lang: str) -> str:
    return f"{dataset_id}_{template.name}-summary_{lang}.pdf"


def build(
    data_dir: Path,
    template_name: str | Path,
    langs: list[Lang],
    formats: list[str],
    out_dir: Path,
) -> list[Built]:
    """Load and check everything, render every output in memory, then write them all."""
    from reportgen.data import load_dataset

    dataset = load_dataset(data_dir)
    template = resolve_template(template_name, {m.id for m in dataset.metrics})
    for fmt, plan in (("pptx", template.deck), ("pdf", template.summary)):
        if fmt in formats and plan is None:
            name = "deck.yaml" if fmt == "pptx" else "summary.yaml"
            raise UsageError(f"template '{template.name}' has no {name} for --format {fmt}")
    rendered: list[tuple[Path, bytes, Built]] = []
    for lang in langs:
        if "pptx" in formats:
            from reportgen.content.deck import build_deck
            from reportgen.render.pptx import render_deck

            deck = build_deck(dataset, template, template.deck, lang)
            path = out_dir / deck_filename(dataset.info.id, template, lang)
            rendered.append(
                (path, render_deck(deck, template), Built(path, "pptx", lang, len(deck.slides)))
            )
        if "pdf" in formats:
            from reportgen.content.summary import build_summary
            from reportgen.render.pdf import page_count, render_summary

            summary = build_summary(dataset, template, template.summary, lang)
            path = out_dir / summary_filename(dataset.info.id, template, lang)
            data = render_summary(summary, template)
            rendered.append((path, data, Built(path, "pdf", lang, page_count(data))))
    for path, data, _ in rendered:  # nothing is written until everything has rendered
        atomic_write(path, data)
    return [built for _, _, built in rendered]
