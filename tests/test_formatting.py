import pytest

from reportgen.data import load_dataset
from reportgen.formatting import format_metric, rank_text
from tests.conftest import SEED_DIR


@pytest.fixture(scope="module")
def seed():
    return load_dataset(SEED_DIR)


@pytest.mark.parametrize(
    ("metric_id", "zh", "en"),
    [
        ("foreign_trade_2022", "360亿元", "CNY 36 bn"),
        ("foreign_trade_growth_2022", "38.3%", "38.3%"),
        ("platform_enterprises", "4700余家", "over 4,700"),
        ("platform_partner_bodies", "60多个", "over 60"),
        ("freight_trains_total", "近3000列", "nearly 3,000"),
        ("holding_total_assets", "超过1300亿元", "more than CNY 130 bn"),
        ("staff_average_age", "不到31岁", "under 31 years"),
        ("platform_meeting_hours", "160小时以上", "at least 160 hours"),
        ("secondee_customs_years", "1年多", "over 1 year"),
        ("hq_belt_area", "38.85平方公里", "38.85 km²"),
        ("reform_version_3", "3.0版", "v3.0"),
        ("platform_prep_months", "2个月", "2 months"),
        ("foreign_trade_2021_implied", "约260.3亿元", "about CNY 26.03 bn"),
    ],
)
def test_seed_values_keep_their_hedges(seed, metric_id, zh, en):
    metric = seed.metric(metric_id)
    assert format_metric(metric, "zh") == zh
    assert format_metric(metric, "en") == en


def test_money_scale_can_be_forced_for_a_chart(seed):
    metric = seed.metric("sco_trade_2022")
    assert format_metric(metric, "zh", money_factor=10**8) == "81亿元"
    assert format_metric(metric, "en", money_factor=10**9) == "CNY 8.1 bn"


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "hedge", "zh", "en"),
    [
        (230_000_000, "USD", "exact", None, "2.3亿美元", "USD 230 mn"),
        (120_000_000, "EUR", "exact", None, "1.2亿欧元", "EUR 120 mn"),
        (10_000_000, "CNY", "at_most", "最高", "最高1000万元", "up to CNY 10 mn"),
        (1.5, "小时", "at_most", "以内", "1.5小时以内", "within 1.5 hours"),
        (60, "岁", "at_least", "及以上", "60岁及以上", "at least 60 years"),
        (100, "家", "approx", "接近", "接近100家", "nearly 100"),
        (-3.2, "个百分点", "exact", None, "-3.2个百分点", "-3.2 percentage points"),
    ],
)
def test_currencies_and_hedges_from_new_articles_round_trip(value, unit, qualifier, hedge, zh, en):
    from reportgen import locale

    assert locale.get("zh").format_value(value, unit, qualifier, hedge) == zh
    assert locale.get("en").format_value(value, unit, qualifier, hedge) == en
    assert locale.get("zh").parse_value(zh) == (value, qualifier)
    assert locale.get("en").parse_value(en) == (value, qualifier)


def test_periods_dates_and_ranks_are_written_in_the_language_asked_for():
    from reportgen.formatting import format_date, format_date_range, format_period

    assert format_period("2021", "zh") == "2021年"
    assert format_period("2021", "en") == "2021"
    assert format_period("2023-01/2023-04", "zh") == "2023年1月至2023年4月"
    assert format_period("2023-01/2023-04", "en") == "January 2023 – April 2023"
    assert format_date("2023-05-10", "en") == "10 May 2023"
    assert format_date_range("2023-05-15", "2023-05-19", "zh", with_year=False) == "5月15日至19日"
    assert rank_text(4, "zh") == "第4名"
    assert rank_text(4, "en") == "4th"


def test_axis_units_and_money_scales_in_each_language():
    from reportgen.formatting import money_axis_label, unit_label

    assert unit_label("天", "zh") == "天"
    assert unit_label("天", "en") == "days"
    assert money_axis_label([36e9, 8.1e9], "zh") == (10**8, "亿元")
    assert money_axis_label([36e9, 8.1e9], "en") == (10**9, "CNY bn")


def test_an_unknown_language_is_named():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        rank_text(4, "fr")


def test_the_front_door_has_no_language_of_its_own():
    """Adding a language is one locale module: the front door never asks which language."""
    import inspect

    import reportgen.formatting

    source = inspect.getsource(reportgen.formatting)
    assert '== "zh"' not in source and '== "en"' not in source


def _derived(label_zh: str, label_en: str, formula: str):
    from reportgen.data.schema import Derivation, Metric

    return Metric(
        id="implied",
        label_zh=label_zh,
        label_en=label_en,
        value=1,
        unit="CNY",
        qualifier="approx",
        period="2022",
        topic="trade",
        derived=Derivation(formula=formula, decimals=0),
    )


@pytest.mark.parametrize(
    "label",
    ["进出口/对外贸易额", "a\\b", "trade \\g<0> \\1 \\q", "x*y", "e15", "trade (2022)"],
)
def test_derivation_text_prints_labels_verbatim(label):
    from reportgen.formatting import derivation_text

    metric = _derived("推算/值\\", "implied \\g<0>", "trade / (1 + growth / 100) * 2e15")
    labels = {"trade": label, "growth": "增速*"}
    zh = derivation_text(metric, labels, "zh")
    assert zh == f"推算/值\\：按“{label} ÷ (1 + 增速* ÷ 100) × 2e15”推算，原文未直接报道。"
    en = derivation_text(metric, labels, "en")
    assert en.startswith(f"implied \\g<0>: computed as {label} ÷ (1 + 增速* ÷ 100) × 2e15;")


def test_unprintable_names_values_no_language_can_write_without_rounding():
    from reportgen.data.schema import Metric
    from reportgen.formatting import unprintable

    fields = dict(id="x", label_zh="x", label_en="x", qualifier="exact", period="2023")
    fields.update(topic="trade", article="a", quote="q")
    money = Metric(**fields, value=8000000000.123457, unit="CNY")
    assert "needs more than 2 decimal places" in unprintable(money)
    assert unprintable(Metric(**fields, value=360.25, unit="CNY")) is None
    assert unprintable(Metric(**fields, value=1e-7, unit="家")) is not None
