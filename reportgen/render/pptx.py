"""The deck renderer: the content model drawn onto a template's PowerPoint master.

Layouts are found by name and placeholders by type, so an organisation's own master works
if it has the layouts (``check_master`` lists what is missing). Every text is fitted and
fully styled (``pptx_text``), charts are native where PowerPoint has the type, pictures and
charts carry alt text, empty placeholders are removed, and the file is written with fixed
timestamps so two builds of the same input are byte-identical.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from reportgen import locale
from reportgen.charts.kinds.native import Overlay, rgb
from reportgen.charts.model import ChartData
from reportgen.content.model import Block, Bullets, Chart, Deck, Kpis, Slide, Table
from reportgen.errors import Problem, TemplateError
from reportgen.outputs import document_time, reproducible_zip
from reportgen.render.layouts import TEXT_HOLDERS, Box, Frame, Region, all_layouts, choose
from reportgen.render.pptx_chart import NATIVE_KINDS, add_chart, overlays
from reportgen.render.pptx_text import (
    INSET_X,
    WIDTH_SAFETY,
    Fonts,
    Para,
    TextOverflowError,
    fill_box,
    text_height,
    write_paragraphs,
)
from reportgen.template import Template

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
#: The parts of a template file's package that say it is a template (.potx), and what they
#: say in a presentation: python-pptx opens only the latter.
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
CELL_MIN = 8  # points: the smallest table text
TITLE_MIN = 14  # points: a house master's title box may be small
NOTE_SIZE = 8  # points: the size a note strip cut from the content is made tall enough for
_PRESENTATION_TYPE = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)


def _unreadable(shown: str, exc: Exception) -> TemplateError:
    return TemplateError(
        [
            Problem(
                shown,
                None,
                None,
                None,
                f"not a readable PowerPoint master ({type(exc).__name__}); "
                "save it from PowerPoint as .pptx",
            )
        ]
    )


def _check_package(path, shown: str) -> None:
    """Refuse a file that is not a zip, or whose unpacked size says zip bomb, before any
    library unpacks it."""
    from reportgen.safeio import package_refusal

    reason = package_refusal(path)
    if reason is None:
        return
    if reason.startswith("refused"):
        reason += "; not a plausible PowerPoint master"
    else:
        reason = f"not a readable PowerPoint master ({reason}); save it from PowerPoint as .pptx"
    raise TemplateError([Problem(shown, None, None, None, reason)])


def open_presentation(source):
    """A Presentation whose parts (masters, layouts, slides, notes, charts) are all resolved
    now, so a damaged package (a relationship to nothing) fails here, in one place, and not
    halfway through reading it. Raises what python-pptx raises."""
    prs = Presentation(_as_presentation(source))
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            list(layout.placeholders)
    for slide in prs.slides:
        _ = slide.slide_layout
        if slide.has_notes_slide:
            _ = slide.notes_slide
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False) and shape.has_chart:
                _ = shape.chart
    return prs


def _as_presentation(source):
    """A .potx (a template file) as the presentation python-pptx opens: the same package
    with its main part's content type changed; anything else as it is."""
    import zipfile

    data = source.getvalue() if isinstance(source, io.BytesIO) else None
    if data is None:
        with open(source, "rb") as handle:
            data = handle.read()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = package.read("[Content_Types].xml")
            if _TEMPLATE_TYPE not in types:
                return io.BytesIO(data)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for item in package.infolist():
                    body = package.read(item.filename)
                    if item.filename == "[Content_Types].xml":
                        body = body.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
                    copy.writestr(item, body)
            return io.BytesIO(out.getvalue())
    except (zipfile.BadZipFile, KeyError):
        return io.BytesIO(data)


def open_master(path):
    """The template's master as a Presentation; a one-line TemplateError if it is not one."""
    from reportgen.paths import display_path

    _check_package(path, display_path(path))
    try:
        return open_presentation(str(path))
    except Exception as exc:  # not a zip, not a presentation, a damaged package
        raise _unreadable(display_path(path), exc) from None


def frames(prs, template: Template, kinds) -> dict[str, Frame]:
    """The layout and frame each slide kind takes on the template's master (its
    ``layouts.yaml`` first); a TemplateError if the master cannot serve."""
    from reportgen.paths import display_path

    named_in = display_path(template.layouts_file) if template.layouts_file else None
    return choose(prs, kinds, display_path(template.master), template.layouts, named_in)


def drop_slides(prs) -> None:
    """A master's own slides (a sample deck saved as the template) are not the deck's."""
    ids = prs.slides._sldIdLst
    for slide_id in list(ids):
        prs.part.drop_rel(slide_id.rId)
        ids.remove(slide_id)


class _SlideWriter:
    def __init__(self, prs, template: Template, fonts: Fonts, heading: Fonts, deck: Deck):
        self.prs, self.template, self.fonts, self.heading, self.deck = (
            prs,
            template,
            fonts,
            heading,
            deck,
        )
        self.theme = template.theme
        self.sizes = template.theme.sizes
        self.colours = template.theme.colors
        # a house master's titles take the colour the slide's own master gives them (its
        # title page and its content pages may set titles on different grounds)
        self.from_master = self.theme.titles_from_master
        self.ink, self.soft = self.colours.text, self.colours.muted

    def title_colour(self, frame: Frame, big: bool) -> str | None:
        """The theme's title colour; on a house master, the colour the slide's own master
        gives titles (a title page left to its layout's colour when its master gives none)."""
        if not self.from_master:
            return self.colours.heading
        return frame.title_colour or (None if big else self.colours.heading)

    def write(self, slide, content: Slide, number: int, frame: Frame) -> None:
        where = f"slide {number} '{content.id}'"
        big = content.layout in ("Title", "Section", "Closing")
        # a house master's title page may lie on another master than the content: its
        # texts take that master's text colour
        own = frame.text_colour if self.from_master and big else None
        self.ink, self.soft = own or self.colours.text, own or self.colours.muted
        notes = [Para(text, colour=self.soft) for text in content.footnotes]
        if notes and frame.note is not None and frame.note.holder is None:
            # a note strip the renderer cut from the content: as tall as the note needs
            need = text_height(notes, frame.note.box.w, NOTE_SIZE, self.fonts)
            frame = frame.with_note_height(need)
        # the placeholders the slide got, in the layout's order (slide.placeholders sorts by idx)
        place = _Place(slide, where, frame, [s for s in slide.shapes if s.is_placeholder])
        title = place.holder(frame.title)
        _put(title, frame.title_box)
        fill_box(
            title,
            [Para(content.title, colour=self.title_colour(frame, big))],
            self.heading,
            max_size=self.sizes.title + (8 if big else 0),
            min_size=TITLE_MIN,
            where=f"{where} title",
            anchor="b" if big else "t",
        )
        if content.subtitle:
            box = place.text(frame.subtitle) if frame.subtitle else place.next_text()
            fill_box(
                box,
                [Para(content.subtitle, colour=self.soft)],
                self.fonts,
                max_size=self.sizes.heading,
                min_size=12,
                where=f"{where} subtitle",
            )
        for block in content.blocks:
            draw = DRAW.get(type(block))
            if draw is None:
                raise TypeError(f"the deck cannot draw a {type(block).__name__} block")
            draw(self, block, place)
        if notes and frame.note is not None:
            fill_box(
                place.text(frame.note, name="Note"),
                notes,
                self.fonts,
                max_size=self.sizes.caption + 1,
                min_size=7,
                where=f"{where} note",
                anchor="b",
            )
        for ph in place.held:
            if ph._element is None:  # replaced by the chart, table or picture put in it
                continue
            if id(ph._element) not in place.used:
                ph._element.getparent().remove(ph._element)  # never leave an empty placeholder
        if content.is_content:
            self.footers(slide, frame, place)
        self.notes(slide, content)

    def footers(self, slide, frame: Frame, place: _Place) -> None:
        """The master's date, footer and slide-number placeholders, filled where the layout
        has them; a slide number in the corner where it has none."""
        texts = {"date": self.deck.running.date, "footer": self.deck.running.footer}
        layout_holders = list(slide.slide_layout.placeholders)
        numbered = False
        for name, holder in frame.footers:
            if name != "number" and not texts[name]:
                continue
            slide.shapes.clone_placeholder(layout_holders[holder.index])
            shape = list(slide.shapes)[-1]  # the clone, appended last
            box = holder.box
            shape.left, shape.top, shape.width, shape.height = box.x, box.y, box.w, box.h
            if name == "number":
                write_paragraphs(
                    shape.text_frame,
                    [Para("#", colour=self.colours.muted)],
                    self.sizes.caption,
                    self.fonts,
                )
                _as_field(shape, "slidenum")
                numbered = True
                continue
            try:
                fill_box(
                    shape,
                    [Para(texts[name], colour=self.colours.muted)],
                    self.fonts,
                    max_size=self.sizes.caption,
                    min_size=6,
                    where=f"{place.where} {name}",
                )
            except TextOverflowError:  # a footer too small for it: left out, not overflowing
                shape._element.getparent().remove(shape._element)
        if not numbered:
            self.slide_number(slide)

    def kpis(self, slide, area: Box, block: Kpis, where: str) -> None:
        x, y, w, h = area.x, area.y, area.w, area.h
        rows, cols = block.rows, block.cols
        cell_w, cell_h = w // cols, h // rows
        for index, figure in enumerate(block.figures):
            row, col = divmod(index, cols)
            left, top = x + col * cell_w, y + row * cell_h
            value = slide.shapes.add_textbox(
                left, top + int(cell_h * 0.08), cell_w - Emu(91440), int(cell_h * 0.5)
            )
            fill_box(
                value,
                [Para(figure.value.display, colour=self.colours.primary, align="ctr")],
                self.fonts,
                max_size=40,
                min_size=16,
                where=f"{where} figure {index + 1}",
                anchor="b",
            )
            value.name = f"Figure {index + 1}"
            label = slide.shapes.add_textbox(
                left, top + int(cell_h * 0.6), cell_w - Emu(91440), int(cell_h * 0.36)
            )
            lines = [Para(figure.label, colour=self.colours.muted, align="ctr")]
            if figure.change is not None:  # its change beside it, as the article pairs them
                lines.append(Para(figure.change.display, colour=self.colours.primary, align="ctr"))
            fill_box(
                label,
                lines,
                self.fonts,
                max_size=self.sizes.body + 1,
                min_size=9,
                where=f"{where} figure label {index + 1}",
            )
            label.name = f"Figure label {index + 1}"

    def overlay(self, slide, overlay: Overlay) -> None:
        """A text box a chart kind lays over its native chart, fitted like every text."""
        box = slide.shapes.add_textbox(*overlay.box)
        box.name = overlay.name
        fill_box(
            box,
            [
                Para(line.text, colour=line.colour, align="ctr", scale=line.scale)
                for line in overlay.lines
            ],
            self.fonts,
            max_size=overlay.max_size,
            min_size=overlay.min_size,
            where=overlay.where,
            anchor="ctr",
        )

    def picture(self, place: _Place, region: Region, chart: ChartData) -> None:
        from reportgen.charts.export import chart_bytes

        box = region.box
        width_in = box.w / 914400
        height_in = box.h / 914400
        # On a slide the picture is shown at full size next to 14-20 pt text: set its labels
        # at body size rather than the smaller chart sizes meant for a page.
        sizes = self.sizes.model_copy(
            update={"chart_label": self.sizes.body, "chart_tick": self.sizes.body - 1}
        )
        theme = self.theme.model_copy(update={"sizes": sizes})
        data, _ = chart_bytes(
            chart, theme, self.template.face(), "png", framed=False, size_in=(width_in, height_in)
        )
        if region.type == PP_PLACEHOLDER.PICTURE:
            frame = place.holder(region.holder).insert_picture(io.BytesIO(data))
        else:
            frame = place.slide.shapes.add_picture(io.BytesIO(data), box.x, box.y, box.w, box.h)
            frame.name = "Timeline"
        c_nv_pr = frame._element.find(f".//{qn('p:cNvPr')}")
        c_nv_pr.set("descr", chart.alt_text)
        c_nv_pr.set("title", chart.title)

    def table(self, place: _Place, region: Region, block: Table, where: str) -> None:
        rows, cols = len(block.rows) + 1, len(block.columns)
        box_w, box_h = region.box.w, region.box.h
        if region.type == PP_PLACEHOLDER.TABLE:
            frame = place.holder(region.holder).insert_table(rows, cols)
        else:
            box = region.box
            frame = place.slide.shapes.add_table(rows, cols, box.x, box.y, box.w, box.h)
            frame.name = "Table"
        table = frame.table
        lengths = [
            max(len(block.columns[c]), *(len(r[c]) for r in block.rows)) or 1 for c in range(cols)
        ]
        total = sum(min(n, 40) for n in lengths)
        widths = [int(box_w * min(lengths[c], 40) / total) for c in range(cols)]
        for c, width in enumerate(_widened(widths, block, self.fonts, CELL_MIN)):
            table.columns[c].width = width
        row_h = min(int(box_h / rows), Emu(914400 * 0.9))
        for r in range(rows):
            table.rows[r].height = row_h
        for c, heading in enumerate(block.columns):
            cell = table.cell(0, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb(self.colours.primary)
            self.cell_text(
                cell, heading, self.colours.on_primary, table.columns[c].width, row_h, where
            )
        for r, values in enumerate(block.rows, start=1):
            for c, value in enumerate(values):
                cell = table.cell(r, c)
                cell.fill.solid()
                stripe = block.striped and not r % 2
                cell.fill.fore_color.rgb = rgb(
                    self.colours.stripe if stripe else self.colours.background
                )
                align = "r" if block.numeric and block.numeric[c] else None
                self.cell_text(
                    cell, value, self.colours.text, table.columns[c].width, row_h, where, align
                )

    def cell_text(
        self,
        cell,
        text: str,
        colour: str,
        width: int,
        height: int,
        where: str,
        align: str | None = None,
    ) -> None:
        from reportgen.render.pptx_text import fit_size

        paras = [Para(text, colour=colour, align=align)]
        size = fit_size(
            paras,
            width,
            height,
            self.fonts,
            max_size=self.sizes.body,
            min_size=CELL_MIN,
            where=f"{where} table cell",
        )
        write_paragraphs(cell.text_frame, paras, size, self.fonts, anchor="ctr")

    def slide_number(self, slide) -> None:
        box = slide.shapes.add_textbox(
            Emu(self.prs.slide_width - 914400 * 1.1),
            Emu(self.prs.slide_height - 914400 * 0.42),
            Emu(914400 * 0.7),
            Emu(914400 * 0.3),
        )
        box.name = "Slide number"
        write_paragraphs(
            box.text_frame,
            [Para("#", colour=self.colours.muted, align="r")],
            self.sizes.caption,
            self.fonts,
        )
        _as_field(box, "slidenum")

    def notes(self, slide, content: Slide) -> None:
        if not content.speaker_notes:
            return
        frame = slide.notes_slide.notes_text_frame
        paras = [Para(line) for line in content.speaker_notes]
        write_paragraphs(frame, paras, 12, self.fonts)


def _widened(widths: list[int], block: Table, fonts: Fonts, size: float) -> list[int]:
    """Column widths in which each column's longest word fits at ``size`` (a narrow content
    area would otherwise break a word inside), taken from the widest columns."""
    import re

    from reportgen.fonts import text_width

    margin = 2 * 91440 + 2 * INSET_X  # the cell's margins and the text's insets
    need = []
    for c in range(len(widths)):
        words = [
            w for t in (block.columns[c], *(r[c] for r in block.rows)) for w in re.split(r"\s+", t)
        ]
        widest = max((text_width(w, fonts.face, size) for w in words if w), default=0)
        need.append(int(Pt(widest / WIDTH_SAFETY)) + margin)
    short = sum(max(0, n - w) for n, w in zip(need, widths, strict=True))
    if not short:
        return widths
    spare = {c: w - need[c] for c, w in enumerate(widths) if w > need[c]}
    room = sum(spare.values())
    if room <= 0:
        return widths
    out = [max(w, n) for w, n in zip(widths, need, strict=True)]
    for c, extra in spare.items():
        out[c] = widths[c] - int(short * extra / room)
    out[max(spare)] += sum(widths) - sum(out)  # the table keeps its width to the EMU
    return out


def _put(shape, box: Box) -> None:
    """Give a placeholder the frame's box where it would inherit another."""
    if (shape.left, shape.top, shape.width, shape.height) != (box.x, box.y, box.w, box.h):
        shape.left, shape.top, shape.width, shape.height = box.x, box.y, box.w, box.h


def _as_field(shape, kind: str) -> None:
    """The shape's first run made a field PowerPoint fills in (the slide number)."""
    paragraph = shape.text_frame._txBody.find(qn("a:p"))
    run = paragraph.find(qn("a:r"))
    field = run.makeelement(
        qn("a:fld"), {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": kind}
    )
    for child in list(run):
        field.append(child)
    paragraph.replace(run, field)


@dataclass
class _Place:
    """Where a slide's blocks go: the slide, its name in errors, its frame, the placeholders
    the slide got from its layout (in the layout's order), those used so far, and how many of
    the frame's text regions are taken."""

    slide: Any
    where: str
    frame: Frame
    held: list
    used: set[int] = field(default_factory=set)
    texts_taken: int = 0

    def holder(self, order: int):
        """A placeholder the slide got from its layout, marked as used."""
        ph = self.held[order]
        if ph._element is not None:
            self.used.add(id(ph._element))
        return ph

    def text(self, region: Region, name: str = "Text"):
        """The shape a text goes in: the region's own text placeholder, or a new text box."""
        if region.holder is not None and region.type in TEXT_HOLDERS:
            ph = self.holder(region.holder)
            _put(ph, region.box)
            return ph
        box = region.box
        shape = self.slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
        shape.name = name
        return shape

    def next_text(self):
        """The next free text region of the frame."""
        regions = self.frame.texts
        if self.texts_taken >= len(regions):
            raise TemplateError(
                [Problem(self.where, None, None, None, "no room left for another text")]
            )
        region = regions[self.texts_taken]
        self.texts_taken += 1
        return self.text(region)


#: Block kind -> how the deck draws it. A new kind registers its draw function here.
DRAW: dict[type[Block], Callable[[_SlideWriter, Any, _Place], None]] = {}


def draws(kind: type[Block]):
    """Register the deck's draw function for a block kind."""

    def register(function):
        DRAW[kind] = function
        return function

    return register


@draws(Kpis)
def _draw_kpis(writer: _SlideWriter, block: Kpis, place: _Place) -> None:
    writer.kpis(place.slide, place.frame.area.box, block, place.where)


@draws(Chart)
def _draw_chart(writer: _SlideWriter, block: Chart, place: _Place) -> None:
    region = place.frame.area
    if block.chart.kind in NATIVE_KINDS:
        box = region.box
        if region.type == PP_PLACEHOLDER.CHART:
            target = place.holder(region.holder).insert_chart
        else:

            def target(chart_type, data):
                frame = place.slide.shapes.add_chart(chart_type, box.x, box.y, box.w, box.h, data)
                frame.name = "Chart"
                return frame

        frame = add_chart(target, block.chart, writer.theme, writer.fonts)
        for overlay in overlays(frame, block.chart, writer.theme):
            writer.overlay(place.slide, overlay)
    else:
        writer.picture(place, region, block.chart)


@draws(Table)
def _draw_table(writer: _SlideWriter, block: Table, place: _Place) -> None:
    writer.table(place, place.frame.area, block, place.where)


@draws(Bullets)
def _draw_bullets(writer: _SlideWriter, block: Bullets, place: _Place) -> None:
    box = place.next_text()
    colours = writer.colours
    paras = []
    if block.heading:
        paras.append(Para(block.heading, colour=colours.primary, bold=True, scale=1.1))
    paras += [Para(item, bullet=True, colour=writer.ink) for item in block.items]
    fill_box(
        box,
        paras,
        writer.fonts,
        max_size=writer.sizes.body + 4,
        min_size=10,
        where=f"{place.where} {box.name}",
    )


def render_deck(deck: Deck, template: Template) -> bytes:
    """The deck as .pptx bytes, reproducible for the same inputs."""

    prs = open_master(template.master)
    chosen = frames(prs, template, dict.fromkeys(s.layout for s in deck.slides))
    drop_slides(prs)
    face = template.face()
    tag = locale.get(deck.info.lang).TAG
    faces = template.theme.typefaces
    fonts = Fonts(faces.body_latin, faces.body_east_asian, face, tag)
    heading = Fonts(faces.heading_latin, faces.heading_east_asian, face, tag)
    writer = _SlideWriter(prs, template, fonts, heading, deck)
    layouts = all_layouts(prs)
    for number, content in enumerate(deck.slides, start=1):
        frame = chosen[content.layout]
        slide = prs.slides.add_slide(layouts[frame.layout])
        writer.write(slide, content, number, frame)

    when = document_time(deck.info.date)
    props = prs.core_properties
    props.title = deck.info.title
    props.subject = deck.info.subject
    props.author = deck.info.author
    props.keywords = ", ".join(deck.info.keywords)
    props.language = locale.get(deck.info.lang).TAG
    props.last_modified_by = deck.info.author
    props.revision = 1
    props.created = when.replace(tzinfo=None)
    props.modified = when.replace(tzinfo=None)
    buffer = io.BytesIO()
    prs.save(buffer)
    return reproducible_zip(buffer.getvalue(), when)
