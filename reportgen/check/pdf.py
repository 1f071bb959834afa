"""Lint a PDF summary: every font embedded, every number on a page in the dataset, no
placeholder text, nothing drawn beyond the page's left or right edge."""

from __future__ import annotations

import io
import itertools
import logging
import re
from typing import TYPE_CHECKING

from reportgen import locale
from reportgen.check.findings import Finding, Unreadable
from reportgen.check.numbers import Supported, blank_quotes, lang_of, number_findings, supported
from reportgen.check.pdf_edges import read_page
from reportgen.check.placed import UNPLACED, read_placed, summary_findings
from reportgen.check.quotes import blank_quotations, names, verified_quotes
from reportgen.content.model import CITATION_MARK, citation_mark
from reportgen.data import Dataset
from reportgen.locale.zh import hedges_at
from reportgen.render.pdf_header import ELLIPSIS
from reportgen.text.placeholders import placeholders

if TYPE_CHECKING:
    from reportgen.content.model import Summary


#: Hedge words that follow their figure (左右, 以上, 以内): a line opening with one continues
#: the figure at the end of the line before.
_AFTER_HEDGES = tuple(sorted(hedges_at("after"), key=len, reverse=True))


def unwrap(text: str) -> str:
    """Page text as sentences: a wrapped line is one sentence, so 签\\n约32 reads 签约32 (not
    约32) and "more\\nthan 80%" keeps its hedge. Only a long line wraps: the short lines of a
    table's cells (2025年6月 / 1 / 给予) stay apart."""
    lines = [line.strip() for line in text.split("\n")]
    out = lines[0] if lines else ""
    for previous, line in itertools.pairwise(lines):
        # a hedge that stands after its figure (1500元 / 左右 in a narrow cell) continues it
        hedged = line.startswith(_AFTER_HEDGES) and bool(re.search(r"[\d\u4e00-\u9fff]$", previous))
        wrapped = len(previous) >= _WRAPPED_LINE or hedged
        cjk = wrapped and (
            (re.search(r"[\u4e00-\u9fff]$", previous) and re.match(r"[\u4e00-\u9fff\d]", line))
            or (re.search(r"\d$", previous) and re.match(r"[\u4e00-\u9fff]", line))  # 1500 / 元左右
        )
        out += ("" if cjk else " " if wrapped else "\n") + line
    return out


def _spaced(text: str) -> str:
    """A pattern of ``text`` with its spaces as any spacing (the extracted text may differ)."""
    return re.escape(text).replace(r"\ ", r"\s*")


def _footer_pattern(lang: str) -> str:
    """The locale's page label with its numbers as digits (a file read without its content:
    which page of how many is not known)."""
    label = _spaced(locale.get(lang).page_label(98765, 43210))
    return label.replace("98765", r"\d+").replace("43210", r"\d+")


_PAGE_FOOTER = re.compile("|".join(_footer_pattern(lang) for lang in locale.LANGS))
#: A page line at least this long is a wrapped paragraph line, not a table cell or a label.
_WRAPPED_LINE = 24
#: Page and note numbers a summary prints beside its facts.
_PAGE_NUMBERS = frozenset(float(n) for n in range(1, 100))


def _without_furniture(text: str, summary: Summary, number: int, total: int) -> str:
    """A page's text without what every page repeats: the header (the document's title), the
    footer's byline and its page label, as the content and the locale word them."""
    label = locale.get(summary.info.lang).page_label(number, total)
    parts = [_spaced(part) for part in (summary.byline, label) if part]
    furniture = re.compile(r"\s*".join([_header(summary.info.title), *parts]) + r"\s*$")
    stripped, found = furniture.subn("", text)
    return stripped if found else re.sub(_spaced(label), " ", text)


def _header(title: str) -> str:
    """A pattern of the running header: the title, or a cut of it that ends in the ellipsis
    the renderer puts where a long title would run off the page."""
    cuts = (_spaced(title[:n].rstrip() + ELLIPSIS) for n in range(len(title) - 1, 0, -1))
    return "(?:" + "|".join([_spaced(title), *cuts]) + ")" if title else ""


def _blank_quotes_across(pages: list[str], known: Supported) -> list[str]:
    """Each page with the article quotes blanked, a quote that runs onto the next page too
    (a long source note breaks where the page does)."""
    return _across(pages, lambda text: blank_quotes(text, known))


def _across(pages: list[str], blank) -> list[str]:
    """Each page blanked by ``blank`` (which keeps a text's length) read as one text, so
    what runs onto the next page is blanked too."""
    blanked = blank("\n".join(pages))
    out, start = [], 0
    for page in pages:
        out.append(blanked[start : start + len(page)])
        start += len(page) + 1
    return out


def _read(data: bytes, shown: str) -> tuple[str, list[str], list[tuple[str, bool]], list]:
    """The PDF's language tag, each page's text, each font with whether it is embedded, and
    each page's text drawn beyond its left or right edge; a file pypdf cannot read is
    `Unreadable` (pypdf's own warnings are kept off stderr)."""
    from pypdf import PdfReader

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        reader = PdfReader(io.BytesIO(data))
        fonts = {}
        for page in reader.pages:
            resources = page.get("/Resources") or {}
            for name, ref in (resources.get("/Font") or {}).items():
                fonts[name] = ref.get_object()
        embedded = []
        for font in fonts.values():
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            has_file = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            embedded.append((str(font.get("/BaseFont")), has_file))
        tag = str(reader.trailer["/Root"].get("/Lang") or "")
        read = [read_page(page) for page in reader.pages]
        texts, edges = [text for text, _ in read], [found for _, found in read]
    except Exception as exc:  # pypdf raises its own errors and plain value/key/type errors
        raise Unreadable(shown, "PDF", exc) from None
    finally:
        logger.setLevel(level)
    return tag, texts, embedded, edges


def check_pdf(
    source: bytes, dataset: Dataset, shown: str, content: Summary | None = None
) -> list[Finding]:
    """Findings for a PDF's bytes (read bounded by `check_files`, or about to be written).

    With the ``content`` the summary was drawn from (a build's check), its citation numbers
    and page footers are known rather than guessed, and every number it decided is proved
    to be printed with its mark and its citation."""
    tag, texts, fonts, edges = _read(source, shown)
    lang = content.info.lang if content is not None else lang_of(tag)
    findings = [
        Finding(shown, "fonts", f"font {name} is not embedded")
        for name, embedded in fonts
        if not embedded
    ]
    for number, found in enumerate(edges, start=1):
        findings += [Finding(shown, f"page {number}", str(overrun)) for overrun in found]
    for number, text in enumerate(texts, start=1):
        for placeholder in placeholders(text):
            findings.append(Finding(shown, f"page {number}", str(placeholder)))
    known = supported(dataset)
    if content is None:
        pages = []
        for text in texts:
            text = unwrap(CITATION_MARK.sub(" ", text))  # citation markers out
            text = _PAGE_FOOTER.sub(" ", text)  # 第 1 页 / 共 3 页 counts pages, not facts
            pages.append(blank_quotes(text, known))  # the source notes quote their sentences
        extra = _PAGE_NUMBERS
    else:
        pages = [_without_furniture(t, content, n, len(texts)) for n, t in enumerate(texts, 1)]
        findings += summary_findings(content, pages, shown)
        numbers = sorted({c.number for c in content.citations}, reverse=True)
        marks = re.compile("|".join(re.escape(citation_mark(n)) for n in numbers) or "(?!)")
        # the source notes are quotations, proved against the data and the articles
        quotes, bad = verified_quotes((c.note for c in content.citations), dataset)
        quotes += names(dataset, lang)  # titles and labels are names
        findings += [Finding(shown, "notes", message) for _, message in bad]
        pages = [unwrap(marks.sub(" ", text)) for text in pages]
        pages = _across(pages, lambda text: blank_quotations(text, quotes))
        labels = {m.id: m.label[lang] for m in dataset.metrics}
        placed = [read_placed(text, content.shown, lang, labels) for text in pages]
        for number, (_, problems) in enumerate(placed, start=1):
            findings += [Finding(shown, f"page {number}", m) for m in problems]
        pages = _blank_quotes_across([text for text, _ in placed], known)
        extra = frozenset(float(n) for n in numbers)  # a note's number, a table's references
    suffix = UNPLACED if content is not None else ""
    for number, text in enumerate(pages, start=1):
        for message in number_findings(text, known, lang, extra):
            findings.append(Finding(shown, f"page {number}", message + suffix))
    return findings
