"""A template's theme: validated once, so a typo in a colour or a size stops before drawing."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from reportgen.theme import MAX_CHART_PIXELS, Theme, theme_name

THEME = {
    "name": "briefing",
    "colors": {
        "primary": "#0B3D6B",
        "secondary": "#1B8A8F",
        "accent": "#D98E04",
        "series": ["#0B3D6B", "#1B8A8F"],
        "text": "#1E2A35",
        "muted": "#677586",
        "grid": "#D7DDE3",
        "background": "#FFFFFF",
    },
    "fonts": {"latin": "Noto Sans SC", "east_asian": "Noto Sans SC"},
    "sizes": {
        "title": 28,
        "heading": 20,
        "body": 14,
        "caption": 10,
        "chart_title": 15,
        "chart_label": 11,
        "chart_tick": 10,
        "chart_note": 8.5,
    },
    "chart": {"width_in": 10.0, "height_in": 5.625, "dpi": 200},
}


def theme_with(path: str, value) -> dict:
    """THEME with one value changed (``path`` like "colors.primary"); None removes it."""
    doc = copy.deepcopy(THEME)
    *parents, key = path.split(".")
    target = doc
    for part in parents:
        target = target[part]
    if value is None:
        del target[key]
    else:
        target[key] = value
    return doc


def error_fields(doc: dict) -> list[str]:
    with pytest.raises(ValidationError) as error:
        Theme.model_validate(doc)
    return [".".join(str(p) for p in e["loc"]) for e in error.value.errors()]


def test_a_theme_written_before_the_optional_keys_keeps_its_look():
    theme = Theme.model_validate(THEME)
    assert theme.colors.stripe == "#F2F4F6"
    assert theme.derived.alpha == 0.45 and theme.derived.hatch == "///"


@pytest.mark.parametrize("colour", ["#0B3D6", "0B3D6B", "#0B3D6G", "#0B3D6B80", "navy", ""])
def test_a_colour_must_be_hash_and_six_hex_digits(colour):
    assert error_fields(theme_with("colors.primary", colour)) == ["colors.primary"]


def test_lower_case_hex_is_a_colour():
    assert Theme.model_validate(theme_with("colors.accent", "#d98e04")).colors.accent == "#d98e04"


def test_a_chart_needs_at_least_two_series_colours():
    assert error_fields(theme_with("colors.series", ["#0B3D6B"])) == ["colors.series"]


@pytest.mark.parametrize(("size", "ok"), [(2, False), (2.5, True), (200, True), (201, False)])
def test_sizes_are_points_between_2_and_200(size, ok):
    doc = theme_with("sizes.body", size)
    if ok:
        assert Theme.model_validate(doc).sizes.body == size
    else:
        assert error_fields(doc) == ["sizes.body"]


def test_unknown_keys_and_missing_ones_are_named():
    assert error_fields(theme_with("colors.primry", "#0B3D6B")) == ["colors.primry"]
    assert error_fields(theme_with("sizes.caption", None)) == ["sizes.caption"]


@pytest.mark.parametrize("name", ["../evil", "a/b", "-briefing", "", "x" * 65, "new zone"])
def test_a_name_that_is_no_file_name_part_is_refused(name):
    assert error_fields(theme_with("name", name)) == ["name"]


def test_a_hatch_is_made_of_matplotlibs_marks_only():
    assert Theme.model_validate(theme_with("derived", {"hatch": "xx"})).derived.hatch == "xx"
    assert error_fields(theme_with("derived", {"hatch": "$\\pi$"})) == ["derived.hatch"]
    assert error_fields(theme_with("derived", {"alpha": 0})) == ["derived.alpha"]


def test_a_chart_image_of_too_many_pixels_is_refused_naming_its_size():
    doc = theme_with("chart", {"width_in": 40, "height_in": 40, "dpi": 600})
    with pytest.raises(ValidationError, match="40 x 40 in at 600 dpi makes images of 576 million"):
        Theme.model_validate(doc)
    assert MAX_CHART_PIXELS == 25_000_000
    edge = {"width_in": 25, "height_in": 10, "dpi": 100}  # exactly 25 million pixels
    assert Theme.model_validate(theme_with("chart", edge)).chart.dpi == 100


def test_the_theme_is_read_only():
    theme = Theme.model_validate(THEME)
    with pytest.raises(ValidationError):
        theme.colors.primary = "#000000"


@pytest.mark.parametrize(
    ("folder", "name"),
    [
        ("new zone (2023)", "new-zone-2023"),
        ("briefing", "briefing"),
        ("--.hidden", "hidden"),
        ("区域简报", "template"),  # nothing usable is left
        ("a" * 70, "a" * 64),
        ("trailing-", "trailing"),
    ],
)
def test_a_folder_name_becomes_a_valid_theme_name(folder, name):
    assert theme_name(folder) == name
    Theme.model_validate(theme_with("name", name))
