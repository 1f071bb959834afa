from reportgen.text.normalize import join_broken_lines, split_sentences, squash


def test_soft_hyphen_between_latin_letters_is_removed():
    assert join_broken_lines("主席Fakhriddi-\nnA。Boboev") == "主席FakhriddinA。Boboev"


def test_hyphen_inside_a_code_is_kept():
    assert squash("构建“5-\n2-1”产业体系") == "构建“5-2-1”产业体系"


def test_squash_removes_spaces_and_breaks_around_digits():
    assert squash("于 2022 年 6 月完成\n内设机\n\n构调整") == "于2022年6月完成内设机构调整"


def test_split_sentences_keeps_closing_quotes_with_their_sentence():
    text = "“惟改革者进，惟改革创新者胜。”示范区紧紧抓住改革。下一句！"
    assert split_sentences(text) == [
        "“惟改革者进，惟改革创新者胜。”",
        "示范区紧紧抓住改革。",
        "下一句！",
    ]


def test_split_sentences_splits_lines_and_keeps_unterminated_tail():
    assert split_sentences("标题\n正文一句。尾巴") == ["标题", "正文一句。", "尾巴"]


def test_every_pdf_line_separator_is_a_line_break_for_splitting_and_matching():
    from reportgen.text.normalize import LINE_BREAKS

    for mark in LINE_BREAKS:  # \f is pdftotext's page break; U+2028 comes from some PDFs
        text = f"示范区一句。第二{mark}句话"
        assert split_sentences(text) == ["示范区一句。", "第二", "句话"], repr(mark)
        assert squash(text) == "示范区一句。第二句话", repr(mark)
        assert join_broken_lines(f"Fakhriddi-{mark}nA") == "FakhriddinA", repr(mark)


def test_spaces_go_next_to_chinese_and_stay_between_english_words():
    from reportgen.text.normalize import drop_spaces_by_cjk

    assert drop_spaces_by_cjk("2022 年 对外 贸易额") == "2022年对外贸易额"
    assert drop_spaces_by_cjk("Foreign  trade， 2022") == "Foreign  trade，2022"
    assert drop_spaces_by_cjk("“上合” 示范区") == "“上合”示范区"
