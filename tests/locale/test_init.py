"""One module per language, each providing the same interface."""

from __future__ import annotations

import pytest

from reportgen import locale


@pytest.mark.parametrize("lang", locale.LANGS)
def test_every_language_provides_the_interface(lang):
    module = locale.get(lang)
    assert isinstance(module, locale.Language)
    assert module.TAG.split("-")[0] == lang


def test_an_unknown_language_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="unknown language 'fr'; known: zh, en"):
        locale.get("fr")


def test_a_module_missing_part_of_the_interface_does_not_pass():
    import types

    from reportgen.locale import en

    partial = types.ModuleType("partial")
    partial.__dict__.update({k: v for k, v in vars(en).items() if k != "rank_text"})
    assert not isinstance(partial, locale.Language)


@pytest.mark.parametrize("lang", locale.LANGS)
def test_every_language_names_every_chart_kind(lang):
    from reportgen.charts.kinds import KINDS

    names = locale.get(lang).CHART_KIND_NAMES
    assert set(names) == set(KINDS) and all(names.values())


def _protocol_members() -> set[str]:
    return {
        name
        for name in (*locale.Language.__annotations__, *vars(locale.Language))
        if not name.startswith("_")
    }


@pytest.mark.parametrize("lang", locale.LANGS)
def test_the_protocol_lists_what_callers_read(lang):
    # what `reportgen plan` and the checker read through locale.get(lang)
    members = _protocol_members()
    assert {"PLAN_TEXTS", "STORY_TEXTS", "story_point", "plan_lead"} <= members
    assert "READING" in members
    assert all(hasattr(locale.get(lang), name) for name in members)


@pytest.mark.parametrize("missing", ["PLAN_TEXTS", "plan_lead", "READING"])
def test_a_module_missing_a_plan_or_reading_member_does_not_pass(missing):
    import types

    from reportgen.locale import zh

    partial = types.ModuleType("partial")
    partial.__dict__.update({k: v for k, v in vars(zh).items() if k != missing})
    assert not isinstance(partial, locale.Language)


#: Every protocol tuple and its length, the same in every language (a renderer indexes them).
_TUPLES = {"SUMMARY_HEADINGS": 5, "FIGURE_COLUMNS": 5, "EVENT_COLUMNS": 3}


@pytest.mark.parametrize("lang", locale.LANGS)
def test_every_protocol_tuple_has_the_shared_shape(lang):
    module = locale.get(lang)
    for name, length in _TUPLES.items():
        value = getattr(module, name)
        assert isinstance(value, tuple) and len(value) == length, name
        assert all(isinstance(item, str) and item for item in value), name
    plan = module.PLAN_TEXTS
    assert isinstance(plan, locale.PlanTexts)
    assert len(plan.article_columns) == 3 and all(plan.article_columns)
    assert plan.label_limit > 0


def test_the_shared_tuples_are_every_tuple_the_protocol_lists():
    # a new tuple in the protocol must get its shape here too
    tuples = {
        name
        for name, kind in locale.Language.__annotations__.items()
        if str(kind).startswith("tuple")
    }
    assert tuples == set(_TUPLES)


@pytest.mark.parametrize(("lang", "wrap"), [("zh", "CJK"), ("en", None)])
def test_chinese_breaks_lines_anywhere_english_at_spaces(lang, wrap):
    assert wrap == locale.get(lang).PDF_WORD_WRAP
