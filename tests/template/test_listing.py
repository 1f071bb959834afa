"""`reportgen templates`: the templates there are and the layouts their masters offer."""

from __future__ import annotations

import shutil

import pytest

from reportgen.errors import TemplateError
from reportgen.template.listing import describe
from tests.conftest import BRIEFING_DIR

BRIEFING = BRIEFING_DIR


def test_every_template_is_listed_with_its_files_and_layouts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no templates/ here: the checkout's are listed
    lines = describe(None).splitlines()
    assert lines[0].startswith("briefing  (") and "master.pptx, summary.yaml" in lines[0]
    assert any(line.startswith("    KPI Grid: ") for line in lines)


def test_a_master_is_described_by_its_layouts():
    lines = describe(str(BRIEFING / "master.pptx")).splitlines()
    assert lines[0].endswith("master.pptx (master)")
    assert "    Title: " in "\n".join(lines)


def test_a_folder_without_a_theme_is_not_a_template(tmp_path):
    folder = tmp_path / "house"
    shutil.copytree(BRIEFING, folder)
    (folder / "theme.yaml").unlink()
    (folder / "master.pptx").unlink()
    with pytest.raises(TemplateError) as info:
        describe(str(folder))
    assert [p.message for p in info.value.problems] == [
        "not a template: no theme.yaml or master.pptx"
    ]
