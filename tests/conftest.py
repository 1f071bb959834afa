"""Shared fixtures: a small valid data folder to break in one place per test, and a CLI runner;
and a guard that fails the run when a process the tests started outlives them."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
#: What ships inside the package: the seed example and the default template.
SEED_DIR = ROOT / "reportgen" / "bundled" / "data" / "qingdao-sco-2023-05"
BRIEFING_DIR = ROOT / "reportgen" / "bundled" / "templates" / "briefing"
MINI_DIR = Path(__file__).resolve().parent / "fixtures" / "mini"

#: Set for the whole test session and inherited by every process it starts: a process that
#: still carries it when the session ends was left running by a test (or by reportgen).
#: /proc shows the environment a process was started with, so a process forked by pytest
#: itself without exec (an in-process build's pool) is not seen; those pools end in the build.
SESSION_MARKER = "REPORTGEN_TEST_SESSION"


def processes_marked(name: str, value: str) -> dict[int, str]:
    """Live processes (not zombies, not this one) whose environment has ``name=value``,
    with their command lines. Linux only (/proc); elsewhere none are found."""
    wanted = f"{name}={value}".encode()
    found = {}
    proc = Path("/proc")
    for entry in proc.iterdir() if proc.is_dir() else ():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if wanted not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            if (entry / "stat").read_bytes().rsplit(b")", 1)[1].split()[0] == b"Z":
                continue  # exited, waiting for its parent to collect it
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").strip()
        except (OSError, IndexError):
            continue  # gone meanwhile, or not ours to read
        found[int(entry.name)] = command.decode(errors="replace")
    return found


def survivors(name: str, value: str, grace: float = 10.0) -> dict[int, str]:
    """The processes marked ``name=value`` still alive after ``grace`` seconds (a process
    that is ending is given the time to finish)."""
    deadline = time.monotonic() + grace
    while (alive := processes_marked(name, value)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def pytest_configure(config):
    """Mark this session before anything is collected or started (test modules copy
    os.environ into the environments they pass to subprocesses)."""
    os.environ[SESSION_MARKER] = uuid.uuid4().hex


def pytest_sessionfinish(session, exitstatus):
    """Fail the run, loudly, if any process the tests started is still alive; kill it."""
    left = survivors(SESSION_MARKER, os.environ.get(SESSION_MARKER, ""), grace=5.0)
    if not left:
        return
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    lines = [f"{len(left)} process(es) started by the tests outlived them (killed now):"]
    lines += [f"  pid {pid}: {command}" for pid, command in sorted(left.items())]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    for line in lines:
        if reporter is not None:
            reporter.write_line(line, red=True, bold=True)
        else:
            print(line, file=sys.stderr)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(scope="session")
def seed():
    """The bundled seed dataset, loaded once."""
    from reportgen.data import load_dataset

    return load_dataset(SEED_DIR)


@pytest.fixture(scope="session")
def briefing(seed):
    """The default template, checked against the seed."""
    from reportgen.template import load_template

    return load_template("briefing", {m.id for m in seed.metrics})


@pytest.fixture(scope="session")
def decks(seed, briefing, tmp_path_factory):
    """The seed deck in both languages: (content model, pptx bytes)."""
    from reportgen.content.deck import build_deck
    from reportgen.render.pptx import render_deck

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        built = {}
        for lang in ("zh", "en"):
            deck = build_deck(seed, briefing, briefing.deck, lang)
            built[lang] = (deck, render_deck(deck, briefing))
    return built


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the small valid data folder."""
    target = tmp_path / "mini"
    shutil.copytree(MINI_DIR, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a fixture file (fails loudly if the piece is not there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def run(capsys):
    """Run the reportgen CLI in-process; returns exit code, stdout and stderr."""

    def _run(*args: str) -> Result:
        with pytest.raises(SystemExit) as exit_info:
            main(list(args))
        captured = capsys.readouterr()
        return Result(int(exit_info.value.code or 0), captured.out, captured.err)

    return _run


def reportgen_process(
    args: list[str], *, drop: tuple[str, ...] = (), **env: str
) -> subprocess.CompletedProcess:
    """reportgen in its own process, as a shell runs it from the checkout: this environment
    less the variables in ``drop``, plus ``env``; output captured as text."""
    environment = {key: value for key, value in os.environ.items() if key not in drop}
    environment.update(PYTHONPATH=str(ROOT), **env)
    return subprocess.run(
        [sys.executable, "-m", "reportgen", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
