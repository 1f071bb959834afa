"""Chinese on an English slide: counted, except a name followed by its pinyin."""

from __future__ import annotations

import pytest

from reportgen.deckeval.untranslated import is_pinyin_of, untranslated, without_quotes


@pytest.mark.parametrize(
    "text",
    [
        "(draft)出口增速",
        "Logistics (个)",
        "胶州 (Qingdao Port)",  # brackets, but not the name's pinyin
        "胶州 (Jiaozhou) 开放",  # a name given right, and Chinese after it
        "Source: 青岛日报, 28 June 2023",
    ],
)
def test_chinese_on_an_english_text_counts(text):
    assert untranslated(text)


@pytest.mark.parametrize(
    "text",
    [
        "Foreign trade",
        "胶州 (Jiaozhou)",
        "胶州（Jiāozhōu） signed two deals",
        "Visit to 上合示范区 (Shanghe Shifanqu)",
        "“quoted” — 21.5%",
    ],
)
def test_english_and_names_with_their_pinyin_do_not(text):
    assert not untranslated(text)


def test_pinyin_ignores_tones_case_spaces_and_u_umlaut():
    assert is_pinyin_of("绿色", "Lüse")
    assert is_pinyin_of("青岛", "QING-DAO")
    assert not is_pinyin_of("青岛", "Tsingtao")
    assert not is_pinyin_of("青岛", "")


def test_quoted_source_sentences_are_taken_out_before_measuring_notes():
    line = "21.5% — “前5个月外贸增长21.5%；” 前5个月外贸"
    assert untranslated(line)
    rest = without_quotes(line, ["前5个月外贸增长21.5%；", "前5个月外贸"])
    assert not untranslated(rest)
    assert untranslated(without_quotes(line + " 待译", ["前5个月外贸增长21.5%；", "前5个月外贸"]))
