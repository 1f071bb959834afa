"""Periods read from the text: the phrases (前4个月, 1—10月, 截至5月底, 近三年…), what each figure
is about, and that a period phrase is never a metric."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter

from reportgen.data.schema import Period
from reportgen.extract import extract
from reportgen.extract.periods import (
    is_period_phrase,
    period_phrase_facts,
    period_phrases,
    periods_of,
)
from tests.conftest import SEED_DIR

ARTICLES = Path(__file__).parent / "articles"
GOLD = Path(__file__).parent / "gold"
RAW = SEED_DIR / "raw" / "000_8bdebe869efda307.txt"
MAY = dt.date(2024, 5, 20)
PERIOD = TypeAdapter(Period)


def phrases(text: str, today: dt.date = MAY) -> list[tuple[str, str, str | None]]:
    return [(p.text, p.period, p.kind) for p in period_phrases(text, today)]


def periods(text: str, today: dt.date = MAY) -> dict[str, tuple[str, str]]:
    """Each figure's text -> its (period, kind); the period phrases themselves left out."""
    facts = extract(text, today)
    found = period_phrases(text, today)
    return {
        fact.text: period
        for fact, period in zip(facts, periods_of(facts, text, today), strict=True)
        if not is_period_phrase(fact, found)
    }


def article(name: str) -> tuple[str, dt.date]:
    gold = yaml.safe_load((GOLD / f"{name}.yaml").read_text(encoding="utf-8"))
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8"), dt.date.fromisoformat(
        str(gold["date"])
    )


# --- the phrases --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "period", "kind"),
    [
        # the first months of the year, in words and in figures, half- and full-width
        ("前4个月，全市外贸进出口2100亿元", "前4个月", "2024-01/2024-04", "during"),
        ("前十个月，全市新设企业1.2万户", "前十个月", "2023-01/2023-10", "during"),
        ("今年前两个月，港口吞吐量增长3%", "今年前两个月", "2024-01/2024-02", "during"),
        ("前４个月，全市进出口增长５％", "前４个月", "2024-01/2024-04", "during"),
        ("1—4月，全市规上工业增加值增长8%", "1—4月", "2024-01/2024-04", "during"),
        ("1-4月，全市实际使用外资3亿美元", "1-4月", "2024-01/2024-04", "during"),
        ("1–4月，全市实际使用外资3亿美元", "1–4月", "2024-01/2024-04", "during"),
        ("1～4月，港区吞吐量达120万标准箱", "1～4月", "2024-01/2024-04", "during"),
        ("１－４月份，全市税收收入下降2%", "１－４月份", "2024-01/2024-04", "during"),
        ("1至4月，园区处理冻品8万吨", "1至4月", "2024-01/2024-04", "during"),
        ("1月至4月，口岸通关车辆3万辆次", "1月至4月", "2024-01/2024-04", "during"),
        ("2023年1—10月，全市进出口6000亿元", "2023年1—10月", "2023-01/2023-10", "during"),
        ("今年1—2月，全市城镇新增就业2万人", "今年1—2月", "2024-01/2024-02", "during"),
        # halves, quarters, the year so far, the year
        ("今年以来，港区举办推介会27场", "今年以来", "2024-01/2024-05", "during"),
        ("上半年，全区新增市场主体5万户", "上半年", "2024-01/2024-06", "during"),
        ("一季度，机场旅客吞吐量512万人次", "一季度", "2024-01/2024-03", "during"),
        ("第一季度，园区生产总值86亿元", "第一季度", "2024-01/2024-03", "during"),
        ("二季度，园区签约项目18个", "二季度", "2024-04/2024-06", "during"),
        ("前三季度，全市结算量2875亿元", "前三季度", "2023-01/2023-09", "during"),
        ("2023年下半年，全市外贸增长5%", "2023年下半年", "2023-07/2023-12", "during"),
        ("2022年上半年，示范区进出口150亿元", "2022年上半年", "2022-01/2022-06", "during"),
        ("去年四季度，港口货物吞吐量1.7亿吨", "去年四季度", "2023-10/2023-12", "during"),
        ("今年全市计划新增就业12万人", "今年", "2024", "during"),
        ("2022年，示范区对外贸易额达360亿元", "2022年", "2022", "during"),
        ("２０２２年，示范区对外贸易额达360亿元", "２０２２年", "2022", "during"),
        ("去年，示范区新引进项目126个", "去年", "2023", "during"),
        ("2023年度得分95.6分", "2023年度", "2023", "during"),
        ("2021—2023年，全市累计改造小区900个", "2021—2023年", "2021/2023", "during"),
        ("2019年至2024年，全市改造老旧小区1846个", "2019年至2024年", "2019/2024", "during"),
        ("年内新增托位3000个以上", "年内", "2024", "during"),
        ("4月份，全市新发放贷款利率3.42%", "4月份", "2024-04", "during"),
        ("4月当月，全市出口增长12%", "4月当月", "2024-04", "during"),
        ("2023年5月，示范区签约项目46个", "2023年5月", "2023-05", "during"),
        ("5月1日至5日，景区接待游客31.6万人次", "5月1日至5日", "2024-05-01/2024-05-05", "during"),
        # spans of years, counted from the article's year
        ("近三年，全市引进项目300个", "近三年", "2022/2024", "during"),
        ("三年来，示范区引进项目300个", "三年来", "2022/2024", "during"),
        ("近3年来，园区新增企业500家", "近3年来", "2022/2024", "during"),
        ("这两年，他主持推介会百余场", "这两年", "2023/2024", "during"),
        ("过去五年，全市生产总值年均增长6%", "过去五年", "2019/2023", "during"),
        ("今后三年，全市将新建创新平台200个", "今后三年", "2024/2026", "during"),
        ("“十四五”以来，口岸投入建设资金80亿元", "“十四五”以来", "2021-01/2024-05", "during"),
        ("十四五期间，全市新增学位10万个", "十四五期间", "2021/2025", "during"),
        (
            "自2019年获批建设以来，已举办4届博览会",
            "自2019年获批建设以来",
            "2019-01/2024-05",
            "during",
        ),
        ("2020年以来，全市新增企业5万家", "2020年以来", "2020-01/2024-05", "during"),
        ("3月以来，全市出口持续回升", "3月以来", "2024-03/2024-05", "during"),
        # stocks and running totals
        ("截至5月底，全市存款余额2万亿元", "截至5月底", "2024-05", "as_of"),
        ("截至5月末，全市贷款余额1.8万亿元", "截至5月末", "2024-05", "as_of"),
        ("5月末，全市贷款余额1.8万亿元", "5月末", "2024-05", "as_of"),
        ("截至2021年底，全市共有高新技术企业6000家", "截至2021年底", "2021-12", "as_of"),
        ("截至今年2月底，示范区集聚企业3000余家", "截至今年2月底", "2024-02", "as_of"),
        ("截至去年底，全市共有医疗卫生机构9286个", "截至去年底", "2023-12", "as_of"),
        ("去年末，全市贷款余额1.6万亿元", "去年末", "2023-12", "as_of"),
        ("今年初，全市贷款余额1.6万亿元", "今年初", "2024-01", "as_of"),
        ("园区将在年底前再引进冷链企业20家", "年底", "2024-05/2024-12", "during"),
        ("年初以来，全市新增贷款2000亿元", "年初以来", "2024-01/2024-05", "during"),
        ("截至2024年3月31日，全市存款2万亿元", "截至2024年3月31日", "2024-03-31", "as_of"),
        ("截至一季度末，全市贷款余额1.7万亿元", "截至一季度末", "2024-03", "as_of"),
        ("二季度末，全市贷款余额1.9万亿元", "二季度末", "2023-06", "as_of"),
        ("到2025年底，PM2.5浓度控制在24微克/立方米以内", "到2025年底", "2025-12", "as_of"),
        ("目前，全市共有银行业金融机构68家", "目前", "2024-05", "as_of"),
        ("截至目前，园区入驻企业136家", "截至目前", "2024-05", "as_of"),
        ("现已建成岸电泊位86个", "现已", "2024-05", "as_of"),
        ("园区现有入驻企业136家", "现有", "2024-05", "as_of"),
        ("已累计开行中欧班列近3000列", "已累计", "2024-05", "as_of"),
    ],
)
def test_each_form_of_period_phrase_resolves(text, phrase, period, kind):
    found = phrases(text)
    assert (phrase, period, kind) in found, found
    PERIOD.validate_python(period)


@pytest.mark.parametrize(
    ("text", "today", "period"),
    [
        # a bare month is the latest one not after the article's month: never in the future
        ("5月，全市进出口增长5%", dt.date(2024, 5, 20), "2024-05"),
        ("6月，全市进出口增长5%", dt.date(2024, 5, 20), "2023-06"),
        ("12月，全市进出口增长5%", dt.date(2025, 1, 9), "2024-12"),
        ("截至11月底，全市存款2万亿元", dt.date(2025, 2, 1), "2024-11"),
        # a range of months ends by the article's month
        ("1—10月，全市进出口增长5%", dt.date(2024, 11, 5), "2024-01/2024-10"),
        ("1—10月，全市进出口增长5%", dt.date(2025, 2, 5), "2024-01/2024-10"),
        ("前11个月，全市进出口增长5%", dt.date(2025, 1, 5), "2024-01/2024-11"),
        # …unless the clause looks ahead: then the next one
        ("论坛将于6月10日至12日举办", dt.date(2024, 5, 20), "2024-06-10/2024-06-12"),
        ("机场计划于10月前完成改造", dt.date(2024, 4, 1), "2024-10"),
        ("下半年，我市将新开工项目120个", dt.date(2024, 3, 1), "2024-07/2024-12"),
        ("下半年，全市出口增长4%", dt.date(2024, 3, 1), "2023-07/2023-12"),
        # 过去一年 early in the year is last year, later the twelve months before
        ("过去一年，全市淘汰燃煤锅炉136台", dt.date(2025, 1, 9), "2024"),
        ("过去一年，全市淘汰燃煤锅炉136台", dt.date(2024, 8, 9), "2023-08/2024-07"),
    ],
)
def test_a_relative_period_is_read_against_the_articles_date(text, today, period):
    assert any(p == period for _, p, _ in phrases(text, today)), phrases(text, today)


def test_a_year_stated_is_never_overridden():
    text = "2022年，上合示范区对外贸易额达360亿元，增长38.3%。"
    assert periods(text, dt.date(2023, 5, 26)) == {
        "360亿元": ("2022", "during"),
        "增长38.3%": ("2022", "during"),
    }


@pytest.mark.parametrize(
    ("text", "phrase", "period"),
    [
        ("前4个月，进出口总值1986亿元，比去年同期增长6.2%", "去年同期", "2023-01/2023-04"),
        ("上半年，新增企业1.9万户，较上年同期增长5%", "上年同期", "2023-01/2023-06"),
        ("5月1日至5日，旅游收入较2019年同期增长两成", "2019年同期", "2019-05-01/2019-05-05"),
        ("一季度，利率较同期下降0.3个百分点", "同期", "2023-01/2023-03"),
        ("茶园面积比去年增加2000亩", "去年", "2023"),
        ("排名较上年前移6个位次", "上年", "2023"),
        ("高价值发明专利拥有量是2020年的2.4倍", "2020年", "2020"),
        ("企业数量较2020年增长近6倍", "2020年", "2020"),
        ("与2019年相比，通关时间下降四成", "2019年", "2019"),
        ("研究生学历教师占比比五年前提高了7个百分点", "五年前", "2019"),
        ("注册企业较年初净增310家", "年初", "2024-01"),
        ("贷款户数比去年末增加2.1万户", "去年末", "2023-12"),
    ],
)
def test_a_comparison_base_says_nothing_about_the_figures_period(text, phrase, period):
    assert (phrase, period, None) in phrases(text), phrases(text)
    assert all(kind is not None for _, kind in periods(text).values())
    assert all(p != period for p, _ in periods(text).values())


def test_a_comparison_base_governs_no_figure():
    got = periods("前4个月，全市进出口1986亿元，比去年同期增长6.2%，高于全国0.7个百分点")
    assert set(got.values()) == {("2024-01/2024-04", "during")}


@pytest.mark.parametrize(
    ("text", "today", "year"),
    [
        ("2024年，全市优良天数327天。全年重污染天数为0天。", dt.date(2025, 1, 9), "2024"),
        ("截至去年底，全市医疗机构9286个。全年总诊疗人次7450万。", dt.date(2025, 9, 12), "2024"),
        ("今年以来，港区签约项目41个。全年计划签约60个。", dt.date(2024, 10, 20), "2024"),
        # a single month is an event's date, not the year the statistics are about
        (
            "2022年，口岸货运量3516万吨。2023年3月，开发区签署协议。全年外贸812亿元。",
            dt.date(2023, 1, 15),
            "2022",
        ),
        # nothing before it: the article's year, or last year in January and February
        ("全年新增市场主体10万户以上", dt.date(2024, 7, 8), "2024"),
        ("全年口岸外贸进出口812亿元", dt.date(2023, 1, 15), "2022"),
        ("全年力争新增市场主体10万户以上", dt.date(2024, 1, 8), "2024"),
    ],
)
def test_the_whole_year_is_the_year_of_the_phrase_before_it(text, today, year):
    assert ("全年", year, "during") in phrases(text, today), phrases(text, today)


def test_the_same_year_is_the_last_year_named():
    assert ("同年10月", "2022-10", "during") in phrases("2022年6月完成调整，同年10月再次升级")


@pytest.mark.parametrize(
    ("text", "period", "kind"),
    [
        # right after a period phrase: the total over it
        ("今年1至7月，园区累计处理进口冻品46.8万吨", "2024-01/2024-07", "during"),
        ("截至9月底，港区累计注册企业达2600多家", "2023-09", "as_of"),
        # after a figure of the period: the running total at its end
        ("2023年新增“小巨人”企业31家，累计达到211家", "2023-12", "as_of"),
        # alone: as of the article's month, the start unknown
        ("近年来，示范区累计开行班列2600余列", "2024-05", "as_of"),
    ],
)
def test_a_running_total_is_read_with_the_phrase_before_it(text, period, kind):
    found = phrases(text)
    assert next((p, k) for t, p, k in found if t.endswith("累计")) == (period, kind), found


def test_no_phrase_is_read_in_a_title():
    text = "按照《青岛市空气质量持续改善行动方案（2024—2025年）》，到2025年底，浓度要下降"
    assert [t for t, _, _ in phrases(text)] == ["到2025年底"]


def test_real_durations_and_days_are_no_period_phrases():
    text = "项目历时3年建成，用时2个月完成调试，通关时间压缩至1.5小时。8月5日，园区投入运营。"
    assert phrases(text) == []


# --- a period phrase is never a metric ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fact", "kind"),
    [
        ("前4个月，全市外贸进出口2100亿元", "4个月", "duration"),
        ("今年前十个月，全市新设企业1.2万户", "十个月", "duration"),
        ("1—10月，全市跨境电商进出口额128.6亿元", "1—10月", "date_range"),
        ("1-10月份，全市进出口增长5%", "1-10月份", "date_range"),
        ("近三年，全市引进项目300个", "近三年", "duration"),
        ("三年来，示范区引进项目300个", "三年来", "duration"),
        ("过去五年，全市生产总值年均增长6%", "五年", "duration"),
        ("截至5月底，全市存款余额2万亿元", "5月底", "date"),
        ("2022年，示范区对外贸易额达360亿元", "2022年", "date"),
    ],
)
def test_a_fact_inside_a_period_phrase_is_a_period_phrase(text, fact, kind):
    facts = extract(text, MAY)
    found = period_phrases(text, MAY)
    inside = [f for f in facts if is_period_phrase(f, found)]
    assert [(f.text, f.kind) for f in inside] == [(fact, kind)]


def test_the_positions_of_period_phrase_facts_are_what_frames_skip():
    text = "前4个月，全市外贸进出口2100亿元。近三年，园区历时3年建成厂房。"
    facts = extract(text, MAY)
    skip = period_phrase_facts(facts, period_phrases(text, MAY))
    assert sorted(facts[n].text for n in skip) == ["4个月", "近三年"]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("新港区历时3年建成", "3年"),
        ("平台用时2个月建成", "2个月"),
        ("企业通关时间压缩至1.5小时", "1.5小时"),
        ("全区连续3年位列全市第一", "3年"),
        ("为期24天的啤酒节闭幕", "24天"),
    ],
)
def test_a_real_duration_is_no_period_phrase(text, fact):
    facts = extract(text, MAY)
    found = period_phrases(text, MAY)
    duration = next(f for f in facts if f.text == fact)
    assert not is_period_phrase(duration, found)


# --- which phrase governs a figure --------------------------------------------------------------


def test_the_issues_list_sentence_is_all_january_to_october():
    text = "1—10月，全市跨境电商进出口额128.6亿元，增长21.4%；其中出口和进口分别增长25.1%和9.8%。"
    got = periods(text, dt.date(2024, 11, 20))
    assert set(got) == {"128.6亿元", "增长21.4%", "增长25.1%", "9.8%"}
    assert set(got.values()) == {("2024-01/2024-10", "during")}


def test_a_later_phrase_in_the_sentence_governs_the_figures_after_it():
    got = periods("4月份，全市出口增长12%，1—4月进出口2100亿元，比去年同期增长6%")
    assert got == {
        "增长12%": ("2024-04", "during"),
        "2100亿元": ("2024-01/2024-04", "during"),
        "增长6%": ("2024-01/2024-04", "during"),
    }


def test_a_sentence_without_a_phrase_takes_the_one_before_it_in_its_paragraph():
    text = "今年1—4月，全市进出口2100亿元。出口1200亿元，增长9.8%；进口900亿元，增长1.4%。"
    got = periods(text)
    assert set(got.values()) == {("2024-01/2024-04", "during")}, got


def test_statistics_go_on_across_a_paragraph_when_the_sentence_says_so():
    text = (
        "今年1—4月，全市进出口2100亿元，增长6%。\n\n"
        "从贸易方式看，一般贸易进出口1300亿元。\n\n"
        "其中，对东盟进出口近700亿元。"
    )
    got = periods(text)
    assert got["1300亿元"] == got["近700亿元"] == ("2024-01/2024-04", "during")


def test_a_sentence_that_turns_elsewhere_does_not_take_the_period():
    text = (
        "张华：今年我们计划投入8亿元，到2027年清洁能源占比力争提高到60%。"
        "另外，我们和6家港口企业签署了合作协议。"
    )
    got = periods(text, dt.date(2025, 6, 10))
    assert got["8亿元"] == ("2025", "during")
    assert got["60%"] == ("2027", "as_of")
    assert got["6家"] == ("2025-06", "during")


def test_a_sentence_of_the_present_is_as_of_the_articles_month():
    text = "2023年度，园区考核得分95.6分。园区规划面积66.8平方公里，已建成厂房120栋。"
    got = periods(text)
    assert got["95.6分"] == ("2023", "during")
    assert got["66.8平方公里"] == got["120栋"] == ("2024-05", "as_of")


def test_without_any_phrase_a_figure_is_of_the_articles_month():
    got = periods("本届啤酒节接待游客640.5万人次。园区已开通冷链班列，每周开行3列。")
    assert got["640.5万人次"] == ("2024-05", "during")
    assert got["3列"] == ("2024-05", "as_of")  # 已开通: a stock


def test_the_lead_period_carries_to_the_next_paragraphs():
    text = (
        "港区前三季度外贸突破500亿元\n\n"
        "今年前三季度，港区完成外贸进出口额512.3亿元，同比增长9.8%。"
        "截至9月底，港区累计注册企业达2600多家。\n\n"
        "港区集装箱吞吐量完成86万标准箱，同比下降1.5%。\n\n"
        "港区计划新建产业集群3个。现有从业人员约1.8万人。"
    )
    got = periods(text, dt.date(2024, 10, 20))
    assert got["86万标准箱"] == got["同比下降1.5%"] == ("2024-01/2024-09", "during")
    assert got["2600多家"] == ("2024-09", "as_of")
    assert got["3个"] == ("2024-10", "during")  # a plan: not the lead's statistics
    assert got["约1.8万人"] == ("2024-10", "as_of")


def test_a_headline_without_a_period_reports_the_leads_figures():
    text = (
        "青岛高新技术企业突破8000家\n\n"
        "本报讯 2月25日，全市科技创新大会召开。2024年全市高新技术企业数量达到8126家。"
    )
    assert periods(text, dt.date(2025, 2, 25))["突破8000家"] == ("2024", "during")
    text = "园区二期投用 年吞吐能力提升至300万吨\n\n8月5日，园区二期项目正式投入运营。"
    assert periods(text, dt.date(2025, 8, 6))["300万吨"] == ("2025-08", "during")  # no lead


def test_a_stock_after_a_flow_is_as_of_the_end_of_the_period():
    text = (
        "上半年全区新增市场主体5.2万户，同比增长11.3%，总量达到68.7万户。"
        "其中，新增企业1.9万户，占新增总量的36.5%。"
    )
    got = periods(text, dt.date(2024, 7, 8))
    assert got["5.2万户"] == got["同比增长11.3%"] == ("2024-01/2024-06", "during")
    assert got["68.7万户"] == ("2024-06", "as_of")
    assert got["1.9万户"] == got["36.5%"] == ("2024-01/2024-06", "during")


def test_a_stock_of_a_period_not_yet_over_is_as_of_the_article():
    got = periods("今年，全市中小学专任教师总数达到9.6万人", dt.date(2025, 9, 1))
    assert got["9.6万人"] == ("2025-09", "as_of")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("全市公路里程由2021年的12.1万公里增加到2023年的14.6万公里", "2021", "2023"),
        ("2021—2023年，全市公路里程由12.1万公里增加到14.6万公里", "2021", "2023"),
        ("近三年，全市公路里程从12.1万公里提高至14.6万公里", "2022", "2024"),
        # the start year stated, the end the sentence's year or the article's
        ("2023年，全市公路里程由2021年的12.1万公里增加到14.6万公里", "2021", "2023"),
        ("全市公路里程由2021年的12.1万公里增加到14.6万公里", "2021", "2024"),
    ],
)
def test_a_start_and_an_end_level_take_the_start_and_the_end(text, start, end):
    got = periods(text)
    assert got["12.1万公里"][0] == start
    assert got["14.6万公里"][0] == end


def test_two_levels_of_one_period_keep_it():
    got = periods("2023年，园区年吞吐能力由180万吨提升至300万吨")
    assert got["180万吨"] == got["300万吨"] == ("2023", "during")


# --- the test articles and the seed -------------------------------------------------------------


def test_every_figure_of_the_customs_report_is_january_to_july():
    text, today = article("customs-h-2024-jul")
    facts = extract(text, today)
    found = period_phrases(text, today)
    since = text.index("今年以来")  # the last paragraph: measures taken this year
    figures = [
        (fact, period)
        for fact, period in zip(facts, periods_of(facts, text, today), strict=True)
        if fact.kind != "date" and not is_period_phrase(fact, found)
    ]
    before = [period for fact, period in figures if fact.start < since]
    after = [period for fact, period in figures if fact.start > since]
    assert len(before) == 22 and set(before) == {("2024-01/2024-07", "during")}
    assert set(after) == {("2024-01/2024-08", "during")}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "bonded-c-2024-q3",
            {
                "512.3亿元": ("2024-01/2024-09", "during"),
                "2600多家": ("2024-09", "as_of"),
                "86万标准箱": ("2024-01/2024-09", "during"),
                "近95亿元": ("2024-01/2024-10", "during"),
                "约1.8万人": ("2024-10", "as_of"),
            },
        ),
        (
            "finance-t-2025-oct",
            {
                "突破3万亿元": ("2025-09", "as_of"),
                "30156亿元": ("2025-09", "as_of"),
                "3460亿元": ("2025-09", "as_of"),
                "3.42%": ("2025-09", "during"),
                "2875亿元": ("2025-01/2025-09", "during"),
                "68家": ("2025-10", "as_of"),
            },
        ),
        (
            "air-n-2025-jan",
            {
                "327天": ("2024", "during"),
                "第19名": ("2024", "during"),
                "0天": ("2024", "during"),
                "136台": ("2024", "during"),
                "突破40万辆": ("2024-12", "as_of"),
            },
        ),
        (
            "health-k-2025-sep",
            {
                "８１．６岁": ("2024", "during"),
                "提高1.2岁": ("2024", "during"),
                "9286个": ("2024-12", "as_of"),
                "7450万": ("2024", "during"),
                "20处": ("2025", "during"),
            },
        ),
        (
            "port-b-2023",
            {
                "3516万吨": ("2022", "during"),
                "增加约1500列": ("2022", "during"),
                "812亿元": ("2022", "during"),
            },
        ),
        (
            "invest-j-2024-mar",
            {
                "126个": ("2023", "during"),
                "第五": ("2023", "during"),
                "3000余家": ("2024-02", "as_of"),
            },
        ),
        (
            "scenic-f-2024-may",
            {
                "31.6万人次": ("2024-05-01/2024-05-05", "during"),
                "1200余班次": ("2024-05-01/2024-05-05", "during"),
                "不少于5亿元": ("2024", "during"),
            },
        ),
        (
            "zone-a-2024-q1",
            {
                "86.5亿元": ("2024-01/2024-03", "during"),
                "1,260余家": ("2024-04", "as_of"),
                "１８个": ("2024-01/2024-03", "during"),
                "95.6分": ("2023", "during"),
                "1.2万人次": ("2024-05-20/2024-05-22", "during"),
            },
        ),
    ],
)
def test_the_test_articles_figures_are_of_the_periods_they_state(name, expected):
    text, today = article(name)
    got = periods(text, today)
    assert {key: got[key] for key in expected} == expected


def test_the_seeds_ranking_climb_is_one_year_each():
    text = RAW.read_text(encoding="utf-8")
    today = dt.date(2023, 5, 26)
    facts = extract(text, today)
    ranks = [
        period
        for fact, period in zip(facts, periods_of(facts, text, today), strict=True)
        if fact.kind == "rank" and "年度" in fact.sentence
    ]
    assert ranks == [("2020", "during"), ("2021", "during"), ("2022", "during")]
    got = dict(zip([f.text for f in facts], periods_of(facts, text, today), strict=True))
    assert got["360亿元"] == ("2022", "during")
    assert got["144人"] == ("2023-05", "as_of")


def test_every_period_passes_the_schema():
    texts = [(RAW.read_text(encoding="utf-8"), dt.date(2023, 5, 26))]
    texts += [article(path.stem) for path in sorted(ARTICLES.glob("*.txt"))]
    for text, today in texts:
        facts = extract(text, today)
        for phrase in period_phrases(text, today):
            PERIOD.validate_python(phrase.period)
        for period, kind in periods_of(facts, text, today):
            PERIOD.validate_python(period)
            assert kind in ("during", "as_of")


def test_a_period_outside_the_schemas_years_is_no_phrase():
    assert phrases("今后五十年，全市将新增绿地", dt.date(2090, 1, 1)) == []


def test_no_facts_no_periods():
    assert periods_of([], "", MAY) == []
    assert period_phrases("", MAY) == []


def test_a_pair_from_last_years_base_to_this_years_half():
    got = periods(
        "片区实际使用外资由2024年上半年的2.36亿美元增至今年上半年的2.86亿美元。",
        dt.date(2025, 7, 15),
    )
    assert got["2.36亿美元"][0] == "2024-01/2024-06"
    assert got["2.86亿美元"][0] == "2025-01/2025-06"  # 至今年 is no target year here
    got = periods("一季度，国际货邮占比由去年同期的30.6%提高到34.9%。", dt.date(2025, 4, 8))
    assert (got["30.6%"][0], got["34.9%"][0]) == ("2024-01/2024-03", "2025-01/2025-03")


def test_a_year_or_quarter_inside_an_events_name_is_no_period():
    found = phrases(
        "3月2日，2025年济南市“春风行动”大型招聘会在济南国际会展中心举行。", dt.date(2025, 3, 3)
    )
    assert [p[0] for p in found] == []
    found = phrases("一季度重大项目集中开工活动在济南主会场举行。", dt.date(2025, 4, 3))
    assert [p[0] for p in found] == []
    assert [p[0] for p in phrases("一季度，全省进出口增长5%。", dt.date(2025, 4, 3))] == ["一季度"]
