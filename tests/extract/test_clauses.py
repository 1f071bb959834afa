"""A sentence read without its PDF line breaks, cut into clauses, its subjects read off."""

from __future__ import annotations

from reportgen.extract.clauses import front, sentences, subject
from reportgen.extract.facts import extract


def test_a_sentence_is_read_without_whitespace_and_maps_back_to_the_text():
    text = "标题\n\n三年迈上三个台阶——2020年\n度第四名，2021年度第二名。下一句。"
    found = sentences(extract(text), text)
    second = found[1]
    assert second.compact == "三年迈上三个台阶——2020年度第四名，2021年度第二名。"
    at = second.compact.index("度第四名")
    assert text[second.offset(at)] == "度" and second.position(second.offset(at)) == at
    assert second.quote == "三年迈上三个台阶——2020年度第四名，2021年度第二名。"


def test_clauses_end_at_commas_and_dashes_but_not_inside_a_quotation():
    text = "上合示范区“怀鸿鹄之志，展骐骥之跃”，三年迈上三个台阶——2020年度第四名。"
    (sentence,) = sentences([], text)
    clauses = [sentence.compact[a:b] for a, b in sentence.clauses()]
    assert clauses == ["上合示范区“怀鸿鹄之志，展骐骥之跃”", "三年迈上三个台阶", "2020年度第四名"]


def test_the_front_of_a_clause_drops_bylines_periods_and_sources():
    assert front("本报3月26日讯（记者赵雪）今天上午") == "今天上午"
    assert front("据统计，今年1至10月青岛港完成") == "青岛港完成"
    assert front("上合示范区“怀鸿鹄之志，展骐骥之跃”") == "上合示范区"
    assert front("“小巨人”企业") == "“小巨人”企业"


def test_the_subject_ends_at_a_verb_a_preposition_or_a_figure():
    assert subject("崂山绿茶在全国名优绿茶评比中获得92.6分") == "崂山绿茶"
    assert subject("2022年霍尔果斯口岸进出口货运量达3516万吨") == "霍尔果斯口岸进出口货运量"
    assert subject("上合示范区从2020年的第四位跃升至2022年的第一位") == "上合示范区"
    assert subject("全市居民人均预期寿命位居全省第一") == "全市居民人均预期寿命"  # 居民 is no 居
    assert subject("该区2020年第4") == ""  # points back
    assert subject("同比增长8.9%") == ""


def test_each_sentence_gets_the_facts_that_start_in_it():
    from reportgen.extract.clauses import FactsBySentence

    text = "5月8日，青岛举行会议。对外贸易额达360亿元，增长38.3%。"
    facts = extract(text)
    first, second = sentences(facts, text)
    by_sentence = FactsBySentence(list(reversed(facts)))  # in any order
    assert [f.text for f in by_sentence.within(first)] == ["5月8日"]
    assert [f.text for f in by_sentence.within(second)] == ["360亿元", "增长38.3%"]
