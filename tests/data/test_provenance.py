"""Each class of data error, triggered by one small change to a valid folder.

Every problem must name the file, the entry, the field and the line, on one line.
"""

from __future__ import annotations

import pytest

from reportgen.data import validate_folder
from tests.conftest import edit


def messages(folder) -> list[str]:
    return [str(p) for p in validate_folder(folder)]


def only(folder) -> str:
    found = messages(folder)
    assert len(found) == 1, found
    return found[0]


def test_the_fixture_is_valid(mini):
    assert messages(mini) == []


def test_malformed_yaml(mini):
    edit(mini / "metrics.yaml", "    unit: CNY\n", "    unit: [CNY\n")
    assert "metrics.yaml:7: invalid YAML" in only(mini)


def test_wrong_type(mini):
    edit(mini / "metrics.yaml", "value: 25\n", 'value: "25"\n')
    assert only(mini).endswith(
        "metrics.yaml:15: metric 'trade_growth_2023', field 'value': Input should be a valid number"
    )


@pytest.mark.parametrize("bad", [".nan", ".inf"])
def test_non_finite_values(mini, bad):
    edit(mini / "metrics.yaml", "value: 25\n", f"value: {bad}\n")
    assert "field 'value'" in only(mini)


def test_negative_count(mini):
    edit(mini / "metrics.yaml", "value: 200\n", "value: -200\n")
    assert "cannot be negative for unit '列'" in only(mini)


def test_missing_field(mini):
    # the article's language is required; the others are translated when left out
    edit(mini / "metrics.yaml", "    label_zh: 对外贸易额增速\n", "")
    assert only(mini).endswith(
        "metrics.yaml:12: metric 'trade_growth_2023', field 'label_zh': Field required"
    )


def test_a_label_left_out_in_english_is_translated(mini):
    edit(mini / "metrics.yaml", "    label_en: Foreign trade growth\n", "")
    assert messages(mini) == []


def test_unknown_field_is_a_typo(mini):
    edit(mini / "metrics.yaml", "    topic: logistics\n", "    topic: logistics\n    qoute: x\n")
    assert "metric 'trains_total', field 'qoute': unknown field (a typo?)" in only(mini)


def test_missing_file(mini):
    (mini / "metrics.yaml").unlink()
    assert only(mini).endswith("metrics.yaml: file not found")


def test_missing_article_text(mini):
    (mini / "articles" / "trade.txt").unlink()
    found = messages(mini)
    assert any(m.endswith("articles/trade.txt: file not found") for m in found), found


def test_unknown_article_id(mini):
    edit(
        mini / "metrics.yaml",
        "    article: trade\n    quote: 累计",
        "    article: tarde\n    quote: 累计",
    )
    assert "metric 'trains_total', field 'article': unknown article id 'tarde'" in only(mini)


def test_quote_not_in_article(mini):
    edit(mini / "metrics.yaml", "quote: 累计开行班列近200列", "quote: 累计开行班列近300列")
    found = messages(mini)
    assert any("field 'quote': quote not found in article 'trade'" in m for m in found), found


def test_value_not_in_quote(mini):
    edit(mini / "metrics.yaml", "value: 200\n", "value: 210\n")
    assert only(mini).endswith(
        "metrics.yaml:25: metric 'trains_total', field 'value': "
        "210 does not appear in the quote (found: 200)"
    )


def test_money_value_must_be_in_yuan(mini):
    edit(mini / "metrics.yaml", "value: 10000000000\n", "value: 100\n")
    # 100 does appear as written; the derived metric then no longer recomputes.
    assert (
        "trade_2022_implied', field 'value': stored 8000000000 but the formula gives"
        in " ".join(messages(mini))
    )


def test_hedge_inconsistent_with_qualifier(mini):
    edit(mini / "metrics.yaml", "    hedge: 近\n", "    hedge: 余\n")
    assert "hedge '余' means qualifier 'over', not 'approx'" in only(mini)


def test_hedged_qualifier_needs_its_hedge_word(mini):
    edit(mini / "metrics.yaml", "    hedge: 近\n", "")
    assert "qualifier 'approx' needs 'hedge'" in only(mini)


def test_hedge_word_must_be_in_quote(mini):
    edit(
        mini / "metrics.yaml",
        "    qualifier: approx\n    hedge: 近\n",
        "    qualifier: approx\n    hedge: 约\n",
    )
    assert "field 'hedge': hedge word '约' does not appear in the quote" in only(mini)


def test_duplicate_ids(mini):
    edit(mini / "metrics.yaml", "  - id: trains_total\n", "  - id: trade_2023\n")
    found = only(mini)
    assert "metric 'trade_2023', field 'id': duplicate id; first used at" in found
    assert "metrics.yaml:2" in found


def test_derived_value_must_recompute(mini):
    edit(mini / "metrics.yaml", "value: 8000000000\n", "value: 8100000000\n")
    assert only(mini).endswith(
        "metric 'trade_2022_implied', field 'value': stored 8100000000 but the formula gives "
        "8000000000 (decimals: 0)"
    )


def test_derived_inputs_must_be_reported_metrics(mini):
    edit(mini / "metrics.yaml", "trade_2023 / (1", "trade_2024 / (1")
    assert "inputs must be reported metric ids; unknown: trade_2024" in only(mini)


def test_derived_formula_cannot_run_code(mini):
    edit(
        mini / "metrics.yaml",
        "formula: trade_2023 / (1 + trade_growth_2023 / 100)",
        "formula: __import__('os').getcwd()",
    )
    assert "field 'derived.formula': only + - * / ( ) numbers and metric ids" in only(mini)


def test_rounded_derived_value_cannot_claim_exact(mini):
    edit(mini / "metrics.yaml", "value: 25\n", "value: 30\n")
    edit(mini / "metrics.yaml", "增长25%", "增长30%")
    edit(mini / "metrics.yaml", "增长25%", "增长30%")
    edit(mini / "articles" / "trade.txt", "增长25%", "增长30%")
    edit(mini / "raw" / "page.txt", "增长25%", "增长30%")
    # 100亿 / 1.3 = 7692307692.3...; stored rounded with decimals -8 but qualifier exact.
    edit(mini / "metrics.yaml", "value: 8000000000\n", "value: 7700000000\n")
    edit(mini / "metrics.yaml", "decimals: 0", "decimals: -8")
    assert "field 'qualifier': the formula gives 7.69231e+09, rounded to 7700000000" in only(mini)


def test_derived_metric_has_no_quote(mini):
    edit(mini / "metrics.yaml", "      decimals: 0\n", "      decimals: 0\n    quote: 增长25%\n")
    assert "a derived metric has a formula, not a quote" in only(mini)


def test_reported_metric_needs_a_quote(mini):
    edit(mini / "metrics.yaml", "    quote: 累计开行班列近200列\n", "")
    assert "a reported metric needs 'quote'" in only(mini)


def test_event_stated_date_must_be_in_quote(mini):
    edit(mini / "events.yaml", "date_basis: relative", "date_basis: stated")
    assert "field 'date': date_basis is 'stated' but 2023 does not appear in the quote" in only(
        mini
    )


def test_event_relative_date_needs_a_note(mini):
    edit(mini / "events.yaml", "    date_note: The year comes from the article date.\n", "")
    assert "date_basis 'relative' needs 'date_note'" in only(mini)


def test_event_dates_in_order_and_well_formed(mini):
    edit(
        mini / "events.yaml",
        '    date: "2023-03-05"\n',
        '    date: "2023-03-05"\n    end_date: "2023-03-01"\n',
    )
    assert "end_date 2023-03-01 is before date 2023-03-05" in only(mini)
    edit(mini / "events.yaml", '    end_date: "2023-03-01"\n', '    end_date: "2023-13-01"\n')
    assert "field 'end_date': String should match pattern" in only(mini)


def test_event_metric_references_resolve(mini):
    edit(mini / "events.yaml", "    status: held\n", "    status: held\n    metrics: [trains]\n")
    assert "event 'agreement_2023_03_05', field 'metrics': unknown metric id 'trains'" in only(mini)


def test_ranking_must_appear_in_quote(mini):
    edit(mini / "rankings.yaml", "rank: 1\n", "rank: 2\n")
    assert "ranking 'rank_2023', field 'rank': 2 does not appear in the quote" in only(mini)


def test_clean_article_must_be_faithful_to_the_raw_page(mini):
    edit(mini / "articles" / "trade.txt", "入驻企业300余家", "入驻企业3000余家")
    found = only(mini)
    assert "articles/trade.txt:3: article 'trade': sentence not found in the raw page" in found


def test_unknown_raw_source(mini):
    edit(mini / "articles.yaml", "raw_source: page", "raw_source: paper")
    assert "field 'raw_source': unknown raw source 'paper'" in only(mini)


def test_all_problems_are_reported_in_one_run(mini):
    edit(mini / "metrics.yaml", "value: 200\n", "value: 210\n")
    edit(mini / "events.yaml", "    date_note: The year comes from the article date.\n", "")
    edit(mini / "rankings.yaml", "rank: 1\n", "rank: 2\n")
    found = messages(mini)
    assert len(found) == 3
    assert [m.split(":")[0].rsplit("/", 1)[-1] for m in found] == [
        "events.yaml",
        "metrics.yaml",
        "rankings.yaml",
    ]


def test_missing_folder(tmp_path):
    assert only(tmp_path / "nowhere").endswith("nowhere: data folder not found")
