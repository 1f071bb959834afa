"""The placeholder list kept apart from the product's check: each form is found, titles with
a unit in brackets only as titles, and ordinary texts are not counted."""

from __future__ import annotations

import pytest

from reportgen.deckeval.placeholders import placeholder_forms


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("(draft)出口增速", "(draft)"),
        ("本页数字均来自来源：（待补充）", "（待补充）"),
        ("Outlook (to be written)", "(to be written)"),
        ("请在此写下讲解要点。", "请在此"),
        ("Write the talking points here.", "Write the talking points"),
        ("草稿：请删去不需要展示的数据。", "草稿"),
        ("Draft: remove figures not worth showing.", "Draft:"),
        ("全部数据", "全部数据"),
        ("All figures", "All figures"),
        ("数据（元）", "数据（…）"),
        ("General (%)", "General (…)"),
        ("本简报依据共篇报道。", "count missing (共篇)"),
        ("Based on  articles from the outlet.", "count missing (共篇)"),
        ("■ 上合示范区", "raw □/■ marker"),
        ("□三年来", "raw □/■ marker"),
    ],
)
def test_each_form_is_found(text, form):
    assert form in placeholder_forms(text)


@pytest.mark.parametrize("title", ["贸易（%）", "Logistics (个)", "Trade (CNY bn)", "物流（万吨）"])
def test_a_topic_with_its_unit_in_brackets_is_a_generic_title(title):
    assert placeholder_forms(title, title=True) == ["title <topic>（<unit>）"]
    assert placeholder_forms(title) == []  # a bullet may end so; only titles are counted


def test_the_data_s_own_units_make_generic_titles_too():
    assert placeholder_forms("船舶（艘）", title=True) == []
    assert placeholder_forms("船舶（艘）", title=True, units=["艘"]) == ["title <topic>（<unit>）"]


@pytest.mark.parametrize(
    "text",
    [
        "三年迈上三个新台阶",
        "Foreign trade (2022)",
        "胶州 (Jiaozhou)",
        "对外贸易额达360亿元，增长38.3%",
        "本简报依据共3篇报道。",
        "Based on 3 articles.",
        "Key figures at a glance",
    ],
)
def test_ordinary_texts_are_not_counted(text):
    assert placeholder_forms(text, title=True) == []
