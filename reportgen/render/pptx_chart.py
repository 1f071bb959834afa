"""Native, editable PowerPoint charts from ChartData.

The data sits in the chart's embedded workbook, so a presenter can edit it in PowerPoint.
Value labels are the chart's own display texts (with hedges: 近3000列, 超过1300亿元), derived
points get a hatched pattern fill, and every text in the chart has Latin and East Asian fonts.

What every native chart shares lives here (inserting it, its fonts, fills, labels, alt text);
what differs by kind (the chart type, its data and styling) is the kind's ``native`` part in
``reportgen.charts.kinds``.
"""

from __future__ import annotations

import math

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.dml import MSO_PATTERN
from pptx.oxml.ns import qn
from pptx.util import Pt

from reportgen.charts.kinds import KINDS, NATIVE_KINDS

# The doughnut's geometry is the composition kind's; the deck writer places the total in its
# hole with these (re-exported here, where it has always imported them from).
from reportgen.charts.kinds.composition import HOLE_PERCENT, donut_centre
from reportgen.charts.model import ChartData, Point
from reportgen.render.pptx_text import Fonts, style_run
from reportgen.theme import Theme

__all__ = [
    "HOLE_PERCENT",
    "NATIVE_KINDS",
    "NativeChart",
    "add_chart",
    "donut_centre",
    "nice_ceiling",
    "rgb",
]


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def nice_ceiling(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= value:
            return step * power
    return 10 * power


class NativeChart:
    """An inserted native chart, with the theme and fonts a kind's style part draws with."""

    def __init__(self, native, theme: Theme, fonts: Fonts):
        self.native = native  # python-pptx's Chart
        self.plot = native.plots[0]
        self.colors = theme.colors
        self.sizes = theme.sizes
        self.fonts = fonts
        self.label_size = theme.sizes.body - 1

    def fill(self, fmt, point: Point, colour: str) -> None:
        """Solid for reported values; a hatched pattern for derived ones."""
        if point.derived:
            fmt.fill.patterned()
            fmt.fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
            fmt.fill.fore_color.rgb = rgb(colour)
            fmt.fill.back_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            fmt.line.color.rgb = rgb(colour)
            fmt.line.width = Pt(1)
        else:
            fmt.fill.solid()
            fmt.fill.fore_color.rgb = rgb(colour)

    def set_text(self, frame, text: str, size: float, colour: str) -> None:
        """A text frame's text, in the chart's fonts."""
        frame.text = text
        for run in frame.paragraphs[0].runs:
            style_run(run._r.get_or_add_rPr(), self.fonts, size, colour)

    def label(self, point_obj, text: str, size: float, colour: str, position=None) -> None:
        """A point's data label: its display text, not PowerPoint's number format."""
        label = point_obj.data_label
        self.set_text(label.text_frame, text, size, colour)
        if position is not None:
            label.position = position


def add_chart(placeholder, chart: ChartData, theme: Theme, fonts: Fonts):
    """Replace a chart placeholder with a native chart of ``chart``; returns the frame."""
    kind = KINDS[chart.kind]
    if kind.native is None:
        raise ValueError(f"'{chart.kind}' charts have no native PowerPoint type")
    data = CategoryChartData()
    kind.native.data(chart, data)
    frame = placeholder.insert_chart(getattr(XL_CHART_TYPE, kind.native.chart_type), data)
    native = frame.chart
    _chart_fonts(native, fonts, theme.sizes.body - 2, theme.colors.text)
    native.has_title = False
    kind.native.style(NativeChart(native, theme, fonts), chart)
    _alt_text(frame, chart)
    return frame


def _chart_fonts(chart, fonts: Fonts, size: float, colour: str) -> None:
    """Default text properties for the whole chart (axes, legend) with an East Asian face."""
    chart.font.size = Pt(size)
    tx_pr = chart._chartSpace.find(qn("c:txPr"))
    def_rpr = tx_pr.find(f"{qn('a:p')}/{qn('a:pPr')}/{qn('a:defRPr')}")
    style_run(def_rpr, fonts, size, colour)


def _alt_text(frame, chart: ChartData) -> None:
    c_nv_pr = frame._element.find(f".//{qn('p:cNvPr')}")
    c_nv_pr.set("descr", chart.alt_text)
    c_nv_pr.set("title", chart.title)
