"""The chart kinds, registered in one place: name -> the kind's parts.

Each kind is one module here holding its input rule, resolve, describe, draw and (where
PowerPoint has the chart type) native parts, ending in a ``KIND``. To add a kind: write its
module, add its ``KIND`` to ``KINDS`` below (``ChartKind`` is read from it), and give it a test
in ``tests/charts/kinds/``.
"""

from __future__ import annotations

from typing import Literal

from reportgen.charts.kinds import bar, column, comparison, composition, kpi, rank, timeline
from reportgen.charts.kinds.parts import Kind, NativePart

__all__ = ["KINDS", "NATIVE_KINDS", "ChartKind", "Kind", "NativePart"]

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        column.KIND,
        bar.KIND,
        rank.KIND,
        composition.KIND,
        comparison.KIND,
        timeline.KIND,
        kpi.KIND,
    )
}

#: The kind names a template's charts.yaml may use: the registry's, in its order (which is the
#: order a validation error lists them in).
ChartKind = Literal[tuple(KINDS)]  # type: ignore[valid-type]

#: The kinds PowerPoint draws as native, editable charts (what a deck's chart slot takes);
#: the others are placed as pictures.
NATIVE_KINDS: tuple[str, ...] = tuple(name for name, kind in KINDS.items() if kind.native)
