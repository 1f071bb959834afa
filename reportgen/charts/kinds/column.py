"""Column chart: several series over the same periods (foreign trade, 2021 and 2022).

Each series is a list of metrics, one per period; the periods are the categories. Every
column carries its value label, so the value axis keeps only faint gridlines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen.charts import lookup
from reportgen.charts.canvas import LINE, PT, Canvas
from reportgen.charts.kinds.parts import Kind, NativePart, require
from reportgen.charts.lookup import ChartError
from reportgen.charts.model import ChartData, Series
from reportgen.charts.wording import colon, labelled, separators
from reportgen.formatting import format_period

if TYPE_CHECKING:
    from pptx.chart.data import CategoryChartData

    from reportgen.charts.kinds.native import NativeChart
    from reportgen.charts.spec import ChartSpec
    from reportgen.data import Dataset
    from reportgen.locale import Lang


def check(spec: ChartSpec) -> None:
    require(spec, "series", bool(spec.series))


def resolve(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict[str, Any]:
    grid = [[dataset.metric(item.metric) for item in s.metrics] for s in spec.series]
    lengths = {len(row) for row in grid}
    if len(lengths) != 1:
        raise ChartError(f"chart '{spec.id}': every series needs the same number of metrics")
    flat = [m for row in grid for m in row]
    unit = lookup.one_unit(spec, flat)
    _, scale, axis = lookup.axis(unit, [m.value for m in flat], lang)
    categories = tuple(format_period(m.period, lang) for m in grid[0])
    series = tuple(
        Series(
            s.label[lang],
            tuple(lookup.point(m, categories[i], lang) for i, m in enumerate(row)),
        )
        for s, row in zip(spec.series, grid, strict=True)
    )
    return {
        "categories": categories,
        "series": series,
        "axis_label": axis,
        "scale": scale,
        "footnotes": lookup.derivation_notes(flat, dataset, lang),
    }


def _at(chart: ChartData, index: int) -> str:
    """Every series' value in one category: 2022年：对外贸易额360亿元、…"""
    comma, _, _ = separators(chart.lang)
    values = comma.join(labelled(s.label, s.points[index], chart.lang) for s in chart.series)
    return f"{chart.categories[index]}{colon(chart.lang)}{values}"


def alt_body(chart: ChartData) -> list[str]:
    return [_at(chart, index) for index in range(len(chart.categories))]


def takeaway(chart: ChartData) -> str:
    """The latest category's values."""
    _, _, stop = separators(chart.lang)
    return _at(chart, len(chart.categories) - 1) + stop


def draw(c: Canvas, bottom: float, top: float) -> None:
    chart = c.chart
    legend_h = (c.sizes.chart_label * PT * LINE + 0.1) / c.height_in
    ax = c.axes(bottom, top - legend_h, below_in=c.below_axis(False))
    c.style_axes(ax)
    n = len(chart.series)
    width = 0.72 / n
    values = [p.value / chart.scale for p in chart.points()]
    peak, low = max(max(values), 0.0), min(min(values), 0.0)
    reach = (peak - low) or 1.0  # the columns' extent, for offsets that scale with the chart
    for i, series in enumerate(chart.series):
        colour = c.colors.series[i % len(c.colors.series)]
        for j, point in enumerate(series.points):
            x = j + (i - (n - 1) / 2) * width
            value = point.value / chart.scale
            ax.bar(x, value, width * 0.92, **c.bar_style(point, colour))
            below = value < 0  # a fall hangs below the zero line, its label under it
            ax.text(
                x,
                value - reach * 0.02 if below else value + reach * 0.02,
                point.text,
                ha="center",
                va="top" if below else "bottom",
                fontsize=c.sizes.chart_label,
                family=c.face.family,
                color=c.colors.text,
            )
    ax.set_xticks(range(len(chart.categories)), chart.categories)
    ax.set_ylim(low - reach * 0.16 if low < 0 else 0, peak * 1.16 if peak > 0 else reach * 0.05)
    if low < 0:
        ax.axhline(0, color=c.colors.grid, linewidth=1.0, zorder=1)
    # Every column carries its value label (with its hedge and unit), so the value axis keeps
    # only faint gridlines for scale: no tick numbers that no fact stands behind.
    ax.yaxis.grid(True, color=c.colors.grid, linewidth=0.6)
    ax.tick_params(axis="y", labelleft=False)
    ax.spines["left"].set_visible(False)
    ax.set_axisbelow(True)
    handles = [
        c.patch(facecolor=c.colors.series[i % len(c.colors.series)], label=s.label)
        for i, s in enumerate(chart.series)
    ]
    if any(p.derived for p in chart.points()):
        handles.append(c.derived_legend_patch())
    c.fig.legend(
        handles=handles,
        loc="upper left",
        ncols=len(handles),
        frameon=False,
        bbox_to_anchor=(0.9 / c.width_in - 0.01, top + 0.01),
        prop={"family": c.face.family, "size": c.sizes.chart_label},
    )
    c.style_axes(ax)


def native_data(chart: ChartData, data: CategoryChartData) -> None:
    data.categories = list(chart.categories)
    for series in chart.series:
        data.add_series(series.label, [p.value / chart.scale for p in series.points])


def native_style(n: NativeChart, chart: ChartData) -> None:
    from pptx.enum.chart import XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION

    from reportgen.charts.kinds.native import nice_ceiling, rgb

    native, colours = n.native, n.colors
    n.plot.gap_width = 60
    n.plot.overlap = -10
    for index, series in enumerate(chart.series):
        colour = colours.series[index % len(colours.series)]
        native_series = n.plot.series[index]
        native_series.format.fill.solid()
        native_series.format.fill.fore_color.rgb = rgb(colour)
        for j, point in enumerate(series.points):
            n.fill(native_series.points[j].format, point, colour)
            n.label(
                native_series.points[j],
                point.text,
                n.label_size,
                colours.text,
                XL_LABEL_POSITION.OUTSIDE_END,
            )
    native.has_legend = True
    native.legend.position = XL_LEGEND_POSITION.TOP
    native.legend.include_in_layout = False
    axis = native.value_axis
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = rgb(colours.grid)
    axis.format.line.fill.background()
    if chart.axis_label:
        axis.has_title = True
        n.set_text(axis.axis_title.text_frame, chart.axis_label, n.sizes.body - 3, colours.muted)
    values = [p.value / chart.scale for p in chart.points()]
    peak, low = max(max(values), 0.0), min(min(values), 0.0)
    axis.maximum_scale = nice_ceiling(peak * 1.15) if peak > 0 else 0
    axis.minimum_scale = -nice_ceiling(-low * 1.15) if low < 0 else 0
    if low < 0:  # the categories stay below the chart, not on the zero line in a column
        native.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW


KIND = Kind(
    name="column",
    check=check,
    resolve=resolve,
    alt_body=alt_body,
    takeaway=takeaway,
    draw=draw,
    native=NativePart("COLUMN_CLUSTERED", native_data, native_style),
)
