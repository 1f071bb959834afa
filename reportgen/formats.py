"""The output formats `reportgen build` makes, each registered once.

An entry says everything the pipeline needs to know about a format: whether it is drawn from
a part of the template (the deck plan, the summary plan) and made once per language, what its
file is called, how its content is decided before drawing, how it is drawn and how many
slides, pages or sheets it has, and how the drawn bytes are checked. The build, the progress
summary, the output check and the command line all read this registry, so adding a format is
one entry here plus the modules that build and draw it.

Nothing heavy is imported here (each entry's functions import their libraries when called):
the command line reads the registry for its options and `--help` stays quick.

>>> [fmt.name for fmt in FORMATS]
['pptx', 'pdf', 'xlsx', 'html']
>>> get("pdf").filename("zone-2023-05", "briefing", "en")
'zone-2023-05_briefing-summary_en.pdf'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportgen.errors import UsageError

if TYPE_CHECKING:
    from reportgen.check.findings import Finding
    from reportgen.content.facts import Facts
    from reportgen.data import Dataset
    from reportgen.template import Template


@dataclass(frozen=True)
class OutputFormat:
    """One kind of output file and the functions that make and check it."""

    name: str  # what --format takes, and the file's suffix
    unit: str  # what ``count`` counts, as the build summary says it: "slides", "pages"
    #: The template part it is drawn from ("deck", "summary": ``Template.deck``, read from
    #: ``deck.yaml``); None for an output made from the data alone, which needs no template.
    part: str | None
    #: Made once per language (a document people read), or once for all (the data's tables).
    languages: bool
    #: (dataset id, template name, language) -> the file name; what and when: the dataset id
    #: carries the period. A format made once for all languages ignores the language.
    filename: Callable[[str, str, str], str]
    #: Decides the content before anything is drawn (dataset, template, language, and the
    #: ``Facts`` every format of that dataset and language shares, or None to decide them
    #: anew), so a snippet or chart that does not fit the data fails the build before
    #: drawing; None for a format drawn straight from the data.
    content: Callable[[Dataset, Template, str, Facts | None], Any] | None
    #: Draws the bytes from the decided content (None without a content builder), the
    #: template (None when the format needs none and none was loaded) and the dataset.
    render: Callable[[Any, Template | None, Dataset], bytes]
    #: Slides, pages or sheets in the drawn output: (content, bytes) -> count.
    count: Callable[[Any, bytes], int]
    #: Findings for drawn bytes (bytes, dataset, shown name, the content they were drawn
    #: from or None for a file read from disk); None for a format `reportgen check` does
    #: not read.
    check: Callable[[bytes, Dataset, str, Any], list[Finding]] | None = None
    #: Checks the template can draw this format before any output is drawn.
    preflight: Callable[[Template], None] | None = None
    #: Draws charts: the chart cache is settled once before workers start.
    charts: bool = False

    @property
    def suffix(self) -> str:
        return f".{self.name}"

    @property
    def needs_template(self) -> bool:
        return self.part is not None

    @property
    def plan_file(self) -> str | None:
        """The template file the format's part is read from, named in errors."""
        return f"{self.part}.yaml" if self.part else None


# --- the briefing deck -------------------------------------------------------------------------


def _deck_filename(dataset_id: str, template_name: str, lang: str) -> str:
    return f"{dataset_id}_{template_name}_{lang}.pptx"


def _deck_content(
    dataset: Dataset, template: Template, lang: str, facts: Facts | None = None
) -> Any:
    from reportgen.content.deck import build_deck

    return build_deck(dataset, template, template.deck, lang, facts=facts)


def _deck_render(deck: Any, template: Template | None, dataset: Dataset) -> bytes:
    from reportgen.render.pptx import render_deck

    return render_deck(deck, template)


def _deck_count(deck: Any, data: bytes) -> int:
    return len(deck.slides)


def _deck_check(data: bytes, dataset: Dataset, shown: str, deck: Any = None) -> list[Finding]:
    from reportgen.check.pptx import check_pptx

    return check_pptx(data, dataset, shown, deck)


def _deck_preflight(template: Template) -> None:
    """An unusable master (or one without the layouts the plan names) fails the build
    before anything is drawn."""
    from reportgen.render.pptx import frames, open_master

    kinds = dict.fromkeys(slide.layout for slide in template.deck.slides)
    frames(open_master(template.master), template, kinds)


# --- the PDF summary ---------------------------------------------------------------------------


def _summary_filename(dataset_id: str, template_name: str, lang: str) -> str:
    return f"{dataset_id}_{template_name}-summary_{lang}.pdf"


def _summary_content(
    dataset: Dataset, template: Template, lang: str, facts: Facts | None = None
) -> Any:
    from reportgen.content.summary import build_summary

    return build_summary(dataset, template, template.summary, lang, facts=facts)


def _summary_render(summary: Any, template: Template | None, dataset: Dataset) -> bytes:
    from reportgen.render.pdf import render_summary

    return render_summary(summary, template)


def _summary_count(summary: Any, data: bytes) -> int:
    from reportgen.render.pdf import page_count

    return page_count(data)


def _summary_check(data: bytes, dataset: Dataset, shown: str, summary: Any = None) -> list[Finding]:
    from reportgen.check.pdf import check_pdf

    return check_pdf(data, dataset, shown, summary)


# --- the sources page -------------------------------------------------------------------------


def _sources_filename(dataset_id: str, template_name: str, lang: str) -> str:
    return f"{dataset_id}_{template_name}-sources_{lang}.html"


def _sources_content(
    dataset: Dataset, template: Template, lang: str, facts: Facts | None = None
) -> Any:
    from reportgen.content.sources_page import build_sources_page

    deck = _deck_content(dataset, template, lang, facts)
    return build_sources_page(deck, dataset, lang, facts)


def _sources_render(page: Any, template: Template | None, dataset: Dataset) -> bytes:
    from reportgen.render.html import render_sources

    return render_sources(page, template)


def _sources_count(page: Any, data: bytes) -> int:
    return len(page.figures)


# --- the tables workbook -----------------------------------------------------------------------


def workbook_filename(dataset_id: str) -> str:
    """The workbook of a dataset's tables, as `tables --format xlsx` and `build` write it.

    Decided here, not in ``reportgen.tables``: naming the file must not import pandas, so a
    rebuild that reuses every output stays as light as it was."""
    return f"{dataset_id}-tables.xlsx"


def _workbook_filename(dataset_id: str, template_name: str, lang: str) -> str:
    return workbook_filename(dataset_id)


def _workbook_render(content: None, template: Template | None, dataset: Dataset) -> bytes:
    from reportgen.data.dataset import TABLE_NAMES
    from reportgen.tables import workbook

    return workbook(dataset, TABLE_NAMES)


def _workbook_count(content: None, data: bytes) -> int:
    from reportgen.data.dataset import TABLE_NAMES

    return len(TABLE_NAMES) + 1  # the figures as read, then one sheet per table


#: Every format, in the order outputs are listed and --format names them.
FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat(
        name="pptx",
        unit="slides",
        part="deck",
        languages=True,
        filename=_deck_filename,
        content=_deck_content,
        render=_deck_render,
        count=_deck_count,
        check=_deck_check,
        preflight=_deck_preflight,
        charts=True,
    ),
    OutputFormat(
        name="pdf",
        unit="pages",
        part="summary",
        languages=True,
        filename=_summary_filename,
        content=_summary_content,
        render=_summary_render,
        count=_summary_count,
        check=_summary_check,
        charts=True,
    ),
    # The workbook needs no template: a new data folder gets its tables before anyone has
    # written a slide plan for it.
    OutputFormat(
        name="xlsx",
        unit="sheets",
        part=None,
        languages=False,
        filename=_workbook_filename,
        content=None,
        render=_workbook_render,
        count=_workbook_count,
    ),
    OutputFormat(
        name="html",
        unit="figures",
        part="deck",
        languages=True,
        filename=_sources_filename,
        content=_sources_content,
        render=_sources_render,
        count=_sources_count,
    ),
)

#: What --format and the ``format`` setting accept.
NAMES: tuple[str, ...] = tuple(fmt.name for fmt in FORMATS)


def get(name: str) -> OutputFormat:
    """The format called ``name``; an unknown name is a usage error saying what is known."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    known = ", ".join(fmt.name for fmt in FORMATS)
    raise UsageError(f"no output format '{name}': reportgen builds {known}")


def checked() -> tuple[OutputFormat, ...]:
    """The formats `reportgen check` reads (and `build` checks before writing)."""
    return tuple(fmt for fmt in FORMATS if fmt.check is not None)
