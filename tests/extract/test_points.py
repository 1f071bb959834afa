"""Points: the article's own clause for a figure, its figures as placeholders, or nothing."""

from __future__ import annotations

from reportgen.extract.facts import extract
from reportgen.extract.layout import read_layout
from reportgen.extract.points import Placed, figure_span, plans, point, section_of


def placed(text: str, ids: dict[str, str]) -> list[Placed]:
    """Each fact whose printed figure is a key of ``ids`` placed as that metric."""
    out = []
    for fact in extract(text):
        start, end = figure_span(text, fact)
        if text[start:end] in ids:
            out.append(Placed(start, end, ids[text[start:end]]))
    return out


def point_at(text: str, figure: str, ids: dict[str, str], allowed=()) -> str | None:
    spots = placed(text, ids)
    at = text.index(figure)
    fact = next(f for f in extract(text) if f.start <= at < f.end)
    return point(text, (fact.sentence_start, fact.sentence_end), at, spots, allowed)


def test_the_figure_span_keeps_the_article_s_verb_and_takes_the_hedge():
    text = "出口同比增长约12%，已吸引4700余家企业，总资产超过300亿元。"
    spans = [text[slice(*figure_span(text, f))] for f in extract(text)]
    assert spans == ["约12%", "4700余家", "超过300亿元"]


def test_a_change_takes_the_clause_that_says_what_grew_and_the_period_in_front():
    text = "前5个月，上合示范区对外贸易额达150亿元，增长21.5%；其中出口增长25.1%。"
    ids = {"150亿元": "trade", "21.5%": "growth", "25.1%": "exports"}
    said = point_at(text, "21.5%", ids, allowed={5})
    assert said == "前5个月，上合示范区对外贸易额达{trade}，增长{growth}"
    assert point_at(text, "150亿元", ids, allowed={5}) == "前5个月，上合示范区对外贸易额达{trade}"
    assert point_at(text, "150亿元", ids) is None  # 前5个月 prints a 5 no period gives


def test_a_fenbie_list_is_one_point_without_its_connective():
    text = "其中，出口和进口分别增长25.1%和9.8%。"
    ids = {"25.1%": "exports", "9.8%": "imports"}
    assert point_at(text, "9.8%", ids) == "出口和进口分别增长{exports}和{imports}"


def test_half_width_punctuation_cuts_clauses_but_not_a_digit_group():
    text = "1-10月,港口完成货物吞吐量1,200万吨,同比增长5.2%."
    ids = {"1,200万吨": "throughput", "5.2%": "growth"}
    said = point_at(text, "5.2%", ids, allowed={1, 10})
    assert said == "1-10月，港口完成货物吞吐量{throughput}，同比增长{growth}"


def test_a_clause_showing_a_figure_no_metric_holds_is_no_point():
    text = "全市新增企业320家，其中外资企业45家。"
    # 320家 is a metric, 45家 is not: the clause of 45家 cannot be printed
    assert point_at(text, "320家", {"320家": "firms"}) == "全市新增企业{firms}"
    assert point_at(text, "45家", {"320家": "firms"}) is None


def test_a_year_the_period_states_may_stay_in_the_point():
    text = "2022年，示范区外贸额达360亿元。"
    ids = {"360亿元": "trade"}
    assert point_at(text, "360亿元", ids, allowed={2022}) == "2022年，示范区外贸额达{trade}"
    assert point_at(text, "360亿元", ids, allowed=()) is None


def test_a_clause_too_long_for_a_slide_is_no_point():
    text = (
        "示范区"
        + "围绕综合保障和产业策源以及要素支撑和政策赋能等多个方面全面" * 2
        + "设置9个内设机构。"
    )
    assert point_at(text, "9个", {"9个": "departments"}) is None


def test_the_section_is_the_subhead_printed_above_the_figure():
    text = (
        "示范区三年迈上新台阶\n\n本报记者 张三\n\n开篇一段话，介绍背景情况。\n\n"
        "三年迈上三个新台阶\n\n去年示范区外贸额达360亿元，增长38.3%。\n\n"
        "改革激活新动能\n\n重新设置9个内设机构，打破身份界限。\n"
    )
    layout = read_layout(text)
    piece = layout.pieces[0]
    assert [text[h.start : h.end] for h in piece.headings] == [
        "三年迈上三个新台阶",
        "改革激活新动能",
    ]
    assert section_of(text, piece, text.index("360亿元")) == "三年迈上三个新台阶"
    assert section_of(text, piece, text.index("9个")) == "改革激活新动能"
    assert section_of(text, piece, text.index("开篇")) is None


def test_plans_are_the_sentences_that_say_what_will_be_done():
    text = (
        "示范区外贸增长\n\n本报记者 张三\n\n今年前5个月，示范区外贸额达150亿元。"
        "大家铆足干劲、力争上游。下一步，示范区将加快建设国际物流中心，打造开放新高地，"
        "推动更多项目落地。力争到2025年外贸额突破500亿元。\n"
    )
    layout = read_layout(text)
    facts = extract(text)
    found = plans(text, layout, layout.pieces[0], facts, placed(text, {"150亿元": "t"}), {2025})
    assert found[0] == "示范区将加快建设国际物流中心，打造开放新高地"
    assert all("力争上游" not in said for said in found)  # an idiom, not a plan
    assert all("500" not in said for said in found)  # 500亿元 is no metric: not printed
