"""`reportgen build` as an operator runs it: defaults, reuse, jobs, config, failures, kills."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportgen.build import STATE_FILE, build
from tests.conftest import ROOT, SEED_DIR, edit

pytestmark = pytest.mark.slow
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def outputs(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    ENV["REPORTGEN_CACHE_DIR"] = str(tmp_path / "cache")
    return tmp_path / "cache"


def test_no_arguments_builds_deck_summary_and_workbook(run, tmp_path, monkeypatch, cache):
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.code == 0, result.err
    assert sorted(outputs(tmp_path / "output")) == [
        "qingdao-sco-2023-05-tables.xlsx",
        "qingdao-sco-2023-05_briefing-summary_zh.pdf",
        "qingdao-sco-2023-05_briefing_zh.pptx",
    ]
    assert "reportgen: 3 file(s) in" in result.err
    assert "14 slides" in result.err and "4 sheets" in result.err


def test_unchanged_outputs_are_reused_and_changes_rebuild(tmp_path, cache, mini):
    out = tmp_path / "out"
    first = build([SEED_DIR], "briefing", ["zh"], ["pptx", "xlsx"], out)
    assert not any(b.reused for b in first)
    before = outputs(out)
    again = build([SEED_DIR], "briefing", ["zh"], ["pptx", "xlsx"], out)
    assert all(b.reused for b in again)
    assert outputs(out) == before
    # A changed data file makes the outputs that depend on it stale.
    data = tmp_path / "seed"
    shutil.copytree(SEED_DIR, data)
    edit(data / "metrics.yaml", "label_en: Foreign trade\n", "label_en: Foreign trade (total)\n")
    changed = build([data], "briefing", ["en"], ["pptx"], out)
    assert not changed[0].reused
    # A damaged output is rebuilt even when the inputs did not change.
    target = out / "qingdao-sco-2023-05-tables.xlsx"
    target.write_bytes(b"damaged")
    repaired = build([SEED_DIR], "briefing", ["zh"], ["xlsx"], out)
    assert not repaired[0].reused and target.read_bytes() == before[target.name]


def test_jobs_give_the_same_bytes(tmp_path, cache):
    one, two = tmp_path / "one", tmp_path / "two"
    build([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf"], one, jobs=1)
    build([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf"], two, jobs=2)
    assert outputs(one) == outputs(two)


def test_config_file_holds_defaults(run, tmp_path, monkeypatch, cache):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reportgen.toml").write_text(
        f'data = ["{SEED_DIR}"]\nlang = ["en"]\nformat = "xlsx"\nout = "built"\n', encoding="utf-8"
    )
    result = run("build")
    assert result.code == 0, result.err
    assert list(outputs(tmp_path / "built")) == ["qingdao-sco-2023-05-tables.xlsx"]
    (tmp_path / "reportgen.toml").write_text('lnag = "en"\n', encoding="utf-8")
    bad = run("build")
    assert bad.code == 2 and "unknown reportgen setting(s) lnag" in bad.err


def test_a_failing_output_is_exit_3_and_the_others_are_written(run, tmp_path, cache):
    template = tmp_path / "house"
    shutil.copytree(ROOT / "templates" / "briefing", template)
    edit(
        template / "deck.yaml",
        "        - 体制机制改革与干部队伍建设是主要推动力\n",
        "        - " + "体制机制改革与干部队伍建设是主要推动力" * 40 + "\n",
    )
    out = tmp_path / "out"
    result = run("build", "--template", str(template), "--out", str(out))
    assert result.code == 3
    assert "slide 3 'ranking'" in result.err and "does not fit" in result.err
    assert "Traceback" not in result.err
    assert sorted(outputs(out)) == [
        "qingdao-sco-2023-05-tables.xlsx",
        "qingdao-sco-2023-05_briefing-summary_zh.pdf",
    ]


def test_plain_log_lines_when_not_a_terminal(tmp_path, cache):
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", "--format", "xlsx", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "\r" not in result.stderr
    assert "[1] built" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("module", ["validate", "tables"])
def test_validate_and_tables_do_not_import_drawing_libraries(module, tmp_path):
    args = ["validate"] if module == "validate" else ["tables", "metrics"]
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['reportgen', *{args!r}]\n"
        "try:\n    runpy.run_module('reportgen', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('matplotlib', 'reportlab', 'pptx') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=ENV, cwd=ROOT, check=False
    )
    assert "HEAVY []" in result.stderr, result.stderr[-500:]


def test_a_killed_build_never_leaves_a_truncated_or_half_replaced_file(tmp_path, cache):
    out = tmp_path / "out"
    build([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf", "xlsx"], out)
    good = outputs(out)
    for delay in (0.4, 0.9, 1.6, 2.4):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reportgen",
                "build",
                "--force",
                "--lang",
                "zh,en",
                "--out",
                str(out),
            ],
            env=ENV,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Every output is either the previous file or a complete new one (same inputs: same bytes).
        assert outputs(out) == good, f"after a kill at {delay} s"
    build([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf", "xlsx"], out)
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [] and (out / STATE_FILE).is_file()
