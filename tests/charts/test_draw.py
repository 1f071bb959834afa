"""draw: the frame, then the kind's draw part; every glyph checked before drawing."""

import warnings

import pytest
from matplotlib.patches import Rectangle

from reportgen.charts.draw import check_rendered, draw
from reportgen.charts.export import register
from reportgen.charts.model import ChartData, Point, Series
from reportgen.fonts import FontError

POINTS = (Point("2020年度", 4, "第4名"), Point("2022年度", 1, "第1名"))


def chart(kind, title="排名"):
    return ChartData(
        id="c",
        kind=kind,
        lang="zh",
        title=title,
        categories=("2020年度", "2022年度"),
        series=(Series("s", POINTS),),
        source_line="来源：报纸",
    )


@pytest.fixture
def face(briefing):
    register(briefing.face())
    return briefing.face()


def test_each_kind_draws_its_own_marks(briefing, face):
    rank = draw(chart("rank"), briefing.theme, face)
    assert len(rank.axes[0].get_lines()) == 1
    bars = draw(chart("bar"), briefing.theme, face)
    widths = [p.get_width() for p in bars.axes[0].patches if isinstance(p, Rectangle)]
    assert widths == [4, 1]


def test_framed_figures_carry_title_and_source(briefing, face):
    framed = [t.get_text() for t in draw(chart("kpi"), briefing.theme, face).texts]
    bare = [t.get_text() for t in draw(chart("kpi"), briefing.theme, face, framed=False).texts]
    assert "排名" in framed and "来源：报纸" in framed
    assert "排名" not in bare and "来源：报纸" not in bare
    assert "第4名" in bare


def test_a_missing_glyph_fails_before_drawing(briefing, face):
    with pytest.raises(FontError, match=r"chart 'c' title: font .* U\+1F600"):
        draw(chart("bar", title="排名 \U0001f600"), briefing.theme, face)


def test_check_rendered_turns_missing_glyph_warnings_into_errors():
    def clean():
        return b"png"

    def missing():
        warnings.warn("Glyph 128512 missing from font(s) X.", stacklevel=1)
        return b"png"

    assert check_rendered(None, clean) == b"png"
    with pytest.raises(FontError, match="missing from font"):
        check_rendered(None, missing)
