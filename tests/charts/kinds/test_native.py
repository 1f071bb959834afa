"""The native part's helpers: theme colours as RGB, round axis maxima, and the charts layer
never importing the renderer."""

import ast

import pytest

from reportgen.charts.kinds.native import nice_ceiling, rgb
from tests.conftest import ROOT


def test_rgb_reads_a_theme_colour_with_or_without_hash_in_any_case():
    assert str(rgb("#1f3a5f")) == "1F3A5F"
    assert str(rgb("C8102E")) == "C8102E"


@pytest.mark.parametrize(
    ("value", "ceiling"),
    [(0, 1.0), (-3, 1.0), (1, 1), (7, 8), (11, 12), (13, 15), (140, 150), (2100, 2500)],
)
def test_nice_ceiling_is_the_next_round_step_at_or_above_the_value(value, ceiling):
    assert nice_ceiling(value) == pytest.approx(ceiling)


def test_nice_ceiling_rolls_over_to_the_next_power_of_ten():
    assert nice_ceiling(9) == pytest.approx(10)
    assert nice_ceiling(81) == pytest.approx(100)


def test_no_chart_module_imports_the_renderer():
    """Data -> charts -> renderers: a kind's native part gets what it needs from charts."""
    offenders = []
    for path in (ROOT / "reportgen" / "charts").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "reportgen.render"
            ):
                offenders.append(f"{path.name}: {node.module}")
    assert offenders == []
