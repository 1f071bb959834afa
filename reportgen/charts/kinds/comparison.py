"""Comparison chart: exactly two metrics set against each other (registered capital and
assets of the holding group), drawn as a bar chart in two colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen.charts.canvas import Canvas
from reportgen.charts.kinds import bar
from reportgen.charts.kinds.parts import Kind, NativePart, require_metrics
from reportgen.charts.model import ChartData
from reportgen.charts.wording import listed, listing

if TYPE_CHECKING:
    from reportgen.charts.kinds.native import NativeChart
    from reportgen.charts.spec import ChartSpec


def check(spec: ChartSpec) -> None:
    require_metrics(spec)
    if len(spec.metrics) != 2:
        raise ValueError("a 'comparison' chart compares exactly two metrics")


def draw(c: Canvas, bottom: float, top: float) -> None:
    bar.draw_bars(c, bottom, top, [c.colors.primary, c.colors.accent])


def native_style(n: NativeChart, chart: ChartData) -> None:
    bar.style_bars(n, chart, [n.colors.primary, n.colors.accent])


KIND = Kind(
    name="comparison",
    check=check,
    resolve=bar.resolve,
    alt_body=listing,
    takeaway=listed,
    draw=draw,
    native=NativePart("BAR_CLUSTERED", bar.native_data, native_style),
)
