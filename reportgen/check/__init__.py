"""`reportgen check`: lint built decks and PDFs before they go to a presenter.

One line per finding, naming the file, the slide or page, and the shape:
- text that overflows its box (at the size it gets, explicit or inherited), a shape that
  extends past the slide, a table whose rows grow past its bottom edge, text a PDF draws
  past its page's left or right edge (``pdf_edges``);
- placeholder text a presenter would see, in either language (``text.placeholders``);
- a run without an East Asian typeface, or with a character its font lacks;
- a picture or chart without alt text; an empty placeholder;
- a number no fact in the dataset supports (Arabic or in Chinese numerals; on slides, in
  charts and in speaker notes, where a verbatim quote of an article supports its numbers), or
  a hedged fact shown without its hedge;
- a derived value shown without its derived mark;
- given the content the output was drawn from (a build's check, ``placed``): a number the
  content put on a slide or in the summary that is not printed there as decided (its text,
  its derived mark, its citation number), or a source note that is missing. Each number the
  content placed is read as that fact's own (a hedge word around it that is not the end of
  its label is the template's), each source note is a quotation proved against the data and
  its article (``quotes``), and titles and labels are names, so a figure inside a quote or
  a name is never matched to another fact's hedge;
- a native chart whose drawn values are not the values its labels state, or whose embedded
  workbook differs from what it draws;
- a font not embedded in a PDF;
- a file that is not a readable deck or PDF.

The numbers a page may print are computed in one place (`numbers.supported`).
"""

from __future__ import annotations

from pathlib import Path

from reportgen import formats
from reportgen.check.findings import CheckError, Finding, Unreadable
from reportgen.check.numbers import number_findings, supported
from reportgen.check.pdf import check_pdf, unwrap
from reportgen.check.pptx import check_pptx
from reportgen.data import Dataset
from reportgen.paths import display_path
from reportgen.safeio import MAX_CHECKED_FILE_BYTES, Refused, read_file

__all__ = [
    "CHECKED_SUFFIXES",
    "CheckError",
    "Finding",
    "check_bytes",
    "check_files",
    "check_pdf",
    "check_pptx",
    "number_findings",
    "supported",
    "unwrap",
]

#: Each output format's check, by file suffix (the registry in ``reportgen.formats`` says
#: which formats are checked and how).
_CHECKS = {fmt.suffix: fmt.check for fmt in formats.checked()}
#: The kinds of file `check` reads (and the ones it looks for in output/).
CHECKED_SUFFIXES = tuple(_CHECKS)


def _check(
    check, source: bytes, dataset: Dataset, shown: str, content: object | None = None
) -> list[Finding]:
    try:
        return check(source, dataset, shown, content)
    except Unreadable as exc:
        return [exc.finding]


def check_bytes(
    data: bytes,
    fmt: str | formats.OutputFormat,
    dataset: Dataset,
    shown: str,
    content: object | None = None,
) -> list[Finding]:
    """Findings for an output about to be written (``fmt``: an output format or its name;
    none for a format that is not checked). ``content`` is what the output was drawn from
    (the build's ``Job.content``): with it, each number is proved to be printed where the
    content put it, as it decided."""
    check = (fmt if isinstance(fmt, formats.OutputFormat) else formats.get(fmt)).check
    return sorted(set(_check(check, data, dataset, shown, content))) if check else []


def check_files(paths: list[Path], dataset: Dataset) -> list[Finding]:
    """Findings for built files; a file that cannot be read is one finding, not a crash."""
    findings: list[Finding] = []
    for path in paths:
        check = _CHECKS[path.suffix.lower()]  # the CLI takes only CHECKED_SUFFIXES
        shown = display_path(path)
        try:  # bounded: a FIFO, a device or an endless file named .pdf is refused, not read
            data = read_file(path, MAX_CHECKED_FILE_BYTES)
        except Refused as refused:
            findings.append(Finding(shown, "file", refused.reason))
            continue
        findings += _check(check, data, dataset, shown)
    return sorted(set(findings))
