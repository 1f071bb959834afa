"""Localised text: one type whether a file writes ``label_zh``/``label_en`` or a mapping."""

from __future__ import annotations

import pickle

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from reportgen.locale.texts import FoldsLanguages, Localized, field_name, fold, unfold, unfolded


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Localized[str]
    note: Localized[str | None] = Localized({})
    parties: Localized[list[str]] = Localized({"zh": [], "en": []})

    @model_validator(mode="before")
    @classmethod
    def _fold(cls, data):
        return fold(data, ("label", "note", "parties")) if isinstance(data, dict) else data


def test_suffixed_keys_and_a_mapping_give_the_same_value():
    suffixed = Entry.model_validate({"label_zh": "对外贸易额", "label_en": "Foreign trade"})
    mapped = Entry.model_validate({"label": {"zh": "对外贸易额", "en": "Foreign trade"}})
    assert suffixed == mapped
    assert suffixed.label["zh"] == "对外贸易额" and suffixed.label["en"] == "Foreign trade"
    assert list(suffixed.label) == ["zh", "en"]


def test_a_required_language_missing_is_named_as_the_file_writes_it():
    with pytest.raises(ValidationError) as caught:
        Entry.model_validate({"label_zh": "对外贸易额"})
    (error,) = caught.value.errors()
    assert error["msg"] == "Field required"
    assert field_name(error["loc"]) == ("label_en",)


def test_an_unknown_language_is_refused():
    with pytest.raises(ValidationError) as caught:
        Entry.model_validate({"label_zh": "a", "label_en": "b", "label_fr": "c"})
    assert [field_name(e["loc"]) for e in caught.value.errors()] == [("label_fr",)]
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        Localized({"fr": "c"})


def test_optional_languages_read_as_none():
    entry = Entry.model_validate({"label_zh": "a", "label_en": "b", "note_zh": "注"})
    assert entry.note["zh"] == "注" and entry.note["en"] is None


def test_lists_are_frozen_hashable_and_pickle():
    entry = Entry.model_validate(
        {"label_zh": "a", "label_en": "b", "parties_zh": ["甲", "乙"], "parties_en": ["A", "B"]}
    )
    assert entry.parties["zh"] == ("甲", "乙")
    assert hash(entry) == hash(Entry.model_validate(entry.model_dump()))
    assert pickle.loads(pickle.dumps(entry)) == entry


def test_unfold_writes_the_file_form_in_language_order():
    entry = Entry.model_validate(
        {"label_en": "b", "label_zh": "a", "parties_zh": ["甲"], "parties_en": ["A"]}
    )
    assert unfold("label", entry.label) == {"label_zh": "a", "label_en": "b"}
    assert unfold("parties", entry.parties) == {"parties_zh": ["甲"], "parties_en": ["A"]}
    assert unfold("note", None) == {"note_zh": None, "note_en": None}
    assert entry.model_dump()["label"] == {"zh": "a", "en": "b"}


def test_field_name_leaves_other_locations_alone():
    assert field_name(("metrics", 3, "value")) == ("metrics", 3, "value")
    assert field_name(("title", "en", 2)) == ("title_en", 2)


class Item(FoldsLanguages):
    model_config = ConfigDict(extra="forbid", frozen=True)
    localized = ("label",)
    metric: str
    label: Localized[str | None] = Localized({})


class Chart(FoldsLanguages):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    localized = ("title",)
    id: str
    title: Localized[str]
    items: list[Item] = Field(default_factory=list)


def test_a_model_folds_the_fields_it_names_localized():
    chart = Chart.model_validate({"id": "c", "title_zh": "标题", "title_en": "Title"})
    assert chart.title == Localized({"zh": "标题", "en": "Title"})


def test_localized_text_is_stripped_like_the_models_text():
    chart = Chart.model_validate({"id": "c", "title_zh": " 标题\n", "title_en": "Title "})
    assert dict(chart.title) == {"zh": "标题", "en": "Title"}


def test_unfolded_writes_localized_fields_back_per_language_in_place_nested_too():
    chart = Chart.model_validate(
        {
            "id": "c",
            "title": {"zh": "标题", "en": "Title"},
            "items": [{"metric": "a", "label_zh": "甲"}, {"metric": "b"}],
        }
    )
    dumped = chart.model_dump(mode="json", exclude_defaults=True)
    assert list(unfolded(chart, dumped).items()) == [
        ("id", "c"),
        ("title_zh", "标题"),
        ("title_en", "Title"),
        ("items", [{"metric": "a", "label_zh": "甲"}, {"metric": "b"}]),
    ]
