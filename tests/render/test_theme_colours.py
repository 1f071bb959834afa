"""Theme colours reach the deck and the PDF: a house theme with a tinted background and its
own text-on-primary colour, the stripe in the master's colour scheme, the header and footer
in the muted colour, and no colour left spelled in a renderer."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str

from reportgen.content.summary import build_summary
from reportgen.render.master import build_master
from reportgen.render.pdf import render_summary
from reportgen.render.pptx import render_deck

CREAM, ON_PRIMARY, MUTED, STRIPE = "#FFF8E7", "#FAFAF0", "#556677", "#E0E4E8"
OLD_WHITE, OLD_GREY = "#FFFFFF", "#677586"


@pytest.fixture(scope="module")
def house(briefing):
    """The briefing template with a cream background and its own muted and stripe colours."""
    colours = briefing.theme.colors.model_copy(
        update={"background": CREAM, "on_primary": ON_PRIMARY, "muted": MUTED, "stripe": STRIPE}
    )
    return replace(briefing, theme=briefing.theme.model_copy(update={"colors": colours}))


def test_on_primary_is_optional_and_white_by_default(briefing):
    assert briefing.theme.colors.on_primary == "#FFFFFF"
    assert "on_primary" not in briefing.theme.colors.model_fields_set


def _hex(colour: str) -> bytes:
    return colour.lstrip("#").encode()


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def _parts(data: bytes, prefix: str) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [package.read(n) for n in package.namelist() if n.startswith(prefix)]


def test_deck_table_header_text_is_on_primary_and_plain_rows_the_background(decks, house):
    deck, _ = decks["zh"]
    table_slide = next(s for s in deck.slides if s.layout == "Table")
    xml = _part(render_deck(replace(deck, slides=(table_slide,)), house), "ppt/slides/slide1.xml")
    header = xml.split(b"</a:tr>")[0]
    assert re.findall(rb'<a:solidFill><a:srgbClr val="([0-9A-F]{6})"', header).count(
        _hex(ON_PRIMARY)
    ) >= len(table_slide.blocks[0].columns)
    assert _hex(CREAM) not in header  # header text no longer takes the page colour
    rows = xml.split(b"</a:tr>")[1]  # the first body row lies between stripes
    assert _hex(CREAM) in rows and _hex(OLD_WHITE) not in xml


def test_deck_hatched_points_are_backed_by_the_background(decks, house):
    deck, _ = decks["zh"]
    charts = [s for s in deck.slides if s.layout == "Chart"]
    charts_xml = b"".join(
        _parts(render_deck(replace(deck, slides=tuple(charts)), house), "ppt/charts/chart")
    )
    assert b"<c:spPr><a:pattFill" in charts_xml or b"<a:pattFill" in charts_xml  # derived points
    back = re.findall(rb'<a:bgClr><a:srgbClr val="([0-9A-F]{6})"', charts_xml)
    assert back and set(back) == {_hex(CREAM)}


def test_the_masters_lt2_is_the_themes_stripe(house):
    prs = Presentation(io.BytesIO(build_master(house.theme)))
    theme_xml = prs.slide_master.part.part_related_by(RT.THEME).blob
    assert re.search(rb'<a:lt2><a:srgbClr val="' + _hex(STRIPE) + rb'"/></a:lt2>', theme_xml)


def _content_streams(pdf: bytes) -> bytes:
    return b"\n".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages)


def _fill(colour: str) -> bytes:
    return f"{fp_str(*colors.HexColor(colour).rgb())} rg".encode()


def test_pdf_header_text_footer_and_rows_take_the_theme(seed, briefing, house):
    summary = build_summary(seed, briefing, briefing.summary, "zh")
    streams = _content_streams(render_summary(summary, house))
    assert _fill(ON_PRIMARY) in streams  # table header text
    assert _fill(MUTED) in streams  # page header and footer (and byline)
    assert _fill(CREAM) in streams  # plain table rows
    assert _fill(OLD_GREY) not in streams
    assert _fill(OLD_WHITE) not in streams
