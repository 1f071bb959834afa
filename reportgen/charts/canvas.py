"""The canvas every chart kind draws on: one figure's size, fonts, colours and frame.

The frame (title, subtitle, footnotes, source line), axes styling and the look of derived
values are the same for every kind and decided here; a kind's draw part only places its
marks in the free band the frame leaves. matplotlib is imported when a figure is made, not
when a kind is registered: loading a template must not import it (the CLI moves matplotlib's
cache folder first, and ``validate`` never draws).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen import locale
from reportgen.charts.model import ChartData, Point
from reportgen.fonts import Face, text_width
from reportgen.text.wrap import wrap
from reportgen.theme import Theme

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.patches import Patch

PT = 1 / 72  # inches per point
LINE = 1.35  # line height as a multiple of the font size


class Canvas:
    """Sizes and fonts for one figure, so the kinds' draw parts stay about data, not points."""

    def __init__(self, chart: ChartData, theme: Theme, face: Face, framed: bool):
        from matplotlib.figure import Figure

        self.chart, self.theme, self.face, self.framed = chart, theme, face, framed
        self.width_in = theme.chart.width_in
        self.height_in = theme.chart.height_in
        self.fig = Figure(
            figsize=(self.width_in, self.height_in),
            dpi=theme.chart.dpi,
            facecolor=theme.colors.background,
        )
        self.sizes = theme.sizes
        self.colors = theme.colors

    def width_pt(self, text: str, size: float) -> float:
        return text_width(text, self.face, size)

    def wrap(self, text: str, width_in: float, size: float) -> list[str]:
        return wrap(text, width_in * 72, lambda s: self.width_pt(s, size))

    def text(self, x: float, y: float, s: str, size: float, **kwargs):
        """Figure text in figure fractions, in the theme's face and colour."""
        kwargs.setdefault("color", self.colors.text)
        return self.fig.text(x, y, s, fontsize=size, family=self.face.family, **kwargs)

    def frame(self) -> tuple[float, float]:
        """Draw title, subtitle, footnotes and source; return the free band (bottom, top)."""
        if not self.framed:
            return 0.04, 0.96
        margin = 0.25
        y = self.height_in - margin
        title_lines = self.wrap(
            self.chart.title, self.width_in - 2 * margin, self.sizes.chart_title
        )
        for line in title_lines:
            y -= self.sizes.chart_title * PT * LINE
            self.text(
                margin / self.width_in,
                y / self.height_in,
                line,
                self.sizes.chart_title,
                color=self.colors.primary,
            )
        if self.chart.subtitle:
            for line in self.wrap(
                self.chart.subtitle, self.width_in - 2 * margin, self.sizes.chart_label
            ):
                y -= self.sizes.chart_label * PT * LINE
                self.text(
                    margin / self.width_in,
                    y / self.height_in,
                    line,
                    self.sizes.chart_label,
                    color=self.colors.muted,
                )
        top = (y - 0.12) / self.height_in
        notes = [*self.chart.footnotes, self.chart.source_line]
        lines: list[str] = []
        for index, note in enumerate(n for n in notes if n):
            marker = "* " if index < len(self.chart.footnotes) else ""
            lines += self.wrap(marker + note, self.width_in - 2 * margin, self.sizes.chart_note)
        y = margin * 0.6
        for line in reversed(lines):
            self.text(
                margin / self.width_in,
                y / self.height_in,
                line,
                self.sizes.chart_note,
                color=self.colors.muted,
            )
            y += self.sizes.chart_note * PT * LINE
        return (y + 0.1) / self.height_in, top

    def axes(
        self,
        bottom: float,
        top: float,
        left_in: float = 0.9,
        right_in: float = 0.35,
        below_in: float = 0.0,
    ) -> Axes:
        """Axes in the free band, leaving ``below_in`` inches for tick labels and an axis label."""
        left = left_in / self.width_in
        width = 1 - left - right_in / self.width_in
        bottom += below_in / self.height_in
        return self.fig.add_axes((left, bottom, width, max(top - bottom, 0.1)))

    def below_axis(self, with_label: bool) -> float:
        """Inches that tick labels (and an axis label) need under the axes."""
        lines = 2 if with_label else 1
        return lines * self.sizes.chart_tick * PT * LINE * 1.3 + 0.08

    def style_axes(self, ax: Axes) -> None:
        ax.set_facecolor(self.colors.background)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_color(self.colors.grid)
        ax.tick_params(colors=self.colors.text, labelsize=self.sizes.chart_tick, length=0)
        for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
            label.set_family(self.face.family)

    def lighter(self, colour: str) -> str:
        """The colour blended towards white as an opaque colour (not transparency: SVG
        consumers such as svglib drop opacity, and a derived value must still look lighter)."""
        alpha = self.theme.derived.alpha
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return "#" + "".join(f"{round(255 - (255 - v) * alpha):02X}" for v in (r, g, b))

    def bar_style(self, point: Point, colour: str) -> dict:
        if point.derived:
            return {
                "facecolor": self.lighter(colour),
                "hatch": self.theme.derived.hatch or None,
                "edgecolor": colour,
                "linewidth": 0.8,
            }
        return {"facecolor": colour, "edgecolor": colour, "linewidth": 0}

    def patch(self, **kwargs: Any) -> Patch:
        """A legend swatch (``matplotlib.patches.Patch``)."""
        from matplotlib.patches import Patch

        return Patch(**kwargs)

    def derived_legend_patch(self) -> Patch:
        label = locale.get(self.chart.lang).DERIVED_LEGEND
        return self.patch(
            facecolor=self.lighter(self.colors.muted),
            hatch=self.theme.derived.hatch or None,
            edgecolor=self.colors.muted,
            label=label,
        )
