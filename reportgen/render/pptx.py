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
from dataclasses import dataclass
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu

from reportgen import locale
from reportgen.charts.kinds.native import Overlay, rgb
from reportgen.charts.model import ChartData
from reportgen.content.model import Block, Bullets, Chart, Deck, Kpis, Slide, Table
from reportgen.errors import Problem, TemplateError
from reportgen.outputs import document_time, reproducible_zip
from reportgen.render.pptx_chart import NATIVE_KINDS, add_chart, overlays
from reportgen.render.pptx_text import Fonts, Para, fill_box, write_paragraphs
from reportgen.template import Template

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
#: What each layout must offer, by placeholder type (beyond a title).
REQUIRED = {
    "Title": (PP_PLACEHOLDER.SUBTITLE,),
    "Section": (PP_PLACEHOLDER.BODY,),
    "KPI Grid": (PP_PLACEHOLDER.OBJECT,),
    "Chart": (PP_PLACEHOLDER.CHART, PP_PLACEHOLDER.BODY),
    "Table": (PP_PLACEHOLDER.TABLE,),
    "Timeline": (PP_PLACEHOLDER.PICTURE,),
    "Two Columns": (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.BODY),
    "Closing": (PP_PLACEHOLDER.BODY,),
}
NOTE_IDX = 13


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
    prs = Presentation(source)
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


def open_master(path):
    """The template's master as a Presentation; a one-line TemplateError if it is not one."""
    from reportgen.paths import display_path

    _check_package(path, display_path(path))
    try:
        return open_presentation(str(path))
    except Exception as exc:  # not a zip, not a presentation, a damaged package
        raise _unreadable(display_path(path), exc) from None


def check_master(prs, layouts_needed: set[str], shown: str) -> dict:
    """The master's layouts by name; a TemplateError listing every missing piece."""
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    problems = []
    for name in sorted(layouts_needed):
        layout = by_name.get(name)
        if layout is None:
            problems.append(
                Problem(
                    shown,
                    None,
                    f"layout '{name}'",
                    None,
                    "missing; the master has: " + ", ".join(by_name),
                )
            )
            continue
        types = [ph.placeholder_format.type for ph in layout.placeholders]
        if not any(t in TITLE_TYPES for t in types):
            problems.append(
                Problem(shown, None, f"layout '{name}'", None, "has no title placeholder")
            )
        for needed in set(REQUIRED[name]):
            if types.count(needed) < REQUIRED[name].count(needed):
                problems.append(
                    Problem(
                        shown,
                        None,
                        f"layout '{name}'",
                        None,
                        f"needs {REQUIRED[name].count(needed)} {needed.name} placeholder(s), "
                        f"has {types.count(needed)}",
                    )
                )
    if problems:
        raise TemplateError(problems)
    return by_name


class _SlideWriter:
    def __init__(self, prs, template: Template, fonts: Fonts, deck: Deck):
        self.prs, self.template, self.fonts, self.deck = prs, template, fonts, deck
        self.theme = template.theme
        self.sizes = template.theme.sizes
        self.colours = template.theme.colors

    def placeholders(self, slide, *types):
        found = [ph for ph in slide.placeholders if ph.placeholder_format.type in types]
        return sorted(found, key=lambda ph: ph.placeholder_format.idx)

    def by_idx(self, slide, idx: int):
        for ph in slide.placeholders:
            if ph.placeholder_format.idx == idx:
                return ph
        return None

    def write(self, slide, content: Slide, number: int) -> None:
        where = f"slide {number} '{content.id}'"
        filled: set[int] = set()
        title = self.placeholders(slide, *TITLE_TYPES)[0]
        big = content.layout in ("Title", "Section", "Closing")
        fill_box(
            title,
            [Para(content.title, colour=self.colours.primary)],
            self.fonts,
            max_size=self.sizes.title + (8 if big else 0),
            min_size=18,
            where=f"{where} title",
            anchor="b" if big else "t",
        )
        filled.add(title.placeholder_format.idx)
        if content.subtitle:
            sub = (
                self.placeholders(slide, PP_PLACEHOLDER.SUBTITLE)
                or self.placeholders(slide, PP_PLACEHOLDER.BODY)
            )[0]
            fill_box(
                sub,
                [Para(content.subtitle, colour=self.colours.muted)],
                self.fonts,
                max_size=self.sizes.heading,
                min_size=12,
                where=f"{where} subtitle",
            )
            filled.add(sub.placeholder_format.idx)

        bodies = [
            ph
            for ph in self.placeholders(slide, PP_PLACEHOLDER.BODY)
            if ph.placeholder_format.idx not in (NOTE_IDX, *filled)
        ]
        place = _Place(slide, where, filled, bodies)
        for block in content.blocks:
            draw = DRAW.get(type(block))
            if draw is None:
                raise TypeError(f"the deck cannot draw a {type(block).__name__} block")
            draw(self, block, place)
        notes = content.footnotes
        note_box = self.by_idx(slide, NOTE_IDX)
        if notes and note_box is not None:
            paras = [Para(text, colour=self.colours.muted) for text in notes]
            fill_box(
                note_box,
                paras,
                self.fonts,
                max_size=self.sizes.caption + 1,
                min_size=7,
                where=f"{where} note",
                anchor="b",
            )
            filled.add(NOTE_IDX)
        for ph in list(slide.placeholders):
            if ph.placeholder_format.idx not in filled:
                ph._element.getparent().remove(ph._element)  # never leave an empty placeholder
        if content.is_content:
            self.slide_number(slide)
        self.notes(slide, content)

    def kpis(self, slide, area, block: Kpis, where: str) -> None:
        x, y, w, h = area.left, area.top, area.width, area.height
        area._element.getparent().remove(area._element)
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

    def picture(self, placeholder, chart: ChartData) -> None:
        from reportgen.charts.export import chart_bytes

        width_in = placeholder.width / 914400
        height_in = placeholder.height / 914400
        # On a slide the picture is shown at full size next to 14-20 pt text: set its labels
        # at body size rather than the smaller chart sizes meant for a page.
        sizes = self.sizes.model_copy(
            update={"chart_label": self.sizes.body, "chart_tick": self.sizes.body - 1}
        )
        theme = self.theme.model_copy(update={"sizes": sizes})
        data, _ = chart_bytes(
            chart, theme, self.template.face(), "png", framed=False, size_in=(width_in, height_in)
        )
        frame = placeholder.insert_picture(io.BytesIO(data))
        c_nv_pr = frame._element.find(f".//{qn('p:cNvPr')}")
        c_nv_pr.set("descr", chart.alt_text)
        c_nv_pr.set("title", chart.title)

    def table(self, placeholder, block: Table, where: str) -> None:
        rows, cols = len(block.rows) + 1, len(block.columns)
        box_w, box_h = placeholder.width, placeholder.height
        frame = placeholder.insert_table(rows, cols)
        table = frame.table
        lengths = [
            max(len(block.columns[c]), *(len(r[c]) for r in block.rows)) or 1 for c in range(cols)
        ]
        total = sum(min(n, 40) for n in lengths)
        for c in range(cols):
            table.columns[c].width = int(box_w * min(lengths[c], 40) / total)
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
            min_size=8,
            where=f"{where} table cell",
        )
        write_paragraphs(cell.text_frame, paras, size, self.fonts, anchor="ctr")

    def slide_number(self, slide) -> None:
        box = slide.shapes.add_textbox(
            Emu(12192000 - 914400 * 1.1),
            Emu(6858000 - 914400 * 0.42),
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
        paragraph = box.text_frame._txBody.find(qn("a:p"))
        run = paragraph.find(qn("a:r"))
        field = run.makeelement(
            qn("a:fld"), {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"}
        )
        for child in list(run):
            field.append(child)
        paragraph.replace(run, field)

    def notes(self, slide, content: Slide) -> None:
        if not content.speaker_notes:
            return
        frame = slide.notes_slide.notes_text_frame
        paras = [Para(line) for line in content.speaker_notes]
        write_paragraphs(frame, paras, 12, self.fonts)


@dataclass
class _Place:
    """Where a slide's blocks go: the slide, its name in errors, the placeholders filled so
    far and the body placeholders still free (text blocks take them in order)."""

    slide: Any
    where: str
    filled: set[int]
    bodies: list


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
    area = writer.placeholders(place.slide, PP_PLACEHOLDER.OBJECT)[0]
    writer.kpis(place.slide, area, block, place.where)
    place.filled.add(area.placeholder_format.idx)


@draws(Chart)
def _draw_chart(writer: _SlideWriter, block: Chart, place: _Place) -> None:
    if block.chart.kind in NATIVE_KINDS:
        target = writer.placeholders(place.slide, PP_PLACEHOLDER.CHART)[0]
        place.filled.add(target.placeholder_format.idx)
        frame = add_chart(target, block.chart, writer.theme, writer.fonts)
        for overlay in overlays(frame, block.chart, writer.theme):
            writer.overlay(place.slide, overlay)
    else:
        target = writer.placeholders(place.slide, PP_PLACEHOLDER.PICTURE)[0]
        place.filled.add(target.placeholder_format.idx)
        writer.picture(target, block.chart)


@draws(Table)
def _draw_table(writer: _SlideWriter, block: Table, place: _Place) -> None:
    target = writer.placeholders(place.slide, PP_PLACEHOLDER.TABLE)[0]
    place.filled.add(target.placeholder_format.idx)
    writer.table(target, block, place.where)


@draws(Bullets)
def _draw_bullets(writer: _SlideWriter, block: Bullets, place: _Place) -> None:
    box = place.bodies.pop(0)
    place.filled.add(box.placeholder_format.idx)
    colours = writer.colours
    paras = []
    if block.heading:
        paras.append(Para(block.heading, colour=colours.primary, bold=True, scale=1.1))
    paras += [Para(item, bullet=True, colour=colours.text) for item in block.items]
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
    from reportgen.paths import display_path

    prs = open_master(template.master)
    layouts = check_master(prs, {s.layout for s in deck.slides}, display_path(template.master))
    face = template.face()
    fonts = Fonts(
        template.theme.fonts.latin,
        template.theme.fonts.east_asian,
        face,
        locale.get(deck.info.lang).TAG,
    )
    writer = _SlideWriter(prs, template, fonts, deck)
    for number, content in enumerate(deck.slides, start=1):
        slide = prs.slides.add_slide(layouts[content.layout])
        writer.write(slide, content, number)

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
