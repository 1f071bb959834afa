"""Bar chart: a few metrics in one unit, side by side (industry parks by kind).

Bars run horizontally so long Chinese labels read on one line; every bar carries its value
label, and a value with an open end (超过, 以上) gets a dashed arrow past its bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen.charts import lookup
from reportgen.charts.canvas import PT, Canvas
from reportgen.charts.kinds.parts import Kind, NativePart, require_metrics
from reportgen.charts.model import ChartData, Series
from reportgen.charts.wording import listed, listing

if TYPE_CHECKING:
    from pptx.chart.data import CategoryChartData

    from reportgen.charts.kinds.native import NativeChart
    from reportgen.charts.spec import ChartSpec
    from reportgen.data import Dataset
    from reportgen.locale import Lang


def check(spec: ChartSpec) -> None:
    require_metrics(spec)


def resolve(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict[str, Any]:
    """One series of the spec's metrics, in one unit, labelled by the spec or the metric."""
    metrics = [dataset.metric(item.metric) for item in spec.metrics]
    unit = lookup.one_unit(spec, metrics)
    _, scale, axis = lookup.axis(unit, [m.value for m in metrics], lang)
    points = tuple(
        lookup.point(m, lookup.item_label(item, m, lang), lang)
        for item, m in zip(spec.metrics, metrics, strict=True)
    )
    return {
        "categories": tuple(p.label for p in points),
        "series": (Series(spec.title[lang], points),),
        "axis_label": axis,
        "scale": scale,
        "footnotes": lookup.derivation_notes(metrics, dataset, lang),
    }


def draw_bars(c: Canvas, bottom: float, top: float, colours: list[str]) -> None:
    """Horizontal bars, coloured in turn from ``colours``."""
    chart = c.chart
    points = chart.points()
    # The label column is as wide as the widest label, at most 3 in. A label that fits it is
    # kept whole, judged by the same measure that sized the column (summing its characters'
    # widths instead can come out a hair wider and broke the widest label in two).
    size = c.sizes.chart_tick
    widths = [c.width_pt(p.label, size) * PT for p in points]
    text_w = min(3.0, max(widths))
    label_w = text_w + 0.2
    wrapped = [
        p.label if w <= text_w else "\n".join(c.wrap(p.label, text_w, size))
        for p, w in zip(points, widths, strict=True)
    ]
    ax = c.axes(bottom, top, left_in=label_w + 0.3, right_in=0.3, below_in=0.1)
    c.style_axes(ax)
    values = [p.value / chart.scale for p in points]
    peak, low = max(max(values), 0.0), min(min(values), 0.0)
    reach = (peak - low) or 1.0  # the bars' extent, for offsets that scale with the chart
    longest_text = max(c.width_pt(p.text, c.sizes.chart_label) for p in points) * PT
    axes_w = ax.get_position().width * c.width_in
    # Room on the right for the longest value label after the bar and its open-end marker:
    # peak * 1.085 (bar + marker + gap) in data units plus the label in inches must fit; a
    # value below zero (a fall) gets a bar to the left of the axis and room for its label.
    if low == 0:
        x_min, x_max = 0.0, peak * 1.085 * axes_w / max(axes_w - longest_text - 0.15, 0.5)
    else:
        sides = (longest_text + 0.15) * ((peak > 0) + 1)
        per_inch = reach * 1.085 / max(axes_w - sides, 0.5)
        x_min = low - reach * 0.0425 - (longest_text + 0.15) * per_inch
        x_max = x_min + per_inch * axes_w
    for y, point in enumerate(points):
        value = point.value / chart.scale
        colour = colours[y % len(colours)]
        ax.barh(y, value, 0.56, **c.bar_style(point, colour))
        end = value
        if point.qualifier in ("over", "at_least"):
            # An open end: the true value lies beyond the bar.
            ax.annotate(
                "",
                xy=(value + reach * 0.07, y),
                xytext=(value, y),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": colour,
                    "linestyle": "--",
                    "linewidth": 1.2,
                },
            )
            end = value + reach * 0.07
        below = value < 0
        ax.text(
            end - reach * 0.015 if below else end + reach * 0.015,
            y,
            point.text,
            va="center",
            ha="right" if below else "left",
            fontsize=c.sizes.chart_label,
            family=c.face.family,
            color=c.colors.text,
        )
    ax.set_yticks(range(len(points)), wrapped)
    ax.invert_yaxis()
    ax.set_xlim(x_min, x_max)
    if low < 0:  # the bars start at zero, mid-axis: draw it, and not the axis's own edge
        ax.axvline(0, color=c.colors.grid, linewidth=1.0, zorder=1)
        ax.spines["left"].set_visible(False)
    # Every bar carries its value label (with its hedge), so a value axis would only repeat
    # them less precisely.
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    if any(p.derived for p in points):
        ax.legend(
            handles=[c.derived_legend_patch()],
            loc="lower right",
            frameon=False,
            prop={"family": c.face.family, "size": c.sizes.chart_label},
        )
    c.style_axes(ax)


def draw(c: Canvas, bottom: float, top: float) -> None:
    draw_bars(c, bottom, top, [c.colors.primary])


def native_data(chart: ChartData, data: CategoryChartData) -> None:
    points = chart.points()
    data.categories = [p.label for p in points]
    data.add_series(chart.title, [p.value / chart.scale for p in points])


def style_bars(n: NativeChart, chart: ChartData, colours: list[str]) -> None:
    """Native horizontal bars, coloured in turn from ``colours``, first item at the top."""
    from pptx.enum.chart import XL_LABEL_POSITION, XL_TICK_LABEL_POSITION

    from reportgen.charts.kinds.native import nice_ceiling, rgb

    native = n.native
    points = chart.points()
    n.plot.gap_width = 70
    series = n.plot.series[0]
    for j, point in enumerate(points):
        colour = colours[j % len(colours)]
        n.fill(series.points[j].format, point, colour)
        n.label(
            series.points[j], point.text, n.label_size, n.colors.text, XL_LABEL_POSITION.OUTSIDE_END
        )
    native.has_legend = False
    native.category_axis.reverse_order = True  # first item at the top, as listed
    native.category_axis.format.line.color.rgb = rgb(n.colors.grid)
    value_axis = native.value_axis
    value_axis.visible = False
    value_axis.has_major_gridlines = False
    values = [p.value / chart.scale for p in points]
    peak, low = max(max(values), 0.0), min(min(values), 0.0)
    # Room for the value labels past each bar's end; a fall reaches left of zero.
    value_axis.minimum_scale = -nice_ceiling(-low * 1.7) if low < 0 else 0
    if low < 0:  # the labels stay at the chart's left edge, not on the zero line in a bar
        native.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    value_axis.maximum_scale = nice_ceiling(peak * 1.7) if peak > 0 else 0


def native_style(n: NativeChart, chart: ChartData) -> None:
    style_bars(n, chart, [n.colors.primary])


KIND = Kind(
    name="bar",
    check=check,
    resolve=resolve,
    alt_body=listing,
    takeaway=listed,
    draw=draw,
    native=NativePart("BAR_CLUSTERED", native_data, native_style),
)
