"""Like with like: which figures one chart may compare."""

from __future__ import annotations

from reportgen.data.schema import Metric
from reportgen.template.charting import chart_groups, comparable, mixed, names_something


def figure(ident: str, label: str, unit: str = "CNY", **fields) -> Metric:
    base = {
        "label_zh": label,
        "label_en": label,
        "value": 1.0,
        "qualifier": "exact",
        "period": "2023",
        "topic": "trade",
        "article": "a",
        "quote": f"句子{ident}",
    }
    return Metric(id=ident, unit=unit, **{**base, **fields})


def test_changes_of_one_period_compare_and_a_change_never_with_a_level_or_share():
    exports = figure("e", "出口增速", "%", role="change")
    imports = figure("i", "进口增速", "%", role="change")
    share = figure("s", "民营企业占比", "%", role="share")
    rate = figure("r", "覆盖率", "%")
    assert comparable(exports, imports)
    assert not comparable(exports, share)  # both %: a share is no growth
    assert not comparable(exports, rate)
    assert not comparable(share, figure("s2", "国有企业占比", "%", role="share"))


def test_levels_compare_when_they_name_the_same_kind_of_thing():
    exports = figure("e", "出口额")
    imports = figure("i", "进口额")
    investment = figure("v", "签约项目总投资")
    assert comparable(exports, imports)
    assert not comparable(exports, investment)  # both money, not one family


def test_one_sentence_s_list_compares_when_its_items_end_in_the_same_word():
    quote = {"quote": "其中硕士研究生62人、博士研究生5人，设置9个内设机构和4个板块"}
    masters = figure("m", "硕士研究生", "人", **quote)
    doctors = figure("d", "博士研究生", "人", **quote)
    departments = figure("n", "内设机构", "个", **quote)
    sectors = figure("b", "板块", "个", **quote)
    assert comparable(masters, doctors)
    assert not comparable(departments, sectors)


def test_units_periods_and_their_kinds_must_match():
    cny = figure("a", "出口额")
    assert not comparable(cny, figure("b", "进口额", "USD"))
    assert not comparable(cny, figure("c", "进口额", period="2022"))
    assert not comparable(cny, figure("d", "进口额", period_kind="as_of"))


def test_ranks_and_places_are_never_charted():
    assert not comparable(figure("a", "全国排名", "位", role="rank"), figure("b", "全省排名", "位"))


def test_groups_are_largest_first_and_hold_no_label_twice():
    metrics = [
        figure("a", "出口额"),
        figure("g1", "出口增速", "%", role="change"),
        figure("b", "进口额"),
        figure("g2", "进口增速", "%", role="change"),
        figure("g3", "外贸增速", "%", role="change"),
        figure("c", "出口额", period="2023"),  # the same label again: not a second bar
        figure("lone", "签约项目总投资"),
    ]
    groups = [[m.id for m in g] for g in chart_groups(metrics)]
    assert groups == [["g1", "g2", "g3"], ["a", "b"]]


def test_mixed_says_what_a_set_of_figures_mixes():
    assert mixed([figure("a", "出口额"), figure("b", "进口额")]) is None
    assert mixed([figure("a", "出口额"), figure("g", "增速", "%", role="change")]) == "mixes roles"
    assert mixed([figure("a", "出口额"), figure("b", "进口额", "USD")]) == "mixes units"


def test_a_label_of_a_role_word_alone_names_nothing_to_chart():
    bare = figure("x", "提高", "位", role="change")
    named = figure("y", "全省排名提高", "位", role="change")
    assert not names_something(bare) and names_something(named)
    assert not comparable(bare, figure("z", "增加", "位", role="change"))
