"""A finding is one line naming the file, the place and the problem; findings sort by file."""

from __future__ import annotations

import zipfile

from reportgen.check.findings import CheckError, Finding, Unreadable


def test_a_finding_prints_as_file_place_and_problem():
    finding = Finding("out/deck.pptx", "slide 3 'Title 1'", "text overflows its box")
    assert str(finding) == "out/deck.pptx: slide 3 'Title 1': text overflows its box"


def test_findings_sort_by_file_then_place_then_problem():
    found = [
        Finding("b.pdf", "page 1", "font /Helvetica is not embedded"),
        Finding("a.pptx", "slide 2", "z"),
        Finding("a.pptx", "slide 10", "a"),
        Finding("a.pptx", "slide 2", "a"),
    ]
    assert [str(f) for f in sorted(found)] == [
        "a.pptx: slide 10: a",  # the place is text: "slide 10" sorts before "slide 2"
        "a.pptx: slide 2: a",
        "a.pptx: slide 2: z",
        "b.pdf: page 1: font /Helvetica is not embedded",
    ]


def test_equal_findings_are_one_finding():
    same = Finding("a.pdf", "page 1", "x")
    assert len({same, Finding("a.pdf", "page 1", "x"), Finding("a.pdf", "page 2", "x")}) == 2


def test_an_unreadable_file_is_one_finding_with_the_first_line_of_its_cause():
    cause = zipfile.BadZipFile("File is not a zip file\nsecond line of detail")
    error = Unreadable("out/deck.pptx", "PowerPoint", cause)
    assert error.finding == Finding(
        "out/deck.pptx", "file", "not a readable PowerPoint file (File is not a zip file)"
    )
    assert (
        str(error) == "out/deck.pptx: file: not a readable PowerPoint file (File is not a zip file)"
    )


def test_an_unreadable_file_without_a_message_names_the_cause_and_a_long_one_is_cut():
    assert Unreadable("x.pdf", "PDF", EOFError()).finding.message == (
        "not a readable PDF file (EOFError)"
    )
    long = Unreadable("x.pdf", "PDF", ValueError("v" * 500)).finding.message
    assert long == f"not a readable PDF file ({'v' * 120})"


def test_a_check_error_carries_every_finding_and_says_them_all():
    findings = [Finding("a.pptx", "slide 1", "one"), Finding("a.pptx", "slide 2", "two")]
    error = CheckError(findings)
    assert error.findings == findings
    assert str(error) == "a.pptx: slide 1: one; a.pptx: slide 2: two"
