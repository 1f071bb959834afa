"""`reportgen check`: lint built decks and PDFs before they go to a presenter.

One line per finding, naming the file, the slide or page, and the shape:
- text that overflows its box or a shape that extends past the slide;
- a run without an East Asian typeface, or with a character its font lacks;
- a picture or chart without alt text; an empty placeholder;
- a number no fact in the dataset supports, or a hedged fact shown without its hedge;
- a derived value shown without its derived mark;
- a font not embedded in a PDF.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from reportgen.data import Dataset
from reportgen.data.schema import HEDGE_LINKS, HEDGE_WORD_TAILS, HEDGES
from reportgen.formatting import EN_HEDGE_WORDS, ZH_SUFFIX_HEDGES, format_metric, unit_label
from reportgen.paths import display_path

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
EMU_PER_PT = 12700
# hedges that follow the number or its measure word (a unit as the schema allows it)
_ZH_AFTER = ZH_SUFFIX_HEDGES | {"多"}
_ZH_HEDGE = "|".join(
    sorted((h for h in HEDGES if h not in _ZH_AFTER and h != "余"), key=len, reverse=True)
)
_ZH_AFTER_RE = re.compile(
    rf"(?:[%‰]|[\u4e00-\u9fff]{{1,4}}?(?:/[\u4e00-\u9fff]{{1,3}})?)?"
    rf"({'|'.join(sorted(_ZH_AFTER, key=len, reverse=True))})"
)
# A hedge word counts only where it is a hedge: 约 in 签约/条约 or 近 in 最近/附近 is not (and
# 近 in 将近 is read as 将近).
_NOT_AFTER = "".join(sorted(set("".join(HEDGE_WORD_TAILS.values())) | {"将"}))
_ZH_NUMBER = re.compile(
    rf"(?<![{_NOT_AFTER}])(?:({_ZH_HEDGE})(?:{'|'.join(HEDGE_LINKS)})?)?"
    rf"(\d[\d,]*(?:\.\d+)?)(?:[ \t]*(万亿|亿|万))?"
    rf"(?:[ \t]*(余|多))?"
)
_EN_HEDGE = EN_HEDGE_WORDS
_EN_NUMBER = re.compile(
    rf"({'|'.join(EN_HEDGE_WORDS)})?\s*(?:[A-Z]{{3}}\s*)?"
    r"(\d[\d,]*(?:\.\d+)?)\s*(tn|bn|mn)?\b"
)
_ZH_QUOTE = re.compile(r"“[^”]*[\u4e00-\u9fff][^”]*”")
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "tn": 1e12, "bn": 1e9, "mn": 1e6}


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


# --- numbers ---------------------------------------------------------------------------------


def supported_numbers(dataset: Dataset) -> set[float]:
    """Every number the data can put on a page: values (and their 万/亿/bn scalings), ranks,
    years, months and days of periods and events, and codes printed in labels."""
    allowed: set[float] = set()
    for metric in dataset.metrics:
        for factor in (1, 1e4, 1e6, 1e8, 1e9, 1e12):  # a decrease prints its sign apart
            allowed.add(round(abs(metric.value) / factor, 6))
            allowed.add(round(metric.value / factor, 6))
        # numbers in the unit as printed count too: /10万 is "per 100,000" in English
        unit_text = unit_label(metric.unit, "en")
        for text in (metric.period, metric.label_zh, metric.label_en, metric.unit, unit_text):
            for number in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text):  # PM2.5, per 100,000
                allowed.update(
                    float(n) for n in (number.replace(",", ""), *re.findall(r"\d+", number))
                )
    for ranking in dataset.rankings:
        allowed.update({float(ranking.rank), float(ranking.year)})
    for event in dataset.events:
        for iso in (event.date, event.end_date or event.date):
            allowed.update(float(p) for p in iso.split("-"))
    info = dataset.info  # titles and names are data too (a draft's English title is its id)
    for text in (
        info.id,
        info.title_zh,
        info.title_en,
        info.subject_zh,
        info.subject_en,
        *(a.title_zh for a in dataset.articles),
        *(a.title_en for a in dataset.articles),
        *(a.date for a in dataset.articles),
    ):
        allowed.update(float(n) for n in re.findall(r"\d+(?:\.\d+)?", text))
    for stamp in (dataset.info.as_of, dataset.page.date if dataset.page else ""):
        allowed.update(float(p) for p in stamp.split("-") if p)
    return allowed


def _hedged_values(dataset: Dataset) -> dict[float, set[str]]:
    """Value -> qualifiers of the facts that have it (to catch a dropped or wrong hedge)."""
    found: dict[float, set[str]] = {}
    for metric in dataset.metrics:
        found.setdefault(round(metric.value, 6), set()).add(metric.qualifier)
    for ranking in dataset.rankings:
        found.setdefault(float(ranking.rank), set()).add("exact")
    return found


def number_findings(
    text: str, dataset: Dataset, allowed: set[float], extra: set[float], lang_zh: bool
) -> list[str]:
    """Numbers in ``text`` no fact supports, and hedged facts shown without their hedge."""
    problems = []
    qualifiers = _hedged_values(dataset)
    pattern = _ZH_NUMBER if lang_zh else _EN_NUMBER
    quotes = [] if lang_zh else [m.span() for m in _ZH_QUOTE.finditer(text)]
    for start, end in quotes:  # an English page quoting the Chinese source: read it as Chinese
        problems += number_findings(text[start:end], dataset, allowed, extra, True)
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in quotes):
            continue
        if lang_zh:
            prefix, digits, magnitude, suffix = match.groups()
            # 160小时以上, 一年多: the hedge may follow the measure word.
            after = _ZH_AFTER_RE.match(text[match.end() :])
            hedge = prefix or suffix or (after.group(1) if after else None)
            qualifier = HEDGES.get(hedge) if hedge else None
        else:
            prefix, digits, magnitude = match.groups()
            qualifier = _EN_HEDGE.get(prefix) if prefix else None
        number = float(digits.replace(",", ""))
        value = round(number * _SCALE.get(magnitude, 1), 6)
        if round(number, 6) not in allowed and value not in allowed and number not in extra:
            problems.append(f"number {match.group().strip()} is not in the dataset")
            continue
        kinds = qualifiers.get(value) or qualifiers.get(round(number, 6))
        if not kinds:
            continue
        if qualifier and qualifier not in kinds:
            problems.append(f"{match.group().strip()}: the data has no such hedge for {digits}")
        elif (
            qualifier is None
            and "exact" not in kinds
            and value in qualifiers
            and _is_quantity(text, match.end(), lang_zh)
        ):
            problems.append(f"{match.group().strip()} is shown without its hedge")
    return problems


def _is_quantity(text: str, end: int, lang_zh: bool) -> bool:
    """Whether a number is followed by a unit or measure word (4700家, 4,700 enterprises), as
    opposed to a bare operand such as the 100 in ``÷ 100``."""
    following = text[end : end + 2]
    if lang_zh:
        if re.match(r"\s*[年月日号时]", following):
            return False  # 2025年6月30日: a date, not a quantity
        # a line break ends the number: a table's note "1" above the label 给予 is no 1给予
        return bool(re.match(r"[ \t]?[\u4e00-\u9fff%]", text[end : end + 3]))
    if re.match(rf"\s*(?:{_MONTHS})\b", text[end : end + 12]) or re.search(
        rf"\b(?:{_MONTHS})\s+\d*$", text[max(0, end - 14) : end]
    ):
        return False  # 30 June 2025, June 30: a date
    return bool(re.match(r"(%| ?[A-Za-z])", following))


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


# --- decks -----------------------------------------------------------------------------------


def _paragraph_text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{A}t") if t.getparent().tag != f"{A}fld")


def check_pptx(source: Path | bytes, dataset: Dataset, shown: str | None = None) -> list[Finding]:
    """Findings for a deck, given as a file or as bytes about to be written."""
    from pptx import Presentation

    from reportgen.fonts import FontError, missing_glyphs, resolve

    shown = shown or display_path(source)
    prs = Presentation(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    width, height = prs.slide_width, prs.slide_height
    allowed = supported_numbers(dataset)
    lang_zh = (prs.core_properties.language or "zh").startswith("zh")
    derived_texts = {
        format_metric(m, "zh" if lang_zh else "en"): m for m in dataset.metrics if m.is_derived
    }
    faces: dict[str, object] = {}
    findings: list[Finding] = []

    def face_of(family: str):
        if family not in faces:
            try:
                faces[family] = resolve(family)
            except FontError:
                faces[family] = None
        return faces[family]

    for number, slide in enumerate(prs.slides, start=1):
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
            if (getattr(shape, "has_chart", False) or element.tag == f"{P}pic") and not (
                descr and descr[0].strip()
            ):
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
                    content = "".join(t.text or "" for t in run.iter(f"{A}t"))
                    if not content.strip():
                        continue
                    rpr = run.find(f"{A}rPr")
                    ea = rpr.find(f"{A}ea") if rpr is not None else None
                    if ea is None or not ea.get("typeface"):
                        add(f"run without an East Asian typeface: '{content[:20]}'")
                        continue
                    face = face_of(ea.get("typeface"))
                    if face is not None:
                        missing = missing_glyphs(content, face)
                        if missing:
                            add(
                                f"font '{face.family}' has no glyph for "
                                + ", ".join(f"U+{ord(ch):04X}" for ch in missing)
                            )
            if shape.has_text_frame and texts:
                overflow = _overflow_pt(shape, face_of)
                if overflow > 1:
                    add(f"text overflows its box by {overflow:.0f} pt")
            if getattr(shape, "has_chart", False):
                chart_xml = etree.fromstring(shape.chart.part.blob)
                texts += [_paragraph_text(p) for p in chart_xml.iter(f"{A}p")]
                for message in _chart_derived_marks(chart_xml, derived_texts, lang_zh):
                    add(message)
            for text in texts:
                for message in number_findings(text, dataset, allowed, set(), lang_zh):
                    add(message)
                for value_text in derived_texts:
                    if (
                        value_text in text
                        and not _marked(text, value_text, lang_zh)
                        and not getattr(shape, "has_chart", False)
                    ):
                        add(f"derived value {value_text} shown without its derived mark")
    return findings


def _marked(text: str, value_text: str, lang_zh: bool) -> bool:
    after = text.split(value_text, 1)[1][:12]
    return ("推算" in after) if lang_zh else ("derived" in after)


def _chart_derived_marks(chart_xml, derived_texts, lang_zh: bool) -> list[str]:
    """A derived value labelled in a chart must be hatched (pattern fill) or carry its mark."""
    problems = []
    for point in chart_xml.iter(f"{C}dLbl"):
        label = "".join(t.text or "" for t in point.iter(f"{A}t"))
        for value_text in derived_texts:
            if value_text in label and not _marked(label, value_text, lang_zh):
                index = point.find(f"{C}idx").get("val")
                series = point.getparent().getparent()
                hatched = any(
                    dpt.find(f"{C}idx").get("val") == index
                    and dpt.find(f".//{A}pattFill") is not None
                    for dpt in series.iter(f"{C}dPt")
                )
                if not hatched:
                    problems.append(
                        f"derived value {value_text} in a chart is neither marked nor hatched"
                    )
    return problems


def _overflow_pt(shape, face_of) -> float:
    """How far the text's height exceeds its box, measured as reportgen fits text."""
    from reportgen.fonts import text_width
    from reportgen.text.wrap import wrap

    frame = shape.text_frame._txBody
    body_pr = frame.find(f"{A}bodyPr")
    insets = {
        k: int(body_pr.get(k, d))
        for k, d in (("lIns", 91440), ("rIns", 91440), ("tIns", 45720), ("bIns", 45720))
    }
    box_w = (shape.width - insets["lIns"] - insets["rIns"]) / EMU_PER_PT
    box_h = (shape.height - insets["tIns"] - insets["bIns"]) / EMU_PER_PT
    needed = 0.0
    for index, paragraph in enumerate(frame.iter(f"{A}p")):
        text = _paragraph_text(paragraph)
        run = paragraph.find(f"{A}r/{A}rPr")
        if run is None or run.get("sz") is None:
            return 0.0  # sizes inherited from the master: not ours to measure
        size = int(run.get("sz")) / 100
        ea = run.find(f"{A}ea")
        face = face_of(ea.get("typeface")) if ea is not None else None
        if face is None:
            return 0.0
        ppr = paragraph.find(f"{A}pPr")
        indent = int(ppr.get("marL", 0)) / EMU_PER_PT if ppr is not None else 0
        spacing = paragraph.find(f"{A}pPr/{A}lnSpc/{A}spcPts")
        line = int(spacing.get("val")) / 100 if spacing is not None else size * 1.2
        before = paragraph.find(f"{A}pPr/{A}spcBef/{A}spcPts")
        lines = wrap(text, box_w - indent, lambda s, z=size, f=face: text_width(s, f, z))
        needed += len(lines) * line + (
            int(before.get("val")) / 100 if before is not None and index else 0
        )
    return needed - box_h


# --- PDFs ------------------------------------------------------------------------------------


def unwrap(text: str) -> str:
    """Page text as sentences: a wrapped line is one sentence, so 签\n约32 reads 签约32 (not
    约32) and "more\nthan 80%" keeps its hedge. Only a long line wraps: the short lines of a
    table's cells (2025年6月 / 1 / 给予) stay apart."""
    lines = [line.strip() for line in text.split("\n")]
    out = lines[0] if lines else ""
    for previous, line in itertools.pairwise(lines):
        wrapped = len(previous) >= _WRAPPED_LINE
        cjk = (
            wrapped
            and re.search(r"[\u4e00-\u9fff]$", previous)
            and re.match(r"[\u4e00-\u9fff\d]", line)
        )
        out += ("" if cjk else " " if wrapped else "\n") + line
    return out


_PAGE_FOOTER = re.compile(r"第\s*\d+\s*页\s*/\s*共\s*\d+\s*页|Page \d+ of \d+")
#: A page line at least this long is a wrapped paragraph line, not a table cell or a label.
_WRAPPED_LINE = 24


def check_pdf(source: Path | bytes, dataset: Dataset, shown: str | None = None) -> list[Finding]:
    """Findings for a PDF, given as a file or as bytes about to be written."""
    from pypdf import PdfReader

    shown = shown or display_path(source)
    data = source if isinstance(source, bytes) else source.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    findings = []
    fonts = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for name, ref in (resources.get("/Font") or {}).items():
            fonts[name] = ref.get_object()
    for font in fonts.values():
        descriptor = font.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            findings.append(
                Finding(shown, "fonts", f"font {font.get('/BaseFont')} is not embedded")
            )
    allowed = supported_numbers(dataset)
    for source in (*dataset.metrics, *dataset.rankings):  # quoted sentences are data too
        quote = getattr(source, "quote", None) or ""
        allowed.update(float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", quote))
    lang = str(reader.trailer["/Root"].get("/Lang") or "zh")
    extra = {float(n) for n in range(1, 100)}  # page and note numbers
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        text = unwrap(re.sub(r"\[\d+\]", " ", text))  # citation markers out
        text = _PAGE_FOOTER.sub(" ", text)  # 第 1 页 / 共 3 页 counts pages, not facts
        for message in number_findings(text, dataset, allowed, extra, lang.startswith("zh")):
            findings.append(Finding(shown, f"page {number}", message))
    return findings


class CheckError(Exception):
    """Findings that stop a build from writing an output."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("; ".join(str(f) for f in findings))


def check_bytes(data: bytes, fmt: str, dataset: Dataset, shown: str) -> list[Finding]:
    if fmt == "pptx":
        return sorted(set(check_pptx(data, dataset, shown)))
    if fmt == "pdf":
        return sorted(set(check_pdf(data, dataset, shown)))
    return []


def check_files(paths: list[Path], dataset: Dataset) -> list[Finding]:
    findings: list[Finding] = []
    for path in paths:
        if path.suffix.lower() == ".pptx":
            findings += check_pptx(path, dataset)
        elif path.suffix.lower() == ".pdf":
            findings += check_pdf(path, dataset)
    return sorted(set(findings))
