"""Placeholder text (`text/placeholders.py`): the prompts reportgen writes, in either
language, and unfinished text, found wherever they stand, each with whose text it is."""

from __future__ import annotations

import pytest

from reportgen import locale
from reportgen.text.placeholders import DATA, TEMPLATE, placeholders


def found(text: str) -> list[str]:
    return [p.text for p in placeholders(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(draft) Foreign trade", ["(draft)"]),
        ("（草稿）对外贸易额", ["（草稿）"]),
        ("来源：（待补充），2025年1月10日", ["（待补充）"]),
        ("Source: (to be written), 10 January 2025", ["(to be written)"]),
        ("• 请在此写下讲解要点。", ["请在此写下讲解要点"]),
        ("• Write the talking points here.", ["Write the talking points here"]),
        ("• 草稿：请删去不需要展示的数据。", ["草稿："]),
        ("• Draft: remove figures not worth showing.", ["Draft:"]),
        ("（请补充要点）", ["（请补充要点）"]),
        ("(add key points)", ["(add key points)"]),
        ("本页数字来自共篇报道。", ["共篇"]),
        ("Figures from  articles by Test Daily", ["  articles"]),
        ("□青岛日报记者 张三", ["□"]),
        ("■上合之珠国际博览中心", ["■"]),
    ],
)
def test_every_prompt_and_leftover_is_found(text, expected):
    assert found(text) == expected


def test_text_a_presenter_may_see_is_no_placeholder():
    for text in (
        "本页数字均来自青岛日报，共3篇报道。",
        "公共项目12个",
        "Figures from 3 articles by Test Daily",
        "共建“一带一路”",
        "Draft data reviewed by the team",  # a word, not the prompt's head
        "The draft law was passed",
    ):
        assert found(text) == [], text


def test_whose_text_it_is_comes_with_each():
    (draft,) = placeholders(locale.get("en").draft("Foreign trade"))
    (prompt,) = placeholders(locale.get("zh").PLAN_TEXTS.talking_points)
    assert draft.fault == DATA and prompt.fault == TEMPLATE
    assert str(draft) == f"placeholder text '(draft)' ({DATA})"


def test_the_prompts_are_the_ones_the_writers_write():
    """Read from the locale the draft and the plan write with, not spelt again here."""
    for lang in locale.LANGS:
        words = locale.get(lang)
        assert found(words.TO_BE_WRITTEN) == [words.TO_BE_WRITTEN]
        assert found(words.PLAN_TEXTS.figures_prompt)
        assert found(words.PLAN_TEXTS.no_points)
