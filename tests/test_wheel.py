"""The tool as users install it: the wheel built from this source, installed into a fresh
environment with nothing of the clone on its path, used in a folder outside the clone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: What is not part of the source a wheel is built from.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv*", "output", "build", "dist", "*.egg-info", "__pycache__", ".ruff_cache"
)


def _run(args: list, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=1800
    )
    assert done.returncode == 0, f"{args}: {done.stdout[-600:]}{done.stderr[-1500:]}"
    return done


@pytest.mark.slow
def test_a_wheel_in_a_fresh_environment_makes_and_builds_a_project_anywhere(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["REPORTGEN_CACHE_DIR"] = str(tmp_path / "cache")  # a cold build, nothing reused
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)  # the build leaves the clone as it was
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp_path / "dist", "."],
        source,
        env,
    )
    (wheel,) = (tmp_path / "dist").glob("reportgen-*.whl")
    _run([sys.executable, "-m", "venv", tmp_path / "env"], tmp_path, env)
    bin_dir = tmp_path / "env" / "bin"
    _run(
        [bin_dir / "python", "-m", "pip", "install", "-q", "--prefer-binary", wheel], tmp_path, env
    )
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    shutil.rmtree(source)  # nothing of the source remains to fall back on

    work = tmp_path / "work"
    work.mkdir()
    where = _run(["python", "-c", "import reportgen; print(reportgen.__file__)"], work, env)
    assert str(tmp_path / "env") in where.stdout and str(ROOT) not in where.stdout
    listed = _run(["reportgen", "templates"], work, env).stdout
    assert listed.startswith("briefing  (bundled: ") and "site-packages" in listed.splitlines()[0]
    assert "valid — 47 reported" in _run(["reportgen", "validate"], work, env).stdout

    _run(["reportgen", "new", "brief"], work, env)
    brief = work / "brief"
    _run(["reportgen", "build"], brief, env)
    built = sorted(p.name for p in (brief / "output").iterdir() if not p.name.startswith("."))
    assert built == [
        "qingdao-sco-2023-05-tables.xlsx",
        "qingdao-sco-2023-05_briefing-sources_en.html",
        "qingdao-sco-2023-05_briefing-sources_zh.html",
        "qingdao-sco-2023-05_briefing-summary_en.pdf",
        "qingdao-sco-2023-05_briefing-summary_zh.pdf",
        "qingdao-sco-2023-05_briefing_en.pptx",
        "qingdao-sco-2023-05_briefing_zh.pptx",
    ]
    checked = _run(["reportgen", "check", "output/"], brief, env)
    assert "4 file(s) checked, no findings" in checked.stderr
