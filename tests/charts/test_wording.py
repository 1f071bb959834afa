"""Shared wording of chart descriptions, per language."""

from reportgen.charts import wording
from reportgen.charts.model import ChartData, Point, Series

REPORTED = Point("硕士研究生", 62, "62人")
DERIVED = Point("本科", 77, "77人", derived=True)


def chart(lang):
    return ChartData(
        id="c", kind="bar", lang=lang, title="t", series=(Series("s", (DERIVED, REPORTED)),)
    )


def test_a_derived_value_is_marked_in_each_language():
    assert wording.value_text(REPORTED, "zh") == "62人"
    assert wording.value_text(DERIVED, "zh") == "77人（推算）"
    assert wording.value_text(DERIVED, "en") == "77人 (derived)"


def test_separators_and_colon():
    assert wording.separators("zh") == ("、", "；", "。")
    assert wording.separators("en") == (", ", "; ", ".")
    assert (wording.colon("zh"), wording.colon("en")) == ("：", ": ")


def test_labelled_joins_label_and_value_as_each_language_does():
    assert wording.labelled("本科", DERIVED, "zh") == "本科77人（推算）"
    assert wording.labelled("Bachelor's", DERIVED, "en") == "Bachelor's 77人 (derived)"


def test_listing_and_listed_follow_the_points_in_order():
    assert wording.listing(chart("zh")) == ["本科77人（推算）", "硕士研究生62人"]
    assert wording.listed(chart("zh")) == "本科77人（推算）、硕士研究生62人。"
    assert wording.listed(chart("en")) == "本科 77人 (derived), 硕士研究生 62人."


def test_a_legend_entry_keeps_label_and_value_apart_in_every_language():
    assert wording.legend_entry(REPORTED, "zh") == "硕士研究生 62人"
    assert wording.legend_entry(DERIVED, "zh") == "本科 77人（推算）"
    assert wording.legend_entry(REPORTED, "en", gap="  ") == "硕士研究生  62人"
