"""The PDF check (`check/pdf.py`): a summary page is read as a presenter reads it."""

from __future__ import annotations

import io

import pytest

from reportgen.check import check_pdf

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_built_summaries_are_clean(seed, briefing, lang):
    from reportgen.content.summary import build_summary
    from reportgen.render.pdf import render_summary

    pdf = render_summary(build_summary(seed, briefing, briefing.summary, lang), briefing)
    assert check_pdf(pdf, seed, "summary") == []


def test_pdf_font_not_embedded(seed):
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "Foreign trade CNY 36 bn")
    canvas.save()
    found = [str(f) for f in check_pdf(buffer.getvalue(), seed, "x.pdf")]
    assert any("font /Helvetica is not embedded" in f for f in found)


def test_wrapped_pdf_lines_read_as_one_sentence():
    from reportgen.check import unwrap

    line = "中国—上海合作组织地方经贸合作示范区今天举行重点项目集中签"  # a full paragraph line
    assert unwrap(line + "\n 约32个项目") == line + "约32个项目"  # not the hedge 约
    line = "The share of key groups signed up rose to more"
    assert unwrap(line + "\nthan 80%") == line + " than 80%"
    # the short lines of a table's cells stay apart: 6月 and the note number 1 are not 6月1
    assert unwrap("2025年6月\n1\n给予") == "2025年6月\n1\n给予"


def test_a_figure_wrapped_before_its_unit_or_hedge_keeps_them():
    from reportgen.check import unwrap

    line = "据报道：产值超过12亿元；投入专项资金3500万元；每亩平均增收1500"  # a full line
    assert unwrap(line + "\n元左右。") == line + "元左右。"  # 1500元左右, not 1500 元左右
    # a narrow cell: the hedge after its figure on a line of its own still belongs to it
    assert unwrap("1500元\n左右") == "1500元左右"
    assert unwrap("2025年6月\n以上") == "2025年6月以上"


def test_placeholder_text_on_a_page_is_found(tmp_path, briefing):
    """A prompt, a count with no number and a raw page marker, each on the page it stands."""
    from reportgen.data import load_dataset
    from reportgen.render.pdf import render_summary
    from tests.check import drawn
    from tests.check.folders import PEAK, PEAK_METRICS, folder

    data = load_dataset(folder(tmp_path, PEAK, PEAK_METRICS))
    lead = "来源：（待补充）。共篇报道。□记者 单日客流最高{visitors_peak}"
    summary = drawn.summary(data, "zh", lead=lead)
    found = check_pdf(render_summary(summary, briefing), data, "s.pdf", summary)
    assert [(f.where, f.message.split(" (")[0]) for f in found] == [
        ("page 1", "placeholder text '（待补充）'"),
        ("page 1", "placeholder text '共篇'"),
        ("page 1", "placeholder text '□'"),
    ]
