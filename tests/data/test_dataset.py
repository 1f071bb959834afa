import re

import pytest

from reportgen.data import DataError, load_dataset
from tests.conftest import edit


def test_load_gives_typed_records_and_tables(mini):
    dataset = load_dataset(mini)
    assert dataset.info.id == "mini"
    assert dataset.metric("trains_total").qualifier == "approx"
    metrics = dataset.metrics_table()
    assert list(metrics.columns[:11]) == [
        "id",
        "label_zh",
        "label_en",
        "value",
        "unit",
        "qualifier",
        "hedge",
        "period",
        "period_kind",
        "topic",
        "article",
    ]
    assert {"quote", "derived", "formula", "inputs"} <= set(metrics.columns)
    assert metrics["value"].dtype == "float64"
    row = metrics.set_index("id").loc["trade_2022_implied"]
    assert bool(row["derived"]) is True
    assert row["inputs"] == "trade_2023 trade_growth_2023"


def test_tables_are_copies(mini):
    dataset = load_dataset(mini)
    frame = dataset.metrics_table()
    frame.loc[0, "value"] = -1
    assert dataset.metrics_table().loc[0, "value"] == 1e10


def test_records_are_frozen(mini):
    metric = load_dataset(mini).metric("trade_2023")
    with pytest.raises(Exception, match="frozen"):
        metric.value = 1


def test_unknown_metric_names_the_id(mini):
    with pytest.raises(KeyError, match="no metric 'nope'"):
        load_dataset(mini).metric("nope")


def test_invalid_folder_raises_with_every_problem(mini):
    edit(mini / "metrics.yaml", "value: 200\n", "value: 210\n")
    edit(mini / "rankings.yaml", "rank: 1\n", "rank: 2\n")
    with pytest.raises(DataError) as info:
        load_dataset(mini)
    assert len(info.value.problems) == 2


def test_other_tables(mini):
    dataset = load_dataset(mini)
    assert dataset.table("rankings").loc[0, "assessment_zh"] == "年度考核"
    assert dataset.table("events").loc[0, "date"] == "2023-03-05"
    assert dataset.table("articles").loc[0, "characters"] > 50
    with pytest.raises(KeyError):
        dataset.table("slides")


def test_the_assessment_is_one_localised_name(mini):
    dataset = load_dataset(mini)
    assert dict(dataset.assessment) == {"zh": "年度考核", "en": "Annual assessment"}
    edit(mini / "rankings.yaml", "assessment_en: Annual assessment\n", "")
    assert load_dataset(mini).assessment["en"] is None  # optional, per language


def test_a_dataset_pickles_to_an_equal_read_only_one(mini):
    """Workers get the dataset the build validated, pickled, never a reload from disk."""
    import pickle
    from types import MappingProxyType

    dataset = load_dataset(mini)
    copy = pickle.loads(pickle.dumps(dataset))
    assert copy == dataset and copy.source_digest == dataset.source_digest
    assert isinstance(copy.article_texts, MappingProxyType)
    assert copy.table("metrics").equals(dataset.table("metrics"))


ASSESSMENT = "在2023年度全省开发区考核中，甲区、乙区分别位列第18、23位。"


def ranked_entities(mini):
    """The mini folder with an assessment article's table: two entities of one year, one of
    them in an assessment of its own."""
    for text in (mini / "articles" / "trade.txt", mini / "raw" / "page.txt"):
        text.write_text(text.read_text(encoding="utf-8") + ASSESSMENT + "\n", encoding="utf-8")
    (mini / "rankings.yaml").write_text(
        "assessment_zh: 年度考核\nassessment_en: Annual assessment\nrankings:\n"
        f"  - {{id: b, year: 2023, rank: 23, entity_zh: 乙区, article: trade,"
        f" quote: {ASSESSMENT}}}\n"
        f"  - {{id: a, year: 2023, rank: 18, entity_zh: 甲区, assessment_zh: 全省开发区考核,"
        f" article: trade, quote: {ASSESSMENT}, reviewed: false}}\n",
        encoding="utf-8",
    )
    return load_dataset(mini)


def test_the_rankings_table_keeps_its_columns_when_entries_name_no_entity(mini):
    frame = load_dataset(mini).table("rankings")
    assert list(frame.columns) == [
        "id",
        "year",
        "rank",
        "assessment_zh",
        "assessment_en",
        "article",
        "quote",
    ]


def test_the_rankings_table_shows_who_is_ranked_and_each_entrys_assessment(mini):
    frame = ranked_entities(mini).table("rankings")
    assert list(frame.columns) == [
        "id",
        "entity_zh",
        "entity_en",
        "year",
        "rank",
        "assessment_zh",
        "assessment_en",
        "article",
        "quote",
        "reviewed",
    ]
    rows = frame[["id", "entity_zh", "rank", "assessment_zh", "reviewed"]].values.tolist()
    assert rows == [  # one year: the data's order
        ["b", "乙区", 23, "年度考核", True],
        ["a", "甲区", 18, "全省开发区考核", False],
    ]
    assert frame.loc[0, "assessment_en"] == "Annual assessment"
    # its own assessment, not the file's: written only in Chinese, translated when read
    translated = frame.loc[1, "assessment_en"]
    assert translated != "Annual assessment" and not re.search(r"[\u4e00-\u9fff]", translated)
