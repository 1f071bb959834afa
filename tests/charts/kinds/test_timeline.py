"""Timeline kind: dated events on a day axis, labels above and below without overlaps."""

from itertools import combinations, islice

import pytest

from reportgen.charts.kinds import timeline
from reportgen.charts.model import ChartData, TimelineItem
from reportgen.charts.resolve import ChartError
from reportgen.charts.spec import ChartSpec

MAY = {"from": "2023-05-01", "to": "2023-05-31"}


def spec(**fields):
    return ChartSpec.model_validate(
        {"id": "x", "kind": "timeline", "title_zh": "x", "title_en": "x", **fields}
    )


def events(lang="zh"):
    zh = lang == "zh"
    return ChartData(
        id="t",
        kind="timeline",
        lang=lang,
        title="五月",
        items=(
            TimelineItem("2023-05-10", None, "5月10日" if zh else "10 May", "签约", "上海", "a"),
            TimelineItem("2023-05-15", "2023-05-19", "5月15日至19日", "考察新疆", None, "b"),
            TimelineItem("2023-05-17", None, "5月17日", "商务论坛签约协议", "塔什干", "c"),
        ),
    )


def test_a_timeline_needs_an_event_query():
    with pytest.raises(ValueError, match="a 'timeline' chart needs events"):
        spec()


def test_resolve_picks_the_window_in_date_order(seed):
    chosen = spec(events={**MAY, "basis": ["stated", "relative"]})
    fields = timeline.resolve(chosen, seed, "zh")
    assert [(i.label, i.source) for i in fields["items"]] == [
        ("5月10日", "shanghai_signing_2023_05_10"),
        ("5月15日至19日", "xinjiang_visit_2023_05"),
        ("5月17日", "uzbekistan_forum_2023_05_17"),
    ]
    english = timeline.resolve(chosen, seed, "en")["items"]
    assert english[1].label == "15–19 May" and english[1].end == "2023-05-19"


def test_resolve_filters_by_basis_and_precision(seed):
    every = [i.source for i in timeline.resolve(spec(events=MAY), seed, "zh")["items"]]
    # inferred events come in (same days sort by id); 'xian_talks_2023_05' is dated to the
    # month only, so it cannot be placed on a day axis
    assert every == [
        "shanghai_signing_2023_05_10",
        "alashankou_agreement_2023_05",
        "urumqi_signing_2023_05",
        "xinjiang_visit_2023_05",
        "uzbekistan_forum_2023_05_17",
    ]
    loose = spec(events={"from": "2023-05", "to": "2023-05", "precise_only": False})
    assert "xian_talks_2023_05" in [i.source for i in timeline.resolve(loose, seed, "zh")["items"]]


def test_an_empty_window_names_the_chart(seed):
    empty = spec(events={"from": "2030-01-01", "to": "2030-12-31"})
    with pytest.raises(ChartError, match="chart 'x': no events between 2030-01-01 and 2030"):
        timeline.resolve(empty, seed, "zh")


def test_describe_gives_date_title_and_place():
    assert timeline.alt_body(events()) == [
        "5月10日签约（上海）",
        "5月15日至19日考察新疆",
        "5月17日商务论坛签约协议（塔什干）",
    ]
    assert (
        timeline.takeaway(events())
        == "5月10日签约；5月15日至19日考察新疆；5月17日商务论坛签约协议。"
    )
    assert timeline.alt_body(events("en"))[0] == "10 May 签约 (上海)"


def test_levels_alternate_outwards():
    assert list(islice(timeline.levels(), 6)) == [1, -1, 2, -2, 3, -3]


def test_draw_labels_every_event_without_overlaps(drawn):
    fig = drawn(timeline.KIND, events())
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_text()]
    assert [t.get_text().split("\n")[0] for t in labels] == ["5月10日", "5月15日至19日", "5月17日"]
    assert "\n上海" in labels[0].get_text()  # the place, when the title does not name it
    assert [t.get_va() for t in labels] == ["bottom", "bottom", "top"]
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert not any(a.overlaps(b) for a, b in combinations(boxes, 2))
    # the multi-day event is a span, the others are dots
    spans = [line for line in ax.get_lines() if line.get_linewidth() == 9]
    assert len(spans) == 1 and list(spans[0].get_xdata()) == [738655, 738659]
    assert len(ax.collections) == 2


def test_powerpoint_has_no_timeline(native):
    assert timeline.KIND.native is None
    with pytest.raises(ValueError, match="'timeline' charts have no native PowerPoint type"):
        native(events())


def test_labels_of_events_at_either_end_stay_inside_the_picture(drawn):
    """Two events four months apart: each sits at an end of the axis, and its label, centred
    on it, would print half past the picture's edge."""
    far = ChartData(
        id="t",
        kind="timeline",
        lang="en",
        title="Events",
        items=(
            TimelineItem(
                "2024-05-20",
                None,
                "20 May",
                "Urumqi–Almaty–Tashkent road freight line launched",
                None,
                "a",
            ),
            TimelineItem(
                "2024-09-03",
                None,
                "3 September",
                "Khorgos international land port logistics centre completed",
                None,
                "b",
            ),
        ),
    )
    fig = drawn(timeline.KIND, far)
    renderer = fig.canvas.get_renderer()
    width = fig.get_window_extent(renderer).width
    for text in (t for t in fig.axes[0].texts if t.get_text()):
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= width, text.get_text()
