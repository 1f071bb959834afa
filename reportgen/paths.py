"""Where reportgen looks for things when the command line does not say."""

from __future__ import annotations

import os
from pathlib import Path

#: The bundled seed data folder, relative to a checkout.
SEED_DATA = Path("data") / "qingdao-sco-2023-05"
OUTPUT_DIR = Path("output")


def default_data_dir() -> Path:
    """The seed data folder: under the working folder if it is there, else in the checkout
    reportgen runs from (an editable install), so `reportgen validate` works from anywhere."""
    local = Path.cwd() / SEED_DATA
    if local.is_dir():
        return SEED_DATA
    checkout = Path(__file__).resolve().parent.parent / SEED_DATA
    return checkout if checkout.is_dir() else SEED_DATA


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def cache_root() -> Path:
    """Where reportgen keeps rendered charts and font subsets between builds:
    $REPORTGEN_CACHE_DIR, else $XDG_CACHE_HOME/reportgen, else ~/.cache/reportgen."""
    override = os.environ.get("REPORTGEN_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportgen"
