"""Subject finding: the noun after a measure word, else the words before, within the sentence."""

from __future__ import annotations

import pytest

from reportgen.extract import extract
from reportgen.extract.subjects import strip_lead_verbs, subject


def subject_of(text: str, figure: str, kind: str, sentence: tuple[int, int] | None = None) -> str:
    start = text.index(figure)
    return subject(text, start, start + len(figure), kind, sentence or (0, len(text)))


@pytest.mark.parametrize(
    ("text", "figure", "kind", "measured"),
    [
        # a count names its noun after the measure word, up to a verb
        ("目前已吸引4700余家国内外企业入驻", "4700余家", "count", "国内外企业"),
        ("新签约12个项目的总投资", "12个", "count", "项目"),
        # else the words before it, without the verbs that lead to the figure
        ("对外贸易额累计达360亿元", "360亿元", "money", "对外贸易额"),
        ("其中，与上合组织国家贸易额81亿元", "81亿元", "money", "与上合组织国家贸易额"),
        # a label and its figure
        ("实际使用外资：4.5亿美元", "4.5亿美元", "money", "实际使用外资"),
        # an item mark opens the sentence: it is no word
        ("1. 开行中欧班列 1007列", "1007列", "count", "开行中欧班列"),
        # the words after the last figure before this one
        (
            "为1.2万名家庭经济困难学生发放资助资金约6800万元",
            "约6800万元",
            "money",
            "家庭经济困难学生发放资助资金",
        ),
        # a change with nothing before it measures what the clause before measured
        ("对外贸易额达360亿元，增长38.3%，", "增长38.3%", "growth", "对外贸易额"),
        # a decimal point inside a name does not end it
        (
            "到年底，PM2.5浓度要控制在24微克/立方米以内。",
            "24微克/立方米以内",
            "other",
            "PM2.5浓度要控制在",
        ),
    ],
)
def test_subject(text, figure, kind, measured):
    assert subject_of(text, figure, kind) == measured


def test_only_the_figures_own_sentence_is_read():
    text = "新增100家企业入驻"
    assert subject_of(text, "100家", "count") == "企业"
    assert subject_of(text, "100家", "count", sentence=(0, 6)) == "新增"  # the sentence ends at 家


def test_a_headlines_figure_does_not_run_into_the_body():
    text = "接待游客超640万人次\n\n本报讯（记者 刘洋）"
    assert subject_of(text, "超640万人次", "count") == "接待游客"


def test_the_scan_gives_each_fact_its_subject():
    growth = extract("对外贸易额达360亿元，增长38.3%，")[1]
    assert growth.subject == "对外贸易额"
    headline = extract("接待游客超640万人次\n\n本报讯（记者 刘洋）")
    assert headline[0].subject == "接待游客"  # not the dateline below it


@pytest.mark.parametrize(
    ("words", "stripped"),
    [
        ("对外贸易额累计达", "对外贸易额"),
        ("企业数量达到", "企业数量"),
        ("共有", ""),
        ("公司", "公司"),
        ("为实现", ""),  # 实现 then 为: verbs are stripped until none is left
    ],
)
def test_strip_lead_verbs(words, stripped):
    assert strip_lead_verbs(words) == stripped
