"""The schema of a template's plans: deck.yaml (which slides, in which order, which blocks)
and summary.yaml (the PDF summary's lead, key figures, charts, events and topics).

Every text is given in each language (a ``reportgen.locale.texts.Localized``); texts are
Jinja snippets that may show metrics (``{{ m.platform_enterprises }}``) but never type a
number themselves that the data does not hold (the build checks every number on every
slide against the dataset).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from reportgen.data.schema import Id
from reportgen.locale import LANGS
from reportgen.locale.texts import Localized
from reportgen.text.safe import check_display_text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# The same rule as data text (reportgen.text.safe): a tab or U+E000 in a title is refused here.
Snippet = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(check_display_text)]


def _same_length(value: Localized[list[str]]) -> Localized[list[str]]:
    """Item n of one language is item n of every other: a list is one list, translated."""
    (first, items), *others = value.items()
    if any(len(other) != len(items) for _lang, other in others):
        stated = ", ".join(f"{lang} has {len(other)}" for lang, other in others)
        raise ValueError(f"{first} has {len(items)} items but {stated}")
    return value


#: A list of snippets per language (``{zh: [...], en: [...]}``), as many in each, at most 12.
LocalizedSnippets = Annotated[
    Localized[Annotated[list[Snippet], Field(max_length=12)]], AfterValidator(_same_length)
]


class Column(_Model):
    """A table column: a field of the rows' records, with its heading."""

    field: Literal[
        "value",
        "label",
        "note",
        "period",
        "date",
        "title",
        "place",
        "parties",
        "reporter",
        "outlet",
        "kind",
        "entity",
        "assessment",
        "year",
        "rank",
    ]
    heading: Localized[Snippet]


#: The columns each table source has (a metric has no place, an article no value).
TABLE_FIELDS = {
    "metrics": ("value", "label", "note", "period"),
    "events": ("date", "title", "place", "parties"),
    "articles": ("title", "date", "reporter", "outlet", "kind"),
    "rankings": ("entity", "assessment", "year", "rank"),
}


class TablePlan(_Model):
    source: Literal["metrics", "events", "articles", "rankings"]
    ids: list[Id] = Field(default_factory=list)  # empty: every record of the source
    columns: Annotated[list[Column], Field(min_length=1, max_length=6)]

    @model_validator(mode="after")
    def _columns_fit_source(self) -> TablePlan:
        fields = TABLE_FIELDS[self.source]
        for column in self.columns:
            if column.field not in fields:
                raise ValueError(
                    f"a table of {self.source} has no column '{column.field}' "
                    f"(it has {', '.join(fields)})"
                )
        return self


#: What each layout has room for. Every master has at least these placeholders (the build
#: checks it), so a plan asking for more would have nowhere to put it. Each body placeholder
#: takes one text block: the subtitle (where there is no subtitle placeholder), the points,
#: or a column.
LAYOUT_BLOCKS = {
    "Title": ("subtitle",),
    "Section": ("subtitle", "points"),
    "KPI Grid": ("kpis",),
    "Chart": ("chart", "subtitle", "points"),
    "Table": ("table",),
    "Timeline": ("timeline",),
    "Two Columns": ("left", "right", "left_heading", "right_heading"),
    "Closing": ("subtitle", "points"),
}
LAYOUT_BODIES = {"Section": 1, "Chart": 1, "Two Columns": 2, "Closing": 1}


class SlidePlan(_Model):
    id: Id
    layout: Literal[
        "Title", "Section", "KPI Grid", "Chart", "Table", "Timeline", "Two Columns", "Closing"
    ]
    title: Localized[Snippet]
    subtitle: Localized[Snippet] | None = None
    kpis: Id | None = None  # a 'kpi' chart of the template
    chart: Id | None = None
    timeline: Id | None = None
    table: TablePlan | None = None
    points: LocalizedSnippets | None = None
    left: LocalizedSnippets | None = None
    right: LocalizedSnippets | None = None
    left_heading: Localized[Snippet] | None = None
    right_heading: Localized[Snippet] | None = None
    note: Localized[Snippet] | None = None
    notes: LocalizedSnippets | None = None

    @model_validator(mode="after")
    def _blocks_fit_layout(self) -> SlidePlan:
        needs = {
            "KPI Grid": ("kpis", self.kpis),
            "Chart": ("chart", self.chart),
            "Table": ("table", self.table),
            "Timeline": ("timeline", self.timeline),
            "Two Columns": ("left", self.left),
        }
        if self.layout in needs and needs[self.layout][1] is None:
            raise ValueError(f"layout '{self.layout}' needs '{needs[self.layout][0]}'")
        allowed = LAYOUT_BLOCKS[self.layout]
        for block in (*_BLOCKS, "left_heading", "right_heading"):
            if getattr(self, block) is not None and block not in allowed:
                raise ValueError(
                    f"layout '{self.layout}' has no place for '{block}' "
                    f"(it takes {', '.join(allowed)})"
                )
        texts = [b for b in ("subtitle", "points", "left", "right") if getattr(self, b)]
        if self.layout != "Title" and len(texts) > LAYOUT_BODIES.get(self.layout, 0):
            raise ValueError(
                f"layout '{self.layout}' has room for {LAYOUT_BODIES.get(self.layout, 0)} "
                f"text block(s), not {' and '.join(texts)}"
            )
        content = self.layout not in ("Title", "Section", "Closing")
        if content and (self.notes is None or not 2 <= len(self.notes[LANGS[0]]) <= 4):
            raise ValueError("a content slide needs two to four speaker 'notes' (talking points)")
        return self


_BLOCKS = ("subtitle", "kpis", "chart", "timeline", "table", "points", "left", "right")


class DeckPlan(_Model):
    slides: Annotated[list[SlidePlan], Field(min_length=1, max_length=60)]

    @model_validator(mode="after")
    def _unique_ids(self) -> DeckPlan:
        ids = [s.id for s in self.slides]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate slide id(s): {', '.join(duplicates)}")
        return self


class KeyFigure(_Model):
    metric: Id
    change: Id | None = None  # a growth metric shown beside the value


class EventRange(_Model):
    from_: Annotated[str, Field(alias="from", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
    to: Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class Topic(_Model):
    heading: Localized[Snippet]
    points: LocalizedSnippets


class SummaryPlan(_Model):
    """summary.yaml: the PDF summary's title, lead, key figures, charts, events and topics."""

    title: Localized[Snippet]
    lead: Localized[Snippet]
    key_figures: Annotated[list[KeyFigure], Field(min_length=1, max_length=16)]
    # One chart is enough: a data folder with a single figure still gets its summary.
    charts: Annotated[list[Id], Field(min_length=1, max_length=4)]
    events: EventRange | None = None
    topics: Annotated[list[Topic], Field(max_length=8)] = Field(default_factory=list)
