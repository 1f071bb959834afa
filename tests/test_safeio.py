"""The one resolver for files a data folder or template names: inside, regular, bounded."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from reportgen.safeio import (
    MAX_DATA_FILE_BYTES,
    Refused,
    check_file,
    chunks,
    read_file,
    read_inside,
    resolve_inside,
    shown_name,
    size_text,
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "a.txt").write_text("inside", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    return root


def refusal(root: Path, name: str) -> str:
    with pytest.raises(Refused) as info:
        read_inside(root, name)
    return info.value.reason


def test_a_relative_name_inside_the_folder_is_read(folder):
    assert read_inside(folder, "articles/a.txt") == b"inside"
    assert read_inside(folder, "./articles/a.txt") == b"inside"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/etc/passwd", "an absolute path"),
        ("C:/Windows/win.ini", "an absolute path"),
        ("../secret.txt", "goes up with '..'"),
        ("articles/../../secret.txt", "goes up with '..'"),
        ("articles\\..\\..\\secret.txt", "goes up with '..'"),
        ("articles/a.txt\0", "NUL character"),
        ("articles/none.txt", "file not found"),
        ("articles", "is a folder"),
    ],
)
def test_names_that_leave_the_folder_or_name_no_file_are_refused(folder, name, reason):
    assert reason in refusal(folder, name)


def test_a_symlink_out_of_the_folder_is_refused_and_one_inside_is_followed(folder):
    (folder / "out.txt").symlink_to(folder.parent / "secret.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "linked").symlink_to(folder.parent)  # a folder link: everything under it leaves
    (folder / "same.txt").symlink_to(folder / "articles" / "a.txt")
    assert "a symlink that leads outside" in refusal(folder, "out.txt")
    assert "a symlink that leads outside" in refusal(folder, "zero.txt")
    assert "a symlink that leads outside" in refusal(folder, "linked/secret.txt")
    assert read_inside(folder, "same.txt") == b"inside"


def test_a_symlink_loop_is_refused(folder):
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    with pytest.raises(Refused):
        read_inside(folder, "a")


def test_a_fifo_is_refused_without_waiting_for_a_writer(folder):
    os.mkfifo(folder / "pipe.txt")
    assert "not a regular file" in refusal(folder, "pipe.txt")  # would block if it waited


def test_devices_are_refused_even_when_named_directly():
    with pytest.raises(Refused, match="not a regular file"):
        read_file(Path("/dev/zero"))


def test_reads_stop_at_the_limit_and_the_message_names_that_limit(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 3 GiB on paper, nothing on disk
        handle.truncate(3 * 2**30)
    tracemalloc.start()
    with pytest.raises(Refused, match="file is larger than 20 MiB"):
        read_file(big, 20 * 2**20)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 2**20
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"x" * 1000)
    assert len(read_file(exact, 1000)) == 1000
    with pytest.raises(Refused, match="larger than 999 bytes"):
        read_file(exact, 999)


def test_chunks_hold_one_piece_at_a_time(tmp_path):
    big = tmp_path / "big.bin"
    with big.open("wb") as handle:
        handle.truncate(64 * 2**20)
    tracemalloc.start()
    total = sum(len(piece) for piece in chunks(big))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert total == 64 * 2**20
    assert peak < 4 * 2**20


def test_check_file_applies_the_same_rules_without_reading(folder):
    assert check_file(folder, "articles/a.txt", 10) == (folder / "articles" / "a.txt").resolve()
    with pytest.raises(Refused, match="larger than 5 bytes"):
        check_file(folder, "articles/a.txt", 5)
    with pytest.raises(Refused, match="goes up"):
        check_file(folder, "../secret.txt", 10)


def test_resolve_inside_returns_the_real_path(folder):
    assert resolve_inside(folder, "articles/a.txt") == (folder / "articles" / "a.txt").resolve()


def test_sizes_and_names_print_on_one_line():
    assert size_text(MAX_DATA_FILE_BYTES) == "2 MiB"
    assert size_text(512 * 1024) == "512 KiB"
    assert size_text(1000) == "1000 bytes"
    assert shown_name("a\nb.txt") == "a\\nb.txt"
    assert len(shown_name("x" * 5000)) <= 121
