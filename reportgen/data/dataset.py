"""The validated dataset: typed records plus the pandas tables built from them.

Builders read this object, never the YAML files. It is immutable; the DataFrames it hands
out are copies, so a renderer cannot change a number another renderer will draw.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from pydantic import BaseModel

from reportgen import locale
from reportgen.data.formulas import names_in
from reportgen.data.schema import Article, DatasetInfo, Event, Metric, Page, Ranking
from reportgen.data.topics import Topics
from reportgen.locale import LANGS
from reportgen.locale.texts import Localized, unfold

if TYPE_CHECKING:  # pandas is imported when a table is asked for, not to validate
    import pandas as pd

METRIC_COLUMNS = [
    "id",
    *unfold("label", None),
    "value",
    "unit",
    "qualifier",
    "hedge",
    "period",
    "period_kind",
    "topic",
    "article",
    "quote",
    "derived",
    "formula",
    "inputs",
    "decimals",
    *unfold("note", None),
    "reviewed",
]
RANKING_COLUMNS = ["id", "year", "rank", *unfold("assessment", None), "article", "quote"]
#: Columns the rankings table adds when an entry uses them (an assessment article names who
#: is ranked; a draft is not yet reviewed): a table that ranks only the subject, all reviewed,
#: keeps the columns above.
RANKING_ENTITY_COLUMNS = unfold("entity", None)
RANKING_REVIEW_COLUMN = "reviewed"
EVENT_COLUMNS = [
    "id",
    "date",
    "end_date",
    "date_basis",
    "date_note",
    *unfold("title", None),
    *unfold("place", None),
    *unfold("parties", None),
    *unfold("agreed", None),
    "status",
    "article",
    "quote",
    "metrics",
]
ARTICLE_COLUMNS = [
    "id",
    "kind",
    *unfold("title", None),
    "kicker_zh",  # the kicker only in Chinese: the table's columns are kept as they were
    *unfold("reporter", None),
    *unfold("outlet", None),
    "date",
    "parent",
    "raw_source",
    "file",
    "characters",
]
TABLE_NAMES = ("metrics", "rankings", "events", "articles")


@dataclass(frozen=True)
class Dataset:
    """One validated data folder."""

    root: Path
    info: DatasetInfo
    page: Page | None
    articles: tuple[Article, ...]
    article_texts: Mapping[str, str]
    metrics: tuple[Metric, ...]
    rankings: tuple[Ranking, ...]
    events: tuple[Event, ...]
    #: The name of the assessment the rankings come from (rankings.yaml's assessment_zh).
    assessment: Localized[str | None] = field(default_factory=lambda: Localized({}))
    #: hash of every file the loader read (names and bytes): what outputs depend on
    source_digest: str = ""
    #: the topics in force: the bundled lexicon and the folder's own topics.yaml
    topics: Topics = field(default_factory=Topics.load)

    def __post_init__(self) -> None:
        object.__setattr__(self, "article_texts", MappingProxyType(dict(self.article_texts)))

    def __reduce__(self):
        """Pickled with plain dicts (a mappingproxy does not pickle), so a build hands worker
        processes the dataset it validated rather than each loading the folder again."""
        values = {item.name: getattr(self, item.name) for item in fields(self)}
        values["article_texts"] = dict(self.article_texts)
        return (_unpickle_dataset, (values,))

    @property
    def unreviewed(self) -> int:
        """How many figures, rankings and events are drafts nobody has checked yet
        (``reviewed: false``): what build warns about and CI names its artifacts by."""
        entries = (*self.metrics, *self.rankings, *self.events)
        return sum(1 for entry in entries if not entry.reviewed)

    def metric(self, metric_id: str) -> Metric:
        """The metric with this id; KeyError names the id when there is none."""
        for metric in self.metrics:
            if metric.id == metric_id:
                return metric
        raise KeyError(f"no metric '{metric_id}' in dataset '{self.info.id}'")

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(f"no article '{article_id}' in dataset '{self.info.id}'")

    def table(self, name: str) -> pd.DataFrame:
        """One of TABLE_NAMES as a fresh DataFrame."""
        builders = {
            "metrics": self.metrics_table,
            "rankings": self.rankings_table,
            "events": self.events_table,
            "articles": self.articles_table,
        }
        if name not in builders:
            raise KeyError(f"no table '{name}'; tables are {', '.join(TABLE_NAMES)}")
        return builders[name]()

    def metrics_table(self) -> pd.DataFrame:
        import pandas as pd

        rows = []
        for m in self.metrics:
            rows.append(
                {
                    **_row(m, exclude={"derived"}),
                    "derived": m.is_derived,
                    "formula": m.derived.formula if m.derived else None,
                    "inputs": " ".join(names_in(m.derived.formula)) if m.derived else None,
                    "decimals": m.derived.decimals if m.derived else None,
                }
            )
        frame = pd.DataFrame(rows, columns=METRIC_COLUMNS)
        frame["value"] = frame["value"].astype("float64")
        frame["decimals"] = frame["decimals"].astype("Int64")
        return frame

    def rankings_table(self) -> pd.DataFrame:
        import pandas as pd

        rows = []
        for r in self.rankings:
            row = _row(r)
            if not any(r.assessment.values()):  # the file's assessment, unless it names its own
                row.update(unfold("assessment", self.assessment))
            rows.append(row)
        columns = list(RANKING_COLUMNS)
        if any(any(r.entity.values()) for r in self.rankings):
            columns[1:1] = RANKING_ENTITY_COLUMNS  # who, then the year and place
        if not all(r.reviewed for r in self.rankings):
            columns.append(RANKING_REVIEW_COLUMN)
        return pd.DataFrame(rows, columns=columns).sort_values(
            "year", kind="stable", ignore_index=True
        )

    def events_table(self) -> pd.DataFrame:
        import pandas as pd

        rows = []
        for e in self.events:
            row = _row(e)
            for lang in LANGS:
                row[f"parties_{lang}"] = locale.get(lang).LIST_SEPARATOR.join(e.parties[lang])
            row["metrics"] = " ".join(e.metrics)
            rows.append(row)
        frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
        return frame.sort_values(["date", "id"], kind="stable", ignore_index=True)

    def articles_table(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {**_row(a), "characters": len(self.article_texts.get(a.id, ""))} for a in self.articles
        ]
        return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def _row(record: BaseModel, exclude: set[str] | frozenset[str] = frozenset()) -> dict:
    """A record as a table row: each localised field as its ``<field>_<lang>`` columns."""
    row: dict = {}
    for name, value in record.model_dump(exclude=exclude).items():
        if name in type(record).localized:
            row.update(unfold(name, getattr(record, name)))
        else:
            row[name] = value
    return row


def _unpickle_dataset(values: dict) -> Dataset:
    return Dataset(**values)
