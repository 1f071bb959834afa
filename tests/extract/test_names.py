"""Numerals that are no figures: names, idioms, ordinals, titles, slogans, codes."""

from __future__ import annotations

import pytest

from reportgen.extract.names import is_name
from reportgen.extract.patterns import view_of


def name_at(text: str, numeral: str, nth: int = 0) -> bool:
    """Whether the ``nth`` ``numeral`` of ``text`` is inside a name."""
    view = view_of(text)
    start = -1
    for _ in range(nth + 1):
        start = view.index(numeral, start + 1)
    return is_name(view, start, start + len(numeral))


@pytest.mark.parametrize(
    ("text", "numeral"),
    [
        ("共建一带一路", "一"),  # a name in the lexicon
        ("“十四五”以来", "十四"),
        ("千方百计稳外资", "千"),  # an idiom
        ("第一时间推出", "第一"),  # a rank word that is a name
        ("亮相第五届进博会", "五届"),  # an ordinal, not a count
        ("每千人口执业医师", "千人"),  # the denominator of a rate
        ("每10万人", "10万人"),
        ("发布《2024年青岛市卫生健康事业发展统计公报》", "2024年"),  # inside a title
        ("打造布局“四个中心”", "四个"),  # a name in quotation marks
        ("实现“15分钟健康服务圈”全覆盖", "15分钟"),  # a slogan
        ("成为青岛的一张城市名片", "一张"),  # 一 + a measure word is an article
        ("二期工程", "二期"),  # a project phase
        ("单位：亿元", "亿元"),  # a magnitude alone is a unit
        ("咨询电话：0532-86691234", "0532"),  # a phone or area code
        ("详见青政发〔2024〕5号文件", "2024"),  # a document number
        ("详见青政发〔2024〕5号文件", "5"),
    ],
)
def test_names(text, numeral):
    assert name_at(text, numeral)


@pytest.mark.parametrize(
    ("text", "numeral"),
    [
        ("对外贸易额达360亿元", "360亿元"),
        ("位列第四名", "第四名"),  # a rank
        ("他主持了百余场推介会", "百余场"),  # a magnitude with a hedge is a figure
        ("投资超过亿元的项目", "超过亿元"),
        ("一年来新增企业三百家", "三百家"),
        ("占比“100%”", "100%"),  # a quoted figure alone stays a fact
        ("约一半", "约一半"),  # a hedged numeral is never a lexicon name
    ],
)
def test_figures(text, numeral):
    assert not name_at(text, numeral)


def test_a_name_is_found_where_it_overlaps_the_numeral():
    assert name_at("推动一体化发展", "一")
    assert name_at("统一部署", "一")
    assert not name_at("新增三家", "三家")
