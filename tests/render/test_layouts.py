"""Layouts chosen by structure on masters nobody here wrote, and content inside their frames."""

import io
import os
import zipfile
from pathlib import Path

import pptx
import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from reportgen.build import resolve_template
from reportgen.check.pptx import check_pptx
from reportgen.content.deck import build_deck
from reportgen.errors import TemplateError
from reportgen.render.layouts import KINDS, choose
from reportgen.render.pptx import render_deck

#: PowerPoint's default Office Theme (4:3), as python-pptx ships it.
OFFICE = Path(os.path.dirname(pptx.__file__)) / "templates" / "default.pptx"
OFFICE_CHOICE = {
    "Title": "Title Slide",
    "Section": "Section Header",
    "KPI Grid": "Title and Content",
    "Chart": "Two Content",
    "Table": "Title and Content",
    "Timeline": "Title and Content",
    "Two Columns": "Two Content",
    "Closing": "Section Header",
}
#: The Office Theme's layouts as a Chinese PowerPoint names them.
CHINESE = {
    "Title Slide": "标题幻灯片",
    "Title and Content": "标题和内容",
    "Section Header": "节标题",
    "Two Content": "两栏内容",
    "Comparison": "比较",
    "Title Only": "仅标题",
    "Blank": "空白",
}


def chosen(prs, **named) -> dict[str, str]:
    return {kind: frame.name for kind, frame in choose(prs, KINDS, "m.pptx", named).items()}


def renamed(names: dict[str, str], keep_types: bool) -> Presentation:
    prs = Presentation(str(OFFICE))
    for layout in prs.slide_layouts:
        layout._element.find(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}cSld"
        ).set("name", names.get(layout.name, layout.name))
        if not keep_types:
            layout._element.attrib.pop("type", None)
    return prs


def test_office_theme_layouts_are_found_by_name_type_and_placeholders():
    assert chosen(Presentation(str(OFFICE))) == OFFICE_CHOICE


def test_chinese_layout_names_are_understood_without_layout_types():
    prs = renamed(CHINESE, keep_types=False)
    assert chosen(prs) == {kind: CHINESE[name] for kind, name in OFFICE_CHOICE.items()}


def test_layouts_with_meaningless_names_and_no_types_are_chosen_by_their_placeholders():
    prs = Presentation(str(OFFICE))
    letters = {layout.name: f"Layout {n}" for n, layout in enumerate(prs.slide_layouts)}
    prs = renamed(letters, keep_types=False)
    found = chosen(prs)
    by_letter = {v: k for k, v in letters.items()}
    assert by_letter[found["Title"]] == "Title Slide"  # centred title and subtitle
    assert by_letter[found["KPI Grid"]] == "Title and Content"  # a title and one content box
    two = next(layout for layout in prs.slide_layouts if layout.name == found["Two Columns"])
    boxes = [
        ph
        for ph in two.placeholders
        if ph.placeholder_format.type in (PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.BODY)
        and ph.height > prs.slide_height * 0.13
    ]
    assert len(boxes) == 2  # two content boxes side by side, whatever the layout is called


def test_a_named_layout_wins_and_an_unknown_one_is_one_line():
    prs = Presentation(str(OFFICE))
    assert chosen(prs, Chart="Title Only")["Chart"] == "Title Only"
    with pytest.raises(TemplateError) as info:
        choose(prs, KINDS, "m.pptx", {"Chart": "Diagram"}, "house/layouts.yaml")
    (problem,) = info.value.problems
    assert str(problem).startswith(
        "house/layouts.yaml: layouts, field 'Chart': no layout 'Diagram'"
    )


def test_a_master_with_no_titled_layout_names_what_it_has():
    prs = Presentation(str(OFFICE))
    for layout in prs.slide_layouts:
        for ph in list(layout.placeholders):
            if ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                ph._element.getparent().remove(ph._element)
    with pytest.raises(TemplateError) as info:
        choose(prs, KINDS, "m.pptx")
    assert "no layout with a title placeholder; the master has: 'Title Slide'" in str(
        info.value.problems[0]
    )


def test_a_title_only_layout_gives_the_room_below_the_title_above_the_footers():
    prs = Presentation(str(OFFICE))
    frame = choose(prs, ["Table"], "m.pptx", {"Table": "Title Only"})["Table"]
    title = next(ph for ph in prs.slide_layouts[5].placeholders if ph.placeholder_format.idx == 0)
    footers = [h.box.y for _, h in frame.footers]
    assert frame.area.box.y > title.top + title.height
    assert frame.note.box.y + frame.note.box.h <= min(footers)


# --- whole decks on the Office Theme ----------------------------------------------------------


@pytest.fixture(scope="module")
def office_decks(seed, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORTGEN_CACHE_DIR", str(cache))
        template = resolve_template(OFFICE, {m.id for m in seed.metrics}, seed)
        built = {}
        for lang in ("zh", "en"):
            deck = build_deck(seed, template, template.deck, lang)
            built[lang] = (deck, render_deck(deck, template))
    return template, built


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_seed_on_the_office_theme_passes_the_check(office_decks, seed, lang):
    _, built = office_decks
    deck, data = built[lang]
    assert check_pptx(data, seed, "office.pptx", deck) == []
    prs = Presentation(io.BytesIO(data))
    assert (prs.slide_width, prs.slide_height) == (Emu(9144000), Emu(6858000))  # 4:3 kept
    assert len(prs.slides) == len(deck.slides)


def test_content_sits_inside_the_layouts_content_area(office_decks):
    _, built = office_decks
    prs = Presentation(io.BytesIO(built["zh"][1]))
    for slide in prs.slides:
        layout = slide.slide_layout
        content = [
            ph
            for ph in layout.placeholders
            if ph.placeholder_format.type in (PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.BODY)
        ]
        if not content or layout.name not in ("Title and Content", "Two Content"):
            continue
        left = min(ph.left for ph in content)
        right = max(ph.left + ph.width for ph in content)
        top = min(ph.top for ph in content)
        bottom = max(ph.top + ph.height for ph in content)
        for shape in slide.shapes:
            if shape.has_chart or shape.has_table or shape.shape_type == 13:  # 13: picture
                assert left <= shape.left and shape.left + shape.width <= right, shape.name
                assert top <= shape.top and shape.top + shape.height <= bottom, shape.name


def test_the_masters_footers_are_filled_on_content_slides_only(office_decks, seed):
    _, built = office_decks
    deck, data = built["en"]
    prs = Presentation(io.BytesIO(data))
    kinds = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    first = [ph for ph in prs.slides[0].placeholders if ph.placeholder_format.type in kinds]
    assert first == []
    second = {
        ph.placeholder_format.type: ph.text_frame.text
        for ph in prs.slides[1].placeholders
        if ph.placeholder_format.type in kinds
    }
    assert second[PP_PLACEHOLDER.FOOTER] == deck.running.footer == seed.info.subject["en"]
    assert second[PP_PLACEHOLDER.DATE] == deck.running.date
    number = prs.slides[1].shapes._spTree.xpath(".//a:fld[@type='slidenum']")
    assert len(number) == 1


def test_the_deck_names_the_masters_theme_fonts(office_decks):
    _, built = office_decks
    prs = Presentation(io.BytesIO(built["zh"][1]))
    title = prs.slides[1].shapes.title
    run = title.text_frame.paragraphs[0].runs[0]._r
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    assert run.find("a:rPr/a:latin", ns).get("typeface") == "Calibri"
    assert run.find("a:rPr/a:ea", ns).get("typeface") == "宋体"  # the theme's Hans face


# --- file kinds ---------------------------------------------------------------------------------


def as_potx(source: Path, target: Path) -> Path:
    """The file saved as a PowerPoint template: the same package, the template content type."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                body = body.replace(b"presentation.main+xml", b"template.main+xml")
            out.writestr(item, body)
    return target


def test_a_potx_with_sample_slides_builds_without_them(tmp_path, seed, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    prs = Presentation(str(OFFICE))
    for layout in list(prs.slide_layouts)[:2]:  # a house master saved with two sample slides
        prs.slides.add_slide(layout).shapes.title.text = "Sample slide"
    sample = tmp_path / "sample.pptx"
    prs.save(sample)
    potx = as_potx(sample, tmp_path / "house.potx")
    assert b"template.main+xml" in zipfile.ZipFile(potx).read("[Content_Types].xml")
    template = resolve_template(potx, {m.id for m in seed.metrics}, seed)
    deck = build_deck(seed, template, template.deck, "en")
    data = render_deck(deck, template)
    out = Presentation(io.BytesIO(data))
    assert len(out.slides) == len(deck.slides)
    texts = [
        shape.text_frame.text for s in out.slides for shape in s.shapes if shape.has_text_frame
    ]
    assert "Sample slide" not in texts
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert len([n for n in names if n.startswith("ppt/slides/slide")]) == len(deck.slides)
