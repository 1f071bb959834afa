"""Resolved chart data: what a chart shows, decided once, drawn by any renderer.

matplotlib draws it as PNG and SVG; the deck draws the same object as a native PowerPoint
chart. Every value carries the ids of the facts it came from and its display text (with the
article's hedge), and derived values are flagged so every renderer can set them apart.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from reportgen.locale import Lang


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    text: str  # the value as displayed, with unit and hedge: 近3000列, 约260.3亿元
    derived: bool = False
    qualifier: str = "exact"
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class TimelineItem:
    start: str  # ISO date
    end: str | None
    label: str  # date as displayed: 5月15日—19日 / 15–19 May
    title: str
    place: str | None
    source: str


@dataclass(frozen=True)
class ChartData:
    id: str
    kind: str
    lang: Lang
    title: str
    subtitle: str | None = None
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    axis_label: str | None = None  # e.g. 亿元 / CNY bn, the unit of the value axis
    scale: float = 1.0  # values are divided by this on the value axis
    total: Point | None = None
    items: tuple[TimelineItem, ...] = ()
    footnotes: tuple[str, ...] = ()
    source_line: str = ""
    alt_text: str = ""
    takeaway: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def points(self) -> list[Point]:
        return [point for series in self.series for point in series.points]

    def texts(self) -> list[tuple[str, str]]:
        """Every string the chart may draw, with where it comes from (for glyph checks)."""
        found = [("title", self.title)]
        found += [("subtitle", self.subtitle)] if self.subtitle else []
        found += [("axis_label", self.axis_label)] if self.axis_label else []
        found += [(f"category {i + 1}", c) for i, c in enumerate(self.categories)]
        for series in self.series:
            found.append(("series label", series.label))
            for point in series.points:
                found += [("point label", point.label), ("value label", point.text)]
        if self.total:
            found += [("total", self.total.text), ("total label", self.total.label)]
        for item in self.items:
            found += [("event date", item.label), ("event", item.title)]
            found += [("event place", item.place)] if item.place else []
        found += [("footnote", note) for note in self.footnotes]
        found += [("source line", self.source_line)] if self.source_line else []
        return [(f"chart '{self.id}' {where}", text) for where, text in found]

    def as_dict(self) -> dict[str, Any]:
        """Plain data for cache keys and manifests (stable key order)."""
        return asdict(self)
