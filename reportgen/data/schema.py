"""The shape of a data folder's files, as pydantic models.

Models are frozen: once loaded and validated, a fact cannot be changed by a builder. Field
constraints live here; checks that need more than one entry (provenance, references,
formulas) live in ``reportgen.data.provenance``.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationInfo,
    field_validator,
    model_validator,
)

from reportgen.locale import LANGS, Lang, Qualifier
from reportgen.locale.numbers import CURRENCIES
from reportgen.locale.texts import FoldsLanguages, Localized, unfold
from reportgen.locale.zh import CURRENCY_WORDS as CURRENCY_WORDS  # re-exported: the extractor's
from reportgen.locale.zh import HEDGES
from reportgen.text.safe import check_display_text, check_drawable

#: The largest magnitude a value or a formula's constant may have. Floats hold whole numbers
#: exactly up to 2**53 (about 9e15), so every value up to this prints with every digit; 1e15 yuan
#: is 1000万亿元, far beyond any figure a zone reports.
MAX_VALUE = 1e15
#: Years a date, a period or a ranking may name; a year outside is a typo (0000, 2203).
MIN_YEAR, MAX_YEAR = 1900, 2100


def _zero_not_negative(value: float) -> float:
    return value + 0.0  # -0.0 + 0.0 is 0.0: a negative zero never reaches a slide as "-0"


#: Validation context key for the face a dataset's text will be set in (``reportgen.fonts.Face``).
#: Given, every displayed text must have its glyphs there; absent, only the text rule applies.
DISPLAY_FACE = "display_face"


def _drawable(text: str, info: ValidationInfo) -> str:
    return check_drawable(text, (info.context or {}).get(DISPLAY_FACE))


Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
#: Strings a presenter can see: printable characters and spaces only (reportgen.text.safe).
#: Strings a presenter can see are also checked against the template's face (DISPLAY_FACE).
Text = Annotated[
    str,
    Field(min_length=1, max_length=2000),
    AfterValidator(check_display_text),
    AfterValidator(_drawable),
]
LongText = Annotated[
    str,
    Field(min_length=1, max_length=20000),
    AfterValidator(check_display_text),
    AfterValidator(_drawable),
]
Number = Annotated[
    float,
    Strict(),
    Field(allow_inf_nan=False, ge=-MAX_VALUE, le=MAX_VALUE),
    AfterValidator(_zero_not_negative),
]

#: Validation context key for the topics a data folder may use (``reportgen.data.topics``);
#: absent, the bundled lexicon's.
KNOWN_TOPICS = "known_topics"


def _known_topic(topic: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get(KNOWN_TOPICS)
    if known is None:
        from reportgen.data.topics import Topics

        known = Topics.load().ids
    if topic not in known:
        raise ValueError(
            f"unknown topic '{topic}'; known: {', '.join(sorted(known))} "
            "(a data folder's topics.yaml may add topics)"
        )
    return topic


Topic = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$"), AfterValidator(_known_topic)]
#: What a figure is: an amount (level), a number of things (count), a change, a part of a
#: whole (share) or a place in a ranking (rank).
Role = Literal["level", "count", "change", "share", "rank"]
ArticleKind = Literal["feature", "sidebar", "news", "captions", "interview", "other"]

# The hedge vocabulary lives in the locale; the schema checks a metric's hedge against it.

_ISO_PARTIAL = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
ISO_DATE = re.compile(rf"^{_ISO_PARTIAL}$")
ISO_PERIOD = re.compile(rf"^{_ISO_PARTIAL}(?:/{_ISO_PARTIAL})?$")
#: Money in ISO codes; %, ‰ and 个百分点 for shares and their changes; measure words as written;
#: rates such as 微克/立方米; '' where the article gives none (总诊疗人次达7450万).
#: The currencies are the locale's (ISO codes); each language writes them its own way.
UNIT = re.compile(
    rf"^({'|'.join(CURRENCIES)}|%|‰|℃|km2|m2|TEU|/10万|[\u4e00-\u9fff]{{1,4}}(?:/[\u4e00-\u9fff]{{1,3}})?|)$"
)
#: Units whose values can be below zero: a share's change, a temperature.
SIGNED_UNITS = ("%", "‰", "个百分点", "℃")


def date_span(iso: str) -> tuple[datetime.date, datetime.date]:
    """First and last day an ISO year, month or date covers; ValueError if it is not a real
    calendar date in MIN_YEAR..MAX_YEAR (2023-02-30, 0000).

    >>> date_span("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    parts = [int(part) for part in iso.split("-")]
    year = parts[0]
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {iso[:4]} is outside {MIN_YEAR}-{MAX_YEAR}")
    if len(parts) == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = parts[1]
    days = calendar.monthrange(year, month)[1]
    if len(parts) == 2:
        return datetime.date(year, month, 1), datetime.date(year, month, days)
    if parts[2] > days:
        raise ValueError(f"{iso} is not a calendar date ({year}-{month:02d} has {days} days)")
    day = datetime.date(year, month, parts[2])
    return day, day


def check_order(start: str, end: str, end_name: str, start_name: str) -> None:
    """An interval must not end before it starts: 2022-12/2022-01 is refused, 2022/2022-03 and
    2022-05-17/2022-05 (within the month) are kept."""
    if date_span(end)[1] < date_span(start)[0]:
        raise ValueError(f"{end_name} {end} is before {start_name} {start}")


def _real_date(iso: str) -> str:
    date_span(iso)
    return iso


def _real_period(period: str) -> str:
    start, _, end = period.partition("/")
    _real_date(start)
    if end:
        _real_date(end)
        check_order(start, end, "the period's end", "its start")
    return period


IsoDate = Annotated[str, Field(pattern=ISO_DATE.pattern), AfterValidator(_real_date)]
Period = Annotated[str, Field(pattern=ISO_PERIOD.pattern), AfterValidator(_real_period)]


class _Model(FoldsLanguages):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Derivation(_Model):
    """How a derived metric is computed from reported ones; names in the formula are metric ids."""

    formula: Text
    decimals: Annotated[int, Strict(), Field(ge=-12, le=6)]


class Metric(_Model):
    """One number a presenter may show, with the sentence it came from (or its derivation)."""

    localized: ClassVar[tuple[str, ...]] = ("label", "note")
    translated: ClassVar[dict[str, str]] = {"label": "label"}

    id: Id
    label: Localized[Text]
    value: Number
    unit: Annotated[str, Field(pattern=UNIT.pattern)]
    qualifier: Qualifier
    hedge: Text | None = None
    period: Period
    period_kind: Literal["during", "as_of"] = "during"
    topic: Topic
    role: Role | None = None
    #: the level this change changes (a metric id), when the text gives both
    change_of: Id | None = None
    #: a figure the article leads with (its headline or lead)
    salient: bool = False
    article: Id | None = None
    quote: LongText | None = None
    derived: Derivation | None = None
    note: Localized[Text | None] = Localized({})
    #: the subhead of its article it stands under, as printed (a section of the story)
    section: Text | None = None
    #: the article's own clause stating it, each figure in it as ``{metric_id}``: a talking
    #: point whose numbers are the data's (对外贸易额达{trade_01}，增长{trade_02})
    point: Text | None = None
    #: further articles that report the same figure (ids), beside ``article``
    also_in: list[Id] = Field(default_factory=list)
    reviewed: bool = True  # drafts from `reportgen extract --to-data` start as False

    @model_validator(mode="after")
    def _reported_or_derived(self) -> Metric:
        if self.derived is None:
            if self.article is None or self.quote is None:
                missing = "article" if self.article is None else "quote"
                raise ValueError(f"a reported metric needs '{missing}' (or 'derived' if computed)")
        elif self.quote is not None:
            raise ValueError("a derived metric has a formula, not a quote; remove 'quote'")
        if self.hedge is not None and HEDGES.get(self.hedge) != self.qualifier:
            expected = HEDGES.get(self.hedge)
            raise ValueError(
                f"hedge '{self.hedge}' means qualifier '{expected}', not '{self.qualifier}'"
                if expected
                else f"unknown hedge '{self.hedge}'; known: {', '.join(HEDGES)}"
            )
        if self.derived is None and self.qualifier != "exact" and self.hedge is None:
            raise ValueError(
                f"qualifier '{self.qualifier}' needs 'hedge': the word the article hedges with"
            )
        if self.change_of is not None and self.role not in (None, "change"):
            raise ValueError(f"'change_of' is for a change, not a {self.role}")
        counted = self.unit not in SIGNED_UNITS
        if counted and self.value < 0:
            raise ValueError(f"value {self.value:g} cannot be negative for unit '{self.unit}'")
        return self

    @property
    def is_derived(self) -> bool:
        return self.derived is not None


class Ranking(_Model):
    """A place in one year of an assessment: who is ranked (``entity``; without one, the
    dataset's subject) and in what (``assessment``; without one, the file's
    ``assessment_zh``/``_en``). An assessment article gives several entities of one year, a
    climb one entity over several years."""

    localized: ClassVar[tuple[str, ...]] = ("entity", "assessment")
    translated: ClassVar[dict[str, str]] = {"entity": "name", "assessment": "name"}

    id: Id
    year: Annotated[int, Strict(), Field(ge=MIN_YEAR, le=MAX_YEAR)]
    rank: Annotated[int, Strict(), Field(ge=1, le=10000)]
    entity: Localized[Text | None] = Localized({})
    assessment: Localized[Text | None] = Localized({})
    article: Id
    quote: LongText
    reviewed: bool = True  # drafts from `reportgen extract --to-data` start as False


class Event(_Model):
    """A dated event: when, where, who, and what was agreed."""

    localized: ClassVar[tuple[str, ...]] = ("title", "place", "parties", "agreed")
    translated: ClassVar[dict[str, str]] = {
        "title": "title",
        "place": "name",
        "parties": "name",
        "agreed": "title",
    }

    id: Id
    date: IsoDate
    end_date: IsoDate | None = None
    date_basis: Literal["stated", "relative", "inferred"]
    date_note: Text | None = None
    title: Localized[Text]
    place: Localized[Text | None] = Localized({})
    parties: Localized[list[Text]] = Localized({lang: [] for lang in LANGS})
    agreed: Localized[Text | None] = Localized({})
    status: Literal["held", "planned"]
    article: Id
    quote: LongText
    metrics: list[Id] = Field(default_factory=list)
    reviewed: bool = True

    @model_validator(mode="after")
    def _dates(self) -> Event:
        if self.end_date is not None:
            check_order(self.date, self.end_date, "end_date", "date")
        if self.date_basis != "stated" and self.date_note is None:
            raise ValueError(f"date_basis '{self.date_basis}' needs 'date_note' saying how")
        if len({len(self.parties[lang]) for lang in LANGS}) > 1:
            raise ValueError(f"{' and '.join(unfold('parties', None))} must list the same parties")
        return self


class Article(_Model):
    """One piece on the page, with its clean text in ``file``."""

    localized: ClassVar[tuple[str, ...]] = ("title", "kicker", "reporter", "outlet")
    translated: ClassVar[dict[str, str]] = {
        "title": "title",
        "kicker": "title",
        "reporter": "person",
        "outlet": "name",
    }

    id: Id
    kind: ArticleKind
    file: Text
    title: Localized[Text]
    title_note: Text | None = None
    kicker: Localized[Text | None] = Localized({})
    reporter: Localized[Text | None] = Localized({})
    outlet: Localized[Text]
    date: IsoDate
    parent: Id | None = None
    raw_source: Id | None = None
    #: what the article says will be done, in its own words (the outlook); figures in them
    #: are written ``{metric_id}`` as in a metric's point
    plans: Annotated[list[Text], Field(max_length=12)] = Field(default_factory=list)


class Page(_Model):
    """What the page says about all its pieces: outlet, editors, and how it was dated."""

    localized: ClassVar[tuple[str, ...]] = ("outlet", "banner")

    outlet: Localized[Text]
    banner: Localized[Text | None] = Localized({})
    editors: dict[Text, list[Text]] = Field(default_factory=dict)
    date: IsoDate
    date_earliest: IsoDate | None = None
    date_note: Text | None = None


class ArticlesFile(_Model):
    page: Page | None = None
    articles: list[dict] = Field(min_length=1)


class RawSource(_Model):
    id: Id
    localized: ClassVar[tuple[str, ...]] = ("description",)

    file: Text
    description: Localized[Text | None] = Localized({})


class DatasetInfo(_Model):
    """dataset.yaml: what the data folder is about."""

    localized: ClassVar[tuple[str, ...]] = ("title", "subject")
    translated: ClassVar[dict[str, str]] = {"title": "title", "subject": "name"}

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
    title: Localized[Text]
    subject: Localized[Text]
    language: Lang = LANGS[0]
    as_of: IsoDate
    raw_sources: list[RawSource] = Field(default_factory=list)

    @field_validator("raw_sources")
    @classmethod
    def _unique_sources(cls, sources: list[RawSource]) -> list[RawSource]:
        ids = [source.id for source in sources]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate raw source id(s): {', '.join(duplicates)}")
        return sources
