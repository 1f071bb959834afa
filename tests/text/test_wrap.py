from reportgen.text.wrap import NO_LINE_START, wrap


def per_char(text: str) -> float:
    return float(len(text))


def test_chinese_breaks_between_characters():
    assert wrap("上合示范区投资说明会", 4, per_char) == ["上合示范", "区投资说", "明会"]


def test_no_line_starts_with_closing_punctuation():
    lines = wrap("签约仪式在上海举行。下一句", 9, per_char)
    assert lines == ["签约仪式在上海举", "行。下一句"]
    for text in [
        "增长38.3%，其中对上合组织国家进出口额达81亿元，同比增长100.3%。",
        "（试行）》《办法》",
    ]:
        for width in range(3, 12):
            for line in wrap(text, width, per_char)[1:]:
                assert line[0] not in NO_LINE_START, (text, width, line)


def test_no_line_ends_with_opening_punctuation():
    for width in range(3, 10):
        for line in wrap("出台《上合示范区管委会全员岗位聘任制管理办法》", width, per_char)[:-1]:
            assert not line.endswith("《"), (width, line)


def test_latin_words_and_numbers_stay_whole():
    assert wrap("Foreign trade CNY 36 bn", 10, per_char) == ["Foreign", "trade CNY", "36 bn"]
    assert wrap("增长38.3%", 4, per_char) == ["增长", "38.3%"]


def test_overlong_token_gets_its_own_line():
    assert wrap("ab 1234567890 cd", 5, per_char) == ["ab", "1234567890", "cd"]


def test_explicit_newlines_are_kept():
    assert wrap("甲\n乙", 10, per_char) == ["甲", "乙"]
