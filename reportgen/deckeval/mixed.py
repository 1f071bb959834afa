"""Charts that put unlike figures on one value axis: a level beside a change, a growth rate
beside a share, money beside a count, a figure over a period beside one at a date.

Read from the content model (``ChartData``: every point carries the ids of the facts it
draws) and the data's metrics, so it measures whatever chart kinds and plans the product
makes, not the planner's intent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reportgen.charts.model import ChartData, Point

#: Chart kinds whose figures do not share a value axis (each figure stands alone, or there
#: are no values): never mixed, whatever they hold.
NO_VALUE_AXIS = frozenset({"kpi", "timeline"})


@dataclass(frozen=True)
class Kind:
    """What a figure is, as far as an axis cares; None where the data does not say."""

    role: str | None
    unit: str | None
    period_kind: str | None


def fact_kinds(dataset) -> dict[str, Kind]:
    """Every metric and ranking of a dataset by id."""
    kinds = {m.id: Kind(m.role, m.unit, m.period_kind) for m in dataset.metrics}
    kinds.update({r.id: Kind("rank", "rank", None) for r in dataset.rankings})
    return kinds


def _axis_fact(point: Point, values: Mapping[str, float]) -> str | None:
    """The fact a point's bar stands for: the source with the point's value (a point may also
    name a change it prints in its label), else its first source."""
    for source in point.sources:
        if source in values and values[source] == point.value:
            return source
    return point.sources[0] if point.sources else None


@dataclass(frozen=True)
class Mixing:
    chart: str
    kind: str
    #: what differs along the one axis: "role", "unit", "period kind"
    mixes: tuple[str, ...]
    #: per fact drawn: id -> (role, unit, period kind)
    facts: tuple[tuple[str, Kind], ...]

    @property
    def mixed(self) -> bool:
        return bool(self.mixes)


def chart_mixing(
    chart: ChartData, kinds: Mapping[str, Kind], values: Mapping[str, float] | None = None
) -> Mixing | None:
    """How one chart's value axis mixes kinds of figure; None for a chart with no value axis
    (a KPI grid, a timeline). Where the data leaves a role unset, that figure is not counted
    as differing in role."""
    if chart.kind in NO_VALUE_AXIS:
        return None
    points = [*chart.points(), *([chart.total] if chart.total else [])]
    ids = [_axis_fact(p, values or {}) for p in points]
    drawn = [(i, kinds[i]) for i in dict.fromkeys(i for i in ids if i and i in kinds)]
    if not drawn:
        return None
    mixes = []
    for name, attribute in (("role", "role"), ("unit", "unit"), ("period kind", "period_kind")):
        found = {getattr(kind, attribute) for _, kind in drawn} - {None}
        if len(found) > 1:
            mixes.append(name)
    return Mixing(chart.id, chart.kind, tuple(mixes), tuple(drawn))
