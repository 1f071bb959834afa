"""Drawing: the bundled face for every glyph, byte-identical rebuilds, the cache."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace

import matplotlib
import pytest
from matplotlib import font_manager

from reportgen.charts import render_charts
from reportgen.charts.draw import draw
from reportgen.charts.export import _RC, chart_bytes, register, render_bytes
from reportgen.charts.resolve import resolve_chart
from reportgen.fonts import FontError, missing_glyphs
from tests.conftest import BRIEFING_DIR, ROOT, SEED_DIR

pytestmark = pytest.mark.slow
KINDS = [
    "key_figures",
    "ranking_climb",
    "foreign_trade",
    "industry_parks",
    "holding_group",
    "staff_by_degree",
    "platform_build_speed",
    "may_2023_events",
]


@pytest.mark.parametrize("chart_id", KINDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_is_drawn_with_the_bundled_face(briefing, seed, chart_id, lang):
    face = briefing.face()
    chart = resolve_chart(briefing.chart(chart_id), seed, lang)
    register(face)
    with matplotlib.rc_context({**_RC, "font.family": [face.family]}):
        fig = draw(chart, briefing.theme, face)
        fig.canvas.draw()  # lay out, so every text artist exists as it will be drawn
        texts = [t for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]
        assert texts
        for text in texts:
            used = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
            assert used == str(face.path), (text.get_text(), used)
            assert missing_glyphs(text.get_text(), face) == [], text.get_text()
    if lang == "zh":
        drawn = "".join(t.get_text() for t in texts)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in drawn)


@pytest.mark.parametrize("chart_id", KINDS)
def test_rebuilds_are_byte_identical(briefing, seed, chart_id):
    chart = resolve_chart(briefing.chart(chart_id), seed, "zh")
    face = briefing.face()
    for fmt in ("png", "svg"):
        assert render_bytes(chart, briefing.theme, face, fmt) == render_bytes(
            chart, briefing.theme, face, fmt
        )


def test_no_dates_or_version_stamps(briefing, seed):
    chart = resolve_chart(briefing.chart("foreign_trade"), seed, "zh")
    face = briefing.face()
    png = render_bytes(chart, briefing.theme, face, "png")
    svg = render_bytes(chart, briefing.theme, face, "svg")
    assert b"Software" not in png and b"matplotlib" not in png.lower()
    assert b"<dc:date>" not in svg and b"Matplotlib v" not in svg
    assert b"<text" not in svg  # text is drawn as paths: the SVG needs no font to display


def test_png_is_presentation_resolution(briefing, seed):
    from PIL import Image

    chart = resolve_chart(briefing.chart("ranking_climb"), seed, "en")
    png = render_bytes(chart, briefing.theme, briefing.face(), "png")
    width, height = Image.open(io.BytesIO(png)).size
    assert (width, height) == (2000, 1125)


def test_missing_glyph_is_reported_not_drawn_as_a_box(briefing, seed):
    chart = resolve_chart(briefing.chart("industry_parks"), seed, "zh")
    broken = replace(chart, title="园区\U0001f680")
    with pytest.raises(FontError, match=r"chart 'industry_parks' title: .* U\+1F680"):
        render_bytes(broken, briefing.theme, briefing.face(), "png")


def test_cache_skips_unchanged_charts_and_sees_changes(briefing, seed):
    chart = resolve_chart(briefing.chart("holding_group"), seed, "zh")
    face = briefing.face()
    first, cached = chart_bytes(chart, briefing.theme, face, "png")
    assert not cached
    again, cached = chart_bytes(chart, briefing.theme, face, "png")
    assert cached and again == first
    changed, cached = chart_bytes(replace(chart, title="另一个标题"), briefing.theme, face, "png")
    assert not cached and changed != first


def test_render_charts_writes_files_and_manifest(briefing, seed, tmp_path):
    import json

    files = render_charts(
        seed,
        briefing.charts,
        "en",
        tmp_path,
        theme=briefing.theme,
        face=briefing.face(),
        formats=("png",),
    )
    assert len(files) == len(briefing.charts)
    manifest = json.loads((tmp_path / "charts.en.json").read_text(encoding="utf-8"))
    trade = next(entry for entry in manifest if entry["id"] == "foreign_trade")
    assert trade["files"] == ["foreign_trade.en.png"]
    assert "foreign_trade_2021_implied" in trade["sources"]
    assert trade["alt_text"].startswith("Column chart: Foreign trade.")


def test_no_system_cjk_font_is_needed(tmp_path):
    """With every system font hidden from matplotlib, Chinese still comes from the bundled face."""
    code = f"""
import matplotlib.font_manager as fm
fm.findSystemFonts = lambda *a, **k: []
fm.fontManager = fm.FontManager()  # rebuilt without system fonts
from reportgen.data import load_dataset
from reportgen.template import load_template
from reportgen.charts.resolve import resolve_chart
from reportgen.charts.export import render_bytes
seed = load_dataset({str(SEED_DIR)!r})
tpl = load_template({str(BRIEFING_DIR)!r})
chart = resolve_chart(tpl.chart('staff_by_degree'), seed, 'zh')
png = render_bytes(chart, tpl.theme, tpl.face(), 'png')
names = sorted({{f.name for f in fm.fontManager.ttflist}})
import json
print(json.dumps([len(png) > 10000, names]))
"""
    env = {
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
        "PATH": "/usr/bin:/bin",
        "REPORTGEN_CACHE_DIR": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    import json

    drawn, names = json.loads(result.stdout.strip().splitlines()[-1])
    assert drawn
    # Only matplotlib's own faces (DejaVu, STIX, Computer Modern) and the bundled one are known.
    assert "Noto Sans SC" in names
    assert all(n.startswith(("DejaVu", "STIX", "cm")) or n == "Noto Sans SC" for n in names), names
