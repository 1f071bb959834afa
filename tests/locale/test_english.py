"""English from Chinese labels, titles and names: the glossary, its word orders, pinyin."""

from __future__ import annotations

import math
import re
import time
import unicodedata
from importlib import resources

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.extract.lexicon import CURRENCY_CODES, MEASURE_WORDS, TIME_UNITS
from reportgen.fonts import missing_glyphs, resolve
from reportgen.locale import english as module
from reportgen.locale.english import English, english
from reportgen.text.numerals import numbers_in


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
        "Qingdao: foreign trade up 12.5% in the first 4 months!"
        ' "new momentum" (continued) released?',
        (),
    )
    spaced = english('上合示范区 举办推介会 共建"空中丝绸之路"', "title").text
    assert (
        spaced == 'SCO Demonstration Zone, promotion events held, jointly building "Air Silk Road"'
    )


def test_unknown_words_become_pinyin_listed_once_in_order():
    result = english("瀚渤联动瀚渤联动与搭桥")
    assert not has_han(result.text)
    assert "Hanbo" in result.text
    assert result.untranslated[0].startswith("瀚渤")
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


# --- figures: a numeral is a digit only where the Chinese states a figure ------------------------


@pytest.mark.parametrize(
    "zh",
    [
        "一起",
        "同事们一起促成",
        "一体运转机制",
        "一体化",
        "一批项目",
        "一流营商环境",
        "一站式服务",
        "万众一心向前冲",
        "新一轮稳就业政策",
        "一群年轻人",
        "五一假期",
        "十四五规划",
        "占全省比重首次超过一半",
        "千万级机场",
        "第一时间",
        "三心二意",
    ],
)
def test_a_numeral_inside_a_word_never_becomes_a_digit(zh):
    for kind in ("label", "title", "name"):
        result = english(zh, kind).text
        assert not re.search(r"\d", result), (kind, result)
        assert not has_han(result)


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("三个台阶", "3 milestones"),
        ("三年来", "Over the past 3 years"),
        ("二〇二三年", "2023"),
        ("第五届论坛", "5th forum"),
        ("第二批", "2nd batch"),
        ("开行4512列", "Runs 4512 trains"),
        ("62.8万吨", "628,000 tonnes"),
        ("3万亿元", "3 trillion yuan"),
        ("千亿元", "100 billion yuan"),
        ("1.1亿千瓦", "110 million kW"),
        ("5个工作日", "5 working days"),
        ("近三成", "Nearly 30%"),
        ("1—9月", "January–September"),
        ("截至5月底", "As of end of May"),
    ],
)
def test_a_figure_reads_as_the_extractor_reads_it(zh, en):
    assert english(zh, "label").text == en


def _english_numbers(text: str) -> list[float]:
    """Numbers an English text prints, a scale word applied (6.4 million, 34th, 12,000)."""
    scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
    text = text.lower()  # a name is in Title Case (2 Million Yuan)
    return [
        float(m[1].replace(",", "")) * scale.get(m[2] or "", 1)
        for m in re.finditer(
            r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?(?: (million|billion|trillion))?", text
        )
    ]


_FIGURE_PIECES = [
    *"一二两三四五六七八九十百千万亿〇零第个年月成倍家项列吨元起体批流心众来届",
    *("万众一心", "一起", "一站式", "出口", "增长", "突破", "同比", "2", "5", ".", "%"),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_FIGURE_PIECES), max_size=12).map("".join),
    st.sampled_from(["label", "title"]),
)
def test_every_digit_in_the_english_is_a_figure_the_chinese_states(zh, kind):
    """The deck's number check reads figures from the Chinese (text.numerals); the English
    may print none that it does not (一起 is never 1, 3万亿 is never 30,000)."""
    stated = numbers_in(zh)
    for number in _english_numbers(english(zh, kind).text):
        assert any(math.isclose(number, n, rel_tol=1e-9) for n in stated), (zh, number)


def test_no_glossary_word_prints_a_figure_its_chinese_does_not_state():
    raw = _raw()
    for group in (*module.WORD_GROUPS, "suffixes", "modifiers", "verbs", "measures"):
        for zh, en in raw[group].items():
            for number in _english_numbers(en or ""):
                assert any(math.isclose(number, n) for n in numbers_in(zh)), (group, zh, en)


def test_measures_are_units_the_extractor_reads():
    # the extractor's measure words, time units and currencies, and the units its growth, age
    # and area patterns name apart
    units = {*MEASURE_WORDS, *TIME_UNITS, *CURRENCY_CODES, "倍", "个百分点", "岁", "平方千米"}
    assert set(_raw()["measures"]) <= units


def test_a_placeholder_passes_through_unchanged():
    text = english("老年人健康管理率力争达到{general_16}", "title").text
    assert "{general_16}" in text
    assert not has_han(text)
    assert english("{trade_1}以上", "label").text == "{trade_1} or above"
    for kind in ("label", "title", "name"):
        assert "{a_1}" in english("出口{a_1}增长{b_2}", kind).text


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (
            "前4个月青岛港集装箱吞吐量同比增长9.6%",
            "Port of Qingdao container throughput up 9.6% year on year in the first 4 months",
        ),
        (
            "万众一心向前冲，“上合人”激活“新动能”",
            'Forge ahead as one, "SCO people" activate "new momentum"',
        ),
        ("青岛高新技术企业突破8000家", "Qingdao high-tech enterprises top 8000"),
        ("第34届青岛国际啤酒节闭幕", "34th Qingdao International Beer Festival closes"),
        (
            "岚山港区原油码头二期工程开工",
            "Construction starts on Lanshan Port Area crude oil terminal phase two project",
        ),
        ("富有上合特色的制度体系", "Institutional system with SCO characteristics"),
    ],
)
def test_headlines_read_as_english_sentences(zh, en):
    assert english(zh, "title") == English(en, ())


def test_glossary_english_is_drawn_by_the_bundled_fonts():
    raw = _raw()
    for family in ("Noto Sans SC", "Noto Serif SC"):
        face = resolve(family)
        for group, words in raw.items():
            if isinstance(words, dict):
                for zh, en in words.items():
                    if isinstance(en, str):
                        assert not missing_glyphs(en, face), (family, group, zh, en)


def test_pinyin_is_loaded_only_for_a_text_the_glossary_does_not_know():
    """pypinyin reads its dictionaries on import (about a tenth of a second): a command whose
    texts the glossary knows, like validating the seed, does not pay for it."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys\n"
        "from reportgen.locale.english import english\n"
        "known = english('对外贸易额增速').text\n"
        "before = 'pypinyin' in sys.modules\n"
        "unknown = english('王五', 'person').text\n"
        "print(known, before, unknown, 'pypinyin' in sys.modules, sep='|')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()
    assert out == "Foreign trade growth|False|Wang Wu|True"
