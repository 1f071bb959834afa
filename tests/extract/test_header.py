"""The header block: read when it is there, never guessed at, and refused with a one-line reason
(line, field, why) when it is malformed."""

from __future__ import annotations

import datetime

import pytest

from reportgen.extract.header import HeaderError, read_header

ARTICLE = (
    "青岛港前10个月集装箱吞吐量达2500万标准箱\n\n"
    "本报讯（记者 孙琳）今年1至10月，青岛港完成集装箱吞吐量2510万标准箱。\n"
)


def test_a_header_gives_its_values_and_ends_after_its_rule():
    block = (
        "title: 青岛港前10个月集装箱吞吐量达2500万标准箱\n"
        "outlet: 青岛日报\n"
        "date: 2024-11-06\n"
        "url: https://example.org/news/1?id=2\n"
        "author: 孙琳\n"
        "---\n"
    )
    header, span = read_header(block + ARTICLE)
    assert header is not None
    assert header.title == "青岛港前10个月集装箱吞吐量达2500万标准箱"
    assert header.outlet == "青岛日报"
    assert header.date == datetime.date(2024, 11, 6)
    assert header.url == "https://example.org/news/1?id=2"  # a colon in the value stays
    assert header.author == "孙琳"
    assert header.end == len(block)
    assert span == (0, len(block) - 1)  # from the first key to the end of '---'


def test_full_width_colons_any_case_blank_lines_quotes_and_crlf_are_accepted():
    text = (
        "\ufeff\r\nTitle：“五一”假期我市接待游客超500万人次\r\n\r\n"
        'DATE : 2025-05-06\r\noutlet:"大众日报"\r\n----\r\n正文。'
    )
    header, span = read_header(text)
    assert header is not None
    assert header.title == "“五一”假期我市接待游客超500万人次"
    assert header.date == datetime.date(2025, 5, 6)
    assert header.outlet == "大众日报"
    assert header.author is None and header.url is None
    assert text[header.end :] == "正文。"
    assert span is not None and text[span[0] : span[1]].startswith("Title：")
    assert text[span[0] : span[1]].endswith("----")


def test_an_empty_value_is_none():
    header, _ = read_header("title: 标题\nauthor:\n---\n正文。")
    assert header is not None and header.author is None and header.title == "标题"


def test_a_rule_may_open_the_block():
    text = "---\ntitle: 测试\ndate: 2024-05-01\n---\n正文只有一句话。\n"
    header, span = read_header(text)
    assert header is not None and header.title == "测试"
    assert text[header.end :] == "正文只有一句话。\n"
    assert span == (0, text.index("\n正文") - 0)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n \n",
        ARTICLE,
        "注意：这是正文，不是头部。\n---\n",  # a Chinese key is prose
        "Note: the first line of an English article\nand its second line.\n",
        "---\n正文。\n---\n",
        "url\n---\n",
    ],
)
def test_text_without_a_header_has_none(text):
    assert read_header(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "line", "field", "why"),
    [
        ("title: A\nsource: B\n---\n正文。", 2, "source", "unknown key"),
        ("titel: A\noutlet: B\n---\n正文。", 1, "titel", "unknown key"),  # a typo in the first key
        ("title: A\ndate: 2024-02-30\n---\n", 2, "date", "not a day of the calendar"),
        ("date: 2024年5月1日\n---\n", 1, "date", "not a date as YYYY-MM-DD"),
        ("date: 05/01/2024\n---\n", 1, "date", "not a date as YYYY-MM-DD"),
        ("title: A\ntitle: B\n---\n", 2, "title", "given twice"),
        ("title: A\noutlet: B\n本报讯 正文。\n---\n", 3, "---", "must end with a '---' line"),
        ("title: A\noutlet: B\n", 4, "---", "no '---' line"),
        ("title: A", 2, "---", "no '---' line"),
        ("\n\nauthor: 张三\n\nurl: x\n正文第一句。", 6, "---", "must end with a '---'"),
    ],
)
def test_a_malformed_header_names_its_line_and_field(text, line, field, why):
    with pytest.raises(HeaderError) as caught:
        read_header(text)
    error = caught.value
    assert (error.line, error.field) == (line, field)
    assert why in str(error)
    assert str(error).startswith(f"line {line}, field '{field}': ")
    assert "\n" not in str(error)
    assert isinstance(error, ValueError)


def test_a_long_text_is_not_read_past_its_header():
    """The header is read lazily: a huge text after a small header costs nothing more."""
    text = "title: 标题\n---\n" + "正文。\n" * 200_000
    header, _ = read_header(text)
    assert header is not None and header.end == len("title: 标题\n---\n")
