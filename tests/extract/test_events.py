"""Events: dated actions with a short title in the article's words, not every dated sentence."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from reportgen.extract.events import MAX_TITLE, event_facts
from reportgen.extract.facts import extract
from tests.conftest import ROOT, SEED_DIR

ARTICLES = ROOT / "tests" / "extract" / "articles"
GOLD = ROOT / "tests" / "extract" / "gold"
DAY = date(2024, 5, 20)


def events(text: str, day: date = DAY) -> list[tuple]:
    """(date, end_date, basis, status, title) of each event read."""
    return [
        (e.date, e.end_date, e.date_basis, e.status, e.title)
        for e in event_facts(extract(text, day), text, day)
    ]


def test_a_signing_with_its_stated_date_and_its_place_apart_from_the_title():
    text = "2023年5月10日，上合示范区投资说明会暨项目集中签约仪式在上海举行。"
    (event,) = event_facts(extract(text, DAY), text, DAY)
    assert (event.date, event.date_basis, event.status) == ("2023-05-10", "stated", "held")
    assert event.title == "上合示范区投资说明会暨项目集中签约仪式举行"
    assert event.place == "上海"
    assert text[event.start : event.end] == "2023年5月10日"


def test_a_month_with_an_action_is_an_event_in_half_and_full_width():
    assert events("2023年3月，开发区与阿拉山口签署合作协议，双方计划三年内共建5个物流园区。") == [
        ("2023-03", None, "stated", "held", "开发区与阿拉山口签署合作协议")
    ]
    assert events("示范区管委会于２０２２年６月完成内设机构重新调整.") == [
        ("2022-06", None, "stated", "held", "示范区管委会完成内设机构重新调整")
    ]


def test_a_date_without_its_year_is_the_latest_such_not_after_the_article():
    assert events("3月18日，青岛至阿拉木图国际货运航线正式开通。") == [
        ("2024-03-18", None, "relative", "held", "青岛至阿拉木图国际货运航线开通")
    ]
    assert events("8月5日,胶州冷链物流园二期项目正式投入运营。") == [
        ("2023-08-05", None, "relative", "held", "胶州冷链物流园二期项目投入运营")
    ]


def test_a_planned_event_is_the_earliest_such_date_not_before_the_article():
    text = "“2024中德企业合作论坛”将于5月20日至22日在园区举办，预计吸引1.2万人次参会。"
    assert events(text) == [
        ("2024-05-20", "2024-05-22", "relative", "planned", "“2024中德企业合作论坛”举办")
    ]
    assert events("机场计划3月开通至塔什干的客运航线。") == [
        ("2025-03", None, "relative", "planned", "机场开通至塔什干的客运航线")
    ]


def test_planned_words_before_the_date_make_the_next_clause_a_planned_event():
    assert events("预计6月底，项目将竣工投产。") == [
        ("2024-06", None, "relative", "planned", "项目竣工投产")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "6月1日，上合示范区跨境电商服务中心揭牌。",
            ("2023-06-01", "上合示范区跨境电商服务中心揭牌"),
        ),
        ("今年3月，青岛至莫斯科航线正式首航。", ("2024-03", "青岛至莫斯科航线首航")),
        ("去年12月，园区获批国家级跨境电商综试区。", ("2023-12", "园区获批国家级跨境电商综试区")),
        (
            "青岛于5月16日至18日举办第三届跨国公司领导人青岛峰会。",
            ("2024-05-16", "青岛举办第三届跨国公司领导人青岛峰会"),
        ),
    ],
)
def test_actions_of_many_kinds(text, expected):
    assert [(e[0], e[4]) for e in events(text)] == [expected]


def test_a_dateline_dates_the_clause_that_says_today():
    text = (
        "本报9月18日讯（记者林可）为期4天的2025中国—上海合作组织博览会今天在青岛国际会展中心开幕。"
    )
    day = date(2025, 9, 18)
    assert events(text, day) == [
        ("2025-09-18", None, "relative", "held", "2025中国—上海合作组织博览会开幕")
    ]
    text = "本报4月20日讯（记者邵亮）今天上午7时30分，2025青岛马拉松在五四广场鸣枪起跑。"
    assert events(text, date(2025, 4, 20))[0][0::4] == ("2025-04-20", "2025青岛马拉松鸣枪起跑")
    assert events("本报8月6日讯（记者魏然）近日，某园区二期项目开工。", date(2025, 8, 6)) == []


def test_today_without_a_dateline_is_the_articles_day():
    assert events("今天，青岛首条跨境电商专线开通。") == [
        ("2024-05-20", None, "relative", "held", "青岛首条跨境电商专线开通")
    ]


def test_the_event_may_be_in_the_clause_after_the_date_past_an_aside():
    text = "2022年6月调整机构。同年10月，经上级机构编制部门批准，管委内设机构增设区域联动部。"
    assert events(text)[-1] == ("2022-10", None, "relative", "held", "管委内设机构增设区域联动部")
    text = (
        "本报讯(记者陈静)9月12日,市卫生健康委召开新闻发布会,"
        "发布《2024年青岛市卫生健康事业发展统计公报》。"
    )
    assert events(text, date(2025, 9, 12)) == [
        ("2025-09-12", None, "relative", "held", "市卫生健康委召开新闻发布会")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "8月20日，记者从青岛海关获悉，今年前7个月青岛市进出口增长6.2%。",  # reported
        "青岛西海岸新区市场监管局7月8日发布数据显示，全区新增市场主体5.2万户。",  # reported
        "青岛胶东国际机场3月31日发布，一季度保障航班起降3.6万架次。",  # reported
        "1—10月，全市跨境电商进出口额128.6亿元，增长21.4%。",  # a period of statistics
        "5月1日至5日，景区累计接待游客31.6万人次。",  # no action
        "截至5月底，示范区已集聚企业3000余家。",  # a stock's deadline
        "港区计划到2025年建成3个千亿级产业集群。",  # a target
        "机场计划于今年10月前完成T1航站楼改造。",  # a deadline
        "自去年3月起，他到示范区管委会挂职。",  # a start
        "2024年，青岛新开通国际航线12条。",  # a quantity
        "市卫健委发布《2024年青岛市卫生健康事业发展统计公报》。",  # a title's year
        "7月27日当天，主会场单日入园人数突破30万人次，创历史新高。",  # no action
    ],
)
def test_a_date_that_is_no_events(text):
    assert events(text) == []


def test_a_date_inside_a_name_does_not_date_its_clause():
    text = (
        "本报3月26日讯（记者赵雪）今天上午，"
        "示范区2024年一季度重点项目集中签约仪式举行，32个项目集中签约。"
    )
    assert events(text, date(2024, 3, 26)) == [
        ("2024-03-26", None, "relative", "held", "示范区2024年一季度重点项目集中签约仪式举行")
    ]


def test_a_long_clause_keeps_its_subject_and_verb_within_the_limit():
    text = (
        "在5月17日举行的乌兹别克斯坦-中国商务论坛上，上合示范区管委会、青岛国际机场集团、"
        "青岛航空股份有限公司与乌兹别克斯坦马拉坎达航空公司共同签署战略合作协议。"
    )
    assert events(text) == [("2024-05-17", None, "relative", "held", "乌兹别克斯坦-中国商务论坛")]
    text = (
        "2024年4月，青岛市人民政府与中国—上海合作组织地方经贸合作示范区管理委员会及十余家"
        "金融机构联合签署了关于共同推进跨境人民币结算便利化的合作备忘录。"
    )
    ((_, _, _, _, title),) = events(text)  # 十余家 is who signed, not a tally: an event
    assert title == "青岛市人民政府签署了关于共同推进跨境人民币结算便利化的合作备忘录"
    assert len(title) <= MAX_TITLE


def test_the_seed_pages_events():
    text = (SEED_DIR / "raw" / "000_8bdebe869efda307.txt").read_text(encoding="utf-8")
    assert events(text, date(2023, 5, 20)) == [
        ("2022-06", None, "stated", "held", "示范区管委会完成内设机构重新调整"),
        ("2022-10", None, "relative", "held", "管委内设机构增设区域联动部"),
        ("2023-05-17", None, "relative", "held", "乌兹别克斯坦-中国商务论坛"),
        ("2023-05-15", "2023-05-19", "relative", "held", "上合示范区考察团赴新疆考察、推介"),
        ("2023-05-10", None, "stated", "held", "上合示范区投资说明会暨项目集中签约仪式举行"),
    ]


ARTICLE_EVENTS = {
    "beerfest-i-2024-aug": [("2024-08-18", "第34届青岛国际啤酒节闭幕")],
    "coldchain-u-2025-aug": [("2025-08-05", "胶州冷链物流园二期项目投入运营")],
    "expo-s-2025-sep": [
        ("2025-09-18", "2025中国—上海合作组织博览会开幕"),
        ("2019", "上合示范区获批建设"),
    ],
    "port-b-2023": [("2023-03", "开发区与阿拉山口签署合作协议")],
    "tea-l-2025-may": [("2025-05-18", "第六届茶文化节举行")],
    "tech-o-2025-feb": [("2025-02-25", "全市科技创新大会召开")],
    "customs-h-2024-jul": [],
    "finance-t-2025-oct": [],
    "newarea-d-2024-h1": [],
    "air-n-2025-jan": [],
}


@pytest.mark.parametrize("name", sorted(ARTICLE_EVENTS))
def test_the_test_articles_events(name):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    day = date.fromisoformat(str(yaml.safe_load((GOLD / f"{name}.yaml").read_text())["date"]))
    found = [(e.date, e.title) for e in event_facts(extract(text, day), text, day)]
    assert found == ARTICLE_EVENTS[name]


def _in_order(title: str, sentence: str) -> bool:
    """Whether every character of ``title`` stands in ``sentence``, in order."""
    rest = iter(sentence)
    return all(ch in rest for ch in title)


def test_every_title_is_short_extractive_and_holds_no_cut_figure():
    seed = SEED_DIR / "raw" / "000_8bdebe869efda307.txt"
    for path in [*sorted(ARTICLES.glob("*.txt")), seed]:
        text = path.read_text(encoding="utf-8")
        for event in event_facts(extract(text, DAY), text, DAY):
            assert 0 < len(event.title) <= MAX_TITLE, event
            assert _in_order(event.title, event.sentence), event
            whole = set(re.findall(r"\d+(?:\.\d+)?", event.sentence))
            assert set(re.findall(r"\d+(?:\.\d+)?", event.title)) <= whole, event
