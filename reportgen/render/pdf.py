"""The PDF renderer: the summary's content model drawn with reportlab.

Every string from data or articles is escaped before it reaches a Paragraph (reportlab
parses markup: before 3.6.13 a crafted <font color> ran code, and today <img src> reads files
and <a href="javascript:"> makes links), so article text is always literal text. Chinese is
set in an embedded TrueType subset of the template's East Asian face and wraps by character.
Charts are vector drawings (SVG via svglib). The file is reproducible (invariant mode) and
has bookmarks per section, numbered pages (the label's wording is the locale's
``page_label``), and document metadata.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

# First: reportlab without the user's ~/.reportlab_mods, ~/.reportlab_settings or RL_*.
from reportgen import locale
from reportgen.render import reportlab_safe  # noqa: F401

# isort: split
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reportgen.content.model import (
    CITATION,
    CITE_CLOSE,
    CITE_OPEN,
    Block,
    Bullets,
    Chart,
    Prose,
    SourceList,
    Summary,
    citation_mark,
)
from reportgen.content.model import Table as TableBlock
from reportgen.fonts import Face, check_glyphs, truetype_subset
from reportgen.render.pdf_header import HEADER_SIZE, fitted_header
from reportgen.template import Template
from reportgen.theme import Theme

MARGIN = 18 * mm
#: The running header's room: the page between its margins.
HEADER_WIDTH = A4[0] - 2 * MARGIN


def safe(text: str) -> str:
    """Data as literal Paragraph text: markup escaped, citation markers to superscripts.

    Validation keeps private-use characters out of data; still, only a whole marker becomes
    markup, and a stray marker character is a bug, never half a <super> tag.
    """
    escaped = escape(text, {'"': "&quot;"})
    marked = CITATION.sub(
        lambda m: f'<super rise="4" size="6.5">{citation_mark(int(m.group(1)))}</super>', escaped
    )
    if CITE_OPEN in marked or CITE_CLOSE in marked:
        raise ValueError(f"a citation marker character outside a marker in {text[:40]!r}")
    return marked


def _all_text(summary: Summary, header: str) -> str:
    parts = [
        header,
        summary.title,
        summary.byline,
        summary.lead,
        summary.info.title,
        *(locale.get(lang).page_label(0, 0) for lang in locale.LANGS),
        "0123456789.,:;()[]·—–-",
        # what a drawn chart may add: its derived legend, a footnote's star
        *(locale.get(lang).DERIVED_LEGEND for lang in locale.LANGS),
        "*",
    ]
    for section in summary.sections:
        parts.append(section.title)
        for block in section.blocks:
            parts += block.texts()
    return "".join(parts) + "“”《》「」，。、；：？！（）•"


class _Heading(Paragraph):
    """A section heading that also becomes a PDF bookmark."""

    def __init__(self, text: str, style, key: str):
        super().__init__(safe(text), style)
        self.plain = text
        self.key = key


class _SvgChart(Flowable):
    """An SVG chart drawn as vectors, scaled to the frame width."""

    def __init__(self, svg: bytes, width: float, alt: str, font: str, family: str, font_path: Path):
        from svglib.svglib import svg2rlg

        super().__init__()
        from svglib.fonts import register_font

        # The chart's text names the theme's family; the PDF has it as an embedded subset.
        # Mapping the family explicitly also keeps svglib from guessing a file name in the
        # working folder or asking fontconfig for a system font.
        svg = svg.replace(f"font-family: '{family}'".encode(), f"font-family: {font}".encode())
        register_font(font, str(font_path), rlgFontName=font)
        self.drawing = svg2rlg(io.BytesIO(svg))
        self.drawing.initialFontName = font  # the renderer's default would be Helvetica
        self.scale = width / self.drawing.width
        self.width, self.height = width, self.drawing.height * self.scale

    def wrap(self, *_):
        return self.width, self.height

    def draw(self):
        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        self.drawing.drawOn(self.canv, 0, 0)
        self.canv.restoreState()


def _numbered_canvas(header: str, source: str, font: str, lang: str, colour: str, muted: str):
    """A canvas that knows the page count when it draws each page's header and footer: a
    band in ``colour``, their texts in ``muted``."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFillColor(colors.HexColor(colour))
            self.rect(0, height - 6 * mm, width, 2.2 * mm, stroke=0, fill=1)
            self.setFont(font, HEADER_SIZE)
            self.setFillColor(colors.HexColor(muted))
            self.drawString(MARGIN, height - 12 * mm, header)
            self.drawString(MARGIN, 10 * mm, source)
            page = self._pageNumber
            label = locale.get(lang).page_label(page, total)
            self.drawRightString(width - MARGIN, 10 * mm, label)
            self.restoreState()

    return NumberedCanvas


class _Doc(BaseDocTemplate):
    def afterFlowable(self, flowable):
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.plain, flowable.key, level=0, closed=False)


def render_summary(summary: Summary, template: Template) -> bytes:
    """The summary as PDF bytes; the same inputs give the same bytes."""

    theme = template.theme.on_paper()
    # svglib cannot draw SVG hatch patterns (they would come out white): in the PDF, derived
    # values are set apart by their lighter fill alone, plus their footnote.
    chart_theme = theme.model_copy(
        update={"derived": theme.derived.model_copy(update={"hatch": ""})}
    )
    face = template.face()
    from reportgen.fonts import text_width

    header = fitted_header(
        summary.info.title, lambda t: text_width(t, face, HEADER_SIZE), HEADER_WIDTH
    )
    text = _all_text(summary, header)
    check_glyphs([("PDF summary", text)], face)  # a missing glyph is reported, not boxed
    font_name, font_path = truetype_subset(face, text)
    if font_name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font_name, str(font_path)))
    wrap = locale.get(summary.info.lang).PDF_WORD_WRAP
    primary, muted, text_colour = (
        colors.HexColor(c) for c in (theme.colors.primary, theme.colors.muted, theme.colors.text)
    )

    def style(name, size, leading, colour=text_colour, **extra):
        return ParagraphStyle(
            name,
            fontName=font_name,
            fontSize=size,
            leading=leading,
            textColor=colour,
            wordWrap=wrap,
            alignment=TA_LEFT,
            **extra,
        )

    title = style("title", 20, 27, primary, spaceAfter=4)
    byline = style("byline", 9, 13, muted, spaceAfter=8)
    body = style("body", 10, 15.5, spaceAfter=6)
    heading = style("heading", 13, 18, primary, spaceBefore=10, spaceAfter=6)
    subheading = style("subheading", 10.5, 15, primary, spaceBefore=4, spaceAfter=2)
    bullet = style(
        "bullet", 9.5, 14.5, leftIndent=10, bulletIndent=0, spaceAfter=2, bulletFontName=font_name
    )
    cell = style("cell", 8.5, 12)
    head_cell = style("head", 8.5, 12, colors.HexColor(theme.colors.on_primary))
    note = style("note", 7.5, 10.5, muted, leftIndent=12, firstLineIndent=-12, spaceAfter=1.5)

    width = A4[0] - 2 * MARGIN
    story: list = [
        Paragraph(safe(summary.title), title),
        Paragraph(safe(summary.byline), byline),
        Paragraph(safe(summary.lead), body),
    ]
    page = _Page(
        width=width,
        styles={"body": body, "subheading": subheading, "bullet": bullet, "cell": cell}
        | {"head_cell": head_cell, "note": note},
        theme=theme,
        chart_theme=chart_theme,
        face=face,
        font_name=font_name,
        font_path=font_path,
    )
    for number, section in enumerate(summary.sections, start=1):
        head = _Heading(section.title, heading, f"s{number}")
        blocks: list = []
        for block in section.blocks:
            draw = DRAW.get(type(block))
            if draw is None:
                raise TypeError(f"the PDF summary cannot draw a {type(block).__name__} block")
            blocks += draw(block, page)
        story.append(CondPageBreak(40 * mm))
        story.append(KeepTogether([head, *blocks[:1]]))
        story += blocks[1:]

    buffer = io.BytesIO()
    doc = _Doc(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=summary.info.title,
        author=summary.info.author,
        subject=summary.info.subject,
        keywords=list(summary.info.keywords),
        creator="reportgen",
        producer="reportgen",
        invariant=1,
        lang=locale.get(summary.info.lang).TAG,
        initialFontName=font_name,  # no unembedded Helvetica anywhere
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        width,
        A4[1] - 2 * MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    source = summary.byline
    doc.build(
        story,
        canvasmaker=_numbered_canvas(
            header, source, font_name, summary.info.lang, theme.colors.primary, theme.colors.muted
        ),
    )
    return buffer.getvalue()


@dataclass(frozen=True)
class _Page:
    """What every block on the page is drawn with: the frame width, the paragraph styles,
    the theme (and its variant for charts), and the embedded face."""

    width: float
    styles: dict[str, ParagraphStyle]
    theme: Theme
    chart_theme: Theme
    face: Face
    font_name: str
    font_path: Path


#: Block kind -> how the PDF draws it, as flowables. A new kind registers its function here.
DRAW: dict[type[Block], Callable[[Block, _Page], list[Flowable]]] = {}


def draws(kind: type[Block]):
    """Register the PDF's draw function for a block kind."""

    def register(function):
        DRAW[kind] = function
        return function

    return register


@draws(TableBlock)
def _draw_table(block: TableBlock, page: _Page) -> list[Flowable]:
    styles = page.styles
    table = _table(block, page.width, styles["cell"], styles["head_cell"], page.theme, page.face)
    return [table, Spacer(1, 4)]


@draws(Chart)
def _draw_chart(block: Chart, page: _Page) -> list[Flowable]:
    from reportgen.charts.export import chart_bytes

    svg, _ = chart_bytes(
        block.chart, page.chart_theme, page.face, "svg", size_in=(7.2, 3.55), svg_text=True
    )
    drawing = _SvgChart(
        svg, page.width, block.chart.alt_text, page.font_name, page.face.family, page.font_path
    )
    return [drawing, Spacer(1, 6)]


@draws(Bullets)
def _draw_bullets(block: Bullets, page: _Page) -> list[Flowable]:
    flowables: list[Flowable] = []
    if block.heading:
        flowables.append(Paragraph(safe(block.heading), page.styles["subheading"]))
    bullet = page.styles["bullet"]
    flowables += [Paragraph(safe(item), bullet, bulletText="•") for item in block.items]
    return flowables


@draws(Prose)
def _draw_prose(block: Prose, page: _Page) -> list[Flowable]:
    return [Paragraph(safe(block.text), page.styles["body"])]


@draws(SourceList)
def _draw_sources(block: SourceList, page: _Page) -> list[Flowable]:
    return [Paragraph(safe(c.text), page.styles["note"]) for c in block.citations]


def _table(block: TableBlock, width: float, cell, head_cell, theme, face) -> Table:
    from reportgen.fonts import text_width

    size = cell.fontSize
    padding = 12  # points of cell padding and breathing room

    def need(text: str) -> float:
        return text_width(text, face, size) + padding

    natural = [
        max(need(block.columns[c]), *(need(r[c]) for r in block.rows))
        for c in range(len(block.columns))
    ]
    floor = [min(need(block.columns[c]), width * 0.3) for c in range(len(block.columns))]
    capped = [max(min(n, width * 0.45), f) for n, f in zip(natural, floor, strict=True)]
    scale = width / sum(capped)
    widths = [w * scale for w in capped]
    data = [[Paragraph(safe(c), head_cell) for c in block.columns]]
    data += [[Paragraph(safe(value), cell) for value in row] for row in block.rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    stripes = [colors.HexColor(theme.colors.background), colors.HexColor(theme.colors.stripe)]
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), cell.fontName),  # else the table sets Helvetica
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(theme.colors.primary)),
                *([("ROWBACKGROUNDS", (0, 1), (-1, -1), stripes)] if block.striped else []),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.HexColor(theme.colors.grid)),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def page_count(pdf: bytes) -> int:
    """Pages in a PDF reportlab wrote: its page objects (/Type /Page, not /Pages)."""

    return len(re.findall(rb"/Type /Page(?![s\w])", pdf))
