"""Problems are one line each, naming file, line, entry and field; errors carry exit codes."""

from __future__ import annotations

import pytest

from reportgen.errors import (
    ConfigError,
    DataError,
    Problem,
    ProblemsError,
    ReportgenError,
    TemplateError,
    UsageError,
)


@pytest.mark.parametrize(
    ("problem", "line"),
    [
        (
            Problem("metrics.yaml", 12, "metric 'trade'", "value", "must be a number"),
            "metrics.yaml:12: metric 'trade', field 'value': must be a number",
        ),
        (
            Problem("metrics.yaml", None, "metric 'trade'", None, "is listed twice"),
            "metrics.yaml: metric 'trade': is listed twice",
        ),
        (
            Problem("dataset.yaml", 3, None, "as_of", "is not a month"),
            "dataset.yaml:3: field 'as_of': is not a month",
        ),
        (
            Problem("events.yaml", None, None, None, "expected a mapping"),
            "events.yaml: expected a mapping",
        ),
    ],
)
def test_a_problem_is_one_line_naming_only_what_it_knows(problem, line):
    assert str(problem) == line
    assert "\n" not in str(problem)


def test_problems_are_reported_by_file_then_line_with_a_file_wide_one_first():
    error = DataError(
        [
            Problem("metrics.yaml", 30, "m2", "unit", "b"),
            Problem("events.yaml", 4, "e1", "date", "c"),
            Problem("metrics.yaml", None, None, None, "d"),
            Problem("metrics.yaml", 7, "m1", "value", "a"),
        ]
    )
    assert [(p.file, p.line) for p in error.problems] == [
        ("events.yaml", 4),
        ("metrics.yaml", None),
        ("metrics.yaml", 7),
        ("metrics.yaml", 30),
    ]


def test_the_message_counts_the_problems_and_names_what_was_wrong():
    problems = [Problem("a.yaml", 1, None, None, "x"), Problem("a.yaml", 2, None, None, "y")]
    assert str(DataError(problems)) == "2 problem(s) in the data"
    assert str(TemplateError(problems[:1])) == "1 problem(s) in the template"
    assert str(ConfigError(problems)) == "2 problem(s) in the settings"


def test_every_error_kind_has_its_documented_exit_code():
    problems = [Problem("a.yaml", 1, None, None, "x")]
    assert DataError(problems).exit_code == 1  # invalid input
    assert TemplateError(problems).exit_code == 1
    assert ConfigError(problems).exit_code == 2  # settings stand in for options: usage
    assert UsageError("no such format").exit_code == 2
    assert ReportgenError("cannot write").exit_code == 3  # anything else the CLI reports
    assert isinstance(ConfigError(problems), ProblemsError)
    assert not isinstance(UsageError("x"), ProblemsError)


def test_the_problems_are_kept_whatever_iterable_gave_them():
    given = (Problem("a.yaml", n, None, None, str(n)) for n in (3, 1, 2))
    assert [p.line for p in DataError(given).problems] == [1, 2, 3]
