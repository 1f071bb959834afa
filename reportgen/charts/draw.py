"""ChartData + Theme -> a matplotlib Figure, one function per chart kind.

Only the object-oriented API is used (no pyplot, no global state), every text is set in the
theme's face resolved by ``reportgen.fonts``, and derived values are drawn lighter and
hatched with a footnote. Layout is computed from real text widths so labels neither clip
nor overlap.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from reportgen import locale
from reportgen.charts.model import ChartData, Point
from reportgen.fonts import Face, FontError, check_glyphs, text_width
from reportgen.text.wrap import wrap
from reportgen.theme import Theme

PT = 1 / 72  # inches per point
LINE = 1.35  # line height as a multiple of the font size


class _Canvas:
    """Sizes and fonts for one figure, so the kind functions stay about data, not points."""

    def __init__(self, chart: ChartData, theme: Theme, face: Face, framed: bool):
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

    def style_axes(self, ax) -> None:
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

    def derived_legend_patch(self) -> Patch:
        label = locale.get(self.chart.lang).DERIVED_LEGEND
        return Patch(
            facecolor=self.lighter(self.colors.muted),
            hatch=self.theme.derived.hatch or None,
            edgecolor=self.colors.muted,
            label=label,
        )


def draw(chart: ChartData, theme: Theme, face: Face, *, framed: bool = True) -> Figure:
    """The chart as a Figure; raises FontError if any text has a character the face lacks."""
    check_glyphs(chart.texts(), face)
    canvas = _Canvas(chart, theme, face, framed)
    bottom, top = canvas.frame()
    _KINDS[chart.kind](canvas, bottom, top)
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


# --- kinds ------------------------------------------------------------------------------


def _axes(
    c: _Canvas,
    bottom: float,
    top: float,
    left_in: float = 0.9,
    right_in: float = 0.35,
    below_in: float = 0.0,
):
    """Axes in the free band, leaving ``below_in`` inches for tick labels and an axis label."""
    left = left_in / c.width_in
    width = 1 - left - right_in / c.width_in
    bottom += below_in / c.height_in
    return c.fig.add_axes((left, bottom, width, max(top - bottom, 0.1)))


def _below_axis(c: _Canvas, with_label: bool) -> float:
    """Inches that tick labels (and an axis label) need under the axes."""
    lines = 2 if with_label else 1
    return lines * c.sizes.chart_tick * PT * LINE * 1.3 + 0.08


def _column(c: _Canvas, bottom: float, top: float) -> None:
    chart = c.chart
    legend_h = (c.sizes.chart_label * PT * LINE + 0.1) / c.height_in
    ax = _axes(c, bottom, top - legend_h, below_in=_below_axis(c, False))
    c.style_axes(ax)
    n = len(chart.series)
    width = 0.72 / n
    peak = max(p.value for p in chart.points()) / chart.scale
    for i, series in enumerate(chart.series):
        colour = c.colors.series[i % len(c.colors.series)]
        for j, point in enumerate(series.points):
            x = j + (i - (n - 1) / 2) * width
            value = point.value / chart.scale
            ax.bar(x, value, width * 0.92, **c.bar_style(point, colour))
            ax.text(
                x,
                value + peak * 0.02,
                point.text,
                ha="center",
                va="bottom",
                fontsize=c.sizes.chart_label,
                family=c.face.family,
                color=c.colors.text,
            )
    ax.set_xticks(range(len(chart.categories)), chart.categories)
    ax.set_ylim(0, peak * 1.16)
    # Every column carries its value label (with its hedge and unit), so the value axis keeps
    # only faint gridlines for scale: no tick numbers that no fact stands behind.
    ax.yaxis.grid(True, color=c.colors.grid, linewidth=0.6)
    ax.tick_params(axis="y", labelleft=False)
    ax.spines["left"].set_visible(False)
    ax.set_axisbelow(True)
    handles = [
        Patch(facecolor=c.colors.series[i % len(c.colors.series)], label=s.label)
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


def _bar(c: _Canvas, bottom: float, top: float) -> None:
    chart = c.chart
    points = chart.points()
    label_w = min(3.2, max(c.width_pt(p.label, c.sizes.chart_tick) for p in points) * PT + 0.2)
    wrapped = ["\n".join(c.wrap(p.label, label_w - 0.2, c.sizes.chart_tick)) for p in points]
    ax = _axes(
        c,
        bottom,
        top,
        left_in=label_w + 0.3,
        right_in=0.3,
        below_in=0.1,
    )
    c.style_axes(ax)
    peak = max(p.value for p in points) / chart.scale
    longest_text = max(c.width_pt(p.text, c.sizes.chart_label) for p in points) * PT
    axes_w = ax.get_position().width * c.width_in
    # Room on the right for the longest value label after the bar and its open-end marker:
    # peak * 1.085 (bar + marker + gap) in data units plus the label in inches must fit.
    x_max = peak * 1.085 * axes_w / max(axes_w - longest_text - 0.15, 0.5)
    colours = (
        [c.colors.primary, c.colors.accent] if chart.kind == "comparison" else [c.colors.primary]
    )
    for y, point in enumerate(points):
        value = point.value / chart.scale
        colour = colours[y % len(colours)]
        ax.barh(y, value, 0.56, **c.bar_style(point, colour))
        end = value
        if point.qualifier in ("over", "at_least"):
            # An open end: the true value lies beyond the bar.
            ax.annotate(
                "",
                xy=(value + peak * 0.07, y),
                xytext=(value, y),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": colour,
                    "linestyle": "--",
                    "linewidth": 1.2,
                },
            )
            end = value + peak * 0.07
        ax.text(
            end + peak * 0.015,
            y,
            point.text,
            va="center",
            ha="left",
            fontsize=c.sizes.chart_label,
            family=c.face.family,
            color=c.colors.text,
        )
    ax.set_yticks(range(len(points)), wrapped)
    ax.invert_yaxis()
    ax.set_xlim(0, x_max)
    # Every bar carries its value label (with its hedge), so a value axis would only repeat
    # them less precisely.
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    if any(p.derived for p in points):
        ax.legend(
            handles=[c.derived_legend_patch()],
            loc="lower right",
            frameon=False,
            prop={"family": c.face.family, "size": c.sizes.chart_label},
        )
    c.style_axes(ax)


def _rank(c: _Canvas, bottom: float, top: float) -> None:
    chart = c.chart
    points = chart.points()
    ax = _axes(c, bottom, top, left_in=1.0, right_in=0.5, below_in=_below_axis(c, False))
    c.style_axes(ax)
    xs = list(range(len(points)))
    ys = [p.value for p in points]
    worst = max(ys)
    ax.plot(xs, ys, color=c.colors.primary, linewidth=2.4, zorder=2)
    for x, point in zip(xs, points, strict=True):
        best = point is points[-1]
        ax.scatter(
            [x], [point.value], s=160, zorder=3, color=c.colors.accent if best else c.colors.primary
        )
        ax.text(
            x,
            point.value - 0.22,
            point.text,
            ha="center",
            va="bottom",
            fontsize=c.sizes.chart_label + 1,
            family=c.face.family,
            color=c.colors.accent if best else c.colors.primary,
        )
    ax.set_xticks(xs, list(chart.categories))
    ticks = list(range(1, int(worst) + 1))
    from reportgen.formatting import rank_text

    ax.set_yticks(ticks, [rank_text(t, chart.lang) for t in ticks])
    ax.set_ylim(worst + 0.6, 0.4)  # inverted: first place at the top
    ax.set_xlim(-0.4, len(points) - 0.6)
    ax.yaxis.grid(True, color=c.colors.grid, linewidth=0.6)
    ax.set_axisbelow(True)
    c.style_axes(ax)


def _composition(c: _Canvas, bottom: float, top: float) -> None:
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
        wedgeprops={"width": 0.36, "linewidth": 1.5, "edgecolor": c.colors.background},
    )
    for wedge, point in zip(wedges, points, strict=True):
        if point.derived:
            wedge.set_facecolor(c.lighter(colours[points.index(point)]))
            wedge.set_hatch(c.theme.derived.hatch or None)
    if chart.total:
        hole_in = size_in * 2 * (1 - 0.36) / 2.2  # inner diameter: radius 1 - ring 0.36, axes 2.2
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
    derived_mark = locale.get(chart.lang).DERIVED_MARK
    labels = [f"{p.label}  {p.text}{derived_mark if p.derived else ''}" for p in points]
    handles = [
        Patch(
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


def _timeline(c: _Canvas, bottom: float, top: float) -> None:
    chart = c.chart
    items = chart.items
    days = [dt.date.fromisoformat(i.start).toordinal() for i in items]
    ends = [
        dt.date.fromisoformat(i.end).toordinal() if i.end else d
        for i, d in zip(items, days, strict=True)
    ]
    first, last = min(days) - 1.5, max(ends) + 1.5
    ax = c.fig.add_axes((0.04, bottom, 0.92, top - bottom))
    ax.axis("off")
    ax.set_xlim(first, last)
    ax.set_ylim(-1, 1)
    ax.axhline(0, color=c.colors.grid, linewidth=2, zorder=1)
    axes_w = 0.92 * c.width_in
    per_day = axes_w / (last - first)  # inches per day
    label_w = min(2.6, axes_w / max(2, (len(items) + 1) // 2) - 0.2)
    occupied: dict[int, list[tuple[float, float]]] = {}
    for index, (item, start, end) in enumerate(zip(items, days, ends, strict=True)):
        colour = c.colors.series[index % len(c.colors.series)]
        mid = (start + end) / 2
        if end > start:
            ax.plot(
                [start, end], [0, 0], color=colour, linewidth=9, solid_capstyle="round", zorder=2
            )
        else:
            ax.scatter([start], [0], s=90, color=colour, zorder=3)
        # Choose a level above or below the line where this label overlaps no other.
        centre_in = (mid - first) * per_day
        span = (centre_in - label_w / 2, centre_in + label_w / 2)
        level = next(
            lv
            for lv in _levels()
            if all(span[1] < a or span[0] > b for a, b in occupied.get(lv, []))
        )
        occupied.setdefault(level, []).append(span)
        y = 0.28 * level if abs(level) == 1 else 0.28 * level + 0.1 * (level / abs(level))
        ax.plot([mid, mid], [0, y * 0.8], color=colour, linewidth=1, zorder=1)
        size = c.sizes.chart_label
        lines = c.wrap(item.title, label_w, size)
        while len(lines) > 4 and size > c.sizes.chart_note:
            size -= 0.5  # shrink a long title rather than cut it
            lines = c.wrap(item.title, label_w, size)
        shown_place = item.place and item.place not in item.title
        place = f"\n{item.place}" if shown_place else ""
        ax.text(
            mid,
            y,
            f"{item.label}\n" + "\n".join(lines) + place,
            ha="center",
            va="bottom" if level > 0 else "top",
            fontsize=size,
            family=c.face.family,
            color=c.colors.text,
            linespacing=1.3,
        )
        ax.texts[-1].set_clip_on(False)


def _levels():
    n = 1
    while True:
        yield n
        yield -n
        n += 1


def _kpi(c: _Canvas, bottom: float, top: float) -> None:
    points = c.chart.points()
    cols = 3 if len(points) > 4 else max(1, len(points))
    rows = (len(points) + cols - 1) // cols
    cell_w = 0.92 / cols
    cell_h = (top - bottom) / rows
    tile_w_in = cell_w * c.width_in - 0.3
    for index, point in enumerate(points):
        row, col = divmod(index, cols)
        x = 0.04 + col * cell_w + cell_w / 2
        y_top = top - row * cell_h
        size = c.sizes.chart_title * 1.9
        while c.width_pt(point.text, size) * PT > tile_w_in and size > c.sizes.chart_label:
            size -= 1
        colour = c.colors.primary
        c.text(
            x,
            y_top - cell_h * 0.42,
            point.text,
            size,
            ha="center",
            va="bottom",
            color=c.lighter(colour) if point.derived else colour,
        )
        label = "\n".join(c.wrap(point.label, tile_w_in, c.sizes.chart_label))
        c.text(
            x,
            y_top - cell_h * 0.48,
            label,
            c.sizes.chart_label,
            ha="center",
            va="top",
            color=c.colors.muted,
            linespacing=1.3,
        )


_KINDS = {
    "column": _column,
    "bar": _bar,
    "comparison": _bar,
    "rank": _rank,
    "composition": _composition,
    "timeline": _timeline,
    "kpi": _kpi,
}
