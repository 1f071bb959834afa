"""The data layer: a data folder in, a validated Dataset of pandas tables out.

It knows nothing of slides or pages. ``load_dataset`` is the one entry point builders use;
``validate_folder`` returns every problem without raising, for ``reportgen validate``.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.data.dataset import TABLE_NAMES, Dataset
from reportgen.data.loader import read_folder
from reportgen.data.provenance import find_broken_links
from reportgen.errors import DataError, Problem
from reportgen.fonts import Face

__all__ = ["TABLE_NAMES", "DataError", "Dataset", "load_dataset", "validate_folder"]


def validate_folder(root: str | Path, face: Face | None = None) -> list[Problem]:
    """Every problem in the data folder, sorted by file and line; empty when it is valid."""
    _, problems = _read(Path(root), face)
    return problems


def load_dataset(root: str | Path, face: Face | None = None) -> Dataset:
    """Load and validate a data folder; raises DataError listing every problem. With ``face``
    (the template's), a text with a character the face cannot draw is one of the problems."""
    raw, problems = _read(Path(root), face)
    if problems:
        raise DataError(problems)
    return Dataset(
        root=raw.root,
        info=raw.info,
        page=raw.page,
        articles=tuple(located.record for located in raw.articles),
        article_texts=raw.article_texts,
        metrics=tuple(located.record for located in raw.metrics),
        rankings=tuple(located.record for located in raw.rankings),
        events=tuple(located.record for located in raw.events),
        assessment=raw.assessment,
        source_digest=raw.source_digest(),
        topics=raw.topics,
    )


def _read(root: Path, face: Face | None = None):
    raw = read_folder(root, face)
    problems = list(raw.problems)
    if not problems or raw.info is not None:
        problems += find_broken_links(raw)
    return raw, DataError(problems).problems
