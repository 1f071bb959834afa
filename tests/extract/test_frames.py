"""Frames: a figure's role, entity, indicator and the label a presenter would print."""

import pytest

from reportgen.extract.facts import extract
from reportgen.extract.frames import frames, subject_of, tidy


def labelled(text: str, subject: str = "") -> list[tuple[str, str, str]]:
    found = frames(extract(text), text)
    return [(f.fact.text, f.role, f.label(subject)) for f in found]


def test_a_level_and_its_growth():
    got = labelled("2022年，上合示范区对外贸易额达360亿元，增长38.3%。", "上合示范区")
    assert got == [("360亿元", "level", "对外贸易额"), ("增长38.3%", "change", "对外贸易额增速")]


def test_the_entity_is_kept_when_it_is_not_the_subject():
    text = "黄岛区进出口额达到1200亿元。"
    assert labelled(text, "青岛市") == [("1200亿元", "level", "黄岛区进出口额")]
    assert labelled(text, "黄岛区") == [("1200亿元", "level", "进出口额")]


def test_a_list_with_fenbie_gives_one_label_per_item():
    text = "全市跨境电商进出口额128.6亿元，增长21.4%；其中出口和进口分别增长25.1%和9.8%。"
    got = labelled(text)
    assert got[2:] == [("增长25.1%", "change", "出口增速"), ("9.8%", "change", "进口增速")]


def test_a_full_width_list_with_fenbie():
    text = "其中，出口、进口分别增长２５．１％、９．８％。"
    assert [label for _, _, label in labelled(text)] == ["出口增速", "进口增速"]


def test_a_decrease_is_a_drop():
    assert labelled("进口1280亿元，下降3.2%。")[1] == ("下降3.2%", "change", "进口降幅")


def test_a_share_names_its_part_not_its_whole():
    text = "一般贸易进出口3120亿元，占全市外贸总值的62.6%。"
    assert labelled(text)[1] == ("62.6%", "share", "一般贸易进出口占比")


def test_a_count_takes_the_noun_after_it_and_the_verb_that_says_which():
    assert labelled("目前已吸引4700余家国内外企业入驻。") == [("4700余家", "count", "入驻企业")]


def test_start_and_end_levels_are_two_levels_not_two_increases():
    text = "全省高速公路通车里程由12.1万公里增加到14.6万公里。"
    found = frames(extract(text), text)
    assert [(f.role, f.end_level) for f in found] == [("level", False), ("level", True)]
    assert {f.label() for f in found} == {"高速公路通车里程"}
    assert found[0].pair == 1 and found[1].pair == 0


def test_period_words_and_connectors_are_no_part_of_a_label():
    got = labelled("今年前4个月，其中中欧班列开行量达到312列。")
    assert ("312列", "count", "中欧班列开行量") in got


def test_a_label_never_holds_a_figure_or_ends_in_a_function_word():
    text = "1—10月，全市进出口总值达到4200亿元，占全省的35.5%，比去年同期提高1.2个百分点。"
    for _, _, label in labelled(text):
        assert label and not any(ch.isdigit() for ch in label)
        assert not label.endswith(("的", "和", "占", "及")), label


@pytest.mark.parametrize(
    ("raw", "tidied"), [("其中出口和", "出口"), ("进出口总值的", "进出口总值"), ("的", "的")]
)
def test_tidy_strips_function_words_at_the_edges(raw, tidied):
    assert tidy(raw) == tidied


def test_the_subject_is_the_entity_most_figures_name():
    text = "青岛市进出口额500亿元。青岛市出口300亿元。黄岛区进口80亿元。"
    assert subject_of(frames(extract(text), text)) == "青岛市"
    assert subject_of(frames(extract(text), text), given="上合示范区") == "上合示范区"


def test_headline_figures_and_the_lead_are_salient():
    text = "前10个月外贸增长8.6%\n\n青岛市进出口总值5000亿元，增长8.6%。\n\n另外，出口3000亿元。"
    found = frames(extract(text[13:]), text[13:], headline=text[:12])
    assert [f.salient for f in found] == [True, True, False]


def test_listed_partners_share_their_preposition_and_verb():
    text = "上半年，济南市对东盟、欧盟和韩国分别进出口186.2亿元、158.7亿元和121.4亿元。"
    assert [label for _, _, label in labelled(text, "济南市")] == [
        "对东盟进出口额",
        "对欧盟进出口额",
        "对韩国进出口额",
    ]


def test_changes_after_listed_levels_pair_with_them():
    text = "其中，出口2245.6亿元，进口1490.6亿元，分别增长8.3%和2.2%。"
    assert [label for _, _, label in labelled(text)] == ["出口额", "进口额", "出口增速", "进口增速"]


def test_a_share_that_rises_is_the_part_s_share_at_both_ends():
    text = "民营企业进出口735.8亿元，占全市外贸总值的比重由去年同期的62.8%提高到65.2%。"
    assert [(role, label) for _, role, label in labelled(text)][1:] == [
        ("share", "民营企业进出口占比"),
        ("share", "民营企业进出口占比"),
    ]


def test_yearly_growth_and_multiples_say_so():
    assert labelled("三年来，地区生产总值年均增长14.6%。")[-1][2] == "地区生产总值年均增速"
    assert labelled("跨境电商包裹处理量是2022年的3.2倍。")[0][2].endswith("增长倍数")


def test_trains_run_are_counted_as_a_run_count():
    assert labelled("中欧班列(日照)今年已开行206列。")[0][2] == "中欧班列开行量"


def test_a_share_with_no_part_before_it_names_its_whole():
    # a headline: no clause before it says what the part is
    assert labelled("占全省电力总装机比重首次超过一半")[0][1:] == ("share", "全省电力总装机比重")


def test_a_list_named_in_the_clause_before_fenbie_labels_each_item():
    text = (
        "签约项目涵盖跨境物流、农产品加工和新能源等领域，分别为11个、14个和9个，"
        "投资额分别为68.2亿元、73.6亿元和152.4亿元。"
    )
    assert [label for _, _, label in labelled(text)] == [
        "跨境物流签约项目",
        "农产品加工签约项目",
        "新能源签约项目",
        "跨境物流签约项目投资额",
        "农产品加工签约项目投资额",
        "新能源签约项目投资额",
    ]


def test_punctuation_or_a_function_word_alone_is_no_label():
    for text in ("分别为11个、14个。", "、、9个。"):
        assert all(label == "" or len(label) >= 2 for _, _, label in labelled(text))
        assert "分别" not in [label for _, _, label in labelled(text)]
