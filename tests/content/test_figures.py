"""The figures sheet's rows: the deck's wording, the change the article pairs, the source."""

from reportgen.content.figures import COLUMNS, figure_rows
from reportgen.data import load_dataset
from tests.conftest import edit


def test_a_level_shows_the_change_it_is_paired_with_in_both_languages(mini):
    edit(
        mini / "metrics.yaml",
        "  - id: trade_growth_2023\n",
        "  - id: trade_growth_2023\n    change_of: trade_2023\n",
    )
    rows = {row["id"]: row for row in figure_rows(load_dataset(mini))}
    trade = rows["trade_2023"]
    assert list(trade) == list(COLUMNS)
    assert (trade["shown_zh"], trade["shown_en"]) == ("100亿元", "CNY 10 bn")
    assert (trade["change_zh"], trade["change_en"]) == ("25%", "25%")
    assert trade["value"] == 10_000_000_000 and trade["unit"] == "CNY"
    assert trade["quote"] == "示范区对外贸易额达100亿元，增长25%"
    assert rows["trains_total"]["shown_zh"] == "近200列"  # the hedge, as the deck shows it
    assert rows["trains_total"]["change_zh"] == ""  # nothing paired


def test_a_derived_figure_says_how_and_carries_its_mark(mini):
    row = {r["id"]: r for r in figure_rows(load_dataset(mini))}["trade_2022_implied"]
    assert row["derived"] is True
    assert row["shown_zh"].endswith("（推算）") and row["how_zh"] and row["how_en"]
