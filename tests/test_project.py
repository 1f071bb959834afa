"""`reportgen new`: a project laid out as the rest of reportgen expects, written whole or not
at all, into a new or empty folder only."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shlex
import shutil
import stat

import pytest
import yaml

from reportgen import project
from reportgen.template.listing import describe
from tests.conftest import BRIEFING_DIR, SEED_DIR


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_a_new_project_holds_settings_data_template_articles_and_workflow(tmp_path, run):
    result = run("new", str(tmp_path / "brief"))
    assert result.code == 0, result.err
    root = tmp_path / "brief"
    assert sorted(p.name for p in root.iterdir()) == [
        ".github",
        ".gitignore",
        "README.md",
        "articles",
        "data",
        "reportgen.toml",
        "templates",
    ]
    assert _files(root / "data" / SEED_DIR.name) == _files(SEED_DIR)
    assert _files(root / "templates" / "briefing") == _files(BRIEFING_DIR)
    assert (root / "templates" / "briefing" / "master.pptx").read_bytes() == (
        BRIEFING_DIR / "master.pptx"
    ).read_bytes()
    assert "output/" in (root / ".gitignore").read_text().splitlines()
    steps = yaml.safe_load((root / ".github" / "workflows" / "briefing.yml").read_text())
    installs = [
        s["run"] for s in steps["jobs"]["list"]["steps"] if "pip install" in s.get("run", "")
    ]
    # installed from a folder here: a runner cannot reach it, so the repository variable
    # says (never a bare name, which an index may give to another project)
    assert installs == [f"python -m pip install {project.FROM_VARIABLE}\n"]
    assert steps["env"] == {"REPORTGEN_INSTALL": "${{ vars.REPORTGEN_INSTALL }}"}
    assert "repository variable REPORTGEN_INSTALL" in result.err
    assert "cd " in result.err and "reportgen build" in result.err


def test_the_project_folder_is_an_ordinary_folder_not_a_private_temporary_one(tmp_path, run):
    old = os.umask(0o022)
    try:
        assert run("new", str(tmp_path / "brief")).code == 0
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "brief").stat().st_mode)
    assert mode == 0o755


def test_the_workflow_installs_what_it_is_told_as_one_requirement(tmp_path, run):
    requirement = "reportgen @ git+https://example.org/rg@v1 # pinned"
    assert run("new", str(tmp_path / "b"), "--install", requirement).code == 0
    workflow = tmp_path / "b" / ".github" / "workflows" / "briefing.yml"
    document = yaml.safe_load(workflow.read_text())
    steps = document["jobs"]["list"]["steps"]
    (line,) = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert shlex.split(line) == ["python", "-m", "pip", "install", requirement]


def test_a_reportgen_installed_from_git_is_what_the_workflow_installs(monkeypatch):
    recorded = {
        "url": "https://example.org/you/reportgen",
        "vcs_info": {"vcs": "git", "commit_id": "0123abc"},
    }

    class Installed:
        def read_text(self, name):
            return json.dumps(recorded) if name == "direct_url.json" else None

    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Installed())
    assert project.installed_from() == "git+https://example.org/you/reportgen@0123abc"
    recorded.clear()
    recorded["url"] = "file:///home/me/reportgen"
    assert project.installed_from() is None


def test_empty_starts_without_example_data_and_build_says_what_to_do(tmp_path, run, monkeypatch):
    assert run("new", "--empty", str(tmp_path / "b")).code == 0
    assert [p.name for p in (tmp_path / "b" / "data").iterdir()] == [".gitkeep"]
    monkeypatch.chdir(tmp_path / "b")
    result = run("build")
    assert result.code == 2
    assert result.err.strip() == (
        "reportgen: data: no data folder in it yet; draft one from articles with "
        "reportgen extract ARTICLES --to-data data/NAME"
    )
    assert not (tmp_path / "b" / "output").exists()


@pytest.mark.parametrize("occupied", ["file", "folder"])
def test_a_folder_with_anything_in_it_is_refused_in_one_line(tmp_path, run, occupied):
    target = tmp_path / "brief"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    if occupied == "folder":
        (target / "notes.txt").unlink()
        (target / "sub").mkdir()
    result = run("new", str(target))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "brief: not empty" in result.err
    assert len(list(target.iterdir())) == 1  # untouched


def test_an_empty_folder_is_filled(tmp_path, run):
    (tmp_path / "brief").mkdir()
    assert run("new", str(tmp_path / "brief")).code == 0
    assert (tmp_path / "brief" / "reportgen.toml").is_file()


def test_a_project_that_cannot_be_made_whole_leaves_nothing(tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project.shutil, "copytree", fail)
    with pytest.raises(OSError):
        project.new_project(tmp_path / "brief")
    assert list(tmp_path.iterdir()) == []  # no project, no staging folder


def test_the_project_template_is_used_before_the_bundled_one(tmp_path, run, monkeypatch):
    assert run("new", str(tmp_path / "b")).code == 0
    monkeypatch.chdir(tmp_path / "b")
    listing = describe(None).splitlines()
    heads = [line for line in listing if line.startswith("briefing  (")]
    assert heads[0].startswith("briefing  (project: templates/briefing: ")
    assert heads[1].startswith(
        "briefing  (bundled; --template briefing takes the project's templates/briefing: "
    )
    theme = tmp_path / "b" / "templates" / "briefing" / "theme.yaml"
    theme.write_text(theme.read_text().replace("name: briefing", "name: ours"), encoding="utf-8")
    result = run("build", "--format", "pdf", "--lang", "en")
    assert result.code == 0, result.err
    shutil.rmtree(tmp_path / "b" / "templates")  # the bundled template serves again
    assert run("build", "--format", "pdf", "--lang", "en").code == 0
    assert sorted(p.name for p in (tmp_path / "b" / "output").glob("*.pdf")) == [
        "qingdao-sco-2023-05_briefing-summary_en.pdf",
        "qingdao-sco-2023-05_ours-summary_en.pdf",
    ]
