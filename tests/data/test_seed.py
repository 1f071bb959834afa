"""The shipped seed data: valid, complete, and every number traceable to the raw page."""

from __future__ import annotations

import pytest

from reportgen.data import load_dataset, validate_folder
from reportgen.text.normalize import split_sentences, squash
from reportgen.text.numerals import appears_in
from tests.conftest import SEED_DIR

RAW = SEED_DIR / "raw" / "000_8bdebe869efda307.txt"


@pytest.fixture(scope="module")
def seed():
    return load_dataset(SEED_DIR)


@pytest.fixture(scope="module")
def raw_page() -> str:
    return squash(RAW.read_text(encoding="utf-8"))


def test_seed_is_valid():
    assert validate_folder(SEED_DIR) == []


def test_raw_page_is_the_verbatim_seed():
    shared = SEED_DIR.parents[2] / "shared" / "seed" / RAW.name
    if not shared.exists():
        pytest.skip("shared/ seed not beside this checkout")
    assert RAW.read_bytes() == shared.read_bytes()


def test_enough_facts(seed):
    reported = [m for m in seed.metrics if not m.is_derived]
    assert len(reported) >= 45
    assert len(seed.events) >= 8
    assert [(r.year, r.rank) for r in seed.rankings] == [(2020, 4), (2021, 2), (2022, 1)]


def test_every_quote_is_in_the_raw_page(seed, raw_page):
    quotes = [m.quote for m in seed.metrics if m.quote] + [r.quote for r in seed.rankings]
    quotes += [e.quote for e in seed.events]
    missing = [q for q in quotes if squash(q) not in raw_page]
    assert missing == []


def test_every_reported_value_is_in_its_quote(seed):
    for metric in seed.metrics:
        if not metric.is_derived:
            assert appears_in(metric.value, metric.quote), metric.id


def test_reconstruction_is_faithful(seed, raw_page):
    """Every sentence of every clean piece occurs in the raw page once line breaks are undone."""
    checked = 0
    for article in seed.articles:
        for line in seed.article_texts[article.id].splitlines():
            for sentence in split_sentences(line.removeprefix("## ")):
                assert squash(sentence) in raw_page, (article.id, sentence)
                checked += 1
    assert checked > 80


def test_reconstruction_mends_breaks_inside_words_and_codes(seed):
    assert "Fakhriddin A。Boboev" in seed.article_texts["aviation_air_silk_road"]
    assert "“5-2-1”产业体系" in seed.article_texts["feature_new_momentum"]


def test_pieces_and_metadata(seed):
    assert {a.id for a in seed.articles} == {
        "feature_new_momentum",
        "sidebar_three_years",
        "xinjiang_dual_hub",
        "aviation_air_silk_road",
        "photo_captions",
    }
    feature = seed.article("feature_new_momentum")
    assert feature.title["zh"] == "万众一心向前冲，“上合人”激活“新动能”"
    assert feature.reporter["zh"] == "锡复春"
    assert seed.page.outlet["zh"] == "青岛日报/观海新闻"
    assert seed.page.date_earliest == "2023-05-19"
    assert "2023-05-19" in seed.page.date_note or "19" in seed.page.date_note


@pytest.mark.parametrize(
    ("metric_id", "value", "unit", "qualifier"),
    [
        ("foreign_trade_2022", 36e9, "CNY", "exact"),
        ("foreign_trade_growth_2022", 38.3, "%", "exact"),
        ("sco_trade_2022", 8.1e9, "CNY", "exact"),
        ("sco_trade_growth_2022", 100.3, "%", "exact"),
        ("platform_enterprises", 4700, "家", "over"),
        ("freight_trains_total", 3000, "列", "approx"),
        ("institutional_innovations", 50, "项", "over"),
        ("staff_total", 144, "人", "exact"),
        ("staff_average_age", 31, "岁", "under"),
        ("holding_total_assets", 1.3e11, "CNY", "over"),
        ("hq_belt_area", 38.85, "km2", "exact"),
        ("promotion_events_hosted", 100, "场", "over"),
        ("industrial_parks_planned", 20, "个", "exact"),
    ],
)
def test_key_facts(seed, metric_id, value, unit, qualifier):
    metric = seed.metric(metric_id)
    assert (metric.value, metric.unit, metric.qualifier) == (value, unit, qualifier)


def test_derived_values_are_marked_and_computed(seed):
    derived = {m.id: m for m in seed.metrics if m.is_derived}
    assert derived["foreign_trade_2021_implied"].value == pytest.approx(36e9 / 1.383, rel=1e-3)
    assert derived["foreign_trade_2021_implied"].qualifier == "approx"
    assert derived["sco_trade_share_2022"].value == 22.5
    assert derived["staff_bachelors"].value == 144 - 62 - 5
    for metric in derived.values():
        assert metric.quote is None and metric.article is None
        assert "推算" in metric.label["zh"]
        assert "implied" in metric.label["en"] or "derived" in metric.label["en"]


def test_events_cover_may_2023(seed):
    dated = {e.id: (e.date, e.end_date) for e in seed.events}
    assert dated["shanghai_signing_2023_05_10"] == ("2023-05-10", None)
    assert dated["xinjiang_visit_2023_05"] == ("2023-05-15", "2023-05-19")
    assert dated["uzbekistan_forum_2023_05_17"] == ("2023-05-17", None)
    assert dated["restructuring_2022_06"] == ("2022-06", None)
