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
