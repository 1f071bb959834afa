"""The seed deck as a presenter gets it: structure, numbers, fonts, notes, reproducibility."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from reportgen.text.numerals import normalize_digits

pytestmark = pytest.mark.slow
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_slides_follow_the_plan(decks, briefing, lang):
    _, data = decks[lang]
    prs = open_deck(data)
    assert len(prs.slides) == len(briefing.deck.slides) == 14
    assert [s.slide_layout.name for s in prs.slides] == [p.layout for p in briefing.deck.slides]
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))


def slide_texts(slide) -> list[str]:
    """All text a viewer sees on a slide: shapes, tables, chart labels; not the slide number."""
    texts = []
    for shape in slide.shapes:
        xml = etree.fromstring(etree.tostring(shape._element))
        for paragraph in xml.iter(f"{A}p"):
            texts.append(
                "".join(
                    t.text or "" for t in paragraph.iter(f"{A}t") if t.getparent().tag != f"{A}fld"
                )
            )
        if getattr(shape, "has_chart", False):
            chart_xml = etree.fromstring(shape.chart.part.blob)
            for paragraph in chart_xml.iter(f"{A}p"):
                texts.append("".join(t.text or "" for t in paragraph.iter(f"{A}t")))
            texts.extend(str(c) for c in shape.chart.plots[0].categories)
    return [t for t in texts if t.strip()]


def supported_numbers(seed) -> set[float]:
    """The numbers the seed's files write (quotes aside), and each value at the scales a deck
    prints money and large counts in (万, mn, 亿, bn, tn): read from the YAML text itself, so
    the check's own `supported` is not the oracle of what it checks."""
    from tests.conftest import SEED_DIR

    allowed: set[float] = set()
    for path in sorted(SEED_DIR.glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            key = line.strip().lstrip("- ").split(":", 1)[0]
            if key == "quote":
                continue
            numbers = [float(n.replace(",", "")) for n in NUMBER.findall(line)]
            allowed.update(numbers)
            if key == "value":
                allowed.update(n / f for n in numbers for f in (1e4, 1e6, 1e8, 1e9, 1e12))
    return {round(n, 6) for n in allowed}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_number_on_a_slide_is_in_the_dataset(decks, seed, lang):
    _, data = decks[lang]
    allowed = supported_numbers(seed)
    seen = 0
    for number, slide in enumerate(open_deck(data).slides, start=1):
        for text in slide_texts(slide):
            for match in NUMBER.finditer(normalize_digits(text)):
                value = float(match.group().replace(",", ""))
                seen += 1
                assert round(value, 6) in allowed, (number, text, value)
    assert seen > 60


def every_rpr(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if re.match(r"ppt/(slides|notesSlides|charts)/[^/]+\.xml$", name):
                root = etree.fromstring(package.read(name))
                for tag in ("rPr", "defRPr", "endParaRPr"):
                    for rpr in root.iter(f"{A}{tag}"):
                        yield name, rpr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_run_has_an_east_asian_typeface(decks, briefing, lang):
    _, data = decks[lang]
    checked = 0
    for name, rpr in every_rpr(data):
        if rpr.tag.endswith("}rPr") or "charts" in name:
            ea = rpr.find(f"{A}ea")
            latin = rpr.find(f"{A}latin")
            if rpr.tag.endswith("}rPr"):
                assert ea is not None and latin is not None, name
                assert ea.get("typeface") == briefing.theme.fonts.east_asian
                assert rpr.get("lang") == ("zh-CN" if lang == "zh" else "en-US")
                checked += 1
    assert checked > 200


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_content_slides_have_notes_quoting_their_numbers(decks, lang):
    deck, data = decks[lang]
    prs = open_deck(data)
    for content, slide in zip(deck.slides, prs.slides, strict=True):
        if not content.is_content:
            continue
        notes = slide.notes_slide.notes_text_frame.text
        assert 2 <= len(content.talking_points) <= 4, content.id
        for source in content.sources:
            assert source.shown in notes
            assert (source.quote or source.derivation) in notes
    trade = next(s for s in prs.slides if "38.3%" in s.notes_slide.notes_text_frame.text)
    assert (
        "2022年，上合示范区对外贸易额达360亿元，增长38.3%"
        in trade.notes_slide.notes_text_frame.text
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_charts_are_native_and_everything_visual_has_alt_text(decks, lang):
    _, data = decks[lang]
    charts = pictures = 0
    for slide in open_deck(data).slides:
        for shape in slide.shapes:
            descr = shape._element.xpath("./*[1]/p:cNvPr/@descr")
            if getattr(shape, "has_chart", False):
                charts += 1
                assert descr and descr[0].strip()
            elif (
                shape.shape_type is not None
                and shape.shape_type.name in ("PICTURE", "PLACEHOLDER")
                and shape._element.tag.endswith("}pic")
            ):
                pictures += 1
                assert descr and descr[0].strip()
    assert charts == 6 and pictures == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_empty_placeholder(decks, lang):
    _, data = decks[lang]
    for slide in open_deck(data).slides:
        for shape in slide.placeholders:
            if shape.has_text_frame:
                assert shape.text_frame.text.strip(), (slide.slide_layout.name, shape.name)


def test_derived_values_carry_their_mark(decks):
    for lang, mark in (("zh", "（推算）"), ("en", "(derived)")):
        _, data = decks[lang]
        texts = [t for s in open_deck(data).slides for t in slide_texts(s)]
        share = [t for t in texts if "22.5%" in t]
        assert share and all(mark in t for t in share)


def test_core_properties_come_from_the_source(decks):
    _, data = decks["zh"]
    props = open_deck(data).core_properties
    assert props.title == "上合示范区：三年迈上三个台阶"
    assert props.language == "zh-CN"
    assert props.created.isoformat().startswith("2023-05-19")
    assert props.author == "reportgen"


def test_rebuild_is_byte_identical(decks, seed, briefing):
    from reportgen.content.deck import build_deck
    from reportgen.render.pptx import render_deck

    _, first = decks["zh"]
    again = render_deck(build_deck(seed, briefing, briefing.deck, "zh"), briefing)
    assert again == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        names = package.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {i.date_time for i in package.infolist()} == {(2023, 5, 19, 0, 0, 0)}
        workbooks = [n for n in names if n.endswith(".xlsx")]
        assert len(workbooks) == 6  # each native chart keeps its data in a workbook


def test_every_slide_block_kind_has_a_draw_function(decks):
    from reportgen.content.model import Bullets, Chart, Kpis, Table
    from reportgen.render.pptx import DRAW

    assert {Kpis, Chart, Table, Bullets} <= DRAW.keys()
    kinds = {type(b) for deck, _ in decks.values() for s in deck.slides for b in s.blocks}
    assert kinds <= DRAW.keys()


def test_a_block_kind_without_a_draw_function_is_refused(decks, briefing):
    from dataclasses import dataclass, replace

    from reportgen.content.model import Block
    from reportgen.render.pptx import render_deck

    before = list(Block.kinds)
    try:

        @dataclass(frozen=True)
        class Unknown(Block):
            def texts(self) -> tuple[str, ...]:
                return ()

        deck, _ = decks["zh"]
        slide = replace(deck.slides[1], blocks=(Unknown(),))
        with pytest.raises(TypeError, match="cannot draw a Unknown block"):
            render_deck(replace(deck, slides=(slide,)), briefing)
    finally:
        Block.kinds[:] = before


def test_table_stripes_take_the_themes_colour(decks, briefing):
    from dataclasses import replace

    from reportgen.render.pptx import render_deck

    deck, _ = decks["zh"]
    table_slide = next(s for s in deck.slides if s.layout == "Table")
    colours = briefing.theme.colors.model_copy(update={"stripe": "#ABCDEF"})
    template = replace(briefing, theme=briefing.theme.model_copy(update={"colors": colours}))
    data = render_deck(replace(deck, slides=(table_slide,)), template)
    fills = re.findall(rb'<a:srgbClr val="([0-9A-F]{6})"', _slide_xml(data))
    assert b"ABCDEF" in fills and b"F2F4F6" not in fills
    unstriped = replace(table_slide.blocks[0], striped=False)
    data = render_deck(replace(deck, slides=(replace(table_slide, blocks=(unstriped,)),)), template)
    assert b"ABCDEF" not in _slide_xml(data)


def _slide_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("ppt/slides/slide1.xml")
