"""Parts shared by the kinds: the one wording of a missing input."""

import pytest

from reportgen.charts.kinds.parts import require, require_metrics
from reportgen.charts.spec import ChartSpec


def kpi(**fields):
    return ChartSpec.model_validate(
        {"id": "x", "kind": "kpi", "title_zh": "x", "title_en": "x", "metrics": ["a"], **fields}
    )


def test_require_words_a_missing_input_once():
    spec = kpi()
    require(spec, "anything", True)
    with pytest.raises(ValueError, match=r"^a 'kpi' chart needs series$"):
        require(spec, "series", False)


def test_require_metrics_passes_a_spec_with_metrics():
    chart = kpi()
    require_metrics(chart)
    empty = chart.model_copy(update={"metrics": []})
    with pytest.raises(ValueError, match=r"^a 'kpi' chart needs metrics$"):
        require_metrics(empty)
