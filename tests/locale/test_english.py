"""English from Chinese labels, titles and names: the glossary, its word orders, pinyin."""

from __future__ import annotations

import re
import time
import unicodedata
from importlib import resources

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.locale import english as module
from reportgen.locale.english import English, english


def has_han(text: str) -> bool:
    """An oracle apart from the module's own pattern: Unicode names the ideographs."""
    return any(
        unicodedata.name(c, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH"))
        or unicodedata.name(c, "").startswith(("KANGXI RADICAL", "CJK RADICAL"))
        for c in text
    )


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("对外贸易额增速", "Foreign trade growth"),
        ("对上合组织国家进出口额", "Trade with SCO countries"),
        ("对上合组织国家进出口额同比增速", "Year-on-year growth in trade with SCO countries"),
        ("对东盟日本韩国出口占比", "Share of exports to ASEAN, Japan and South Korea"),
        ("对韩国出口额", "Exports to South Korea"),
        ("外贸进出口占全市比重", "Foreign trade as a share of the city total"),
        ("全省农产品出口排名", "Agricultural exports rank in the province"),
        ("实际使用外资增速", "Growth in paid-in foreign capital"),
        ("引进项目总投资", "Total investment in projects attracted"),
        ("中欧班列开行量", "China–Europe freight train trips"),
        ("2021年对外贸易额（推算）", "2021 foreign trade (estimated)"),
        ("其中硕士研究生", "Master's degree holders"),
        ("社会消费品零售总额", "Total retail sales of consumer goods"),
        ("地区生产总值年均增速", "GDP average annual growth"),
        ("跨境电商进出口额", "Cross-border e-commerce imports and exports"),
        ("集装箱吞吐量增速", "Container throughput growth"),
        ("出口货物整体通关时间", "Export goods overall customs clearance time"),
        # 实现增长 is one word: the head 增长 is not split off it
        ("实现增长的规上工业企业", "Growing industrial enterprises above designated size"),
        ("固定资产投资增速高出全市", "Fixed-asset investment growth above the city average"),
    ],
)
def test_labels_read_as_english_noun_phrases(zh, en):
    assert english(zh) == English(en, ())


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("青岛", "Qingdao"),
        ("西安", "Xi'an"),
        ("胶州市", "Jiaozhou"),  # 市 is dropped after a city
        ("黄岛区", "Huangdao District"),
        ("西海岸新区", "West Coast New Area"),
        ("烟台开发区", "Yantai Development Zone"),
        ("乌兹别克斯坦", "Uzbekistan"),
        ("上合示范区", "SCO Demonstration Zone"),
        ("胶东国际机场", "Qingdao Jiaodong International Airport"),
        ("青岛日报", "Qingdao Daily"),
        ("海关总署", "General Administration of Customs"),
        ("海尔集团", "Haier Group"),
        ("胶州市人民政府", "Jiaozhou People's Government"),
    ],
)
def test_places_and_organisations_come_from_the_glossary(zh, en):
    assert english(zh, "name") == English(en, ())


def test_an_unknown_name_is_title_case_pinyin_and_listed():
    assert english("如意湖", "name") == English("Ruyihu", ("如意湖",))
    # the known suffix still says what kind of place it is
    assert english("莒南县", "name") == English("Junan County", ("莒南",))


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("王五", "Wang Wu"),
        ("欧阳修", "Ouyang Xiu"),  # a two-character surname
        ("诸葛亮", "Zhuge Liang"),
        ("曾国藩", "Zeng Guofan"),  # 曾 read as the surname Zeng, not ceng
        ("张小明", "Zhang Xiaoming"),
        ("买买提·艾力", "Maimaiti Aili"),
    ],
)
def test_people_are_named_surname_first(zh, en):
    result = english(zh, "person")
    assert result.text == en
    assert result.untranslated == (zh,)


def test_a_person_named_in_a_label_is_read_as_one():
    assert english("刘佳琪年龄") == English("Age of Liu Jiaqi", ("刘佳琪",))


def test_a_title_maps_half_and_full_width_punctuation():
    result = english("青岛：前4个月外贸进出口增长12.5%！“新动能”（持续）释放?", "title")
    assert result == English(
        "Qingdao: first 4 months foreign trade growth 12.5%! “new momentum” (continued) released?",
        (),
    )
    spaced = english('上合示范区 举办推介会 共建"空中丝绸之路"', "title").text
    assert spaced == "SCO Demonstration Zone, promotion events held, jointly built “Air Silk Road”"


def test_unknown_words_become_pinyin_listed_once_in_order():
    result = english("鲁疆联动鲁疆联动与搭桥")
    assert not has_han(result.text)
    assert "Lujiang" in result.text
    assert result.untranslated[0].startswith("鲁疆")
    assert len(result.untranslated) == len(set(result.untranslated))


def test_dates_numbers_and_ascii_are_kept():
    assert english("2023年5月10日签约项目").text == "10 May 2023 signed projects"
    assert english("RCEP成员国航线").text == "RCEP member states routes"
    assert english("一体运转机制2.0版本").text == "Integrated operation mechanism 2.0 version"


@pytest.mark.parametrize(
    "zh",
    ["𪚥㐀龘", "⼀⼆〇", "豈更", "GDP增长5.2%，RCEP红利释放", "ｶﾀｶﾅ 한국 テスト", "", "  \n "],
)
def test_rare_and_mixed_text_never_leaves_a_han_character(zh):
    for kind in ("label", "title", "name", "person"):
        assert not has_han(english(zh, kind).text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF),
            st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
            st.sampled_from(list("对外贸易进出口增速占比排名的，。、（）“” 0123456789ABC%")),
        ),
        max_size=30,
    ),
    st.sampled_from(["label", "title", "name", "person"]),
)
def test_no_input_leaves_a_han_character(zh, kind):
    result = english(zh, kind)
    assert not has_han(result.text)
    assert len(result.untranslated) == len(set(result.untranslated))
    normal = unicodedata.normalize("NFKC", zh)
    compact = "".join(normal.split())
    assert all("".join(u.split()) in compact for u in result.untranslated)


def test_same_input_same_output_without_the_cache():
    first = english("对上合组织国家进出口额同比增速")
    module._phrase.cache_clear()
    english.cache_clear()
    assert english("对上合组织国家进出口额同比增速") == first


def test_a_label_takes_well_under_a_millisecond():
    labels = [
        f"{a}{b}" for a in ("对东盟", "农产品", "跨境电商", "青岛") for b in ("出口额", "增速")
    ]
    labels += ["对上合组织国家进出口额同比增速", "全省开发区综合考核排名提升", "新增市场主体增速"]
    module.glossary()  # the file is read once, outside the timing
    module._phrase.cache_clear()
    english.cache_clear()
    start = time.perf_counter()
    for label in labels:
        english(label)
    assert (time.perf_counter() - start) / len(labels) < 0.002  # 2 ms on a loaded CI machine


# --- the glossary file ---------------------------------------------------------------------------


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping."""


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    keys = [loader.construct_object(k) for k, _ in node.value]
    repeated = {k for k in keys if keys.count(k) > 1}
    assert not repeated, f"keys given twice at line {node.start_mark.line + 1}: {repeated}"
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _raw() -> dict:
    text = resources.files("reportgen.locale").joinpath("glossary.yaml").read_text("utf-8")
    return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass


def _ascii_ish(text: str) -> bool:
    return all(
        (c.isascii() and c.isprintable()) or c in "–“”‘’" or "LATIN" in unicodedata.name(c, "")
        for c in text
    )


def test_the_glossary_loads_with_no_key_given_twice():
    raw = _raw()
    assert len(raw["terms"]) >= 400
    for group in ("places", "countries", "ports", "organisations", "suffixes", "heads"):
        assert raw[group], group


def test_no_word_has_two_translations_across_groups():
    seen: dict[str, tuple[str, str]] = {}
    raw = _raw()
    for group in module.WORD_GROUPS:
        for zh, en in raw[group].items():
            key = unicodedata.normalize("NFKC", zh)
            if key in seen:
                assert seen[key][1] == en, f"{zh}: {seen[key]} vs {group} {en!r}"
            seen[key] = (group, en)


def test_every_entry_is_chinese_to_ascii_ish_english():
    raw = _raw()
    for group in (*module.WORD_GROUPS, "suffixes", "modifiers", "verbs"):
        for zh, en in raw[group].items():
            assert has_han(zh), f"{group}: {zh!r} has no Chinese"
            assert _ascii_ish(en or ""), f"{group}: {zh} -> {en!r}"
    for zh, head in raw["heads"].items():
        assert has_han(zh)
        assert all(_ascii_ish(v) and "{X}" in v for v in head.values()), zh
    for pattern in raw["patterns"]:
        assert _ascii_ish(pattern["en"]), pattern
        slots = {s.strip("{}?") for s in re.findall(r"\{\w\??\}", pattern["zh"])}
        assert {s.strip("{}") for s in re.findall(r"\{\w\}", pattern["en"])} <= slots


@pytest.mark.parametrize(
    "zh",
    [
        "山东",
        "北京",
        "新疆",
        "深圳",
        "哈尔滨",
        "淄博",
        "菏泽",
        "即墨",
        "莱西",
        "俄罗斯",
        "印度",
        "白俄罗斯",
    ],
)
def test_the_glossary_holds_provinces_cities_and_sco_states(zh):
    assert english(zh, "name").untranslated == ()
