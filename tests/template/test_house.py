"""A master's look read from its theme: colours, background, faces; a folder with only a
master (and maybe a layouts.yaml) is a template."""

import io
import os
import shutil
from pathlib import Path

import pptx
import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from reportgen.build import resolve_template
from reportgen.errors import TemplateError
from reportgen.template import load_template
from reportgen.template.house import contrast, house_theme, mix

OFFICE = Path(os.path.dirname(pptx.__file__)) / "templates" / "default.pptx"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


@pytest.fixture(scope="module")
def base():
    return load_template("briefing").theme


def with_scheme(colours: dict[str, str], background: str | None = None) -> Presentation:
    """The Office Theme with some colour slots set, and a plain background if given."""
    prs = Presentation(str(OFFICE))
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find(f".//{A}clrScheme")
    for name, value in colours.items():
        slot = scheme.find(f"{A}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{A}srgbClr", val=value)
    part._blob = etree.tostring(root)
    if background is not None:
        csld = prs.slide_master._element.find(f"{P}cSld")
        for old in csld.findall(f"{P}bg"):
            csld.remove(old)
        bg = etree.Element(f"{P}bg")
        fill = etree.SubElement(etree.SubElement(bg, f"{P}bgPr"), f"{A}solidFill")
        etree.SubElement(fill, f"{A}srgbClr", val=background)
        etree.SubElement(bg.find(f"{P}bgPr"), f"{A}effectLst")
        csld.insert(0, bg)
    buffer = io.BytesIO()
    prs.save(buffer)
    return Presentation(io.BytesIO(buffer.getvalue()))


def test_office_theme_gives_its_accents_and_faces(base):
    theme = house_theme(Presentation(str(OFFICE)), base, "Office Theme")
    c = theme.colors
    assert c.series[:3] == ["#4F81BD", "#C0504D", "#9BBB59"]  # the theme's accents, in order
    assert c.primary == "#4F81BD" and c.background == "#FFFFFF" and c.text == "#000000"
    assert theme.name == "Office-Theme"
    faces = theme.typefaces
    assert (faces.heading_latin, faces.body_latin) == ("Calibri", "Calibri")
    assert faces.body_east_asian == "宋体"  # the theme's Simplified Chinese script face
    assert theme.fonts == base.fonts  # text is still measured with the bundled face
    assert theme.sizes == base.sizes and theme.paper is None


def test_a_dark_master_gets_readable_colours_and_paper_colours_for_the_pdf(base):
    prs = with_scheme({"dk1": "FFFFFF", "lt1": "10203A", "accent1": "0A0A0A"}, background="10203A")
    theme = house_theme(prs, base, "dark")
    c = theme.colors
    assert c.background == "#10203A"
    assert contrast(c.text, c.background) >= 4.5
    assert contrast(c.primary, c.background) >= 3  # the black accent is no figure colour here
    assert c.primary != "#0A0A0A"
    paper = theme.on_paper().colors
    assert paper.background == "#FFFFFF"
    assert contrast(paper.text, "#FFFFFF") >= 4.5 and contrast(paper.primary, "#FFFFFF") >= 3


def test_mix_and_contrast():
    assert mix("#000000", "#FFFFFF", 0.5) == "#808080"
    assert round(contrast("#000000", "#FFFFFF")) == 21


def test_a_folder_with_only_a_master_is_a_template_with_its_look(tmp_path, seed):
    folder = tmp_path / "house"
    folder.mkdir()
    shutil.copy(OFFICE, folder / "master.pptx")
    template = resolve_template(folder, {m.id for m in seed.metrics}, seed)
    assert template.master == folder / "master.pptx"
    assert template.theme.name == "house"
    assert template.theme.colors.series[0] == "#4F81BD"
    assert template.deck is not None and template.deck.slides  # the default plans


def test_layouts_yaml_names_a_layout_and_bad_entries_are_one_line_each(tmp_path, seed):
    folder = tmp_path / "house"
    folder.mkdir()
    shutil.copy(OFFICE, folder / "master.pptx")
    (folder / "layouts.yaml").write_text("layouts:\n  Chart: Title Only\n", encoding="utf-8")
    template = resolve_template(folder, {m.id for m in seed.metrics}, seed)
    assert template.layouts == (("Chart", "Title Only"),)
    (folder / "layouts.yaml").write_text(
        "layouts:\n  Chart: 1\n  Graph: Two Content\n", encoding="utf-8"
    )
    with pytest.raises(TemplateError) as info:
        load_template(folder)
    shown = [str(p) for p in info.value.problems]
    assert any("layouts.yaml:2: layouts, field 'Chart': expected a layout name" in s for s in shown)
    assert any("layouts.yaml:3: layouts, field 'Graph': not a slide kind" in s for s in shown)


def test_templates_prints_the_choice_for_a_master(run):
    result = run("templates", str(OFFICE))
    assert result.code == 0, result.err
    assert "KPI Grid     -> 'Title and Content' (named 'Title and Content', type obj" in result.out
    assert "Closing      -> 'Section Header'" in result.out
    assert "look from the master: titles" in result.out


def band(layout, fill_xml: str, y: int, height: int) -> None:
    """A full-width rectangle of the design on a layout, with the given fill."""
    sp = etree.fromstring(
        f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr><p:cNvPr id="99" name="Band"/>'
        "<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>"
        f'<a:off x="0" y="{y}"/><a:ext cx="9144000" cy="{height}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill_xml}</p:spPr></p:sp>'
    )
    layout._element.find(f"{P}cSld/{P}spTree").append(sp)


def test_the_colour_behind_a_text_is_the_topmost_opaque_shape_there():
    from reportgen.template.house import colour_at

    prs = Presentation(str(OFFICE))
    layout = prs.slide_layouts[1]
    band(layout, '<a:solidFill><a:srgbClr val="1F2D3D"/></a:solidFill>', 0, 1000000)
    veil = '<a:solidFill><a:srgbClr val="FF0000"><a:alpha val="20000"/></a:srgbClr></a:solidFill>'
    band(layout, veil, 0, 6858000)  # a 20% veil over everything: not what text is read on
    ramp = (
        '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="000000"/></a:gs>'
        '<a:gs pos="100000"><a:srgbClr val="FFFFFF"/></a:gs></a:gsLst>'
        '<a:lin ang="5400000"/></a:gradFill>'
    )
    band(layout, ramp, 5000000, 1000000)  # black at its top, white at its foot
    assert colour_at(layout, 100, 500000) == "#1F2D3D"
    assert colour_at(layout, 100, 3000000) == "#FFFFFF"  # the master's background
    assert colour_at(layout, 100, 5500000) == "#808080"  # the ramp half way down


def test_a_title_on_a_dark_band_is_set_in_a_colour_that_reads_on_it():
    from reportgen.render.layouts import KINDS, choose

    prs = Presentation(str(OFFICE))
    layout = prs.slide_layouts[1]  # Title and Content: its title at 0.27-1.5 in
    band(layout, '<a:solidFill><a:srgbClr val="1F2D3D"/></a:solidFill>', 0, 1500000)
    frames = choose(prs, KINDS, "m.pptx")
    assert frames["KPI Grid"].name == "Title and Content"
    assert frames["KPI Grid"].title_colour == "#FFFFFF"  # the master's black would not read
    assert frames["Section"].title_colour == "#000000"  # the Office title colour, on white
