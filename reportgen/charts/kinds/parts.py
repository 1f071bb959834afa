"""The parts a chart kind is made of, so each kind can be written in one module.

A kind states its input rule (what a spec must give), how it resolves a spec against the
data, how its alt text and takeaway read, how matplotlib draws it and, where PowerPoint has
the chart type, how it becomes a native chart. The pipelines (``spec``, ``resolve``,
``describe``, ``draw``, ``render.pptx_chart``) look the kind up and call its part.

Registering a kind must stay light (loading a template validates specs, and ``validate``
never imports a drawing library): parts import matplotlib and python-pptx only when they run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pptx.chart.data import CategoryChartData

    from reportgen.charts.canvas import Canvas
    from reportgen.charts.kinds.native import NativeChart, Overlay
    from reportgen.charts.model import ChartData
    from reportgen.charts.spec import ChartSpec
    from reportgen.data import Dataset
    from reportgen.locale import Lang
    from reportgen.theme import Colours


@dataclass(frozen=True)
class NativePart:
    """How a kind becomes a native, editable PowerPoint chart."""

    #: A member of python-pptx's ``XL_CHART_TYPE``, by name (so registering needs no pptx).
    chart_type: str
    #: Puts the categories and series into the chart's embedded workbook.
    data: Callable[[ChartData, CategoryChartData], None]
    #: Colours, labels, axes and legend of the inserted chart.
    style: Callable[[NativeChart, ChartData], None]
    #: What the kind lays over the inserted chart's frame, in the theme's colours.
    after_insert: Callable[[Any, ChartData, Colours], tuple[Overlay, ...]] | None = None


@dataclass(frozen=True)
class Kind:
    """One chart kind: every part the pipelines need, found by its name."""

    #: Also what alt text calls the chart, by the locale's ``CHART_KIND_NAMES``.
    name: str
    #: Raises ValueError when a spec lacks the inputs this kind needs.
    check: Callable[[ChartSpec], None]
    #: The kind's ChartData fields (categories, series, axis, footnotes, ...) for one language.
    resolve: Callable[[ChartSpec, Dataset, Lang], dict[str, Any]]
    #: The clauses of the alt text after its head (kind name and title).
    alt_body: Callable[[ChartData], list[str]]
    #: A generic one-sentence reading, used when the spec gives none.
    takeaway: Callable[[ChartData], str]
    #: Draws into the canvas's free band between ``bottom`` and ``top`` (figure fractions).
    draw: Callable[[Canvas, float, float], None]
    #: None: PowerPoint has no such chart type and the deck shows the drawn picture.
    native: NativePart | None = None


def require(spec: ChartSpec, what: str, present: bool) -> None:
    """The one wording of a missing input: a 'column' chart needs series."""
    if not present:
        raise ValueError(f"a '{spec.kind}' chart needs {what}")


def require_metrics(spec: ChartSpec) -> None:
    require(spec, "metrics", bool(spec.metrics))
