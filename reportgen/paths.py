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
    $REPORTGEN_CACHE_DIR, else $XDG_CACHE_HOME/reportgen, else ~/.cache/reportgen.

    A cache only saves time, so a folder that cannot be written (a read-only or missing
    HOME) never fails a build: a temporary folder serves this run instead, said once."""
    override = os.environ.get("REPORTGEN_CACHE_DIR")
    if override:
        root = Path(override)
    else:
        try:
            base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        except RuntimeError:  # no HOME and no passwd entry
            return _temporary_cache(Path("~/.cache/reportgen"))
        root = Path(base) / "reportgen"
    if _writable(root):
        return root
    return _temporary_cache(root)


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _temporary_cache(wanted: Path) -> Path:
    """A cache folder for this run, removed when it ends. It becomes $REPORTGEN_CACHE_DIR so
    the worker processes of a build use it too, and the warning is printed only once."""
    import atexit
    import shutil
    import sys
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="reportgen-cache-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["REPORTGEN_CACHE_DIR"] = str(folder)
    # matplotlib would make (and announce) a temporary folder of its own in every process.
    os.environ.setdefault("MPLCONFIGDIR", str(folder / "matplotlib"))
    print(
        f"reportgen: cannot write the cache folder {wanted}; using a temporary one for this "
        "run (set REPORTGEN_CACHE_DIR to keep the cache)",
        file=sys.stderr,
    )
    return folder
