"""The shared canvas: frame, free band, axes placement and the look of derived values."""

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from reportgen.charts.canvas import LINE, PT, Canvas
from reportgen.charts.export import register
from reportgen.charts.model import ChartData, Point, Series


def chart(**fields):
    points = (Point("a", 1, "1个"), Point("b", 2, "2个", derived=True))
    return ChartData(
        id="c", kind="bar", lang="zh", title="标题", series=(Series("s", points),), **fields
    )


@pytest.fixture
def canvas(briefing):
    register(briefing.face())

    def make(data=None, *, framed=True, alpha=None):
        theme = briefing.theme
        if alpha is not None:
            derived = theme.derived.model_copy(update={"alpha": alpha})
            theme = theme.model_copy(update={"derived": derived})
        return Canvas(data or chart(), theme, briefing.face(), framed)

    return make


def test_lighter_blends_towards_white_as_an_opaque_colour(canvas):
    half = canvas(alpha=0.5)
    assert half.lighter("#000000") == "#808080"
    assert half.lighter("#FFFFFF") == "#FFFFFF"
    assert half.lighter("#0A1420") == "#848A90"  # 132.5, 137.5, 143.5: half to even
    assert canvas(alpha=1.0).lighter("#0B3D6B") == "#0B3D6B"


def test_derived_bars_are_lighter_and_hatched(canvas, briefing):
    c = canvas()
    reported, derived = chart().points()
    assert c.bar_style(reported, "#0B3D6B") == {
        "facecolor": "#0B3D6B",
        "edgecolor": "#0B3D6B",
        "linewidth": 0,
    }
    style = c.bar_style(derived, "#0B3D6B")
    assert style["facecolor"] == c.lighter("#0B3D6B") != "#0B3D6B"
    assert style["hatch"] == briefing.theme.derived.hatch and style["edgecolor"] == "#0B3D6B"
    legend = c.derived_legend_patch()
    assert legend.get_label() == "推算值" and legend.get_hatch() == briefing.theme.derived.hatch


def test_an_unframed_canvas_leaves_a_fixed_band_and_draws_nothing(canvas):
    c = canvas(framed=False)
    assert c.frame() == (0.04, 0.96)
    assert c.fig.texts == []


def test_the_frame_holds_title_notes_and_source_around_the_band(canvas, briefing):
    c = canvas(chart(subtitle="副标题", footnotes=("推算说明",), source_line="来源：报纸"))
    bottom, top = c.frame()
    texts = {t.get_text(): t for t in c.fig.texts}
    assert set(texts) == {"标题", "副标题", "* 推算说明", "来源：报纸"}
    assert (
        matplotlib.colors.to_hex(texts["标题"].get_color()) == briefing.theme.colors.primary.lower()
    )
    assert texts["标题"].get_position()[1] > texts["副标题"].get_position()[1] > top
    assert texts["* 推算说明"].get_position()[1] > texts["来源：报纸"].get_position()[1]
    assert bottom > texts["* 推算说明"].get_position()[1] and bottom < top
    # one title line: the band starts a title line, a subtitle line and a gap below the top
    sizes, height = briefing.theme.sizes, briefing.theme.chart.height_in
    expected = height - 0.25 - (sizes.chart_title + sizes.chart_label) * PT * LINE - 0.12
    assert top == pytest.approx(expected / height)


def test_axes_sit_in_the_band_with_room_below(canvas, briefing):
    c = canvas(framed=False)
    ax = c.axes(0.1, 0.9, left_in=1.0, right_in=0.5, below_in=c.below_axis(False))
    box = ax.get_position()
    width_in, height_in = briefing.theme.chart.width_in, briefing.theme.chart.height_in
    assert box.x0 == pytest.approx(1.0 / width_in)
    assert box.x1 == pytest.approx(1 - 0.5 / width_in)
    assert box.y0 == pytest.approx(0.1 + c.below_axis(False) / height_in)
    assert box.y1 == pytest.approx(0.9)
    assert c.below_axis(True) > c.below_axis(False) > 0


def test_text_is_set_in_the_theme_face(canvas, briefing):
    c = canvas(framed=False)
    c.text(0.5, 0.5, "对外贸易", 12)
    FigureCanvasAgg(c.fig).draw()
    (text,) = c.fig.texts
    assert text.get_fontfamily() == [briefing.face().family]
    assert matplotlib.colors.to_hex(text.get_color()) == briefing.theme.colors.text.lower()
