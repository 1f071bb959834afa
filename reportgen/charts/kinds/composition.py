"""Composition chart: the parts of a whole (staff by degree), drawn as a doughnut.

With a total, the parts must add up to it when all are exact, and the total is shown in the
hole; a derived part is lighter and hatched, and the legend names each part with its value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen import locale
from reportgen.charts import lookup
from reportgen.charts.canvas import PT, Canvas
from reportgen.charts.kinds import bar
from reportgen.charts.kinds.native import Overlay, OverlayLine
from reportgen.charts.kinds.parts import Kind, NativePart, require_metrics
from reportgen.charts.lookup import ChartError
from reportgen.charts.model import ChartData
from reportgen.charts.wording import labelled, legend_entry, listed, listing, separators

if TYPE_CHECKING:
    from pptx.chart.data import CategoryChartData

    from reportgen.charts.kinds.native import NativeChart
    from reportgen.charts.spec import ChartSpec
    from reportgen.data import Dataset
    from reportgen.locale import Lang
    from reportgen.theme import Colours

#: The doughnut's hole, as a percentage of its diameter.
HOLE_PERCENT = 58
#: Where the doughnut's plot area sits in the chart frame (x, y, w, h as fractions), so the
#: total can be placed in the hole whatever the legend does.
DONUT_PLOT_AREA = (0.02, 0.04, 0.56, 0.92)
RING = 0.36  # the drawn ring's width, as a fraction of the radius
#: Between a part's label and its value in the drawn legend, which sets its entries apart
#: more than the native legend (one space) does.
DRAWN_GAP = "  "


def check(spec: ChartSpec) -> None:
    require_metrics(spec)
    if len(spec.metrics) < 2:
        raise ValueError("a 'composition' chart needs at least two parts")


def resolve(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict[str, Any]:
    """The parts as a bar's points; with a total, checked against it and added."""
    fields = bar.resolve(spec, dataset, lang)
    parts = [dataset.metric(item.metric) for item in spec.metrics]
    if spec.total:
        total = dataset.metric(spec.total)
        if total.unit != parts[0].unit:
            raise ChartError(
                f"chart '{spec.id}': total '{total.id}' is in {total.unit}, "
                f"the parts in {parts[0].unit}"
            )
        if (
            total.qualifier == "exact"
            and all(p.qualifier == "exact" for p in parts)
            and abs(sum(p.value for p in parts) - total.value) > 1e-9 * max(total.value, 1)
        ):
            raise ChartError(
                f"chart '{spec.id}': the parts add up to "
                f"{sum(p.value for p in parts):g}, not to {total.id} = {total.value:g}"
            )
        fields["total"] = lookup.point(total, total.label[lang], lang)
        fields["footnotes"] = lookup.derivation_notes([*parts, total], dataset, lang)
    return fields


def takeaway(chart: ChartData) -> str:
    """The total, then its parts: 管委会工作人员144人，其中本科77人（推算）、…。"""
    if not chart.total:
        return listed(chart)
    comma, _, stop = separators(chart.lang)
    lead = labelled(chart.total.label, chart.total, chart.lang)
    joint = locale.get(chart.lang).OF_WHICH
    return f"{lead}{joint}{comma.join(listing(chart))}{stop}"


def alt_body(chart: ChartData) -> list[str]:
    if not chart.total:
        return listing(chart)
    _, _, stop = separators(chart.lang)
    return [takeaway(chart).rstrip(stop)]


def draw(c: Canvas, bottom: float, top: float) -> None:
    chart = c.chart
    points = chart.points()
    height = top - bottom
    size_in = height * c.height_in
    ax = c.fig.add_axes((0.06, bottom, size_in / c.width_in, height))
    ax.set_aspect("equal")
    ax.axis("off")
    colours = [c.colors.series[i % len(c.colors.series)] for i in range(len(points))]
    wedges, _ = ax.pie(
        [p.value for p in points],
        colors=colours,
        startangle=90,
        counterclock=False,
        wedgeprops={"width": RING, "linewidth": 1.5, "edgecolor": c.colors.background},
    )
    for wedge, point in zip(wedges, points, strict=True):
        if point.derived:
            wedge.set_facecolor(c.lighter(colours[points.index(point)]))
            wedge.set_hatch(c.theme.derived.hatch or None)
    if chart.total:
        hole_in = size_in * 2 * (1 - RING) / 2.2  # inner diameter: radius 1 - ring, axes 2.2
        total_size = c.sizes.chart_title + 4
        while c.width_pt(chart.total.text, total_size) * PT > hole_in * 0.8 and total_size > 8:
            total_size -= 0.5
        ax.text(
            0,
            0,
            chart.total.text,
            ha="center",
            va="center",
            fontsize=total_size,
            family=c.face.family,
            color=c.colors.primary,
        )
    labels = [legend_entry(p, chart.lang, DRAWN_GAP) for p in points]
    handles = [
        c.patch(
            facecolor=c.lighter(colour) if p.derived else colour,
            label=label,
            hatch=(c.theme.derived.hatch or None) if p.derived else None,
            edgecolor=colour,
        )
        for colour, label, p in zip(colours, labels, points, strict=True)
    ]
    legend_x = (0.06 * c.width_in + size_in + 0.4) / c.width_in
    legend = c.fig.legend(
        handles=handles,
        loc="center left",
        frameon=False,
        bbox_to_anchor=(legend_x, bottom + height / 2),
        labelspacing=1.1,
        prop={"family": c.face.family, "size": c.sizes.chart_label + 1},
        # The total in the hole is named in the legend's title: 管委会工作人员 144人.
        title=f"{chart.total.label} {chart.total.text}" if chart.total else None,
        title_fontproperties={"family": c.face.family, "size": c.sizes.chart_label + 1},
        alignment="left",
    )
    legend.get_title().set_color(c.colors.primary)


def native_data(chart: ChartData, data: CategoryChartData) -> None:
    # The legend names each part with its value: 硕士研究生 62人; 本科 77人（推算）.
    points = chart.points()
    data.categories = [legend_entry(p, chart.lang) for p in points]
    data.add_series(chart.title, [p.value for p in points])


def native_style(n: NativeChart, chart: ChartData) -> None:
    from pptx.enum.chart import XL_LEGEND_POSITION
    from pptx.util import Pt

    native = n.native
    series = n.plot.series[0]
    for j, point in enumerate(chart.points()):
        n.fill(series.points[j].format, point, n.colors.series[j % len(n.colors.series)])
    native.has_legend = True
    native.legend.position = XL_LEGEND_POSITION.RIGHT
    native.legend.include_in_layout = False
    native.legend.font.size = Pt(n.sizes.body)
    _hole(native, HOLE_PERCENT)
    _manual_plot_area(native, *DONUT_PLOT_AREA)


def native_after_insert(frame, chart: ChartData, colors: Colours) -> tuple[Overlay, ...]:
    """The total in the doughnut's hole: 144人 over 管委会工作人员, in a square inside it."""
    if not chart.total:
        return ()
    cx, cy, diameter = donut_centre(frame)
    side = int(diameter * HOLE_PERCENT / 100 * 0.7)
    lines = (
        OverlayLine(chart.total.text, colors.primary),
        OverlayLine(chart.total.label, colors.muted, scale=0.5),
    )
    box = (cx - side // 2, cy - side // 2, side, side)
    return (Overlay("Total", box, lines, max_size=28, min_size=7, where="doughnut total"),)


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
    from lxml import etree
    from pptx.oxml.ns import qn

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
    from lxml import etree
    from pptx.oxml.ns import qn

    doughnut = native._chartSpace.find(f".//{qn('c:doughnutChart')}")
    hole = doughnut.find(qn("c:holeSize"))
    if hole is None:
        hole = etree.SubElement(doughnut, qn("c:holeSize"))
    hole.set("val", str(percent))


KIND = Kind(
    name="composition",
    check=check,
    resolve=resolve,
    alt_body=alt_body,
    takeaway=takeaway,
    draw=draw,
    native=NativePart("DOUGHNUT", native_data, native_style, native_after_insert),
)
