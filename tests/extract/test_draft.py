"""A draft data folder from an article's facts: written whole and valid, or not at all."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from reportgen.data import load_dataset
from reportgen.extract.draft import (
    CannotDraft,
    DraftTooLarge,
    NothingToDraft,
    _title,
    write_draft,
)
from reportgen.extract.facts import Fact

TEXT = "上合示范区简报\n对外贸易额达360亿元，入驻企业4700余家。"
SENTENCE = "对外贸易额达360亿元，入驻企业4700余家。"
FACTS = [
    Fact("360亿元", 14, 19, "money", 36_000_000_000, "CNY", "exact", "对外贸易额", SENTENCE),
    Fact("4700余家", 24, 30, "count", 4700, "家", "over", "入驻企业", SENTENCE, "余"),
]


def draft(target, facts=FACTS, text=TEXT):
    return write_draft("a.txt", text.encode(), text, facts, target, date(2023, 5, 20))


def test_the_facts_are_written_as_a_folder_validate_accepts(tmp_path):
    assert TEXT[14:19] == "360亿元" and TEXT[24:30] == "4700余家"  # the spans are the text's
    result = draft(tmp_path / "d")
    assert result == {"metrics": 2, "events": 0, "left_out": []}
    dataset = load_dataset(tmp_path / "d")
    assert [(m.value, m.unit, m.qualifier) for m in dataset.metrics] == [
        (36_000_000_000, "CNY", "exact"),
        (4700, "家", "over"),
    ]
    assert (tmp_path / "d" / "raw" / "a.txt").read_bytes() == TEXT.encode()
    dataset_yaml = yaml.safe_load((tmp_path / "d" / "dataset.yaml").read_text("utf-8"))
    assert dataset_yaml["id"] == "a" and dataset_yaml["as_of"] == "2023-05"
    assert dataset_yaml["title_zh"] == "上合示范区简报"  # the article's first line


def test_a_folder_that_is_not_empty_is_never_written_into(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="exists and is not empty; choose a new folder"):
        draft(tmp_path / "d")
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["notes.txt"]


def test_nothing_to_draft_writes_nothing_and_says_why(tmp_path):
    with pytest.raises(NothingToDraft) as error:
        draft(tmp_path / "d", facts=[])
    assert str(error.value) == "no quantitative fact a data folder can hold: nothing to draft"
    assert error.value.left_out == []
    assert isinstance(error.value, CannotDraft)
    assert not (tmp_path / "d").exists()


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
