"""What a chart kind's native part draws with: the inserted chart, its colours and texts.

It lives in the charts layer so a kind never imports the renderer (data -> charts ->
renderers); ``render.pptx_chart`` inserts the chart and hands the kind a ``NativeChart``.
python-pptx is imported only when a native chart is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pptx.dml.color import RGBColor

    from reportgen.charts.model import Point
    from reportgen.theme import Theme

#: Styles a run's properties element with a size and a colour, in the deck's fonts.
StyleText = Callable[[Any, float, str], None]


@dataclass(frozen=True)
class OverlayLine:
    """One centred line of an overlay: its text, colour and size relative to the fitted one."""

    text: str
    colour: str
    scale: float = 1.0


@dataclass(frozen=True)
class Overlay:
    """A text box a kind lays over its inserted chart (the doughnut's total in its hole).
    The kind decides where and what; the deck writer fits the text and draws the box."""

    name: str
    #: left, top, width, height, in EMU
    box: tuple[int, int, int, int]
    lines: tuple[OverlayLine, ...]
    max_size: float
    min_size: float
    #: What a fitting error names.
    where: str


def rgb(colour: str) -> RGBColor:
    """A theme colour (``#1F3A5F``) as python-pptx's RGBColor."""
    from pptx.dml.color import RGBColor

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
    """An inserted native chart, with the theme and text style a kind's style part draws with."""

    def __init__(self, native: Any, theme: Theme, style_text: StyleText):
        self.native = native  # python-pptx's Chart
        self.plot = native.plots[0]
        self.colors = theme.colors
        self.sizes = theme.sizes
        self.style_text = style_text
        self.label_size = theme.sizes.body - 1

    def fill(self, fmt: Any, point: Point, colour: str) -> None:
        """Solid for reported values; a hatched pattern for derived ones."""
        if point.derived:
            from pptx.enum.dml import MSO_PATTERN
            from pptx.util import Pt

            fmt.fill.patterned()
            fmt.fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
            fmt.fill.fore_color.rgb = rgb(colour)
            fmt.fill.back_color.rgb = rgb(self.colors.background)
            fmt.line.color.rgb = rgb(colour)
            fmt.line.width = Pt(1)
        else:
            fmt.fill.solid()
            fmt.fill.fore_color.rgb = rgb(colour)

    def set_text(self, frame: Any, text: str, size: float, colour: str) -> None:
        """A text frame's text, in the chart's fonts."""
        frame.text = text
        for run in frame.paragraphs[0].runs:
            self.style_text(run._r.get_or_add_rPr(), size, colour)

    def label(self, point_obj: Any, text: str, size: float, colour: str, position=None) -> None:
        """A point's data label: its display text, not PowerPoint's number format."""
        label = point_obj.data_label
        self.set_text(label.text_frame, text, size, colour)
        if position is not None:
            label.position = position
