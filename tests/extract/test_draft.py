"""A draft data folder from an article's facts: written whole and valid, or not at all."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from reportgen.data import load_dataset
from reportgen.extract.draft import (
    CannotDraft,
    DraftTooLarge,
    NeedsDate,
    NothingToDraft,
    Source,
    _title,
    slug,
    write_draft,
)

TEXT = "上合示范区简报\n\n上合示范区对外贸易额达360亿元，入驻企业4700余家。\n"
HEADED = (
    "title: 上合示范区外贸增长\noutlet: 青岛日报\ndate: 2023-06-28\nauthor: 王五\n---\n"
    "上合示范区外贸增长\n\n前5个月，上合示范区对外贸易额达150亿元，增长21.5%。\n"
)


def source(text: str = TEXT, name: str = "a.txt") -> Source:
    return Source(name, text.encode("utf-8"), text)


def draft(target, *sources: Source, when=date(2023, 5, 20)):
    return write_draft(list(sources) or [source()], target, when)


def test_the_facts_are_written_as_a_folder_validate_accepts(tmp_path):
    result = draft(tmp_path / "d")
    assert (result["metrics"], result["articles"], result["left_out"]) == (2, 1, [])
    dataset = load_dataset(tmp_path / "d")
    assert [(m.value, m.unit, m.qualifier, m.role) for m in dataset.metrics] == [
        (36_000_000_000, "CNY", "exact", "level"),
        (4700, "家", "over", "count"),
    ]
    assert [m.label["zh"] for m in dataset.metrics] == ["对外贸易额", "入驻企业"]
    assert (tmp_path / "d" / "raw" / "a.txt").read_bytes() == TEXT.encode()
    dataset_yaml = yaml.safe_load((tmp_path / "d" / "dataset.yaml").read_text("utf-8"))
    # the id comes from the subject and the month, not from the file's name
    assert dataset_yaml["id"] == "shanghe-2023-05" or dataset_yaml["id"].endswith("-2023-05")
    assert dataset_yaml["title_zh"] == "上合示范区简报"  # the headline
    assert dataset.info.subject["zh"] == "上合示范区"


def test_a_header_gives_title_outlet_date_and_reporter(tmp_path):
    draft(tmp_path / "d", source(HEADED), when=None)
    dataset = load_dataset(tmp_path / "d")
    (article,) = dataset.articles
    assert (article.title["zh"], article.outlet["zh"], article.reporter["zh"]) == (
        "上合示范区外贸增长",
        "青岛日报",
        "王五",
    )
    assert article.date == "2023-06-28"
    assert {m.period for m in dataset.metrics} == {"2023-01/2023-05"}  # 前5个月, not June


def test_several_articles_make_one_folder_and_one_fact_reported_twice_is_one_metric(tmp_path):
    second = "上合示范区动态\n\n上合示范区对外贸易额达360亿元。另有企业12家签约。\n"
    result = draft(tmp_path / "d", source(TEXT, "a/article.txt"), source(second, "b/article.txt"))
    assert result["articles"] == 2
    dataset = load_dataset(tmp_path / "d")
    trade = [m for m in dataset.metrics if m.value == 36_000_000_000]
    assert len(trade) == 1 and len(trade[0].also_in) == 1  # both quotes, one metric
    # two files of one name from two folders keep both raw pages
    assert sorted(p.name for p in (tmp_path / "d" / "raw").iterdir()) == [
        "a-article.txt",
        "b-article.txt",
    ]


def test_an_article_without_a_date_anywhere_needs_one(tmp_path):
    with pytest.raises(NeedsDate, match="no date"):
        draft(tmp_path / "d", when=None)
    assert not (tmp_path / "d").exists()


def test_a_malformed_header_is_refused_naming_the_line_and_field(tmp_path):
    bad = HEADED.replace("date: 2023-06-28", "date: 2023-13-01")
    with pytest.raises(CannotDraft) as refused:
        draft(tmp_path / "d", source(bad, "x.txt"), when=None)
    assert refused.value.file == "x.txt"
    assert "line 3, field 'date'" in str(refused.value)
    assert not (tmp_path / "d").exists()


def test_an_empty_article_is_refused_by_name(tmp_path):
    with pytest.raises(CannotDraft, match="empty") as refused:
        draft(tmp_path / "d", source(TEXT, "a.txt"), source("  \n", "blank.txt"))
    assert refused.value.file == "blank.txt"
    assert not (tmp_path / "d").exists()


def test_a_from_to_pair_is_two_levels_and_a_derived_change(tmp_path):
    text = "通车里程\n\n2023年，全省高速公路通车里程由12.1万公里增加到14.6万公里。\n"
    draft(tmp_path / "d", source(text))
    dataset = load_dataset(tmp_path / "d")
    reported = [m for m in dataset.metrics if not m.is_derived]
    assert [(m.value, m.role) for m in reported] == [(121000, "level"), (146000, "level")]
    (change,) = [m for m in dataset.metrics if m.is_derived]
    assert (change.value, change.role, change.change_of) == (25000, "change", reported[1].id)


def test_slugs_are_pinyin_for_chinese_and_ascii_as_it_is():
    assert slug("青岛市") == "qingdaoshi"
    assert slug("Zone A 2024") == "zone-a-2024"


def test_a_folder_that_is_not_empty_is_never_written_into(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="exists and is not empty; choose a new folder"):
        draft(tmp_path / "d")
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["notes.txt"]


def test_nothing_to_draft_writes_nothing_and_says_why(tmp_path):
    with pytest.raises(NothingToDraft) as error:
        draft(tmp_path / "d", source("标题\n\n没有数字的一段话。\n"))
    assert str(error.value) == "no quantitative fact a data folder can hold: nothing to draft"
    assert error.value.left_out == []
    assert isinstance(error.value, CannotDraft)
    assert not (tmp_path / "d").exists()
    assert list(tmp_path.iterdir()) == []  # no staging folder left behind


def test_nothing_to_draft_names_at_most_three_reasons():
    error = NothingToDraft([f"'{n}' (rank): why {n}" for n in range(5)])
    assert str(error).endswith("('0' (rank): why 0; '1' (rank): why 1; '2' (rank): why 2)")
    assert len(error.left_out) == 5


def test_a_draft_too_large_says_its_size_and_the_limit():
    message = str(DraftTooLarge("metrics.yaml", 3 * 2**20, 9000))
    assert message.startswith("the draft's metrics.yaml would be 3.0 MiB (9000 metrics), over the")
    assert message.endswith("draft a shorter article or one part of it at a time")


def test_event_titles_are_cut_where_a_clause_ends_not_inside_a_figure():
    sentence = (
        "按照《青岛市空气质量持续改善行动方案（2024—2025年）》，到2025年底，"
        "PM2.5浓度要控制在24微克/立方米以内。"
    )
    assert (
        _title(sentence, limit=50)
        == "按照《青岛市空气质量持续改善行动方案（2024—2025年）》，到2025年底"
    )
    assert _title("短句。") == "短句。"


def test_an_undated_article_is_not_dated_by_another_articles_header(tmp_path):
    undated = "外贸稳中有进\n\n本报讯（记者 张三）前三季度，全市进出口额1200亿元。\n"
    with pytest.raises(NeedsDate) as refused:
        draft(tmp_path / "d", source(HEADED, "a.txt"), source(undated, "b.txt"), when=None)
    assert refused.value.file == "b.txt"
    assert not (tmp_path / "d").exists()


FEATURE = (
    "title: 示范区三年迈上新台阶\noutlet: 大众日报\ndate: 2024-11-05\n---\n"
    "示范区三年迈上新台阶\n\n开篇介绍示范区建设背景和总体情况。\n\n"
    "开放通道越拓越宽\n\n1—10月，示范区进出口总额达286.9亿元，同比增长9.3%；"
    "其中出口和进口分别增长12.1%和5.6%。\n\n"
    "项目建设提速\n\n今年以来新签约项目127个。下一步，示范区将加快建设国际物流中心，"
    "打造开放新高地。\n"
)


def test_a_draft_keeps_each_figures_clause_and_subhead_and_the_articles_plans(tmp_path):
    draft(tmp_path / "d", source(FEATURE), when=None)
    metrics = yaml.safe_load((tmp_path / "d" / "metrics.yaml").read_text("utf-8"))["metrics"]
    by_value = {m["value"]: m for m in metrics}
    trade = by_value[28_690_000_000]
    assert trade["section"] == "开放通道越拓越宽"
    assert trade["point"] == "1—10月，示范区进出口总额达{" + trade["id"] + "}"
    exports = by_value[12.1]
    imports = by_value[5.6]
    assert exports["point"] == f"出口和进口分别增长{{{exports['id']}}}和{{{imports['id']}}}"
    assert by_value[127]["section"] == "项目建设提速"
    # the article's language only: English is translated when the folder is read
    assert all("label_en" not in m for m in metrics)
    articles = yaml.safe_load((tmp_path / "d" / "articles.yaml").read_text("utf-8"))["articles"]
    assert articles[0]["plans"] == ["示范区将加快建设国际物流中心，打造开放新高地"]
    assert load_dataset(tmp_path / "d").metrics[0].label["en"]  # validates, English read
