"""The scan, end to end: spans, values, hedges, exclusions, offsets, gold files, robustness.

Each part has its own tests (test_lexicon, test_patterns, test_values, test_dates, test_names,
test_subjects); these read whole texts through ``extract``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.extract import extract
from reportgen.extract.evaluate import evaluate
from reportgen.extract.facts import KINDS, READERS
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
        ("投资超过亿元的项目", "超过亿元", "money", 100000000, "CNY", "over"),
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
        # a hedge after the magnitude, and the magnitude is never read alone
        ("企业1万余家", "1万余家", "count", 10000, "家", "over"),
        ("实现营收3亿多元", "3亿多元", "money", 300_000_000, "CNY", "over"),
        ("1.2万余人参加", "1.2万余人", "count", 12000, "人", "over"),
        ("深耕10余年", "10余年", "duration", 10, "年", "over"),
        ("占比九成以上", "九成以上", "percent", 90, "%", "at_least"),
        # vague amounts and rough ranges
        ("数十家企业", "数十家", "count", 10, "家", "over"),
        ("十几家企业", "十几家", "count", 10, "家", "over"),
        ("上千家企业", "上千家", "count", 1000, "家", "approx"),
        ("几十万人次", "几十万人次", "count", 100_000, "人次", "over"),
        ("七八家企业", "七八家", "count", [7, 8], "家", "approx"),
        ("用两三年时间", "两三年", "duration", [2, 3], "年", "approx"),
        # more units and currencies
        ("每小时52.6自然箱", "52.6自然箱", "count", 52.6, "自然箱", "exact"),
        ("完成120万TEU", "120万TEU", "count", 1_200_000, "TEU", "exact"),
        ("引进外资1.2亿欧元", "1.2亿欧元", "money", 120_000_000, "EUR", "exact"),
        ("营收3000万港元", "3000万港元", "money", 30_000_000, "HKD", "exact"),
        ("最低气温零下5摄氏度", "零下5摄氏度", "other", -5, "℃", "exact"),
        # ratios and ranks said with their scope
        ("是去年同期的1.5倍", "1.5倍", "growth", 1.5, "倍", "exact"),
        ("增速在全国沿海主要港口中位列第一", "第一", "rank", 1, "", "exact"),
        ("位居全省第二", "第二", "rank", 2, "", "exact"),
        ("跻身全国前三", "前三", "rank", 3, "", "at_most"),
        # hedges that are words, and words that only look like hedges
        ("通关时间压缩至1.5小时以内", "1.5小时以内", "duration", 1.5, "小时", "at_most"),
        ("给予最高1000万元奖励", "最高1000万元", "money", 10_000_000, "CNY", "at_most"),
        ("60岁及以上老年人", "60岁及以上", "age", 60, "岁", "at_least"),
        ("接近100家", "接近100家", "count", 100, "家", "approx"),
        ("集中签约32个项目", "32个", "count", 32, "个", "exact"),
        # a change in the thing's own unit, rates, a magnitude without a measure word
        ("比上年增加1100余家", "增加1100余家", "growth", 1100, "家", "over"),
        ("人均预期寿命提高1.2岁", "提高1.2岁", "growth", 1.2, "岁", "exact"),
        ("婴儿死亡率1.8‰", "1.8‰", "other", 1.8, "‰", "exact"),
        ("死亡率为3.5/10万", "3.5/10万", "other", 3.5, "/10万", "exact"),
        ("总诊疗人次达7450万，", "7450万", "count", 74_500_000, "", "exact"),
        # race times, concentrations, a rank change, top places, doubling with a hedge
        ("以2小时08分36秒的成绩夺冠", "2小时08分36秒", "duration", 7716, "秒", "exact"),
        ("车程缩至1小时30分钟", "1小时30分钟", "duration", 90, "分钟", "exact"),
        ("年均浓度为25微克/立方米", "25微克/立方米", "other", 25, "微克/立方米", "exact"),
        ("控制在24微克/立方米以内", "24微克/立方米以内", "other", 24, "微克/立方米", "at_most"),
        ("较上年前移6个位次", "前移6个位次", "growth", 6, "个位次", "exact"),
        # ranges, hedges with a linking word, shares in words, more measure words
        ("新招用16—24岁青年", "16—24岁", "age", [16, 24], "岁", "exact"),
        ("贷款期限为2至3年", "2至3年", "duration", [2, 3], "年", "exact"),
        ("带动就业5万至6万人", "5万至6万人", "count", [50_000, 60_000], "人", "exact"),
        ("专业观众8万—10万人次", "8万—10万人次", "count", [80_000, 100_000], "人次", "exact"),
        ("比市场价低10%—30%", "10%—30%", "percent", [10, 30], "%", "exact"),
        ("贷款额度最高可达400万元", "最高可达400万元", "money", 4_000_000, "CNY", "at_most"),
        ("补助资金约占六成", "约占六成", "percent", 60, "%", "approx"),
        ("比上届增长两成多", "增长两成多", "growth", 20, "%", "over"),
        ("青年员工占比接近一半", "接近一半", "percent", 50, "%", "approx"),
        ("使用岸电约1.2万艘次", "约1.2万艘次", "count", 12_000, "艘次", "approx"),
        ("设置6大展区", "6大展区", "count", 6, "个", "exact"),
        # a change keeps its magnitude and its direction
        ("比去年末增加2.1万户", "增加2.1万户", "growth", 21_000, "户", "exact"),
        ("运输时间比海运缩短约15天", "缩短约15天", "growth", -15, "天", "approx"),
        ("女子组前三名均来自埃塞俄比亚", "前三名", "rank", 3, "名", "at_most"),
        ("企业数量翻了一番多", "翻了一番多", "growth", 100, "%", "over"),
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


def test_dates_in_the_scan_take_their_year_from_the_article_or_the_date_before():
    """The date readers are tested in test_dates; the scan settles 同年 and drops what is none."""
    assert only("自去年3月起", dt.date(2023, 5, 20)).value == "2022-03"
    assert only("5月15日至19日，考察团赴新疆").value == ["--05-15", "--05-19"]
    facts = extract("2022年6月完成调整。同年10月，增设区域联动部")
    assert [f.value for f in facts] == ["2022-06", "2022-10"]
    assert extract("12-1月") == []  # months run forwards
    assert extract("截至去年底，全市") == []  # no article date: no year to give
    assert [f.text for f in extract("历时8个月")] == ["8个月"]  # a duration, not a month


def test_percentages_listed_after_a_growth_are_growth():
    facts = extract("分别比上年同期增长21.4%和23.9%；分别下降3%、5%")
    assert [(f.kind, f.value) for f in facts] == [
        ("growth", 21.4),
        ("growth", 23.9),
        ("growth", -3),
        ("growth", -5),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "共建“一带一路”",
        "“十四五”以来",
        "十三五期间",
        "“十五五”时期",
        "单位：亿元",
        "推动一体化发展",
        "第一时间推出",
        "一批便利化措施",
        "一核引领、全域联动",
        "与中亚五国企业洽谈",
        "咨询电话：0532-86691234",
        "第19届亚运会",
        "15时30分开幕",
        "千方百计稳外资",
        "来自四面八方",
        "一方面",
        "前三季度",
        "每千人口执业医师",
        "发布《2024年青岛市卫生健康事业发展统计公报》",
        "实现“15分钟健康服务圈”全覆盖",
        "成为青岛的一张城市名片",
        "上午7时30分鸣枪",
        "2025青岛马拉松开跑",
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


@pytest.mark.parametrize("gold", ["tea-l-2025-may.yaml", "school-v-2025-sep.yaml"])
def test_held_out_articles_stay_at_their_measured_level(gold):
    """Written and annotated before the extractor saw them, and nothing was changed because of
    them; they measured 1.00, so any regression on them is real."""
    report = evaluate(GOLD / gold)
    assert report.detection.f1 == 1.0 and report.full.f1 == 1.0, report.misses


def test_held_out_holiday_article_keeps_its_one_extra():
    """holiday-w measured P 0.96 / R 1.00 held out: its one extra (两项) is a true but trivial
    count; nothing was tuned on it."""
    report = evaluate(GOLD / "holiday-w-2025-may.yaml")
    assert report.detection.recall == 1.0 and report.full.recall == 1.0
    assert report.misses == ["holiday-w-2025-may.yaml: extra '两项' (count)"]


@pytest.mark.parametrize(
    "gold",
    [
        "bonded-c-2024-q3.yaml",
        "newarea-d-2024-h1.yaml",
        "airport-e-2024-q1.yaml",
        "scenic-f-2024-may.yaml",
        "port-g-2024-oct.yaml",
        "customs-h-2024-jul.yaml",
        "beerfest-i-2024-aug.yaml",
        "invest-j-2024-mar.yaml",
        "health-k-2025-sep.yaml",
        "marathon-m-2025-apr.yaml",
        "air-n-2025-jan.yaml",
        "tech-o-2025-feb.yaml",
        "policy-p-2025-mar.yaml",
        "interview-q-2025-jun.yaml",
        "expo-s-2025-sep.yaml",
        "finance-t-2025-oct.yaml",
        "coldchain-u-2025-aug.yaml",
    ],
)
def test_error_analysis_articles_are_now_found(gold):
    """Each was held out first; its misses were then fixed as general patterns, so it is no
    longer a held-out measure (see its note)."""
    report = evaluate(GOLD / gold)
    assert report.detection.f1 == 1.0, report.misses


def test_the_one_known_miss_stays_the_only_one():
    """renewal-r's 一分钟 is a real duration, but 一 before a measure word is far more often an
    article (一张名片, 一家企业), so it stays unread; nothing else in the article is missed."""
    report = evaluate(GOLD / "renewal-r-2025-jul.yaml")
    assert report.detection.precision == 1.0
    assert report.misses == ["renewal-r-2025-jul.yaml: missed '一分钟' (duration)"]


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


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789０１２３万亿余多近约第名个年月日至,.%％ 元家\n")
            + list("—-到小时分秒前最高以内及上数几十七八一半成倍每《》“”/‰底代岁")
        ),
        max_size=200,
    )
)
def test_never_crashes_on_number_soup(text):
    for fact in extract(text, dt.date(2024, 1, 1)):
        assert text[fact.start : fact.end] == fact.text


def test_every_kind_has_one_reader():
    assert set(READERS) == set(KINDS)


def test_a_low_end_above_the_figure_is_no_range_and_not_part_of_the_fact():
    fact = only("招聘10至5家")
    assert (fact.text, fact.value, fact.start) == ("5家", 5, 5)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("面积38.85平方公里", "km2"), ("建筑面积12万平方米", "m2"), ("占地300亩", "亩")],
)
def test_an_area_is_read_in_the_unit_the_data_writes(text, unit):
    (fact,) = [f for f in extract(text) if f.kind == "area"]
    assert fact.unit == unit
