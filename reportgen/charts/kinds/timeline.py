"""Timeline: the events dated in a window (May 2023's signings and visits), on a day axis.

Events come from the dataset's events table by an event query, never from metrics; each is
labelled with its date, title and place, and labels take turns above and below the line so
none overlaps another. PowerPoint has no timeline chart: the deck shows the drawing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from reportgen import locale
from reportgen.charts.canvas import Canvas
from reportgen.charts.kinds.parts import Kind, require
from reportgen.charts.lookup import ChartError
from reportgen.charts.model import ChartData, TimelineItem
from reportgen.charts.wording import separators
from reportgen.formatting import format_date_range

if TYPE_CHECKING:
    from reportgen.charts.spec import ChartSpec
    from reportgen.data import Dataset
    from reportgen.locale import Lang

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check(spec: ChartSpec) -> None:
    require(spec, "events", spec.events is not None)


def resolve(spec: ChartSpec, dataset: Dataset, lang: Lang) -> dict[str, Any]:
    query = spec.events
    chosen = [
        e
        for e in dataset.events
        if query.from_ <= e.date <= query.to + "\uffff"
        and e.date_basis in query.basis
        and (not query.precise_only or _DAY.match(e.date))
    ]
    if not chosen:
        raise ChartError(f"chart '{spec.id}': no events between {query.from_} and {query.to}")
    chosen.sort(key=lambda e: (e.date, e.end_date or e.date, e.id))
    items = tuple(
        TimelineItem(
            start=e.date,
            end=e.end_date,
            label=format_date_range(e.date, e.end_date, lang, with_year=False),
            title=e.title[lang],
            place=e.place[lang],
            source=e.id,
        )
        for e in chosen
    )
    return {"items": items}


def _event(item: TimelineItem, lang: str) -> str:
    """Date and title: 5月10日上海签约 / 10 May Signing in Shanghai."""
    return f"{item.label}{locale.get(lang).SPACE}{item.title}"


def alt_body(chart: ChartData) -> list[str]:
    """Each event with its place: 5月17日乌兹别克斯坦—中国商务论坛（塔什干）."""
    lang = chart.lang
    aside = locale.get(lang).aside
    return [_event(item, lang) + (aside(item.place) if item.place else "") for item in chart.items]


def takeaway(chart: ChartData) -> str:
    _, semi, stop = separators(chart.lang)
    return semi.join(_event(i, chart.lang) for i in chart.items) + stop


def draw(c: Canvas, bottom: float, top: float) -> None:
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
        # The label is centred on its day but kept inside the axes: an event at either end
        # would otherwise print half its label past the picture's edge.
        half = label_w / 2 / per_day
        at = min(max(mid, first + half), last - half) if last - first > 2 * half else mid
        # Choose a level above or below the line where this label overlaps no other.
        centre_in = (at - first) * per_day
        span = (centre_in - label_w / 2, centre_in + label_w / 2)
        level = next(
            lv
            for lv in levels()
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
            at,
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


def levels() -> Iterator[int]:
    """Label levels nearest the line first, above before below: 1, -1, 2, -2, ..."""
    n = 1
    while True:
        yield n
        yield -n
        n += 1


KIND = Kind(
    name="timeline",
    check=check,
    resolve=resolve,
    alt_body=alt_body,
    takeaway=takeaway,
    draw=draw,
)
