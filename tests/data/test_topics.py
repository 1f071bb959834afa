"""The topic lexicon: bundled as data, extended per folder, read by validate."""

import pytest

from reportgen.data import validate_folder
from reportgen.data.topics import Topics, TopicsError
from tests.conftest import edit


@pytest.mark.parametrize(
    ("label", "sentence", "topic"),
    [
        ("出口增速", "1—10月，出口增长25.1%", "trade"),
        ("中欧班列开行量", "前4个月，中欧班列开行312列", "logistics"),
        ("入驻企业", "上合经贸综服平台入驻企业4700余家", "platform"),
        ("贷款余额", "截至5月末，本外币贷款余额2.1万亿元", "finance"),
        ("平均年龄", "团队平均年龄不到31岁", "talent"),
        ("签约项目", "现场签约项目18个，总投资260亿元", "investment"),
        ("人口", "常住人口1037万人", "general"),
    ],
)
def test_a_figure_gets_the_topic_its_words_tell(label, sentence, topic):
    assert Topics.load().assign(label, sentence, "level") == topic


def test_a_rank_is_a_ranking_whatever_its_words():
    assert Topics.load().assign("进出口额", "进出口额居全省第二", "rank") == "ranking"


def test_the_label_outweighs_the_rest_of_the_sentence():
    # a trade figure in a sentence about a platform is still trade
    assert Topics.load().assign("进出口额", "平台企业实现进出口额", "level") == "trade"


def test_a_folder_adds_topics_and_words(tmp_path):
    extra = tmp_path / "topics.yaml"
    extra.write_text(
        "topics:\n  - id: tourism\n    name_zh: 文旅\n    name_en: Tourism\n    words: [游客]\n"
        "  - id: trade\n    words: [易货]\n",
        encoding="utf-8",
    )
    topics = Topics.load(extra)
    assert "tourism" in topics.ids
    assert topics.assign("游客人次", "", "level") == "tourism"
    assert topics.assign("易货额", "", "level") == "trade"
    assert topics.name("trade", "zh") == "贸易"  # names kept where the folder gives none
    assert topics.topics[-1].id == "general"  # the fallback stays last


def test_a_malformed_topics_file_names_the_entry_and_field(tmp_path):
    extra = tmp_path / "topics.yaml"
    extra.write_text("topics:\n  - id: x\n    words: 游客\n", encoding="utf-8")
    with pytest.raises(TopicsError, match=r"topic 'x', field 'words'"):
        Topics.load(extra)


def test_validate_accepts_a_folders_own_topic_and_refuses_an_unknown_one(mini):
    folder = mini
    edit(folder / "metrics.yaml", "topic: trade", "topic: tourism")
    problems = validate_folder(folder)
    assert any("unknown topic 'tourism'" in str(p) for p in problems)
    (folder / "topics.yaml").write_text(
        "topics:\n  - id: tourism\n    name_zh: 文旅\n    name_en: Tourism\n", encoding="utf-8"
    )
    assert validate_folder(folder) == []


def test_a_move_between_places_is_a_ranking_but_people_counted_in_wei_are_not():
    topics = Topics.load()
    assert topics.assign("全国机场排名提升", "较上年前移2位", "change", "位") == "ranking"
    assert topics.assign("引进院士", "引进院士12位", "count", "位") != "ranking"
    assert topics.assign("引进人才", "引进人才1260名", "count", "名") == "talent"


def test_the_parts_of_gdp_are_general():
    assert Topics.load().assign("第三产业增加值", "", "level") == "general"
