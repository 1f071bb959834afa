"""Alt text and takeaway: a shared head, the kind's body and reading."""

from reportgen.charts.describe import alt_text, takeaway
from reportgen.charts.model import ChartData, Point, Series

POINTS = (Point("园区", 20, "20个"), Point("在建", 12, "12个"))


def chart(lang="zh", kind="bar", **fields):
    return ChartData(
        id="c", kind=kind, lang=lang, title="园区布局", series=(Series("s", POINTS),), **fields
    )


def test_alt_text_names_the_kind_title_and_subtitle():
    assert alt_text(chart()) == "条形图：园区布局。园区20个；在建12个。"
    assert (
        alt_text(chart(subtitle="截至5月")) == "条形图：园区布局（截至5月）。园区20个；在建12个。"
    )
    assert alt_text(chart("en", subtitle="to May")) == (
        "Bar chart: 园区布局 (to May). 园区 20个; 在建 12个."
    )


def test_the_kind_decides_the_name_and_the_reading():
    assert alt_text(chart(kind="kpi")).startswith("关键数据：园区布局。")
    assert alt_text(chart(kind="comparison", lang="en")).startswith("Comparison bar chart: ")
    ranks = chart(kind="rank")
    assert takeaway(ranks) == "排名由园区20个升至在建12个。"
    assert takeaway(chart()) == "园区20个、在建12个。"
