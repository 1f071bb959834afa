"""Key figures: up to eight headline values in a grid of tiles (4700余家, 近3000列, ...).

The grid rule (``kpi_grid``) is the one the deck's key-figure slide uses too. PowerPoint has
no such chart: the deck sets key figures as text, and a chart of this kind is a picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen.charts import lookup
from reportgen.charts.canvas import PT, Canvas
from reportgen.charts.kinds.parts import Kind, require_metrics
from reportgen.charts.model import Series
from reportgen.charts.wording import listed, listing

if TYPE_CHECKING:
    from reportgen.charts.spec import ChartSpec
    from reportgen.data import Dataset
    from reportgen.locale import Lang

MAX_FIGURES = 8


def kpi_grid(count: int) -> tuple[int, int]:
    """(rows, columns) for ``count`` figures: one row up to four, else rows of three."""
    cols = 3 if count > 4 else max(1, count)
    rows = (count + cols - 1) // cols
    return rows, cols


def check(spec: ChartSpec) -> None:
    require_metrics(spec)
    if len(spec.metrics) > MAX_FIGURES:
        raise ValueError(f"a 'kpi' figure holds at most {MAX_FIGURES} figures")


def resolve(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict[str, Any]:
    """The figures as they are, each in its own unit (no shared axis)."""
    metrics = [dataset.metric(item.metric) for item in spec.metrics]
    points = tuple(
        lookup.point(m, lookup.item_label(item, m, lang), lang)
        for item, m in zip(spec.metrics, metrics, strict=True)
    )
    return {
        "series": (Series(spec.title[lang], points),),
        "footnotes": lookup.derivation_notes(metrics, dataset, lang),
    }


def draw(c: Canvas, bottom: float, top: float) -> None:
    points = c.chart.points()
    rows, cols = kpi_grid(len(points))
    cell_w = 0.92 / cols
    cell_h = (top - bottom) / rows
    tile_w_in = cell_w * c.width_in - 0.3
    for index, point in enumerate(points):
        row, col = divmod(index, cols)
        x = 0.04 + col * cell_w + cell_w / 2
        y_top = top - row * cell_h
        size = c.sizes.chart_title * 1.9
        while c.width_pt(point.text, size) * PT > tile_w_in and size > c.sizes.chart_label:
            size -= 1
        colour = c.colors.primary
        c.text(
            x,
            y_top - cell_h * 0.42,
            point.text,
            size,
            ha="center",
            va="bottom",
            color=c.lighter(colour) if point.derived else colour,
        )
        label = "\n".join(c.wrap(point.label, tile_w_in, c.sizes.chart_label))
        c.text(
            x,
            y_top - cell_h * 0.48,
            label,
            c.sizes.chart_label,
            ha="center",
            va="top",
            color=c.colors.muted,
            linespacing=1.3,
        )


KIND = Kind(
    name="kpi",
    check=check,
    resolve=resolve,
    alt_body=listing,
    takeaway=listed,
    draw=draw,
)
