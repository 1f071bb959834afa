"""One module per language, each providing the same interface."""

from __future__ import annotations

import pytest

from reportgen import locale


@pytest.mark.parametrize("lang", locale.LANGS)
def test_every_language_provides_the_interface(lang):
    module = locale.get(lang)
    assert isinstance(module, locale.Language)
    assert module.TAG.split("-")[0] == lang


def test_the_default_language_comes_first():
    assert locale.LANGS[0] == "zh"


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


def test_languages_share_the_shape_of_their_tables():
    zh, en = locale.get("zh"), locale.get("en")
    assert len(zh.EVENT_COLUMNS) == len(en.EVENT_COLUMNS) == 3
    assert (zh.PDF_WORD_WRAP, en.PDF_WORD_WRAP) == ("CJK", None)  # Chinese breaks anywhere
