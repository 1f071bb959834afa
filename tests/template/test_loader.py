import shutil
from pathlib import Path

import pytest

from reportgen.errors import TemplateError
from reportgen.template import load_template, template_dir
from tests.conftest import BRIEFING_DIR, edit

BRIEFING = BRIEFING_DIR


@pytest.fixture
def template(tmp_path):
    target = tmp_path / "house"
    shutil.copytree(BRIEFING, target)
    return target


def problems(path, metric_ids=None) -> list[str]:
    with pytest.raises(TemplateError) as info:
        load_template(path, metric_ids)
    return [str(p) for p in info.value.problems]


def test_briefing_loads_by_name_and_by_path():
    assert load_template("briefing").name == "briefing"
    assert load_template(BRIEFING).name == "briefing"
    assert template_dir("briefing").resolve() == BRIEFING.resolve()


def test_bad_colour_names_file_line_and_field(template):
    edit(template / "theme.yaml", 'primary: "#0B3D6B"', 'primary: "navy"')
    found = problems(template)
    assert len(found) == 1
    assert "theme.yaml:4: theme, field 'colors.primary': String should match pattern" in found[0]


def test_unavailable_font_family(template):
    edit(template / "theme.yaml", "east_asian: Noto Sans SC", "east_asian: SimHei")
    assert (
        "field 'fonts.east_asian': font family 'SimHei' is not available" in problems(template)[0]
    )


def test_chart_naming_an_unknown_metric(template):
    edit(template / "charts.yaml", "metric: staff_masters,", "metric: staff_master,")
    found = problems(template, {"staff_total", "staff_masters"})
    assert any("chart 'staff_by_degree': unknown metric id 'staff_master'" in f for f in found)


def test_chart_of_unknown_kind(template):
    edit(template / "charts.yaml", "kind: rank", "kind: pie3d")
    assert "chart 'ranking_climb', field 'kind': Input should be" in problems(template)[0]


def test_missing_template_folder(tmp_path):
    assert problems(tmp_path / "none")[0].endswith("template folder not found")


def test_a_template_name_is_found_in_the_checkout_from_anywhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no templates/ here
    assert template_dir("briefing").resolve() == BRIEFING.resolve()
    assert template_dir("nosuch") == Path("templates") / "nosuch"  # named as the user gave it
