"""Lint a deck: shapes, fonts, text that overflows, numbers on slides, in notes and charts.

Text is measured at the size it actually gets: the run's own size, else the one the paragraph,
the shape's list style, its layout and master placeholders, the master's text styles and the
presentation's defaults give it (as PowerPoint resolves it), with the line spacing resolved
the same way. A chart's drawn values must be the values its labels state (in the chart's
display scale), and its embedded workbook must hold what it draws.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from lxml import etree

from reportgen import locale
from reportgen.check.findings import Finding, Unreadable
from reportgen.check.numbers import (
    SCALE,
    Supported,
    blank_quotes,
    lang_of,
    number_findings,
    supported,
)
from reportgen.check.placed import (
    UNPLACED,
    derived_values,
    read_placed,
    shown_at,
    slide_findings,
)
from reportgen.check.quotes import blank_quotations, names, verified_quotes
from reportgen.data import Dataset
from reportgen.text.placeholders import placeholders

if TYPE_CHECKING:
    from reportgen.content.model import Deck, Shown, Slide

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
EMU_PER_PT = 12700
DEFAULT_SIZE_PT = 18.0  # what PowerPoint sets when nothing in the chain names a size
FALLBACK_FACE = "Noto Sans SC"  # measures text whose face cannot be resolved
_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


def _paragraph_text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{A}t") if t.getparent().tag != f"{A}fld")


def _open(source: bytes, shown: str):
    """The deck, or `Unreadable` naming the file (a corrupt or foreign file is no crash)."""
    from reportgen.render.pptx import open_presentation
    from reportgen.safeio import package_refusal

    refusal = package_refusal(source)  # a zip bomb is refused before anything inflates it
    if refusal is not None:
        raise Unreadable(shown, "PowerPoint", ValueError(refusal))
    try:
        return open_presentation(io.BytesIO(source))
    except Exception as exc:  # python-pptx raises zip, XML, key and value errors alike
        raise Unreadable(shown, "PowerPoint", exc) from None


def check_pptx(
    source: bytes, dataset: Dataset, shown: str, content: Deck | None = None
) -> list[Finding]:
    """Findings for a deck's bytes (read bounded by `check_files`, or about to be written).

    With the ``content`` the deck was drawn from (a build's check), each slide is also proved
    to print what the content put on it, and a derived value's mark is the content's own."""
    from reportgen.fonts import FontError, missing_glyphs, resolve

    prs = _open(source, shown)
    width, height = prs.slide_width, prs.slide_height
    data = supported(dataset)
    lang = content.info.lang if content is not None else lang_of(prs.core_properties.language)
    derived_texts = derived_values(dataset, lang, content)
    exact = content is not None  # the mark the content decided, right after the value
    faces: dict[str, object] = {}
    findings: list[Finding] = []

    def face_of(family: str):
        if family not in faces:
            try:
                faces[family] = resolve(family)
            except FontError:
                faces[family] = None
        return faces[family]

    labels = {m.id: m.label[lang] for m in dataset.metrics} if content is not None else {}
    named = names(dataset, lang)
    slides = list(prs.slides)
    for number, slide in enumerate(slides, start=1):
        drawn: list[str] = []  # the slide's texts, for the content's proof
        decided = (
            content.slides[number - 1]
            if content is not None and number <= len(content.slides)
            else None
        )
        for shape in slide.shapes:
            where = f"slide {number} '{shape.name}'"

            def add(message: str, where: str = where) -> None:
                findings.append(Finding(shown, where, message))

            if shape.left is not None and (
                shape.left < 0
                or shape.top < 0
                or shape.left + shape.width > width
                or shape.top + shape.height > height
            ):
                add("extends past the slide edge")
            element = shape._element
            descr = element.xpath("./*[1]/p:cNvPr/@descr")
            has_chart = getattr(shape, "has_chart", False)
            if (has_chart or element.tag == f"{P}pic") and not (descr and descr[0].strip()):
                add("picture or chart without alt text")
            if shape.is_placeholder and shape.has_text_frame and not shape.text_frame.text.strip():
                add("empty placeholder")
            texts = []
            for paragraph in element.iter(f"{A}p"):
                text = _paragraph_text(paragraph)
                if not text.strip():
                    continue
                texts.append(text)
                for run in paragraph.iter(f"{A}r"):
                    run_text = "".join(t.text or "" for t in run.iter(f"{A}t"))
                    if not run_text.strip():
                        continue
                    rpr = run.find(f"{A}rPr")
                    ea = rpr.find(f"{A}ea") if rpr is not None else None
                    if ea is None or not ea.get("typeface"):
                        add(f"run without an East Asian typeface: '{run_text[:20]}'")
                        continue
                    face = face_of(ea.get("typeface"))
                    if face is not None:
                        missing = missing_glyphs(run_text, face)
                        if missing:
                            add(
                                f"font '{face.family}' has no glyph for "
                                + ", ".join(f"U+{ord(ch):04X}" for ch in missing)
                            )
            if shape.has_text_frame and texts:
                overflow = _overflow_pt(shape, _Styles(prs, slide, shape), face_of)
                if overflow > 1:
                    add(f"text overflows its box by {overflow:.0f} pt")
            if getattr(shape, "has_table", False) and shape.has_table:
                grown = shape.top + _table_height(shape.table, face_of) - height
                if grown > EMU_PER_PT:
                    add(
                        f"table grows past the slide's bottom edge by {grown / EMU_PER_PT:.0f} pt "
                        "(its rows grow to fit their text)"
                    )
            if has_chart:
                chart_xml = shape.chart._chartSpace
                texts += [_paragraph_text(p) for p in chart_xml.iter(f"{A}p")]
                # category and series names are texts too (a doughnut's parts carry values)
                texts += [v.text or "" for v in chart_xml.iterfind(f".//{C}ser/{C}cat//{C}v")]
                texts += [v.text or "" for v in chart_xml.iterfind(f".//{C}ser/{C}tx//{C}v")]
                for message in _chart_derived_marks(chart_xml, derived_texts, lang, exact):
                    add(message)
                for message in _chart_values(shape.chart):
                    add(message)
            drawn += texts
            for placeholder in dict.fromkeys(p for text in texts for p in placeholders(text)):
                add(str(placeholder))
            for text in texts:
                read, unplaced = text, ""
                if decided is not None:  # each placed number is read as its own fact
                    unnamed = blank_quotations(text, named)
                    read, problems = read_placed(unnamed, decided.shown, lang, labels)
                    for message in problems:
                        add(message)
                    unplaced = UNPLACED
                for message in number_findings(read, data, lang):
                    add(message + unplaced)
                for value_text, value in derived_texts.items():
                    if (
                        shown_at(text, value_text, lang) is not None
                        and not _marked(text, value, lang, exact)
                        and not has_chart
                    ):
                        add(_unmarked(value, exact))
        notes = _notes(slide)
        for placeholder in dict.fromkeys(p for text in notes for p in placeholders(text)):
            findings.append(Finding(shown, f"slide {number} notes", str(placeholder)))
        for message in _notes_findings(notes, data, lang, dataset, decided, labels):
            findings.append(Finding(shown, f"slide {number} notes", message))
        if decided is not None:
            findings.extend(slide_findings(decided, number, drawn, notes, shown, lang))
    if content is not None and len(slides) != len(content.slides):
        findings.append(
            Finding(shown, "deck", f"{len(slides)} slides, the content has {len(content.slides)}")
        )
    return findings


def _unmarked(value: Shown, exact: bool) -> str:
    """The finding for a derived value shown without its mark; with the content, it names
    the fact."""
    if exact:
        mark = value.mark.strip()
        return f"derived value {value.text} of {value.fact} shown without its mark {mark}"
    return f"derived value {value.text} shown without its derived mark"


# --- speaker notes -----------------------------------------------------------------------------


def _notes(slide) -> list[str]:
    """The paragraphs of a slide's speaker notes that hold text."""
    if not slide.has_notes_slide:
        return []
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        return []
    texts = (_paragraph_text(paragraph) for paragraph in frame._txBody.iter(f"{A}p"))
    return [text for text in texts if text.strip()]


def _notes_findings(
    notes: list[str],
    data: Supported,
    lang: str,
    dataset: Dataset,
    decided: Slide | None = None,
    labels: dict[str, str] | None = None,
) -> list[str]:
    """Numbers in the notes: those inside a verbatim quote of an article are supported by it;
    every other number (talking points, a quote that is not the article's) must be data.

    With the slide's content, its source notes are quotations proved against the data and
    its articles, and each number it placed is read as its own fact."""
    if decided is None:
        return [m for text in notes for m in number_findings(blank_quotes(text, data), data, lang)]
    quotes, bad = verified_quotes(decided.sources, dataset)
    quotes += names(dataset, lang)  # titles and labels are names
    problems = [message for _, message in bad]
    for text in notes:
        read, placed = read_placed(
            blank_quotations(text, quotes), decided.shown, lang, labels or {}
        )
        problems += placed
        problems += [m + UNPLACED for m in number_findings(blank_quotes(read, data), data, lang)]
    return problems


# --- charts ------------------------------------------------------------------------------------


def _marked(text: str, value: Shown, lang: str, exact: bool) -> bool:
    """Whether the value in ``text`` carries its derived mark: with the content, the mark it
    decided right after the value; from the file alone, the locale's word close after it."""
    at = shown_at(text, value.text)
    after = text[at + len(value.text) :] if at is not None else ""
    if exact:
        return after.startswith(value.mark)
    return locale.get(lang).DERIVED_WORD in after[:12]


def _chart_derived_marks(chart_xml, derived_texts, lang: str, exact: bool) -> list[str]:
    """A derived value labelled in a chart must be hatched (pattern fill) or carry its mark."""
    problems = []
    for point in chart_xml.iter(f"{C}dLbl"):
        label = "".join(t.text or "" for t in point.iter(f"{A}t"))
        for value_text, value in derived_texts.items():
            if shown_at(label, value_text) is not None and not _marked(label, value, lang, exact):
                index = point.find(f"{C}idx").get("val")
                series = point.getparent().getparent()
                hatched = any(
                    dpt.find(f"{C}idx").get("val") == index
                    and dpt.find(f".//{A}pattFill") is not None
                    for dpt in series.iter(f"{C}dPt")
                )
                if not hatched:
                    of = f" of {value.fact}" if exact else ""
                    problems.append(
                        f"derived value {value_text}{of} in a chart is neither marked nor hatched"
                    )
    return problems


_CLAIM = re.compile(rf"([-−]?\d[\d,]*(?:\.\d+)?)\s*({'|'.join(SCALE)})?")


def _claim(text: str) -> tuple[float, float, int] | None:
    """The value a label states: (number, magnitude, decimals) of its last number."""
    matches = list(_CLAIM.finditer(text))
    if not matches:
        return None
    digits, magnitude = matches[-1].groups()
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits.replace(",", "").replace("−", "-")), SCALE.get(magnitude, 1.0), decimals


def _cached(element) -> dict[int, float]:
    """Point index -> value of a series' cached numbers (what the chart draws)."""
    values = {}
    for pt in element.iter(f"{C}pt"):
        value = pt.find(f"{C}v")
        try:
            values[int(pt.get("idx"))] = float(value.text)
        except (TypeError, ValueError, AttributeError):
            continue
    return values


def _chart_values(chart) -> list[str]:
    """Each drawn value must be the value its label (or, in a doughnut, its category) states,
    in one display scale for the chart (亿元, bn); the embedded workbook must agree."""
    space = chart._chartSpace
    points = []  # (series name, category, drawn value, label text)
    for ser in space.iter(f"{C}ser"):
        name = "".join(v.text or "" for v in ser.iterfind(f"{C}tx//{C}v"))
        cat = ser.find(f"{C}cat")
        categories = (
            {int(pt.get("idx")): pt.findtext(f"{C}v") or "" for pt in cat.iter(f"{C}pt")}
            if cat is not None
            else {}
        )
        val = ser.find(f"{C}val")
        drawn = _cached(val) if val is not None else {}
        labels = {
            int(lbl.find(f"{C}idx").get("val")): "".join(t.text or "" for t in lbl.iter(f"{A}t"))
            for lbl in ser.iter(f"{C}dLbl")
            if lbl.find(f"{C}idx") is not None
        }
        for index, value in sorted(drawn.items()):
            label = labels.get(index) or categories.get(index, "")
            if _claim(label) is not None:
                points.append((name, categories.get(index, ""), value, label))
    problems = _scale_mismatches(points)
    problems += _workbook_mismatches(chart, space)
    return problems


def _scales(value: float, claim: tuple[float, float, int]) -> set[int]:
    """Powers of ten k such that the drawn value times 10**k prints as the label's number."""
    number, magnitude, decimals = claim
    tolerance = 0.5 * 10**-decimals * magnitude * (1 + 1e-9)
    return {k for k in range(13) if abs(value * 10**k - number * magnitude) <= tolerance}


def _scale_mismatches(points) -> list[str]:
    if not points:
        return []
    fits = [_scales(value, _claim(label)) for _, _, value, label in points]
    counts: dict[int, int] = {}
    for found in fits:
        for k in found:
            counts[k] = counts.get(k, 0) + 1
    scale = max(counts, key=lambda k: (counts[k], -k)) if counts else None
    return [
        f"chart value {value:g} does not match its category '{category}'"
        if label == category
        else f"chart value {value:g} for '{category or name}' does not match its label {label}"
        for (name, category, value, label), found in zip(points, fits, strict=True)
        if scale not in found
    ]


def _workbook_mismatches(chart, space) -> list[str]:
    """The embedded workbook is what PowerPoint's Edit Data shows: it must hold the drawn
    values (an edit of one without the other is a hand edit)."""
    part = chart.part.chart_workbook.xlsx_part
    if part is None:
        return []
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(part.blob), read_only=True, data_only=True)
    except Exception:  # a workbook openpyxl cannot read is no chart data at all
        return ["the chart's embedded data is not a readable workbook"]
    problems = []
    for ser in space.iter(f"{C}ser"):
        formula = ser.findtext(f"{C}val/{C}numRef/{C}f")
        if not formula or "!" not in formula:
            continue
        sheet, cells = formula.rsplit("!", 1)
        sheet = sheet.strip("'")
        try:
            block = book[sheet][cells.replace("$", "")]
            rows = block if isinstance(block, tuple) else ((block,),)  # one cell: B2, not B2:B3
            stored = [row[0].value if isinstance(row, tuple) else row.value for row in rows]
        except (KeyError, ValueError, TypeError, IndexError):
            problems.append(f"the chart's embedded data has no cells {formula}")
            continue
        drawn = _cached(ser.find(f"{C}val"))
        for index, value in sorted(drawn.items()):
            cell = stored[index] if index < len(stored) else None
            if not isinstance(cell, int | float) or abs(cell - value) > 1e-9 * max(1, abs(value)):
                problems.append(
                    f"chart value {value:g} differs from its embedded data ({cell}) in {formula}"
                )
    return problems


# --- text that overflows -------------------------------------------------------------------


class _Styles:
    """The list styles a shape's text inherits, nearest first: the shape's own, its layout and
    master placeholders', the master's title or body style, the presentation's default."""

    def __init__(self, prs, slide, shape) -> None:
        chain = [shape._element.find(f".//{P}txBody/{A}lstStyle")]
        master = slide.slide_layout.slide_master
        if shape.is_placeholder:
            base = getattr(shape, "_base_placeholder", None)
            while base is not None:
                chain.append(base._element.find(f".//{P}txBody/{A}lstStyle"))
                base = getattr(base, "_base_placeholder", None)
            from pptx.enum.shapes import PP_PLACEHOLDER

            titles = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
            style = "titleStyle" if shape.placeholder_format.type in titles else "bodyStyle"
            chain.append(master._element.find(f"{P}txStyles/{P}{style}"))
        chain.append(prs.part._element.find(f"{P}defaultTextStyle"))
        self.chain = [style for style in chain if style is not None]
        self.theme_fonts = _theme_fonts(master)

    def _paragraph_props(self, paragraph) -> list:
        """The paragraph's own a:pPr, then its level's properties down the chain."""
        ppr = paragraph.find(f"{A}pPr")
        level = int(ppr.get("lvl", 0)) + 1 if ppr is not None else 1
        found = [ppr] + [style.find(f"{A}lvl{level}pPr") for style in self.chain]
        return [props for props in found if props is not None]

    def attr(self, paragraph, name: str) -> str | None:
        """The nearest value of a paragraph attribute (marL)."""
        return next((p.get(name) for p in self._paragraph_props(paragraph) if p.get(name)), None)

    def child(self, paragraph, tag: str):
        """The nearest paragraph property element (a:lnSpc, a:spcBef)."""
        found = (p.find(tag) for p in self._paragraph_props(paragraph))
        return next((element for element in found if element is not None), None)

    def _run_props(self, paragraph, run) -> list:
        """The run's a:rPr, then the default run properties down the chain."""
        rpr = run.find(f"{A}rPr") if run is not None else None
        found = [rpr] + [p.find(f"{A}defRPr") for p in self._paragraph_props(paragraph)]
        return [props for props in found if props is not None]

    def size(self, paragraph, run) -> float:
        sizes = (p.get("sz") for p in self._run_props(paragraph, run))
        size = next((int(sz) / 100 for sz in sizes if sz), None)
        return DEFAULT_SIZE_PT if size is None else size

    def typeface(self, paragraph, run) -> str | None:
        """The East Asian face the run is set in, theme references (+mn-ea) resolved."""
        for props in self._run_props(paragraph, run):
            ea = props.find(f"{A}ea")
            if ea is not None and ea.get("typeface"):
                return self.theme_fonts.get(ea.get("typeface"), ea.get("typeface"))
        return self.theme_fonts.get("+mn-ea")


def _theme_fonts(master) -> dict[str, str]:
    """+mj-ea / +mn-ea (theme font references) -> the theme's East Asian faces."""
    try:
        theme = etree.fromstring(master.part.part_related_by(_THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return {}
    fonts = {}
    for tag, key in (("majorFont", "+mj-ea"), ("minorFont", "+mn-ea")):
        ea = theme.find(f".//{A}{tag}/{A}ea")
        latin = theme.find(f".//{A}{tag}/{A}latin")
        for element in (ea, latin):
            if element is not None and element.get("typeface"):
                fonts[key] = element.get("typeface")
                break
    return fonts


def _spacing(element, size: float, single: float) -> float | None:
    """Points of an a:lnSpc / a:spcBef element: points as written, or a percentage."""
    if element is None:
        return None
    points = element.find(f"{A}spcPts")
    if points is not None:
        return int(points.get("val")) / 100
    percent = element.find(f"{A}spcPct")
    if percent is not None:
        return single * int(percent.get("val")) / 100000
    return None


def _table_height(table, face_of) -> int:
    """The height a table takes when shown (EMU): PowerPoint grows each row to fit the text
    of its tallest cell, measured at the size each run is set in and wrapped to its column."""
    from reportgen.fonts import text_width
    from reportgen.text.wrap import wrap

    widths = [column.width for column in table.columns]
    total = 0
    for row in table.rows:
        needed = 0.0
        for cell, width in zip(row.cells, widths, strict=False):
            tc = cell._tc
            room = (width - cell.margin_left - cell.margin_right) / EMU_PER_PT
            height = (cell.margin_top + cell.margin_bottom) / EMU_PER_PT
            for paragraph in tc.iter(f"{A}p"):
                text = _paragraph_text(paragraph)
                sizes = [int(r.get("sz")) / 100 for r in paragraph.iter(f"{A}rPr") if r.get("sz")]
                size = max(sizes, default=DEFAULT_SIZE_PT)
                faces = [e.get("typeface") for e in paragraph.iter(f"{A}ea") if e.get("typeface")]
                face = face_of(faces[0] if faces else FALLBACK_FACE) or face_of(FALLBACK_FACE)
                spacing = paragraph.find(f"{A}pPr/{A}lnSpc")
                line = _spacing(spacing, size, size * 1.2) or size * 1.2
                lines = (
                    wrap(text, room, lambda t, z=size, f=face: text_width(t, f, z))
                    if face is not None and text
                    else [text]
                )
                height += max(1, len(lines)) * line
            needed = max(needed, height)
        total += max(row.height, round(needed * EMU_PER_PT))
    return total


def _overflow_pt(shape, styles: _Styles, face_of) -> float:
    """How far the text's height exceeds its box, measured at the sizes the text gets."""
    from reportgen.fonts import text_width
    from reportgen.text.wrap import wrap

    frame = shape.text_frame._txBody
    body_pr = frame.find(f"{A}bodyPr")
    if body_pr is None or shape.width is None:
        return 0.0
    unwrapped = body_pr.get("wrap") == "none"  # one line per paragraph, however long
    insets = {
        k: int(body_pr.get(k, d))
        for k, d in (("lIns", 91440), ("rIns", 91440), ("tIns", 45720), ("bIns", 45720))
    }
    autofit = body_pr.find(f"{A}normAutofit")
    scale = int(autofit.get("fontScale", 100000)) / 100000 if autofit is not None else 1.0
    reduce = int(autofit.get("lnSpcReduction", 0)) / 100000 if autofit is not None else 0.0
    box_w = (shape.width - insets["lIns"] - insets["rIns"]) / EMU_PER_PT
    box_h = (shape.height - insets["tIns"] - insets["bIns"]) / EMU_PER_PT
    needed = widest = 0.0
    for index, paragraph in enumerate(frame.iter(f"{A}p")):
        text = _paragraph_text(paragraph)
        runs = paragraph.findall(f"{A}r") or [None]
        size = max(styles.size(paragraph, run) for run in runs) * scale
        face = face_of(styles.typeface(paragraph, runs[0]) or FALLBACK_FACE) or face_of(
            FALLBACK_FACE
        )
        if face is None:
            return 0.0
        indent = int(styles.attr(paragraph, "marL") or 0) / EMU_PER_PT
        line = _spacing(styles.child(paragraph, f"{A}lnSpc"), size, size * 1.2) or size * 1.2
        line *= 1 - reduce
        before = _spacing(styles.child(paragraph, f"{A}spcBef"), size, size) or 0.0
        if unwrapped:
            lines = [text]
            widest = max(widest, indent + text_width(text, face, size) - box_w)
        else:
            lines = wrap(text, box_w - indent, lambda s, z=size, f=face: text_width(s, f, z))
        needed += len(lines) * line + (before if index else 0)
    return max(needed - box_h, widest)
