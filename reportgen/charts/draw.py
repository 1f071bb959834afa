"""ChartData + Theme -> a matplotlib Figure, drawn by the chart kind's draw part.

Only the object-oriented API is used (no pyplot, no global state), every text is set in the
theme's face resolved by ``reportgen.fonts``, and derived values are drawn lighter and
hatched with a footnote. The frame, fonts and colours are the shared ``Canvas``; layout is
computed from real text widths so labels neither clip nor overlap.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from matplotlib.figure import Figure

from reportgen.charts.canvas import Canvas
from reportgen.charts.kinds import KINDS
from reportgen.charts.model import ChartData
from reportgen.fonts import Face, FontError, check_glyphs
from reportgen.theme import Theme


def draw(chart: ChartData, theme: Theme, face: Face, *, framed: bool = True) -> Figure:
    """The chart as a Figure; raises FontError if any text has a character the face lacks."""
    check_glyphs(chart.texts(), face)
    canvas = Canvas(chart, theme, face, framed)
    bottom, top = canvas.frame()
    KINDS[chart.kind].draw(canvas, bottom, top)
    return canvas.fig


def check_rendered(fig: Figure, render: Callable[[], bytes]) -> bytes:
    """Run a render, turning matplotlib's missing-glyph warnings into a FontError."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = render()
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        raise FontError("; ".join(sorted(set(missing))))
    return data
