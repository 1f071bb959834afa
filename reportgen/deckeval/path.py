"""The product's own path, run as a user runs it: extract --to-data, plan, build.

Each command is a fresh ``python -m reportgen`` process in a work folder, so what is measured
is exactly what a scheduled run would get, including its exit codes and its messages, and
whatever planner the checkout holds.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: The languages and formats each deck is built in.
LANGS = ("zh", "en")
FORMATS = "pptx,pdf"
STEPS = ("extract", "plan", "build")
#: Seconds a single command may take before it counts as failed.
TIMEOUT = 600

# Lines of standard error that report progress, not a failure.
_PROGRESS = ("[", "wrote ", "warning:", "left out ", " ", "reportgen: 0 ")


@dataclass(frozen=True)
class Step:
    name: str
    code: int | None  # None: not run (an earlier step failed)
    error: str = ""  # the first line of standard error that is not progress
    seconds: float = 0.0


@dataclass(frozen=True)
class PathRun:
    """One article (or folder) taken through the path in ``work``."""

    steps: tuple[Step, ...]
    data: Path
    template: Path
    out: Path
    decks: dict[str, Path] = field(default_factory=dict)  # lang -> built deck

    @property
    def ok(self) -> bool:
        return all(step.code == 0 for step in self.steps)

    @property
    def failure(self) -> str:
        """The first failed step and its first error line, or empty."""
        for step in self.steps:
            if step.code not in (0, None):
                return f"{step.name} exit {step.code}: {step.error}"
        return ""


def first_error(stderr: str) -> str:
    """The first line of a command's standard error that reports a problem."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if not line.startswith(_PROGRESS):
            return line.strip()
    return lines[-1].strip() if lines else ""


def command(args: Sequence[str], cwd: Path | None = None) -> tuple[int, str, float]:
    """Run ``reportgen ARGS`` in a fresh process: exit code, standard error, seconds."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "reportgen", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return 124, f"timed out after {TIMEOUT} s", time.perf_counter() - started
    return done.returncode, done.stderr, time.perf_counter() - started


def run_path(
    articles: Sequence[Path],
    work: Path,
    date: str | None = None,
    subject: str | None = None,
) -> PathRun:
    """extract ARTICLES --to-data, plan, build --lang zh,en in ``work`` (an empty folder)."""
    data, template, out = work / "data" / "draft", work / "templates" / "draft", work / "out"
    extract = ["extract", *map(str, articles), "--to-data", str(data)]
    extract += ["--date", date] if date else []
    extract += ["--subject", subject] if subject else []
    commands = {
        "extract": extract,
        "plan": ["plan", str(data), str(template)],
        "build": [
            "build",
            "--data",
            str(data),
            "--template",
            str(template),
            "--lang",
            ",".join(LANGS),
            "--format",
            FORMATS,
            "--out",
            str(out),
            "-q",
        ],
    }
    steps: list[Step] = []
    for name in STEPS:
        if steps and steps[-1].code != 0:
            steps.append(Step(name, None))
            continue
        code, stderr, seconds = command(commands[name])
        steps.append(Step(name, code, first_error(stderr) if code else "", seconds))
    decks = {}
    if steps[-1].code == 0:
        for lang in LANGS:
            found = sorted(out.glob(f"*_{lang}.pptx"))
            if found:
                decks[lang] = found[0]
    return PathRun(tuple(steps), data, template, out, decks)
