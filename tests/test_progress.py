"""What a build tells the operator on standard error: a rewritten status line on a terminal,
plain lines with no control codes anywhere else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reportgen.build import Built, Task
from reportgen.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def task(fmt: str = "pptx", lang: str = "zh") -> Task:
    return Task(Path("data/d"), "d", "briefing", lang, fmt, Path("output") / f"d_{lang}.{fmt}")


def built(name: str, *, reused: bool = False, kind: str = "pptx", pages: int = 14) -> Built:
    return Built(Path(name), kind, "zh", pages, 300 * 1024, reused=reused, seconds=2.345)


def test_off_a_terminal_each_output_is_one_plain_line(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    stream = io.StringIO()
    progress = Progress(stream=stream)
    progress.update("start", task(), None)  # not worth a line in a log
    progress.update("done", task(), built("output/d_zh.pptx"))
    progress.update("reused", task("pdf"), built("output/d_zh.pdf", reused=True))
    progress.update("failed", task("xlsx", ""), None)
    assert stream.getvalue() == (
        "[1] built output/d_zh.pptx\n[2] reused output/d_zh.pdf\nfailed d xlsx\n"
    )
    assert "\x1b" not in stream.getvalue() and "\r" not in stream.getvalue()


@pytest.mark.parametrize("no_color", [None, "1"])
def test_on_a_terminal_one_status_line_is_rewritten_in_place(monkeypatch, no_color):
    """The status line is cleared and rewritten (not coloured), with or without NO_COLOR."""
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    stream = Terminal()
    progress = Progress(stream=stream)
    progress.update("start", task(), None)
    progress.update("done", task(), built("output/d_zh.pptx"))
    assert stream.getvalue() == ("\r\x1b[2Kbuilding d pptx zh …\r\x1b[2K[1] built output/d_zh.pptx")
    assert "\n" not in stream.getvalue()


def test_verbose_says_when_each_output_starts_and_how_long_it_took():
    stream = io.StringIO()
    progress = Progress(stream=stream, verbose=True)
    progress.update("start", task(), None)
    progress.update("done", task(), built("output/d_zh.pptx"))
    progress.update("reused", task("pdf"), built("output/d_zh.pdf", reused=True))
    assert stream.getvalue().splitlines() == [
        "building d pptx zh …",
        "[1] built output/d_zh.pptx in 2.3 s",
        "[2] reused output/d_zh.pdf",  # nothing was timed
    ]


def test_quiet_shows_only_the_warnings():
    stream = Terminal()
    progress = Progress(stream=stream, quiet=True)
    progress.update("start", task(), None)
    progress.update("done", task(), built("output/d_zh.pptx"))
    progress.summary([built("output/d_zh.pptx")], 3.0, ["the draft is not reviewed"])
    assert stream.getvalue() == "warning: the draft is not reviewed\n"


def test_the_summary_counts_files_reused_ones_and_warnings():
    stream = io.StringIO()
    outputs = [
        built("output/d_zh.pptx"),
        built("output/d_zh.pdf", kind="pdf", pages=2, reused=True),
        built("output/d.xlsx", kind="xlsx", pages=0),
    ]
    Progress(stream=stream).summary(outputs, 12.34, ["w1", "w2"])
    assert stream.getvalue().splitlines() == [
        "warning: w1",
        "warning: w2",
        "reportgen: 3 file(s) in 12.3 s (1 unchanged, reused), 2 warning(s)",
        "  output/d_zh.pptx  14 slides, 300 KB",
        "  output/d_zh.pdf  2 pages, 300 KB  (unchanged)",
        "  output/d.xlsx  300 KB",  # no page count known
    ]


def test_on_a_terminal_the_summary_first_clears_the_status_line():
    stream = Terminal()
    Progress(stream=stream).summary([], 0.5)
    assert stream.getvalue() == "\r\x1b[2Kreportgen: 0 file(s) in 0.5 s, 0 warning(s)\n"
