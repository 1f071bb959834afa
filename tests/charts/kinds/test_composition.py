"""Composition kind: parts of a whole as a doughnut, checked against the total."""

from dataclasses import replace
from types import SimpleNamespace

import pytest
from lxml import etree
from matplotlib.patches import Wedge
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn

from reportgen.charts.kinds import composition
from reportgen.charts.resolve import ChartError
from reportgen.charts.spec import ChartSpec


def spec(**fields):
    return ChartSpec.model_validate(
        {"id": "x", "kind": "composition", "title_zh": "x", "title_en": "x", **fields}
    )


def test_a_composition_needs_two_parts():
    with pytest.raises(ValueError, match="a 'composition' chart needs metrics"):
        spec()
    with pytest.raises(ValueError, match="needs at least two parts"):
        spec(metrics=["a"])


def test_resolve_adds_the_total_and_marks_the_derived_part(seed, briefing):
    fields = composition.resolve(briefing.chart("staff_by_degree"), seed, "zh")
    points = fields["series"][0].points
    assert [(p.label, p.text, p.derived) for p in points] == [
        ("本科", "77人", True),
        ("硕士研究生", "62人", False),
        ("博士研究生", "5人", False),
    ]
    assert (fields["total"].text, fields["total"].sources) == ("144人", ("staff_total",))
    assert len(fields["footnotes"]) == 1 and "管委会工作人员" in fields["footnotes"][0]


def test_without_a_total_the_parts_stand_alone(seed):
    fields = composition.resolve(spec(metrics=["staff_masters", "staff_doctorates"]), seed, "zh")
    assert "total" not in fields
    assert [p.text for p in fields["series"][0].points] == ["62人", "5人"]


def test_parts_must_add_up_to_the_total(seed):
    parts = spec(total="staff_total", metrics=["staff_masters", "staff_doctorates"])
    with pytest.raises(ChartError, match="add up to 67, not to staff_total = 144"):
        composition.resolve(parts, seed, "zh")


def test_total_must_share_the_parts_unit(seed):
    mixed = spec(total="platform_phase1_days", metrics=["staff_masters", "staff_doctorates"])
    with pytest.raises(ChartError, match="total 'platform_phase1_days' is in 天, the parts in 人"):
        composition.resolve(mixed, seed, "zh")


def test_describe_leads_with_the_total(resolved):
    staff = resolved("staff_by_degree")
    expected = "管委会工作人员144人，其中本科77人（推算）、硕士研究生62人、博士研究生5人"
    assert composition.takeaway(staff) == expected + "。"
    assert composition.alt_body(staff) == [expected]
    english = resolved("staff_by_degree", "en")
    assert ", of whom Bachelor's 77 people (derived), Master's 62 people" in english.takeaway


def test_describe_without_a_total_lists_the_parts(resolved):
    from dataclasses import replace

    staff = replace(resolved("staff_by_degree"), total=None)
    assert composition.alt_body(staff)[0] == "本科77人（推算）"
    assert composition.takeaway(staff) == "本科77人（推算）、硕士研究生62人、博士研究生5人。"


def test_draw_a_ring_with_the_total_in_its_hole(drawn, texts, resolved):
    fig = drawn(composition.KIND, resolved("staff_by_degree"))
    wedges = [p for p in fig.axes[0].patches if isinstance(p, Wedge)]
    assert len(wedges) == 3
    assert [bool(w.get_hatch()) for w in wedges] == [True, False, False]
    assert all(w.width == composition.RING for w in wedges)
    drawn_texts = texts(fig)
    assert "144人" in drawn_texts  # in the hole
    assert "管委会工作人员 144人" in drawn_texts  # the legend's title names it
    assert "本科  77人（推算）" in drawn_texts and "硕士研究生  62人" in drawn_texts


def test_native_doughnut_names_parts_with_values(native, resolved):
    frame = native(resolved("staff_by_degree"))
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.DOUGHNUT
    assert list(chart.plots[0].categories) == [
        "本科 77人（推算）",
        "硕士研究生 62人",
        "博士研究生 5人",
    ]
    xml = etree.fromstring(chart.part.blob)
    assert xml.find(f".//{qn('c:holeSize')}").get("val") == str(composition.HOLE_PERCENT)
    layout = xml.find(f".//{qn('c:plotArea')}/{qn('c:layout')}/{qn('c:manualLayout')}")
    assert [layout.find(qn(t)).get("val") for t in ("c:x", "c:y", "c:w", "c:h")] == [
        f"{v:.4f}" for v in composition.DONUT_PLOT_AREA
    ]


def test_donut_centre_is_the_middle_of_the_plot_area():
    frame = SimpleNamespace(left=1000, top=2000, width=10000, height=5000)
    x, y, w, h = composition.DONUT_PLOT_AREA
    cx, cy, diameter = composition.donut_centre(frame)
    assert diameter == int(min(10000 * w, 5000 * h))
    assert cx == int(1000 + 10000 * x + 10000 * w / 2)
    assert cy == int(2000 + 5000 * y + 5000 * h / 2)


def test_the_total_is_laid_over_the_doughnuts_hole(resolved, briefing):
    chart = resolved("staff_by_degree")
    frame = SimpleNamespace(left=1000, top=2000, width=100000, height=50000)
    colours = briefing.theme.colors
    (total,) = composition.native_after_insert(frame, chart, colours)
    cx, cy, diameter = composition.donut_centre(frame)
    left, top, width, height = total.box
    assert width == height < diameter * composition.HOLE_PERCENT / 100  # inside the hole
    assert (left + width // 2, top + height // 2) == (cx, cy)
    assert [(line.text, line.colour) for line in total.lines] == [
        (chart.total.text, colours.primary),
        (chart.total.label, colours.muted),
    ]
    assert total.lines[1].scale < total.lines[0].scale


def test_without_a_total_nothing_is_laid_over_the_doughnut(resolved, briefing):
    chart = resolved("staff_by_degree")
    frame = SimpleNamespace(left=0, top=0, width=100000, height=50000)
    untotalled = replace(chart, total=None)
    assert composition.native_after_insert(frame, untotalled, briefing.theme.colors) == ()
