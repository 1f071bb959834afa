"""Declarative chart specs, as a template's charts.yaml writes them.

A spec names metric ids, a table or an event query; it never holds a number. Resolving it
against a dataset (``reportgen.charts.resolve``) is what produces values to draw.
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from reportgen.charts.kinds import KINDS, ChartKind
from reportgen.data.schema import Id, IsoDate, Text
from reportgen.locale import LANGS
from reportgen.locale.texts import FoldsLanguages, Localized, unfold

__all__ = ["PLACEHOLDER", "ChartKind", "ChartSpec", "EventQuery", "Item", "Series"]

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class _Model(FoldsLanguages):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Item(_Model):
    """A metric in a chart, optionally with a shorter label than the metric's own."""

    localized: ClassVar[tuple[str, ...]] = ("label",)

    metric: Id
    label: Localized[Text | None] = Localized({})


def _items(value: object) -> object:
    """Accept ``[id, ...]`` as shorthand for ``[{metric: id}, ...]``."""
    if isinstance(value, list):
        return [{"metric": v} if isinstance(v, str) else v for v in value]
    return value


class Series(_Model):
    localized: ClassVar[tuple[str, ...]] = ("label",)

    label: Localized[Text]
    metrics: Annotated[list[Item], Field(min_length=1, max_length=24)]

    _shorthand = field_validator("metrics", mode="before")(_items)


DateBasis = Literal["stated", "relative", "inferred"]


class EventQuery(_Model):
    """Events whose start date falls in [from, to], optionally only with some date bases."""

    from_: IsoDate = Field(alias="from")
    to: IsoDate
    basis: tuple[Literal["stated", "relative", "inferred"], ...] = (
        "stated",
        "relative",
        "inferred",
    )
    precise_only: bool = True  # only events dated to the day can be placed on a day axis


class ChartSpec(_Model):
    """One chart of a template; its texts are written once per language (``title_zh``)."""

    localized: ClassVar[tuple[str, ...]] = ("title", "subtitle", "takeaway", "note")

    id: Id
    kind: ChartKind
    title: Localized[Text]
    subtitle: Localized[Text | None] = Localized({})
    series: list[Series] = Field(default_factory=list)
    metrics: list[Item] = Field(default_factory=list)
    total: Id | None = None
    table: Literal["rankings"] | None = None
    events: EventQuery | None = None
    takeaway: Localized[Text | None] = Localized({})
    note: Localized[Text | None] = Localized({})

    _shorthand = field_validator("metrics", mode="before")(_items)

    @model_validator(mode="after")
    def _inputs_fit_kind(self) -> ChartSpec:
        KINDS[self.kind].check(self)  # the inputs this kind needs
        if len({self.takeaway[lang] is None for lang in LANGS}) > 1:
            raise ValueError(f"give {' and '.join(unfold('takeaway', None))} together, or neither")
        return self

    def metric_ids(self) -> list[str]:
        """Every metric id the spec refers to, including those in takeaway placeholders."""
        ids = [item.metric for s in self.series for item in s.metrics]
        ids += [item.metric for item in self.metrics]
        ids += [self.total] if self.total else []
        for text in self.takeaway.values():
            ids += PLACEHOLDER.findall(text or "")
        return list(dict.fromkeys(ids))
