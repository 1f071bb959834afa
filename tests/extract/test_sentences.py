"""Sentences: wrapped text is joined, lists break at each item, and no sentence is unbounded."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.extract import extract
from reportgen.extract.sentences import MAX_SENTENCE
from tests.conftest import ROOT, SEED_DIR

RAW = SEED_DIR / "raw" / "000_8bdebe869efda307.txt"


def sentences(text: str) -> dict[str, str]:
    return {f.text: f.sentence for f in extract(text)}


def test_the_seed_page_keeps_its_wrapped_sentences_whole():
    """The seed is PDF text broken at the column width in mid-sentence (and at blank lines
    where a column ends): every fact's sentence is a whole sentence of the hand-made clean
    articles, or a one-line headline."""
    clean = "\n".join(  # each paragraph of the clean articles on one line
        re.sub(r"\s+", "", paragraph)
        for article in sorted((SEED_DIR / "articles").glob("*.txt"))
        for paragraph in re.split(r"\n\s*\n", article.read_text(encoding="utf-8"))
    )
    facts = extract(RAW.read_text(encoding="utf-8"))
    assert len(facts) > 70
    for fact in facts:
        sentence = fact.sentence.lstrip("■")
        if sentence == "三年迈上三个新台阶":  # the headline, a paragraph of its own
            continue
        assert sentence[-1] in "。！？；", sentence
        at = clean.find(sentence)
        assert at >= 0, sentence
        assert at == 0 or clean[at - 1] in "。！？；”\n", sentence  # it starts a sentence too


def test_wrapped_text_is_joined_even_where_a_line_ends_at_a_figure():
    text = (
        "示范区依托国际贸易“单一窗口”，搭建上合经\n"
        "贸综服平台，有序引导能源、矿产等领域的企\n"
        "业上平台，目前已吸引国内外企业 4700余家\n"  # a column ends right after a figure
        "入驻，其中上合组织国家企业占比达到三成，\n"
        "累计开行中欧班列近3000列，成为全国第九\n"
        "大中欧班列到发站点。\n"
    )
    whole = re.sub(r"\s+", "", text)
    assert set(sentences(text).values()) == {whole}


def test_a_blank_line_at_a_column_break_does_not_end_the_sentence():
    text = (
        "与新疆地区深化合作领域，提升合作效应，加强区\n"
        "域间协同联动，共同打开与中亚五国和沿线国\n"
        "\n"
        "家经贸合作新空间，签约项目12个。\n"
    )
    assert sentences(text)["12个"] == re.sub(r"\s+", "", text)


def test_a_list_gives_one_sentence_per_item():
    text = (
        "2024年主要经济指标\n"
        "进出口总额 360亿元\n"
        "同比增长 38.3%\n"
        "- 新增企业 1200家\n"
        "1. 开行中欧班列 1021列\n"
        "（2）实际使用外资：4.5亿美元\n"
        "• 新增就业 1035人\n"
    )
    facts = extract(text)
    assert [(f.text, f.sentence) for f in facts] == [
        ("2024年", "2024年主要经济指标"),
        ("360亿元", "进出口总额360亿元"),
        ("同比增长 38.3%", "同比增长38.3%"),
        ("1200家", "-新增企业1200家"),
        ("1021列", "1.开行中欧班列1021列"),
        ("4.5亿美元", "（2）实际使用外资：4.5亿美元"),
        ("1035人", "•新增就业1035人"),
    ]
    # what a figure measures is read in its own item, not the next one, and not the bullet
    assert [f.subject for f in facts[1:]] == [
        "进出口总额",
        "",
        "新增企业",
        "开行中欧班列",
        "实际使用外资",
        "新增就业",
    ]


def test_table_rows_headings_and_wrapped_items_break_where_they_should():
    table = "指标\t2022年\t2023年\n进出口总额\t281亿元\t360亿元\n新增企业\t900家\t1200家\n"
    assert sentences(table)["360亿元"] == "进出口总额281亿元360亿元"
    assert sentences(table)["1200家"] == "新增企业900家1200家"
    spaced = "进出口总额    281亿元    360亿元\n新增企业    900家    1200家\n"
    assert sentences(spaced)["900家"] == "新增企业900家1200家"
    items = (
        "一、总体情况\n"
        "1. 全年对外贸易额达360亿元，增长38.3%，其中对上合组织国家进出\n"
        "口额达81亿元，同比增长100.3%\n"
        "2. 新增企业1200家\n"
    )
    assert sentences(items)["81亿元"] == (
        "1.全年对外贸易额达360亿元，增长38.3%，其中对上合组织国家进出口额达81亿元，同比增长100.3%"
    )
    assert sentences(items)["1200家"] == "2.新增企业1200家"
    heading = "年度成绩\n示范区全年对外贸易额达360亿元，同比增长38.3%，\n新增企业1200家。\n"
    assert (
        sentences(heading)["360亿元"]
        == "示范区全年对外贸易额达360亿元，同比增长38.3%，新增企业1200家。"
    )


def test_no_sentence_is_longer_than_the_cap():
    """Past MAX_SENTENCE characters a stretch without a sentence end is cut at a clause mark
    when one is in the second half of the allowed length, else at the length itself."""
    clauses = "示范区推进物流合作开行班列3000列，" * 100 + "全年开行班列3000列。"
    facts = extract(clauses)
    assert len(facts) == 101
    for fact in facts[:-1]:
        assert MAX_SENTENCE // 2 < len(fact.sentence) <= MAX_SENTENCE, fact.sentence
        assert fact.sentence.endswith("列，"), fact.sentence  # cut where a clause ends
    assert facts[-1].sentence.endswith("全年开行班列3000列。")
    solid = "示" * 1000 + "3000列" + "范" * 1000
    fact = only_fact(solid)
    assert fact.text == "3000列" and len(fact.sentence) <= 2 * MAX_SENTENCE + len(fact.text)


def only_fact(text: str):
    facts = extract(text)
    assert len(facts) == 1, facts
    return facts[0]


def test_output_is_linear_in_the_input_whatever_its_shape():
    """Each fact carries its sentence: without a bound, figures without a 。 made every fact
    carry the whole text (quadratic). Now the sentences add up to a bounded multiple of the
    input: at most the sentence cap over the spacing of the figures."""

    def carried(text: str) -> float:
        """Characters of sentences carried per character of input."""
        facts = extract(text)
        assert len(facts) >= 2000
        return sum(len(f.sentence) for f in facts) / len(text)

    def soup(n: int) -> str:
        return "".join(f"增长{i % 97}.{i % 9}% 完成{i % 9000}万元 " for i in range(n))

    def listed(n: int) -> str:
        return "".join(f"新增企业 {i % 9000}家\n" for i in range(n))

    for text in (soup, listed):
        small, large = carried(text(2000)), carried(text(8000))
        assert large <= 1.05 * small  # four times the input, four times the output
    assert carried(soup(8000)) <= 30  # a figure every 8 characters, sentences of <= 200
    assert carried(listed(8000)) <= 1  # each item carries its own line


def test_runs_of_digits_numerals_and_spaces_stay_linear():
    """Long runs (an id of 100,000 digits, numerals, padding after a figure, 1 MB of figures
    without a 。) made the patterns try every position to the run's end: minutes to hours, or
    all memory. Run under a CPU and memory limit far above what linear work needs (a
    generous limit, not a timing)."""
    script = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_CPU, (120, 120))\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from reportgen.extract import extract\n"
        "texts = ['1' * 100_000, '三' * 100_000, ('3' + ' ' * 1000 + '家') * 100,\n"
        "         ''.join(f'增长{i % 97}.{i % 9}% 完成{i}万元 ' for i in range(80_000))]\n"
        "print([len(extract(t)) for t in texts])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[0, 0, 0, 160000]"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(
                list("进出口总额增长新增企业，、：。- \t\n•（）1234567890.%亿万元家")
            ),
            max_size=60,
        ),
        max_size=40,
    )
)
def test_every_sentence_holds_its_fact_and_is_bounded(lines):
    """Whatever the lines, a fact's sentence contains the fact (so a drafted quote holds its
    value) and is never longer than twice the cap plus the fact."""
    text = "\n".join(lines)
    for fact in extract(text):
        assert re.sub(r"\s+", "", fact.text) in fact.sentence
        assert len(fact.sentence) <= 2 * MAX_SENTENCE + len(fact.text)
