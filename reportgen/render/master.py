"""Generate a template's PowerPoint master from its theme.yaml.

The master (``master.pptx``) is a real, editable PowerPoint file: 16:9, the theme's colours
as theme colours, its Latin and East Asian faces as the theme fonts, and named layouts with
typed placeholders. It is generated, not hand-drawn, so it can never drift from the theme
the charts and the PDF use; ``tests/render/test_master.py`` checks the committed file is
what this module makes. Run ``python -m reportgen.render.master TEMPLATE_FOLDER`` after
changing theme.yaml (no folder: the bundled default template).
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

from reportgen import locale
from reportgen.locale import LANGS
from reportgen.outputs import atomic_write, reproducible_zip
from reportgen.theme import Theme

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 16:9, 13.333 x 7.5 in
MASTER_FILE = "master.pptx"


@dataclass(frozen=True)
class Box:
    """A placeholder in a layout: its type, index and place (inches)."""

    kind: str  # title, ctrTitle, subTitle, body, chart, tbl, pic, obj
    idx: int
    name: str
    x: float
    y: float
    w: float
    h: float
    size: float | None = None  # default text size in points


TITLE = Box("title", 0, "Title", 0.6, 0.3, 12.13, 0.95)
NOTE = Box("body", 13, "Note", 0.6, 6.45, 12.13, 0.72, 10)

#: The layouts every briefing template provides, by name.
LAYOUTS: dict[str, tuple[Box, ...]] = {
    "Title": (
        Box("ctrTitle", 0, "Title", 0.8, 2.2, 11.73, 1.5),
        Box("subTitle", 1, "Subtitle", 0.8, 3.85, 11.73, 0.9),
        Box("body", 13, "Source", 0.8, 6.1, 11.73, 0.6, 12),
    ),
    "Section": (
        Box("title", 0, "Title", 0.8, 2.7, 11.73, 1.2),
        Box("body", 1, "Subtitle", 0.8, 4.0, 11.73, 0.9, 18),
    ),
    "KPI Grid": (TITLE, Box("obj", 1, "Figures", 0.6, 1.45, 12.13, 4.9), NOTE),
    "Chart": (
        TITLE,
        Box("chart", 1, "Chart", 0.6, 1.45, 7.7, 4.9),
        Box("body", 2, "Key points", 8.6, 1.45, 4.13, 4.9, 16),
        NOTE,
    ),
    "Table": (TITLE, Box("tbl", 1, "Table", 0.6, 1.45, 12.13, 4.9), NOTE),
    "Timeline": (TITLE, Box("pic", 1, "Timeline", 0.6, 1.45, 12.13, 4.9), NOTE),
    "Two Columns": (
        TITLE,
        Box("body", 1, "Left", 0.6, 1.45, 5.9, 4.9, 16),
        Box("body", 2, "Right", 6.83, 1.45, 5.9, 4.9, 16),
        NOTE,
    ),
    "Closing": (
        Box("title", 0, "Title", 0.8, 2.4, 11.73, 1.2),
        Box("body", 1, "Text", 0.8, 3.75, 11.73, 2.4, 16),
    ),
}


def _el(tag: str, **attrs: str) -> etree._Element:
    prefix, name = tag.split(":")
    element = etree.Element(f"{{{NS[prefix]}}}{name}")
    for key, value in attrs.items():
        element.set(key, value)
    return element


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    child = _el(tag, **attrs)
    parent.append(child)
    return child


def _placeholder(box: Box, shape_id: int) -> etree._Element:
    sp = _el("p:sp")
    nv = _sub(sp, "p:nvSpPr")
    _sub(nv, "p:cNvPr", id=str(shape_id), name=box.name)
    _sub(_sub(nv, "p:cNvSpPr"), "a:spLocks", noGrp="1")
    ph_attrs = {} if box.kind == "obj" else {"type": box.kind}
    if box.idx:
        ph_attrs["idx"] = str(box.idx)
    _sub(_sub(nv, "p:nvPr"), "p:ph", **ph_attrs)
    sp_pr = _sub(sp, "p:spPr")
    xfrm = _sub(sp_pr, "a:xfrm")
    _sub(xfrm, "a:off", x=str(Inches(box.x)), y=str(Inches(box.y)))
    _sub(xfrm, "a:ext", cx=str(Inches(box.w)), cy=str(Inches(box.h)))
    body = _sub(sp, "p:txBody")
    _sub(body, "a:bodyPr", wrap="square", anchor="t" if box.kind not in ("ctrTitle",) else "b")
    lst = _sub(body, "a:lstStyle")
    if box.size:
        lvl = _sub(lst, "a:lvl1pPr")
        _sub(lvl, "a:defRPr", sz=str(int(box.size * 100)))
    p = _sub(body, "a:p")
    r = _sub(p, "a:r")
    _sub(r, "a:rPr", lang=locale.get(LANGS[0]).TAG, altLang=locale.get(LANGS[1]).TAG)
    _sub(r, "a:t").text = box.name
    return sp


def _theme_xml(blob: bytes, theme: Theme) -> bytes:
    root = etree.fromstring(blob)
    root.set("name", theme.name)
    scheme = root.find(".//a:clrScheme", NS)
    scheme.set("name", theme.name)
    c = theme.colors
    series = list(c.series) + [c.muted] * 6
    values = {
        "dk1": c.text,
        "lt1": c.background,
        "dk2": c.primary,
        "lt2": c.stripe,
        "accent1": series[0],
        "accent2": series[1],
        "accent3": series[2],
        "accent4": series[3],
        "accent5": series[4],
        "accent6": series[5],
        "hlink": c.secondary,
        "folHlink": c.muted,
    }
    for name, colour in values.items():
        slot = scheme.find(f"a:{name}", NS)
        for child in list(slot):
            slot.remove(child)
        _sub(slot, "a:srgbClr", val=colour.lstrip("#").upper())
    fonts = root.find(".//a:fontScheme", NS)
    fonts.set("name", theme.name)
    for group in ("a:majorFont", "a:minorFont"):
        node = fonts.find(group, NS)
        node.find("a:latin", NS).set("typeface", theme.fonts.latin)
        node.find("a:ea", NS).set("typeface", theme.fonts.east_asian)
        for script in node.findall("a:font", NS):
            if script.get("script") in ("Hans", "Hant"):
                script.set("typeface", theme.fonts.east_asian)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build_master(theme: Theme) -> bytes:
    """The master .pptx for a theme, as reproducible bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(SLIDE_W), Emu(SLIDE_H)
    master = prs.slide_master
    theme_part = master.part.part_related_by(RT.THEME)
    theme_part._blob = _theme_xml(theme_part.blob, theme)

    # Master placeholders move to the 16:9 grid; a thin band in the primary colour marks
    # every slide.
    for shape in master.placeholders:
        kind = shape.placeholder_format.type
        if "TITLE" in str(kind):
            shape.left, shape.top, shape.width, shape.height = (
                Inches(TITLE.x),
                Inches(TITLE.y),
                Inches(TITLE.w),
                Inches(TITLE.h),
            )
        elif "BODY" in str(kind):
            shape.left, shape.top, shape.width, shape.height = (
                Inches(0.6),
                Inches(1.45),
                Inches(12.13),
                Inches(5.1),
            )
        else:
            shape.top = Inches(6.95)
    master_tree = master._element.find("p:cSld/p:spTree", NS)
    master_tree.append(_band(theme.colors.primary, shape_id=90))

    layouts = list(prs.slide_layouts)
    for layout, (name, boxes) in zip(layouts, LAYOUTS.items(), strict=False):
        layout._element.find("p:cSld", NS).set("name", name)
        tree = layout._element.find("p:cSld/p:spTree", NS)
        for sp in tree.findall("p:sp", NS):
            tree.remove(sp)
        for number, box in enumerate(boxes, start=2):
            tree.append(_placeholder(box, number))
    for layout in layouts[len(LAYOUTS) :]:
        prs.slide_layouts.remove(layout)

    prs.core_properties.title = f"{theme.name} master"
    prs.core_properties.author = "reportgen"
    prs.core_properties.last_modified_by = "reportgen"
    prs.core_properties.revision = 1
    buffer = io.BytesIO()
    prs.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _band(colour: str, shape_id: int) -> etree._Element:
    """A thin full-width bar at the top of every slide, in the theme's primary colour."""
    sp = _el("p:sp")
    nv = _sub(sp, "p:nvSpPr")
    _sub(nv, "p:cNvPr", id=str(shape_id), name="Brand band")
    _sub(nv, "p:cNvSpPr")
    _sub(nv, "p:nvPr")
    sp_pr = _sub(sp, "p:spPr")
    xfrm = _sub(sp_pr, "a:xfrm")
    _sub(xfrm, "a:off", x="0", y="0")
    _sub(xfrm, "a:ext", cx=str(SLIDE_W), cy=str(Inches(0.1)))
    _sub(_sub(sp_pr, "a:prstGeom", prst="rect"), "a:avLst")
    _sub(_sub(sp_pr, "a:solidFill"), "a:srgbClr", val=colour.lstrip("#").upper())
    _sub(_sub(sp_pr, "a:ln"), "a:noFill")
    return sp


def main(argv: list[str]) -> int:
    from reportgen.template import DEFAULT_TEMPLATE, load_template, template_dir

    for folder in argv or [str(template_dir(DEFAULT_TEMPLATE))]:
        template = load_template(folder)
        target = Path(folder) / MASTER_FILE
        atomic_write(target, build_master(template.theme))
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
