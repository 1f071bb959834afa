"""Shared fixtures: a small valid data folder to break in one place per test, and a CLI runner."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "data" / "qingdao-sco-2023-05"
MINI_DIR = Path(__file__).resolve().parent / "fixtures" / "mini"


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
