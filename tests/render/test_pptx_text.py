import pytest
from pptx.util import Inches

from reportgen.fonts import resolve
from reportgen.render.pptx_text import Fonts, Para, TextOverflowError, fit_size

FONTS = Fonts("Noto Sans SC", "Noto Sans SC", resolve("Noto Sans SC"), "zh-CN")


def test_short_text_keeps_the_largest_size():
    assert (
        fit_size(
            [Para("对外贸易")], Inches(4), Inches(1), FONTS, max_size=24, min_size=10, where="x"
        )
        == 24
    )


def test_long_chinese_text_shrinks_to_fit():
    text = (
        "依托国际贸易“单一窗口”搭建上合经贸综服平台，按照国际、国内、省内、青岛、胶州五个圈层有序引导企业"
        * 2
    )
    size = fit_size(
        [Para(text, bullet=True)], Inches(4), Inches(2), FONTS, max_size=24, min_size=8, where="x"
    )
    assert 8 <= size < 24


def test_text_that_cannot_fit_is_an_error_naming_the_box():
    with pytest.raises(TextOverflowError, match="slide 3 'trade' note: text does not fit"):
        fit_size(
            [Para("很长的文字" * 200)],
            Inches(2),
            Inches(0.4),
            FONTS,
            max_size=12,
            min_size=8,
            where="slide 3 'trade' note",
        )


def test_a_word_wider_than_its_box_shrinks_rather_than_breaks_inside():
    """A KPI tile of '3.1 percentage points' at 40 pt: 'percentage' alone is wider than the
    tile, which PowerPoint would break inside the word; the size comes down until it fits."""
    from reportgen.fonts import text_width

    width = Inches(2.4)
    size = fit_size(
        [Para("3.1 percentage points")],
        width,
        Inches(2),
        FONTS,
        max_size=40,
        min_size=10,
        where="x",
    )
    room = width / 12700 - 2 * 7.2  # the box's width in points, less its 0.1 in insets
    assert size < 40
    assert text_width("percentage", FONTS.face, size) <= room
