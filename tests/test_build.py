"""`reportgen build` as an operator runs it: defaults, reuse, jobs, config, failures, kills."""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from reportgen import build as build_module
from reportgen.build import STATE_FILE, BuildContext, build, render_task, schedule
from reportgen.errors import ReportgenError, UsageError
from tests.conftest import (
    BRIEFING_DIR,
    ROOT,
    SEED_DIR,
    edit,
    processes_marked,
    reportgen_process,
    survivors,
)

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
REPORTGEN = [sys.executable, "-m", "reportgen"]


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


@pytest.mark.slow
def test_no_arguments_builds_deck_summary_and_workbook(run, tmp_path, monkeypatch, cache):
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.code == 0, result.err
    assert sorted(outputs(tmp_path / "output")) == [
        "qingdao-sco-2023-05-tables.xlsx",
        "qingdao-sco-2023-05_briefing-sources_zh.html",
        "qingdao-sco-2023-05_briefing-summary_zh.pdf",
        "qingdao-sco-2023-05_briefing_zh.pptx",
    ]
    assert "reportgen: 4 file(s) in" in result.err
    assert "14 slides" in result.err and "5 sheets" in result.err


@pytest.mark.slow
def test_unchanged_outputs_are_reused_and_changes_rebuild(tmp_path, cache, mini):
    out = tmp_path / "out"
    data = tmp_path / "seed"  # a copy to edit (another folder may not replace its outputs)
    shutil.copytree(SEED_DIR, data)
    first = build(BuildContext([data], "briefing", ["zh", "en"], ["pptx", "xlsx"], out))
    assert not any(b.reused for b in first)
    before = outputs(out)
    again = build(BuildContext([data], "briefing", ["zh", "en"], ["pptx", "xlsx"], out))
    assert all(b.reused for b in again)
    assert outputs(out) == before
    # A changed data file makes the outputs that depend on it stale.
    edit(data / "metrics.yaml", "label_en: Foreign trade\n", "label_en: Foreign trade (total)\n")
    changed = build(BuildContext([data], "briefing", ["en"], ["pptx"], out))
    assert not changed[0].reused
    # A damaged output is rebuilt even when the inputs did not change.
    target = out / "qingdao-sco-2023-05-tables.xlsx"
    build(BuildContext([data], "briefing", ["zh"], ["xlsx"], out))
    current = target.read_bytes()
    target.write_bytes(b"damaged")
    repaired = build(BuildContext([data], "briefing", ["zh"], ["xlsx"], out))
    assert not repaired[0].reused and target.read_bytes() == current


@pytest.mark.slow
def test_output_built_unchecked_is_not_reused_by_a_checked_build(tmp_path, cache):
    out = tmp_path / "out"
    unchecked = BuildContext([SEED_DIR], "briefing", ["zh"], ["xlsx"], out, check=False)
    build(unchecked)
    assert all(b.reused for b in build(unchecked))
    assert not any(b.reused for b in build(replace(unchecked, check=True)))


@pytest.mark.slow
@pytest.mark.parametrize("where", ["output", "state"])
def test_a_pipe_where_an_output_or_the_state_goes_is_never_read(where, tmp_path, cache):
    """A FIFO has no writer: reading it would wait for ever. The build replaces it."""
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / ("mini-tables.xlsx" if where == "output" else STATE_FILE))
    mini = str(ROOT / "tests/fixtures/mini")
    result = subprocess.run(
        [*REPORTGEN, "build", "--data", mini, "--format", "xlsx", "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (out / "mini-tables.xlsx").is_file() and (out / STATE_FILE).is_file()


@pytest.mark.slow
def test_jobs_give_the_same_bytes(tmp_path, cache):
    one, two = tmp_path / "one", tmp_path / "two"
    build(BuildContext([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf"], one, jobs=1))
    build(BuildContext([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf"], two, jobs=2))
    assert outputs(one) == outputs(two)


@pytest.mark.slow
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


@pytest.mark.slow
def test_a_failing_output_is_exit_3_and_the_others_are_written(run, tmp_path, cache):
    template = tmp_path / "house"
    shutil.copytree(BRIEFING_DIR, template)
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
        "qingdao-sco-2023-05_briefing-sources_zh.html",  # its content was decided; only
        "qingdao-sco-2023-05_briefing-summary_zh.pdf",  # the deck's drawing failed
    ]


@pytest.mark.slow
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


@pytest.mark.slow
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


def _children(pid: int) -> list[int]:
    """Live child processes of ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_bytes().rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == pid and fields[0] != b"Z":
                found.append(int(entry.name))
    return found


def _start_build(out: Path, marker: str, jobs: int = 2) -> subprocess.Popen:
    """`reportgen build` in its own process, marked so its workers can be found later, its
    output captured through pipes as CI runners and `| tee` do."""
    args = [*REPORTGEN, "build", "--force", "--lang", "zh,en", "--format", "pptx,pdf,xlsx"]
    return subprocess.Popen(
        [*args, "--jobs", str(jobs), "--out", str(out)],
        env={**ENV, "REPORTGEN_TEST_BUILD": marker},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_workers(process: subprocess.Popen) -> None:
    """Until the build has started its worker processes (or ended)."""
    deadline = time.monotonic() + 120
    while not _children(process.pid) and process.poll() is None:
        assert time.monotonic() < deadline, "the build started no workers"
        time.sleep(0.02)


@pytest.mark.slow
def test_a_killed_build_never_leaves_a_truncated_or_half_replaced_file_or_a_worker(tmp_path, cache):
    out = tmp_path / "out"
    build(BuildContext([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf", "xlsx"], out))
    good = outputs(out)
    for delay in (0.0, 0.5, 1.2, 2.0):
        marker = uuid.uuid4().hex
        process = _start_build(out, marker)
        _wait_for_workers(process)
        time.sleep(delay)
        process.kill()  # kill -9 <the build's pid>, as an operator would
        process.communicate(timeout=30)  # the workers do not keep its pipes open
        assert survivors("REPORTGEN_TEST_BUILD", marker) == {}, f"after a kill at +{delay} s"
        # Every output is either the previous file or a complete new one (same inputs: same bytes).
        assert outputs(out) == good, f"after a kill at +{delay} s"
    build(BuildContext([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf", "xlsx"], out))
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [] and (out / STATE_FILE).is_file()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stop", "jobs"),
    [(signal.SIGTERM, 2), (signal.SIGHUP, 2), (signal.SIGINT, 2), (signal.SIGTERM, 1)],
    ids=["SIGTERM", "SIGHUP", "SIGINT", "SIGTERM-jobs-1"],
)
def test_a_stopped_build_ends_its_workers_and_returns_to_its_caller(stop, jobs, tmp_path, cache):
    """SIGTERM is what `timeout`, CI runners and service managers send, SIGHUP a closed
    terminal: the build ends its workers, leaves no temporary file and exits 128 + signal."""
    out = tmp_path / "out"
    build(BuildContext([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf", "xlsx"], out))
    good = outputs(out)
    marker = uuid.uuid4().hex
    process = _start_build(out, marker, jobs)
    first = process.stderr.readline()  # one output written, four still being drawn
    assert first.startswith("[1] built"), first + process.communicate(timeout=30)[1]
    process.send_signal(stop)  # to the build alone, not its process group
    _, err = process.communicate(timeout=30)  # fails here, not hangs, if a worker holds a pipe
    assert process.returncode == 128 + stop, err
    assert err.splitlines()[-1] == (
        f"reportgen: stopped by {stop.name}; outputs not yet written keep their previous files"
    )
    assert "Traceback" not in err
    assert survivors("REPORTGEN_TEST_BUILD", marker, grace=3.0) == {}
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []
    assert outputs(out) == good


@pytest.mark.slow
def test_workers_started_by_forkserver_or_spawn_make_the_same_bytes(tmp_path, cache):
    """Python 3.14 starts workers with forkserver: nothing may reach them through globals
    that only fork would copy."""
    one = tmp_path / "one"
    build(BuildContext([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf", "xlsx"], one, jobs=1))
    script = (
        "import multiprocessing, sys\n"
        "from pathlib import Path\n"
        "from reportgen.build import BuildContext, build\n"
        "if __name__ == '__main__':\n"
        "    for method in ('forkserver', 'spawn'):\n"
        "        context = BuildContext([Path(sys.argv[1])], 'briefing', ['zh', 'en'],\n"
        "                               ['pptx', 'pdf', 'xlsx'], Path(sys.argv[2]) / method,\n"
        "                               jobs=2, mp_context=multiprocessing.get_context(method))\n"
        "        built = build(context)\n"
        "        assert len(built) == 5 and not any(b.reused for b in built)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(SEED_DIR), str(tmp_path)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert outputs(tmp_path / "forkserver") == outputs(one)
    assert outputs(tmp_path / "spawn") == outputs(one)


BUILD_WITH = """\
import multiprocessing, sys
from pathlib import Path
from reportgen.build import BuildContext, build
if __name__ == "__main__":
    build(BuildContext([Path(sys.argv[2])], "briefing", ["zh", "en"], ["pptx", "pdf", "xlsx"],
                       Path(sys.argv[3]), jobs=2, force=True,
                       mp_context=multiprocessing.get_context(sys.argv[1])))
"""


@pytest.mark.slow
@pytest.mark.parametrize(("method", "processes"), [("forkserver", 5), ("spawn", 4)])
def test_a_killed_build_leaves_no_forkserver_or_spawn_worker(method, processes, tmp_path, cache):
    """A forkserver worker's parent is the forkserver, which lives on while any worker holds
    its pipe: the workers must watch the build itself."""
    marker = uuid.uuid4().hex
    process = subprocess.Popen(
        [sys.executable, "-c", BUILD_WITH, method, str(SEED_DIR), str(tmp_path / "out")],
        env={**ENV, "REPORTGEN_TEST_BUILD": marker},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    # The build, multiprocessing's resource tracker (and forkserver) and two workers, which
    # are past their start and drawing once a font subset or chart shows up in the cache.
    while len(processes_marked("REPORTGEN_TEST_BUILD", marker)) < processes or not any(
        path.is_file() for path in cache.rglob("*")
    ):
        assert process.poll() is None and time.monotonic() < deadline, "no workers drawing"
        time.sleep(0.02)
    process.kill()
    process.communicate(timeout=30)
    assert survivors("REPORTGEN_TEST_BUILD", marker) == {}


@pytest.mark.slow
def test_a_build_neither_runs_nor_reads_files_in_home(tmp_path):
    """reportlab runs ~/.reportlab_mods and reads ~/.reportlab_settings at import, matplotlib
    reads ~/.config/matplotlib/matplotlibrc: none of them may run or change a byte."""
    plain_home, user_home = tmp_path / "plain", tmp_path / "user"
    plain_home.mkdir()
    (user_home / ".config" / "matplotlib").mkdir(parents=True)
    marker = "open(__import__('os').path.expanduser('~/{}'), 'w').close()\n"
    (user_home / ".reportlab_mods").write_text(marker.format("MODS_RAN"))
    (user_home / ".reportlab_settings").write_text(
        "pageCompression = 0\n" + marker.format("SETTINGS_RAN")
    )
    (user_home / ".config" / "matplotlib" / "matplotlibrc").write_text(
        "axes.facecolor: red\nlines.linewidth: 9\npatch.linewidth: 9\n"
    )
    built = {}
    for home in (plain_home, user_home):
        result = reportgen_process(
            ["build", "--format", "pdf", "--lang", "en", "--out", str(home / "out")],
            drop=("MPLCONFIGDIR", "XDG_CONFIG_HOME"),
            HOME=str(home),
            REPORTGEN_CACHE_DIR=str(home / "cache"),  # charts drawn
        )
        assert result.returncode == 0, result.stderr
        built[home] = outputs(home / "out")
    made = {p.name for p in user_home.iterdir()} - {".config", ".reportlab_mods", "cache", "out"}
    assert made <= {".reportlab_settings", ".cache"}  # matplotlib's font list is a cache
    assert not (user_home / "MODS_RAN").exists() and not (user_home / "SETTINGS_RAN").exists()
    assert built[user_home] == built[plain_home]


@pytest.mark.slow
def test_the_session_guard_fails_a_run_that_leaves_a_process_running(tmp_path):
    """tests/conftest.py ends the session with a failure naming every process the tests
    started that is still alive, and kills them."""
    (tmp_path / "test_leak.py").write_text(
        "import subprocess, sys\n"
        "def test_leaves_a_process():\n"
        "    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
    )
    marker = uuid.uuid4().hex
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "tests.conftest",
            "-p",
            "no:cacheprovider",
            "test_leak.py",
        ],
        capture_output=True,
        text=True,
        env={**ENV, "REPORTGEN_TEST_BUILD": marker},
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout
    assert "1 passed" in result.stdout
    assert "1 process(es) started by the tests outlived them (killed now):" in result.stdout
    assert "time.sleep(600)" in result.stdout
    assert survivors("REPORTGEN_TEST_BUILD", marker, grace=0) == {}


# --- the build context and the schedule (no drawing) ----------------------------------------


def test_the_context_keeps_registered_formats_in_one_order(tmp_path):
    context = BuildContext(
        [str(SEED_DIR)], "briefing", ["en", "zh"], ["xlsx", "pdf", "xlsx"], str(tmp_path)
    )
    assert [fmt.name for fmt in context.formats] == ["pdf", "xlsx"]
    assert context.data_dirs == (SEED_DIR,) and context.langs == ("en", "zh")
    assert context.out_dir == tmp_path and context.needs_template
    assert not replace(context, formats=["xlsx"]).needs_template
    with pytest.raises(dataclasses.FrozenInstanceError):
        context.jobs = 4  # type: ignore[misc]


def test_schedule_lists_each_language_then_the_workbook_with_content_decided(seed, tmp_path):
    context = BuildContext([SEED_DIR], "briefing", ["zh", "en"], ["xlsx", "pdf", "pptx"], tmp_path)
    jobs = schedule(context)
    assert [(job.task.fmt, job.task.lang, job.task.path.name) for job in jobs] == [
        ("pptx", "zh", "qingdao-sco-2023-05_briefing_zh.pptx"),
        ("pdf", "zh", "qingdao-sco-2023-05_briefing-summary_zh.pdf"),
        ("pptx", "en", "qingdao-sco-2023-05_briefing_en.pptx"),
        ("pdf", "en", "qingdao-sco-2023-05_briefing-summary_en.pdf"),
        ("xlsx", "", "qingdao-sco-2023-05-tables.xlsx"),
    ]
    assert all(job.task.path.parent == tmp_path for job in jobs)
    assert [type(job.content).__name__ for job in jobs] == ["Deck", "Summary"] * 2 + ["NoneType"]
    assert jobs[2].content.info.lang == "en" and len(jobs[0].content.slides) == 14
    assert all(job.task.check for job in jobs)
    assert not any(job.task.check for job in schedule(replace(context, check=False)))
    assert not list(tmp_path.iterdir())  # scheduling draws and writes nothing


def test_the_workbook_alone_needs_no_template(mini, tmp_path):
    context = BuildContext([mini], "no-such-template", ["zh"], ["xlsx"], tmp_path)
    (job,) = schedule(context)
    assert job.template is None and job.content is None
    assert (job.task.path, job.task.lang) == (tmp_path / "mini-tables.xlsx", "")
    with pytest.raises(ReportgenError):  # a deck does need one
        schedule(replace(context, formats=["pptx", "xlsx"]))


def test_a_template_without_the_part_a_format_needs_is_a_usage_error(seed, tmp_path):
    template = tmp_path / "house"
    shutil.copytree(BRIEFING_DIR, template)
    (template / "summary.yaml").unlink()
    context = BuildContext([SEED_DIR], str(template), ["zh"], ["pptx", "xlsx"], tmp_path / "o")
    assert [job.task.fmt for job in schedule(context)] == ["pptx", "xlsx"]
    with pytest.raises(UsageError) as failure:
        schedule(replace(context, formats=["pptx", "pdf"]))
    assert str(failure.value) == f"template '{template}' has no summary.yaml for --format pdf"


def test_warnings_and_progress_go_to_the_contexts_sinks(mini, tmp_path):
    edit(mini / "metrics.yaml", "    topic: trade\n", "    topic: trade\n    reviewed: false\n")
    events: list[tuple[str, str]] = []
    context = BuildContext(
        [mini],
        "briefing",
        ["zh"],
        ["xlsx"],
        tmp_path / "out",
        progress=lambda event, task, built: events.append((event, task.path.name)),
    )
    built = build(context)
    assert [b.path.name for b in built] == ["mini-tables.xlsx"] and built[0].pages == 5
    assert len(context.warnings) == 1
    assert "1 metric(s), ranking(s) and event(s) are drafts not yet reviewed" in context.warnings[0]
    build(context)
    assert events == [
        ("start", "mini-tables.xlsx"),
        ("done", "mini-tables.xlsx"),
        ("reused", "mini-tables.xlsx"),
    ]
    assert len(context.warnings) == 2  # said again by the second build, which was told again


def test_each_build_digests_its_environment_once_and_keeps_nothing(monkeypatch, mini, tmp_path):
    """The code-and-libraries digest is the build's own, not a module cache a long-lived
    process would keep after the code changed."""
    calls = []
    real = build_module.environment_digest
    monkeypatch.setattr(build_module, "environment_digest", lambda: calls.append(1) or real())
    context = BuildContext([mini], "briefing", ["zh"], ["xlsx"], tmp_path, force=True)
    build(context)
    build(context)
    assert len(calls) == 2
    monkeypatch.setattr(build_module, "environment_digest", lambda: "other code")
    assert not any(b.reused for b in build(replace(context, force=False)))


def test_a_job_carries_everything_its_worker_needs(mini, tmp_path):
    """A worker gets its job pickled (spawn, forkserver): the unpickled job draws the same
    bytes without reading the data folder again."""
    (job,) = schedule(BuildContext([mini], "briefing", ["zh"], ["xlsx"], tmp_path))
    copy = pickle.loads(pickle.dumps(job))
    shutil.rmtree(mini)
    assert render_task(copy) == render_task(job)
    assert render_task(copy)[1] == 5


def test_deck_and_summary_of_one_language_share_one_facts_decision(monkeypatch, tmp_path):
    """How each number is shown and sourced is decided once per dataset and language, and
    both documents of that language are built from that one decision."""
    from reportgen.content import deck, summary
    from reportgen.content.facts import Facts

    given: dict[str, list] = {"deck": [], "summary": []}
    for module, name in ((deck, "deck"), (summary, "summary")):
        real = getattr(module, f"build_{name}")

        def spy(*args, real=real, name=name, **kwargs):
            given[name].append(kwargs.get("facts"))
            return real(*args, **kwargs)

        monkeypatch.setattr(module, f"build_{name}", spy)
    context = BuildContext([SEED_DIR], "briefing", ["zh", "en"], ["pptx", "pdf"], tmp_path)
    jobs = schedule(context)
    assert all(isinstance(f, Facts) for f in given["deck"] + given["summary"])
    assert [f.lang for f in given["deck"]] == ["zh", "en"]
    assert [a is b for a, b in zip(given["deck"], given["summary"], strict=True)] == [True] * 2
    assert [job.content.info.lang for job in jobs] == ["zh", "zh", "en", "en"]


def test_the_build_checks_an_output_with_the_content_it_was_drawn_from(mini, tmp_path):
    """run_task hands the check the decided content, and a finding stops the write."""
    from reportgen.check import CheckError, Finding
    from reportgen.formats import OutputFormat

    seen = []

    def check(data, dataset, shown, content):
        seen.append((data, content))
        return [Finding(shown, "slide 1", "fact: 1 is not printed")] if content == "bad" else []

    fmt = OutputFormat(
        name="txt",
        unit="pages",
        part=None,
        languages=False,
        filename=lambda *_: "x.txt",
        content=None,
        render=lambda content, template, dataset: b"drawn",
        count=lambda content, data: 1,
        check=check,
    )
    (job,) = schedule(BuildContext([mini], "briefing", ["zh"], ["xlsx"], tmp_path))
    task = replace(job.task, path=tmp_path / "x.txt")
    build_module.run_task(build_module.Job(task, fmt, None, "good", job.dataset))
    assert seen == [(b"drawn", "good")] and (tmp_path / "x.txt").read_bytes() == b"drawn"
    (tmp_path / "x.txt").unlink()
    with pytest.raises(CheckError) as failure:
        build_module.run_task(build_module.Job(task, fmt, None, "bad", job.dataset))
    assert str(failure.value.findings[0]) == f"{task.path}: slide 1: fact: 1 is not printed"
    assert not (tmp_path / "x.txt").exists()


def test_a_parent_folder_stands_for_every_data_folder_inside_it(tmp_path, mini):
    from reportgen.build import BuildContext

    parent = tmp_path / "months"
    parent.mkdir()
    shutil.copytree(mini, parent / "2023-06")
    shutil.copytree(mini, parent / "2023-05")
    (parent / "notes").mkdir()  # not a data folder: left out
    context = BuildContext(
        data_dirs=(parent,),
        template="briefing",
        langs=("zh",),
        formats=("xlsx",),
        out_dir=tmp_path / "out",
    )
    assert context.data_dirs == (parent / "2023-05", parent / "2023-06")
    lone = BuildContext(
        data_dirs=(mini,),
        template="briefing",
        langs=("zh",),
        formats=("xlsx",),
        out_dir=tmp_path / "out",
    )
    assert lone.data_dirs == (mini,)
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = BuildContext(
        data_dirs=(empty,),
        template="briefing",
        langs=("zh",),
        formats=("xlsx",),
        out_dir=tmp_path / "out",
    )
    assert nothing.data_dirs == (empty,)  # loading it says what is missing
