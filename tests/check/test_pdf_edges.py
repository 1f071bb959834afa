"""Text drawn beyond a PDF page's left or right edge (`check/pdf_edges.py`), measured by the
embedded font's own widths where the text matrix puts it."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from reportgen.check.pdf_edges import overruns
from reportgen.fonts import text_width, truetype_subset

LINE = "示范区对外贸易额达360亿元，增长38.3%"


def _page(briefing, draw) -> object:
    face = briefing.face()
    name, path = truetype_subset(face, LINE + "…")
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(400, 300))
    canvas.setFont(name, 10)
    draw(canvas)
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0]


def test_text_within_the_page_is_no_finding(briefing):
    page = _page(briefing, lambda c: c.drawString(20, 200, LINE))
    assert overruns(page) == []


def test_text_past_the_right_edge_is_measured(briefing):
    width = text_width(LINE, briefing.face(), 10)
    page = _page(briefing, lambda c: c.drawString(300, 200, LINE))
    (found,) = overruns(page)
    assert found.edge == "right" and found.text == LINE
    assert abs(found.points - (300 + width - 400)) < 0.5  # the font's widths, to the point


def test_a_second_piece_on_one_line_starts_where_the_first_ends(briefing):
    """Two runs in one text object (a superscript, a font change): the second is placed
    after the first, not at the line's start."""

    def draw(canvas):
        text = canvas.beginText(200, 200)
        text.textOut(LINE)
        text.textOut(LINE)
        canvas.drawText(text)

    found = overruns(_page(briefing, draw))
    assert [f.edge for f in found] == ["right"]


def test_text_past_the_left_edge_is_found(briefing):
    (found,) = overruns(_page(briefing, lambda c: c.drawString(-30, 100, LINE)))
    assert found.edge == "left" and round(found.points) == 30
    assert str(found).startswith("text drawn past the left edge of the page by 30 pt: '示范区")
