"""Where reportgen looks when the command line does not say, and how it names paths."""

from __future__ import annotations

import os
from pathlib import Path

from reportgen.paths import cache_root, default_data_dir, display_path
from tests.conftest import SEED_DIR


def test_a_path_inside_the_working_folder_is_shown_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "output" / "deck.pptx") == os.path.join("output", "deck.pptx")
    assert display_path(Path("output/deck.pptx")) == os.path.join("output", "deck.pptx")


def test_a_path_outside_the_working_folder_is_shown_as_given(tmp_path, monkeypatch):
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    outside = tmp_path / "elsewhere" / "deck.pptx"
    assert display_path(outside) == str(outside)  # not ../elsewhere/deck.pptx


def test_the_seed_example_is_found_in_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert default_data_dir() == SEED_DIR
    assert (default_data_dir() / "metrics.yaml").is_file()


def test_the_cache_is_where_the_environment_says(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "mine"
    assert (tmp_path / "mine").is_dir()
    monkeypatch.delenv("REPORTGEN_CACHE_DIR")
    assert cache_root() == tmp_path / "xdg" / "reportgen"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_root() == tmp_path / "home" / ".cache" / "reportgen"


def test_an_unwritable_cache_falls_back_to_a_temporary_one_said_once(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)  # restored after the test
    first = cache_root()
    assert first.is_dir() and first.name.startswith("reportgen-cache-")
    assert os.environ["REPORTGEN_CACHE_DIR"] == str(first)  # workers use it too
    assert cache_root() == first  # the second call finds the temporary one: no new warning
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"cannot write the cache folder {blocker / 'cache'}" in err
    assert "set REPORTGEN_CACHE_DIR to keep the cache" in err
