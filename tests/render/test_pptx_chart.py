"""What every native PowerPoint chart shares: its insertion, fonts, fills, labels, alt text."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from reportgen.charts.model import ChartData, Point, Series
from reportgen.render.pptx_chart import add_chart
from reportgen.render.pptx_text import Fonts

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"

CHART = ChartData(
    id="parks",
    kind="bar",
    lang="zh",
    title="产业园区布局",
    series=(
        Series(
            "园区",
            (
                Point("布局园区", 20, "20个"),
                Point("建设中", 12, "约12个*", derived=True),
            ),
        ),
    ),
    alt_text="条形图：产业园区布局。布局园区20个；建设中约12个（推算）。",
)


def insert(briefing, chart: ChartData):
    prs = Presentation(str(briefing.master))
    layout = next(
        layout
        for layout in prs.slide_layouts
        if any(p.placeholder_format.type == PP_PLACEHOLDER.CHART for p in layout.placeholders)
    )
    slide = prs.slides.add_slide(layout)
    target = next(
        p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.CHART
    )
    fonts = Fonts("Noto Sans SC", "Noto Sans SC", briefing.face(), "zh-CN")
    return add_chart(target.insert_chart, chart, briefing.theme, fonts)


def test_a_native_chart_carries_its_alt_text_and_title(briefing):
    frame = insert(briefing, CHART)
    c_nv_pr = frame._element.find(".//{*}cNvPr")
    assert c_nv_pr.get("descr") == CHART.alt_text
    assert c_nv_pr.get("title") == "产业园区布局"
    assert frame.chart.has_title is False  # the slide's title says it


def test_the_labels_are_the_display_texts_and_derived_points_are_hatched(briefing):
    chart = insert(briefing, CHART).chart
    points = chart.plots[0].series[0].points
    assert [points[i].data_label.text_frame.text for i in range(2)] == ["20个", "约12个*"]
    fills = [
        [child.tag for child in dpt.find(f"{C}spPr")] for dpt in chart._chartSpace.iter(f"{C}dPt")
    ]
    assert f"{A}solidFill" in fills[0] and f"{A}pattFill" not in fills[0]
    assert f"{A}pattFill" in fills[1]  # derived: set apart from reported values


def test_every_text_in_the_chart_has_an_east_asian_face(briefing):
    chart = insert(briefing, CHART).chart
    default = chart._chartSpace.find(f"{C}txPr/{A}p/{A}pPr/{A}defRPr")
    assert default.find(f"{A}ea").get("typeface") == "Noto Sans SC"
    labels = list(chart._chartSpace.iter(f"{A}rPr"))  # the value labels' runs
    assert len(labels) >= 2
    assert {run_props.find(f"{A}ea").get("typeface") for run_props in labels} == {"Noto Sans SC"}


def test_a_kind_powerpoint_cannot_draw_is_refused_by_name(briefing):
    timeline = ChartData(id="events", kind="timeline", lang="zh", title="重点活动")
    with pytest.raises(ValueError, match="'timeline' charts have no native PowerPoint type"):
        insert(briefing, timeline)
