"""The extractor: spans, values, hedges, exclusions, offsets, gold files and robustness."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.extract import extract
from reportgen.extract.evaluate import evaluate
from tests.conftest import SEED_DIR

GOLD = Path(__file__).parent / "gold"
RAW = SEED_DIR / "raw" / "000_8bdebe869efda307.txt"


def only(text: str, date: dt.date | None = None):
    facts = extract(text, date)
    assert len(facts) == 1, [(f.text, f.kind) for f in facts]
    return facts[0]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit", "qualifier"),
    [
        ("目前已吸引4700 余家国内外企业入驻", "4700 余家", "count", 4700, "家", "over"),
        ("对外贸易额达360亿元，", "360亿元", "money", 36_000_000_000, "CNY", "exact"),
        ("总资产规模超过1,300亿元的集团", "超过1,300亿元", "money", 130_000_000_000, "CNY", "over"),
        ("吸引４７００余家企业", "４７００余家", "count", 4700, "家", "over"),
        ("他主持了百余场推介会", "百余场", "count", 100, "场", "over"),
        ("布局二十大园区", "二十大园区", "count", 20, "个", "exact"),
        ("位列第四名", "第四名", "rank", 4, "名", "exact"),
        ("连续两个月坚持", "两个月", "duration", 2, "个月", "exact"),
        ("累计开行中欧班列近\n3000列", "近\n3000列", "count", 3000, "列", "approx"),
        ("平均年龄不到31岁", "不到31岁", "age", 31, "岁", "under"),
        ("累计会议时间160小时以上", "160小时以上", "duration", 160, "小时", "at_least"),
        ("同比增长100.3%", "同比增长100.3%", "growth", 100.3, "%", "exact"),
        ("总值下降3.2个百分点", "下降3.2个百分点", "growth", -3.2, "个百分点", "exact"),
        ("增长百分之十五", "增长百分之十五", "growth", 15, "%", "exact"),
        ("占比达六成", "六成", "percent", 60, "%", "exact"),
        ("规划范围38.85平方公里", "38.85平方公里", "area", 38.85, "km2", "exact"),
        ("位列全市榜首", "榜首", "rank", 1, "榜首", "exact"),
        ("构建“5-2-1”产业体系", "“5-2-1”", "code", "5-2-1", "", "exact"),
    ],
)
def test_facts(text, span, kind, value, unit, qualifier):
    fact = only(text)
    assert (fact.text, fact.kind, fact.value, fact.unit, fact.qualifier) == (
        span,
        kind,
        value,
        unit,
        qualifier,
    )
    assert text[fact.start : fact.end] == fact.text


def test_dates_and_ranges():
    assert only("在5月17日举行").value == "--05-17"
    assert only("于 2022 年 6 月完成").value == "2022-06"
    assert only("自去年3月起", dt.date(2023, 5, 20)).value == "2022-03"
    assert only("5月15日至19日，考察团赴新疆").value == ["--05-15", "--05-19"]
    facts = extract("2022年6月完成调整。同年10月，增设区域联动部")
    assert [f.value for f in facts] == ["2022-06", "2022-10"]


@pytest.mark.parametrize(
    "text",
    [
        "共建“一带一路”",
        "“十四五”以来",
        "推动一体化发展",
        "第一时间推出",
        "一批便利化措施",
        "一核引领、全域联动",
        "与中亚五国企业洽谈",
        "咨询电话：0532-86691234",
        "详见青政发〔2024〕5号文件",
        "“2024中德企业合作论坛”将举办",
        "打造布局“四个中心”",
        "亮相第五届进博会",
        "交出一份成绩单",
    ],
)
def test_names_and_numbers_that_are_not_facts(text):
    assert [f.text for f in extract(text)] == []


@pytest.mark.parametrize("gold", ["seed.yaml", "zone-a-2024-q1.yaml", "port-b-2023.yaml"])
def test_reviewed_gold_files_stay_perfect(gold):
    """These golds were made by reviewing the extractor's output: they guard against
    regressions, they do not measure how it does on new text."""
    report = evaluate(GOLD / gold)
    assert report.detection.f1 == 1.0 and report.full.f1 == 1.0, report.misses


def test_held_out_article_stays_at_its_measured_level():
    """port-g was written and annotated by hand before the extractor saw it and has not been
    tuned on; these floors are what it measured (detection P 1.00 / R 0.88, full-match recall
    0.88, qualifier accuracy 1.00)."""
    report = evaluate(GOLD / "port-g-2024-oct.yaml")
    assert report.detection.precision >= 0.99 and report.detection.recall >= 0.87
    assert report.full.recall >= 0.87 and report.qualifier_accuracy >= 0.99


@pytest.mark.parametrize(
    "gold",
    [
        "bonded-c-2024-q3.yaml",
        "newarea-d-2024-h1.yaml",
        "airport-e-2024-q1.yaml",
        "scenic-f-2024-may.yaml",
    ],
)
def test_error_analysis_articles_are_now_found(gold):
    """Each was held out first; its misses were then fixed as general patterns, so it is no
    longer a held-out measure (see its note)."""
    report = evaluate(GOLD / gold)
    assert report.detection.f1 == 1.0, report.misses


def test_offsets_are_consistent_on_the_seed_page():
    text = RAW.read_text(encoding="utf-8")
    for fact in extract(text, dt.date(2023, 5, 20)):
        assert text[fact.start : fact.end] == fact.text
        assert fact.sentence


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_never_crashes_and_offsets_hold_on_any_text(text):
    for fact in extract(text):
        assert text[fact.start : fact.end] == fact.text


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789０１２３万亿余多近约第名个年月日至,.%％ 元家\n")),
        max_size=200,
    )
)
def test_never_crashes_on_number_soup(text):
    for fact in extract(text, dt.date(2024, 1, 1)):
        assert text[fact.start : fact.end] == fact.text
