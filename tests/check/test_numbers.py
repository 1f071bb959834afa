"""The numbers a page may print, computed once from the dataset, and how a text is read."""

from __future__ import annotations

import dataclasses

from reportgen.check import number_findings, supported
from reportgen.check.numbers import blank_quotes, chinese_figures
from reportgen.data import load_dataset
from tests.conftest import MINI_DIR


def figures(text: str) -> list[tuple[str, list[float], str | None]]:
    return list(chinese_figures(text))


def test_figures_in_chinese_numerals_are_read():
    assert figures("入驻企业八千七百家") == [("八千七百家", [8700.0], "exact")]
    assert figures("另有八千七百") == [("八千七百", [8700.0], None)]
    assert figures("约八千七百亿元") == [("约八千七百亿元", [870000000000.0], "approx")]


def test_names_idioms_classes_and_units_are_no_figures():
    for text in (
        "共建一带一路",
        "落实十四五规划",
        "推进一体化",
        "第一时间响应",
        "对接中亚五国",
        "千方百计",
        "全国千万级机场",
        "3个千亿级产业集群",
        "金额（亿元）",
        "第十五届博览会",
    ):
        assert figures(text) == [], text


def test_a_chinese_figure_must_be_data_and_keep_its_hedge(seed):
    data = supported(seed)
    assert number_findings("入驻企业八千七百家", data, "zh") == [
        "number 八千七百家 is not in the dataset"
    ]
    assert number_findings("入驻企业四千七百余家", data, "zh") == []
    assert number_findings("管委会工作人员一百四十四人", data, "zh") == []
    assert number_findings("累计开行三千列", data, "zh") == ["三千列 is shown without its hedge"]


def test_formula_constants_are_supported_wherever_a_formula_is(seed):
    """The constants of every derived formula, and nothing because of a particular value."""
    share = next(m for m in seed.metrics if m.id == "sco_trade_share_2022")
    assert 1000 not in supported(seed)
    per_mille = share.model_copy(
        update={
            "value": 225,
            "unit": "‰",
            "derived": share.derived.model_copy(
                update={"formula": "sco_trade_2022 / foreign_trade_2022 * 1000", "decimals": 0}
            ),
        }
    )
    metrics = tuple(per_mille if m is share else m for m in seed.metrics)
    data = supported(dataclasses.replace(seed, metrics=metrics))
    assert 1000 in data
    assert number_findings("按“对上合组织国家进出口额 ÷ 对外贸易额 × 1000”推算", data, "zh") == []


def test_verbatim_quotes_are_blanked_and_others_kept(seed):
    data = supported(seed)
    nested = "50余项 — “首创“信用上合”“上合·银关通”“上合·汇保通”等50余项富有上合特色的制度创新成果”"
    assert blank_quotes(nested, data).strip() == "50余项 —"
    invented = "8700家 — “目前已吸引8700余家国内外企业入驻”"
    assert blank_quotes(invented, data) == invented
    assert "number 8700余 is not in the dataset" in number_findings(invented, data, "zh")


def test_an_english_number_ends_at_a_line_break(seed):
    """A note number at a line's end is no quantity of the heading below it ("6" / "Charts")."""
    data = supported(seed)
    assert number_findings("50 institutional innovations", data, "en") == [
        "50 is shown without its hedge"
    ]
    assert number_findings("over 50 institutional innovations", data, "en") == []
    assert number_findings("Key figures 50\nCharts", data, "en") == []


def test_chinese_text_on_an_english_page_is_read_the_chinese_way(seed):
    """An untranslated draft title on an English page: 约 before a figure is its hedge."""
    data = supported(seed)
    assert number_findings("June 2022 上合示范区4700余家企业入驻 — Qingdao", data, "en") == []
    assert number_findings("June 2022 上合示范区4700家企业入驻", data, "en") == [
        "4700 is shown without its hedge"
    ]


def test_the_data_supports_its_values_at_every_display_scale(seed):
    """Expectations written out from the seed's files, not computed by the code under test."""
    data = supported(seed)
    # foreign_trade_2022 is 36000000000 yuan: 360亿, 36 bn, 36000 mn, 3600000万, 0.036 tn
    for shown in (36_000_000_000, 360, 36, 36_000, 3_600_000, 0.036):
        assert shown in data, shown
    assert 4700 in data and 0.47 in data  # 4700余家, 0.47万家
    assert 38.3 in data and 100.3 in data  # growth rates
    for rank_or_year in (1, 2, 4, 2020, 2021, 2022):
        assert rank_or_year in data
    for invented in (8700, 361, 3601, 47.5, 38.4):
        assert invented not in data, invented
    assert data.qualifiers[36_000_000_000] == {"exact"}
    assert data.qualifiers[4700] == {"over"}
    assert data.qualifiers[60] == {"over"}  # 60多个


def test_numbers_in_a_units_english_name_are_supported(seed):
    """/10万 prints as "per 100,000" in English: 100,000 (and 100) may be shown."""
    first = seed.metrics[0]
    rate = first.model_copy(update={"id": "rate", "value": 3.5, "unit": "/10万"})
    data = supported(dataclasses.replace(seed, metrics=(*seed.metrics, rate)))
    assert 100_000 not in supported(seed)
    assert 100_000 in data and 100 in data
    assert number_findings("3.5 per 100,000", data, "en") == []


def _with_hedged_money(seed):
    """The seed with foreign trade at about 2.3亿 (0.23 bn), a value float scaling misses."""
    first = seed.metrics[0]
    hedged = first.model_copy(update={"value": 230_000_000.0, "qualifier": "approx", "hedge": "约"})
    return supported(dataclasses.replace(seed, metrics=(hedged, *seed.metrics[1:])))


def test_a_scaled_number_is_read_exactly_so_its_hedge_is_checked(seed):
    """2.3 × 10**8 is 229999999.99999997 in floats; the page states 230000000, hedged."""
    data = _with_hedged_money(seed)
    assert number_findings("对外贸易额约2.3亿元", data, "zh") == []
    assert number_findings("对外贸易额2.3亿元", data, "zh") == ["2.3亿 is shown without its hedge"]
    assert number_findings("about CNY 0.23 bn in 2022", data, "en") == []
    assert number_findings("CNY 0.23 bn in 2022", data, "en") == [
        "CNY 0.23 bn is shown without its hedge"
    ]


def test_every_chinese_hedge_before_a_number_is_read_as_its_meaning(seed):
    """4700 is "over" in the data: each hedge word is read with the meaning the locale gives."""
    data = supported(seed)
    expected = {"超过": "over", "逾": "over", "超": "over", "突破": "over", "近": "approx"}
    expected |= {"不到": "under", "至少": "at_least", "最多": "at_most", "左右": "approx"}
    for word, meaning in expected.items():
        text = f"4700家{word}" if word == "左右" else f"{word}4700家"
        found = number_findings(text, data, "zh")
        if meaning == "over":
            assert found == [], word
        else:
            assert found and "no such hedge for 4700" in found[0], word
    assert number_findings("4700余家", data, "zh") == []
    assert number_findings("4700多家", data, "zh") == []


def test_every_english_hedge_is_read_as_its_meaning(seed):
    data = supported(seed)
    for word in ("over", "more than"):
        assert number_findings(f"{word} 4,700 enterprises", data, "en") == [], word
    for word in ("nearly", "about", "at least", "under", "at most", "up to", "within"):
        found = number_findings(f"{word} 4,700 enterprises", data, "en")
        assert found == [f"{word} 4,700: the data has no such hedge for 4,700"], word


def test_a_page_is_read_in_the_language_its_tag_names():
    from reportgen.check.numbers import lang_of

    assert [lang_of(t) for t in ("zh-CN", "en-US", "", None, "fr-FR")] == [
        "zh",
        "en",
        "zh",  # an untagged document is in the default language
        "zh",
        "en",  # a language reportgen does not write is read as English, as before
    ]
    # the same text read the English way (about hedges 20) and the Chinese way (it does not)
    assert number_findings("about 20%", supported_hedged(), "en") == []
    assert number_findings("about 20%", supported_hedged(), "zh") == [
        "20 is shown without its hedge"
    ]


def supported_hedged():
    from reportgen.check.numbers import Supported

    return Supported(frozenset({20.0}), {20.0: frozenset({"approx"})}, ())


def test_numbers_in_an_event_title_are_data(seed):
    """A draft's event title is a sentence of the article (今天上午7时30分鸣枪起跑)."""
    from reportgen.locale.texts import Localized

    title = Localized({"zh": "今天上午7时37分鸣枪起跑", "en": "Started at 7:37 am"})
    event = seed.events[0].model_copy(update={"title": title})
    assert 37 not in supported(seed)
    assert 37 in supported(dataclasses.replace(seed, events=(event, *seed.events[1:])))


def test_a_rank_line_supports_the_places_its_axis_marks_and_the_names_numbers(seed):
    """A short line (5th to 2nd) marks every place up to 5th; a long one (23rd, 18th) only its
    own; who is ranked and in what may print numbers too (168个重点城市)."""
    from reportgen.data.schema import Ranking

    def place(id, year, rank, **names):
        entry = {"id": id, "year": year, "rank": rank, "article": "a", "quote": f"第{rank}名"}
        return Ranking.model_validate(entry | names)

    mini = load_dataset(MINI_DIR)  # its numbers hold no 4 and no 6
    assert not {4.0, 6.0} & supported(dataclasses.replace(mini, rankings=())).numbers
    short = dataclasses.replace(mini, rankings=(place("a", 2021, 5), place("b", 2022, 2)))
    assert 4.0 in supported(short).numbers and 6.0 not in supported(short).numbers
    long = (
        place("a", 2022, 223, entity_zh="甲区"),
        place("b", 2023, 218, entity_zh="甲区", assessment_zh="全国168个重点城市空气质量排名"),
    )
    data = supported(dataclasses.replace(seed, rankings=long)).numbers
    assert {223.0, 218.0, 168.0} <= data
    assert 220.0 not in data and 219.0 not in data


# --- what drafted articles showed the check reading wrongly -----------------------------------


def test_a_hedge_word_is_a_word_of_its_own_in_english(seed):
    """'contracts turnover' above 40.2% in a table is no hedge 'over' of 40.2%."""
    data = supported(seed)
    assert number_findings("Technology contracts turnover\n38.3%", data, "en") == []
    assert number_findings("over 38.3%", data, "en") == [
        "over 38.3: the data has no such hedge for 38.3"
    ]


def test_a_relative_period_is_no_hedged_figure(seed):
    """近三年 is the last three years, not about three; 近3000列 stays a hedged figure."""
    data = supported(seed)
    assert number_findings("近三年，对外贸易额360亿元", data, "zh") == []
    assert number_findings("过去五年，对外贸易额360亿元", data, "zh") == []
    assert number_findings("累计开行3000列", data, "zh") == ["3000 is shown without its hedge"]


def test_the_place_of_an_event_is_a_name(seed):
    """五四广场 is 54 Guangchang in English: the number is the name's."""
    event = seed.events[0]
    place = type(event.place)({"zh": "五四广场", "en": "54 Guangchang"})
    edited = dataclasses.replace(
        seed, events=(event.model_copy(update={"place": place}), *seed.events[1:])
    )
    assert 54 not in supported(seed) and 54 in supported(edited)
