"""Text structure: headlines, kickers, subheads, bylines, datelines, captions and body told
apart; a page of several pieces split into its articles, even when its PDF text lost the order."""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.extract import extract
from reportgen.extract.layout import HeaderError, Layout, read_layout
from tests.conftest import SEED_DIR

ARTICLES = Path(__file__).parent / "articles"
GOLD = Path(__file__).parent / "gold"
RAW = SEED_DIR / "raw" / "000_8bdebe869efda307.txt"


def squeeze(s: str) -> str:
    """Text as a curator's clean copy prints it: no line breaks, spaces, or hyphens that
    break a Latin word at a line's end (Fakhriddi-/nA.)."""
    return re.sub(r"\s+", "", re.sub(r"(?<=[A-Za-z])-\n(?=[A-Za-z])", "", s))


def shown(text: str, layout: Layout) -> list[tuple[str, str]]:
    """The non-body segments with their text: what the layout found around the body."""
    return [(s.kind, text[s.start : s.end]) for s in layout.segments if s.kind != "body"]


def body_text(text: str, layout: Layout, start: int, end: int) -> str:
    return "".join(
        text[s.start : s.end]
        for s in layout.segments
        if s.kind == "body" and start <= s.start and s.end <= end
    )


# --- the test articles --------------------------------------------------------------------

#: Reporters as the articles print them, without 记者/通讯员/实习生.
AUTHORS = {
    "air-n-2025-jan": "孟晨",
    "airport-e-2024-q1": "刘洋",
    "beerfest-i-2024-aug": "刘洋 张敏",
    "bonded-c-2024-q3": None,
    "coldchain-u-2025-aug": "魏然 丁一",
    "customs-h-2024-jul": "王晓",
    "expo-s-2025-sep": "林可 吴迪",
    "finance-t-2025-oct": "曹阳",
    "health-k-2025-sep": "陈静 李华",
    "holiday-w-2025-may": "袁帅",
    "interview-q-2025-jun": None,
    "invest-j-2024-mar": "赵雪",
    "marathon-m-2025-apr": "邵亮",
    "newarea-d-2024-h1": None,
    "policy-p-2025-mar": "韩冬",
    "port-b-2023": None,
    "port-g-2024-oct": "孙琳",
    "renewal-r-2025-jul": "周敏",
    "scenic-f-2024-may": None,
    "school-v-2025-sep": "钱佳",
    "tea-l-2025-may": "徐蕾",
    "tech-o-2025-feb": "宋雨",
    "zone-a-2024-q1": "王晓",
}
#: Articles whose lead opens with a dateline (本报1月9日讯): the piece's date is that day.
DATELINED = {
    "air-n-2025-jan",
    "coldchain-u-2025-aug",
    "expo-s-2025-sep",
    "finance-t-2025-oct",
    "holiday-w-2025-may",
    "invest-j-2024-mar",
    "marathon-m-2025-apr",
    "policy-p-2025-mar",
    "school-v-2025-sep",
    "tea-l-2025-may",
}


def _framed(name: str) -> bool:
    """Articles whose gold says what the article is (title, outlet, author, pieces): those
    are scored by ``reportgen evaluate``, and half of them are kept unseen until measured."""
    return "article" in yaml.safe_load((GOLD / f"{name}.yaml").read_text(encoding="utf-8"))


def test_every_test_article_is_named_here():
    names = {path.stem for path in ARTICLES.glob("*.txt")}
    assert {name for name in names if not _framed(name)} == set(AUTHORS)


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_a_test_article_is_one_piece_headed_by_its_first_line(name):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    published = datetime.date.fromisoformat(
        yaml.safe_load((GOLD / f"{name}.yaml").read_text())["date"]
    )
    layout = read_layout(text, published)
    (piece,) = layout.pieces
    first = text.splitlines()[0]
    obvious = len(first) <= 30 and not re.search(r"[。；？?！]", first)
    assert piece.title == (first if obvious else "")
    assert layout.segments[0].kind == ("headline" if obvious else "body")
    assert piece.author == AUTHORS[name]
    assert piece.outlet is None  # 本报 with no outlet named anywhere
    assert piece.date == (published if name in DATELINED else None)
    assert piece.headings == ()
    assert (piece.start, piece.end) == (0, len(text.rstrip()))
    # the lead is body from its first word after the byline, and so is the last paragraph
    last = text.rstrip().splitlines()[-1]
    assert layout.body(len(text.rstrip()) - 1), last
    lead = next(p for p in text.split("\n\n") if "。" in p)
    assert layout.body(text.index(lead) + len(lead) - 1)
    assert body_text(text, layout, 0, len(text)), "a piece without body"


def test_the_lead_starts_after_its_byline():
    text = (ARTICLES / "beerfest-i-2024-aug.txt").read_text(encoding="utf-8")
    layout = read_layout(text)
    byline = text.index("本报讯")
    lead = text.index("8月18日晚")
    assert shown(text, layout)[:2] == [
        ("headline", "第34届青岛国际啤酒节闭幕 接待游客超640万人次"),
        ("byline", "本报讯（记者 刘洋 通讯员 张敏）"),
    ]
    assert not layout.body(byline) and layout.body(lead)
    assert {byline, lead} <= layout.breaks()


def test_an_interview_has_no_headline_and_its_questions_are_body():
    text = (ARTICLES / "interview-q-2025-jun.txt").read_text(encoding="utf-8")
    layout = read_layout(text)
    assert [s.kind for s in layout.segments] == ["body"] * 6
    assert layout.pieces[0].title == ""


# --- the seed page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, Layout]:
    text = RAW.read_text(encoding="utf-8")
    return text, read_layout(text, datetime.date(2023, 5, 20))


def curated() -> dict[str, dict]:
    entries = yaml.safe_load((SEED_DIR / "articles.yaml").read_text(encoding="utf-8"))["articles"]
    return {entry["id"]: entry for entry in entries}


def test_the_seed_page_splits_into_the_pieces_a_curator_found(seed):
    _, layout = seed
    titles = [squeeze(piece.title) for piece in layout.pieces]
    entries = curated()
    assert titles == [
        squeeze(entries["feature_new_momentum"]["title_zh"]),
        squeeze(entries["aviation_air_silk_road"]["title_zh"]),
        squeeze(entries["xinjiang_dual_hub"]["title_zh"]),
        "",  # the sidebar 三年来…… has no printed title
    ]
    feature, aviation, xinjiang, _ = layout.pieces
    assert feature.kicker == entries["feature_new_momentum"]["kicker_zh"]
    for piece in (feature, aviation, xinjiang):
        assert piece.author == "锡复春"
    for piece in layout.pieces:
        assert piece.outlet == entries["feature_new_momentum"]["outlet_zh"]  # 青岛日报/观海新闻
        assert piece.date is None  # the page has no dateline
    assert xinjiang.title == "上合搭桥鲁疆联动 构建“双枢纽”发展格局"  # letter-spacing dropped


@pytest.mark.parametrize(
    ("index", "article"),
    [
        (0, "feature_new_momentum"),
        (1, "aviation_air_silk_road"),
        (2, "xinjiang_dual_hub"),
        (3, "sidebar_three_years"),
    ],
)
def test_each_seed_piece_holds_the_curators_paragraphs_as_body(seed, index, article):
    """Every paragraph of the curator's clean copy is body of the matching piece, and every
    subhead (## …) is one of its headings."""
    text, layout = seed
    piece = layout.pieces[index]
    body = squeeze(body_text(text, layout, piece.start, piece.end))
    clean = (SEED_DIR / "articles" / f"{article}.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in clean.split("\n\n") if p.strip()]
    subheads = [p[3:] for p in paragraphs if p.startswith("## ")]
    for paragraph in paragraphs:
        if not paragraph.startswith("## "):
            assert squeeze(paragraph) in body, paragraph[:30]
    assert [text[h.start : h.end] for h in piece.headings] == subheads


def test_the_seed_features_subheads_are_the_three_a_reader_sees(seed):
    text, layout = seed
    assert [text[h.start : h.end] for h in layout.pieces[0].headings] == [
        "三年迈上三个新台阶",
        "体制机制改革激活新动能",
        "“上合人”凝聚“上合魂”",
    ]


def test_a_headline_printed_away_from_its_body_is_found_for_it(seed):
    text, layout = seed
    aviation = layout.pieces[1]
    assert aviation.headline is not None
    assert not aviation.start <= aviation.headline.start < aviation.end  # printed further down
    assert (
        text[aviation.headline.start : aviation.headline.end]
        == "中外重点航空项目签约\n共建“空中丝绸之路”"
    )
    assert layout.piece_at(aviation.headline.start) is aviation
    assert layout.piece_at(text.index("乌兹别克斯坦-中国商务论坛")) is aviation
    assert layout.piece_at(text.index("三年来，在青岛市功能区")) is layout.pieces[3]


def test_the_seed_captions_bylines_and_editors_are_not_body(seed):
    text, layout = seed
    found = shown(text, layout)
    assert ("caption", "■青岛·上合之珠国际博览中心。") in found
    assert (
        "caption",
        "■2023 年\n5月10日，上合\n示范区投资说\n明会暨项目集\n中签约仪式在\n上海举行。",
    ) in found
    assert ("editor", "责编 王 杰 王 瑜 美编 李晓萌 审读 王忠良 排版 韩 婷") in found
    assert [kind for kind, seg in found if seg.startswith("□")] == ["byline"] * 3
    assert ("kicker", "打造“一带一路”国际合作新平台") in found  # the page's banner
    assert not layout.body(text.index("■青岛·上合之珠"))


def test_the_pieces_of_a_page_do_not_overlap_and_are_in_text_order(seed):
    _, layout = seed
    spans = [(p.start, p.end) for p in layout.pieces]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_breaks_keep_the_seeds_headlines_and_captions_out_of_sentences(seed):
    text, layout = seed
    breaks = layout.breaks()
    facts = extract(text, datetime.date(2023, 5, 20), breaks=breaks)
    assert facts
    for fact in facts:
        assert not any(fact.sentence_start < b < fact.sentence_end for b in breaks), fact.sentence
    (signing,) = [f for f in facts if f.text.startswith("2023 年")]
    assert signing.sentence == "■2023年5月10日，上合示范区投资说明会暨项目集中签约仪式在上海举行。"
    assert not layout.body(signing.start)


def test_the_seed_with_windows_line_ends_reads_the_same(seed):
    text, layout = seed
    crlf = read_layout(text.replace("\n", "\r\n"), datetime.date(2023, 5, 20))
    assert [p.title for p in crlf.pieces] == [p.title for p in layout.pieces]
    assert [s.kind for s in crlf.segments] == [s.kind for s in layout.segments]


# --- pages, columns and web copies of my own ------------------------------------------------

BRIEFS = """简讯

青岛港新开一条中亚班列线路

本报讯（记者 张三）11月3日，青岛港新开通至阿拉木图的班列线路，每周开行2列。

胶州冷链物流园二期投用

本报讯(记者 李四 通讯员 王五)11月4日,胶州冷链物流园二期项目投入运营,年吞吐能力提升至300万吨.

■市民在胶州冷链物流园参观。 记者 李四 摄

上合示范区举办推介会

□青岛日报/观海新闻记者 赵六

11月5日，上合示范区在上海举办投资推介会，现场签约项目12个。
"""


def test_a_column_of_briefs_is_one_piece_each():
    layout = read_layout(BRIEFS)
    assert [(p.title, p.author) for p in layout.pieces] == [
        ("青岛港新开一条中亚班列线路", "张三"),
        ("胶州冷链物流园二期投用", "李四 王五"),
        ("上合示范区举办推介会", "赵六"),
    ]
    # 本报 is the outlet the page names (the third brief's □青岛日报/观海新闻)
    assert {p.outlet for p in layout.pieces} == {"青岛日报/观海新闻"}
    assert shown(BRIEFS, layout)[0] == ("editor", "简讯")  # a column label, no kicker
    caption = BRIEFS.index("■市民")
    assert layout.piece_at(caption) is layout.pieces[1]
    assert not layout.body(caption)


REVIEW = """砥砺奋进谱新篇

——2024年青岛西海岸新区发展综述

本报记者 周敏

2024年，西海岸新区地区生产总值达到5300亿元，同比增长6.1%。

产业升级步伐加快

全年新增规模以上工业企业120家，工业投资增长15%。

开放水平持续提升

全年外贸进出口2600亿元，增长8%。
进出口总额 2600亿元
同比增长 8%

民生福祉不断增进

新增城镇就业8.5万人。

图为西海岸新区夜景。（本报记者 周敏 摄）
"""


def test_a_long_review_has_a_subtitle_and_three_subheads():
    layout = read_layout(REVIEW)
    (piece,) = layout.pieces
    assert piece.title == "砥砺奋进谱新篇"
    assert piece.subtitle == "——2024年青岛西海岸新区发展综述"
    assert piece.kicker is None and piece.author == "周敏"
    assert [REVIEW[h.start : h.end] for h in piece.headings] == [
        "产业升级步伐加快",
        "开放水平持续提升",
        "民生福祉不断增进",
    ]
    # two label-and-figure lines together are a list, body; the credited photo is a caption
    assert layout.body(REVIEW.index("进出口总额 2600亿元"))
    assert shown(REVIEW, layout)[-1] == ("caption", "图为西海岸新区夜景。（本报记者 周敏 摄）")


def test_a_kicker_stands_above_the_headline():
    text = (
        "聚焦高质量发展——\n\n上合示范区外贸进出口突破600亿元\n\n"
        "文/本报记者 张三 图/李四\n\n前三季度，上合示范区实现外贸进出口612亿元。\n"
    )
    (piece,) = read_layout(text).pieces
    assert (piece.kicker, piece.title, piece.author) == (
        "聚焦高质量发展——",
        "上合示范区外贸进出口突破600亿元",
        "张三 李四",
    )


WEB = """青岛市前三季度外贸进出口增长5.2%
发布时间：2024-09-20 10:32  来源：青岛市商务局
【字体：大 中 小】
前三季度，全市货物贸易进出口总值5200亿元，同比增长5.2%。其中，出口3100亿元，增长7.1%。
一、外贸主体持续壮大
全市有进出口实绩的企业达1.6万家，增加900家。
二、新兴市场拓展加快
对共建“一带一路”国家进出口增长9.3%。
责任编辑：王五
分享到：
"""


def test_a_web_copy_without_blank_lines():
    layout = read_layout(WEB)
    (piece,) = layout.pieces
    assert piece.title == "青岛市前三季度外贸进出口增长5.2%"
    assert piece.outlet == "青岛市商务局" and piece.date == datetime.date(2024, 9, 20)
    assert [WEB[h.start : h.end] for h in piece.headings] == [
        "一、外贸主体持续壮大",
        "二、新兴市场拓展加快",
    ]
    assert [kind for kind, _ in shown(WEB, layout)] == [
        "headline",
        "dateline",
        "editor",
        "heading",
        "heading",
        "editor",  # 责任编辑 and 分享到, one stretch
    ]


def test_a_news_agency_dateline_takes_the_year_of_the_article_date():
    text = (
        "青岛港新开两条航线\n\n"
        "新华社青岛12月30日电（记者 王某）记者30日获悉，青岛港新开航线2条。\n\n（新华社）\n"
    )
    (piece,) = read_layout(text, datetime.date(2025, 1, 2)).pieces
    assert piece.date == datetime.date(2024, 12, 30)  # not in the future of the article
    assert (piece.outlet, piece.author) == ("新华社", "王某")
    (undated,) = read_layout(text).pieces
    assert undated.date is None  # a month and a day without a year to put them in


def test_chinanews_is_named_in_full_and_an_end_mark_is_no_body():
    text = (
        "上合示范区前4个月进出口增长两成\n\n"
        "中新网青岛5月18日电 (记者 王禹)18日，记者获悉，前4个月示范区实现进出口额156亿元。\n\n"
        "(完)\n"
    )
    layout = read_layout(text, datetime.date(2024, 5, 19))
    (piece,) = layout.pieces
    assert (piece.outlet, piece.author, piece.date) == (
        "中国新闻网",
        "王禹",
        datetime.date(2024, 5, 18),
    )
    assert shown(text, layout)[-1] == ("editor", "(完)")


def test_a_trailing_source_names_the_outlet():
    text = "胶州湾隧道车流量增长\n\n今年以来，胶州湾隧道日均车流量达到5.2万辆次。（据大众日报）\n"
    layout = read_layout(text)
    assert layout.pieces[0].outlet == "大众日报"
    assert shown(text, layout)[-1] == ("byline", "（据大众日报）")


HEADER = """title: 胶州湾大桥通车十五年 累计通行超1.2亿辆次
outlet: 青岛日报
date: 2026-07-01
author: 王五
---

胶州湾大桥通车十五年

本报讯（记者 张三）15年来，大桥累计通行车辆超过1.2亿辆次。
"""


def test_the_header_wins_over_what_the_text_says():
    layout = read_layout(HEADER, datetime.date(2026, 7, 2))
    assert layout.header is not None and layout.header.outlet == "青岛日报"
    (piece,) = layout.pieces
    assert piece.title == "胶州湾大桥通车十五年 累计通行超1.2亿辆次"
    assert (piece.outlet, piece.author, piece.date) == (
        "青岛日报",
        "王五",
        datetime.date(2026, 7, 1),
    )
    assert piece.headline is not None
    assert HEADER[piece.headline.start : piece.headline.end] == "胶州湾大桥通车十五年"
    assert layout.segments[0].kind == "header"
    assert HEADER[layout.segments[0].end - 3 : layout.segments[0].end] == "---"
    assert piece.start == HEADER.index("胶州湾大桥通车十五年\n")


def test_the_header_is_the_default_of_the_other_pieces():
    text = "outlet: 青岛日报\ndate: 2026-07-01\n---\n" + BRIEFS.replace(
        "□青岛日报/观海新闻记者 赵六", "本报记者 赵六"
    )
    layout = read_layout(text)
    assert [p.outlet for p in layout.pieces] == ["青岛日报"] * 3
    assert [p.date for p in layout.pieces] == [datetime.date(2026, 7, 1)] * 3


def test_a_malformed_header_raises_from_read_layout():
    with pytest.raises(HeaderError, match=r"^line 2, field 'date': "):
        read_layout("title: 标题\ndate: 2024/5/1\n---\n正文。")


OUT_OF_ORDER = """今年前10个月，青岛港完成集装箱吞吐量
2510万标准箱，同比增长7.6%，增速位居
全国沿海主要港口前列。港口新开集装箱航
线12条，其中“一带一路”航线8条。

青岛港集装箱吞吐量
再创新高

□青岛日报/观海新闻记者 张三

今年以来，胶州湾隧道日均车流量达到5.2
万辆次，同比增长6%，隧道高峰时段通行效
率提升明显。隧道管理方表示，将继续优化
通行组织，车流量有望保持增长。

胶州湾隧道车流量
稳步增长

□青岛日报/观海新闻记者 李四

第34届青岛国际啤酒节吸引游客640万人次，
西海岸新区全区旅游收入增长23.9%，星级
酒店平均入住率达到九成，啤酒销量再创新
高，成为拉动消费的重要力量。
"""


def test_a_page_that_prints_its_headlines_under_their_bodies_is_paired_by_content():
    """Not the seed's order: each head sits below its own body and above the next piece's."""
    layout = read_layout(OUT_OF_ORDER)
    assert [(p.title, p.author) for p in layout.pieces] == [
        ("青岛港集装箱吞吐量 再创新高", "张三"),
        ("胶州湾隧道车流量 稳步增长", "李四"),
        ("", None),  # a body no head matches
    ]
    assert OUT_OF_ORDER[layout.pieces[1].start :].startswith("今年以来，胶州湾隧道")


def test_a_page_in_order_keeps_its_order():
    in_order = """青岛港集装箱吞吐量
再创新高

□青岛日报/观海新闻记者 张三

今年前10个月，青岛港完成集装箱吞吐量
2510万标准箱，同比增长7.6%，增速位居
全国沿海主要港口前列。

胶州湾隧道车流量
稳步增长

□青岛日报/观海新闻记者 李四

今年以来，胶州湾隧道日均车流量达到5.2
万辆次，同比增长6%，隧道高峰时段通行效
率提升明显。
"""
    layout = read_layout(in_order)
    assert [p.title for p in layout.pieces] == [
        "青岛港集装箱吞吐量 再创新高",
        "胶州湾隧道车流量 稳步增长",
    ]
    assert [p.start for p in layout.pieces] == [0, in_order.index("胶州湾隧道车流量")]


def test_a_wrapped_fragment_without_a_period_is_no_subhead():
    """A column break can leave a line without punctuation alone in PDF text: it carries on a
    sentence (the text before it ended none, or the text after it opens with a comma)."""
    text = (
        "同时，推动要素资源加速集聚。示范区着\n"
        "眼于吸引上合组织国家和“一带一路”沿线国\n"
        "家的优质资源要素，搭建了一批具有“国际范”\n"
        "的综合性区域开放平台。其中，上合大道\n"
        "\n"
        "总部经济带规划范围\n"
        "\n"
        "38.85平方公里，按照总体功能定位打造总部\n"
        "经济带，将成为展示上合形象第一窗口、推动\n"
        "全域联动重大载体\n"
        "\n"
        "，成为全国第九大中欧班列到发站点。\n"
    )
    layout = read_layout(text)
    assert [s.kind for s in layout.segments] == ["body"] * 4


def test_a_wrapped_line_is_read_as_the_sentence_it_continues():
    """图为 or 本报讯 at the start of a wrapped line, in mid-sentence, open nothing."""
    text = (
        "本报讯（记者 王晓）今年以来，全市以产业蓝\n"
        "图为引领，推动外贸进出口增长5.2%，其中\n"
        "本报讯息平台上线企业超过1200家，带动出\n"
        "口增长7.1%。\n"
    )
    layout = read_layout(text)
    assert shown(text, layout) == [("byline", "本报讯（记者 王晓）")]
    assert layout.pieces[0].author == "王晓"


# --- odd text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n  \n",
        "一",
        "360亿元\n38.3%\n4700余家\n",
        "\x00\x01\x02",
        "■",
        "本报讯",
        "（完）",
        "——",
        "青岛港吞吐量创新高",
    ],
)
def test_odd_text_gives_one_piece_and_never_raises(text):
    layout = read_layout(text)
    (piece,) = layout.pieces
    assert 0 <= piece.start <= piece.end <= len(text)


def test_figures_alone_are_body_not_a_headline():
    layout = read_layout("360亿元\n38.3%\n4700余家\n")
    assert [s.kind for s in layout.segments] == ["body"]
    assert layout.pieces[0].title == ""


def test_a_headline_alone_is_the_title_of_its_one_piece():
    (piece,) = read_layout("青岛港吞吐量创新高\n").pieces
    assert piece.title == "青岛港吞吐量创新高"


LINES = st.sampled_from(
    [
        "青岛港集装箱吞吐量再创新高",
        "上 合 搭 桥 鲁 疆 联 动",
        "本报讯（记者 张三）今年以来，港口吞吐量增长5%。",
        "本报8月6日讯 记者获悉，项目投运。",
        "□青岛日报/观海新闻记者 锡复春",
        "记者 李四",
        "今年前7个月，全市外贸进出口4986亿元，",
        "同比增长5.2%。其中出口增长7.1%。",
        "■青岛·上合之珠国际博览中心。",
        "图为市民参观。（记者 王五 摄）",
        "责任编辑：王五",
        "来源：青岛市商务局",
        "——副题在此",
        "引题在此——",
        "（新华社）",
        "title: 标题",
        "---",
        "记者:有何打算?",
        "",
        "",
        "   ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=30), st.sampled_from(["\n", "\r\n"]))
def test_any_text_is_covered_by_ordered_segments_and_pieces(lines, newline):
    text = newline.join(lines)
    try:
        layout = read_layout(text, datetime.date(2024, 9, 1))
    except HeaderError:
        assert text.lstrip().startswith(("title", "---"))
        return
    # segments: in order, apart, inside the text, no blank at their edges
    previous_end = 0
    for segment in layout.segments:
        assert previous_end <= segment.start < segment.end <= len(text)
        assert not text[segment.start].isspace() and not text[segment.end - 1].isspace()
        previous_end = segment.end
    # every character that is not blank is in a segment
    covered = set()
    for segment in layout.segments:
        covered.update(range(segment.start, segment.end))
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())
    # pieces: at least one, in order, apart; every piece has body when the text has any
    assert layout.pieces
    spans = [(p.start, p.end) for p in layout.pieces]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    has_body = any(s.kind == "body" for s in layout.segments)
    for piece in layout.pieces:
        inside = [s for s in layout.segments if piece.start <= s.start and s.end <= piece.end]
        assert not has_body or any(s.kind == "body" for s in inside)
    # breaks are the edges of what is not body; body() agrees with the segments
    assert layout.breaks() == {
        e for s in layout.segments if s.kind != "body" for e in (s.start, s.end)
    }
    for segment in layout.segments:
        assert layout.body(segment.start) == (segment.kind == "body")
