"""Text, dates and numbers that validate used to accept and build then crashed on or changed.

Every case now fails at validate (or at the validation build runs first) with one line naming
the file, the entry, the field and, for a character, its code point. The plain tests below
show that text which is allowed prints exactly as written in every output.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SEED_DIR, edit
from tests.corpus.test_bad_input import (
    Case,
    assert_fails_cleanly,
    data_case,
    replace_in,
    template_case,
)

LABEL = "label_en: Foreign trade\n"
FIELD = "metric 'trade_2023', field 'label_en': character "


def label(escaped: str) -> callable:
    """The first metric's English label with a YAML double-quoted escape inside it."""
    return replace_in("metrics.yaml", LABEL, f'label_en: "Foreign{escaped}trade"\n')


def page(date_earliest: str):
    return replace_in(
        "articles.yaml",
        "articles:\n",
        "page:\n  outlet_zh: 测试日报\n  outlet_en: Test Daily\n  date: '2023-03'\n"
        f"  date_earliest: '{date_earliest}'\narticles:\n",
    )


CASES: list[Case] = [
    # --- characters a slide or page cannot show ------------------------------------------------
    data_case("tab in a label", label("\\t"), FIELD + "U+0009 TAB at position 8"),
    data_case("form feed in a label", label("\\f"), FIELD + "U+000C FORM FEED"),
    data_case("vertical tab in a label", label("\\v"), FIELD + "U+000B VERTICAL TAB"),
    data_case("unit separator in a label", label("\\x1f"), FIELD + "U+001F"),
    data_case("line separator in a label", label("\\u2028"), FIELD + "U+2028 LINE SEPARATOR"),
    data_case("paragraph separator", label("\\u2029"), "U+2029 PARAGRAPH SEPARATOR"),
    data_case("private use in a label", label("\\ue000"), FIELD + "U+E000"),
    data_case("zero width space in a label", label("\\u200b"), "U+200B ZERO WIDTH SPACE"),
    data_case("zero width joiner in a label", label("\\u200d"), "U+200D ZERO WIDTH JOINER"),
    data_case("word joiner in a label", label("\\u2060"), "U+2060 WORD JOINER"),
    data_case("byte order mark inside a label", label("\\ufeff"), "U+FEFF ZERO WIDTH NO-BREAK"),
    data_case("bidi override in a label", label("\\u202e"), "U+202E RIGHT-TO-LEFT OVERRIDE"),
    data_case("bidi isolate in a label", label("\\u2066"), "U+2066 LEFT-TO-RIGHT ISOLATE"),
    data_case(
        "forged citation marker in a note",
        replace_in(
            "metrics.yaml",
            "    topic: logistics\n",
            '    topic: logistics\n    note_zh: "见\\ue00099\\ue001"\n',
        ),
        "metric 'trains_total', field 'note_zh': character U+E000 at position 2 after '见'",
    ),
    data_case(
        "private use in the dataset title",
        replace_in("dataset.yaml", "title_zh: 小型测试数据", 'title_zh: "小型\\ue001测试数据"'),
        "dataset.yaml:2: dataset, field 'title_zh': character U+E001",
        command="build",
    ),
    data_case(
        "private use in a quote",
        replace_in(
            "metrics.yaml", "quote: 累计开行班列近200列", 'quote: "累计开行\\uf8ff班列近200列"'
        ),
        "metric 'trains_total', field 'quote': character U+F8FF",
    ),
    data_case(
        "bidi override in an event place",
        replace_in(
            "events.yaml",
            "    status: held\n",
            '    place_en: "\\u202eQingdao"\n    status: held\n',
        ),
        "event 'agreement_2023_03_05', field 'place_en': character U+202E",
    ),
    data_case(
        "zero width space in a party",
        replace_in(
            "events.yaml",
            "    status: held\n",
            '    parties_zh: ["某\\u200b市"]\n    parties_en: [A city]\n    status: held\n',
        ),
        "field 'parties_zh.0': character U+200B",
    ),
    data_case(
        "control character in the assessment name",
        replace_in(
            "rankings.yaml",
            "assessment_en: Annual assessment",
            'assessment_en: "Annual\\x1fassessment"',
        ),
        "rankings.yaml:2: field 'assessment_en': character U+001F",
    ),
    data_case(
        "tab in an article title",
        replace_in(
            "articles.yaml",
            "title_en: The zone's first-quarter results",
            'title_en: "The zone\\tresults"',
        ),
        "article 'trade', field 'title_en': character U+0009 TAB",
        command="build",
    ),
    template_case(
        "tab in a slide title",
        replace_in("deck.yaml", "title: {zh: 关键数据一览,", 'title: {zh: "关键数据\\t一览",'),
        "field 'slides.1.title.zh': character U+0009 TAB",
    ),
    template_case(
        "private use in a chart label",
        replace_in("charts.yaml", "label_zh: 硕士研究生,", 'label_zh: "硕士\\ue000",'),
        "chart 'staff_by_degree', field 'metrics.1.label_zh': character U+E000",
    ),
    # --- dates that are not on a calendar ------------------------------------------------------
    data_case(
        "impossible page date",
        page("2023-02-30"),
        "field 'page.date_earliest': 2023-02-30 is not a calendar date (2023-02 has 28 days)",
        command="build",
    ),
    data_case(
        "year zero",
        replace_in("dataset.yaml", 'as_of: "2023-03"', 'as_of: "0000-03"'),
        "dataset, field 'as_of': year 0000 is outside 1900-2100",
    ),
    data_case(
        "impossible event date",
        replace_in("events.yaml", 'date: "2023-03-05"', 'date: "2022-02-30"'),
        "event 'agreement_2023_03_05', field 'date': 2022-02-30 is not a calendar date",
    ),
    data_case(
        "reversed period",
        replace_in("metrics.yaml", 'period: "2023-03"', 'period: "2022-12/2022-01"'),
        "metric 'trains_total', field 'period': the period's end 2022-01 is before its start",
    ),
    # --- numbers build cannot print ------------------------------------------------------------
    data_case(
        "400-digit constant in a formula",
        replace_in("metrics.yaml", "/ 100)", "/ 1" + "0" * 400 + ")"),
        "field 'derived.formula': constant 100000000000… (401 chars) is outside ±1e+15",
    ),
    data_case(
        "value beyond what prints",
        replace_in("metrics.yaml", "value: 200\n", "value: 2000000000000000\n"),
        "metric 'trains_total', field 'value': Input should be less than or equal to",
    ),
    data_case(
        "money value with more decimals than yuan show",
        lambda f: (
            edit(f / "metrics.yaml", "value: 8000000000\n", "value: 8000000000.123457\n"),
            edit(f / "metrics.yaml", "decimals: 0", "decimals: 6"),
            edit(f / "metrics.yaml", "/ 100)", "/ 100) + 0.123457"),
        ),
        "metric 'trade_2022_implied', field 'value': cannot be printed without rounding",
        command="build",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_text_fault_fails_cleanly(case: Case, run, tmp_path, monkeypatch):
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)


# --- allowed text prints exactly as written ----------------------------------------------------

LABEL_ZH = "进出口/对外贸易额\\g<0>"
LABEL_EN = "=Trade \\q\\g<0> a/b $\\foo$"


@pytest.mark.slow
def test_backslashes_slashes_and_formula_signs_in_labels_print_verbatim(run, tmp_path, monkeypatch):
    """A label is text everywhere: not regex replacement text (\\g<0>, \\q), not a formula
    operator (/ is not ÷), not a spreadsheet formula (=)."""
    from pypdf import PdfReader

    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "seed"
    shutil.copytree(SEED_DIR, data)
    edit(
        data / "metrics.yaml",
        "label_zh: 对外贸易额\n    label_en: Foreign trade\n",
        f"label_zh: '{LABEL_ZH}'\n    label_en: '{LABEL_EN}'\n",
    )
    out = tmp_path / "out"
    result = run("build", "--data", str(data), "--lang", "zh,en", "--out", str(out))
    assert result.code == 0, result.err

    def notes(deck: Path) -> str:
        with zipfile.ZipFile(deck) as archive:
            xml = "".join(
                archive.read(name).decode()
                for name in archive.namelist()
                if name.startswith("ppt/notesSlides/")
            )
        text = "".join(re.findall(r"<a:t>([^<]*)</a:t>", xml))
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")

    zh = notes(out / "qingdao-sco-2023-05_briefing_zh.pptx")
    assert f"按“{LABEL_ZH}（2022年） ÷ (1 + " in zh
    en = notes(out / "qingdao-sco-2023-05_briefing_en.pptx")
    assert f"computed as {LABEL_EN} (2022) ÷ (1 + " in en
    pdf = "".join(
        page.extract_text()
        for page in PdfReader(out / "qingdao-sco-2023-05_briefing-summary_en.pdf").pages
    )
    assert LABEL_EN in pdf and "a÷b" not in pdf
    with zipfile.ZipFile(out / "qingdao-sco-2023-05-tables.xlsx") as archive:
        sheets = "".join(
            archive.read(name).decode()
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )
    assert "<f>" not in sheets and f"<t>{LABEL_EN}</t>".replace("<0>", "&lt;0&gt;") in sheets


def test_csv_of_a_formula_like_label_starts_with_an_apostrophe(run, mini):
    edit(mini / "metrics.yaml", "label_en: Foreign trade\n", "label_en: '=Trade -1'\n")
    result = run("tables", "metrics", "--format", "csv", "--data", str(mini))
    assert result.code == 0, result.err
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(result.out))}
    assert rows["trade_2023"]["label_en"] == "'=Trade -1"
    assert rows["trade_2023"]["value"] == "10000000000"


def test_a_draft_from_an_article_with_pdf_artefacts_still_validates(run, tmp_path):
    """A page break (\\f) and a private-use glyph from PDF extraction: the draft leaves out
    the facts whose sentence validate would refuse, says why, and what it writes validates."""
    article = tmp_path / "article.txt"
    article.write_text(
        "示范区对外贸易额达100亿元，增长25%。\f\n"
        "累计开行班列近200列\ue000。\n"
        "新增企业300家\u200b。\n",
        encoding="utf-8",
    )
    draft = tmp_path / "draft"
    result = run("extract", str(article), "--date", "2023-06-28", "--to-data", str(draft))
    assert result.code == 0, result.err
    assert "U+E000" in result.err + result.out and "U+200B" in result.err + result.out
    checked = run("validate", str(draft))
    assert checked.code == 0, checked.err
    assert "100亿元" in (draft / "metrics.yaml").read_text(encoding="utf-8")


def test_a_planned_template_keeps_the_spaces_of_english_labels(run, mini, tmp_path):
    result = run("plan", str(mini), str(tmp_path / "plan"))
    assert result.code == 0, result.err
    charts = (tmp_path / "plan" / "charts.yaml").read_text(encoding="utf-8")
    assert "label_en: Foreign trade growth\n" in charts
    assert "label_zh: 对外贸易额增速\n" in charts


def test_only_a_whole_citation_marker_becomes_pdf_markup():
    from reportgen.content.model import CITE_CLOSE, CITE_OPEN
    from reportgen.render.pdf import safe

    assert safe(f"<b>60多个{CITE_OPEN}17{CITE_CLOSE}") == (
        '&lt;b&gt;60多个<super rise="4" size="6.5">[17]</super>'
    )
    for stray in (f"{CITE_OPEN}x{CITE_CLOSE}", f"a{CITE_OPEN}1", f"{CITE_CLOSE}"):
        with pytest.raises(ValueError, match="citation marker"):
            safe(stray)
