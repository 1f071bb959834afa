"""The PDF summary: fonts, text, outline, pages, numbers, reproducibility, escaping."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader

from reportgen.content.summary import build_summary
from reportgen.locale.texts import Localized
from reportgen.render.pdf import page_count, render_summary, safe
from tests.render.test_pptx import supported_numbers

pytestmark = pytest.mark.slow
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


@pytest.fixture(scope="module")
def pdfs(seed, briefing):
    built = {}
    for lang in ("zh", "en"):
        summary = build_summary(seed, briefing, briefing.summary, lang)
        built[lang] = (summary, render_summary(summary, briefing))
    return built


def pdftotext(data: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pages_outline_and_metadata(pdfs, lang):
    summary, data = pdfs[lang]
    reader = PdfReader(io.BytesIO(data))
    assert 2 <= len(reader.pages) <= 4
    assert page_count(data) == len(reader.pages)
    outline = [item.title for item in reader.outline]
    assert outline == [section.title for section in summary.sections]
    meta = reader.metadata
    assert meta.title == summary.info.title and meta.author == "reportgen"
    assert "qingdao-sco-2023-05" in meta.get("/Keywords", "")
    assert reader.trailer["/Root"]["/Lang"] == ("zh-CN" if lang == "zh" else "en-US")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_font_is_embedded(pdfs, lang):
    _, data = pdfs[lang]
    reader = PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for name, ref in page["/Resources"]["/Font"].items():
            fonts[name] = ref.get_object()
    assert fonts
    for font in fonts.values():
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, font["/BaseFont"]
        descriptor = descriptor.get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]  # an embedded TrueType subset
        assert "NotoSansSC" in font["/BaseFont"]


def test_chinese_text_is_extractable(pdfs, tmp_path):
    _, data = pdfs["zh"]
    text = pdftotext(data, tmp_path).replace(" ", "")
    assert "上合示范区：三年迈上三个台阶" in text
    assert "2022年，上合示范区对外贸易额达360亿元，增长38.3%" in text.replace("\n", "")
    assert "第1页/共" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_number_in_the_pdf_is_in_the_dataset(pdfs, seed, tmp_path, lang):
    _, data = pdfs[lang]
    allowed = supported_numbers(seed)
    for metric in seed.metrics:  # quoted sentences are data too
        allowed.update(float(n.replace(",", "")) for n in NUMBER.findall(metric.quote or ""))
    for source in seed.rankings:
        allowed.update(float(n) for n in NUMBER.findall(source.quote))
    pages = len(PdfReader(io.BytesIO(data)).pages)
    allowed.update(float(n) for n in range(1, pages + 1))  # page numbers
    allowed.update(float(n) for n in range(1, 40))  # note numbers
    text = pdftotext(data, tmp_path)
    for match in NUMBER.finditer(text):
        assert round(float(match.group().replace(",", "")), 6) in allowed, match.group()


def test_rebuild_is_byte_identical(pdfs, seed, briefing):
    summary, data = pdfs["zh"]
    assert render_summary(summary, briefing) == data


def test_untrusted_text_comes_out_literally(pdfs, seed, briefing, tmp_path):
    payloads = [
        '<font color="[x for x in (1,0,0)]">红</font>',
        '<img src="/etc/hostname"/>',
        "AT&T",
        "增速<5%",
        '<a href="javascript:alert(1)">链接</a>',
    ]
    metric = seed.metric("platform_enterprises")
    evil_metric = metric.model_copy(
        update={"label": Localized({**metric.label, "zh": " ".join(payloads)})}
    )
    article = seed.article("feature_new_momentum")
    evil_article = article.model_copy(
        update={"title": Localized({**article.title, "zh": "《" + payloads[0] + "》"})}
    )
    evil = replace(
        seed,
        metrics=tuple(evil_metric if m.id == metric.id else m for m in seed.metrics),
        articles=tuple(evil_article if a.id == article.id else a for a in seed.articles),
    )
    summary = build_summary(evil, briefing, briefing.summary, "zh")
    data = render_summary(summary, briefing)
    text = pdftotext(data, tmp_path).replace("\n", "")
    for payload in payloads:
        assert payload.replace(" ", "") in text.replace(" ", ""), payload
    from pathlib import Path

    host_file = Path("/etc/hostname")
    hostname = host_file.read_text().strip() if host_file.exists() else ""
    assert b"/URI" not in data and b"javascript" not in data.lower()
    assert not hostname or hostname not in text


def test_safe_escapes_markup_and_keeps_citations():
    assert safe('a<b & "c"') == "a&lt;b &amp; &quot;c&quot;"
    assert safe("值\ue0003\ue001") == '值<super rise="4" size="6.5">[3]</super>'


def test_every_page_block_kind_has_a_draw_function(pdfs):
    from reportgen.render.pdf import DRAW

    kinds = {type(b) for summary, _ in pdfs.values() for s in summary.sections for b in s.blocks}
    assert kinds <= DRAW.keys()


def test_table_stripes_take_the_themes_colour(briefing):
    from reportlab.lib.styles import ParagraphStyle

    from reportgen.content.model import Table as TableBlock
    from reportgen.render.pdf import _table

    colours = briefing.theme.colors.model_copy(update={"stripe": "#ABCDEF"})
    theme = briefing.theme.model_copy(update={"colors": colours})
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=8.5)
    block = TableBlock(("a", "b"), (("1", "2"), ("3", "4"), ("5", "6")))

    def stripes(table) -> list[str]:
        return [
            colour.hexval()
            for command in table._bkgrndcmds
            if command[0] == "ROWBACKGROUNDS"
            for colour in command[3]
        ]

    striped = _table(block, 400, style, style, theme, briefing.face())
    assert stripes(striped) == ["0xffffff", "0xabcdef"]
    plain = _table(replace(block, striped=False), 400, style, style, theme, briefing.face())
    assert stripes(plain) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_title_runs_in_the_header_cut_to_the_page(pdfs, briefing, seed, lang):
    """Issue 14: a long title ran off the right edge of every page in the running header.
    It is cut with an ellipsis by measurement; the check finds nothing beyond the page and
    still knows the header for page furniture."""
    from reportgen.check import check_pdf
    from reportgen.check.pdf_edges import overruns

    summary, _ = pdfs[lang]
    title = summary.info.title * 8
    long = replace(summary, info=replace(summary.info, title=title))
    data = render_summary(long, briefing)
    pages = PdfReader(io.BytesIO(data)).pages
    assert all(overruns(page) == [] for page in pages)
    (header,) = [line for line in pages[1].extract_text().splitlines() if "…" in line]
    assert header.endswith("…") and title.startswith(header[:20])
    assert check_pdf(data, seed, "s.pdf", long) == []
