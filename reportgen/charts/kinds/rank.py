"""Rank chart: the zone's place in an annual assessment, year by year (4th, 2nd, 1st).

Read from the dataset's rankings table rather than from metrics: one entity's places in one
assessment (``reportgen.data.trajectory``; a table that ranks several entities is never drawn
as one line); drawn as a line with first place at the top, the latest year highlighted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen import locale
from reportgen.charts.canvas import Canvas
from reportgen.charts.kinds.parts import Kind, NativePart, require
from reportgen.charts.lookup import ChartError
from reportgen.charts.model import ChartData, Point, Series
from reportgen.charts.wording import listed, listing
from reportgen.data.trajectory import rank_scale, trajectory
from reportgen.formatting import rank_text

if TYPE_CHECKING:
    from pptx.chart.data import CategoryChartData

    from reportgen.charts.kinds.native import NativeChart
    from reportgen.charts.spec import ChartSpec
    from reportgen.data import Dataset
    from reportgen.locale import Lang


def check(spec: ChartSpec) -> None:
    require(spec, "table: rankings", spec.table == "rankings")


def resolve(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict[str, Any]:
    rankings = trajectory(dataset.rankings, dataset.info.subject)
    if not rankings:
        raise ChartError(f"chart '{spec.id}': the dataset has no rankings")
    words = locale.get(lang)
    years = tuple(words.assessment_year(r.year) for r in rankings)
    points = tuple(
        Point(label=y, value=float(r.rank), text=rank_text(r.rank, lang), sources=(r.id,))
        for y, r in zip(years, rankings, strict=True)
    )
    assessment = rankings[0].assessment[lang] or dataset.assessment[lang] or ""
    entity = rankings[0].entity[lang]  # a line of someone not the subject says whose it is
    if entity:
        assessment = entity + words.aside(assessment) if assessment else entity
    return {
        "categories": years,
        "series": (Series(assessment, points),),
        "axis_label": words.RANK_AXIS,
    }


def takeaway(chart: ChartData) -> str:
    """Where the rank went from the first year to the last (a lower number is better)."""
    points = chart.points()
    if len(points) < 2:
        return listed(chart)
    first, last = points[0], points[-1]
    moved = "up" if last.value < first.value else "down" if last.value > first.value else "held"
    return locale.get(chart.lang).rank_moved(
        (first.label, first.text), (last.label, last.text), moved
    )


def draw(c: Canvas, bottom: float, top: float) -> None:
    chart = c.chart
    points = chart.points()
    ax = c.axes(bottom, top, left_in=1.0, right_in=0.5, below_in=c.below_axis(False))
    c.style_axes(ax)
    xs = list(range(len(points)))
    ys = [p.value for p in points]
    worst = max(ys)
    ax.plot(xs, ys, color=c.colors.primary, linewidth=2.4, zorder=2)
    for x, point in zip(xs, points, strict=True):
        best = point is points[-1]
        ax.scatter(
            [x], [point.value], s=160, zorder=3, color=c.colors.accent if best else c.colors.primary
        )
        ax.text(
            x,
            point.value - 0.22,
            point.text,
            ha="center",
            va="bottom",
            fontsize=c.sizes.chart_label + 1,
            family=c.face.family,
            color=c.colors.accent if best else c.colors.primary,
        )
    ax.set_xticks(xs, list(chart.categories))
    ticks = list(rank_scale(int(y) for y in ys))
    ax.set_yticks(ticks, [rank_text(t, chart.lang) for t in ticks])
    if ticks[0] == 1:
        ax.set_ylim(worst + 0.6, 0.4)  # inverted: first place at the top
    else:  # a long scale shows the span of the places drawn (23rd to 18th), not 1st to 23rd
        pad = max(0.6, (worst - min(ys)) * 0.25)
        ax.set_ylim(worst + pad, max(0.4, min(ys) - pad))
    ax.set_xlim(-0.4, len(points) - 0.6)
    ax.yaxis.grid(True, color=c.colors.grid, linewidth=0.6)
    ax.set_axisbelow(True)
    c.style_axes(ax)


def native_data(chart: ChartData, data: CategoryChartData) -> None:
    data.categories = list(chart.categories)
    data.add_series(chart.series[0].label or chart.title, [p.value for p in chart.points()])


def native_style(n: NativeChart, chart: ChartData) -> None:
    from pptx.enum.chart import XL_AXIS_CROSSES, XL_LABEL_POSITION, XL_TICK_LABEL_POSITION
    from pptx.util import Pt

    from reportgen.charts.kinds.native import rgb

    native, colours = n.native, n.colors
    points = chart.points()
    series = n.plot.series[0]
    series.format.line.color.rgb = rgb(colours.primary)
    series.format.line.width = Pt(3)
    series.smooth = False
    for j, point in enumerate(points):
        marker = series.points[j].marker
        marker.style = 8  # circle
        marker.size = 12
        best = j == len(points) - 1
        colour = colours.accent if best else colours.primary
        marker.format.fill.solid()
        marker.format.fill.fore_color.rgb = rgb(colour)
        marker.format.line.color.rgb = rgb(colour)
        n.label(series.points[j], point.text, n.label_size + 2, colour, XL_LABEL_POSITION.ABOVE)
    native.has_legend = False
    worst = max(p.value for p in points)
    axis = native.value_axis
    axis.reverse_order = True  # first place at the top
    axis.minimum_scale = 0.5
    axis.maximum_scale = worst + 0.5
    axis.major_unit = 1
    axis.crosses = XL_AXIS_CROSSES.MAXIMUM  # keep the years at the bottom
    axis.has_major_gridlines = False
    axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE  # each point is labelled
    axis.format.line.fill.background()
    native.category_axis.format.line.color.rgb = rgb(colours.grid)


KIND = Kind(
    name="rank",
    check=check,
    resolve=resolve,
    alt_body=listing,
    takeaway=takeaway,
    draw=draw,
    native=NativePart("LINE_MARKERS", native_data, native_style),
)
