"""Problems found in user input, reported one line each and all at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one field of one entry in one file.

    Sorting problems orders them by file and line, which is the order a person fixes them in.
    """

    file: str
    line: int | None
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        subject = ", ".join(
            part for part in (self.entry, self.field and f"field '{self.field}'") if part
        )
        return f"{where}: {subject}: {self.message}" if subject else f"{where}: {self.message}"


class ReportgenError(Exception):
    """Base of errors the CLI turns into a message and an exit code instead of a traceback."""

    exit_code = 3


class ProblemsError(ReportgenError):
    """Input is invalid; carries every problem found, not just the first."""

    exit_code = 1
    what = "input"

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.message))
        super().__init__(f"{len(self.problems)} problem(s) in the {self.what}")


class DataError(ProblemsError):
    """The data folder is invalid."""

    what = "data"


class TemplateError(ProblemsError):
    """The template is invalid or does not fit the data."""

    what = "template"


class ConfigError(ProblemsError):
    """The project's settings file (reportgen.toml, [tool.reportgen]) is invalid: a usage
    error, since the settings stand in for command-line options."""

    exit_code = 2
    what = "settings"


class UsageError(ReportgenError):
    """The command line asks for something that cannot be done as asked."""

    exit_code = 2
