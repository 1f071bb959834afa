"""English from the same data: texts a draft writes only in Chinese are translated on reading,
and what the glossary could not translate is listed (a person's own English never is)."""

from __future__ import annotations

import re

from reportgen.data import load_dataset
from reportgen.data.translation import described, untranslated
from tests.conftest import edit

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_a_label_written_only_in_chinese_reads_in_english(mini):
    edit(mini / "metrics.yaml", "    label_en: Foreign trade growth\n", "")
    dataset = load_dataset(mini)
    metric = next(m for m in dataset.metrics if m.id == "trade_growth_2023")
    assert metric.label["zh"] == "对外贸易额增速"
    assert metric.label["en"].lower().startswith("foreign trade")
    assert "growth" in metric.label["en"].lower() and not HAN.search(metric.label["en"])


def test_a_persons_own_translation_is_kept_and_never_listed(mini):
    dataset = load_dataset(mini)
    assert next(m for m in dataset.metrics if m.id == "trains_total").label["en"] == (
        "Freight trains run, cumulative"
    )
    assert untranslated(dataset) == {}


def test_what_the_glossary_lacks_is_given_in_pinyin_and_listed(mini):
    edit(mini / "metrics.yaml", "    label_en: Foreign trade growth\n", "")
    edit(
        mini / "metrics.yaml",
        "    label_zh: 对外贸易额增速\n",
        "    label_zh: 鑫瑞澜对外贸易额增速\n",
    )
    dataset = load_dataset(mini)
    label = next(m for m in dataset.metrics if m.id == "trade_growth_2023").label["en"]
    assert not HAN.search(label)
    found = untranslated(dataset)
    assert list(found) == ["trade_growth_2023"]
    [terms] = found.values()
    assert any("鑫" in t for t in terms)
    assert "(" in described(terms) and described(terms).endswith(")")


def test_people_are_written_in_pinyin_without_being_listed(mini):
    edit(
        mini / "articles.yaml",
        "    outlet_en: Test Daily\n",
        "    outlet_en: Test Daily\n    reporter_zh: 王五\n",
    )
    dataset = load_dataset(mini)
    assert dataset.articles[0].reporter["en"] == "Wang Wu"
    assert untranslated(dataset) == {}
