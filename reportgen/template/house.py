"""An organisation's master as a look: its theme's colours and fonts made a Theme.

A template folder without a ``theme.yaml`` (or a ``.pptx``/``.potx`` given as the template)
takes its look from the master itself: text and title colours from the master's own title
and body placeholders (else its colour map's tx1 and dk2), the background from the master's
fill, chart series from the theme's six accents, and the deck's faces from the theme's major
(headings) and minor (body) fonts, Latin and East Asian (the East Asian slot, else the
theme's Simplified Chinese script font). Sizes, chart geometry and the derived-value style
are the default template's, and the faces text is measured with (and the PDF and chart
pictures embed) stay the bundled ones, so Chinese renders on any machine.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from reportgen.theme import Colours, Theme, Typefaces, theme_name

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_TITLES = ("title", "ctrTitle")


def _hex(colour: str) -> str:
    return "#" + colour.upper()


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def luminance(colour: str) -> float:
    """Relative luminance (WCAG) of #RRGGBB."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def mix(one: str, other: str, share: float) -> str:
    """``one`` moved ``share`` of the way to ``other``."""
    a, b = _rgb(one), _rgb(other)
    return "#" + "".join(
        f"{round((x + (y - x) * share) * 255):02X}" for x, y in zip(a, b, strict=True)
    )


class _Scheme:
    """The master's colour scheme, read through its colour map (bg1 -> lt1, tx1 -> dk1…)."""

    def __init__(self, theme: etree._Element, master: etree._Element):
        self.slots: dict[str, str] = {}
        scheme = theme.find(f".//{A}clrScheme")
        for slot in scheme if scheme is not None else ():
            if len(slot):
                value = slot[0].get("lastClr") or slot[0].get("val")
                if value and len(value) == 6:
                    self.slots[etree.QName(slot).localname] = _hex(value)
        mapping = master.find(f"{P}clrMap")
        self.map = dict(mapping.attrib) if mapping is not None else {}
        self.slots.setdefault("dk1", "#000000")
        self.slots.setdefault("lt1", "#FFFFFF")

    def slot(self, name: str) -> str | None:
        return self.slots.get(self.map.get(name, name)) or self.slots.get(name)

    def colour(self, fill: etree._Element | None) -> str | None:
        """The colour of an a:solidFill (or its first colour child)."""
        if fill is None:
            return None
        for child in fill.iter():
            tag = etree.QName(child).localname
            if tag == "srgbClr" and child.get("val"):
                return _hex(child.get("val"))
            if tag == "sysClr" and child.get("lastClr"):
                return _hex(child.get("lastClr"))
            if tag == "schemeClr" and child.get("val"):
                return self.slot(child.get("val"))
        return None


def _placeholder_colour(master: etree._Element, scheme: _Scheme, kinds: tuple[str, ...]):
    """The text colour a master's placeholder of one of ``kinds`` sets, if it sets one."""
    for sp in master.iter(f"{P}sp"):
        ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        if ph is None or (ph.get("type") or "obj") not in kinds:
            continue
        body = sp.find(f"{P}txBody")
        for props in (
            body.iter(f"{A}defRPr", f"{A}rPr", f"{A}endParaRPr") if body is not None else ()
        ):
            found = scheme.colour(props.find(f"{A}solidFill"))
            if found:
                return found
    return None


def _style_colour(master: etree._Element, scheme: _Scheme, style: str) -> str | None:
    props = master.find(f"{P}txStyles/{P}{style}/{A}lvl1pPr/{A}defRPr")
    return scheme.colour(props.find(f"{A}solidFill")) if props is not None else None


def _background(master_part, scheme: _Scheme) -> str | None:
    """The master's background colour: its fill, or a picture's average colour; None when
    neither can be read (a gradient, a pattern)."""
    bg = master_part._element.find(f"{P}cSld/{P}bg")
    if bg is None:
        picture = _full_slide_picture(master_part)
        return picture or scheme.slot("bg1")
    fill = bg.find(f"{P}bgPr/{A}solidFill")
    if fill is not None:
        return scheme.colour(fill)
    blip = bg.find(f"{P}bgPr/{A}blipFill/{A}blip")
    if blip is not None:
        return _average(master_part, blip.get(f"{{{_R}}}embed"))
    ref = bg.find(f"{P}bgRef")
    if ref is not None:
        return scheme.colour(ref) or scheme.slot("bg1")
    return None


def _full_slide_picture(master_part) -> str | None:
    """The average colour of a picture laid over (nearly) the whole master: its background
    in all but name."""
    presentation = master_part.package.presentation_part.presentation
    slide = int(presentation.slide_width or 0) * int(presentation.slide_height or 0)
    for pic in master_part._element.iter(f"{P}pic"):
        ext = pic.find(f"{P}spPr/{A}xfrm/{A}ext")
        blip = pic.find(f"{P}blipFill/{A}blip")
        if ext is None or blip is None or not slide:
            continue
        if int(ext.get("cx", 0)) * int(ext.get("cy", 0)) >= 0.8 * slide:
            return _average(master_part, blip.get(f"{{{_R}}}embed"))
    return None


def _average(part, rel_id: str | None) -> str | None:
    """The average colour of a picture the part refers to."""
    import io

    from PIL import Image

    try:
        blob = part.related_part(rel_id).blob
        with Image.open(io.BytesIO(blob)) as image:
            image.draft("RGB", (64, 64))  # JPEG: decode small
            rgba = image.convert("RGBA")  # transparent parts count as the white page
            flat = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba)
            pixel = flat.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    except Exception:  # not a picture Pillow reads (EMF, SVG): unknown
        return None
    return "#" + "".join(f"{v:02X}" for v in pixel)


def _faces(theme: etree._Element, group: str) -> tuple[str | None, str | None]:
    node = theme.find(f".//{A}fontScheme/{A}{group}")
    if node is None:
        return None, None
    latin = node.find(f"{A}latin")
    ea = node.find(f"{A}ea")
    hans = next(
        (f.get("typeface") for f in node.iter(f"{A}font") if f.get("script") == "Hans"), None
    )
    return (
        (latin.get("typeface") if latin is not None else None) or None,
        (ea.get("typeface") if ea is not None else None) or hans or None,
    )


def house_theme(prs, base: Theme, name: str) -> Theme:
    """The look of a master (a python-pptx Presentation) as a Theme on ``base``'s sizes."""
    master_part = prs.slide_master.part
    master = master_part._element
    theme = etree.fromstring(master_part.part_related_by(_THEME).blob)
    scheme = _Scheme(theme, master)
    dark, light = scheme.slot("tx1") or "#000000", scheme.slot("bg1") or "#FFFFFF"
    text = (
        _placeholder_colour(master, scheme, ("body", "obj"))
        or _style_colour(master, scheme, "bodyStyle")
        or dark
    )
    background = _background(master_part, scheme)
    if background is None or contrast(text, background) < 3:  # a picture, or unreadable
        background = max((light, dark, "#FFFFFF", "#000000"), key=lambda c: contrast(text, c))
    # the title placeholder's own colour is the designer's, for whatever it sits on (a band)
    title = _placeholder_colour(master, scheme, _TITLES)
    if title is None:
        title = _style_colour(master, scheme, "titleStyle")
        if title is not None and contrast(title, background) < 3:
            title = None
    if title is None:
        dk2 = scheme.slot("tx2")
        title = dk2 if dk2 and contrast(dk2, background) >= 3 else text
    colours = _palette(scheme, base, text, title, background)
    paper = None
    if luminance(background) < 0.5 or contrast(title, "#FFFFFF") < 3:
        # a dark master, or light titles on a band: the PDF on white paper keeps the accents
        ink = next(c for c in (text, dark, "#000000") if contrast(c, "#FFFFFF") >= 4.5)
        heading = title if contrast(title, "#FFFFFF") >= 3 else ink
        paper = _palette(scheme, base, ink, heading, "#FFFFFF")
    major, minor = _faces(theme, "majorFont"), _faces(theme, "minorFont")
    fallback = base.typefaces
    faces = Typefaces(
        heading_latin=major[0] or minor[0] or fallback.heading_latin,
        heading_east_asian=major[1] or minor[1] or fallback.heading_east_asian,
        body_latin=minor[0] or major[0] or fallback.body_latin,
        body_east_asian=minor[1] or major[1] or fallback.body_east_asian,
    )
    return base.model_copy(
        update={
            "name": theme_name(name),
            "colors": colours,
            "paper": paper,
            "deck_fonts": faces,
            "titles_from_master": True,
        }
    )


def _palette(scheme: _Scheme, base: Theme, text: str, title: str, background: str) -> Colours:
    """The theme colours for text and titles on a background: charts, tables and figures
    in the master's first accent that reads on it (its titles keep their own colour)."""
    accents = [scheme.slot(f"accent{n}") for n in range(1, 7)]
    series = [c for c in accents if c and contrast(c, background) >= 1.5] or [title, text]
    if len(series) < 2:
        series.append(mix(series[0], background, 0.5))
    primary = next((c for c in series if contrast(c, background) >= 3), title)
    on_primary = max(("#FFFFFF", "#000000"), key=lambda c: contrast(c, primary))
    return base.colors.model_copy(
        update={
            "primary": primary,
            "title": title,
            "secondary": series[1] if series[1] != primary else series[0],
            "accent": next((c for c in series[1:] if c != primary), series[-1]),
            "series": [primary, *(c for c in series if c != primary)],
            "text": text,
            "muted": mix(text, background, 0.3),
            "grid": mix(text, background, 0.8),
            "background": background,
            "stripe": mix(primary, background, 0.88),
            "on_primary": on_primary,
        }
    )


def master_title_colour(master, on_design: bool) -> str | None:
    """The colour a master (python-pptx) sets on its own title placeholder, if any: the
    designer's colour for what lies behind titles there (a band, a picture). A title box
    that lies on no shape of the design must also read on the master's background; if it
    does not, None (the layout's own colour)."""
    part = master.part
    theme = etree.fromstring(part.part_related_by(_THEME).blob)
    scheme = _Scheme(theme, part._element)
    colour = _placeholder_colour(part._element, scheme, _TITLES)
    if colour is None or on_design:
        return colour
    background = _background(part, scheme)
    return colour if background is None or contrast(colour, background) >= 3 else None


def master_theme(path: Path, base: Theme) -> Theme:
    """The look of the master at ``path`` (a TemplateError if it is not a readable one)."""
    from reportgen.render.pptx import open_master

    return house_theme(open_master(path), base, path.stem if path.is_file() else path.name)
