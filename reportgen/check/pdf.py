"""Lint a PDF summary: every font embedded, every number on a page in the dataset."""

from __future__ import annotations

import io
import itertools
import logging
import re

from reportgen import locale
from reportgen.check.findings import Finding, Unreadable
from reportgen.check.numbers import blank_quotes, number_findings, supported
from reportgen.data import Dataset


def unwrap(text: str) -> str:
    """Page text as sentences: a wrapped line is one sentence, so 签\\n约32 reads 签约32 (not
    约32) and "more\\nthan 80%" keeps its hedge. Only a long line wraps: the short lines of a
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


def _footer_pattern(lang: str) -> str:
    """The locale's page label with its numbers as digits and its spaces as any spacing."""
    label = re.escape(locale.get(lang).page_label(98765, 43210))
    return label.replace("98765", r"\d+").replace("43210", r"\d+").replace(r"\ ", r"\s*")


_PAGE_FOOTER = re.compile("|".join(_footer_pattern(lang) for lang in locale.LANGS))
#: A page line at least this long is a wrapped paragraph line, not a table cell or a label.
_WRAPPED_LINE = 24
#: Page and note numbers a summary prints beside its facts.
_PAGE_NUMBERS = frozenset(float(n) for n in range(1, 100))


def _read(data: bytes, shown: str) -> tuple[str, list[str], list[tuple[str, bool]]]:
    """The PDF's language, each page's text, and each font with whether it is embedded; a
    file pypdf cannot read is `Unreadable` (pypdf's own warnings are kept off stderr)."""
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
        lang = str(reader.trailer["/Root"].get("/Lang") or "zh")
        texts = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises its own errors and plain value/key/type errors
        raise Unreadable(shown, "PDF", exc) from None
    finally:
        logger.setLevel(level)
    return lang, texts, embedded


def check_pdf(source: bytes, dataset: Dataset, shown: str) -> list[Finding]:
    """Findings for a PDF's bytes (read bounded by `check_files`, or about to be written)."""
    lang, texts, fonts = _read(source, shown)
    findings = [
        Finding(shown, "fonts", f"font {name} is not embedded")
        for name, embedded in fonts
        if not embedded
    ]
    known = supported(dataset)
    for number, text in enumerate(texts, start=1):
        text = unwrap(re.sub(r"\[\d+\]", " ", text))  # citation markers out
        text = _PAGE_FOOTER.sub(" ", text)  # 第 1 页 / 共 3 页 counts pages, not facts
        text = blank_quotes(text, known)  # the source notes quote their sentences
        for message in number_findings(text, known, lang.startswith("zh"), _PAGE_NUMBERS):
            findings.append(Finding(shown, f"page {number}", message))
    return findings
