"""The CI workflow parses and runs what the README tells a user to run."""

import yaml

from tests.conftest import ROOT
from tests.test_readme import bash_blocks

WORKFLOW = ROOT / ".github" / "workflows" / "briefing.yml"


def load():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def commands(job) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_runs_on_a_schedule_and_on_demand():
    workflow = load()
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML reads 'on' as True
    assert "schedule" in triggers and "workflow_dispatch" in triggers


def test_installs_validates_builds_and_uploads_like_the_readme():
    job = load()["jobs"]["build"]
    runs = commands(job)
    install = bash_blocks()[0].split(" && ")[0]
    assert install in runs
    assert any(r.startswith("reportgen validate") for r in runs)
    assert any(r.startswith("reportgen build") for r in runs)
    uploads = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    paths = uploads[0]["with"]["path"]
    assert "output/*.pptx" in paths and "output/*.pdf" in paths


def test_shows_the_matrix_pattern_for_many_folders():
    batch = load()["jobs"]["batch"]
    assert batch["strategy"]["matrix"]["data"]
    assert any("${{ matrix.data }}" in r for r in commands(batch))
