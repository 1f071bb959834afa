"""Rankings with their names: who ranks where, in what assessment, for which year."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from reportgen.extract.facts import extract
from reportgen.extract.rankings import rank_facts
from tests.conftest import ROOT, SEED_DIR

ARTICLES = ROOT / "tests" / "extract" / "articles"
GOLD = ROOT / "tests" / "extract" / "gold"
DAY = date(2024, 5, 20)


def ranks(text: str, day: date = DAY) -> list[tuple]:
    """(figure, entity, measure, assessment, year, rank, qualifier) of each place read."""
    return [
        (text[r.start : r.end], r.entity, r.measure, r.assessment, r.year, r.rank, r.qualifier)
        for r in rank_facts(extract(text, day), text, day)
    ]


def who(text: str, day: date = DAY) -> list[tuple]:
    """(entity, year, rank) of each place read."""
    return [(r.entity, r.year, r.rank) for r in rank_facts(extract(text, day), text, day)]


def test_a_list_of_names_pairs_with_its_places_in_order():
    text = (
        "在2023年度全省开发区综合考核中，"
        "青岛西海岸新区、胶州湾经济区、即墨区分别位列第18、23、35位。"
    )
    assert ranks(text) == [
        ("第18", "青岛西海岸新区", "", "全省开发区综合考核", 2023, 18, "exact"),
        ("23", "胶州湾经济区", "", "全省开发区综合考核", 2023, 23, "exact"),
        ("35位", "即墨区", "", "全省开发区综合考核", 2023, 35, "exact"),
    ]


def test_a_list_in_full_width_digits_with_each_place_spelled_out():
    text = "２０２２年全国港口货物吞吐量排名中，宁波舟山港和青岛港分别位列第１位和第４位。"
    assert who(text) == [("宁波舟山港", 2022, 1), ("青岛港", 2022, 4)]


def test_names_that_do_not_match_the_places_are_not_guessed():
    text = "甲区、乙区分别位列第3、5、8位。"
    assert who(text) == [("", None, 3), ("", None, 5), ("", None, 8)]


def test_a_place_after_its_verb_with_the_scope_as_assessment():
    assert ranks("黄岛区综合实力位居全国百强区第七名。") == [
        ("第七名", "黄岛区", "综合实力", "全国百强区", None, 7, "exact")
    ]
    assert ranks("青岛港货物吞吐量居全球第4名,集装箱吞吐量居全球第5名.") == [
        ("第4名", "青岛港", "货物吞吐量", "全球", None, 4, "exact"),
        ("第5名", "青岛港", "集装箱吞吐量", "全球", None, 5, "exact"),  # the clause before's
    ]
    assert who("青岛排名第10。") == [("青岛", None, 10)]


def test_the_assessment_is_the_in_phrase_of_the_sentence():
    text = "在全国经开区综合发展水平考核评价中，青岛经开区排名第12位，较上年提升3位。"
    assert ranks(text) == [
        ("第12位", "青岛经开区", "", "全国经开区综合发展水平考核评价", None, 12, "exact")
    ]
    text = "全球港口货物吞吐量排名中，青岛港位列第四。"
    assert ranks(text) == [("第四", "青岛港", "", "全球港口货物吞吐量排名", None, 4, "exact")]


def test_a_climb_is_one_entitys_places_with_their_years():
    text = "上合示范区从2020年的第四位跃升至2022年的第一位。"
    assert who(text) == [("上合示范区", 2020, 4), ("上合示范区", 2022, 1)]
    text = "胶州湾经济区2020年第4、2021年第2、2022年第1。"
    assert who(text) == [
        ("胶州湾经济区", 2020, 4),
        ("胶州湾经济区", 2021, 2),
        ("胶州湾经济区", 2022, 1),
    ]


def test_a_word_that_points_back_is_no_name():
    text = "该区2020年第4、2021年第2、2022年第1。"
    assert who(text) == [("", 2020, 4), ("", 2021, 2), ("", 2022, 1)]


def test_the_year_is_stated_or_said_relative_to_the_article_never_compared_with():
    assert who("２０２３年，青岛位列第１８位。") == [("青岛", 2023, 18)]
    assert who("去年，示范区综合发展水平在全国同类园区中排名第五。") == [("示范区", 2023, 5)]
    assert who("较2019年，示范区排名第五。") == [("示范区", None, 5)]


def test_a_run_of_first_places_gives_each_year_only_when_the_text_gives_the_last():
    text = "2022年霍尔果斯口岸进出口货运量达3516万吨，连续四年位居全国陆路口岸首位。"
    assert ranks(text) == [
        ("首位", "霍尔果斯口岸", "进出口货运量", "全国陆路口岸", year, 1, "exact")
        for year in (2019, 2020, 2021, 2022)
    ]
    assert who("园区已连续3年位列全市开发区综合考核榜首，2023年度得分95.6分。") == [
        ("园区", 2021, 1),
        ("园区", 2022, 1),
        ("园区", 2023, 1),
    ]
    assert who("青岛啤酒实现五连冠。") == [("青岛啤酒", None, 1)]
    assert who("去年青岛啤酒在全国啤酒品牌评价中实现三连冠。") == [
        ("青岛啤酒", year, 1) for year in (2021, 2022, 2023)
    ]


def test_a_bound_is_at_most_never_a_place():
    assert ranks("青岛成功跻身全国GDP十强城市，即墨区进入全国前十。") == [
        ("十强", "青岛", "", "全国GDP", None, 10, "at_most"),
        ("前十", "即墨区", "", "全国", None, 10, "at_most"),
    ]


def test_the_subject_may_stand_in_a_clause_before_the_place():
    text = (
        "今年1至10月，青岛港完成集装箱吞吐量2516万标准箱，同比增长8.9%，"
        "增速在全国沿海主要港口中位列第一。"
    )
    assert ranks(text) == [("第一", "青岛港", "增速", "全国沿海主要港口", 2024, 1, "exact")]
    text = "崂山绿茶在全国名优绿茶评比中获得92.6分，位列第二名。"
    assert ranks(text) == [("第二名", "崂山绿茶", "", "全国名优绿茶评比", None, 2, "exact")]


def test_a_rank_without_a_verb_or_a_year_is_no_ranking():
    assert ranks("由第四名到第二名再到第一名……回望过去的三年。") == []
    assert ranks("成为山东省最大、全国第九大中欧班列到发站点。") == []
    assert ranks("女子全程组前三名均来自埃塞俄比亚。第34届啤酒节进入第二阶段。") == []


def test_each_figure_span_is_the_texts():
    text = "在考核中，甲区、乙区分别位列第２、５位。"
    facts = rank_facts(extract(text, DAY), text, DAY)
    assert [text[f.start : f.end] for f in facts] == ["第２", "５位"]
    assert all(f.sentence == text for f in facts)


def test_the_seed_climb_is_three_places_of_the_zone():
    """The seed's sidebar (PDF text: 2020年 / 度第四名 across a line break) holds the zone's
    climb; its headline (由第四名到第二名再到第一名) says no year and is no ranking."""
    text = (SEED_DIR / "raw" / "000_8bdebe869efda307.txt").read_text(encoding="utf-8")
    day = date(2023, 5, 19)
    found = [
        (r.entity, r.assessment, r.year, r.rank) for r in rank_facts(extract(text, day), text, day)
    ]
    assert found == [
        ("上合示范区", "青岛市功能区年度综合绩效考核", 2020, 4),
        ("上合示范区", "青岛市功能区年度综合绩效考核", 2021, 2),
        ("上合示范区", "青岛市功能区年度综合绩效考核", 2022, 1),
    ]


ARTICLE_RANKS = {
    "air-n-2025-jan": [
        ("青岛", "", "全国重点城市空气质量排名", 19),
        ("", "臭氧浓度下降幅度", "全省", 1),
    ],
    "airport-e-2024-q1": [("机场", "航班正常率", "全国千万级机场", 3)],
    "marathon-m-2025-apr": [("中国选手李明", "", "男子全程", 5)],
    "newarea-d-2024-h1": [("全区", "总量", "全省县级区（市）", 1)],
    "scenic-f-2024-may": [("仰口游览区", "", "各游览区", 1)],
    "invest-j-2024-mar": [("示范区", "综合发展水平", "全国同类园区", 5)],
    "port-g-2024-oct": [("青岛港", "增速", "全国沿海主要港口", 1)],
}


@pytest.mark.parametrize("name", sorted(ARTICLE_RANKS))
def test_the_test_articles_rankings(name):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    day = date.fromisoformat(str(yaml.safe_load((GOLD / f"{name}.yaml").read_text())["date"]))
    found = [
        (r.entity, r.measure, r.assessment, r.rank)
        for r in rank_facts(extract(text, day), text, day)
    ]
    assert found == ARTICLE_RANKS[name]


def test_articles_without_a_ranking_give_none():
    for name in (
        "beerfest-i-2024-aug",
        "customs-h-2024-jul",
        "holiday-w-2025-may",
        "policy-p-2025-mar",
    ):
        text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
        assert rank_facts(extract(text, DAY), text, DAY) == [], name


def test_an_assessments_name_drops_the_figures_around_it():
    from reportgen.extract.rankings import _named

    assert _named("全国229家国家级经开区") == "全国国家级经开区"
    assert _named("商务部2024年外贸综合服务企业评估") == "商务部外贸综合服务企业评估"
    assert _named("2023年度") == "2023年度"  # nothing would be left: kept as it is
