"""What a run works on: data folders by precedence, folders of new articles that have no data
folder yet, and the matrix the scheduled workflow fans out over."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reportgen.errors import UsageError
from reportgen.folders import article_dirs, data_dirs, matrix, work
from tests.conftest import MINI_DIR, SEED_DIR, edit


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("2023-05", "2023-07"):
        shutil.copytree(MINI_DIR, tmp_path / "data" / name)
    return tmp_path


def test_given_folders_win_then_configured_ones_then_the_seed_example(project):
    given, configured = [project / "data" / "2023-07"], [project / "data"]
    assert data_dirs(given, configured) == given
    assert data_dirs([], configured) == [project / "data" / "2023-05", project / "data" / "2023-07"]
    assert data_dirs() == [SEED_DIR]


def test_a_folder_named_twice_is_built_once(project):
    folder = project / "data" / "2023-05"
    assert data_dirs([folder, project / "data"]) == [folder, project / "data" / "2023-07"]


def test_an_empty_data_folder_is_an_error_saying_how_to_fill_it_unless_listing(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / ".gitkeep").write_text("")
    with pytest.raises(UsageError, match="no data folder in it yet; draft one"):
        data_dirs([tmp_path / "data"])
    assert data_dirs([tmp_path / "data"], empty_ok=True) == []


def _articles(root, name, files=("a.txt",)):
    folder = root / "articles" / name
    folder.mkdir(parents=True)
    for file in files:
        (folder / file).write_text("标题\n\n正文。", encoding="utf-8")
    return folder


def test_article_folders_are_those_with_texts_and_no_data_folder_yet(project):
    june = _articles(project, "2023-06")
    _articles(project, "2023-05")  # drafted and reviewed already: data/2023-05 exists
    _articles(project, "notes", files=("README.md",))  # no article in it
    (project / "articles" / "loose.txt").write_text("x", encoding="utf-8")  # not a folder
    assert [p.as_posix() for p in article_dirs()] == [june.relative_to(project).as_posix()]


def test_there_are_no_article_folders_without_an_articles_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert article_dirs() == []


def test_each_job_has_a_unique_name_and_says_whether_it_was_reviewed(project):
    edit(
        project / "data" / "2023-07" / "metrics.yaml",
        "    topic: trade\n",
        "    topic: trade\n    reviewed: false\n",
    )
    other = project / "more" / "2023-05"
    shutil.copytree(MINI_DIR, other)
    jobs = work(
        [Path("data/2023-05"), Path("data/2023-07"), Path("more/2023-05")],
        [Path("articles/2023-06")],
    )
    assert [(j.name, j.data, j.articles, j.reviewed, j.artifact) for j in jobs] == [
        ("2023-05", "data/2023-05", "", True, "briefing-2023-05"),
        ("2023-07", "data/2023-07", "", False, "draft-2023-07"),
        ("2023-05-2", "more/2023-05", "", True, "briefing-2023-05-2"),
        ("2023-06", "drafts/2023-06", "articles/2023-06", False, "draft-2023-06"),
    ]
    assert json.loads(matrix(jobs))[3] == {
        "name": "2023-06",
        "data": "drafts/2023-06",
        "articles": "articles/2023-06",
        "reviewed": False,
        "artifact": "draft-2023-06",
    }
    assert "\n" not in matrix(jobs)  # one line, as $GITHUB_OUTPUT takes it


def test_a_data_folder_that_does_not_load_is_not_called_reviewed(project):
    (project / "data" / "2023-05" / "metrics.yaml").write_text("- [", encoding="utf-8")
    (job,) = work([Path("data/2023-05")], [])
    assert not job.reviewed and job.artifact == "draft-2023-05"


def test_folders_command_lists_the_work_plainly_and_as_json(project, run):
    edit(
        project / "data" / "2023-07" / "metrics.yaml",
        "    topic: trade\n",
        "    topic: trade\n    reviewed: false\n",
    )
    _articles(project, "2023-08")
    (project / "reportgen.toml").write_text('data = ["data"]\n', encoding="utf-8")
    plain = run("folders")
    assert plain.code == 0 and plain.out.splitlines() == [
        "data/2023-05  (data folder; reviewed; artifact briefing-2023-05)",
        "data/2023-07  (data folder; NOT REVIEWED; artifact draft-2023-07)",
        "drafts/2023-08  (drafted from articles/2023-08; NOT REVIEWED; artifact draft-2023-08)",
    ]
    listed = json.loads(run("folders", "--json").out)
    assert [job["data"] for job in listed] == ["data/2023-05", "data/2023-07", "drafts/2023-08"]


def test_articles_drafted_into_a_configured_data_folder_are_not_drafted_again(project):
    _articles(project, "2023-07")  # reviewed as data/2023-07 already
    _articles(project, "2023-09")
    shutil.copytree(MINI_DIR, project / "briefings" / "2023-09")  # data = ["briefings"]
    assert [p.name for p in article_dirs(data=[project / "briefings" / "2023-09"])] == []


def test_a_folder_name_becomes_a_safe_artifact_name(project):
    (job,) = work([Path('data/a "b" $(x)')], [])
    assert job.name == "a--b----x" and job.artifact == "draft-a--b----x"
    (job,) = work([Path("data/二〇二三年六月")], [])
    assert job.name == "二〇二三年六月"
