"""Where reportgen looks for things when the command line does not say."""

from __future__ import annotations

import os
from pathlib import Path

OUTPUT_DIR = Path("output")


def default_data_dir() -> Path:
    """The seed example bundled with reportgen, for commands given no data folder where no
    reportgen.toml names one (`reportgen validate` works in any folder, installed or not)."""
    from reportgen.bundled import SEED

    return SEED


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
