"""Running the path: which line of a failed command is its error, which step failed."""

from __future__ import annotations

from pathlib import Path

from reportgen.deckeval.path import PathRun, Step, first_error


def test_the_first_error_line_skips_progress_and_warnings():
    stderr = (
        "[1] built out/a_zh.pptx\n"
        "warning: data/d: 9 metric(s) are drafts not yet reviewed\n"
        "out/a-summary_zh.pdf: page 1: 最高30: the data has no such hedge for 30\n"
        "reportgen: 1 problem(s); nothing was written\n"
    )
    assert (
        first_error(stderr)
        == "out/a-summary_zh.pdf: page 1: 最高30: the data has no such hedge for 30"
    )


def test_only_progress_gives_its_last_line():
    assert first_error("wrote d\n  left out x\n") == "left out x"
    assert first_error("") == ""


def test_the_failure_names_the_first_step_that_failed():
    run = PathRun(
        (Step("extract", 0), Step("plan", 1, "no metrics"), Step("build", None)),
        Path("d"),
        Path("t"),
        Path("o"),
    )
    assert not run.ok
    assert run.failure == "plan exit 1: no metrics"
    assert PathRun((Step("extract", 0),), Path("d"), Path("t"), Path("o")).failure == ""
