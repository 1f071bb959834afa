"""Project defaults for `reportgen build`, from reportgen.toml or [tool.reportgen].

A project that builds the same data every month writes its choices once:

    # reportgen.toml
    data = ["data/qingdao-sco-2023-05"]
    template = "briefing"
    lang = ["zh", "en"]
    format = ["pptx", "pdf", "xlsx"]
    out = "output"
    jobs = 2

Command-line options override the file; unknown keys are an error, not a silent typo.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from reportgen.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

KEYS = {"data", "template", "lang", "format", "out", "jobs"}


def load_config(folder: Path | None = None) -> tuple[dict[str, Any], Path | None]:
    """The defaults in force for ``folder`` (default: the working folder), and their file."""
    folder = folder or Path.cwd()
    own = folder / "reportgen.toml"
    if own.is_file():
        return _check(_read(own), own), own
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        table = _read(pyproject).get("tool", {}).get("reportgen")
        if table is not None:
            return _check(table, pyproject), pyproject
    return {}, None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None


def _check(table: dict[str, Any], path: Path) -> dict[str, Any]:
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise UsageError(
            f"{path}: unknown reportgen setting(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(KEYS))}"
        )
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key in ("data", "lang", "format"):
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise UsageError(f"{path}: '{key}' takes a string or a list of strings")
            out[key] = values
        elif key == "jobs":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise UsageError(f"{path}: 'jobs' takes a whole number of at least 1")
            out[key] = value
        else:
            if not isinstance(value, str):
                raise UsageError(f"{path}: '{key}' takes a string")
            out[key] = value
    return out
