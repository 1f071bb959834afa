"""Bad files given to `reportgen check`: each is one finding naming the file (exit 1, the
check's "findings" code), never an internal error; the other files are still checked."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.corpus.test_bad_input import Case, assert_fails_cleanly, zip_bomb


def _pptx_bytes() -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(
        Inches(1), Inches(1), Inches(2), Inches(1)
    )
    box.text_frame.text = "999"
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _pdf_bytes() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.drawString(72, 720, "A page")
    canvas.save()
    return buffer.getvalue()


def _zip_bomb_bytes() -> bytes:
    buffer = io.BytesIO()
    zip_bomb(buffer)  # 150 MiB of zeros declared, a few hundred KB packed
    return buffer.getvalue()


def _dangling_bytes() -> bytes:
    """A real deck whose presentation part relates to nothing (its .rels emptied)."""
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(_pptx_bytes())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "ppt/_rels/presentation.xml.rels":
                data = (
                    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    b'relationships"/>'
                )
            target.writestr(name, data)
    return out.getvalue()


def _random(size: int) -> bytes:
    return random.Random(7).randbytes(size)


def check_case(name: str, file: str, content: Callable[[], bytes], message: str) -> Case:
    def setup(tmp: Path) -> list[str]:
        (tmp / file).write_bytes(content())
        return ["check", str(tmp / file)]

    return Case(name, setup, 1, message)


CASES = [
    check_case(
        "truncated deck",
        "cut.pptx",
        lambda: _pptx_bytes()[:5000],
        "cut.pptx: file: not a readable PowerPoint file",
    ),
    check_case(
        "random bytes as a deck",
        "noise.pptx",
        lambda: _random(4096),
        "noise.pptx: file: not a readable PowerPoint file",
    ),
    check_case(
        "a PDF named .pptx",
        "summary.pptx",
        _pdf_bytes,
        "summary.pptx: file: not a readable PowerPoint file",
    ),
    check_case(
        "truncated PDF",
        "cut.pdf",
        lambda: _pdf_bytes()[:600],
        "cut.pdf: file: not a readable PDF file",
    ),
    check_case(
        "random bytes as a PDF",
        "noise.pdf",
        lambda: _random(4096),
        "noise.pdf: file: not a readable PDF file",
    ),
    check_case("empty PDF", "empty.pdf", lambda: b"", "empty.pdf: file: not a readable PDF file"),
    check_case(
        "a deck whose relationships point at nothing",
        "dangling.pptx",
        _dangling_bytes,
        "dangling.pptx: file: not a readable PowerPoint file",
    ),
    check_case(
        "zip bomb as a deck",
        "bomb.pptx",
        _zip_bomb_bytes,
        "bomb.pptx: file: not a readable PowerPoint file (refused: unpacks to 150 MiB",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_reports_an_unreadable_file_cleanly(case: Case, run, tmp_path, monkeypatch):
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)


def test_an_unreadable_file_does_not_stop_the_others(run, tmp_path):
    (tmp_path / "noise.pdf").write_bytes(_random(100))
    (tmp_path / "deck.pptx").write_bytes(_pptx_bytes())
    result = run("check", str(tmp_path / "noise.pdf"), str(tmp_path / "deck.pptx"))
    assert result.code == 1
    assert "noise.pdf: file: not a readable PDF file" in result.err
    assert "deck.pptx: slide 1 'TextBox 1': number 999 is not in the dataset" in result.err
    assert "3 finding(s) in 2 file(s)" in result.err


@pytest.mark.parametrize("content", [_pptx_bytes, lambda: b"not a deck"], ids=["deck", "noise"])
def test_check_with_stdout_closed(tmp_path, content):
    """`reportgen check deck.pptx >&-`: the findings still go to stderr, no internal error."""
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(content())
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "check", str(deck)],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),  # the child starts with no stdout at all
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert f"{deck}:" in result.stderr


def _fifo_case(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "pipe.pdf")  # no writer: reading it would wait for ever
    return ["check", str(tmp / "pipe.pdf")]


def _text_case(tmp: Path) -> list[str]:
    (tmp / "notes.txt").write_text("not a deck", encoding="utf-8")
    return ["check", str(tmp / "notes.txt")]


READS = [
    Case("a pipe named .pdf", _fifo_case, 1, "pipe.pdf: file: not a regular file"),
    Case("a text file", _text_case, 2, "check takes .pptx and .pdf files or folders, not"),
]


@pytest.mark.parametrize("case", READS, ids=[c.name for c in READS])
def test_check_reads_only_decks_and_pdfs_and_never_waits(case: Case, run, tmp_path, monkeypatch):
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)


def test_a_master_whose_relationships_point_at_nothing_fails_cleanly(run, tmp_path, monkeypatch):
    def setup(tmp: Path) -> list[str]:
        (tmp / "house.pptx").write_bytes(_dangling_bytes())
        return ["build", "--template", str(tmp / "house.pptx"), "--out", str(tmp / "out")]

    case = Case("dangling master", setup, 1, "house.pptx: not a readable PowerPoint master")
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)
