import os
import subprocess
import sys

import pytest

from reportgen.errors import UsageError
from reportgen.outputs import (
    LATEST_EPOCH,
    TEMP_TAG,
    OutputError,
    atomic_write,
    build_time,
    pid_running,
    source_date_epoch,
    stale_temps,
)


def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "a" / "file.bin"
    atomic_write(target, b"first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["file.bin"]


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "file.bin"
    atomic_write(target, b"good")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reportgen.outputs.os.replace", broken_replace)
    with pytest.raises(OutputError) as failure:
        atomic_write(target, b"bad")
    # One line naming the output, never the temporary file it was being written to.
    assert str(failure.value) == f"cannot write {target}: No space left on device"
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


def test_a_folder_where_the_output_goes_is_named_not_its_temp(tmp_path):
    target = tmp_path / "deck.pptx"
    target.mkdir()
    with pytest.raises(OutputError) as failure:
        atomic_write(target, b"deck")
    assert str(failure.value) == f"cannot write {target}: it is a folder, not a file"
    assert isinstance(failure.value, OSError)  # a cache write failing is still only a cost
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_temp_files_carry_reportgens_tag_and_the_writers_pid(tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    seen = []

    def spy(src, dst):
        seen.append(os.path.basename(src))
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("reportgen.outputs.os.replace", spy)
    with pytest.raises(OutputError):
        atomic_write(target, b"deck")
    assert seen[0].startswith(f".deck.pptx.{TEMP_TAG}-{os.getpid()}-")
    assert seen[0].endswith(".tmp")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_only_temps_whose_writer_is_gone_are_stale(tmp_path):
    target = tmp_path / "deck.pptx"
    dead = _dead_pid()
    left_by_a_killed_build = tmp_path / f".deck.pptx.{TEMP_TAG}-{dead}-abc_123.tmp"
    being_written = tmp_path / f".deck.pptx.{TEMP_TAG}-{os.getpid()}-xyz.tmp"
    users_own = [
        tmp_path / ".deck.pptx.notes.tmp",  # matched the old pattern and was deleted
        tmp_path / f".deck.pptx.{TEMP_TAG}-draft.tmp",
        tmp_path / f".deck.pptx.{TEMP_TAG}-{dead}-abc.tmp.bak",
        tmp_path / f".other.pptx.{TEMP_TAG}-{dead}-abc.tmp",
    ]
    for path in (left_by_a_killed_build, being_written, *users_own):
        path.write_bytes(b"x")
    assert stale_temps(target) == [left_by_a_killed_build]


def test_pid_running():
    assert pid_running(os.getpid())
    assert not pid_running(_dead_pid())


@pytest.mark.parametrize(
    "value", ["99999999999999999999", str(LATEST_EPOCH + 1), "-1", "1.5", "yesterday", "١٢٣"]
)
def test_a_bad_source_date_epoch_is_a_usage_error_naming_it(value, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(UsageError) as failure:
        build_time()
    message = str(failure.value)
    assert message.startswith("SOURCE_DATE_EPOCH takes a whole number of seconds")
    assert f"not '{value}'" in message and "\n" not in message


@pytest.mark.parametrize(
    ("value", "year"), [("", 1980), ("0", 1980), ("1700000000", 2023), (str(LATEST_EPOCH), 2107)]
)
def test_source_date_epoch_in_range(value, year, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert build_time().year == year
    assert source_date_epoch() == (int(value) if value else None)


def test_a_file_where_the_output_folder_goes_is_named(tmp_path):
    (tmp_path / "out").write_text("a file")
    with pytest.raises(OutputError) as failure:
        atomic_write(tmp_path / "out" / "sub" / "deck.pptx", b"deck")
    assert str(failure.value) == (
        f"cannot write {tmp_path}/out/sub/deck.pptx: {tmp_path}/out is a file, not a folder"
    )
