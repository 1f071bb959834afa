"""A rank line is one entity's places in one assessment, whatever else the table ranks."""

from __future__ import annotations

from reportgen.data.schema import Ranking
from reportgen.data.trajectory import name_of, trajectory


def ranking(id: str, year: int, rank: int, entity: str | None = None, assessment=None) -> Ranking:
    entry = {"id": id, "year": year, "rank": rank, "article": "a", "quote": f"第{rank}名"}
    if entity:
        entry |= {"entity_zh": entity, "entity_en": f"({entity})"}
    if assessment:
        entry["assessment_zh"] = assessment
    return Ranking.model_validate(entry)


ZONE = {"zh": "上合示范区", "en": "SCO zone"}


def ids(rankings) -> list[str]:
    return [r.id for r in rankings]


def test_entries_without_an_entity_are_the_subjects_line_by_year():
    table = [
        ranking("r22", 2022, 1),
        ranking("a23", 2023, 18, "甲区"),
        ranking("r20", 2020, 4),
        ranking("b23", 2023, 23, "乙区"),
        ranking("r21", 2021, 2),
    ]
    assert ids(trajectory(table, ZONE)) == ["r20", "r21", "r22"]


def test_the_subject_by_name_comes_before_the_entity_with_more_years():
    table = [
        ranking("a21", 2021, 3, "甲区"),
        ranking("a22", 2022, 2, "甲区"),
        ranking("a23", 2023, 1, "甲区"),
        ranking("z22", 2022, 9, "上合示范区"),
        ranking("z23", 2023, 5, "上合示范区"),
    ]
    assert ids(trajectory(table, ZONE)) == ["z22", "z23"]
    assert ids(trajectory(table, {"zh": "青岛", "en": "Qingdao"})) == ["a21", "a22", "a23"]


def test_several_entities_of_one_year_never_make_one_line():
    table = [
        ranking("a", 2023, 18, "青岛西海岸新区"),
        ranking("b", 2023, 23, "胶州湾经济区"),
        ranking("c", 2023, 35, "即墨区"),
    ]
    assert ids(trajectory(table, ZONE)) == ["a"]  # a tie: the first in the data


def test_one_assessment_per_line_and_one_place_per_year():
    table = [
        ranking("port20", 2020, 9, "青岛港", "全球港口货物吞吐量排名"),
        ranking("box20", 2020, 7, "青岛港", "全球港口集装箱吞吐量排名"),
        ranking("box21", 2021, 6, "青岛港", "全球港口集装箱吞吐量排名"),
        ranking("box21b", 2021, 5, "青岛港", "全球港口集装箱吞吐量排名"),
    ]
    assert ids(trajectory(table)) == ["box20", "box21"]


def test_no_rankings_no_line():
    assert trajectory([], ZONE) == ()


def test_a_name_is_read_in_the_first_language_that_has_one():
    assert name_of({"zh": None, "en": "Qingdao"}) == "Qingdao"
    assert name_of({"zh": "青岛", "en": "Qingdao"}) == "青岛"
    assert name_of({"zh": None, "en": None}) is None


def test_a_short_scale_marks_every_place_a_long_one_only_those_drawn():
    from reportgen.data.trajectory import SHORT_SCALE, rank_scale

    assert rank_scale([4, 2, 1]) == (1, 2, 3, 4)
    assert rank_scale([SHORT_SCALE, 2]) == tuple(range(1, SHORT_SCALE + 1))
    assert rank_scale([23, 18, 23]) == (18, 23)
    assert rank_scale([]) == ()
