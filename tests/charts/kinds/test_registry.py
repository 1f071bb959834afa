"""The registry: every kind a spec may name has all its parts, found by that name."""

import subprocess
import sys
from typing import get_args

import pytest
from pptx.enum.chart import XL_CHART_TYPE

from reportgen import locale
from reportgen.charts.kinds import KINDS, NATIVE_KINDS, ChartKind, Kind
from reportgen.charts.spec import ChartSpec
from reportgen.locale import LANGS
from reportgen.render import pptx_chart
from tests.conftest import ROOT


def test_every_chart_kind_name_is_registered_and_nothing_else():
    assert get_args(ChartKind) == (
        "column",
        "bar",
        "rank",
        "composition",
        "comparison",
        "timeline",
        "kpi",
    )


def test_a_spec_naming_no_registered_kind_is_refused_with_every_kind_in_order():
    import pydantic

    with pytest.raises(pydantic.ValidationError) as refused:
        ChartSpec.model_validate({"id": "c", "kind": "pie", "title": {"zh": "图", "en": "C"}})
    message = str(refused.value)
    assert (
        "Input should be 'column', 'bar', 'rank', 'composition', 'comparison', 'timeline' "
        "or 'kpi'" in message
    )


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kind_is_complete_under_its_own_name(name):
    kind = KINDS[name]
    assert isinstance(kind, Kind) and kind.name == name
    assert all(locale.get(lang).CHART_KIND_NAMES.get(name) for lang in LANGS)  # its alt text
    for part in (kind.check, kind.resolve, kind.alt_body, kind.takeaway, kind.draw):
        assert callable(part)
    if kind.native is not None:
        assert kind.native.chart_type in XL_CHART_TYPE.__members__


def test_native_kinds_are_those_with_a_native_part():
    assert set(NATIVE_KINDS) == {"column", "bar", "comparison", "rank", "composition"}
    assert {n for n, k in KINDS.items() if k.native} == set(NATIVE_KINDS)
    assert pptx_chart.NATIVE_KINDS is NATIVE_KINDS  # the deck writer reads the same list


def test_spec_checks_inputs_through_the_kind():
    with pytest.raises(ValueError, match="a 'timeline' chart needs events"):
        ChartSpec.model_validate({"id": "x", "kind": "timeline", "title_zh": "x", "title_en": "x"})
    with pytest.raises(ValueError, match="Input should be 'column', 'bar'"):
        ChartSpec.model_validate({"id": "x", "kind": "pie", "title_zh": "x", "title_en": "x"})


def test_registering_kinds_imports_no_drawing_library():
    """Loading a template validates its chart specs through the registry; that must not import
    matplotlib (the CLI moves its cache first) or python-pptx (``validate`` never draws)."""
    code = (
        "import sys\n"
        "from reportgen.template import load_template\n"
        "load_template('briefing')\n"
        "import reportgen.charts.kinds, reportgen.charts.resolve, reportgen.charts.describe\n"
        "print([m for m in ('matplotlib', 'pptx', 'reportlab') if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
