"""Line shapes: bylines, datelines, captions and editor lines are told from text by their shape,
and a body sentence that merely starts like one (记者从…, 通讯设备…, 记者：…?) stays text."""

from __future__ import annotations

import datetime

import pytest

from reportgen.extract.bylines import Credit, ends_sentence, outlet_of, people, read_line


def kinds(line: str, fresh: bool = True) -> list[tuple[str, str]]:
    return [(part.kind, line[part.start : part.end]) for part in read_line(line, fresh)]


def credit(line: str) -> Credit:
    found = [part.credit for part in read_line(line, True) if part.credit is not None]
    assert len(found) == 1, kinds(line)
    return found[0]


@pytest.mark.parametrize(
    ("line", "outlet", "own", "names"),
    [
        ("□青岛日报/观海新闻记者 锡复春", "青岛日报/观海新闻", False, ("锡复春",)),
        ("本报记者 周敏", None, True, ("周敏",)),
        ("记者 张三 李四", None, False, ("张三", "李四")),
        ("记者 王 杰 通讯员 韩 婷", None, False, ("王杰", "韩婷")),  # names spaced to fill
        ("齐鲁晚报·齐鲁壹点记者 张三 李四", "齐鲁晚报·齐鲁壹点", False, ("张三", "李四")),
        ("大众日报首席记者 赵六", "大众日报", False, ("赵六",)),
        ("新华社记者 王某 李某", "新华社", False, ("王某", "李某")),
        ("本报记者 刘洋　通讯员 张敏", None, True, ("刘洋", "张敏")),  # a full-width space
        ("本报记者 张三 李四 报道", None, True, ("张三", "李四")),  # 报道 is no name
    ],
)
def test_a_reporter_line_is_a_byline_that_opens_a_piece(line, outlet, own, names):
    (part,) = read_line(line, True)
    assert part.kind == "byline" and part.opener
    assert (part.credit.outlet, part.credit.own, part.credit.names) == (outlet, own, names)


def test_a_byline_marked_with_a_box_is_strong():
    """□ opens a piece even without a headline above it; a bare 记者 line does not."""
    assert read_line("□青岛日报/观海新闻记者 锡复春", False)[0].strong
    assert not read_line("记者 张三", True)[0].strong


@pytest.mark.parametrize(
    "line",
    [
        "记者:今年以来,港口在绿色低碳方面有哪些新进展?",  # a question of an interview
        "记者从市生态环境局获悉，2024年全市空气质量优良天数达到327天。",
        "首席执行官记者会上表示",  # words before 记者 that name no outlet
        "张华(青岛港集团副总经理):截至5月底,我们已建成岸电泊位86个。",
    ],
)
def test_sentences_about_reporters_stay_text(line):
    assert [kind for kind, _ in kinds(line)] in (["text"],)


@pytest.mark.parametrize(
    ("line", "opener", "kind", "rest"),
    [
        (
            "本报讯（记者 李四）8月20日,记者从青岛海关获悉。",
            "本报讯（记者 李四）",
            "byline",
            "8月20日,记者从青岛海关获悉。",
        ),
        (
            "本报讯(记者 王晓) 4月12日,园区实现增长。",
            "本报讯(记者 王晓)",
            "byline",
            "4月12日,园区实现增长。",
        ),
        (
            "本报讯 记者日前从港区管委会获悉，外贸增长。",
            "本报讯",
            "byline",
            "记者日前从港区管委会获悉，外贸增长。",
        ),
        (
            "霍尔果斯讯 记者从霍尔果斯海关获悉，货运量创新高。",
            "霍尔果斯讯",
            "byline",
            "记者从霍尔果斯海关获悉，货运量创新高。",
        ),
        (
            "本报8月6日讯（记者 魏然 通讯员 丁一）8月5日，项目投运。",
            "本报8月6日讯（记者 魏然 通讯员 丁一）",
            "dateline",
            "8月5日，项目投运。",
        ),
        (
            "新华社青岛11月5日电（记者 王某 李某）记者5日获悉，吞吐量增长。",
            "新华社青岛11月5日电（记者 王某 李某）",
            "dateline",
            "记者5日获悉，吞吐量增长。",
        ),
        (
            "中新网青岛5月18日电 (记者 王禹)18日，记者获悉。",
            "中新网青岛5月18日电 (记者 王禹)",
            "dateline",
            "18日，记者获悉。",
        ),
        ("据新华社电 国家统计局15日发布数据。", "据新华社电", "byline", "国家统计局15日发布数据。"),
        ("本报北京电 记者获悉，数据发布。", "本报北京电", "byline", "记者获悉，数据发布。"),
        ("本报１１月５日讯 港口吞吐量增长。", "本报１１月５日讯", "dateline", "港口吞吐量增长。"),
    ],
)
def test_an_opener_is_split_from_the_body_it_opens(line, opener, kind, rest):
    parts = read_line(line, True)
    assert [(p.kind, line[p.start : p.end]) for p in parts] == [(kind, opener), ("body", rest)]
    assert parts[0].opener and parts[0].strong


def test_what_an_opener_says():
    assert credit("本报8月6日讯（记者 魏然 通讯员 丁一）8月5日，项目投运。") == Credit(
        own=True, names=("魏然", "丁一"), day=(8, 6)
    )
    assert credit("新华社青岛11月5日电（记者 王某）记者获悉。") == Credit(
        outlet="新华社", names=("王某",), day=(11, 5)
    )
    assert credit("中新网青岛5月18日电 (记者 王禹)18日，记者获悉。").outlet == "中国新闻网"
    assert credit("本报１１月５日讯 港口吞吐量增长。").day == (11, 5)
    assert credit("本报讯（新华社记者 王某）记者获悉。").names == ("王某",)
    assert credit("霍尔果斯讯 记者获悉。") == Credit()  # a place names no outlet
    assert credit("新华社北京5月1日电（记者 张三 发自北京）数据发布。").names == ("张三",)


@pytest.mark.parametrize(
    "line",
    [
        "通讯设备制造业增长12%，成为拉动增长的主力。",
        "简讯（一）全市新增企业1.2万家。",
        "供电公司表示，今年电网投资增长5%。",
        "资讯服务业营收增长8%。",
    ],
)
def test_words_ending_in_xun_or_dian_are_no_opener(line):
    assert [kind for kind, _ in kinds(line)] == ["text"]


def test_an_opener_stands_only_where_a_sentence_starts():
    line = "本报讯（记者 李四）今年以来，外贸增长。"
    assert kinds(line, fresh=False) == [("text", line)]
    assert read_line("□本报记者 张三", False)[0].kind == "byline"  # the box needs no start


@pytest.mark.parametrize(
    ("line", "kind", "said"),
    [
        ("来源：青岛市商务局", "byline", Credit(outlet="青岛市商务局")),
        ("来源: 大众网  作者：张三", "byline", Credit(outlet="大众网", names=("张三",))),
        (
            "发布时间：2024-09-20 10:32  来源：青岛市商务局",
            "dateline",
            Credit(outlet="青岛市商务局", date=datetime.date(2024, 9, 20)),
        ),
        ("发布日期：2024年9月20日", "dateline", Credit(date=datetime.date(2024, 9, 20))),
        ("2024-09-20 10:32:05", "dateline", Credit(date=datetime.date(2024, 9, 20))),
        (
            "2024-09-20 10:32 来源：中国新闻网",
            "dateline",
            Credit(outlet="中国新闻网", date=datetime.date(2024, 9, 20)),
        ),
        ("来源：本报", "byline", Credit(own=True)),
    ],
)
def test_web_metadata_lines_say_source_author_and_date(line, kind, said):
    (part,) = read_line(line, True)
    assert (part.kind, part.credit) == (kind, said)
    assert not part.opener  # a source line may stand at the foot of a piece


@pytest.mark.parametrize(
    "line",
    [
        "时间：2024年5月20日 地点：国际会展中心",  # an event's time, not the page's
        "2024年9月20日，全市召开新闻发布会。",
        "来源于市场的需求持续增长。",
    ],
)
def test_dates_and_sources_inside_sentences_stay_text(line):
    assert [kind for kind, _ in kinds(line)] == ["text"]


@pytest.mark.parametrize(
    "line",
    [
        "责任编辑：王五",
        "编辑 张三",
        "责编 王 杰 王 瑜 美编 李晓萌 审读 王忠良 排版 韩 婷",
        "校对：李四",
        "（完）",
        "(完)",
        "简讯",
        "分享到：",
        "【字体：大 中 小】",
        "首页 > 新闻中心 > 工作动态",
        "当前位置：首页 > 政务公开",
    ],
)
def test_editor_lines_end_marks_and_furniture(line):
    assert kinds(line) == [("editor", line)]


def test_a_sentence_about_editing_is_text():
    line = "编辑部召开会议，部署全年报道工作。"
    assert kinds(line) == [("text", line)]


@pytest.mark.parametrize(
    "line",
    [
        "■青岛·上合之珠国际博览中心。",
        "■2023 年",
        "▲游客在栈桥观光。",
        "图为西海岸新区夜景。",
        "上图：胶州湾隧道入口。",
    ],
)
def test_a_caption_opens_with_a_mark_or_with_tu_wei(line):
    (part,) = read_line(line, True)
    assert part.kind == "caption" and not part.photo_credit


def test_tu_wei_inside_a_wrapped_sentence_is_no_caption():
    assert kinds("图为主线，推动产业升级。", fresh=False)[0][0] == "text"


@pytest.mark.parametrize(
    "line",
    [
        "记者 李四 摄",
        "（本报记者 周敏 摄）",
        "(张三 摄)",
        "市民在胶州冷链物流园参观。 记者 李四 摄",
        "图片说明文字。新华社记者 王某 摄",
    ],
)
def test_a_photo_credit_makes_a_caption(line):
    (part,) = read_line(line, True)
    assert part.kind == "caption" and part.photo_credit


def test_a_sentence_ending_in_she_is_no_credit():
    line = "专业团队全程跟踪拍摄"
    assert kinds(line) == [("text", line)]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("据悉，示范区还将举办推介会。（新华社）", Credit(outlet="新华社")),
        ("港口吞吐量保持增长。(据央视新闻)", Credit(outlet="央视新闻")),
        ("港口吞吐量保持增长。（记者 张三）", Credit(names=("张三",))),
        ("（来源：大众日报）", Credit(outlet="大众日报")),
    ],
)
def test_a_credit_after_the_last_sentence_is_split_off(line, said):
    parts = read_line(line, True)
    assert parts[-1].kind == "byline" and parts[-1].credit == said
    assert all(p.kind == "text" for p in parts[:-1])
    assert line[parts[-1].start] in "（("


def test_a_bracket_inside_a_sentence_stays_text():
    for line in (
        "总投资超过260亿元（含二期）",
        "其中出口增长7.1%（同比）。",
        "产值增长（初步核算）",
    ):
        assert [kind for kind, _ in kinds(line)] == ["text"], line


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("文/图 张三", ("张三",)),
        ("文/本报记者 张三 图/李四", ("张三", "李四")),
        ("文｜王五", ("王五",)),
    ],
)
def test_writer_lines(line, names):
    (part,) = read_line(line, True)
    assert part.kind == "byline" and part.credit.names == names


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("本报", (None, True)),
        ("本报青岛", (None, True)),
        ("新华社青岛", ("新华社", False)),
        ("中新网", ("中国新闻网", False)),
        ("据新华社", ("新华社", False)),
        ("青岛日报/观海新闻", ("青岛日报/观海新闻", False)),
        ("齐鲁晚报·齐鲁壹点", ("齐鲁晚报·齐鲁壹点", False)),
        ("胶东商报", ("胶东商报", False)),  # not in the list, but named like an outlet
        ("霍尔果斯", (None, False)),
        ("", (None, False)),
    ],
)
def test_the_outlet_of_a_byline_prefix(prefix, expected):
    assert outlet_of(prefix) == expected


def test_people_drops_roles_and_joins_spaced_names():
    assert people("记者 刘洋 通讯员 张敏") == ("刘洋", "张敏")
    assert people("记者 林可 实习生 吴迪") == ("林可", "吴迪")
    assert people("记者王晓") == ("王晓",)
    assert people("王 杰、李晓萌") == ("王杰", "李晓萌")
    assert people("记者 张三 张三") == ("张三",)


def test_ends_sentence_sees_through_closing_marks():
    assert ends_sentence("“啤酒节已经成为青岛的一张城市名片。”")
    assert ends_sentence("有哪些新进展?")
    assert not ends_sentence("三年迈上三个新台阶")
    assert not ends_sentence("共同打开与中亚五国和")
