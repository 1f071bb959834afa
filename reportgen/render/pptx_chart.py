"""Native, editable PowerPoint charts from ChartData.

The data sits in the chart's embedded workbook, so a presenter can edit it in PowerPoint.
Value labels are the chart's own display texts (with hedges: 近3000列, 超过1300亿元), derived
points get a hatched pattern fill, and every text in the chart has Latin and East Asian fonts.

What every native chart shares lives here (inserting it, its fonts, fills, labels, alt text);
what differs by kind (the chart type, its data and styling) is the kind's ``native`` part in
``reportgen.charts.kinds``.
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Pt

from reportgen.charts.kinds import KINDS, NATIVE_KINDS
from reportgen.charts.kinds.native import NativeChart, Overlay
from reportgen.charts.model import ChartData
from reportgen.render.pptx_text import Fonts, style_run
from reportgen.theme import Theme

__all__ = ["NATIVE_KINDS", "add_chart", "overlays"]


def add_chart(insert, chart: ChartData, theme: Theme, fonts: Fonts):
    """A native chart of ``chart``, put on the slide by ``insert(chart_type, data)`` (a chart
    placeholder's ``insert_chart``, or a new frame in the layout's content area); returns
    the frame."""
    kind = KINDS[chart.kind]
    if kind.native is None:
        raise ValueError(f"'{chart.kind}' charts have no native PowerPoint type")
    data = CategoryChartData()
    kind.native.data(chart, data)
    frame = insert(getattr(XL_CHART_TYPE, kind.native.chart_type), data)
    native = frame.chart
    _chart_fonts(native, fonts, theme.sizes.body - 2, theme.colors.text)
    native.has_title = False

    def style_text(rpr, size: float, colour: str) -> None:
        style_run(rpr, fonts, size, colour)

    kind.native.style(NativeChart(native, theme, style_text), chart)
    _alt_text(frame, chart)
    return frame


def overlays(frame, chart: ChartData, theme: Theme) -> tuple[Overlay, ...]:
    """What ``chart``'s kind lays over its inserted ``frame`` (none for most kinds)."""
    native = KINDS[chart.kind].native
    if native is None or native.after_insert is None:
        return ()
    return native.after_insert(frame, chart, theme.colors)


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
