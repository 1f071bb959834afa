"""Project settings as a user writes them: what is accepted, where paths point, who wins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.config import load_config
from reportgen.errors import ConfigError
from tests.conftest import BRIEFING_DIR, MINI_DIR


def test_a_settings_file_with_a_bom_is_read(tmp_path):
    (tmp_path / "reportgen.toml").write_bytes(
        '\ufefflang = ["en"]\nformat = "xlsx"\njobs = 2\n'.encode()
    )
    settings, path = load_config(tmp_path)
    assert path == tmp_path / "reportgen.toml"
    assert settings == {"lang": ["en"], "format": ["xlsx"], "jobs": 2}


def test_a_bom_settings_file_takes_effect_in_build(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(MINI_DIR, tmp_path / "mini")
    (tmp_path / "reportgen.toml").write_bytes(
        '\ufeffdata = "mini"\nformat = ["xlsx"]\nout = "built"\n'.encode()
    )
    result = run("build")
    assert result.code == 0, result.err
    built = sorted(p.name for p in (tmp_path / "built").iterdir() if not p.name.startswith("."))
    assert built == ["mini-tables.xlsx"]  # data, format and out all came from the file


def test_relative_paths_are_relative_to_the_settings_folder(tmp_path, monkeypatch):
    project = tmp_path / "project"
    shutil.copytree(MINI_DIR, project / "data" / "mini")
    (project / "reportgen.toml").write_text(
        'data = ["data/mini"]\nout = "built"\n', encoding="utf-8"
    )
    settings, _ = load_config(project)
    assert settings == {"data": [project / "data" / "mini"], "out": project / "built"}
    monkeypatch.chdir(project)  # the way build reads them: from the working folder
    settings, path = load_config()
    assert path == Path("reportgen.toml")
    assert settings["data"][0].resolve() == (project / "data" / "mini").resolve()


def test_lists_strings_and_commas_mean_the_same_as_the_option(tmp_path):
    (tmp_path / "reportgen.toml").write_text(
        'lang = "zh, en,zh"\nformat = ["pdf", "pptx,xlsx"]\n', encoding="utf-8"
    )
    settings, _ = load_config(tmp_path)
    assert settings == {"lang": ["zh", "en"], "format": ["pdf", "pptx", "xlsx"]}


def test_templates_by_name_folder_or_master(tmp_path):
    shutil.copytree(BRIEFING_DIR, tmp_path / "house")
    (tmp_path / "masters").mkdir()
    shutil.copy(BRIEFING_DIR / "master.pptx", tmp_path / "masters" / "m.pptx")
    for written, expected in [
        ("briefing", "briefing"),
        ("house", tmp_path / "house"),
        ("masters/m.pptx", tmp_path / "masters" / "m.pptx"),
    ]:
        (tmp_path / "reportgen.toml").write_text(f'template = "{written}"\n', encoding="utf-8")
        assert load_config(tmp_path)[0] == {"template": expected}


def test_every_bad_value_is_reported_at_once_naming_file_and_key(tmp_path):
    (tmp_path / "reportgen.toml").write_text(
        'lang = []\nformat = "docx"\njobs = 0\nout = 5\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    lines = [str(problem) for problem in raised.value.problems]
    assert len(lines) == 4 and raised.value.exit_code == 2
    for key in ("lang", "format", "jobs", "out"):
        assert sum(f"reportgen.toml: field '{key}': " in line for line in lines) == 1, lines


def test_a_bad_setting_is_not_blamed_on_the_option(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reportgen.toml").write_text("lang = []\n", encoding="utf-8")
    result = run("build")
    assert result.code == 2
    assert "reportgen.toml: field 'lang': is empty" in result.err
    assert "--lang" not in result.err


def test_pyproject_without_our_table_is_none_of_our_business(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.black]\nline-length = "long"\n', encoding="utf-8"
    )
    assert load_config(tmp_path) == ({}, None)
    (tmp_path / "pyproject.toml").write_text('title = "no tool table"\n', encoding="utf-8")
    assert load_config(tmp_path) == ({}, None)


def test_pyproject_table_is_read_and_reportgen_toml_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes('\ufeff[tool.reportgen]\nlang = ["en"]\n'.encode())
    assert load_config(tmp_path) == ({"lang": ["en"]}, tmp_path / "pyproject.toml")
    (tmp_path / "reportgen.toml").write_text('lang = "zh"\n', encoding="utf-8")
    assert load_config(tmp_path) == ({"lang": ["zh"]}, tmp_path / "reportgen.toml")


def test_no_settings_file_means_no_settings(tmp_path):
    assert load_config(tmp_path) == ({}, None)


def test_options_win_and_a_bad_value_is_reported_even_when_overridden(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "reportgen.toml").write_text('format = "pptx"\nout = "built"\n', encoding="utf-8")
    result = run("build", "--data", str(MINI_DIR), "--format", "xlsx")
    assert result.code == 0, result.err
    built = sorted(p.name for p in (tmp_path / "built").iterdir() if not p.name.startswith("."))
    assert built == ["mini-tables.xlsx"]  # --format won; out came from the file
    (tmp_path / "reportgen.toml").write_text('format = "docx"\n', encoding="utf-8")
    stale = run("build", "--data", str(MINI_DIR), "--format", "xlsx")
    assert stale.code == 2 and "reportgen.toml: field 'format': takes pptx" in stale.err
