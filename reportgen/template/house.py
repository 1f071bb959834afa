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
        return scheme.slot("bg1")
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


def _element_colour(part, scheme: _Scheme, element, at: float = 0.5) -> str | None:
    """The colour a shape element shows ``at`` a share of its height: its plain fill, its
    gradient there (a top-to-bottom one; the stops' average otherwise), a picture's average."""
    blip = element.find(f"{P}blipFill/{A}blip")
    if blip is not None:
        return _average(part, blip.get(f"{{{_R}}}embed"))
    props = element.find(f"{P}spPr")
    if props is None:
        return None
    fill = props.find(f"{A}solidFill")
    if fill is not None:
        return scheme.colour(fill) if _opaque(fill) else None
    if not _opaque(props.find(f"{A}gradFill")):
        return None
    stops = [
        (int(gs.get("pos", 0)) / 100000, scheme.colour(gs))
        for gs in props.iterfind(f"{A}gradFill/{A}gsLst/{A}gs")
    ]
    stops = sorted((pos, colour) for pos, colour in stops if colour)
    if not stops:
        return None
    line = props.find(f"{A}gradFill/{A}lin")
    if line is None or abs(int(line.get("ang", 0)) - 5400000) > 600000:  # not top to bottom
        colours = [colour for _, colour in stops]
        return _mean(colours)
    before = [s for s in stops if s[0] <= at] or stops[:1]
    after = [s for s in stops if s[0] >= at] or stops[-1:]
    (p0, c0), (p1, c1) = before[-1], after[0]
    return c0 if p1 == p0 else mix(c0, c1, (at - p0) / (p1 - p0))


def _opaque(fill) -> bool:
    """Whether a fill is mostly opaque (its colours' a:alpha, 100000 = opaque, on average at
    least half): a veil of white over a picture is not what text is read against."""
    if fill is None:
        return False
    alphas = [int(a.get("val", 100000)) for a in fill.iter(f"{A}alpha")]
    return not alphas or sum(alphas) / len(alphas) >= 50000


def _mean(colours: list[str]) -> str:
    channels = [_rgb(c) for c in colours]
    return "#" + "".join(
        f"{round(sum(c[i] for c in channels) / len(channels) * 255):02X}" for i in range(3)
    )


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
    """The look of a master (a python-pptx Presentation) as a Theme on ``base``'s sizes: the
    look of the master its content slides go on (a file may keep its title page apart)."""
    from reportgen.render.layouts import all_layouts, choose

    frame = choose(prs, ("KPI Grid",), name)["KPI Grid"]
    master_part = all_layouts(prs)[frame.layout].slide_master.part
    master = master_part._element
    theme = etree.fromstring(master_part.part_related_by(_THEME).blob)
    scheme = _Scheme(theme, master)
    dark, light = scheme.slot("tx1") or "#000000", scheme.slot("bg1") or "#FFFFFF"
    text = (
        _placeholder_colour(master, scheme, ("body", "obj"))
        or _style_colour(master, scheme, "bodyStyle")
        or dark
    )
    area = frame.area.box
    layout = all_layouts(prs)[frame.layout]
    background = colour_at(layout, area.x + area.w // 2, area.y + area.h // 2)
    if background is None:  # a background that cannot be read: the one the text reads on
        background = max((light, dark, "#FFFFFF", "#000000"), key=lambda c: contrast(text, c))
    elif contrast(text, background) < 4.5:  # a text colour for another ground: one that reads
        text = max((dark, light, "#000000", "#FFFFFF"), key=lambda c: contrast(c, background))
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


def master_colour(master, title: bool, ground: str | None) -> str | None:
    """The colour for a master's (python-pptx) title (or body) text: the colour its own
    placeholder sets (the designer's), if it reads on what lies behind it (``ground``, from
    ``colour_at``); else black or white, whichever reads; None where nothing behind it is
    known (the layout's own colour)."""
    part = master.part
    theme = etree.fromstring(part.part_related_by(_THEME).blob)
    scheme = _Scheme(theme, part._element)
    colour = _placeholder_colour(part._element, scheme, _TITLES if title else ("body", "obj"))
    behind = ground
    if behind is None:
        return colour
    if colour is not None and contrast(colour, behind) >= 3:
        return colour
    return max(("#000000", "#FFFFFF"), key=lambda c: contrast(c, behind))


def colour_at(layout, x: int, y: int) -> str | None:
    """The colour a slide made from ``layout`` shows at (x, y) EMU behind its text: the
    topmost opaque shape or picture of the layout (and of its master, beneath) there, else
    the master's background; None where that cannot be read."""
    master = layout.slide_master
    part = master.part
    theme = etree.fromstring(part.part_related_by(_THEME).blob)
    scheme = _Scheme(theme, part._element)
    layers = [(layout.part, layout._element)]
    if layout._element.get("showMasterSp") != "0":
        layers.append((part, part._element))
    for owner, root in layers:
        tree = root.find(f"{P}cSld/{P}spTree")
        for element in reversed(list(tree) if tree is not None else []):
            if etree.QName(element).localname not in ("sp", "pic"):
                continue
            if element.find(f"{P}nvSpPr/{P}nvPr/{P}ph") is not None:
                continue
            if element.find(f"{P}nvSpPr/{P}cNvSpPr[@txBox='1']") is not None:
                continue
            off = element.find(f"{P}spPr/{A}xfrm/{A}off")
            ext = element.find(f"{P}spPr/{A}xfrm/{A}ext")
            if off is None or ext is None:
                continue
            left, top = int(off.get("x", 0)), int(off.get("y", 0))
            width, height = int(ext.get("cx", 0)), int(ext.get("cy", 0))
            if not (left <= x <= left + width and top <= y <= top + height):
                continue
            colour = _element_colour(owner, scheme, element, (y - top) / max(height, 1))
            if colour is not None:
                return colour
    return _background(part, scheme)


def master_theme(path: Path, base: Theme) -> Theme:
    """The look of the master at ``path`` (a TemplateError if it is not a readable one)."""
    from reportgen.render.pptx import open_master

    return house_theme(open_master(path), base, path.stem if path.is_file() else path.name)
