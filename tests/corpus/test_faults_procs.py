"""Bad environments and output folders: SOURCE_DATE_EPOCH, a folder or a file where an output
goes, a user's own files beside the outputs.

Cases that must fail cleanly go through ``assert_fails_cleanly``; the others assert what
happens instead (the other outputs are written, a user's file is kept).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI_DIR, SEED_DIR
from tests.corpus.test_bad_input import Case, assert_fails_cleanly, cli_case

EPOCH_MESSAGE = "SOURCE_DATE_EPOCH takes a whole number of seconds since 1970-01-01 UTC"

#: (case, SOURCE_DATE_EPOCH): a value no output can carry is a usage error before any work.
EPOCH_CASES: list[tuple[Case, str]] = [
    (
        cli_case(f"SOURCE_DATE_EPOCH {name} (build)", ["build", "--out", "{tmp}/out"], 2, msg),
        value,
    )
    for name, value, msg in (
        ("beyond 2107", "4354819200", EPOCH_MESSAGE),
        ("far beyond any date", "99999999999999999999", EPOCH_MESSAGE),
        ("negative", "-1", "not '-1'"),
        ("a date", "2023-05-01", "not '2023-05-01'"),
        ("a fraction", "1.7e9", "not '1.7e9'"),
    )
] + [
    (
        cli_case(
            "SOURCE_DATE_EPOCH beyond 2107 (tables as xlsx)",
            ["tables", "--format", "xlsx", "--out", "{tmp}/out"],
            2,
            EPOCH_MESSAGE,
        ),
        "4354819200",
    ),
]


@pytest.mark.parametrize(("case", "epoch"), EPOCH_CASES, ids=[c.name for c, _ in EPOCH_CASES])
def test_a_bad_environment_fails_cleanly(case: Case, epoch: str, run, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)


def _xlsx_of_two_folders(run, out: Path):
    return run(
        "build", "--data", str(SEED_DIR), "--data", str(MINI_DIR), "--format", "xlsx",
        "--out", str(out),
    )  # fmt: skip


def test_a_folder_where_an_output_goes_fails_that_output_only(run, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    (out / "mini-tables.xlsx").mkdir(parents=True)
    result = _xlsx_of_two_folders(run, out)
    assert result.code == 3, result.err
    target = out / "mini-tables.xlsx"
    assert result.err.splitlines()[-1] == (
        f"reportgen: mini xlsx: cannot write {target}: it is a folder, not a file"
    )
    assert "Traceback" not in result.err and ".tmp" not in result.err
    assert sorted(p.name for p in out.iterdir()) == [
        ".reportgen-outputs.json",
        ".reportgen-state.json",
        "mini-tables.xlsx",
        "qingdao-sco-2023-05-tables.xlsx",
    ]
    assert target.is_dir() and list(target.iterdir()) == []


def test_a_users_files_beside_the_outputs_are_kept_and_only_dead_writers_temps_go(
    run, tmp_path, monkeypatch
):
    """The clean-up of a killed build's temporary files once deleted any
    ``.<output>.*.tmp``, a user's own notes included."""
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    out.mkdir()
    name = "mini-tables.xlsx"
    users = [out / f".{name}.notes.tmp", out / f".{name}.reportgen-draft.tmp"]
    for path in users:
        path.write_text("mine")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    left_by_a_killed_build = out / f".{name}.reportgen-{gone.pid}-k1lled.tmp"
    left_by_a_killed_build.write_bytes(b"PK half a workbook")
    being_written = out / f".{name}.reportgen-{os.getpid()}-w0rking.tmp"
    being_written.write_bytes(b"PK a workbook being written")
    result = _xlsx_of_two_folders(run, out)
    assert result.code == 0, result.err
    assert all(path.read_text() == "mine" for path in users)
    assert not left_by_a_killed_build.exists() and being_written.exists()
