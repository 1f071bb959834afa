"""Charts: specs resolved against the data, drawn by matplotlib, written reproducibly.

``render_charts`` is the pipeline behind ``reportgen charts``: resolve every chart the template
plans, draw each one (or take it from the cache), and write PNG and SVG files plus a manifest
holding each chart's alt text, takeaway, footnotes and the ids of the facts it shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.charts.model import ChartData
from reportgen.outputs import atomic_write

if TYPE_CHECKING:
    from reportgen.data import Dataset
    from reportgen.formatting import Lang
    from reportgen.template import Template

__all__ = ["ChartFile", "render_charts", "resolve_all"]


@dataclass(frozen=True)
class ChartFile:
    chart: ChartData
    path: Path
    cached: bool


def resolve_all(dataset: Dataset, template: Template, lang: Lang) -> list[ChartData]:
    """Every planned chart's data, resolved before anything is drawn so errors come first."""
    from reportgen.charts.resolve import resolve_chart

    return [resolve_chart(spec, dataset, lang) for spec in template.charts]


def render_charts(
    dataset: Dataset,
    template: Template,
    lang: Lang,
    out_dir: Path,
    *,
    formats: tuple[str, ...] = ("png", "svg"),
    use_cache: bool = True,
) -> list[ChartFile]:
    """Draw and write every planned chart in one language; returns the files written."""
    from reportgen.charts.export import chart_bytes

    charts = resolve_all(dataset, template, lang)
    face = template.face("east_asian")
    written: list[ChartFile] = []
    for chart in charts:
        for fmt in formats:
            data, cached = chart_bytes(chart, template.theme, face, fmt, use_cache=use_cache)
            path = out_dir / f"{chart.id}.{lang}.{fmt}"
            atomic_write(path, data)
            written.append(ChartFile(chart, path, cached))
    manifest = [
        {
            "id": c.id,
            "kind": c.kind,
            "title": c.title,
            "alt_text": c.alt_text,
            "takeaway": c.takeaway,
            "footnotes": list(c.footnotes),
            "sources": sorted(
                {s for p in c.points() for s in p.sources} | {i.source for i in c.items}
            ),
            "files": [f.path.name for f in written if f.chart is c],
        }
        for c in charts
    ]
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    atomic_write(out_dir / f"charts.{lang}.json", text.encode("utf-8"))
    return written
