"""README's two set-up commands are the ones CI runs."""

import re

from tests.conftest import ROOT


def bash_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up and run", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_exactly_two_setup_commands():
    blocks = bash_blocks()
    assert len(blocks) == 2
    assert all("\n" not in block for block in blocks)
    assert "reportgen build" in blocks[0]  # the main job (it validates first)
    assert "pytest" in blocks[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert bash_blocks()[1] in ci_lines


def test_every_test_the_guarantees_cite_exists():
    """A guarantee held by a test that was renamed or removed is no guarantee."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What reportgen guarantees", 1)[1].split("\n## ", 1)[0]
    cited = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?", section)
    assert len(cited) > 20
    for file, test in cited:
        path = ROOT / file
        assert path.is_file(), file
        if test:
            assert re.search(rf"^def {test}\b", path.read_text(encoding="utf-8"), re.M), (
                f"{file}::{test}"
            )


def test_the_documented_metrics_columns_are_the_real_ones(run):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = re.search(r"with the columns\s+`([^`]+)`", readme).group(1)
    result = run("tables", "metrics", "--format", "csv")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == documented
