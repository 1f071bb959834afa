"""The deck check (`check/pptx.py`): real built decks tampered with the way a person would,
through `reportgen check` and in memory; each edit is reported naming the file, the slide and
the number, and the untampered files pass."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.util import Inches

from reportgen.check import check_pptx
from reportgen.cli import main
from reportgen.render.pptx_text import Fonts, Para, style_run, write_paragraphs
from tests.conftest import SEED_DIR

ZH = "qingdao-sco-2023-05_briefing_zh.pptx"
EN = "qingdao-sco-2023-05_briefing_en.pptx"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _build(out: Path, data: Path, cache: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORTGEN_CACHE_DIR", str(cache))
        with pytest.raises(SystemExit) as exit_info:
            main(["build", "--data", str(data), "--lang", "zh,en", "--out", str(out), "--force"])
    assert exit_info.value.code in (0, None)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The seed's decks and PDFs, built (and checked) once for the module."""
    out = tmp_path_factory.mktemp("built")
    _build(out, SEED_DIR, tmp_path_factory.mktemp("cache"))
    return out


@pytest.fixture
def deck(built, tmp_path):
    """A private copy of a built deck to tamper with: deck(name) -> (path, Presentation)."""

    def copy(name: str = ZH):
        path = tmp_path / name
        shutil.copy(built / name, path)
        return path, Presentation(str(path))

    return copy


def shape_named(slide, name: str):
    return next(s for s in slide.shapes if s.name == name)


def check(run, path: Path):
    result = run("check", str(path))
    assert "internal error" not in result.err and "Traceback" not in result.err
    return result


@pytest.mark.slow
def test_the_untampered_outputs_pass(run, built):
    files = sorted(p for p in built.iterdir() if p.suffix in (".pptx", ".pdf"))
    assert len(files) == 4
    result = run("check", *map(str, files))
    assert result.code == 0, result.err
    assert "4 file(s) checked, no findings" in result.err


# --- 1. text that overflows at the size it inherits -------------------------------------------


@pytest.mark.slow
def test_overflow_at_an_inherited_size_is_found(run, deck):
    """A longer title fits at its 28 pt; with its size cleared it takes the master's title
    size (44 pt) and wraps past its box."""
    path, prs = deck()
    title = shape_named(prs.slides[3], "Title 1")
    _set_run(title, "对外贸易：规模与增速及其在上合组织国家中的比重")
    prs.save(str(path))
    assert check(run, path).code == 0
    for props in title._element.iter(f"{A}rPr", f"{A}endParaRPr"):
        props.attrib.pop("sz")
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert f"{path}: slide 4 'Title 1': text overflows its box by" in result.err


@pytest.mark.slow
@pytest.mark.parametrize("word_wrap", [True, False])
def test_overflow_in_a_new_box_without_a_size_is_found(run, deck, briefing, word_wrap):
    """A text box added with its face but no size gets the presentation's default (18 pt):
    too tall when it wraps, too wide when it does not (python-pptx's default)."""
    path, prs = deck()
    box = prs.slides[3].shapes.add_textbox(Inches(1), Inches(5), Inches(3), Inches(0.5))
    box.text_frame.text = "示范区建设稳步推进，各项工作有序开展。" * 3
    box.text_frame.word_wrap = word_wrap
    fonts = Fonts("Noto Sans SC", "Noto Sans SC", briefing.face(), "zh-CN")
    style_run(box.text_frame.paragraphs[0].runs[0]._r.get_or_add_rPr(), fonts, None)
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert f"slide 4 '{box.name}': text overflows its box by" in result.err


# --- 2. figures in Chinese numerals ------------------------------------------------------------


def _set_run(shape, text: str) -> None:
    """Edit a box's text the way python-pptx users do: the first run keeps its style."""
    runs = [r for p in shape.text_frame.paragraphs for r in p.runs]
    runs[0].text = text


@pytest.mark.slow
def test_a_figure_in_chinese_numerals_is_checked(run, deck):
    path, prs = deck()
    _set_run(shape_named(prs.slides[1], "Figure 3"), "八千七百家")
    _set_run(shape_named(prs.slides[1], "Figure label 3"), "另有八千七百")
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert f"{path}: slide 2 'Figure 3': number 八千七百家 is not in the dataset" in result.err
    assert "slide 2 'Figure label 3': number 八千七百 is not in the dataset" in result.err


@pytest.mark.slow
def test_a_supported_figure_in_chinese_numerals_keeps_its_hedge(run, deck):
    path, prs = deck()
    _set_run(shape_named(prs.slides[1], "Figure 6"), "一百四十四人")  # the data has 144人
    _set_run(shape_named(prs.slides[1], "Figure 4"), "三千列")  # the data has 近3000列
    prs.save(str(path))
    result = check(run, path)
    assert "'Figure 6'" not in result.err
    assert "slide 2 'Figure 4': 三千列 is shown without its hedge" in result.err


@pytest.mark.slow
def test_names_and_idioms_with_numerals_are_not_figures(run, deck):
    path, prs = deck()
    body = shape_named(prs.slides[12], "Text Placeholder 3")
    _set_run(body, "共建一带一路，落实十四五规划，推进一体化，第一时间对接中亚五国，千方百计")
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 0, result.err


# --- 3. speaker notes --------------------------------------------------------------------------


@pytest.mark.slow
def test_a_number_added_to_the_notes_is_found(run, deck):
    path, prs = deck()
    prs.slides[1].notes_slide.notes_text_frame.add_paragraph().text = "另有8700家企业排队入驻。"
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert f"{path}: slide 2 notes: number 8700 is not in the dataset" in result.err


@pytest.mark.slow
def test_a_quote_that_is_not_the_articles_supports_nothing(run, deck):
    """4700余家 is in the dataset, so a quote edited to 8700余家 is no verbatim quote and its
    numbers are checked like any other."""
    path, prs = deck()
    frame = prs.slides[1].notes_slide.notes_text_frame
    for paragraph in frame.paragraphs:
        for r in paragraph.runs:
            r.text = r.text.replace("“目前已吸引4700余家", "“目前已吸引8700余家")
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert "slide 2 notes: number 8700余 is not in the dataset" in result.err


@pytest.mark.slow
def test_english_notes_are_checked(run, deck):
    path, prs = deck(EN)
    prs.slides[5].notes_slide.notes_text_frame.add_paragraph().text = "Over 8,700 trains ran."
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert f"{path}: slide 6 notes: number 8,700 is not in the dataset" in result.err


@pytest.mark.slow
def test_the_notes_quote_numbers_the_slides_do_not_show(deck, seed):
    """The seed notes quote 每晚8点至11点, and no fact holds 8: the verbatim quote supports
    it (this is what makes the untampered deck pass)."""
    from reportgen.check import supported
    from reportgen.check.numbers import blank_quotes

    _, prs = deck()
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides)
    data = supported(seed)
    assert "每晚8点至11点" in notes and 8 not in data
    assert "每晚8点至11点" not in blank_quotes(notes, data)


# --- 4. a chart's values edited by hand --------------------------------------------------------


def _trade_chart(prs):
    return shape_named(prs.slides[3], "Chart Placeholder 2").chart


@pytest.mark.slow
def test_tripled_chart_values_are_found(run, deck):
    path, prs = deck()
    chart = _trade_chart(prs)
    data = CategoryChartData()
    data.categories = [str(c) for c in chart.plots[0].categories]
    for series in chart.plots[0].series:
        data.add_series(series.name, [v * 3 for v in series.values])
    chart.replace_data(data)  # what "Edit Data" in PowerPoint writes: workbook and cache
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert (
        f"{path}: slide 4 'Chart Placeholder 2': chart value 780.9 for '2021年' "
        "does not match its label 约260.3亿元" in result.err
    )
    assert "chart value 243 for '2022年' does not match its label 81亿元" in result.err


@pytest.mark.slow
def test_a_doughnut_edited_to_disagree_with_its_parts_is_found(run, deck):
    """A doughnut has no value labels: each part's category (硕士研究生 62人) states it."""
    path, prs = deck()
    chart = shape_named(prs.slides[9], "Chart Placeholder 2").chart
    data = CategoryChartData()
    data.categories = [str(c) for c in chart.plots[0].categories]
    data.add_series(chart.plots[0].series[0].name, [77, 72, 5])
    chart.replace_data(data)
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert (
        f"{path}: slide 10 'Chart Placeholder 2': chart value 72 does not match its category "
        "'硕士研究生 62人'" in result.err
    )
    assert "'本科" not in result.err and "'博士" not in result.err


@pytest.mark.slow
def test_a_chart_cache_edited_apart_from_its_workbook_is_found(run, deck):
    path, prs = deck(EN)
    chart = _trade_chart(prs)
    first = next(chart._chartSpace.iter(f"{C}val")).find(f".//{C}pt/{C}v")
    first.text = str(float(first.text) * 3)  # 26.03 -> 78.09, the workbook still says 26.03
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    where = "slide 4 'Chart Placeholder 2'"
    assert f"{where}: chart value 78.09 for '2021' does not match" in result.err
    assert "chart value 78.09 differs from its embedded data (26.03)" in result.err


# --- 5. constants of derived formulas ----------------------------------------------------------


@pytest.mark.slow
def test_a_per_mille_share_shows_its_formula_and_passes(run, tmp_path):
    """A derived share in ‰ prints "× 1000" in its source notes: the formula's constants are
    data, so the build's own check passes, and the notes do show the formula."""
    from tests.conftest import edit

    data = tmp_path / "data"
    shutil.copytree(SEED_DIR, data)
    share = "formula: sco_trade_2022 / foreign_trade_2022 * 100"
    edit(
        data / "metrics.yaml",
        f'value: 22.5\n    unit: "%"\n    qualifier: exact\n    period: "2022"\n'
        f"    topic: trade\n    derived:\n      {share}\n      decimals: 1",
        f'value: 225\n    unit: "‰"\n    qualifier: exact\n    period: "2022"\n'
        f"    topic: trade\n    derived:\n      {share}0\n      decimals: 0",
    )
    out = tmp_path / "out"
    _build(out, data, tmp_path / "cache")  # the build runs the check on every output
    prs = Presentation(str(out / ZH))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide)
    assert "× 1000" in notes
    files = sorted(str(p) for p in out.iterdir() if p.suffix in (".pptx", ".pdf"))
    assert run("check", "--data", str(data), *files).code == 0


# --- 6. the seed deck edited in memory, checked by check_pptx ---------------------------


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


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_built_decks_are_clean(decks, seed, lang):
    assert check_pptx(decks[lang][1], seed, "deck") == []


@pytest.mark.slow
def test_overflowing_text(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "很长的一段文字" * 40, briefing, width=3, height=0.6)
    assert any("text overflows its box" in f for f in findings_of(zh_deck, seed))


@pytest.mark.slow
def test_shape_past_the_slide_edge(zh_deck, seed, briefing):
    box = styled_box(zh_deck.slides[2], "边缘", briefing)
    box.left = zh_deck.slide_width - Inches(1)
    assert any("extends past the slide edge" in f for f in findings_of(zh_deck, seed))


@pytest.mark.slow
def test_run_without_east_asian_typeface(zh_deck, seed):
    box = zh_deck.slides[2].shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    box.text_frame.text = "没有东亚字体"
    box.text_frame.paragraphs[0].runs[0].font.name = "Arial"  # python-pptx sets a:latin only
    assert any("run without an East Asian typeface" in f for f in findings_of(zh_deck, seed))


@pytest.mark.slow
def test_glyph_the_font_lacks(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "火箭\U0001f680", briefing)
    assert any("has no glyph for U+1F680" in f for f in findings_of(zh_deck, seed))


@pytest.mark.slow
def test_chart_without_alt_text(zh_deck, seed):
    slide = zh_deck.slides[3]
    frame = next(s for s in slide.shapes if getattr(s, "has_chart", False))
    frame._element.xpath("./*[1]/p:cNvPr")[0].attrib.pop("descr")
    assert any("without alt text" in f for f in findings_of(zh_deck, seed))


@pytest.mark.slow
def test_empty_placeholder(zh_deck, seed):
    layout = next(lay for lay in zh_deck.slide_layouts if lay.name == "Section")
    zh_deck.slides.add_slide(layout)
    assert any("empty placeholder" in f for f in findings_of(zh_deck, seed))


@pytest.mark.slow
def test_number_the_data_does_not_support(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "对外贸易额达999亿元", briefing)
    assert any("number 999亿 is not in the dataset" in f for f in findings_of(zh_deck, seed))


@pytest.mark.slow
def test_hedge_dropped_or_changed(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "入驻企业4700家", briefing)
    styled_box(zh_deck.slides[4], "员工不到144人", briefing)
    found = findings_of(zh_deck, seed)
    assert any("4700 is shown without its hedge" in f for f in found)
    assert any("不到144: the data has no such hedge" in f for f in found)


@pytest.mark.slow
def test_derived_value_without_its_mark(zh_deck, seed, briefing):
    styled_box(zh_deck.slides[2], "2021年对外贸易额约260.3亿元", briefing)
    assert any(
        "derived value 约260.3亿元 shown without its derived mark" in f
        for f in findings_of(zh_deck, seed)
    )


@pytest.mark.slow
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


# --- 7. native chart values against their labels ---------------------------------------


def _bar_chart(values: list[float], labels: list[str]):
    from pptx.enum.chart import XL_CHART_TYPE

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    data = CategoryChartData()
    data.categories = [f"c{i}" for i in range(len(values))]
    data.add_series("s", values)
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, Inches(1), Inches(1), Inches(4), Inches(3), data
    )
    for point, label in zip(frame.chart.plots[0].series[0].points, labels, strict=True):
        point.data_label.text_frame.text = label
    return frame.chart


def test_chart_values_are_read_in_the_charts_display_scale():
    from reportgen.check.pptx import _chart_values

    assert _chart_values(_bar_chart([5.0], ["5个"])) == []  # one point: a one-cell range
    assert _chart_values(_bar_chart([360.0, 81.0], ["360亿元", "81亿元"])) == []  # in 亿
    assert _chart_values(_bar_chart([36.0, 8.1], ["CNY 36 bn", "CNY 8.1 bn"])) == []
    assert _chart_values(_bar_chart([360.0, 243.0], ["360亿元", "81亿元"])) == [
        "chart value 243 for 'c1' does not match its label 81亿元"
    ]


@pytest.mark.slow
def test_placeholder_text_on_a_slide_or_in_its_notes_is_found(run, deck):
    """Issue 14: decks full of (draft), （待补充） and 请在此写下讲解要点 passed the check."""
    path, prs = deck()
    _set_run(shape_named(prs.slides[0], "Title 1"), "（草稿）示范区简报")
    prs.slides[1].notes_slide.notes_text_frame.add_paragraph().text = "请在此写下讲解要点。"
    prs.slides[2].notes_slide.notes_text_frame.add_paragraph().text = "本页数字均来自共篇报道。"
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert f"{path}: slide 1 'Title 1': placeholder text '（草稿）' (data:" in result.err
    assert f"{path}: slide 2 notes: placeholder text '请在此写下讲解要点' (template:" in result.err
    assert f"{path}: slide 3 notes: placeholder text '共篇' (template:" in result.err


@pytest.mark.slow
def test_a_table_whose_rows_grow_past_the_slide_is_found(run, deck):
    """A cell's text wraps and its row grows (PowerPoint fits rows to their text): a table
    that then reaches past the slide's bottom edge is drawn outside the slide."""
    path, prs = deck()
    number, frame = next(
        (n, s) for n, slide in enumerate(prs.slides, 1) for s in slide.shapes if s.has_table
    )
    assert check(run, path).code == 0
    cell = frame.table.cell(1, 0)
    runs = [r for p in cell.text_frame.paragraphs for r in p.runs]
    runs[0].text = "示范区对外贸易额达360亿元，增长38.3%。" * 12
    prs.save(str(path))
    result = check(run, path)
    assert result.code == 1
    assert (
        f"{path}: slide {number} '{frame.name}': table grows past the slide's bottom edge by"
        in (result.err)
    )
