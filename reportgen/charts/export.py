"""Figures to PNG and SVG bytes that are identical across rebuilds, behind a content cache.

matplotlib stamps its version into PNGs and the date into SVGs, and SVG element ids are random
unless salted: all three are fixed here. SVG text is written as paths, so the vector form
needs no font to display (the PDF embeds it as drawings).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG

from reportgen import __version__
from reportgen.charts.draw import check_rendered, draw
from reportgen.charts.model import ChartData
from reportgen.fonts import Face
from reportgen.outputs import atomic_write
from reportgen.paths import cache_root
from reportgen.theme import Theme

_RC = {
    "svg.hashsalt": "reportgen",
    "svg.fonttype": "path",
    "axes.unicode_minus": False,
    "hatch.linewidth": 0.8,
    "path.simplify": True,
    "text.parse_math": False,  # labels are data: "$x^2$" prints as written, "$\\foo$" is text
}
_registered: set[Path] = set()


def register(face: Face) -> None:
    """Make the face known to matplotlib by its file (never by a system lookup)."""
    if face.path not in _registered:
        font_manager.fontManager.addfont(str(face.path))
        _registered.add(face.path)


def render_bytes(
    chart: ChartData,
    theme: Theme,
    face: Face,
    fmt: str,
    *,
    framed: bool = True,
    size_in: tuple[float, float] | None = None,
    svg_text: bool = False,
) -> bytes:
    """One chart as PNG or SVG bytes; ``framed`` adds title, footnotes and source (a slide
    has its own), ``size_in`` overrides the theme's size (to fill a placeholder exactly).

    SVG text is drawn as paths (the file needs no font) unless ``svg_text``: then it stays
    text in the font family, for a consumer that embeds the font itself (the PDF does; its
    text stays searchable, and the drawing has a tenth of the nodes)."""
    register(face)
    if size_in is not None:
        chart_style = theme.chart.model_copy(
            update={"width_in": size_in[0], "height_in": size_in[1]}
        )
        theme = theme.model_copy(update={"chart": chart_style})
    rc = {**_RC, "font.family": [face.family]}
    if svg_text:
        rc["svg.fonttype"] = "none"
    with matplotlib.rc_context():
        # matplotlib's own defaults, never a matplotlibrc from HOME or the working folder
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(rc)
        fig = draw(chart, theme, face, framed=framed)
        buffer = io.BytesIO()
        if fmt == "png":
            canvas = FigureCanvasAgg(fig)
            save = lambda: canvas.print_png(buffer, metadata={"Software": None})  # noqa: E731
        elif fmt == "svg":
            canvas = FigureCanvasSVG(fig)
            save = lambda: canvas.print_svg(buffer, metadata={"Date": None, "Creator": None})  # noqa: E731
        else:
            raise ValueError(f"unknown chart format '{fmt}'")
        check_rendered(fig, save)
    return buffer.getvalue()


def cache_dir() -> Path:
    """Where rendered charts are kept between builds."""
    return cache_root() / "charts"


@functools.cache
def _code_digest() -> str:
    """Hash of the drawing code itself, so a changed renderer never serves stale charts."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(chart: ChartData, theme: Theme, face: Face, fmt: str, **options) -> str:
    """Hash of everything that decides the bytes: data, theme, font file, library versions
    and the drawing options."""
    material = {
        "chart": chart.as_dict(),
        "theme": theme.model_dump(),
        "font": face.digest,
        "format": fmt,
        "reportgen": __version__,
        "code": _code_digest(),
        "matplotlib": matplotlib.__version__,
        "options": options,
    }
    blob = json.dumps(material, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def chart_bytes(
    chart: ChartData,
    theme: Theme,
    face: Face,
    fmt: str,
    *,
    use_cache: bool = True,
    framed: bool = True,
    size_in: tuple[float, float] | None = None,
    svg_text: bool = False,
) -> tuple[bytes, bool]:
    """The chart's bytes and whether they came from the cache; an unchanged chart is never
    redrawn."""
    key = cache_key(chart, theme, face, fmt, framed=framed, size_in=size_in, svg_text=svg_text)
    cached = cache_dir() / key[:2] / f"{key}.{fmt}"
    if use_cache and cached.is_file():
        return cached.read_bytes(), True
    data = render_bytes(chart, theme, face, fmt, framed=framed, size_in=size_in, svg_text=svg_text)
    if use_cache:
        with contextlib.suppress(OSError):  # a read-only cache only costs time
            atomic_write(cached, data)
    return data, False
