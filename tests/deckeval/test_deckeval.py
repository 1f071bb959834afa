"""Which articles make which deck: a file one, a folder one, --each one per file."""

from __future__ import annotations

import pytest

from reportgen.deckeval import deck_sets


def test_a_folder_is_one_deck_and_a_file_its_own(tmp_path):
    folder = tmp_path / "2023-06"
    folder.mkdir()
    for name in ("b.txt", "a.txt", "notes.md"):
        (folder / name).write_text("x", encoding="utf-8")
    single = tmp_path / "c.txt"
    single.write_text("x", encoding="utf-8")
    sets = deck_sets([folder, single])
    assert [(name, [f.name for f in files]) for name, files in sets] == [
        ("2023-06", ["a.txt", "b.txt"]),
        ("c", ["c.txt"]),
    ]
    each = deck_sets([folder, single], each=True)
    assert [name for name, _ in each] == ["a", "b", "c"]


def test_a_folder_without_articles_is_an_error(tmp_path):
    with pytest.raises(ValueError, match=r"no \.txt articles"):
        deck_sets([tmp_path])
