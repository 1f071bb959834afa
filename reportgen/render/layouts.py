"""Which layout of a PowerPoint master serves each kind of slide, and where its content goes.

An organisation's master is used as it is. Each slide kind (the catalogue in
``template.plan.LAYOUT_BLOCKS``) is given the layout that suits it best by what the layout
holds (a title, a subtitle, content placeholders and where they sit), the layout's OOXML
type (``title``, ``secHead``, ``obj``, ``twoObj``, ``titleOnly``…, which PowerPoint writes
whatever the layout is called) and common names in English and Chinese; a template folder's
``layouts.yaml`` may name one instead. The chosen layout gives a *frame*: the title
placeholder, the content area (a placeholder's box, or the room below the title clear of the
footer zone) and text regions, so charts, tables and figures sit where the master means
content to go, on any slide size. ``reportgen templates FILE`` prints the choice and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER

from reportgen.errors import Problem, TemplateError
from reportgen.template.house import colour_at, master_colour
from reportgen.template.plan import LAYOUT_BLOCKS

#: The slide kinds a deck is made of, in the catalogue's order.
KINDS: tuple[str, ...] = tuple(LAYOUT_BLOCKS)

TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
FOOTERS = {
    PP_PLACEHOLDER.DATE: "date",
    PP_PLACEHOLDER.FOOTER: "footer",
    PP_PLACEHOLDER.SLIDE_NUMBER: "number",
}
#: Placeholders that take text (and so a block of points) as well as pictures and charts.
TEXT_HOLDERS = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
CONTENT_HOLDERS = (
    PP_PLACEHOLDER.BODY,
    PP_PLACEHOLDER.OBJECT,
    PP_PLACEHOLDER.CHART,
    PP_PLACEHOLDER.TABLE,
    PP_PLACEHOLDER.PICTURE,
    PP_PLACEHOLDER.BITMAP,
    PP_PLACEHOLDER.ORG_CHART,
    PP_PLACEHOLDER.MEDIA_CLIP,
)
#: A text placeholder this much of the slide's height or less is a caption line (a source
#: line, a column heading), not a place for content.
SMALL = 0.13
#: The idx of the briefing master's source-note placeholder (its "Note").
NOTE_IDX = 13
GAP = 0.02  # of the slide's width: between the parts of a split area
CHART_SHARE = 0.62  # of a split area's width, for a chart beside its points

#: What each slide kind needs: a graphic area (0 or 1) and text regions.
NEEDS: dict[str, tuple[int, int]] = {
    "Title": (0, 1),
    "Section": (0, 1),
    "KPI Grid": (1, 0),
    "Chart": (1, 1),
    "Table": (1, 0),
    "Timeline": (1, 0),
    "Two Columns": (0, 2),
    "Closing": (0, 1),
}
#: OOXML layout types that suit each kind, best first, with their score.
TYPES: dict[str, dict[str, int]] = {
    "Title": {"title": 40, "secHead": 15},
    "Section": {"secHead": 40, "title": 25, "tx": 10},
    "Closing": {"secHead": 35, "title": 25, "tx": 10},
    "KPI Grid": {"obj": 40, "tx": 35, "titleOnly": 25, "objOnly": 20},
    "Table": {"obj": 40, "tbl": 40, "tx": 35, "titleOnly": 25, "objOnly": 20},
    "Timeline": {"obj": 40, "tx": 35, "titleOnly": 25, "objOnly": 20},
    "Chart": {"twoObj": 40, "objTx": 35, "txAndObj": 35, "chart": 30, "obj": 25},
    "Two Columns": {"twoObj": 40, "twoTxTwoObj": 30, "txAndObj": 25, "obj": 20},
}
#: Common layout names (PowerPoint's, LibreOffice's, in English and Chinese), normalised
#: (lower case, no spaces or punctuation), with their score for each kind.
NAMES: dict[str, dict[str, int]] = {
    "Title": {"titleslide": 50, "标题幻灯片": 50, "title": 30, "标题": 30, "封面": 40},
    "Section": {"sectionheader": 50, "节标题": 50, "section": 40, "章节": 40, "节": 30},
    "Closing": {
        "closing": 50,
        "end": 40,
        "结束": 50,
        "结束页": 50,
        "sectionheader": 20,
        "节标题": 20,
    },
    "KPI Grid": {"titleandcontent": 50, "标题和内容": 50, "titlecontent": 50, "titleonly": 20},
    "Table": {"titleandcontent": 50, "标题和内容": 50, "titlecontent": 50, "titleonly": 20},
    "Timeline": {"titleandcontent": 50, "标题和内容": 50, "titlecontent": 50, "titleonly": 20},
    "Chart": {"twocontent": 50, "两栏内容": 50, "title2content": 50, "comparison": 25},
    "Two Columns": {"twocontent": 50, "两栏内容": 50, "title2content": 50, "comparison": 40},
}
for _kind in KINDS:  # the briefing master's own names are the best match of all
    NAMES[_kind][re.sub(r"\W", "", _kind.lower())] = 100
for _kind in ("KPI Grid", "Table", "Timeline"):
    NAMES[_kind]["仅标题"] = 20


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU."""

    x: int
    y: int
    w: int
    h: int

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def columns(self, shares: tuple[float, ...], gap: int) -> tuple[Box, ...]:
        """The box cut into side-by-side parts of the given shares of its width."""
        room = self.w - gap * (len(shares) - 1)
        parts, x = [], self.x
        for share in shares:
            w = round(room * share)
            parts.append(Box(x, self.y, w, self.h))
            x += w + gap
        return tuple(parts)

    def above(self, height: int) -> tuple[Box, Box]:
        """The box without its bottom ``height``, and that bottom strip."""
        return Box(self.x, self.y, self.w, self.h - height), Box(
            self.x, self.bottom - height, self.w, height
        )


@dataclass(frozen=True)
class Holder:
    """A placeholder of a layout: what it is and where it sits. ``order`` is its place among
    the placeholders a new slide gets from the layout (footers are not among them)."""

    order: int | None
    index: int  # among all the layout's placeholders
    type: PP_PLACEHOLDER
    idx: int
    name: str
    box: Box


@dataclass(frozen=True)
class Region:
    """Where a block goes: a box, and the slide placeholder there (by its order) if any."""

    box: Box
    holder: int | None = None
    type: PP_PLACEHOLDER | None = None


@dataclass(frozen=True)
class Frame:
    """A slide kind on a chosen layout: the title's placeholder, the graphic area, the text
    regions in order, the strip for the slide's source note, and the layout's footer
    placeholders (date, footer, number) to fill."""

    kind: str
    layout: int  # index among the master's layouts
    name: str
    reason: str
    title: int
    title_box: Box
    title_colour: str | None  # the title colour the layout's master sets, if it sets one
    text_colour: str | None  # and its body text colour
    subtitle: Region | None
    area: Region | None
    texts: tuple[Region, ...]
    note: Region | None
    footers: tuple[tuple[str, Holder], ...]

    def with_note_height(self, height: int) -> Frame:
        """The frame with its note strip (a box, not a placeholder) grown upwards to
        ``height``, the content above it shortened by as much."""
        note = self.note
        if note is None or note.holder is not None or height <= note.box.h:
            return self
        grow = height - note.box.h
        top = note.box.y

        def shorten(region: Region | None) -> Region | None:
            if region is None or region.box.bottom > top + 1 or region.box.bottom < top - grow * 2:
                return region
            box = region.box
            return replace(region, box=Box(box.x, box.y, box.w, max(box.h - grow, box.h // 2)))

        return replace(
            self,
            area=shorten(self.area),
            subtitle=shorten(self.subtitle),
            texts=tuple(shorten(r) for r in self.texts),
            note=replace(note, box=Box(note.box.x, top - grow, note.box.w, height)),
        )


def _norm(name: str) -> str:
    return re.sub(r"[\W_]", "", name.lower())


def all_layouts(prs) -> list:
    """Every layout of every master, in order: a LibreOffice template keeps its title page
    and its content pages in separate masters."""
    return [layout for master in prs.slide_masters for layout in master.slide_layouts]


def _clip(box: Box, width: int, height: int) -> Box:
    """A placeholder's box kept on the slide (a master may let one run past the edge)."""
    x, y = max(box.x, 0), max(box.y, 0)
    right = min(box.x + box.w, width)
    bottom = min(box.bottom, height - round(height * 0.03))
    return Box(x, y, max(right - x, 1), max(bottom - y, 1))


def holders(layout, width: int, height: int) -> list[Holder]:
    """A layout's placeholders with their boxes (inherited from the master where the layout
    sets none), in the order a slide made from it gets them."""
    found, order = [], 0
    for index, ph in enumerate(layout.placeholders):
        kind = ph.placeholder_format.type
        left, top, w, h = ph.left, ph.top, ph.width, ph.height
        if None in (left, top, w, h):  # no geometry anywhere: the whole slide
            left, top, w, h = 0, 0, width, height
        cloned = kind not in FOOTERS
        found.append(
            Holder(
                order if cloned else None,
                index,
                kind,
                ph.placeholder_format.idx,
                ph.name,
                _clip(Box(int(left), int(top), int(w), int(h)), width, height),
            )
        )
        order += cloned
    return found


class _Layout:
    """What a layout holds, sorted into the parts a frame is made of."""

    def __init__(self, index: int, layout, width: int, height: int, master: int = 0):
        self.index, self.name, self.master = index, layout.name, master
        self.type = layout._element.get("type") or ""
        self.width, self.height = width, height
        found = holders(layout, width, height)
        self.title = next((h for h in found if h.type in TITLES), None)
        self.subtitle = next((h for h in found if h.type == PP_PLACEHOLDER.SUBTITLE), None)
        self.footers = tuple((FOOTERS[h.type], h) for h in found if h.type in FOOTERS)
        small = [h for h in found if h.type in CONTENT_HOLDERS and h.box.h <= SMALL * height]
        self.note = next((h for h in small if h.idx == NOTE_IDX), None)
        self.content = sorted(
            (h for h in found if h.type in CONTENT_HOLDERS and h not in small),
            key=lambda h: (h.box.x, h.box.y),
        )
        self.captions = [h for h in small if h is not self.note]
        self.geometry = ""
        self._masters_geometry(layout)
        self.decoration = [box for box, _ in _design(layout, width, height)]
        ground = None  # what lies behind the title, and behind the first text
        if self.title is not None:
            box = self.title.box
            ground = colour_at(layout, box.x + box.w // 2, box.y + box.h // 2)
        text = self.subtitle or next(iter(self.content + self.captions), None)
        behind = (
            colour_at(layout, text.box.x + text.box.w // 2, text.box.y + text.box.h // 2)
            if text
            else None
        )
        self.title_colour = master_colour(layout.slide_master, True, ground)
        self.text_colour = master_colour(layout.slide_master, False, behind)

    def _masters_geometry(self, layout) -> None:
        """A layout whose content boxes are a sliver of the slide while its master's body is
        large (LibreOffice writes every master's layouts with one master's boxes, and draws
        each slide in its own master's): the master's title and body boxes are used."""
        if not self.content or self.title is None:
            return
        found = holders(layout.slide_master, self.width, self.height)
        title = next((h for h in found if h.type in TITLES), None)
        body = next((h for h in found if h.type in CONTENT_HOLDERS), None)
        if title is None or body is None or body.box.y < title.box.bottom:
            return
        slide = self.width * self.height
        if self._room() >= 0.3 or body.box.w * body.box.h / slide < 1.5 * self._room():
            return
        shares = (1 / len(self.content),) * len(self.content)
        parts = body.box.columns(shares, round(self.width * GAP))
        self.content = [replace(h, box=part) for h, part in zip(self.content, parts, strict=True)]
        self.title = replace(self.title, box=title.box)
        self.geometry = "its master's boxes"

    def below_title(self) -> Box:
        """The room for content when the layout offers no placeholder for it: below the
        title, as wide as the title, down to the footer zone (or a margin)."""
        title = self.title.box
        margin = round(self.height * 0.06)
        top = title.bottom + round(self.height * 0.03)
        floor = min(
            (h.box.y for _, h in self.footers if h.box.y > top), default=self.height - margin
        )
        bottom = min(floor - round(self.height * 0.02), self.height - margin)
        x = title.x if title.w < self.width else margin
        w = title.w if title.w < self.width else self.width - 2 * margin
        return Box(x, top, w, max(bottom - top, round(self.height * 0.3)))

    def score(self, kind: str) -> tuple[int, str]:
        """How well the layout suits a kind (0: it cannot serve it), and why."""
        if self.title is None:
            return 0, "no title placeholder"
        areas, texts = NEEDS[kind]
        reasons, score = [], 0
        by_name = NAMES[kind].get(_norm(self.name), 0)
        if by_name:
            score += by_name
            reasons.append(f"named '{self.name}'")
        by_type = TYPES[kind].get(self.type, 0)
        if by_type:
            score += by_type
            reasons.append(f"type {self.type}")
        content = len(self.content)
        if kind == "Title":
            if self.title.type == PP_PLACEHOLDER.CENTER_TITLE:
                score += 15
            if self.subtitle is not None:
                score += 15
                reasons.append("a title and a subtitle")
            if content:
                score -= 10
        elif kind in ("Section", "Closing"):
            if content > 1:
                score -= 20
            elif self.subtitle is not None or content == 1:
                score += 10
                reasons.append("a title and one text")
        else:
            wanted = areas + texts
            if content == wanted:
                score += 20
                reasons.append(f"{content} content placeholder{'s' * (content > 1)}")
            elif content == 0:
                score += 5
                reasons.append("content below the title")
            elif content > wanted:
                score -= 10 * (content - wanted)
            else:
                score += 10
                reasons.append(f"{content} content placeholder, shared")
            if self.subtitle is not None:
                score -= 5
            room = self._room()
            score += round(30 * room)  # the larger the content area, the better
            reasons.append(f"{room:.0%} of the slide for content")
            covered = self._covered()
            if covered >= 0.01:  # pictures and shapes of the design behind the content
                score -= round(40 * covered)
                reasons.append(f"{covered:.0%} of it under the design's shapes")
            if self.geometry:
                reasons.append(self.geometry)
        return max(score, 1), ", ".join(reasons) or "has a title"

    def _covered(self) -> float:
        """The share of the content area the master's and layout's own shapes lie over."""
        boxes = [h.box for h in self.content] or ([self.below_title()] if self.title else [])
        total = sum(b.w * b.h for b in boxes)
        if not total:
            return 0.0
        over = sum(_overlap(b, d) for b in boxes for d in self.decoration)
        return min(over / total, 1.0)

    def _room(self) -> float:
        """The share of the slide the layout gives its content."""
        boxes = [h.box for h in self.content] or ([self.below_title()] if self.title else [])
        return sum(b.w * b.h for b in boxes) / (self.width * self.height)

    def frame(self, kind: str, reason: str) -> Frame:
        areas, texts = NEEDS[kind]
        gap = round(self.width * GAP)
        content = list(self.content)
        regions: list[Region] = []
        subtitle = None
        if kind in ("Title", "Section", "Closing"):
            holder = self.subtitle or next(iter(content + self.captions), None)
            region = _region(holder) if holder else Region(self.below_title())
            if kind == "Title":
                subtitle = region
            else:
                regions.append(region)
        else:
            wanted = areas + texts
            if kind == "Chart" and len(content) >= 2 and _halves(content[0].box, content[1].box):
                # two equal boxes: the chart takes the larger share of both, as on the
                # briefing master; the points keep their placeholder, narrowed
                left, right = content[0].box, content[1].box
                whole = Box(left.x, left.y, right.x + right.w - left.x, max(left.h, right.h))
                chart, text = whole.columns((CHART_SHARE, 1 - CHART_SHARE), gap)
                regions = [
                    Region(chart, content[0].order, content[0].type),
                    Region(text, content[1].order, content[1].type),
                ]
            elif len(content) >= wanted:
                regions = [_region(h) for h in content[:wanted]]
            else:
                whole = (
                    Box(
                        min(h.box.x for h in content),
                        min(h.box.y for h in content),
                        max(h.box.x + h.box.w for h in content) - min(h.box.x for h in content),
                        max(h.box.bottom for h in content) - min(h.box.y for h in content),
                    )
                    if content
                    else self.below_title()
                )
                shares = (
                    (CHART_SHARE, 1 - CHART_SHARE) if kind == "Chart" else (1 / wanted,) * wanted
                )
                boxes = whole.columns(shares, gap) if wanted > 1 else (whole,)
                # a placeholder keeps the part it starts in (its text style is the master's)
                regions = []
                for box in boxes:
                    holder = next(
                        (h for h in content if h.box.x <= box.x < h.box.x + h.box.w), None
                    )
                    regions.append(
                        Region(box, holder.order, holder.type)
                        if holder is not None and (holder.type in TEXT_HOLDERS or len(boxes) == 1)
                        else Region(box)
                    )
                    if holder is not None:
                        content.remove(holder)
        note = _region(self.note) if self.note else None
        if note is None and kind == "Title":
            subtitle, note = self._title_note(subtitle)
        elif note is None and kind not in ("Section", "Closing"):
            regions, note = self._note_strip(regions)
        area = regions[0] if areas else None
        text_regions = tuple(regions[areas:])
        return Frame(
            kind,
            self.index,
            self.name,
            reason,
            self.title.order,
            self.title.box,
            self.title_colour,
            self.text_colour,
            subtitle,
            area,
            text_regions,
            note,
            self.footers,
        )

    def _strip(self) -> int:
        return round(self.height * 0.085)

    def _title_note(self, subtitle: Region) -> tuple[Region, Region]:
        """The title slide's source line where the master has no note placeholder: below
        the subtitle if there is room above the footer zone, else the subtitle's foot."""
        strip, below = self._strip(), subtitle.box
        floor = min(
            (h.box.y for _, h in self.footers if h.box.y >= below.bottom), default=self.height
        )
        room = min(floor, self.height - round(self.height * 0.04)) - below.bottom
        if room >= strip:
            return subtitle, Region(Box(below.x, below.bottom + room - strip, below.w, strip))
        kept, foot = below.above(strip)
        return replace(subtitle, box=kept), Region(foot)

    def _note_strip(self, regions: list[Region]) -> tuple[list[Region], Region]:
        """Room for a slide's source note where the master has no note placeholder: a
        strip cut from the bottom of the content."""
        strip = self._strip()
        bottom = max(r.box.bottom for r in regions)
        cut = []
        for region in regions:
            if region.box.bottom >= bottom - strip:
                box, _ = region.box.above(region.box.bottom - (bottom - strip))
                cut.append(replace(region, box=box))
            else:
                cut.append(region)
        left = min(r.box.x for r in regions)
        right = max(r.box.x + r.box.w for r in regions)
        return cut, Region(
            Box(
                left,
                bottom - strip + round(self.height * 0.01),
                right - left,
                strip - round(self.height * 0.01),
            )
        )


def _halves(left: Box, right: Box) -> bool:
    """Whether two boxes are side by side, of one width and on one line."""
    return (
        abs(left.w - right.w) <= left.w * 0.05
        and abs(left.y - right.y) <= left.h * 0.05
        and right.x >= left.x + left.w * 0.9
    )


def _overlap(one: Box, other: Box) -> int:
    w = min(one.x + one.w, other.x + other.w) - max(one.x, other.x)
    h = min(one.bottom, other.bottom) - max(one.y, other.y)
    return w * h if w > 0 and h > 0 else 0


def _design(layout, width: int, height: int) -> list[tuple[Box, Any]]:
    """A layout's own shapes and (unless it hides them) its master's, with their boxes, other
    than placeholders and anything covering most of the slide (a background picture)."""
    shapes = list(layout.shapes)
    if layout._element.get("showMasterSp") != "0":
        shapes += list(layout.slide_master.shapes)
    found = []
    for shape in shapes:
        if shape.is_placeholder or None in (shape.left, shape.top, shape.width, shape.height):
            continue
        box = Box(int(shape.left), int(shape.top), int(shape.width), int(shape.height))
        if box.w * box.h < 0.8 * width * height:
            found.append((box, shape))
    return found


def _region(holder: Holder) -> Region:
    return Region(holder.box, holder.order, holder.type)


def _size(prs) -> tuple[int, int]:
    return int(prs.slide_width), int(prs.slide_height)


def choose(
    prs, kinds, shown: str, named: dict[str, str] | None = None, named_in: str | None = None
) -> dict[str, Frame]:
    """The frame for each slide kind in ``kinds`` on the master's layouts; ``named`` maps a
    kind to a layout name (a template's layouts.yaml, shown as ``named_in``). A TemplateError
    with one line per problem when a kind has no layout that can serve it."""
    width, height = _size(prs)
    masters = list(prs.slide_masters)
    layouts = [
        _Layout(i, layout, width, height, masters.index(layout.slide_master))
        for i, layout in enumerate(all_layouts(prs))
    ]

    if not any(layout.title is not None for layout in layouts):
        raise TemplateError(
            [
                Problem(
                    shown,
                    None,
                    None,
                    None,
                    "no layout with a title placeholder; the master has: "
                    + (", ".join(f"'{x.name}'" for x in layouts) or "no layouts"),
                )
            ]
        )
    frames, problems = {}, []
    for kind in kinds:
        wanted = (named or {}).get(kind)
        if wanted is not None:
            match = [x for x in layouts if x.name == wanted]
            if not match:
                problems.append(
                    Problem(
                        named_in or shown,
                        None,
                        "layouts",
                        kind,
                        f"no layout '{wanted}'; the master has: "
                        + ", ".join(f"'{x.name}'" for x in layouts),
                    )
                )
                continue
            if match[0].title is None:
                problems.append(
                    Problem(
                        named_in or shown,
                        None,
                        "layouts",
                        kind,
                        f"layout '{wanted}' has no title placeholder",
                    )
                )
                continue
            frames[kind] = match[0].frame(kind, f"named in {named_in or 'layouts.yaml'}")
            continue
        scored = [(x.score(kind), -x.index, x) for x in layouts if x.title is not None]
        (_score, reason), _, best = max(scored, key=lambda s: (s[0][0], s[1]))
        frames[kind] = best.frame(kind, reason)
    if problems:
        raise TemplateError(problems)
    return frames


def describe(frames: dict[str, Frame]) -> list[str]:
    """One line per slide kind: the layout it takes, why, and where its content goes."""
    lines = []
    for kind, frame in frames.items():
        parts = []
        if frame.area is not None:
            parts.append("content in " + _where(frame.area))
        if frame.subtitle is not None:
            parts.append("subtitle in " + _where(frame.subtitle))
        parts += [f"text {n} in {_where(r)}" for n, r in enumerate(frame.texts, start=1)]
        if frame.note is not None:
            parts.append("note in " + _where(frame.note))
        if frame.footers:
            parts.append("fills " + ", ".join(name for name, _ in frame.footers))
        lines.append(f"    {kind:<12} -> '{frame.name}' ({frame.reason}); {'; '.join(parts)}")
    return lines


def _where(region: Region) -> str:
    b = region.box
    inch = 914400
    place = f"{b.w / inch:.1f}x{b.h / inch:.1f} in at ({b.x / inch:.1f}, {b.y / inch:.1f})"
    if region.holder is None:
        return place
    kind = region.type.name.lower() if region.type is not None else "placeholder"
    return f"its {kind} placeholder, {place}"
