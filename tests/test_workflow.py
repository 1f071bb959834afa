"""The workflows parse, the scheduled one is the one `reportgen new` writes, its matrix lists
what a local run builds, and its build job's steps run as written on a project of this tool."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reportgen.project import workflow
from tests.conftest import ROOT
from tests.test_readme import bash_blocks

WORKFLOWS = ROOT / ".github" / "workflows"
EXAMPLES = ROOT / "examples" / "articles-2023-06"
REPORTGEN = [sys.executable, "-m", "reportgen"]


def load(name: str = "briefing.yml") -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(document: dict) -> dict:
    return document[True] if True in document else document["on"]  # YAML reads 'on' as True


def runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_every_workflow_parses_and_names_its_jobs():
    for path in WORKFLOWS.glob("*.yml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert document["jobs"], path.name
        for job in document["jobs"].values():
            assert job["runs-on"] == "ubuntu-latest" and job["steps"]


def test_the_scheduled_workflow_is_the_one_a_new_project_gets():
    """One file for the tool's repository and every project: only the install line differs
    (the repository installs itself)."""
    assert (WORKFLOWS / "briefing.yml").read_text(encoding="utf-8") == workflow("-e .")
    document = load()
    assert "schedule" in triggers(document) and "workflow_dispatch" in triggers(document)


def test_a_first_job_lists_the_work_and_the_build_fans_out_over_it():
    jobs = load()["jobs"]
    assert any("reportgen folders --json" in r and "GITHUB_OUTPUT" in r for r in runs(jobs["list"]))
    build = jobs["build"]
    assert build["needs"] == "list"
    assert build["strategy"]["matrix"]["include"] == "${{ fromJSON(needs.list.outputs.jobs) }}"
    assert build["strategy"]["fail-fast"] is False  # one bad folder does not cancel the rest
    assert "[]" in build["if"]  # no work: no empty matrix (which GitHub refuses)
    uploads = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads[0]["with"]["name"] == "${{ matrix.artifact }}"


def test_the_test_workflow_runs_the_readme_test_command_on_the_supported_pythons():
    document = load("test.yml")
    test = document["jobs"]["test"]
    assert {"3.10", "3.13"} <= set(test["strategy"]["matrix"]["python-version"])
    assert bash_blocks()[1] in runs(test)
    wheel = "\n".join(runs(document["jobs"]["wheel"]))
    for command in ("pip wheel", "reportgen new", "reportgen build", "reportgen check output/"):
        assert command in wheel


def _reportgen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*REPORTGEN, *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture
def project(tmp_path) -> Path:
    """A new project with a month of articles waiting to be drafted."""
    assert _reportgen("new", "brief", cwd=tmp_path).returncode == 0
    root = tmp_path / "brief"
    shutil.copytree(EXAMPLES, root / "articles" / "2023-06")
    return root


def test_the_matrix_lists_what_a_local_build_builds(project):
    listed = json.loads(_reportgen("folders", "--json", cwd=project).stdout)
    built = _reportgen("build", "--format", "xlsx", cwd=project)
    assert built.returncode == 0, built.stderr
    record = json.loads((project / "output" / ".reportgen-outputs.json").read_text())
    made_by = {Path("output", owner["data"]).as_posix() for owner in record["outputs"].values()}
    made_by = {os.path.normpath(path) for path in made_by}
    assert {job["data"] for job in listed if not job["articles"]} == made_by
    drafts = [job for job in listed if job["articles"]]
    assert drafts == [
        {
            "name": "2023-06",
            "data": "drafts/2023-06",
            "articles": "articles/2023-06",
            "reviewed": False,
            "artifact": "draft-2023-06",
        }
    ]


def _expand(text: str, job: dict) -> str:
    def value(found: re.Match) -> str:
        item = job[found[1]]
        return str(item).lower() if isinstance(item, bool) else str(item)

    expanded = re.sub(r"\$\{\{\s*matrix\.(\w+)\s*\}\}", value, text)
    assert "${{" not in expanded, expanded  # every expression this test runs is a matrix value
    return expanded


def _wanted(step: dict, job: dict) -> bool:
    condition = step.get("if")
    if condition is None:
        return True
    found = re.fullmatch(r"matrix\.(\w+) != ''", condition)
    assert found, f"the test cannot evaluate if: {condition}"
    return job[found[1]] != ""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice renders contact sheets")
def test_the_build_job_runs_as_written_for_every_folder_listed(project, tmp_path):
    """Each matrix entry's steps (all but installing) run in the project as the runner runs
    them: the draft is made, validated, built, checked and previewed, and the artifact paths
    find files; the summary says which outputs come from unreviewed entries."""
    build = load()["jobs"]["build"]
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    listed = json.loads(_reportgen("folders", "--json", cwd=project).stdout)
    assert [job["artifact"] for job in listed] == [
        "briefing-qingdao-sco-2023-05",
        "draft-2023-06",
    ]
    for job in listed:
        variables = {**env, **{k: _expand(str(v), job) for k, v in build["env"].items()}}
        for step in build["steps"]:
            if "run" not in step or "pip install" in step["run"] or not _wanted(step, job):
                continue
            script = _expand(step["run"], job).replace("reportgen ", "python -m reportgen ")
            done = subprocess.run(
                ["bash", "-eo", "pipefail", "-c", script],
                cwd=project,
                env=variables,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            assert done.returncode == 0, f"{step.get('name')}: {done.stderr[-800:]}"
        upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload"))
        for pattern in _expand(upload["with"]["path"], job).split():
            assert list(project.glob(pattern)), pattern
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "data/qingdao-sco-2023-05: every entry reviewed",
        "drafts/2023-06: **drafted or not fully reviewed**; review before presenting",
    ]
