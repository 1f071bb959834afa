"""Project defaults for `reportgen build`, from reportgen.toml or [tool.reportgen].

A project that builds the same data every month writes its choices once:

    # reportgen.toml
    data = ["data/qingdao-sco-2023-05"]
    template = "briefing"
    lang = ["zh", "en"]
    format = ["pptx", "pdf", "xlsx"]
    out = "output"
    jobs = 2

Command-line options override the file; unknown keys are an error, not a silent typo. Every
value is checked when the file is read, by the same rules as the option it stands in for, and a
wrong one is reported with the file and the key (a bad `lang` is the file's fault, not
`--lang`'s), even one an option overrides, so a stale file is found the day it goes stale.
Relative paths are relative to the file's folder, which is the working folder: that is the only
place the file is looked for.

pyproject.toml belongs to other tools too: reportgen reads only its `tool.reportgen` table and
judges nothing else in it, except what it must get through to reach that table (the file must
be TOML and `tool` a table, as the pyproject format requires; a file that is not is reported,
since reportgen cannot tell whether it holds settings meant for it).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from reportgen import formats
from reportgen.errors import ConfigError, Problem
from reportgen.locale import LANGS
from reportgen.paths import display_path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The most render processes `--jobs` and `jobs` accept.
MAX_JOBS = 64
CONFIG_FILE = "reportgen.toml"
PYPROJECT = "pyproject.toml"


def choose(values: Iterable[str], allowed: tuple[str, ...]) -> list[str]:
    """The chosen values in order, once each; ValueError saying what is allowed when one is
    unknown or none is given. The one rule for option and setting alike."""
    chosen = [value.strip() for value in values if value.strip()]
    if not chosen or any(value not in allowed for value in chosen):
        raise ValueError(f"takes {', '.join(allowed)}")
    return list(dict.fromkeys(chosen))


def load_config(folder: Path | None = None) -> tuple[dict[str, Any], Path | None]:
    """The defaults in force for ``folder`` (default: the working folder), and their file.

    Paths come back resolved against ``folder``; raises ConfigError listing every bad value.
    """
    base = folder if folder is not None else Path()
    own = base / CONFIG_FILE
    if own.exists():  # a folder of that name is reported, not passed over
        return _check(_read(own), own, base, ""), own
    pyproject = base / PYPROJECT
    if pyproject.exists():
        document = _read(pyproject)
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            raise _error(pyproject, f"must be a table ([tool]), not {_shown(tool)}", "tool")
        table = tool.get("reportgen")
        if table is None:
            return {}, None
        if not isinstance(table, dict):
            message = f"must be a table ([tool.reportgen]) of settings, not {_shown(table)}"
            raise _error(pyproject, message, "tool.reportgen")
        return _check(table, pyproject, base, "tool.reportgen."), pyproject
    return {}, None


def _error(path: Path, message: str, key: str | None = None, line: int | None = None):
    return ConfigError([Problem(display_path(path), line, None, key, message)])


def _read(path: Path) -> dict[str, Any]:
    """The file as TOML: UTF-8 with or without a BOM (Notepad writes one), else one problem
    naming the file, line and column."""
    from reportgen.yamlio import read_text

    problems: list[Problem] = []
    text = read_text(path, display_path(path), problems)
    if text is None:
        raise ConfigError(problems)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column, message = _position(exc, text)
        raise _error(path, f"column {column}: not valid TOML: {message}", line=line) from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise _error(path, "not valid settings: values nested too deeply") from None


def _position(exc: tomllib.TOMLDecodeError, text: str) -> tuple[int, int, str]:
    """Line, column and message of a TOML error (tomllib says "at end of document" for an
    unclosed value, which is a position too)."""
    text_of = str(exc)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", text_of)
    if found:
        return int(found[1]), int(found[2]), text_of[: found.start()]
    message = re.sub(r"\s*\(at end of document\)$", "", text_of)
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1, f"{message} (at the end of the file)"


def _check(table: dict[str, Any], path: Path, base: Path, prefix: str) -> dict[str, Any]:
    problems: list[Problem] = []
    unknown = sorted(set(table) - set(SETTINGS))
    if unknown:
        problems.append(
            Problem(
                display_path(path),
                None,
                None,
                None,
                f"unknown reportgen setting(s) {', '.join(unknown)}; "
                f"known: {', '.join(sorted(SETTINGS))}",
            )
        )
    settings: dict[str, Any] = {}
    for key, value in table.items():
        if key not in SETTINGS:
            continue
        try:
            settings[key] = SETTINGS[key](value, base)
        except ValueError as exc:
            problems.append(Problem(display_path(path), None, None, prefix + key, str(exc)))
    if problems:
        raise ConfigError(problems)
    return settings


def _shown(value: Any) -> str:
    """A value as it was written in the file, short enough for one line."""
    if isinstance(value, dict):
        return "a table"
    if not isinstance(value, (str, int, float, list)):
        return str(value)  # a TOML date or time
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _strings(value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"takes a string or a list of strings, not {_shown(value)}")
    if not any(item.strip() for item in items):
        raise ValueError(f"is empty ({_shown(value)}); leave it out for the default")
    return items


def _choices(allowed: tuple[str, ...]) -> Callable[[Any, Path], list[str]]:
    def check(value: Any, base: Path) -> list[str]:
        items = _strings(value)
        try:  # "zh,en" is read as the option reads it
            return choose((part for item in items for part in item.split(",")), allowed)
        except ValueError as exc:
            raise ValueError(f"{exc}, not {_shown(value)}") from None

    return check


def _path(value: Any, base: Path) -> Path:
    if not isinstance(value, str):
        raise ValueError(f"takes a path (a string), not {_shown(value)}")
    if not value.strip():
        raise ValueError("is empty; leave it out for the default")
    return base / value


def _data(value: Any, base: Path) -> list[Path]:
    folders = []
    for written in _strings(value):
        folder = _path(written, base)
        if not folder.exists():
            raise ValueError(f"no data folder {_shown(written)}")
        if not folder.is_dir():
            raise ValueError(f"{_shown(written)} is a file; give the data folder")
        folders.append(folder)
    return folders


def _template(value: Any, base: Path) -> str | Path:
    """A template name under templates/, a folder or a .pptx/.potx master, as --template
    takes."""
    from reportgen.template import is_master_file, template_dir

    path = _path(value, base)
    if Path(value).parent == Path(".") and not path.exists():
        if template_dir(value).is_dir():
            return value  # a name, found as build will find it
        raise ValueError(f"no template {_shown(value)} (a name under templates/ or a folder)")
    if is_master_file(path) and path.is_file():
        return path
    if not path.is_dir():
        raise ValueError(f"{_shown(value)} is neither a template folder nor a .pptx/.potx master")
    return path


def _out(value: Any, base: Path) -> Path:
    folder = _path(value, base)
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"{_shown(value)} is a file; give the output folder")
    return folder


def _jobs(value: Any, base: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_JOBS:
        raise ValueError(f"takes a whole number from 1 to {MAX_JOBS}, not {_shown(value)}")
    return value


#: Each setting and the check that turns its value into what build takes.
SETTINGS: dict[str, Callable[[Any, Path], Any]] = {
    "data": _data,
    "template": _template,
    "lang": _choices(LANGS),
    "format": _choices(formats.NAMES),
    "out": _out,
    "jobs": _jobs,
}
