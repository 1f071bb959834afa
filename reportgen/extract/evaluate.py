"""How good the extractor is, against hand-checked gold files.

A gold file (YAML) names its source text, the article date, and every fact with its span,
kind, value, unit, qualifier and (where it matters) subject. A predicted fact matches a gold
fact when their spans overlap and their values are equal (detection); a full match also needs
the same unit and qualifier; a subject matches when one contains the other.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from reportgen.errors import DataError, Problem
from reportgen.extract.facts import KINDS, Fact, extract
from reportgen.extract.frames import tidy
from reportgen.extract.reading import Reading, read
from reportgen.locale import Qualifier
from reportgen.safeio import MAX_EXTRACT_BYTES
from reportgen.yamlio import LineDict, load_yaml, read_text, validate_model

#: Roles a gold fact may have; the first five are metrics a presenter sees.
METRIC_ROLES = ("level", "count", "change", "share", "rank")
GoldRole = Literal["level", "count", "change", "share", "rank", "period", "date", "other"]


class GoldFact(BaseModel):
    """One hand-checked fact: its span in the source text and what it says."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    kind: str
    value: float | str | list[float | str]
    unit: str
    qualifier: Qualifier
    subject: str | None = None
    #: what a presenter would see (only for metric roles: level, count, change, share, rank)
    role: GoldRole | None = None
    label: str | None = None
    entity: str | None = None
    period: str | None = None
    period_kind: Literal["during", "as_of"] | None = None
    topic: str | None = None
    ranked: str | None = None
    assessment: str | None = None

    @model_validator(mode="after")
    def _framed_when_a_metric(self) -> GoldFact:
        framed = [self.label, self.period, self.topic]
        if self.role in METRIC_ROLES and any(value is None for value in framed):
            raise ValueError(f"a {self.role} needs label, period and topic")
        if self.role not in METRIC_ROLES and any(value is not None for value in framed):
            raise ValueError(f"a {self.role or 'fact without role'} has no label, period or topic")
        return self

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in KINDS:
            raise ValueError(f"'{kind}' is not a kind the extractor reports ({', '.join(KINDS)})")
        return kind

    @field_validator("value")
    @classmethod
    def _finite(cls, value):
        numbers = value if isinstance(value, list) else [value]
        if any(isinstance(n, float) and not math.isfinite(n) for n in numbers):
            raise ValueError("must be a finite number")
        return value


class GoldArticle(BaseModel):
    """What a reader says the (first) article is: headline, outlet, reporters, subject."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    outlet: str | None = None
    author: str | None = None
    subject: str | None = None


class GoldFile(BaseModel):
    """A gold file: its source text (relative to the file), the article date, the facts; the
    extended form also says what the article is and how many pieces the file holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    date: dt.date | None = None
    note: str | None = None
    article: GoldArticle | None = None
    pieces: Annotated[int, Field(ge=1)] | None = None
    facts: list[GoldFact]

    @property
    def framed(self) -> bool:
        """True for a gold file that gives labels, roles, periods and topics."""
        return any(fact.role is not None for fact in self.facts)


@dataclass
class Score:
    true: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


#: Words a presenter's label never starts or ends with: the measure's own list (the issue's
#: examples 和, 及, 其中, 的, 占, 今年前, and their kin), kept apart from what the drafter strips.
_DANGLING = (
    "今年前",
    "其中",
    "分别",
    "同比",
    "以及",
    "和",
    "及",
    "与",
    "的",
    "了",
    "占",
    "达",
    "为",
    "并",
    "等",
    "由",
    "从",
    "至",
    "到",
    "在",
    "或",
    "共",
    "已",
    "将",
    "约",
    "近",
)
#: A figure inside a label: a digit, or a Chinese numeral with its measure word (近五成, 三家);
#: 亿元 in 亿元以上项目 names a class of projects, not a figure.
_FIGURE_IN = re.compile(
    r"[0-9０-９]|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
    r"[个家项列人名条批位%％万亿元倍成]"
)


#: A label cut inside a figure: a hedge or a change verb and the numeral after it (…增长近五).
_FIGURE_CUT = re.compile(r"(?:近|约|超|逾|增长|下降|提高|达)[零〇一二两三四五六七八九十百千万亿]+$")


def broken_label(label: str) -> bool:
    """A label no presenter can print as it is: shorter than two characters, a function word
    at either edge, or a figure inside."""
    label = re.sub(r"\s+", "", label)
    if len(label) < 2 or _FIGURE_IN.search(label) or _FIGURE_CUT.search(label):
        return True
    return any(label.startswith(word) or label.endswith(word) for word in _DANGLING)


def char_f1(predicted: str, gold: str) -> float:
    """Character F1 of two labels (bags of characters): how much of the words agree."""
    common = sum((Counter(predicted) & Counter(gold)).values())
    if not common:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


@dataclass
class Frames:
    """How the drafted figures read against the gold's presenter labels, roles, periods and
    topics (files with the extended gold only)."""

    files: int = 0
    gold: int = 0  # gold metric facts
    found: int = 0  # of them, drafted as a metric (or a ranking) at their place
    label_f1: float = 0.0  # summed over found
    role: int = 0
    period: int = 0
    period_kind: int = 0
    topic: int = 0
    drafted: int = 0  # labels drafted in all
    broken: int = 0
    periods_as_metrics: int = 0  # gold period phrases drafted as a metric
    articles: int = 0
    title: int = 0
    outlet: int = 0
    subject: int = 0
    pieces: int = 0

    def add(self, other: Frames) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def share(self, right: float, total: int) -> float:
        return right / total if total else 1.0


@dataclass
class Report:
    detection: Score = field(default_factory=Score)
    full: Score = field(default_factory=Score)
    subject: Score = field(default_factory=Score)
    qualifier_right: int = 0
    qualifier_total: int = 0
    by_kind: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[str] = field(default_factory=list)
    frames: Frames = field(default_factory=lambda: Frames())

    def add(self, other: Report) -> None:
        """Pool another file's counts into this one (scores are counted fact by fact)."""
        for mine, theirs in (
            (self.detection, other.detection),
            (self.full, other.full),
            (self.subject, other.subject),
            *((self.by_kind[kind], score) for kind, score in other.by_kind.items()),
        ):
            mine.true += theirs.true
            mine.predicted += theirs.predicted
            mine.gold += theirs.gold
        self.qualifier_right += other.qualifier_right
        self.qualifier_total += other.qualifier_total
        self.misses += other.misses
        self.frames.add(other.frames)

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_right / self.qualifier_total if self.qualifier_total else 1.0


def _same_value(a, b) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    return str(a) == str(b)


def load_gold(gold_file: Path) -> tuple[GoldFile, str]:
    """A gold file and its source text, checked: a file that is not one (a data file given
    by mistake) is a DataError naming file, line and field, not a crash."""
    problems: list[Problem] = []
    shown = str(gold_file)
    doc = load_yaml(gold_file, shown, problems)
    gold = None
    if isinstance(doc, LineDict):
        gold = validate_model(GoldFile, doc, shown, "gold file", problems)
    elif doc is not None:
        problems.append(Problem(shown, None, None, None, "expected a mapping with 'facts'"))
    text: str | None = None
    if gold is not None:  # a missing source is the gold file's field 'source' at fault
        source = gold_file.parent / gold.source
        unread: list[Problem] = []
        if Path(gold.source).is_absolute():  # a source beside the gold, never anywhere
            why = "an absolute path; name it relative to the gold file"
            unread.append(Problem(gold.source, None, None, None, why))
        else:  # bounded, regular files only, as every read
            text = read_text(source, str(source), unread, MAX_EXTRACT_BYTES)
        line = doc.line_of("source")
        problems += [Problem(shown, line, "gold file", "source", str(p)) for p in unread]
    if gold is None or text is None:
        raise DataError(problems)
    return gold, text


def evaluate(gold_file: Path, report: Report | None = None) -> Report:
    report = report or Report()
    doc, text = load_gold(gold_file)
    reading = read(text, doc.date) if doc.date else None
    predicted: list[Fact] = list(reading.facts) if reading else extract(text, doc.date)
    gold = [fact.model_dump() for fact in doc.facts]
    used: set[int] = set()
    report.detection.predicted += len(predicted)
    report.full.predicted += len(predicted)
    report.detection.gold += len(gold)
    report.full.gold += len(gold)
    for item in gold:
        kind_score = report.by_kind[item["kind"]]
        kind_score.gold += 1
        if item.get("subject"):
            report.subject.gold += 1
        match = next(
            (
                n
                for n, fact in enumerate(predicted)
                if n not in used
                and fact.start < item["end"]
                and item["start"] < fact.end
                and _same_value(fact.value, item["value"])
            ),
            None,
        )
        if match is None:
            report.misses.append(f"{gold_file.name}: missed {item['text']!r} ({item['kind']})")
            continue
        used.add(match)
        fact = predicted[match]
        report.detection.true += 1
        if fact.kind == item["kind"]:
            kind_score.true += 1
        report.qualifier_total += 1
        report.qualifier_right += fact.qualifier == item["qualifier"]
        if fact.unit == item["unit"] and fact.qualifier == item["qualifier"]:
            report.full.true += 1
        if item.get("subject"):
            report.subject.predicted += 1
            if fact.subject and (
                item["subject"] in fact.subject or fact.subject in item["subject"]
            ):
                report.subject.true += 1
    for n, fact in enumerate(predicted):
        report.by_kind[fact.kind].predicted += 1
        if n not in used:
            report.misses.append(f"{gold_file.name}: extra {fact.text!r} ({fact.kind})")
    if reading is not None and doc.framed:
        _score_frames(doc, reading, gold_file.name, report)
    return report


@dataclass(frozen=True)
class _Drafted:
    """A drafted figure or ranking as the evaluation compares it: where, and what it says."""

    start: int
    end: int
    value: object
    label: str
    role: str
    period: str
    period_kind: str
    topic: str


def _drafted(reading: Reading) -> list[_Drafted]:
    """What the draft proposes, as the draft writes it: a figure whose label would be shorter
    than two characters is left out there, so it is not drafted here either."""
    subject = reading.subject()
    out = [
        _Drafted(
            f.fact.start,
            f.fact.end,
            f.fact.value,
            f.frame.label(subject),
            f.frame.role,
            f.period,
            f.period_kind,
            f.topic,
        )
        for f in reading.figures
        if f.frame.label(subject)
    ]
    for piece in reading.pieces:
        for rank in piece.rankings:
            # what the ranking table shows: who (unless the subject), in what, 排名
            who = (
                ""
                if not rank.entity or rank.entity in subject or subject in rank.entity
                else rank.entity
            )
            label = tidy(f"{who}{rank.assessment or rank.measure}排名")
            year = str(rank.year or piece.date.year)
            out.append(
                _Drafted(rank.start, rank.end, rank.rank, label, "rank", year, "during", "ranking")
            )
    return out


def _score_frames(doc: GoldFile, reading: Reading, name: str, report: Report) -> None:
    """Labels, roles, periods and topics of the drafted figures against the gold's."""
    frames = report.frames
    frames.files += 1
    drafted = _drafted(reading)
    frames.drafted += len(drafted)
    for figure in drafted:
        if broken_label(figure.label):
            frames.broken += 1
            report.misses.append(f"{name}: broken label {figure.label!r}")
    used: set[int] = set()
    for item in doc.facts:
        overlapping = [
            n
            for n, figure in enumerate(drafted)
            if n not in used and figure.start < item.end and item.start < figure.end
        ]
        if item.role not in METRIC_ROLES:
            if item.role == "period" and overlapping:
                frames.periods_as_metrics += 1
                report.misses.append(f"{name}: period {item.text!r} drafted as a metric")
            continue
        frames.gold += 1
        match = next(
            (n for n in overlapping if _same_value(drafted[n].value, item.value)),
            overlapping[0] if overlapping else None,
        )
        if match is None:
            report.misses.append(f"{name}: no metric for {item.text!r} ({item.label})")
            continue
        used.add(match)
        figure = drafted[match]
        frames.found += 1
        frames.label_f1 += char_f1(figure.label, item.label or "")
        frames.role += figure.role == item.role
        frames.period += figure.period == item.period
        frames.period_kind += figure.period_kind == (item.period_kind or "during")
        frames.topic += figure.topic == item.topic
        for what, mine, theirs in (
            ("label", figure.label, item.label),
            ("role", figure.role, item.role),
            ("period", figure.period, item.period),
            ("topic", figure.topic, item.topic),
        ):
            if mine != theirs:
                report.misses.append(f"{name}: {item.text!r} {what} {mine!r}, gold {theirs!r}")
    if doc.article is not None:
        frames.articles += 1
        first = reading.layout.pieces[0] if reading.layout.pieces else None
        header = reading.layout.header
        title = (header.title if header and header.title else None) or (
            first.title if first else ""
        )
        outlet = (header.outlet if header and header.outlet else None) or (
            first.outlet if first else None
        )
        frames.title += _same_text(title, doc.article.title)
        frames.outlet += _same_text(outlet or "", doc.article.outlet or "")
        frames.subject += _same_text(reading.subject(), doc.article.subject or "")
        frames.pieces += len(reading.layout.pieces) == (doc.pieces or 1)


def _same_text(mine: str, theirs: str) -> bool:
    """Equal once spaces are dropped, or one inside the other (青岛日报 in 青岛日报/观海新闻)."""
    mine, theirs = re.sub(r"\s+", "", mine), re.sub(r"\s+", "", theirs)
    return mine == theirs or bool(mine and theirs and (mine in theirs or theirs in mine))


def format_report(report: Report, title: str) -> str:
    def row(name: str, score: Score) -> str:
        return (
            f"  {name:14} P {score.precision:.2f}  R {score.recall:.2f}  "
            f"F1 {score.f1:.2f}  ({score.true}/{score.predicted} predicted, "
            f"{score.true}/{score.gold} gold)"
        )

    lines = [
        title,
        row("detection", report.detection),
        row("full match", report.full),
        row("subject", report.subject),
        f"  qualifier accuracy {report.qualifier_accuracy:.2f} "
        f"({report.qualifier_right}/{report.qualifier_total})",
    ]
    for kind in sorted(report.by_kind):
        lines.append(row(f"  {kind}", report.by_kind[kind]))
    frames = report.frames
    if frames.files:
        found = frames.found
        broken = frames.broken / frames.drafted if frames.drafted else 0.0
        lines += [
            f"  drafted as curated ({frames.files} file(s) with presenter labels):",
            f"    metrics found     {frames.share(found, frames.gold):.2f} ({found}/{frames.gold})",
            f"    label F1 (chars)  {frames.share(frames.label_f1, found):.2f}",
            f"    broken labels     {broken:.2f} ({frames.broken}/{frames.drafted} drafted)",
            f"    role accuracy     {frames.share(frames.role, found):.2f}",
            f"    period accuracy   {frames.share(frames.period, found):.2f}"
            f" (kind {frames.share(frames.period_kind, found):.2f})",
            f"    topic accuracy    {frames.share(frames.topic, found):.2f}",
            f"    periods drafted as metrics {frames.periods_as_metrics}",
        ]
        if frames.articles:
            n = frames.articles
            lines.append(
                f"    article: title {frames.title}/{n}, outlet {frames.outlet}/{n}, "
                f"subject {frames.subject}/{n}, pieces {frames.pieces}/{n}"
            )
    return "\n".join(lines)
