"""Native, editable PowerPoint charts from ChartData.

The data sits in the chart's embedded workbook, so a presenter can edit it in PowerPoint.
Value labels are the chart's own display texts (with hedges: 近3000列, 超过1300亿元), derived
points get a hatched pattern fill, and every text in the chart has Latin and East Asian fonts.
"""

from __future__ import annotations

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_AXIS_CROSSES,
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_PATTERN
from pptx.oxml.ns import qn
from pptx.util import Pt

from reportgen import locale
from reportgen.charts.model import ChartData, Point
from reportgen.render.pptx_text import Fonts, style_run
from reportgen.theme import Theme

NATIVE_KINDS = ("column", "bar", "comparison", "rank", "composition")


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _fill(fmt, point: Point, colour: str) -> None:
    """Solid for reported values; a hatched pattern for derived ones."""
    if point.derived:
        fmt.fill.patterned()
        fmt.fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
        fmt.fill.fore_color.rgb = _rgb(colour)
        fmt.fill.back_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        fmt.line.color.rgb = _rgb(colour)
        fmt.line.width = Pt(1)
    else:
        fmt.fill.solid()
        fmt.fill.fore_color.rgb = _rgb(colour)


def _label(point_obj, text: str, fonts: Fonts, size: float, colour: str, position=None) -> None:
    label = point_obj.data_label
    frame = label.text_frame
    frame.text = text
    for run in frame.paragraphs[0].runs:
        style_run(run._r.get_or_add_rPr(), fonts, size, colour)
    if position is not None:
        label.position = position


def _chart_fonts(chart, fonts: Fonts, size: float, colour: str) -> None:
    """Default text properties for the whole chart (axes, legend) with an East Asian face."""
    chart.font.size = Pt(size)
    tx_pr = chart._chartSpace.find(qn("c:txPr"))
    def_rpr = tx_pr.find(f"{qn('a:p')}/{qn('a:pPr')}/{qn('a:defRPr')}")
    style_run(def_rpr, fonts, size, colour)


def add_chart(placeholder, chart: ChartData, theme: Theme, fonts: Fonts):
    """Replace a chart placeholder with a native chart of ``chart``; returns the frame."""
    data = CategoryChartData()
    kind = chart.kind
    points = chart.points()
    if kind == "column":
        data.categories = list(chart.categories)
        for series in chart.series:
            data.add_series(series.label, [p.value / chart.scale for p in series.points])
        chart_type = XL_CHART_TYPE.COLUMN_CLUSTERED
    elif kind in ("bar", "comparison"):
        data.categories = [p.label for p in points]
        data.add_series(chart.title, [p.value / chart.scale for p in points])
        chart_type = XL_CHART_TYPE.BAR_CLUSTERED
    elif kind == "rank":
        data.categories = list(chart.categories)
        data.add_series(chart.series[0].label or chart.title, [p.value for p in points])
        chart_type = XL_CHART_TYPE.LINE_MARKERS
    elif kind == "composition":
        # The legend names each part with its value: 硕士研究生 62人; 本科 77人（推算）.
        mark = locale.get(chart.lang).DERIVED_MARK
        data.categories = [f"{p.label} {p.text}{mark if p.derived else ''}" for p in points]
        data.add_series(chart.title, [p.value for p in points])
        chart_type = XL_CHART_TYPE.DOUGHNUT
    else:
        raise ValueError(f"'{kind}' charts have no native PowerPoint type")

    frame = placeholder.insert_chart(chart_type, data)
    native = frame.chart
    colours = theme.colors
    sizes = theme.sizes
    label_size = sizes.body - 1
    _chart_fonts(native, fonts, sizes.body - 2, colours.text)
    native.has_title = False
    plot = native.plots[0]
    if kind == "column":
        plot.gap_width = 60
        plot.overlap = -10
        for index, series in enumerate(chart.series):
            colour = colours.series[index % len(colours.series)]
            native_series = plot.series[index]
            native_series.format.fill.solid()
            native_series.format.fill.fore_color.rgb = _rgb(colour)
            for j, point in enumerate(series.points):
                _fill(native_series.points[j].format, point, colour)
                _label(
                    native_series.points[j],
                    point.text,
                    fonts,
                    label_size,
                    colours.text,
                    XL_LABEL_POSITION.OUTSIDE_END,
                )
        native.has_legend = True
        native.legend.position = XL_LEGEND_POSITION.TOP
        native.legend.include_in_layout = False
        axis = native.value_axis
        axis.has_major_gridlines = True
        axis.major_gridlines.format.line.color.rgb = _rgb(colours.grid)
        axis.format.line.fill.background()
        if chart.axis_label:
            axis.has_title = True
            axis.axis_title.text_frame.text = chart.axis_label
            for run in axis.axis_title.text_frame.paragraphs[0].runs:
                style_run(run._r.get_or_add_rPr(), fonts, sizes.body - 3, colours.muted)
        peak = max(p.value for p in points) / chart.scale
        axis.maximum_scale = _nice_ceiling(peak * 1.15)
        axis.minimum_scale = 0
    elif kind in ("bar", "comparison"):
        plot.gap_width = 70
        series = plot.series[0]
        pick = [colours.primary, colours.accent] if kind == "comparison" else [colours.primary]
        for j, point in enumerate(points):
            colour = pick[j % len(pick)]
            _fill(series.points[j].format, point, colour)
            _label(
                series.points[j],
                point.text,
                fonts,
                label_size,
                colours.text,
                XL_LABEL_POSITION.OUTSIDE_END,
            )
        native.has_legend = False
        native.category_axis.reverse_order = True  # first item at the top, as listed
        native.category_axis.format.line.color.rgb = _rgb(colours.grid)
        value_axis = native.value_axis
        value_axis.visible = False
        value_axis.has_major_gridlines = False
        peak = max(p.value for p in points) / chart.scale
        value_axis.minimum_scale = 0
        value_axis.maximum_scale = _nice_ceiling(peak * 1.7)  # room for the value labels
    elif kind == "rank":
        series = plot.series[0]
        series.format.line.color.rgb = _rgb(colours.primary)
        series.format.line.width = Pt(3)
        series.smooth = False
        for j, point in enumerate(points):
            marker = series.points[j].marker
            marker.style = 8  # circle
            marker.size = 12
            best = j == len(points) - 1
            colour = colours.accent if best else colours.primary
            marker.format.fill.solid()
            marker.format.fill.fore_color.rgb = _rgb(colour)
            marker.format.line.color.rgb = _rgb(colour)
            _label(
                series.points[j], point.text, fonts, label_size + 2, colour, XL_LABEL_POSITION.ABOVE
            )
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
        native.category_axis.format.line.color.rgb = _rgb(colours.grid)
    elif kind == "composition":
        series = plot.series[0]
        for j, point in enumerate(points):
            _fill(series.points[j].format, point, colours.series[j % len(colours.series)])
        native.has_legend = True
        native.legend.position = XL_LEGEND_POSITION.RIGHT
        native.legend.include_in_layout = False
        native.legend.font.size = Pt(sizes.body)
        _hole(native, HOLE_PERCENT)
        _manual_plot_area(native, *DONUT_PLOT_AREA)
    _alt_text(frame, chart)
    return frame


HOLE_PERCENT = 58
#: Where the doughnut's plot area sits in the chart frame (x, y, w, h as fractions), so the
#: total can be placed in the hole whatever the legend does.
DONUT_PLOT_AREA = (0.02, 0.04, 0.56, 0.92)


def donut_centre(frame) -> tuple[int, int, int]:
    """Centre (x, y) and diameter of the doughnut drawn in ``frame``, in EMU."""
    x, y, w, h = DONUT_PLOT_AREA
    width, height = frame.width * w, frame.height * h
    diameter = int(min(width, height))
    return (
        int(frame.left + frame.width * x + width / 2),
        int(frame.top + frame.height * y + height / 2),
        diameter,
    )


def _manual_plot_area(native, x: float, y: float, w: float, h: float) -> None:
    plot_area = native._chartSpace.find(f".//{qn('c:plotArea')}")
    layout = plot_area.find(qn("c:layout"))
    if layout is None:
        layout = etree.Element(qn("c:layout"))
        plot_area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    etree.SubElement(manual, qn("c:layoutTarget"), val="inner")
    etree.SubElement(manual, qn("c:xMode"), val="edge")
    etree.SubElement(manual, qn("c:yMode"), val="edge")
    for tag, value in (("c:x", x), ("c:y", y), ("c:w", w), ("c:h", h)):
        etree.SubElement(manual, qn(tag), val=f"{value:.4f}")


def _hole(native, percent: int) -> None:
    doughnut = native._chartSpace.find(f".//{qn('c:doughnutChart')}")
    hole = doughnut.find(qn("c:holeSize"))
    if hole is None:
        hole = etree.SubElement(doughnut, qn("c:holeSize"))
    hole.set("val", str(percent))


def _alt_text(frame, chart: ChartData) -> None:
    c_nv_pr = frame._element.find(f".//{qn('p:cNvPr')}")
    c_nv_pr.set("descr", chart.alt_text)
    c_nv_pr.set("title", chart.title)


def _nice_ceiling(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    import math

    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= value:
            return step * power
    return 10 * power
