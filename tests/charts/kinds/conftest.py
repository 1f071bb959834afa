"""Helpers for the kind tests: a chart resolved from the seed, a kind's draw part run on a
canvas, and its native part inserted into the briefing master's chart placeholder."""

from __future__ import annotations

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from pptx.enum.shapes import PP_PLACEHOLDER

from reportgen.charts.canvas import Canvas
from reportgen.charts.export import _RC, register
from reportgen.charts.resolve import resolve_chart


@pytest.fixture
def resolved(briefing, seed):
    """``resolved(chart_id, lang)``: a chart of the briefing, resolved against the seed."""

    def resolve(chart_id: str, lang: str = "zh"):
        return resolve_chart(briefing.chart(chart_id), seed, lang)

    return resolve


@pytest.fixture
def drawn(briefing):
    """``drawn(kind, chart)``: the figure a kind's draw part makes (unframed, laid out)."""
    face = briefing.face()
    register(face)

    def draw(kind, chart, framed: bool = False):
        with matplotlib.rc_context({**_RC, "font.family": [face.family]}):
            canvas = Canvas(chart, briefing.theme, face, framed)
            bottom, top = canvas.frame()
            kind.draw(canvas, bottom, top)
            FigureCanvasAgg(canvas.fig).draw()  # lay out as export does: real text extents
        return canvas.fig

    return draw


@pytest.fixture
def native(briefing):
    """``native(chart)``: the graphic frame of a native PowerPoint chart of ``chart``."""
    from pptx import Presentation

    from reportgen import locale
    from reportgen.render.pptx_chart import add_chart
    from reportgen.render.pptx_text import Fonts

    theme = briefing.theme

    def insert(chart):
        prs = Presentation(str(briefing.master))
        layout = next(
            layout
            for layout in prs.slide_layouts
            if any(p.placeholder_format.type == PP_PLACEHOLDER.CHART for p in layout.placeholders)
        )
        slide = prs.slides.add_slide(layout)
        target = next(
            p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.CHART
        )
        fonts = Fonts(
            theme.fonts.latin, theme.fonts.east_asian, briefing.face(), locale.get(chart.lang).TAG
        )
        return add_chart(target.insert_chart, chart, theme, fonts)

    return insert


@pytest.fixture
def texts():
    """``texts(fig)``: every non-empty text drawn in a figure."""

    def found(fig) -> list[str]:
        return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]

    return found
