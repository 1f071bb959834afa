"""Where a quote is in its article, whitespace ignored, for highlighting it."""

from reportgen.text.normalize import locate


def test_a_quote_is_found_across_line_breaks_and_spaces():
    text = "前言。\n2022年，对外贸易额达\n360 亿元，增长38.3%。"
    start, end = locate("2022年，对外贸易额达360亿元", text)
    assert text[start:end] == "2022年，对外贸易额达\n360 亿元"


def test_a_quote_not_in_the_text_or_empty_is_not_found():
    assert locate("增长40%", "增长38.3%") is None
    assert locate("  ", "增长38.3%") is None
