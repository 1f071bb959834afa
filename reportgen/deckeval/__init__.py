"""Decks measured, not asserted: `reportgen evaluate --deck ARTICLES...`.

Each article (or folder of articles) goes through the product's own path in a work folder,
extract --to-data -> plan -> build --lang zh,en, and the decks that come out are counted:
did every step succeed, slides, placeholder or generic texts on slides and in notes, charts
that mix kinds of figure on one axis, figures whose source sentence is in their slide's
notes, and Chinese left on English slides (and, for information, in English notes). It
measures; it never fails a build.

Modules: ``path`` runs the commands; ``reading`` reads a built deck's texts back;
``placeholders``, ``untranslated``, ``mixed`` and ``sourced`` are the counters' rules;
``measure`` applies them to one deck; ``report`` pools and prints.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reportgen.deckeval.measure import measure
from reportgen.deckeval.path import run_path
from reportgen.deckeval.report import DeckReport, format_table, pooled, to_json

__all__ = ["DeckReport", "deck_sets", "evaluate_decks", "format_table", "pooled", "to_json"]


def deck_sets(paths: Sequence[Path], each: bool = False) -> list[tuple[str, list[Path]]]:
    """Which articles make which deck: a file is one deck, a folder's *.txt files one deck
    together; with ``each``, every file its own deck. Named by the file or folder."""
    sets: list[tuple[str, list[Path]]] = []
    for path in paths:
        files = sorted(p for p in path.glob("*.txt") if p.is_file()) if path.is_dir() else [path]
        if not files:
            raise ValueError(f"{path}: no .txt articles in this folder")
        if each or not path.is_dir():
            sets += [(file.stem, [file]) for file in files]
        else:
            sets.append((path.name or str(path), files))
    return sets


def evaluate_decks(
    sets: Sequence[tuple[str, list[Path]]],
    date: str | None = None,
    subject: str | None = None,
    keep: Path | None = None,
    progress=None,
) -> list[DeckReport]:
    """Take each set of articles through the path and measure its decks. The work folders
    are removed afterwards unless ``keep`` names a folder to leave them in (one per deck)."""
    reports = []
    root = Path(tempfile.mkdtemp(prefix="reportgen-deckeval-")) if keep is None else keep
    try:
        for n, (name, files) in enumerate(sets, 1):
            work = root / f"{n:02d}-{name}"
            if work.exists():
                shutil.rmtree(work)
            work.mkdir(parents=True)
            if progress is not None:
                progress(f"[{n}/{len(sets)}] {name}")
            reports.append(measure(name, files, run_path(files, work, date, subject)))
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return reports
