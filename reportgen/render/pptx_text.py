"""Text in PowerPoint shapes: East Asian fonts on every run, and sizes that fit the box.

python-pptx's ``font.name`` writes only ``a:latin``, so Chinese would fall back to whatever
the viewer picks; here every run gets ``a:latin``, ``a:ea`` and ``a:cs`` plus a ``lang``.
PowerPoint's autofit only applies when PowerPoint itself re-lays a slide, and python-pptx's
``fit_text`` fails on unspaced Chinese, so text is measured with the real font advances,
wrapped with the Chinese line-breaking rules, and written with an explicit size and an
explicit line spacing (so every viewer computes the same height). Text that cannot fit at
the smallest allowed size is an error naming the slide and the box, never a silent overflow.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from reportgen import locale
from reportgen.errors import ReportgenError
from reportgen.fonts import Face, text_width
from reportgen.text.wrap import wrap

#: The language tags a run may carry; its alternate language is the first other one.
_TAGS = tuple(locale.get(lang).TAG for lang in locale.LANGS)

LINE_SPACING = 1.3  # line height as a multiple of the size, written explicitly
INSET_X = Emu(91440)  # 0.1 in
INSET_Y = Emu(45720)  # 0.05 in
BULLET_INDENT_PT = 18.0
WIDTH_SAFETY = 0.94  # leave a margin for viewers that set text a touch wider


class TextOverflowError(ReportgenError):
    """Text does not fit its box even at the smallest allowed size."""

    exit_code = 3


@dataclass(frozen=True)
class Para:
    """A paragraph to set: its text, whether it is a bullet, and its colour and weight."""

    text: str
    bullet: bool = False
    colour: str | None = None  # #RRGGBB
    bold: bool = False
    scale: float = 1.0  # relative to the fitted size (a heading may be larger)
    align: str | None = None  # l, ctr, r


@dataclass(frozen=True)
class Fonts:
    latin: str
    east_asian: str
    face: Face  # used for measuring
    lang: str  # zh-CN or en-US


def style_run(
    rpr: etree._Element,
    fonts: Fonts,
    size: float | None,
    colour: str | None = None,
    bold: bool = False,
) -> None:
    """Give a run properties element explicit size, colour and Latin/EA/CS typefaces."""
    rpr.set("lang", fonts.lang)
    rpr.set("altLang", next(tag for tag in _TAGS if tag != fonts.lang))
    if size is not None:
        rpr.set("sz", str(round(size * 100)))
    if bold:
        rpr.set("b", "1")
    for tag in ("a:solidFill", "a:latin", "a:ea", "a:cs"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    if colour:
        fill = etree.Element(qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr"), val=colour.lstrip("#").upper())
        _insert_in_order(rpr, fill, _AFTER_FILL)
    _insert_in_order(rpr, etree.Element(qn("a:latin"), typeface=fonts.latin), _AFTER_LATIN)
    _insert_in_order(rpr, etree.Element(qn("a:ea"), typeface=fonts.east_asian), _AFTER_EA)
    _insert_in_order(rpr, etree.Element(qn("a:cs"), typeface=fonts.latin), _AFTER_CS)


# Children of a:rPr / a:defRPr in schema order, after each element this module writes.
_TAIL = ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")
_AFTER_CS = _TAIL
_AFTER_EA = ("a:cs", *_TAIL)
_AFTER_LATIN = ("a:ea", *_AFTER_EA)
_AFTER_FILL = (
    "a:effectLst",
    "a:effectDag",
    "a:highlight",
    "a:uLnTx",
    "a:uLn",
    "a:uFillTx",
    "a:uFill",
    "a:latin",
    *_AFTER_LATIN,
)


def _insert_in_order(parent: etree._Element, element: etree._Element, successors) -> None:
    """Insert ``element`` before the first child that must follow it (schema order)."""
    tags = {qn(tag) for tag in successors}
    for index, child in enumerate(parent):
        if child.tag in tags:
            parent.insert(index, element)
            return
    parent.append(element)


def fit_size(
    paras: list[Para],
    width_emu: int,
    height_emu: int,
    fonts: Fonts,
    *,
    max_size: float,
    min_size: float,
    where: str,
) -> float:
    """The largest size (in 0.5 pt steps) at which the paragraphs fit the box."""
    width_pt = (Emu(width_emu).pt - 2 * INSET_X / 12700) * WIDTH_SAFETY
    height_pt = Emu(height_emu).pt - 2 * INSET_Y / 12700
    # Binary search over half-point sizes: a smaller size never needs more height.
    steps = round((max_size - min_size) * 2)

    def fits(step: int) -> bool:
        return _height(paras, width_pt, min_size + step / 2, fonts.face) <= height_pt

    if fits(steps):
        return max_size
    if fits(0):
        low, high = 0, steps  # fits(low) is true, fits(high) is false
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if fits(middle) else (low, middle)
        return min_size + low / 2
    raise TextOverflowError(
        f"{where}: text does not fit its box even at {min_size:g} pt; shorten it or split "
        f"the slide ({sum(len(p.text) for p in paras)} characters)"
    )


def text_height(paras: list[Para], width_emu: int, size: float, fonts: Fonts) -> int:
    """The height (EMU, insets included) the paragraphs take at ``size`` in a box this wide:
    how much room a text needs where the layout leaves its box's height open."""
    width_pt = (Emu(width_emu).pt - 2 * INSET_X / 12700) * WIDTH_SAFETY
    return int(Pt(_height(paras, width_pt, size, fonts.face)) + 2 * INSET_Y)


def _height(paras: list[Para], width_pt: float, size: float, face: Face) -> float:
    total = 0.0
    for index, para in enumerate(paras):
        para_size = size * para.scale
        indent = BULLET_INDENT_PT if para.bullet else 0.0
        room = width_pt - indent
        lines = wrap(para.text, room, lambda s, z=para_size: text_width(s, face, z))
        if any(text_width(line, face, para_size) > room for line in lines):
            return float("inf")  # a word wider than the box would be broken inside: smaller
        total += len(lines) * para_size * LINE_SPACING
        if index:
            total += _space_before(para_size)
    return total


def _space_before(size: float) -> float:
    return size * 0.45


def write_paragraphs(
    text_frame, paras: list[Para], size: float, fonts: Fonts, *, anchor: str = "t"
) -> None:
    """Replace the frame's text with the paragraphs, every run fully styled."""
    body = text_frame._txBody
    body_pr = body.find(qn("a:bodyPr"))
    for attr, value in (
        ("wrap", "square"),
        ("lIns", str(INSET_X)),
        ("rIns", str(INSET_X)),
        ("tIns", str(INSET_Y)),
        ("bIns", str(INSET_Y)),
        ("anchor", anchor),
    ):
        body_pr.set(attr, value)
    for child in list(body_pr):
        if child.tag in (qn("a:spAutoFit"), qn("a:normAutofit"), qn("a:noAutofit")):
            body_pr.remove(child)
    etree.SubElement(body_pr, qn("a:noAutofit"))
    for p in body.findall(qn("a:p")):
        body.remove(p)
    for index, para in enumerate(paras):
        para_size = size * para.scale
        p = etree.SubElement(body, qn("a:p"))
        ppr = etree.SubElement(p, qn("a:pPr"))
        if para.bullet:
            ppr.set("marL", str(Pt(BULLET_INDENT_PT)))
            ppr.set("indent", str(-Pt(BULLET_INDENT_PT)))
        else:
            ppr.set("marL", "0")
            ppr.set("indent", "0")
        if para.align:
            ppr.set("algn", para.align)
        spacing = etree.SubElement(ppr, qn("a:lnSpc"))
        etree.SubElement(spacing, qn("a:spcPts"), val=str(round(para_size * LINE_SPACING * 100)))
        before = etree.SubElement(ppr, qn("a:spcBef"))
        etree.SubElement(
            before,
            qn("a:spcPts"),
            val=str(round(_space_before(para_size) * 100)) if index else "0",
        )
        if para.bullet:
            etree.SubElement(ppr, qn("a:buFont"), typeface="Arial")
            etree.SubElement(ppr, qn("a:buChar"), char="•")
        else:
            etree.SubElement(ppr, qn("a:buNone"))
        run = etree.SubElement(p, qn("a:r"))
        rpr = etree.SubElement(run, qn("a:rPr"))
        style_run(rpr, fonts, para_size, para.colour, para.bold)
        etree.SubElement(run, qn("a:t")).text = para.text
        end = etree.SubElement(p, qn("a:endParaRPr"))
        style_run(end, fonts, para_size)


def fill_box(
    shape,
    paras: list[Para],
    fonts: Fonts,
    *,
    max_size: float,
    min_size: float,
    where: str,
    anchor: str = "t",
) -> float:
    """Fit and write paragraphs into a shape with a text frame; returns the size used."""
    size = fit_size(
        paras, shape.width, shape.height, fonts, max_size=max_size, min_size=min_size, where=where
    )
    write_paragraphs(shape.text_frame, paras, size, fonts, anchor=anchor)
    return size
