"""`reportgen check` finds what a presenter must not be handed, and nothing in a good build."""

from __future__ import annotations

import io

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from reportgen.check import check_pdf, check_pptx
from reportgen.render.pptx_text import Fonts, Para, write_paragraphs

pytestmark = pytest.mark.slow


@pytest.fixture
def zh_deck(decks):
    return Presentation(io.BytesIO(decks["zh"][1]))


def findings_of(prs, seed) -> list[str]:
    buffer = io.BytesIO()
    prs.save(buffer)
    return [str(f) for f in check_pptx(buffer.getvalue(), seed, "deck.pptx")]


def styled_box(slide, text: str, briefing, width=4.0, height=1.0, size=14):
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(width), Inches(height))
    fonts = Fonts("Noto Sans SC", "Noto Sans SC", briefing.face(), "zh-CN")
    write_paragraphs(box.text_frame, [Para(text)], size, fonts)
    return box


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_built_decks_and_summaries_are_clean(decks, seed, briefing, lang):
    from reportgen.content.summary import build_summary
    from reportgen.render.pdf import render_summary

    assert check_pptx(decks[lang][1], seed, "deck") == []
    pdf = render_summary(build_summary(seed, briefing, briefing.summary, lang), briefing)
    assert check_pdf(pdf, seed, "summary") == []


def test_overflowing_text(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "很长的一段文字" * 40, briefing, width=3, height=0.6)
    assert any("text overflows its box" in f for f in findings_of(zh_deck, seed))


def test_shape_past_the_slide_edge(zh_deck, seed, briefing):
    box = styled_box(zh_deck.slides[2], "边缘", briefing)
    box.left = zh_deck.slide_width - Inches(1)
    assert any("extends past the slide edge" in f for f in findings_of(zh_deck, seed))


def test_run_without_east_asian_typeface(zh_deck, seed):
    box = zh_deck.slides[2].shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    box.text_frame.text = "没有东亚字体"
    box.text_frame.paragraphs[0].runs[0].font.name = "Arial"  # python-pptx sets a:latin only
    assert any("run without an East Asian typeface" in f for f in findings_of(zh_deck, seed))


def test_glyph_the_font_lacks(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "火箭\U0001f680", briefing)
    assert any("has no glyph for U+1F680" in f for f in findings_of(zh_deck, seed))


def test_chart_without_alt_text(zh_deck, seed):
    slide = zh_deck.slides[3]
    frame = next(s for s in slide.shapes if getattr(s, "has_chart", False))
    frame._element.xpath("./*[1]/p:cNvPr")[0].attrib.pop("descr")
    assert any("without alt text" in f for f in findings_of(zh_deck, seed))


def test_empty_placeholder(zh_deck, seed):
    layout = next(lay for lay in zh_deck.slide_layouts if lay.name == "Section")
    zh_deck.slides.add_slide(layout)
    assert any("empty placeholder" in f for f in findings_of(zh_deck, seed))


def test_number_the_data_does_not_support(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "对外贸易额达999亿元", briefing)
    assert any("number 999亿 is not in the dataset" in f for f in findings_of(zh_deck, seed))


def test_hedge_dropped_or_changed(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "入驻企业4700家", briefing)
    styled_box(zh_deck.slides[4], "员工不到144人", briefing)
    found = findings_of(zh_deck, seed)
    assert any("4700 is shown without its hedge" in f for f in found)
    assert any("不到144: the data has no such hedge" in f for f in found)


def test_derived_value_without_its_mark(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "2021年对外贸易额约260.3亿元", briefing)
    assert any(
        "derived value 约260.3亿元 shown without its derived mark" in f
        for f in findings_of(zh_deck, seed)
    )


def test_derived_chart_point_neither_hatched_nor_marked(zh_deck, seed):
    slide = zh_deck.slides[3]
    chart = next(s for s in slide.shapes if getattr(s, "has_chart", False)).chart
    xml = chart._chartSpace
    for patt in xml.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}pattFill"):
        parent = patt.getparent()
        solid = etree.SubElement(
            parent, "{http://schemas.openxmlformats.org/drawingml/2006/main}solidFill"
        )
        etree.SubElement(
            solid, "{http://schemas.openxmlformats.org/drawingml/2006/main}srgbClr", val="0B3D6B"
        )
        parent.remove(patt)
    assert any("in a chart is neither marked nor hatched" in f for f in findings_of(zh_deck, seed))


def test_pdf_font_not_embedded(seed):
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "Foreign trade CNY 36 bn")
    canvas.save()
    found = [str(f) for f in check_pdf(buffer.getvalue(), seed, "x.pdf")]
    assert any("font /Helvetica is not embedded" in f for f in found)


def test_check_command_and_build_refusing_a_bad_output(run, tmp_path, seed, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    assert run("build", "--format", "pptx", "--out", str(out)).code == 0
    deck = next(out.glob("*.pptx"))
    assert run("check", str(deck)).code == 0
    prs = Presentation(str(deck))
    box = prs.slides[1].shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
    box.text_frame.text = "999"
    prs.save(deck)
    result = run("check", str(deck))
    assert result.code == 1
    assert "run without an East Asian typeface" in result.err
    assert "number 999 is not in the dataset" in result.err


def test_wrapped_pdf_lines_read_as_one_sentence():
    from reportgen.check import unwrap

    line = "中国—上海合作组织地方经贸合作示范区今天举行重点项目集中签"  # a full paragraph line
    assert unwrap(line + "\n 约32个项目") == line + "约32个项目"  # not the hedge 约
    line = "The share of key groups signed up rose to more"
    assert unwrap(line + "\nthan 80%") == line + " than 80%"
    # the short lines of a table's cells stay apart: 6月 and the note number 1 are not 6月1
    assert unwrap("2025年6月\n1\n给予") == "2025年6月\n1\n给予"
