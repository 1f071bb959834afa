"""Charts: specs resolved against the data, drawn by matplotlib, written reproducibly.

``render_charts`` is the pipeline behind ``reportgen charts``: resolve every chart spec it is
given, draw each one (or take it from the cache), and write PNG and SVG files plus a manifest
holding each chart's alt text, takeaway, footnotes and the ids of the facts it shows. It takes
the specs, theme and face themselves, not the template they come from: the template is read
above this layer (data -> charts -> renderers, never back up).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.charts.model import ChartData
from reportgen.outputs import atomic_write

if TYPE_CHECKING:
    from reportgen.charts.spec import ChartSpec
    from reportgen.data import Dataset
    from reportgen.fonts import Face
    from reportgen.locale import Lang
    from reportgen.theme import Theme

__all__ = ["ChartFile", "render_charts", "resolve_all"]


@dataclass(frozen=True)
class ChartFile:
    chart: ChartData
    path: Path
    cached: bool


def resolve_all(dataset: Dataset, specs: Sequence[ChartSpec], lang: Lang) -> list[ChartData]:
    """Every chart's data, resolved before anything is drawn so errors come first."""
    from reportgen.charts.resolve import resolve_chart

    return [resolve_chart(spec, dataset, lang) for spec in specs]


def render_charts(
    dataset: Dataset,
    specs: Sequence[ChartSpec],
    lang: Lang,
    out_dir: Path,
    *,
    theme: Theme,
    face: Face,
    formats: tuple[str, ...] = ("png", "svg"),
    use_cache: bool = True,
) -> list[ChartFile]:
    """Draw and write every chart in one language, in ``theme`` with text set in ``face``;
    returns the files written."""
    from reportgen.charts.export import chart_bytes

    charts = resolve_all(dataset, specs, lang)
    written: list[ChartFile] = []
    for chart in charts:
        for fmt in formats:
            data, cached = chart_bytes(chart, theme, face, fmt, use_cache=use_cache)
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
